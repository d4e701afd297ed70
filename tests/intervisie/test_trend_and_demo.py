"""The trend per thema across sessions, the participants' view, and the demo content."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from intervisie_helpers import answer

from intervisie.choices import SessionStatus
from intervisie.models import Session, WerkafspraakPage
from intervisie.selectors.sessions import agreement_trend, session_results, sessions_of_participant
from intervisie.services import sessions as services

pytestmark = pytest.mark.django_db


def _run(trainer, participants, method, casus, outcomes, days):
    session, _ = services.plan_session(
        trainer=trainer,
        title=f"Sessie {days}",
        starts_at=timezone.now() + timezone.timedelta(days=days),
        method=method,
        participants=participants,
        casus=casus,
    )
    services.open_judgements(session=session, user=trainer)
    for user, uitkomst in zip(participants, outcomes, strict=False):
        services.record_judgement(session=session, user=user, answers=answer(uitkomst=uitkomst))
    services.reveal(session=session, user=trainer)
    return session


def test_trend_per_thema_with_fleiss_kappa(client, trainer, make_user, methods, casus):
    people = [make_user("Consulent", username=f"p{n}") for n in range(4)]
    method = methods["drietrapstoets-dialoog"]
    _run(trainer, people, method, casus, ["boete", "boete", "waarschuwing", "waarschuwing"], -30)
    _run(trainer, people, method, casus, ["boete"] * 4, -2)
    (trend,) = agreement_trend()
    assert trend.thema == casus.thema
    assert [round(p.uitkomst, 4) for p in trend.points] == [round(4 / 12, 4), 1.0]
    assert trend.kappa == pytest.approx(1 / 9)  # hand-computed in test_agreement
    assert trend.direction == "meer eensgezind dan bij de eerste sessie"
    client.force_login(trainer)
    page = client.get(reverse("intervisie:trend")).content.decode()
    assert "Fleiss' kappa over 2 sessies: <strong>0,11</strong>" in page
    assert "33%" in page and "100%" in page


def test_my_sessions_show_my_answer_next_to_the_group(client, trainer, make_user, methods, casus):
    people = [make_user("Consulent", username=f"q{n}") for n in range(3)]
    session = _run(trainer, people, methods["drietrapstoets-dialoog"], casus, ["boete", "waarschuwing", "boete"], -1)
    (row,) = sessions_of_participant(people[1])
    assert row["judgement"].uitkomst == "waarschuwing"
    assert row["group_outcome"] == "Boete" and row["group_share"] == "2 van 3"
    client.force_login(people[1])
    page = client.get(reverse("intervisie:index")).content.decode()
    assert "Mijn sessies" in page and "Waarschuwing" in page and "Boete" in page
    results = session_results(session, user=people[1])
    assert results.headline.agreement == pytest.approx(2 / 6)


def test_demo_loads_methods_sessions_and_a_published_werkafspraak():
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())  # idempotent
    sessions = Session.objects.all()
    assert sessions.count() == 4
    statuses = set(sessions.values_list("status", flat=True))
    assert {SessionStatus.PLANNED, SessionStatus.OPEN, SessionStatus.CLOSED} <= statuses
    completed = sessions.get(title__contains="energierekening")
    results = session_results(completed)
    assert results.n_answers >= 5
    assert results.headline.agreement < 1.0  # the demo colleagues disagree
    assert WerkafspraakPage.objects.live().count() == 1
    page = WerkafspraakPage.objects.live().get()
    assert page.casus == completed.casus and page.thema == completed.thema
    from intervisie.models import Method

    assert {"drietrapstoets-dialoog", "omgekeerde-toetsanalyse", "incidentmethode"} <= set(
        Method.objects.values_list("slug", flat=True)
    )
    assert all(m.phases.count() >= 5 for m in Method.objects.all())
