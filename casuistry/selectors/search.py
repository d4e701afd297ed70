"""The one casus search: query + facet filters in, ranked casus with explanations out.

Every place that looks for casus (casus index, global search, API, similar-cases panels, besluit
voorbereiden, intervisie) calls :func:`search_casus`. Do not write a second search path.

Full-text search uses PostgreSQL's ``dutch`` configuration (snowball stemming, stop words) over a
stored tsvector weighted A (title), B (situation, thema, tags), C (reasoning). Query words are
combined with OR and ranked, so that a long draft pasted as a query still finds the casus sharing
most of its words, where AND semantics would find nothing.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL

from casuistry.choices import Bezwaar, CirkelFase, Regeling, Uitkomst, Verplichting
from casuistry.models import CasusPage

SEARCH_CONFIG = "dutch"
MAX_QUERY_TERMS = 80
PREFIX_MIN_LENGTH = 4
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A
RANK_NORMALIZATION = 1  # divide by 1 + log(document length): long casus don't win by size alone
HIGHLIGHT_START, HIGHLIGHT_STOP = "\u27e6", "\u27e7"
NO_BEZWAAR = "geen"
SORTS = ("relevantie", "datum")
MODES = ("fts",)


@dataclass(frozen=True)
class Facet:
    param: str
    title: str
    field: str
    label_field: str | None = None
    choices: tuple[tuple[str, str], ...] = ()


FACETS: tuple[Facet, ...] = (
    Facet("thema", "Thema", "thema__slug", label_field="thema__name"),
    Facet("uitkomst", "Uitkomst", "uitkomst", choices=tuple(Uitkomst.choices)),
    Facet("fase", "Fase cirkel van naleving", "cirkel_fase", choices=tuple(CirkelFase.choices)),
    Facet("verplichting", "Verplichting", "verplichting", choices=tuple(Verplichting.choices)),
    Facet("regeling", "Regeling", "regeling", choices=tuple(Regeling.choices)),
    Facet("bezwaar", "Bezwaar", "bezwaar", choices=((NO_BEZWAAR, "Geen bezwaar"), *Bezwaar.choices)),
    Facet("tag", "Tags", "tags__slug", label_field="tags__name"),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetResult:
    param: str
    title: str
    values: list[FacetValue]

    @property
    def has_selection(self) -> bool:
        return any(v.selected for v in self.values)


@dataclass
class CasusHit:
    casus: CasusPage
    score: float
    snippet: str = ""  # safe HTML with <mark> around matching words
    matched_terms: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


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

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def clean_filters(raw: dict) -> dict[str, list[str]]:
    """Keep only known facet parameters with non-empty values (accepts a QueryDict or a dict)."""
    cleaned: dict[str, list[str]] = {}
    for param in FACETS_BY_PARAM:
        values = raw.getlist(param) if hasattr(raw, "getlist") else raw.get(param, [])
        if isinstance(values, str):
            values = [values]
        values = [v.strip() for v in values if v and v.strip()]
        if values:
            cleaned[param] = sorted(set(values))
    return cleaned


def query_terms(text: str) -> list[str]:
    """The distinct words of a query, lower-cased, in order, capped for very long drafts."""
    seen: dict[str, None] = {}
    for word in re.findall(r"\w+", text.lower()):
        word = word.strip("_")
        if len(word) >= 2 and word not in seen:
            seen[word] = None
    return list(seen)[:MAX_QUERY_TERMS]


def tsquery_text(text: str) -> str | None:
    """OR of all query words; longer words also match as prefix (Dutch compounds: huur → huurschuld)."""
    terms = query_terms(text)
    if not terms:
        return None
    return " | ".join(f"{t}:*" if len(t) >= PREFIX_MIN_LENGTH and not t.isdigit() else t for t in terms)


def build_tsquery(text: str) -> SearchQuery | None:
    raw = tsquery_text(text)
    return SearchQuery(raw, config=SEARCH_CONFIG, search_type="raw") if raw else None


def search_casus(
    *,
    query: str = "",
    filters: dict | None = None,
    sort: str = "relevantie",
    mode: str = "fts",
    page: int = 1,
    per_page: int = 10,
    exclude_ids: tuple[int, ...] = (),
) -> SearchResult:
    query = (query or "").strip()
    filters = clean_filters(filters or {})
    sort = sort if sort in SORTS else "relevantie"
    mode = mode if mode in MODES else "fts"
    per_page = max(1, min(per_page, 100))
    page = max(1, page)

    tsquery = build_tsquery(query) if query and _has_searchable_words(query) else None
    base = CasusPage.objects.live().exclude(pk__in=exclude_ids)
    matching = base.filter(search_vector=tsquery) if tsquery is not None else base
    notice = ""
    if query and tsquery is None:
        matching = base.none()
        notice = "Uw zoekvraag bevat geen woorden waarop gezocht kan worden."

    results = _apply_filters(matching, filters)
    total = results.count()
    ordered = _order(results, tsquery, sort)
    offset = (page - 1) * per_page
    rows = list(ordered.select_related("thema")[offset : offset + per_page])
    hits = _explain(rows, query, tsquery, filters)

    return SearchResult(
        query=query,
        mode=mode,
        sort=sort,
        hits=hits,
        total=total,
        page=page,
        per_page=per_page,
        facets=_facet_counts(matching, filters),
        filters=filters,
        notice=notice,
    )


def _has_searchable_words(query: str) -> bool:
    """False when the Dutch configuration drops every word (only stop words or punctuation)."""
    raw = tsquery_text(query)
    if not raw:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, raw])
        return cursor.fetchone()[0] > 0


def _facet_q(facet: Facet, values: list[str]) -> Q:
    if facet.param == "bezwaar" and NO_BEZWAAR in values:
        others = [v for v in values if v != NO_BEZWAAR]
        return Q(bezwaar="") | Q(bezwaar__in=others)
    return Q(**{f"{facet.field}__in": values})


def _apply_filters(qs: QuerySet, filters: dict[str, list[str]], *, skip: str | None = None) -> QuerySet:
    """Values within one facet combine with OR; different facets combine with AND."""
    for param, values in filters.items():
        if param != skip:
            qs = qs.filter(_facet_q(FACETS_BY_PARAM[param], values))
    return qs.distinct() if "tag" in filters and skip != "tag" else qs


def _order(qs: QuerySet, tsquery: SearchQuery | None, sort: str) -> QuerySet:
    if tsquery is not None:
        qs = qs.annotate(
            score=SearchRank(
                F("search_vector"), tsquery, weights=RANK_WEIGHTS, normalization=RANK_NORMALIZATION
            )
        )
    else:
        qs = qs.annotate(score=RawSQL("0.0", []))
    if sort == "datum" or tsquery is None:
        return qs.order_by(F("periode").desc(nulls_last=True), "-first_published_at", "-pk")
    return qs.order_by("-score", F("periode").desc(nulls_last=True), "-pk")


def _facet_counts(matching: QuerySet, filters: dict[str, list[str]]) -> list[FacetResult]:
    """Counts per facet value, under the query and every *other* facet's filter (disjunctive facets)."""
    results = []
    for facet in FACETS:
        qs = _apply_filters(matching, filters, skip=facet.param)
        label_field = facet.label_field or facet.field
        rows = qs.order_by().values(facet.field, label_field).annotate(n=Count("pk", distinct=True))
        counts = {
            row[facet.field]: (row[label_field], row["n"]) for row in rows if row[facet.field] is not None
        }
        selected = set(filters.get(facet.param, []))
        if facet.param == "bezwaar" and "" in counts:
            counts[NO_BEZWAAR] = ("", counts.pop("")[1])
        values = _facet_values(facet, counts, selected)
        if values:
            results.append(FacetResult(facet.param, facet.title, values))
    return results


