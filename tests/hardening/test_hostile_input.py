"""No server error for any input: every page and form, hostile parameters included (hypothesis).

Bounded (a few dozen examples per page) so the suite stays fast; a failure prints the shrunk input.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from base import roles
from tests.factories import create_casus

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text a user or attacker might send: control characters, NUL, very long, odd unicode, numbers as text.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\x00", "a\x00b", "%00", "' OR 1=1 --", "<script>x</script>", "=HYPERLINK(\"x\")", "ÿ" * 300]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=5000),
)
params = st.dictionaries(
    st.sampled_from(
        ["q", "page", "sort", "mode", "k", "thema", "uitkomst", "fase", "verplichting", "regeling", "bezwaar", "tag",
         "van", "tot", "next", "regime", "vergelijk", "bereik", "x\x00"]
    ),
    st.lists(hostile_text, min_size=1, max_size=3),
    max_size=5,
)
PAGES = ["/", "/casus/", "/zoeken/", "/monitor/", "/monitor/uitkomsten.csv", "/monitor/werklijst/", "/begrippen/",
         "/kennis/", "/intervisie/", "/leerpaden/", "/werkafspraken/", "/besluit-voorbereiden/", "/api/v1/zoeken",
         "/meldingen/", "/meldingen/thema/giften-en-leningen.atom"]


@pytest.fixture
def jurist_client(client, make_user):
    create_casus(external_id="FUZZ-1", title="Gift van ouders", thema="Giften en leningen")
    client.force_login(make_user(roles.JURIST))
    return client


@pytest.mark.parametrize("path", PAGES)
def test_no_get_parameter_makes_a_page_fail(jurist_client, path):
    @FUZZ
    @given(query=params)
    def check(query):
        response = jurist_client.get(path, query)
        assert response.status_code < 500, (path, response.status_code)

    check()


def test_a_nul_byte_gets_a_dutch_message_that_names_the_parameter(jurist_client):
    for path in ("/casus/?uitkomst=%00", "/casus/?tag=a%00", "/casus/?thema=%00", "/zoeken/?q=%00"):
        response = jurist_client.get(path)
        assert response.status_code == 400, path
        assert "bevat tekens die niet zijn toegestaan" in response.content.decode()
    api = jurist_client.get("/api/v1/zoeken?q=%00")
    assert api.status_code == 400 and "fouten" in api.json()


def test_huge_numbers_and_ids_are_not_found_or_clamped_never_an_error(jurist_client):
    assert jurist_client.get("/casus/?page=99999999999999999999").status_code == 200
    assert jurist_client.get("/api/v1/zoeken?q=gift&page=99999999999999999999").status_code in (200, 422)
    assert jurist_client.get("/intervisie/99999999999999999999/").status_code == 404
    assert jurist_client.get("/leerpaden/99999999999999999999/verder/").status_code == 404


@FUZZ
@given(situatie=hostile_text, thema=hostile_text, actie=st.sampled_from(["", "zoeken", "opslaan"]))
def test_besluit_voorbereiden_never_fails(jurist_client, situatie, thema, actie):
    response = jurist_client.post("/besluit-voorbereiden/", {"situatie": situatie, "thema": thema, "actie": actie})
    assert response.status_code < 500


@FUZZ
@given(thema=hostile_text, regeling=hostile_text)
def test_following_a_thema_never_fails(jurist_client, thema, regeling):
    assert jurist_client.post("/meldingen/volgen/", {"thema": thema, "regeling": regeling}).status_code < 500


@FUZZ
@given(username=hostile_text, password=hostile_text)
def test_the_login_form_never_fails(client, username, password):
    assert client.post("/accounts/login/", {"username": username, "password": password}).status_code < 500


@pytest.fixture
def reflectie_url(client, make_user):
    from leerpaden.models import LeerpadPage, LeerpadStap, StapSoort
    from leerpaden.services import leerpaden_index

    page = LeerpadPage(title="Fuzz", slug="fuzz", intro="Een pad.")
    page.stappen = [LeerpadStap(soort=StapSoort.REFLECTIE, titel="Vraag", vraag="Wat neemt u mee?", sort_order=0)]
    leerpaden_index().add_child(instance=page)
    page.save_revision().publish()
    client.force_login(make_user(roles.NIEUWE_MEDEWERKER))
    return page.step_url(1)


@FUZZ
@given(antwoord=hostile_text)
def test_a_leerpad_answer_never_fails(client, reflectie_url, antwoord):
    assert client.post(reflectie_url, {"antwoord": antwoord}).status_code < 500


@FUZZ
@given(fields=st.dictionaries(st.sampled_from(["title", "starts_at", "method", "participants", "casus", "inbreng",
                                               "thema", "location"]), hostile_text, max_size=8))
def test_planning_a_session_never_fails(client, make_user, fields):
    client.force_login(make_user(roles.TRAINER, username="fuzz_trainer"))
    assert client.post("/intervisie/plannen/", fields).status_code < 500
