"""Hybrid ranking: weighted reciprocal-rank fusion of the semantic and keyword candidates.

The constants were tuned on tests/data/search_eval_* and sit on a plateau (docs/search.md).
"""

from __future__ import annotations

from django.db.models import QuerySet

from .keyword import fts_candidates
from .semantic import MIN_SIMILARITY, semantic_candidates
from .terms import FtsPlan

RRF_K = 20
WEIGHT_SEMANTIC = 1.0
WEIGHT_FTS = 0.6


def add_rrf(scores: dict[int, float], ranked: list[int], weight: float) -> None:
    for position, pk in enumerate(ranked, start=1):
        scores[pk] = scores.get(pk, 0.0) + weight / (RRF_K + position)


def fused(allowed: QuerySet, vector, plan: FtsPlan | None, keyword: list[int]) -> tuple[dict, dict[int, float]]:
    """Fused scores of the semantic and (hybrid) keyword candidates: (scores, similarity)."""
    scores: dict[int, float] = {}
    similarity = semantic_candidates(vector, allowed)
    add_rrf(scores, [pk for pk, sim in similarity.items() if sim >= MIN_SIMILARITY], WEIGHT_SEMANTIC)
    if plan is not None:
        if plan.match is None:  # every query word is too common to match on: rank the semantic candidates
            keyword = fts_candidates(allowed, plan, also=tuple(similarity))
        add_rrf(scores, keyword, WEIGHT_FTS)
    return scores, similarity
