import pytest

from intervisie.models import WerkafspraakPage, WerkafsprakenIndexPage
from tests.factories import create_casus

pytestmark = pytest.mark.django_db


def test_casus_page_lists_published_werkafspraken_from_it(consulent_client):
    casus = create_casus()
    index = WerkafsprakenIndexPage.objects.get()
    afspraak = WerkafspraakPage(
        title="Bij eerste keer giften: eerst een gesprek", afspraak="Eerst in gesprek.", casus=casus
    )
    index.add_child(instance=afspraak)
    afspraak.save_revision().publish()
    concept = WerkafspraakPage(title="Nog niet gepubliceerd", afspraak="x", casus=casus, live=False)
    index.add_child(instance=concept)

    html = consulent_client.get(casus.url).content.decode()

    assert "Werkafspraken uit deze casus" in html and afspraak.title in html
    assert concept.title not in html
