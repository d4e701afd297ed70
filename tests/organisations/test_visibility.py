"""Every read path shows a casus only to the organisations its sharing level allows.

For three readers — own organisation, same region, other region — and a casus at each level from
each organisation, the expected set comes from the rule in tests/organisations/sharing.py; a casus
a reader may not see is a 404 and is never listed, counted or linked."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from base import roles
from casuistry.models import CasusPage, CasusRelation
from casuistry.search import search_casus
from casuistry.selectors.pages import editor_similar
from casuistry.tasks import embed_casus_task
from intervisie.demo import load_methods
from intervisie.forms import SessionForm
from intervisie.models import Method
from intervisie.selectors.sessions import preparation_pack, sessions_visible_to
from intervisie.services import sessions as intervisie_services
from leerpaden import selectors as leerpaden_selectors
from leerpaden import services as leerpaden_services
from leerpaden.models import LeerpadPage, LeerpadStap, StapSoort
from tests.organisations.sharing import ALL_TITLES, LEVELS, REGION, expected_titles, may_see

pytestmark = pytest.mark.django_db
READERS = list(REGION)  # GM0001 own, GM0002 same region as GM0001, SD0003 another region


def titles_in(html: str) -> set[str]:
    return {title for title in ALL_TITLES if title in html}


@pytest.mark.parametrize("reader", READERS)
def test_casus_pages_are_404_for_readers_the_level_does_not_allow(client, shared_corpus, member, reader):
    client.force_login(member(reader))
    for (owner, level), casus in shared_corpus.items():
        status = client.get(casus.url).status_code
        assert status == (200 if may_see(reader, owner, level) else 404), (owner, level)


@pytest.mark.parametrize("reader", READERS)
def test_casus_index_search_and_facet_counts_show_only_visible_casus(client, shared_corpus, member, reader):
    client.force_login(member(reader))
    expected = expected_titles(reader)
    browse = client.get("/casus/")
    assert titles_in(browse.content.decode()) == expected
    assert browse.context["result"].total == len(expected)
    thema = next(f for f in browse.context["result"].facets if f.param == "thema")
    assert [v.count for v in thema.values] == [len(expected)]
    searched = client.get("/casus/", {"q": "giften broer"})
    assert titles_in(searched.content.decode()) == expected
    assert titles_in(client.get("/zoeken/", {"q": "giften broer"}).content.decode()) == expected


@pytest.mark.parametrize("reader", READERS)
def test_home_page_lists_and_counts_only_visible_casus(client, shared_corpus, member, reader):
    client.force_login(member(reader))
    response = client.get("/")
    assert titles_in(response.content.decode()) <= expected_titles(reader)
    assert {c.title for c in response.context["recent_casus"]} <= expected_titles(reader)
    assert [t.num_casus for t in response.context["themes"]] == [len(expected_titles(reader))]


@pytest.mark.parametrize("reader", READERS)
def test_api_search_detail_and_similar_respect_visibility(client, shared_corpus, member, reader):
    client.force_login(member(reader))
    found = client.get("/api/v1/zoeken", {"q": "giften broer", "k": 50}).json()
    assert {hit["title"] for hit in found["results"]} == expected_titles(reader)
    for (owner, level), casus in shared_corpus.items():
        allowed = may_see(reader, owner, level)
        detail = client.get(f"/api/v1/casus/{casus.external_id}")
        assert detail.status_code == (200 if allowed else 404)
        if allowed:
            assert detail.json()["organisatie"] == owner and detail.json()["deelniveau"] == level
        assert client.get(f"/api/v1/casus/{casus.external_id}/vergelijkbaar").status_code == (200 if allowed else 404)


def test_similar_casus_editor_panel_and_intervisie_suggest_only_visible_casus(shared_corpus, member):
    embed_casus_task.call([c.pk for c in shared_corpus.values()])
    anchor = shared_corpus[("GM0001", "landelijk")]
    for reader in READERS:
        user = member(reader)
        allowed = expected_titles(reader) - {anchor.title}
        similar = search_casus(like=anchor, per_page=20, viewer=user).hits
        assert {h.casus.title for h in similar} == allowed
        assert {h.casus.title for h in editor_similar(anchor, user)} <= allowed
        draft = CasusPage(title="Nieuw", samenvatting="Giften van de broer niet gemeld.")
        assert {h.casus.title for h in editor_similar(draft, user)} <= expected_titles(reader)


def test_casus_page_hides_precedent_links_and_similar_casus_of_other_organisations(client, shared_corpus, member):
    anchor = shared_corpus[("GM0001", "landelijk")]
    hidden = shared_corpus[("GM0001", "organisatie")]
    CasusRelation.objects.create(casus=anchor, related=hidden, soort="vergelijkbaar", toelichting="")
    client.force_login(member("GM0001"))
    assert hidden.title in client.get(anchor.url).content.decode()
    client.force_login(member("SD0003"))
    assert hidden.title not in client.get(anchor.url).content.decode()


@pytest.mark.parametrize("reader", READERS)
def test_besluit_voorbereiden_suggests_only_visible_casus(client, shared_corpus, member, reader):
    client.force_login(member(reader))
    response = client.post(
        reverse("besluit_voorbereiden"),
        {"situatie": "Mevrouw F. kreeg giften van haar broer en meldde die niet."},
    )
    assert response.status_code == 200
    assert {h.casus.title for h in response.context["result"].hits} <= expected_titles(reader)
    assert titles_in(response.content.decode()) <= expected_titles(reader)


@pytest.fixture
def method(db):
    load_methods()
    return Method.objects.get(slug="drietrapstoets-dialoog")


def test_intervisie_offers_and_shows_only_visible_casus(shared_corpus, member, method):
    trainer_a, trainer_c = member("GM0001", roles.TRAINER), member("SD0003", roles.TRAINER)
    form = SessionForm(user=trainer_c)
    offered = {title for _, group in form.fields["casus"].choices[1:] for _, title in group}
    assert offered == expected_titles("SD0003")
    own_only = shared_corpus[("GM0001", "organisatie")]
    session, _ = intervisie_services.plan_session(
        trainer=trainer_a,
        title="Leerdialoog giften",
        starts_at=timezone.now(),
        method=method,
        participants=[member("GM0001", roles.CONSULENT), member("GM0001", roles.JURIST)],
        casus=own_only,
    )
    assert session in sessions_visible_to(trainer_a)
    assert session not in sessions_visible_to(trainer_c)  # another organisation's session about its own casus
    pack = preparation_pack(session, trainer_a)
    assert {h.casus.title for h in pack["similar"].hits} <= expected_titles("GM0001")


def test_a_leerpad_step_with_a_casus_the_learner_may_not_see_shows_no_casus(shared_corpus, member):
    own_only = shared_corpus[("GM0001", "organisatie")]
    page = LeerpadPage(title="Giften", slug="giften", intro="Een leerpad.")
    page.stappen = [LeerpadStap(soort=StapSoort.OEFENEN, titel="Oefen", casus=own_only, minuten=5, sort_order=0)]
    leerpaden_services.leerpaden_index().add_child(instance=page)
    page.save_revision().publish()
    assert leerpaden_selectors.steps_of(page, member("GM0001", roles.NIEUWE_MEDEWERKER))[0].casus == own_only
    assert leerpaden_selectors.steps_of(page, member("GM0002", roles.NIEUWE_MEDEWERKER))[0].casus is None


def test_monitor_shows_own_figures_beside_regional_and_national_aggregates_of_shared_casus(
    client, shared_corpus, member
):
    client.force_login(member("GM0001"))
    response = client.get(reverse("monitor"), {"vergelijk": "regio"})
    pairs = {own.key: (own, other) for own, other in response.context["pairs"]}
    own, region = pairs["bezwaren"]
    assert sum(r["aantal"] for r in own.rows) == 2  # GM0001's own bezwaren (regio and landelijk casus)
    assert sum(r["aantal"] for r in region.rows) == 4  # shared in Waardenland: GM0001 and GM0002, 2 each
    outcomes_own, outcomes_region = pairs["uitkomsten"]
    assert sum(r["aantal"] for r in outcomes_own.rows) == 3
    assert sum(r["aantal"] for r in outcomes_region.rows) == 4  # the organisatie-level casus are not counted
    national = client.get(reverse("monitor"), {"vergelijk": "landelijk"}).context["pairs"]
    assert sum(r["aantal"] for r in dict((o.key, x) for o, x in national)["uitkomsten"].rows) == 3
    rows = list(csv.reader(io.StringIO(client.get(region.csv_url).content.decode())))
    assert rows[0][0] == "label" and sum(int(r[1]) for r in rows[1:]) == 4
    assert client.get(reverse("monitor_csv", args=["uitkomsten"]), {"bereik": "elders"}).status_code == 404


def test_the_jurist_worklist_holds_only_the_own_organisation(client, shared_corpus, member):
    client.force_login(member("GM0002", roles.JURIST))
    listed = {c.title for c in client.get(reverse("werklijst")).context["casus_list"]}
    assert listed and all("GM0002" in title for title in listed)


def test_export_writes_both_fields_and_an_import_round_trips_them(shared_corpus, casus_schema):
    from jsonschema import Draft202012Validator

    from casuistry.services.import_export import export_casus, import_casus

    stream = io.StringIO()
    export_casus(stream=stream)
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert {(r["organisatie"], r["deelniveau"]) for r in records} == {(c, lv) for c in REGION for lv in LEVELS}
    validator = Draft202012Validator(casus_schema)
    assert all(not list(validator.iter_errors(r)) for r in records)
    assert casus_schema["$id"] == "casus-v2.schema.json"
    report = import_casus(lines=stream.getvalue().splitlines())
    assert report.unchanged == len(records)
    again = io.StringIO()
    export_casus(stream=again)
    assert again.getvalue() == stream.getvalue()


def test_every_search_from_a_user_facing_module_says_whose_eyes_it_uses():
    """Leaving ``viewer`` out searches every casus: only evaluation and fairness checks may do that."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    background = {"casuistry/services/evaluation.py", "casuistry/services/fairness.py"}
    unscoped = []
    for app in ("base", "casuistry", "intervisie", "leerpaden", "notifications", "organisations"):
        for path in (root / app).rglob("*.py"):
            name = path.relative_to(root).as_posix()
            if name in background or "/search/" in name or "/migrations/" in name:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "search_casus",
                    "request_from_params",
                ):
                    if not any(k.arg == "viewer" for k in node.keywords) and not node.args:
                        unscoped.append(f"{name}:{node.lineno}")
    assert unscoped == []
