"""A query's ranked results: hybrid and semantic (fusion), and keyword only (mode fts, the fallback)."""

from __future__ import annotations

from django.db.models import QuerySet

from casuistry.models import CasusPage

from .explain import explain
from .facets import apply_filters, pool_facet_counts, pool_rows, row_passes
from .fusion import KEYWORD_ONLY_SHARE, above_keyword_floor, fused
from .keyword import fts_pool, keyword_candidates
from .results import CasusHit, SearchResult
from .semantic import start_query_vector, vector_of
from .terms import fts_plan
from .thesaurus import expansions

THESAURUS_TERMS = 6


def ranked_search(base: QuerySet, req) -> SearchResult:
    # Glossary synonyms help the embedding (paraphrase); under OR they only add noise to FTS.
    expanded = expansions(req.query)[:THESAURUS_TERMS]
    pending, notice = None, ""
    if req.mode in ("semantic", "hybrid"):
        pending, notice = start_query_vector(f"{req.query} ({', '.join(expanded)})" if expanded else req.query)
    if pending is None:
        return keyword_search(base, req, notice, expanded)

    # The keyword candidates need no vector: the database finds them while the query is embedded.
    filters = req.filters
    allowed = apply_filters(base, filters)
    plan = fts_plan(req.query) if req.mode == "hybrid" else None
    keyword, keyword_unfiltered = keyword_candidates(base, plan, filters)
    vector, notice = vector_of(pending)
    if vector is None:
        return keyword_search(base, req, notice, expanded)
    scores, similarity = fused(allowed, vector, plan, keyword)
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))
    # Facet counts are over the result set without facet filters (disjunctive facets).
    pool = set(fused(base, vector, plan, keyword_unfiltered)[0]) if filters else set(ranked)
    rows = pool_rows(pool | set(ranked))  # the filtered results need not all be in the unfiltered pool
    hits = _page_hits(ranked, rows, scores, req, req.query, similarity)
    facets = pool_facet_counts({pk: rows[pk] for pk in pool if pk in rows}, filters)
    return SearchResult(
        req.query, req.mode, req.sort, hits, len(ranked), req.page, req.per_page, facets, filters, notice, expanded
    )


def keyword_search(base: QuerySet, req, notice: str = "", expanded: list[str] | None = None) -> SearchResult:
    """Keyword-only search (mode fts, and the fallback). Results, total and facets all come from one
    pool, the best FTS_MATCH_BUDGET matches: the match is evaluated once, not once per count."""
    pool = fts_pool(base, fts_plan(req.query))
    scores = {pk: pool[pk] for pk in above_keyword_floor(pool, KEYWORD_ONLY_SHARE)}
    rows = pool_rows(scores)
    filters = req.filters
    ranked = [pk for pk in scores if row_passes(rows[pk], filters)]
    hits = _page_hits(ranked, rows, scores, req, req.query, {})
    facets = pool_facet_counts(rows, filters)
    return SearchResult(
        req.query, "fts", req.sort, hits, len(ranked), req.page, req.per_page, facets, filters, notice, expanded or []
    )


def _page_hits(ranked, rows, scores, req, text, similarity) -> list[CasusHit]:
    """One page of a ranked list (or of the same list by date), loaded and explained."""
    if req.sort == "datum":  # newest first, in Python: the rows are at hand
        ranked = sorted(ranked, key=lambda pk: (rows[pk]["periode"] is not None, rows[pk]["periode"] or "", pk))
        ranked.reverse()
    page_ids = ranked[req.offset : req.offset + req.per_page]
    pages = CasusPage.objects.defer("search_vector").select_related("thema", "regime").in_bulk(page_ids)
    casus = [pages[pk] for pk in page_ids if pk in pages]
    for row in casus:
        row.score = scores.get(row.pk, 0.0)
    return explain(casus, text, req.filters, similarity)