def _facet_values(facet: Facet, counts: dict, selected: set[str]) -> list[FacetValue]:
    if facet.choices:
        return [
            FacetValue(value, label, counts.get(value, (label, 0))[1], value in selected)
            for value, label in facet.choices
            if value in counts or value in selected
        ]
    values = [FacetValue(value, label, n, value in selected) for value, (label, n) in counts.items()]
    values += [FacetValue(v, v, 0, True) for v in selected if v not in counts]
    return sorted(values, key=lambda v: (-v.count, v.label.lower()))


def _explain(rows: list[CasusPage], query: str, tsquery: SearchQuery | None, filters: dict) -> list[CasusHit]:
    raw = tsquery_text(query) if tsquery is not None else None
    snippets = _snippets([r.pk for r in rows], raw) if raw and rows else {}
    hits = []
    for casus in rows:
        snippet, terms = snippets.get(casus.pk, ("", []))
        reasons = []
        if terms:
            reasons.append("Woorden gevonden: " + ", ".join(terms[:8]))
        if "thema" in filters:
            reasons.append(f"Thema: {casus.thema.name}")
        if "uitkomst" in filters:
            reasons.append(f"Uitkomst: {casus.get_uitkomst_display()}")
        hits.append(CasusHit(casus, float(getattr(casus, "score", 0.0) or 0.0), snippet, terms, reasons))
    return hits


def _snippets(ids: list[int], raw_tsquery: str) -> dict[int, tuple[str, list[str]]]:
    """ts_headline over the situation, falling back to the reasoning, for one page of results only."""
    options = (
        f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords=40, MinWords=18, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    reasoning = (
        "concat_ws(' ', bewust_onbewust, context_perspectief, maatschappelijke_impact, "
        "grondwaarde, beoogd_effect, maatwerk_oplossing, leerpunt)"
    )
    sql = (
        "SELECT page_ptr_id, ts_headline(%s::regconfig, samenvatting, q, %s), "
        f"ts_headline(%s::regconfig, {reasoning}, q, %s) "
        "FROM casuistry_casuspage, to_tsquery(%s::regconfig, %s) AS q WHERE page_ptr_id = ANY(%s)"
    )
    params = [SEARCH_CONFIG, options, SEARCH_CONFIG, options, SEARCH_CONFIG, raw_tsquery, ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    result = {}
    for pk, summary_hl, reasoning_hl in rows:
        chosen = summary_hl if HIGHLIGHT_START in summary_hl else reasoning_hl
        if HIGHLIGHT_START not in chosen:
            chosen = summary_hl
        terms = _marked_terms(summary_hl) + _marked_terms(reasoning_hl)
        result[pk] = (_to_html(chosen), list(dict.fromkeys(terms)))
    return result


def _marked_terms(text: str) -> list[str]:
    return [m.lower() for m in re.findall(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_STOP}", text)]


def _to_html(text: str) -> str:
    escaped = html.escape(text)
    return escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
