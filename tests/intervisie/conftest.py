import pytest
from django.utils import timezone

from base import roles
from intervisie.demo import load_methods
from intervisie.services import sessions as services
from tests.factories import create_casus


@pytest.fixture
def methods(db):
    load_methods()
    from intervisie.models import Method

    return {m.slug: m for m in Method.objects.all()}


@pytest.fixture
def trainer(make_user):
    return make_user(roles.TRAINER, username="trainer_a")


@pytest.fixture
def other_trainer(make_user):
    return make_user(roles.TRAINER, username="trainer_b")


@pytest.fixture
def participants(make_user):
    return [make_user(roles.CONSULENT, username=f"deelnemer{n}") for n in range(1, 4)]


@pytest.fixture
def casus(db):
    page = create_casus(
        external_id="IV-1",
        title="Tante betaalde de energierekening",
        thema="Giften en leningen",
        uitkomst="waarschuwing",
    )
    type(page).objects.filter(pk=page.pk).update(verwijtbaarheid="verminderd")
    page.refresh_from_db()
    return page


@pytest.fixture
def session(trainer, participants, methods, casus):
    planned, _ = services.plan_session(
        trainer=trainer,
        title="Leerdialoog giften",
        starts_at=timezone.now(),
        method=methods["drietrapstoets-dialoog"],
        participants=participants,
        casus=casus,
    )
    return planned


@pytest.fixture
def open_session(session, trainer):
    return services.open_judgements(session=session, user=trainer)
