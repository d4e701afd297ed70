"""Answers stay secret until the trainer of the session reveals them, for everyone."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from intervisie_helpers import answer

from intervisie.choices import SessionStatus
from intervisie.models import Judgement
from intervisie.selectors.sessions import ResultsNotRevealed, session_results, sessions_of_participant
from intervisie.services import sessions as services
from intervisie.services.errors import IntervisieError

pytestmark = pytest.mark.django_db

SECRET = "Vooral de eenmaligheid weegt voor mij zwaar"


def test_participant_answers_from_own_login_and_sees_only_their_own(client, open_session, participants):
    first, second, _ = participants
    client.force_login(first)
    response = client.post(
        reverse("intervisie:judge", args=[open_session.pk]),
        {**answer(uitkomst="boete", toelichting=SECRET)},
    )
    assert response.status_code == 302
    judgement = Judgement.objects.get(session=open_session, participant=first)
    assert judgement.uitkomst == "boete"

    client.force_login(second)
    page = client.get(reverse("intervisie:detail", args=[open_session.pk])).content.decode()
    assert "Wat zou jij besluiten?" in page
    assert SECRET not in page
    assert "De onthulling" not in page
    assert "1 van 3 deelnemers hebben hun oordeel gegeven" in page
    # the form is empty for the second participant: nothing of the first answer is pre-selected
    assert 'value="boete" checked' not in page and "checked" not in page


def test_nobody_sees_the_distribution_before_the_reveal_not_even_the_trainer(
    client, open_session, participants, trainer
):
    services.record_judgement(session=open_session, user=participants[0], answers=answer(toelichting=SECRET))
    with pytest.raises(ResultsNotRevealed):
        session_results(open_session, user=trainer)
    client.force_login(trainer)
    page = client.get(reverse("intervisie:detail", args=[open_session.pk])).content.decode()
    assert SECRET not in page
    assert "heeft geantwoord" in page  # who answered, not what
    assert "De onthulling" not in page
    report = client.get(reverse("intervisie:report", args=[open_session.pk]))
    assert report.status_code == 302  # the report waits for the reveal
    # "Mijn sessies" shows the group's choice only after the reveal
    rows = sessions_of_participant(participants[1])
    assert rows[0]["group_outcome"] == ""


def test_after_the_reveal_everyone_sees_the_distribution_without_names(client, open_session, participants, trainer):
    services.record_judgement(session=open_session, user=participants[0], answers=answer(uitkomst="boete"))
    services.record_judgement(session=open_session, user=participants[1], answers=answer(toelichting=SECRET))
    services.reveal(session=open_session, user=trainer)
    client.force_login(participants[1])
    page = client.get(reverse("intervisie:detail", args=[open_session.pk])).content.decode()
    assert "De onthulling" in page
    assert SECRET in page
    assert "uw antwoord" in page
    assert "in de casus" in page  # the actual outcome of the casus is shown next to the distribution
    assert participants[0].username not in page
    results = session_results(open_session, user=participants[1])
    assert results.headline.agreement == 0.0  # boete vs waarschuwing
    assert results.headline.mine_label == "Waarschuwing"


def test_answers_cannot_change_after_the_reveal(open_session, participants, trainer):
    services.record_judgement(session=open_session, user=participants[0], answers=answer())
    services.reveal(session=open_session, user=trainer)
    with pytest.raises(IntervisieError, match="al onthuld"):
        services.record_judgement(session=open_session, user=participants[0], answers=answer(uitkomst="boete"))
    assert Judgement.objects.get(session=open_session, participant=participants[0]).uitkomst == "waarschuwing"


def test_answering_before_the_round_is_opened_is_refused(session, participants):
    assert session.status == SessionStatus.PLANNED
    with pytest.raises(IntervisieError, match="nog niet geopend"):
        services.record_judgement(session=session, user=participants[0], answers=answer())


def test_only_participants_answer(client, open_session, make_user):
    outsider = make_user("Consulent", username="buitenstaander")
    with pytest.raises(PermissionDenied):
        services.record_judgement(session=open_session, user=outsider, answers=answer())
    client.force_login(outsider)
    assert client.get(reverse("intervisie:detail", args=[open_session.pk])).status_code == 404
    assert client.post(reverse("intervisie:judge", args=[open_session.pk]), answer()).status_code == 404


def test_an_incomplete_answer_gets_a_dutch_message(client, open_session, participants):
    client.force_login(participants[0])
    data = answer()
    del data["uitkomst"]
    response = client.post(reverse("intervisie:judge", args=[open_session.pk]), data, follow=True)
    assert "Kies een antwoord bij &#x27;Uitkomst&#x27;" in response.content.decode()
    assert not Judgement.objects.exists()


def test_a_participant_may_change_the_answer_until_the_reveal(open_session, participants):
    services.record_judgement(session=open_session, user=participants[0], answers=answer())
    services.record_judgement(session=open_session, user=participants[0], answers=answer(uitkomst="boete"))
    assert Judgement.objects.get().uitkomst == "boete"
