"""The keyword side: ts_rank over the stored tsvector (weights A title, B situation, C reasoning)."""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import BooleanField, ExpressionWrapper, F, Q, QuerySet

from . import terms
from .facets import apply_filters, filters_q
from .terms import FtsPlan

CANDIDATES = 100  # per side of the fusion
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A
RANK_NORMALIZATION = 1  # divide by 1 + log(document length): long casus don't win by size alone


def rank(qs: QuerySet, tsquery: SearchQuery) -> QuerySet:
    return qs.annotate(
        score=SearchRank(F("search_vector"), tsquery, weights=RANK_WEIGHTS, normalization=RANK_NORMALIZATION)
    )


def keyword_candidates(
    base: QuerySet, plan: FtsPlan | None, filters: dict
) -> tuple[dict[int, float], dict[int, float]]:
    """The best FTS matches with and without the facet filters (the latter for the facet counts).

    One ranking of the matched casus, each row flagged with whether it passes the filters, when the
    filters are columns of the casus row; with a tag filter (a join) two ranked queries. An EXISTS
    per row instead of the flag was three times slower at 100k casus.
    """
    if plan is None or plan.match is None:
        return {}, {}  # no keyword side, or it is ranked among the semantic candidates later (fusion)
    if not filters:
        best = fts_candidates(base, plan)
        return best, best
    if "tag" in filters:
        return fts_candidates(apply_filters(base, filters), plan), fts_candidates(base, plan)
    rows = (
        rank(base.filter(search_vector=plan.match), plan.rank)
        .annotate(passes=ExpressionWrapper(filters_q(filters), output_field=BooleanField()))
        .order_by("-score", "-pk")
        .values_list("pk", "passes", "score")
    )
    # The plan keeps the match near the budget; this caps a misestimate.
    flagged = list(rows[: 4 * terms.FTS_MATCH_BUDGET])
    passing = [(pk, score) for pk, ok, score in flagged if ok]
    return dict(passing[:CANDIDATES]), {pk: score for pk, _, score in flagged[:CANDIDATES]}


def fts_candidates(
    allowed: QuerySet, plan: FtsPlan, limit: int = CANDIDATES, also: tuple[int, ...] = ()
) -> dict[int, float]:
    """The best FTS matches by ts_rank, best first, with their scores. ``also``: casus (the semantic
    candidates) ranked whatever ``match`` says."""
    wanted = Q(search_vector=plan.match) if plan.match is not None else Q(pk__in=[])
    if also:
        wanted |= Q(pk__in=also, search_vector=plan.rank)
    return dict(rank(allowed.filter(wanted), plan.rank).order_by("-score", "-pk").values_list("pk", "score")[:limit])


def fts_pool(base: QuerySet, plan: FtsPlan) -> dict[int, float]:
    """Keyword-only search's pool: the best terms.FTS_MATCH_BUDGET matches with their scores, matched once."""
    match = plan.match if plan.match is not None else plan.rank
    return dict(
        rank(base.filter(search_vector=match), plan.rank)
        .order_by("-score", "-pk")
        .values_list("pk", "score")[: terms.FTS_MATCH_BUDGET]
    )
