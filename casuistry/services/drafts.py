"""Writes from besluit voorbereiden: a concept-casus saved on the consulent's explicit request."""

from __future__ import annotations

from django.db import transaction

from casuistry.models import CasusIndexPage, CasusPage, Thema
from casuistry.services.anonymisation.gate import pseudonymise_text


class DraftNotAllowed(Exception):
    pass


@transaction.atomic
def save_concept_casus(
    *,
    user,
    title: str,
    samenvatting: str,
    thema: Thema,
    regeling: str,
    verplichting: str,
    cirkel_fase: str,
    uitkomst: str,
    bewust_onbewust: str,
    context_perspectief: str,
    maatschappelijke_impact: str,
) -> CasusPage:
    """Create an unpublished casus. Every text passes the anonymisation gate again before storing."""
    index = CasusIndexPage.objects.get()
    if not index.permissions_for_user(user).can_add_subpage():
        raise DraftNotAllowed("U mag geen concept-casus aanmaken.")

    def clean(text: str) -> str:
        return pseudonymise_text(text)[0]

    page = CasusPage(
        title=clean(title),
        samenvatting=clean(samenvatting),
        thema=thema,
        regeling=regeling,
        verplichting=verplichting,
        cirkel_fase=cirkel_fase,
        uitkomst=uitkomst,
        bewust_onbewust=clean(bewust_onbewust),
        context_perspectief=clean(context_perspectief),
        maatschappelijke_impact=clean(maatschappelijke_impact),
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
