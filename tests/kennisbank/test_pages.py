import pytest

from casuistry.models import CasusPage
from tests.factories import create_casus

pytestmark = pytest.mark.django_db


def test_casus_page_shows_drietrapstoets_omgekeerde_toets_and_outcome(consulent_client):
    casus = create_casus(
        title="Huurschuld en dreigende uitzetting",
        uitkomst="maatwerk via omgekeerde toets",
        omgekeerde_toets={
            "grondwaarde": "Een menswaardig bestaan.",
            "beoogd_effect": "Woning behouden.",
            "maatwerk_oplossing": "Bijzondere bijstand voor de huurschuld.",
            "juridische_inpassing": "Art. 35 Participatiewet.",
        },
        periode="2024-Q3",
    )

    html = consulent_client.get(casus.url).content.decode()

    for text in [
        "Huurschuld en dreigende uitzetting",
        "Drietrapstoets",
        "1. Bewust of onbewust",
        "Zij wist niet dat dit gemeld moest worden.",
        "Omgekeerde toets",
        "Woning behouden.",
        "Maatwerk via omgekeerde toets",
        "3e kwartaal 2024",
    ]:
        assert text in html


def test_casus_index_shows_results_facets_and_highlights(consulent_client):
    create_casus(
        summary="Mevrouw F. ontving giften van haar ouders voor de boodschappen.", thema="Giften en leningen"
    )
    create_casus(summary="Meneer K. werkte zwart in een autowerkplaats.", thema="Zwart werk")

    html = consulent_client.get("/casus/?q=gift&thema=giften-en-leningen").content.decode()

    assert "1 casus gevonden" in html
    assert "<mark>giften</mark>" in html
    assert 'name="thema" value="giften-en-leningen"' in html and "checked" in html
    assert "Thema: Giften en leningen" in html  # the active filter can be removed


def test_global_search_lists_casus_articles_and_begrippen(consulent_client):
    from glossary.models import Begrip

    create_casus(summary="Meneer K. kweekte hennep op zolder met lampen en afzuiging.")
    Begrip.objects.get_or_create(
        term="Hennepteelt", defaults={"definition": "Het kweken van hennep.", "synonyms": ["wietplantage"]}
    )

    html = consulent_client.get("/zoeken/?q=hennep").content.decode()

    assert "Casus (1)" in html and "Hennepteelt" in html


def test_home_shows_search_box_recent_casus_and_themes(consulent_client):
    create_casus(title="Recent toegevoegd", thema="Erfenis")

    html = consulent_client.get("/").content.decode()

    assert 'role="search"' in html and "Recent toegevoegd" in html and "Erfenis" in html


def test_home_counts_published_casus_per_thema_and_follows_publishing():
    from casuistry.selectors.overview import themes_with_counts

    create_casus(external_id="A", thema="Erfenis")
    second = create_casus(external_id="B", thema="Erfenis")
    create_casus(external_id="C", thema="Hennepteelt")
    assert [(t.name, t.num_casus) for t in themes_with_counts(None)] == [("Erfenis", 2), ("Hennepteelt", 1)]

    second.unpublish()
    assert [(t.name, t.num_casus) for t in themes_with_counts(None)] == [("Erfenis", 1), ("Hennepteelt", 1)]


def test_load_demo_is_idempotent_and_complete(settings):
    from django.core.management import call_command

    from articles.models import KennisartikelPage
    from glossary.models import Begrip

    call_command("load_demo", stdout=__import__("io").StringIO(), stderr=__import__("io").StringIO())
    first = (CasusPage.objects.count(), KennisartikelPage.objects.count(), Begrip.objects.count())
    call_command("load_demo", stdout=__import__("io").StringIO(), stderr=__import__("io").StringIO())
    second = (CasusPage.objects.count(), KennisartikelPage.objects.count(), Begrip.objects.count())

    assert first == second
    assert first[0] >= 40 and first[1] >= 8 and first[2] >= 30
    from django.contrib.auth import authenticate

    assert authenticate(username="consulent", password="demo-consulent") is not None
    from casuistry.selectors.visibility import visible_casus
    from notifications.models import Notification
    from organisations.models import Organisation

    assert sorted(Organisation.objects.values_list("region", flat=True)) == [
        "Noorderkwartier",
        "Waardenland",
        "Waardenland",
    ]
    levels = set(CasusPage.objects.values_list("organisation__code", "deelniveau"))
    assert len(levels) == 9  # every organisation has casus at every level
    seen = {
        name: set(visible_casus(authenticate(username=name, password=f"demo-{name}")).values_list("pk", flat=True))
        for name in ("consulent", "consulent-oosterveen", "consulent-noorderkwartier")
    }
    assert len(seen["consulent"]) > len(seen["consulent-noorderkwartier"])
    assert seen["consulent"] != seen["consulent-oosterveen"] < set(CasusPage.objects.values_list("pk", flat=True))
    assert Notification.objects.filter(user__username="consulent").count() == 3


def test_demo_accounts_are_refused_outside_demo_settings(settings):
    from base.demo import create_demo_users

    settings.KENNISBANK_DEMO_ACCOUNTS = False
    with pytest.raises(RuntimeError):
        create_demo_users()
