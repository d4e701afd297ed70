"""A werkafspraak flows into the kennisbank: the trainer proposes it, a redacteur approves by publishing.

Proposing creates a draft WerkafspraakPage below `/werkafspraken/` (not live), linked to the casus,
thema and session it came from. Publishing needs Wagtail's publish permission on that page, which
roles.PAGE_PERMISSIONS gives to Redacteur (and Beheerder); a trainer cannot publish.
"""

from __future__ import annotations

import logging

from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from intervisie.apps import WERKAFSPRAKEN_SECTION
from intervisie.choices import SessionStatus
from intervisie.models import Werkafspraak, WerkafspraakPage, WerkafsprakenIndexPage
from kennisbank.sections import ensure_section_page

from .errors import IntervisieError
from .sessions import is_trainer_of

logger = logging.getLogger(__name__)


def werkafspraken_index() -> WerkafsprakenIndexPage:
    page = ensure_section_page(django_apps, WERKAFSPRAKEN_SECTION)  # recreated if deleted; base grants rights
    if page is None:
        raise IntervisieError(
            "De kennisbank heeft nog geen startpagina; werkafspraken kunnen nog niet worden voorgesteld."
        )
    return WerkafsprakenIndexPage.objects.get(pk=page.pk)


def _unique_slug(index: WerkafsprakenIndexPage, title: str) -> str:
    base = slugify(title)[:70] or "werkafspraak"
    slug, n = base, 2
    while WerkafspraakPage.objects.child_of(index).filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def propose_werkafspraak(*, werkafspraak: Werkafspraak, user) -> WerkafspraakPage:
    """Create a draft page for the werkafspraak; a redacteur reviews and publishes it."""
    session = werkafspraak.session
    if not is_trainer_of(session, user):
        raise PermissionDenied("Alleen de trainer van de sessie stelt een werkafspraak voor.")
    if session.status not in (SessionStatus.REVEALED, SessionStatus.CLOSED):
        raise IntervisieError("Een werkafspraak stelt u voor na de bespreking.")
    if werkafspraak.page_id:
        raise IntervisieError("Deze werkafspraak is al voorgesteld voor de kennisbank.")
    index = werkafspraken_index()
    page = WerkafspraakPage(
        title=werkafspraak.title,
        slug=_unique_slug(index, werkafspraak.title),
        afspraak=werkafspraak.text,
        toelichting=werkafspraak.rationale,
        thema=session.thema,
        casus=session.casus,
        session=session,
        agreed_on=timezone.localdate(session.starts_at),
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    werkafspraak.page = page
    werkafspraak.proposed_by = user
    werkafspraak.proposed_at = timezone.now()
    werkafspraak.save(update_fields=["page", "proposed_by", "proposed_at"])
    logger.info("Werkafspraak %s voorgesteld als conceptpagina %s", werkafspraak.pk, page.pk)
    return page


def can_publish(page: WerkafspraakPage, user) -> bool:
    return bool(user.is_authenticated and page.permissions_for_user(user).can_publish())


@transaction.atomic
def publish_werkafspraak(*, page: WerkafspraakPage, user) -> WerkafspraakPage:
    """Approve a proposed werkafspraak by publishing its latest revision (redacteuren only)."""
    if not can_publish(page, user):
        raise PermissionDenied("Alleen een redacteur publiceert werkafspraken in de kennisbank.")
    revision = page.latest_revision or page.save_revision(user=user)
    revision.publish(user=user)
    page.refresh_from_db()
    logger.info("Werkafspraak-pagina %s gepubliceerd", page.pk)
    return page
