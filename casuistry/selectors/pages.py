"""The context of the casus pages, read through the one search and the monitor selectors.

The page models call these in ``get_context``; the models do not import selectors at load time
(the selectors import the models), see ``casuistry/models/pages.py``.
"""

from __future__ import annotations

from casuistry.models import CasusPage, Thema
from casuistry.search import FACETS_BY_PARAM, request_from_params, search_casus
from casuistry.search_box import clean_query
from casuistry.selectors.regimes import regime_notice
from casuistry.selectors.stats import mkba_for_casus
from casuistry.selectors.visibility import can_see, viewer_of, visible_casus
from kennisbank.pagination import querystring_without

SIMILAR_ON_PAGE = 5

__all__ = ["can_see", "casus_index_context", "casus_page_context", "editor_similar"]


def casus_index_context(request) -> dict:
    """`/casus/`: the search with facets, and the active filters with a link that removes each.

    The query is pseudonymised before it is searched or shown (casuistry.search_box)."""
    query = clean_query(request.GET.get("q"))
    params = request.GET.copy()
    params["q"] = query.text
    result = search_casus(request_from_params(params, per_page=10, viewer=request.user))
    chosen = result.filters.get("thema", [])
    return {
        "result": result,
        "followable_thema": Thema.objects.filter(slug=chosen[0]).first() if len(chosen) == 1 else None,
        "query_notice": query.notice,
        "querystring_without_page": querystring_without(request, "page"),
        "active_filters": [
            {
                "param": param,
                "value": value,
                "remove_qs": querystring_without(request, "page", (param, value)),
                "label": _filter_label(result, param, value),
            }
            for param, values in result.filters.items()
            for value in values
        ],
    }


def casus_page_context(casus, request) -> dict:
    viewer = viewer_of(request.user)
    return {
        "similar": search_casus(like=casus, per_page=SIMILAR_ON_PAGE, viewer=viewer).hits,
        "precedents": visible_relations(casus, viewer),
        "bezwaar_records": bezwaar_records_for(casus, viewer),
        "mkba": mkba_for_casus(casus),
        "regime_notice": regime_notice(casus),
    }


def bezwaar_records_for(casus, viewer) -> list:
    """The casus' bezwaar records; a "zie ook" link to a casus this reader may not see is left out."""
    records = list(casus.bezwaar_records.prefetch_related("grounds").select_related("related_page"))
    linked = {r.related_page_id for r in records if r.related_page_id}
    hidden = set(CasusPage.objects.filter(pk__in=linked).values_list("pk", flat=True)) - set(
        visible_casus(viewer).filter(pk__in=linked).values_list("pk", flat=True)
    )
    for record in records:
        if record.related_page_id in hidden:
            record.related_page = None  # in memory only: this page is not saved
    return records


def visible_relations(casus, viewer) -> list:
    """The precedent links of a casus whose other end this reader may see."""
    relations = list(casus.relations.select_related("related"))
    visible = set(visible_casus(viewer).filter(pk__in=[r.related_id for r in relations]).values_list("pk", flat=True))
    return [r for r in relations if r.related_id in visible]


def _filter_label(result, param, value) -> str:
    for facet in result.facets:
        if facet.param == param:
            for v in facet.values:
                if v.value == value:
                    return f"{facet.title}: {v.label}"
    return f"{FACETS_BY_PARAM[param].title}: {value}"


def editor_similar(page, user) -> list:
    """The editor's "Vergelijkbare casus" panel: a published casus by its vector, a draft by its own text."""
    if page.pk and page.live:
        return search_casus(like=page, per_page=SIMILAR_ON_PAGE, viewer=user).hits
    if page.pk or page.samenvatting:
        query = f"{page.title}. {page.samenvatting}".strip(". ")
        exclude = (page.pk,) if page.pk else ()
        return search_casus(query=query, per_page=SIMILAR_ON_PAGE, exclude_ids=exclude, viewer=user).hits
    return []
