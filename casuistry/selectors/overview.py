"""Small read models for the home page and navigation."""

from django.db.models import Count, Q

from casuistry.models import CasusPage, Thema


def recent_casus(*, limit: int = 6) -> list[CasusPage]:
    return list(CasusPage.objects.live().select_related("thema").order_by("-first_published_at", "-pk")[:limit])


def themes_with_counts() -> list[Thema]:
    """Themes that have at least one published casus, with the count as ``num_casus``."""
    return list(
        Thema.objects.annotate(num_casus=Count("casus", filter=Q(casus__live=True)))
        .filter(num_casus__gt=0)
        .order_by("name")
    )
