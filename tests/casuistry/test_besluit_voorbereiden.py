import logging

import pytest
from wagtail.models import PageLogEntry, Revision

from base import roles
from casuistry.models import CasusPage
from tests.casuistry.test_semantic import GIFT, HENNEP, PARTNER, index
from tests.factories import create_casus

pytestmark = pytest.mark.django_db
URL = "/besluit-voorbereiden/"
DRAFT = (
    "Mevrouw Fatima el Amrani (BSN 111222333) krijgt al maanden bezoek van haar vriend, die bijna elke nacht "
    "blijft slapen en meebetaalt aan de boodschappen. Wij overwegen een onderzoek naar samenwonen."
)


@pytest.fixture
def corpus():
    casus = [create_casus(**PARTNER), create_casus(**HENNEP), create_casus(**GIFT)]
    index(*casus)
    return casus


def counts():
    return CasusPage.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()


def test_draft_is_anonymised_searched_and_not_stored(corpus, consulent_client, caplog):
    before = counts()

    with caplog.at_level(logging.DEBUG):
        response = consulent_client.post(URL, {"situatie": DRAFT})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Amrani" not in html and "111222333" not in html  # only the pseudonymised text is shown back
    assert "[PERSOON-1]" in html and "1× BSN" in html
    assert corpus[0].title in html
    assert html.index(corpus[0].title) < html.index(corpus[1].title) if corpus[1].title in html else True
    assert "Bewust of onbewust" in html
    assert counts() == before
    assert "Amrani" not in caplog.text and "111222333" not in caplog.text


def test_a_too_short_draft_gets_a_dutch_error(consulent_client):
    response = consulent_client.post(URL, {"situatie": "kort"})

    assert "Beschrijf de situatie in minstens 20 tekens." in response.content.decode()


def test_saving_as_concept_creates_an_unpublished_anonymised_casus(corpus, consulent_client):
    data = {
        "actie": "opslaan",
        "situatie": "Mevrouw [PERSOON-1] krijgt bezoek van haar vriend, die bijna elke nacht blijft slapen.",
        "title": "Vriend blijft slapen bij Jan Jansen",
        "thema": corpus[0].thema_id,
        "regeling": "Participatiewet",
        "verplichting": "inlichtingenplicht",
        "cirkel_fase": "controle",
        "uitkomst": "waarschuwing",
        "bewust_onbewust": "Zij dacht dat logeren mocht.",
        "context_perspectief": "Alleenstaande moeder met schulden.",
        "maatschappelijke_impact": "Een boete vergroot de schulden.",
    }

    response = consulent_client.post(URL, data)

    page = CasusPage.objects.get(samenvatting__startswith="Mevrouw [PERSOON-1] krijgt bezoek")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert "Jansen" not in page.title and "[PERSOON-1]" in page.title


def test_a_new_hire_cannot_save_a_concept(corpus, client, make_user):
    client.force_login(make_user(roles.NIEUWE_MEDEWERKER))
    before = counts()

    page = client.post(URL, {"situatie": DRAFT}).content.decode()
    client.post(
        URL,
        {
            "actie": "opslaan",
            "situatie": "x" * 30,
            "title": "Poging",
            "thema": corpus[0].thema_id,
            "regeling": "IOAW",
            "verplichting": "geen",
            "cirkel_fase": "controle",
            "uitkomst": "boete",
            "bewust_onbewust": "a",
            "context_perspectief": "b",
            "maatschappelijke_impact": "c",
        },
    )

    assert "Opslaan als concept-casus" not in page
    assert counts() == before
