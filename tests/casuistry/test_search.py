import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casuistry.models import CasusPage
from casuistry.search import clear_caches, facets, search_casus, terms
from tests.factories import create_casus

pytestmark = pytest.mark.django_db


def ids(result):
    return [hit.casus.external_id for hit in result.hits]


def test_dutch_stemming_gift_finds_giften():
    create_casus(
        external_id="GIFT",
        summary="Mevrouw F. ontving maandelijks giften van haar ouders en meldde die niet.",
    )
    create_casus(
        external_id="AUTO",
        title="Auto op naam",
        summary="Meneer K. heeft een auto op zijn naam staan.",
        thema="Auto op naam",
    )

    result = search_casus(query="gift")

    assert ids(result) == ["GIFT"]


def test_or_semantics_ranks_the_closest_casus_first_for_a_long_draft():
    create_casus(
        external_id="SAMEN",
        title="Vriend blijft vaak slapen",
        summary="Mevrouw B. kreeg bezoek van haar vriend die bijna elke nacht bleef slapen; "
        "bankafschriften tonen gezamenlijke boodschappen. Onderzoek naar gezamenlijke huishouding.",
        thema="Gezamenlijke huishouding",
    )
    create_casus(
        external_id="HENNEP",
        title="Hennepkwekerij op zolder",
        summary="Na een tip werd bij een huisbezoek een hennepkwekerij op zolder aangetroffen.",
        thema="Hennepteelt",
    )
    create_casus(external_id="ANDERS", summary="Meneer D. verzuimde drie afspraken bij het re-integratiebedrijf.")
    draft = (
        "Wij ontvingen een tip dat de vriend van mevrouw P. bijna elke nacht bij haar blijft slapen. "
        "Zij zegt dat hij een eigen woning heeft, maar op de bankafschriften zien we dat zij samen "
        "boodschappen doen en dat hij meebetaalt aan de energierekening. Wij overwegen een onderzoek naar "
        "een gezamenlijke huishouding en willen weten hoe collega's eerder met zulke signalen omgingen, "
        "en of er een waarschuwing of terugvordering volgde."
    )
    assert len(draft.split()) >= 60

    result = search_casus(query=draft)

    and_query = SearchQuery(draft, config="dutch", search_type="websearch")
    assert CasusPage.objects.filter(search_vector=and_query).count() == 0  # AND finds nothing
    # OR finds the partner casus; the hennep casus shares only "tip" and stays below the relevance floor.
    assert ids(result) == ["SAMEN"] and result.total == 1


def test_facets_combine_with_the_query_and_count_per_value():
    create_casus(
        external_id="A",
        summary="Giften van de ouders niet gemeld.",
        uitkomst="waarschuwing",
        thema="Giften en leningen",
    )
    create_casus(
        external_id="B",
        summary="Giften van een broer niet gemeld.",
        uitkomst="boete",
        thema="Giften en leningen",
    )
    create_casus(external_id="C", summary="Hennepkwekerij gevonden op zolder.", uitkomst="boete", thema="Hennepteelt")

    result = search_casus(query="giften", filters={"uitkomst": ["boete"]})

    assert ids(result) == ["B"]
    uitkomst = next(f for f in result.facets if f.param == "uitkomst")
    counts = {v.value: (v.count, v.selected) for v in uitkomst.values}
    # Counts of a facet ignore its own selection (so users can widen it) but respect the query.
    assert counts == {"waarschuwing": (1, False), "boete": (1, True)}
    thema = next(f for f in result.facets if f.param == "thema")
    assert [(v.label, v.count) for v in thema.values] == [("Giften en leningen", 1)]


def test_values_within_a_facet_are_or_and_facets_are_and():
    create_casus(external_id="A", uitkomst="waarschuwing", regeling="IOAW")
    create_casus(external_id="B", uitkomst="boete", regeling="Participatiewet")
    create_casus(external_id="C", uitkomst="maatregel", regeling="IOAW")

    either = search_casus(filters={"uitkomst": ["waarschuwing", "boete"]})
    both = search_casus(filters={"uitkomst": ["waarschuwing", "boete"], "regeling": ["IOAW"]})

    assert sorted(ids(either)) == ["A", "B"]
    assert ids(both) == ["A"]


