"""Browsing without a query: newest first, with facet counts over all published casus.

Total and facet counts take seconds at 100k casus (a scan per facet) and change only when someone
publishes, unpublishes or edits; Wagtail logs each of those, so the newest log entry ids are part
of the cache key and a change makes the old entry unreachable.
"""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache
from django.db.models import F, Max, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.models import ModelLogEntry, PageLogEntry

from .explain import explain
from .facets import apply_filters, sql_facet_counts
from .results import FacetResult, SearchResult

# Sort "datum": by period, newest created first within one; the index casus_newest_first serves it.
NEWEST_FIRST = (F("periode").desc(nulls_last=True), F("pk").desc())
COUNTS_SECONDS = 24 * 3600
GENERATION_KEY = "casus-search:browse-generation"


def browse(base: QuerySet, req) -> SearchResult:
    filters = req.filters
    results = apply_filters(base, filters)
    total, facets = _counts(base, results, req)
    ordered = results.annotate(score=RawSQL("0.0", [])).order_by(*NEWEST_FIRST)
    page = ordered.defer("search_vector").select_related("thema", "regime")
    rows = list(page[req.offset : req.offset + req.per_page])
    hits = explain(rows, "", filters, {})
    return SearchResult("", req.mode, "datum", hits, total, req.page, req.per_page, facets, filters)


def _counts(base: QuerySet, results: QuerySet, req) -> tuple[int, list[FacetResult]]:
    changed = (
        PageLogEntry.objects.aggregate(last=Max("pk"))["last"],
        ModelLogEntry.objects.aggregate(last=Max("pk"))["last"],
    )
    key = _key(req, changed)
    cached = cache.get(key)
    if cached is not None:
        return cached
    counts = (results.count(), sql_facet_counts(base, req.filters))
    cache.set(key, counts, COUNTS_SECONDS)
    return counts


def _key(req, changed) -> str:
    generation = cache.get_or_set(GENERATION_KEY, 0, None)
    # The viewer is part of the key: each organisation's reader counts only what they may see.
    wanted = json.dumps([req.facet_filters, sorted(req.exclude_ids), req.viewer, changed, generation], default=str)
    return "casus-search:browse:" + hashlib.sha256(wanted.encode()).hexdigest()[:32]


def forget_counts() -> None:
    """A new generation: every remembered count is unreachable (tests, reindex)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)
