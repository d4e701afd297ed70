"""What a search asks for: one frozen request object, normalised once at the edge of the search."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casuistry.selectors.visibility import EVERYTHING, Viewer, as_viewer

from .facets import FACETS_BY_PARAM

MODES = ("fts", "semantic", "hybrid")
SORTS = ("relevantie", "datum")
MAX_PER_PAGE = 100
MAX_PAGE = 1000  # further than any result set goes; a larger number would overflow OFFSET
MAX_VALUES = 50  # facet values per facet
MAX_VALUE_LENGTH = 100


def clean_filters(raw) -> dict[str, list[str]]:
    """Keep only known facet parameters with non-empty values (accepts a QueryDict or a dict)."""
    cleaned: dict[str, list[str]] = {}
    for param in FACETS_BY_PARAM:
        values = raw.getlist(param) if hasattr(raw, "getlist") else raw.get(param, [])
        if isinstance(values, str):
            values = [values]
        values = [v.strip() for v in values if v and v.strip() and len(v) <= MAX_VALUE_LENGTH]
        if values:
            cleaned[param] = sorted(set(values))[:MAX_VALUES]
    return cleaned


@dataclass(frozen=True)
class SearchRequest:
    """A normalised search: build it with :meth:`of`, which never fails on odd input."""

    query: str = ""
    facet_filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    sort: str = "relevantie"
    mode: str = "hybrid"
    page: int = 1
    per_page: int = 10
    exclude_ids: tuple[int, ...] = ()
    viewer: Viewer = EVERYTHING  # whose eyes: every web read passes the user (visibility.py)
    like: Any = field(default=None, compare=False)  # a CasusPage: casus similar to it

    @classmethod
    def of(
        cls,
        *,
        query: str = "",
        filters=None,
        sort: str = "relevantie",
        mode: str = "hybrid",
        page: int = 1,
        per_page: int = 10,
        exclude_ids=(),
        like=None,
        viewer=None,
    ) -> SearchRequest:
        cleaned = clean_filters(filters or {})
        return cls(
            query=(query or "").strip(),
            facet_filters=tuple((param, tuple(values)) for param, values in cleaned.items()),
            sort=sort if sort in SORTS else "relevantie",
            mode=mode if mode in MODES else "hybrid",
            page=min(max(1, page), MAX_PAGE),
            per_page=max(1, min(per_page, MAX_PER_PAGE)),
            exclude_ids=tuple(exclude_ids),
            viewer=as_viewer(viewer),
            like=like,
        )

    @property
    def filters(self) -> dict[str, list[str]]:
        return {param: list(values) for param, values in self.facet_filters}

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


def request_from_params(params, *, viewer, per_page: int = 10) -> SearchRequest:
    """A request from URL parameters (``q``, facets, ``sort``, ``mode``, ``page``) as the casus index takes them."""
    return SearchRequest.of(
        query=params.get("q", "")[:4000],
        filters=params,
        sort=params.get("sort", SORTS[0]),
        mode=params.get("mode", "hybrid"),
        page=_page_number(params.get("page", 1)),
        per_page=per_page,
        viewer=viewer,
    )


def _page_number(raw) -> int:
    try:
        return min(max(1, int(str(raw)[:8])), MAX_PAGE)
    except (TypeError, ValueError):
        return 1
