"""Only the trainer of a session runs it; only redacteuren publish werkafspraken."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from intervisie_helpers import answer

from base import roles
from intervisie.choices import SessionStatus
from intervisie.services import sessions as services
from intervisie.services.werkafspraken import propose_werkafspraak, publish_werkafspraak

pytestmark = pytest.mark.django_db


@pytest.fixture
def revealed(open_session, participants, trainer):
    services.record_judgement(session=open_session, user=participants[0], answers=answer())
    return services.reveal(session=open_session, user=trainer)


def test_another_trainer_cannot_open_reveal_or_close(client, session, other_trainer, participants, trainer):
    with pytest.raises(PermissionDenied):
        services.open_judgements(session=session, user=other_trainer)
    client.force_login(other_trainer)
    assert client.post(reverse("intervisie:open", args=[session.pk])).status_code == 403
    services.open_judgements(session=session, user=trainer)
    services.record_judgement(session=session, user=participants[0], answers=answer())
    assert client.post(reverse("intervisie:reveal", args=[session.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.reveal(session=session, user=other_trainer)
    services.reveal(session=session, user=trainer)
    assert client.post(reverse("intervisie:close", args=[session.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.close_session(session=session, user=other_trainer)
    session.refresh_from_db()
    assert session.status == SessionStatus.REVEALED


def test_a_participant_cannot_reveal_or_close(client, open_session, participants):
    client.force_login(participants[0])
    assert client.post(reverse("intervisie:reveal", args=[open_session.pk])).status_code == 403
    assert client.post(reverse("intervisie:close", args=[open_session.pk])).status_code == 403
    open_session.refresh_from_db()
    assert open_session.status == SessionStatus.OPEN


def test_the_trainer_of_the_session_reveals_and_closes(client, open_session, participants, trainer):
    services.record_judgement(session=open_session, user=participants[0], answers=answer())
    client.force_login(trainer)
    client.post(reverse("intervisie:reveal", args=[open_session.pk]))
    open_session.refresh_from_db()
    assert open_session.status == SessionStatus.REVEALED
    response = client.post(reverse("intervisie:close", args=[open_session.pk]))
    assert response["Location"] == reverse("intervisie:report", args=[open_session.pk])
    open_session.refresh_from_db()
    assert open_session.status == SessionStatus.CLOSED


def test_reveal_needs_at_least_one_answer_and_says_so(client, open_session, trainer):
    client.force_login(trainer)
    response = client.post(reverse("intervisie:reveal", args=[open_session.pk]), follow=True)
    assert "nog geen enkel oordeel" in response.content.decode()
    open_session.refresh_from_db()
    assert open_session.status == SessionStatus.OPEN


def test_only_trainers_plan(client, make_user, methods, participants, casus):
    consulent = make_user(roles.CONSULENT, username="planner")
    client.force_login(consulent)
    assert client.get(reverse("intervisie:plan")).status_code == 403
    with pytest.raises(PermissionDenied):
        services.plan_session(
            trainer=consulent,
            title="x",
            starts_at=timezone.now(),
            method=methods["incidentmethode"],
            participants=participants,
            casus=casus,
        )


def test_only_the_session_trainer_edits_a_planned_session(client, session, other_trainer):
    client.force_login(other_trainer)
    assert client.get(reverse("intervisie:edit", args=[session.pk])).status_code == 403


def test_only_redacteuren_publish_werkafspraken(client, revealed, trainer, other_trainer, make_user):
    werkafspraak = services.add_werkafspraak(
        session=revealed, user=trainer, title="Eerst het gesprek", text="Bij een eenmalige gift eerst uitleg."
    )
    with pytest.raises(PermissionDenied):
        propose_werkafspraak(werkafspraak=werkafspraak, user=other_trainer)
    page = propose_werkafspraak(werkafspraak=werkafspraak, user=trainer)
    assert not page.live

    for user in (trainer, make_user(roles.CONSULENT, username="c1"), make_user(roles.JURIST, username="j1")):
        with pytest.raises(PermissionDenied):
            publish_werkafspraak(page=page, user=user)
        client.force_login(user)
        assert client.post(reverse("intervisie:publish", args=[page.pk])).status_code == 403
    page.refresh_from_db()
    assert not page.live

    redacteur = make_user(roles.REDACTEUR, username="r1")
    client.force_login(redacteur)
    client.post(reverse("intervisie:publish", args=[page.pk]))
    page.refresh_from_db()
    assert page.live
