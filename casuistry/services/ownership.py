"""Who owns an imported casus (casus-v2 ``organisatie``), checked before anything is written."""

from __future__ import annotations

from casuistry.models import CasusPage
from casuistry.services.interchange import LineMessage, ParsedRecord
from organisations.models import Organisation
from organisations.selectors import organisation_of


class UnknownOrganisation(ValueError):
    pass


def default_organisation(code: str | None, user) -> Organisation | None:
    """The organisation for records without ``organisatie``: the given code, else the user's."""
    if code:
        found = Organisation.objects.filter(code=code.strip().upper()).first()
        if found is None:
            raise UnknownOrganisation(
                f"Onbekende organisatiecode '{code[:12]}': maak haar eerst aan (koppel_organisatie)."
            )
        return found
    return organisation_of(user)


def owners(
    records: list[ParsedRecord], default: Organisation | None, user
) -> tuple[dict[int, Organisation | None], list[LineMessage]]:
    """Per line the owning organisation, and the lines that may not be written.

    A record names its owner, or gets the default. When the installation has organisations, every
    casus needs one. A user who belongs to an organisation writes only their own organisation's
    casus (a command-line import, without user, is the operator's).
    """
    codes = {r.data["organisatie"] for r in records if r.data.get("organisatie")}
    known = {o.code: o for o in Organisation.objects.filter(code__in=codes)}
    any_organisation = bool(known) or default is not None or Organisation.objects.exists()
    own = organisation_of(user) if user is not None and not user.is_superuser else None
    stored = dict(
        CasusPage.objects.filter(external_id__in=[r.data["external_id"] for r in records]).values_list(
            "external_id", "organisation_id"
        )
    )
    result, errors = {}, []
    for record in records:
        code = record.data.get("organisatie")
        owner = known.get(code) if code else default
        if code and owner is None:
            errors.append(LineMessage(record.line, "organisatie", "onbekende organisatiecode"))
        elif owner is None and any_organisation:
            errors.append(LineMessage(record.line, "organisatie", "ontbreekt; geef --organisatie CODE"))
        elif own is not None and owner is not None and owner.pk != own.pk:
            errors.append(LineMessage(record.line, "organisatie", "u legt alleen casus van uw eigen organisatie vast"))
        elif own is not None and stored.get(record.data["external_id"]) not in (None, own.pk):
            errors.append(LineMessage(record.line, "external_id", "dit kenmerk hoort bij een andere organisatie"))
        result[record.line] = owner
    return result, errors