def test_tag_and_bezwaar_facets():
    create_casus(external_id="A", tags=["schulden", "eerste keer"], bezwaar="gegrond")
    create_casus(external_id="B", tags=["schulden"], bezwaar=None)

    assert ids(search_casus(filters={"tag": ["eerste-keer"]})) == ["A"]
    assert ids(search_casus(filters={"bezwaar": ["geen"]})) == ["B"]
    tags = next(f for f in search_casus().facets if f.param == "tag")
    assert {(v.label, v.count) for v in tags.values} >= {("schulden", 2), ("eerste keer", 1)}


def test_snippet_highlights_matching_words_and_escapes_html():
    create_casus(external_id="A", summary="Moeder & zus gaven mevrouw F. <script>x</script> maandelijks giften.")

    hit = search_casus(query="giften moeder").hits[0]

    assert "<mark>giften</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&amp;" in hit.snippet
    assert "giften" in hit.matched_terms


def test_weights_put_a_title_match_above_a_reasoning_match():
    create_casus(
        external_id="REDEN",
        title="Onbekende inkomsten",
        summary="Meneer A. had inkomsten die hij niet meldde.",
        drietrapstoets={
            "bewust_onbewust": "Geen opzet bij de kostendelersnorm.",
            "context_perspectief": "Schulden.",
            "maatschappelijke_impact": "Beperkt.",
        },
    )
    create_casus(
        external_id="TITEL",
        title="Kostendelersnorm bij inwonende zoon",
        summary="De meerderjarige zoon woont weer thuis.",
    )

    assert ids(search_casus(query="kostendelersnorm"))[:2] == ["TITEL", "REDEN"]


def test_pagination_and_sort_by_period():
    for n, periode in enumerate(["2022", "2024-Q1", "2025-Q3"]):
        create_casus(external_id=f"P{n}", periode=periode)

    first = search_casus(sort="datum", per_page=2, page=1)
    second = search_casus(sort="datum", per_page=2, page=2)

    assert first.total == 3 and first.num_pages == 2 and first.has_next
    assert ids(first) == ["P2", "P1"]
    assert ids(second) == ["P0"] and second.has_previous


def test_drafts_and_unpublished_casus_are_not_found():
    casus = create_casus(external_id="WEG", summary="Giften van de buurvrouw niet gemeld.")
    casus.unpublish()

    assert search_casus(query="giften").total == 0


def test_query_of_only_stopwords_gives_a_notice_not_an_error():
    create_casus()

    result = search_casus(query="de het een")

    assert result.total == 0
    assert result.notice


def _boete_corpus():
    create_casus(external_id="BEIDE", title="Boete na hennepkwekerij", summary="Hennepkwekerij op zolder, boete.")
    create_casus(external_id="HENNEP", summary="Een hennepkwekerij in de schuur aangetroffen.")
    for number in range(3):
        create_casus(external_id=f"BOETE{number}", summary=f"Boete opgelegd voor niet gemelde inkomsten {number}.")


def test_at_scale_fts_matches_on_the_rarest_words_and_ranks_with_the_whole_query(monkeypatch):
    _boete_corpus()
    everything = search_casus(query="boete hennepkwekerij", mode="fts")
    assert everything.total == 5

    # Pretend the collection is large: ranking every casus that mentions "boete" is too costly.
    monkeypatch.setattr(terms, "FTS_MATCH_BUDGET", 2)
    plan = terms.fts_plan("boete hennepkwekerij")
    narrowed = search_casus(query="boete hennepkwekerij", mode="fts")

    assert plan.match is not None and str(plan.match) != str(plan.rank)
    assert narrowed.total == 2  # only the casus with the rare word were ranked
    assert ids(narrowed) == ["BEIDE", "HENNEP"]  # ...by the whole query: both words beat one
    uitkomst = next(f for f in narrowed.facets if f.param == "uitkomst")
    assert sum(v.count for v in uitkomst.values) == 2  # facets count the same pool


def test_when_even_the_rarest_word_is_too_common_fts_mode_still_ranks_the_best_matches(monkeypatch):
    _boete_corpus()
    monkeypatch.setattr(terms, "FTS_MATCH_BUDGET", 2)

    assert terms.fts_plan("boete").match is None
    result = search_casus(query="boete", mode="fts")

    assert result.total == 2  # the best FTS_MATCH_BUDGET matches form the pool
    assert ids(result)[0] == "BEIDE"  # "boete" in the title weighs most


