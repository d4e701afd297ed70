"""Writes: organisations and who belongs to them."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Membership, Organisation


class OrganisationError(ValueError):
    """Bad input for an organisation; the message is Dutch and names what is wrong."""


@transaction.atomic
def ensure_organisation(*, code: str, name: str = "", region: str | None = None) -> tuple[Organisation, bool]:
    """The organisation with this code, created if needed; a given name or region replaces the stored one."""
    code = (code or "").strip().upper()
    organisation = Organisation.objects.filter(code=code).first()
    created = organisation is None
    if created:
        if not name.strip():
            raise OrganisationError(f"Organisatie {code} bestaat nog niet: geef ook een naam (--naam).")
        organisation = Organisation(code=code)
    if name.strip():
        organisation.name = name.strip()
    if region is not None:
        organisation.region = region.strip()
    try:
        organisation.full_clean()
    except ValidationError as exc:
        raise OrganisationError(_first_message(exc)) from None
    organisation.save()
    return organisation, created


@transaction.atomic
def link_user(*, username: str, organisation: Organisation) -> Membership:
    """Make the user a member of the organisation (a user belongs to one: an earlier membership moves)."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise OrganisationError(f"Gebruiker '{username}' bestaat niet.")
    membership, _ = Membership.objects.update_or_create(user=user, defaults={"organisation": organisation})
    return membership


def _first_message(exc: ValidationError) -> str:
    fields = {"code": "code", "name": "naam", "region": "regio"}
    for field, messages in exc.message_dict.items():
        return f"{fields.get(field, field)}: {messages[0]}"
    return "Ongeldige organisatie."
