"""Reads: which organisation a user belongs to."""

from __future__ import annotations

from .models import Organisation


def organisation_of(user) -> Organisation | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_organisation_cache", False)
    if cached is not False:
        return cached
    organisation = Organisation.objects.filter(members__user_id=user.pk).first()
    user._organisation_cache = organisation  # one query per request, whatever asks
    return organisation
