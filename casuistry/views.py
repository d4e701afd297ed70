"""Thin views: parse the request, call the search selector, render."""

from django.shortcuts import render

from casuistry.selectors.search import FACETS_BY_PARAM, SORTS, search_casus
from kennisbank.pagination import page_number, querystring_without


def search_params(request) -> dict:
    return {
        "query": request.GET.get("q", "")[:4000],
        "filters": request.GET,
        "sort": request.GET.get("sort", SORTS[0]),
        "mode": request.GET.get("mode", "hybrid"),
        "page": page_number(request),
    }


def casus_index(request, *, index_page):
    result = search_casus(**search_params(request), per_page=10)
    context = {
        "page": index_page,
        "self": index_page,
        "result": result,
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
    return render(request, "casuistry/casus_index_page.html", context)


def _filter_label(result, param, value) -> str:
    for facet in result.facets:
        if facet.param == param:
            for v in facet.values:
                if v.value == value:
                    return f"{facet.title}: {v.label}"
    return f"{FACETS_BY_PARAM[param].title}: {value}"