def test_large_collections_read_lexeme_frequencies_from_the_planner_statistics(monkeypatch):
    _boete_corpus()
    exact = terms.casus_lexicon()  # ts_stat over the published casus
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE casuistry_casuspage")
    monkeypatch.setattr(terms, "PG_STATS_FROM", 1)
    clear_caches()

    estimated = terms.casus_lexicon()

    assert estimated.total == exact.total == 5
    assert exact.frequencies["hennepkwekerij"] == 2
    for lexeme in ("boet", "hennepkwekerij", "zolder"):
        assert estimated.frequencies[lexeme] == exact.frequencies[lexeme]
    assert estimated.docs("hennep", prefix=True) == 2


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"uitkomst": ["boete"]},
        {"uitkomst": ["boete", "waarschuwing"], "regeling": ["IOAW"]},
        {"tag": ["schulden"], "bezwaar": ["geen"]},
        {"bezwaar": ["geen", "gegrond"], "thema": ["giften-en-leningen"]},
    ],
)
def test_facet_counts_over_a_result_pool_equal_the_sql_counts(filters):
    create_casus(external_id="A", uitkomst="boete", regeling="IOAW", tags=["schulden"], bezwaar="gegrond",
                 thema="Giften en leningen")  # fmt: skip
    create_casus(external_id="B", uitkomst="boete", tags=["schulden", "eerste keer"], bezwaar=None)
    create_casus(external_id="C", uitkomst="waarschuwing", regeling="IOAW", thema="Giften en leningen")
    create_casus(external_id="D", uitkomst="maatregel", tags=["eerste keer"], bezwaar="ongegrond")
    pool = list(CasusPage.objects.values_list("pk", flat=True))

    in_python = facets.pool_facet_counts(facets.pool_rows(pool), filters)
    in_sql = facets.sql_facet_counts(CasusPage.objects.filter(pk__in=pool), filters)

    assert in_python == in_sql
    assert any(v.count for facet in in_python for v in facet.values)


def test_browsing_counts_are_remembered_until_a_casus_is_published_or_unpublished():
    first = create_casus(external_id="A", uitkomst="boete")
    assert search_casus().total == 1

    with CaptureQueriesContext(connection) as browsing_again:
        assert search_casus().total == 1
    assert not [q for q in browsing_again.captured_queries if "GROUP BY" in q["sql"] or "COUNT(" in q["sql"]]

    create_casus(external_id="B", uitkomst="waarschuwing")
    browsed = search_casus()
    assert browsed.total == 2
    uitkomst = next(f for f in browsed.facets if f.param == "uitkomst")
    assert {v.value: v.count for v in uitkomst.values} == {"boete": 1, "waarschuwing": 1}

    first.unpublish()
    assert search_casus().total == 1
    assert search_casus(filters={"uitkomst": ["boete"]}).total == 0


@pytest.mark.parametrize("mode", ["fts", "hybrid"])
def test_a_query_sorted_by_date_puts_the_newest_period_first_and_filters_apply(mode):
    for n, (periode, uitkomst) in enumerate([("2022", "boete"), ("2019", "waarschuwing"), ("2025-Q3", "waarschuwing"),
                                             ("2024-Q1", "waarschuwing")]):  # fmt: skip
        create_casus(external_id=f"P{n}", periode=periode, uitkomst=uitkomst, summary="Giften van de ouders.")

    by_date = search_casus(query="giften", mode=mode, sort="datum")
    warned = search_casus(query="giften", mode=mode, sort="datum", filters={"uitkomst": ["waarschuwing"]})

    assert ids(by_date) == ["P2", "P3", "P0", "P1"]
    assert ids(warned) == ["P2", "P3", "P1"] and warned.total == 3


def test_the_tag_facet_shows_its_ten_most_used_values_and_the_rest_behind_meer_tonen(consulent_client):
    for n in range(14):
        create_casus(tags=["gedeeld"] + [f"label {m:02d}" for m in range(n + 1)])  # label 00 on all casus

    html = consulent_client.get("/casus/", {"tag": "label-13"}).content.decode()

    tags = next(f for f in search_casus(filters={"tag": ["label-13"]}).facets if f.param == "tag")
    assert len(tags.values) == 15
    assert [v.label for v in tags.top][:2] == ["gedeeld", "label 00"]
    assert len(tags.top) == 11 and tags.top[-1].label == "label 13" and tags.top[-1].selected
    assert len(tags.more) == 4 and not any(v.selected for v in tags.more)
    shown, hidden = html.split('<details class="kb-facet__more">', 1)[1].split("</details>", 1)[0], html
    assert "Meer tonen" in shown and shown.count('name="tag"') == 4
    assert hidden.count('name="tag"') == 15  # the hidden values are still in the form
    assert 'value="label-13" id="f-tag-t11" checked' in html
