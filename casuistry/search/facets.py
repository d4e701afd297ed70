"""Facet filters and counts. Values within a facet are OR, facets are AND; counts are disjunctive
(a facet's counts ignore its own selection). Counted in SQL when browsing all casus, and in Python
over a bounded result pool (the two agree; a test holds them equal)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from casuistry.choices import Bezwaar, CirkelFase, Regeling, Uitkomst, Verplichting
from casuistry.models import CasusPage, CasusTag

from .results import FacetResult, FacetValue

NO_BEZWAAR = "geen"


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
    Facet("regime", "Rechtsregime", "regime__slug", label_field="regime__name"),
    Facet("tag", "Tags", "tags__slug", label_field="tags__name"),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


def facet_q(facet: Facet, values: list[str]) -> Q:
    if facet.param == "bezwaar" and NO_BEZWAAR in values:
        others = [v for v in values if v != NO_BEZWAAR]
        return Q(bezwaar="") | Q(bezwaar__in=others)
    return Q(**{f"{facet.field}__in": values})


def filters_q(filters: dict[str, list[str]]) -> Q:
    passes = Q()
    for param, values in filters.items():
        passes &= facet_q(FACETS_BY_PARAM[param], values)
    return passes


def apply_filters(qs: QuerySet, filters: dict[str, list[str]], *, skip: str | None = None) -> QuerySet:
    """Values within one facet combine with OR; different facets combine with AND."""
    for param, values in filters.items():
        if param != skip:
            qs = qs.filter(facet_q(FACETS_BY_PARAM[param], values))
    return qs.distinct() if "tag" in filters and skip != "tag" else qs


def sql_facet_counts(matching: QuerySet, filters: dict[str, list[str]]) -> list[FacetResult]:
    """Counts per facet value, under every *other* facet's filter: one GROUP BY per facet (browsing)."""
    results = []
    for facet in FACETS:
        qs = apply_filters(matching, filters, skip=facet.param)
        label_field = facet.label_field or facet.field
        # Only a tag join repeats a casus within a group; a plain COUNT(*) hashes instead of sorting.
        tag_join = "tag" in filters and facet.param != "tag"
        rows = qs.order_by().values(facet.field, label_field).annotate(n=Count("pk", distinct=tag_join))
        counts = {row[facet.field]: (row[label_field], row["n"]) for row in rows if row[facet.field] is not None}
        results += facet_result(facet, counts, filters)
    return results


def pool_rows(pool) -> dict[int, dict]:
    """Facet values and period of a bounded set of casus (a result pool), in two queries."""
    fields = [facet.field for facet in FACETS if facet.param != "tag"]
    labels = [facet.label_field for facet in FACETS if facet.label_field and facet.param != "tag"]
    found = CasusPage.objects.filter(pk__in=list(pool)).order_by().values("pk", "periode", *labels, *fields)
    rows = {row["pk"]: row for row in found}
    for row in rows.values():
        row["tags__slug"] = {}
    tags = CasusTag.objects.filter(content_object_id__in=list(rows))
    for pk, slug, name in tags.values_list("content_object_id", "tag__slug", "tag__name"):
        rows[pk]["tags__slug"][slug] = name
    return rows


def pool_facet_counts(rows: dict[int, dict], filters: dict[str, list[str]]) -> list[FacetResult]:
    """The same counts as sql_facet_counts over a result pool's rows (pool_rows), counted here."""
    results = []
    for facet in FACETS:
        others = [(FACETS_BY_PARAM[p], set(v)) for p, v in filters.items() if p != facet.param]
        counts: dict[str, tuple[str, int]] = {}
        for row in rows.values():
            if all(row_in_facet(row, other, values) for other, values in others):
                for value, label in _row_facet_values(row, facet):
                    counts[value] = (label, counts.get(value, ("", 0))[1] + 1)
        results += facet_result(facet, counts, filters)
    return results


def row_passes(row: dict, filters: dict[str, list[str]]) -> bool:
    return all(row_in_facet(row, FACETS_BY_PARAM[param], set(values)) for param, values in filters.items())


def _row_facet_values(row: dict, facet: Facet) -> list[tuple[str, str]]:
    value = row[facet.field]
    if facet.param == "tag":
        return list(value.items())
    if facet.label_field:
        return [(value, row[facet.label_field])] if value is not None else []
    return [(value, value)] if value is not None else []


def row_in_facet(row: dict, facet: Facet, values: set[str]) -> bool:
    """Python twin of facet_q for one row."""
    if facet.param == "tag":
        return not values.isdisjoint(row["tags__slug"])
    if facet.param == "bezwaar" and row["bezwaar"] == "":
        return NO_BEZWAAR in values
    return row[facet.field] in values


def facet_result(facet: Facet, counts: dict[str, tuple[str, int]], filters: dict) -> list[FacetResult]:
    selected = set(filters.get(facet.param, []))
    if facet.param == "bezwaar" and "" in counts:
        counts[NO_BEZWAAR] = ("", counts.pop("")[1])
    values = _facet_values(facet, counts, selected)
    return [FacetResult(facet.param, facet.title, values)] if values else []


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
