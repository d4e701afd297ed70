"""Reads: a user's follows and notifications, only of pages they may still read."""

from __future__ import annotations

from django.db.models import QuerySet

from casuistry.models import CasusPage
from casuistry.selectors.visibility import visible_casus

from .models import Follow, Notification


def follows_of(user) -> QuerySet[Follow]:
    return Follow.objects.filter(user=user).select_related("thema")


def _readable(user, notifications: QuerySet[Notification]) -> QuerySet[Notification]:
    # A casus that has since become invisible to this reader (its level narrowed) is not mentioned.
    hidden = CasusPage.objects.exclude(pk__in=visible_casus(user).values("pk")).values("pk")
    return notifications.filter(page__live=True).exclude(page_id__in=hidden)


def notifications_of(user, *, limit: int = 50) -> list[Notification]:
    mine = Notification.objects.filter(user=user).select_related("page", "thema")
    return list(_readable(user, mine)[:limit])


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return _readable(user, Notification.objects.filter(user=user, read_at__isnull=True)).count()


def digest_items(user) -> tuple[list[Notification], list[int]]:
    """The notifications for the next digest, and the ids of all pending ones (shown or dropped)."""
    pending = Notification.objects.filter(user=user, emailed_at__isnull=True)
    ids = list(pending.values_list("pk", flat=True))
    items = list(_readable(user, pending).select_related("page", "thema").order_by("thema__name", "created_at"))
    return items, ids
