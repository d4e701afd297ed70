"""Small read models for the home page and navigation."""

from casuistry.models import CasusPage, Thema
from casuistry.search import search_casus
from casuistry.selectors.visibility import visible_casus


def recent_casus(user, *, limit: int = 6) -> list[CasusPage]:
    return list(visible_casus(user).select_related("thema").order_by("-first_published_at", "-pk")[:limit])


def themes_with_counts(user) -> list[Thema]:
    """Themes that have at least one published casus, with the count as ``num_casus``.

    The counts are the casus index's thema facet (search_casus without a query), which are
    remembered until a page changes: a GROUP BY over every casus on each home-page view would not be.
    """
    facets = search_casus(per_page=1, viewer=user).facets
    counts = {v.value: v.count for facet in facets if facet.param == "thema" for v in facet.values if v.count}
    themes = list(Thema.objects.filter(slug__in=counts).order_by("name"))
    for thema in themes:
        thema.num_casus = counts[thema.slug]
    return themes
