"""The search box: a query is pseudonymised before it is searched, shown or put in a URL; a pasted
draft never sits in a URL at all."""

import pytest

from tests.factories import create_casus

pytestmark = pytest.mark.django_db
NAME, BSN = "Fatima el Amrani", "111222333"


@pytest.fixture
def corpus(db):
    create_casus(external_id="BOX-1", title="Gift van ouders", summary="Mevrouw F. kreeg geld van haar ouders.")
    create_casus(external_id="BOX-2", title="Hennep op zolder", summary="Bij een huisbezoek bleek er een kwekerij.")
    create_casus(external_id="BOX-3", title="Auto op naam", summary="Meneer K. heeft een auto die hij niet meldde.")


def test_a_short_query_goes_to_the_results_with_its_identifiers_replaced(consulent_client, corpus):
    response = consulent_client.post("/zoeken/verzenden/", {"doel": "casus", "q": f"gift {NAME} BSN {BSN}"})
    assert response.status_code == 302
    assert "Amrani" not in response["Location"] and BSN not in response["Location"]
    page = consulent_client.get(response["Location"]).content.decode()
    assert "Amrani" not in page and BSN not in page
    assert "[PERSOON-1]" in page and "die zijn vervangen voordat er gezocht werd" in page


def test_filters_and_the_mode_travel_along_with_the_query(consulent_client, corpus):
    response = consulent_client.post(
        "/zoeken/verzenden/", {"doel": "casus", "q": "gift", "mode": "fts", "uitkomst": "waarschuwing"}
    )
    assert response["Location"].endswith("?q=gift&mode=fts&uitkomst=waarschuwing")


def test_a_pasted_draft_is_shown_through_besluit_voorbereiden_and_never_put_in_a_url(consulent_client, corpus):
    draft = (f"Mevrouw {NAME} ontvangt bijstand en kreeg van haar ouders elke maand geld voor de boodschappen. "
             "Zij meldde dit niet omdat zij dacht dat familiegeld niet meetelt. Het gaat om een klein bedrag per "
             "maand over een half jaar; zij heeft twee kinderen en schulden bij de energieleverancier.")
    response = consulent_client.post("/zoeken/verzenden/", {"doel": "casus", "q": draft})
    assert response.status_code == 200  # no redirect: the text stays out of every URL
    html = response.content.decode()
    assert "Vergelijkbare casus" in html and "Gift van ouders" in html
    assert "Amrani" not in html


def test_the_global_search_box_also_posts_and_redirects_to_global_search(consulent_client, corpus):
    response = consulent_client.post("/zoeken/verzenden/", {"doel": "zoeken", "q": "gift"})
    assert response["Location"] == "/zoeken/?q=gift"


def test_a_query_typed_into_a_url_is_not_echoed_either(consulent_client, corpus):
    for url in (f"/casus/?q=gift+{NAME}", f"/zoeken/?q=gift+{NAME}"):
        html = consulent_client.get(url).content.decode()
        assert "Amrani" not in html and "[PERSOON-1]" in html, url
    api = consulent_client.get(f"/api/v1/zoeken?q=gift+{NAME}").json()
    assert api["query"] == "gift [PERSOON-1]" and "vervangen" in api["notice"]


def test_the_search_forms_post(consulent_client, corpus):
    for url in ("/", "/casus/", "/zoeken/"):
        html = consulent_client.get(url).content.decode()
        assert 'method="post" action="/zoeken/verzenden/"' in html, url
        assert 'method="get"' not in html.split('role="search"')[0][-200:], url
