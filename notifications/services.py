"""Writes: follow and unfollow a thema, notify followers of a publication, send the daily digest."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from casuistry.models import CasusPage, Thema
from casuistry.selectors.visibility import can_see

from .models import Follow, Notification
from .selectors import digest_items

logger = logging.getLogger(__name__)


@transaction.atomic
def follow(*, user, thema: Thema, regeling: str = "") -> Follow:
    found, _ = Follow.objects.get_or_create(user=user, thema=thema, regeling=regeling or "")
    return found


@transaction.atomic
def unfollow(*, user, follow_id: int) -> bool:
    deleted, _ = Follow.objects.filter(user=user, pk=follow_id).delete()
    return bool(deleted)


def notify_followers(page) -> int:
    """Notify the followers of the page's thema (and regeling) who may read it; returns how many.

    ``page`` is a published CasusPage or WerkafspraakPage. Publishing again notifies nobody twice."""
    thema_id = getattr(page, "thema_id", None)
    if thema_id is None:
        return 0
    follows = Follow.objects.filter(thema_id=thema_id).select_related("user")
    regeling = getattr(page, "regeling", "")
    follows = follows.filter(Q(regeling="") | Q(regeling=regeling)) if regeling else follows.filter(regeling="")
    readers = {f.user for f in follows if f.user.is_active}
    if isinstance(page, CasusPage):
        readers = {user for user in readers if can_see(user, page)}
    Notification.objects.bulk_create(
        [Notification(user=user, page_id=page.pk, thema_id=thema_id) for user in readers], ignore_conflicts=True
    )
    return len(readers)


@transaction.atomic
def mark_read(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def send_digests(*, log=None) -> int:
    """One e-mail per user with what was published in their thema's since their last digest.

    Run daily (``manage.py verstuur_meldingen``, from cron or a django-tasks worker). A notification
    is marked as e-mailed only after its mail left; a casus the reader may no longer see is dropped."""
    sent = 0
    users = (
        get_user_model()
        .objects.filter(is_active=True, notifications__emailed_at__isnull=True)
        .exclude(email="")
        .distinct()
    )
    for user in users:
        items, ids = digest_items(user)
        if items:
            _send_digest(user, items)
            sent += 1
        Notification.objects.filter(pk__in=ids).update(emailed_at=timezone.now())
        if log:
            log(f"{user.username}: {len(items)} melding(en)")
    logger.info("digest sent", extra={"mails": sent})
    return sent


def _send_digest(user, items) -> None:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {"user": user, "items": items, "base_url": base}
    subject = f"Kennisbank: {len(items)} nieuwe publicatie(s) in uw thema's"
    send_mail(
        subject,
        render_to_string("notifications/digest_email.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
