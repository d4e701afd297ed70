"""What a search returns: ranked casus with explanations, facet counts and paging."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

SCORE_BANDS = ((0.88, "sterk"), (0.84, "redelijk"), (0.0, "zwak"))
LEFT_OUT_NOTICE = (
    "Woorden over afkomst, nationaliteit, geloof of huidskleur zijn niet gebruikt om te zoeken: "
    "de suggesties hangen niet af van wie iemand is."
)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


FACET_TOP = 10  # values shown before "Meer tonen"; the tag facet has hundreds


@dataclass
class FacetResult:
    param: str
    title: str
    values: list[FacetValue]

    @property
    def has_selection(self) -> bool:
        return any(v.selected for v in self.values)

    @property
    def top(self) -> list[FacetValue]:
        """The most frequent values, and every selected one (a choice never hides behind "Meer tonen")."""
        return [v for i, v in enumerate(self.values) if i < FACET_TOP or v.selected]

    @property
    def more(self) -> list[FacetValue]:
        return [v for i, v in enumerate(self.values) if i >= FACET_TOP and not v.selected]


@dataclass
class CasusHit:
    casus: Any  # CasusPage
    score: float
    snippet: str = ""  # safe HTML with <mark> around matching words
    matched_terms: list[str] = field(default_factory=list)
    similarity: float | None = None
    reasons: list[str] = field(default_factory=list)
    regime_notice: Any = None  # a RegimeNotice when the precedent was decided under an earlier regime

    @property
    def similarity_band(self) -> str:
        if self.similarity is None:
            return ""
        return next(label for floor, label in SCORE_BANDS if self.similarity >= floor)


@dataclass
class SearchResult:
    query: str
    mode: str
    sort: str
    hits: list[CasusHit]
    total: int
    page: int
    per_page: int
    facets: list[FacetResult]
    filters: dict[str, list[str]]
    notice: str = ""
    expanded_with: list[str] = field(default_factory=list)
    left_out: tuple[str, ...] = ()  # kinds of words about who a person is, not searched on (casuistry.neutral)

    @property
    def left_out_notice(self) -> str:
        return LEFT_OUT_NOTICE if self.left_out else ""

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def empty_result(req, notice: str = "", *, mode: str | None = None, sort: str | None = None) -> SearchResult:
    return SearchResult(
        req.query, mode or req.mode, sort or req.sort, [], 0, req.page, req.per_page, [], req.filters, notice
    )
