"""Casus similar to a given one, from its stored situation vector (no model needed)."""

from __future__ import annotations

from django.db.models import QuerySet

from casuistry.models import CasusPage
from casuistry.selectors.regimes import current_regime

from .explain import mark_older_regime, shared_with, similarity_reasons
from .facets import apply_filters
from .results import CasusHit, SearchResult, empty_result
from .semantic import semantic_candidates, stored_vector


def similar_to(base: QuerySet, req) -> SearchResult:
    casus = req.like
    vector = stored_vector(casus)
    if vector is None:
        return empty_result(req, mode="semantic", sort="relevantie")
    allowed = apply_filters(base.exclude(pk=casus.pk), req.filters)
    similarity = semantic_candidates(vector, allowed, limit=max(req.per_page * req.page, 10))
    ranked = list(similarity)
    page_ids = ranked[req.offset : req.offset + req.per_page]
    pages = CasusPage.objects.defer("search_vector").select_related("thema", "regime").in_bulk(page_ids)
    current = current_regime()
    hits = []
    for row in (pages[pk] for pk in page_ids if pk in pages):
        hit = CasusHit(row, similarity[row.pk], similarity=similarity[row.pk])
        hit.reasons = similarity_reasons(hit) + shared_with(row, casus)
        mark_older_regime(hit, current)
        hits.append(hit)
    return SearchResult("", "semantic", "relevantie", hits, len(ranked), req.page, req.per_page, [], req.filters)
