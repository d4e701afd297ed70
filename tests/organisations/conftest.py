"""Three organisations — own (A), the same region (B), another region (C) — each with a casus at
every sharing level, and a consulent in each. Casus titles say whose and which level they are."""

import pytest

from base import roles
from organisations.models import Membership, Organisation
from tests.factories import create_casus
from tests.organisations.sharing import LEVELS, REGION


@pytest.fixture
def organisations(db):
    return {
        code: Organisation.objects.create(code=code, name=f"Organisatie {code}", region=region)
        for code, region in REGION.items()
    }


@pytest.fixture
def shared_corpus(organisations):
    """Nine casus: (owner code, level) -> casus; every summary shares the words searched for."""
    return {
        (code, level): create_casus(
            external_id=f"{code}-{level}",
            title=f"Casus {code} {level}",
            summary=f"Mevrouw F. kreeg giften van haar broer en meldde die niet ({code} {level}).",
            thema="Giften en leningen",
            organisatie=code,
            deelniveau=level,
            bezwaar="gegrond" if level != "organisatie" else None,
        )
        for code in REGION
        for level in LEVELS
    }


@pytest.fixture
def member(organisations, make_user):
    def make(code: str, role: str = roles.CONSULENT):
        user = make_user(role, username=f"{role.lower().replace(' ', '_')}-{code.lower()}")
        Membership.objects.update_or_create(user=user, defaults={"organisation": organisations[code]})
        return user

    return make
