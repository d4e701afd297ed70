"""Hybrid ranking: weighted reciprocal-rank fusion of the semantic and keyword candidates, above a
relevance floor.

The constants were tuned on tests/data/search_eval_* and the independent dev split, and sit on a
plateau (docs/search.md). The floor is relative to the best candidate of each side, so it holds
for any collection size and any query length: a casus is shown when it is nearly as similar as the
best one, or matches the query's words nearly as well as the best keyword match.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .keyword import fts_candidates
from .semantic import MIN_SIMILARITY, semantic_candidates
from .terms import FtsPlan

RRF_K = 20
WEIGHT_SEMANTIC = 1.0
WEIGHT_FTS = 0.6
SIMILARITY_GAP = 0.06  # semantic candidates within this cosine distance of the best one
KEYWORD_SHARE = 0.2  # keyword candidates with at least this share of the best ts_rank
# Keyword-only search (mode fts, the fallback) has no semantic side to catch what a stricter floor drops.
KEYWORD_ONLY_SHARE = 0.1


def add_rrf(scores: dict[int, float], ranked: list[int], weight: float) -> None:
    for position, pk in enumerate(ranked, start=1):
        scores[pk] = scores.get(pk, 0.0) + weight / (RRF_K + position)


def above_similarity_floor(similarity: dict[int, float]) -> list[int]:
    floor = max(MIN_SIMILARITY, max(similarity.values(), default=0.0) - SIMILARITY_GAP)
    return [pk for pk, sim in similarity.items() if sim >= floor]


def above_keyword_floor(keyword: dict[int, float], share: float = KEYWORD_SHARE) -> list[int]:
    floor = share * max(keyword.values(), default=0.0)
    return [pk for pk, score in keyword.items() if score > 0 and score >= floor]


def fused(allowed: QuerySet, vector, plan: FtsPlan | None, keyword: dict[int, float]) -> tuple[dict, dict[int, float]]:
    """Fused scores of the casus above the floor of either side: (scores, similarity).

    Both sides' whole candidate lists contribute to the scores; the floor only decides which casus
    are shown (cutting a list before fusion would drop one side's evidence for the other's casus).
    """
    scores: dict[int, float] = {}
    similarity = semantic_candidates(vector, allowed)
    add_rrf(scores, [pk for pk, sim in similarity.items() if sim >= MIN_SIMILARITY], WEIGHT_SEMANTIC)
    shown = set(above_similarity_floor(similarity))
    if plan is not None:
        if plan.match is None:  # every query word is too common to match on: rank the semantic candidates
            keyword = fts_candidates(allowed, plan, also=tuple(similarity))
        add_rrf(scores, list(keyword), WEIGHT_FTS)
        shown.update(above_keyword_floor(keyword))
    return {pk: score for pk, score in scores.items() if pk in shown}, similarity
