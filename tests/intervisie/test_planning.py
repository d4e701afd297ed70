"""Planning a session in the browser's forms, the anonymisation of a new inbreng, and the preparation pack."""

import logging

import pytest
from django.urls import reverse

from intervisie.models import Session
from intervisie.selectors import sessions as selectors
from intervisie.services import sessions as services
from intervisie.services.errors import IntervisieError
from tests.factories import BegripFactory, ThemaFactory

pytestmark = pytest.mark.django_db

RAW = (
    "Mevrouw Jansen uit Utrecht kreeg maandelijks geld van haar vader Piet de Vries en meldde dat niet. "
    "Zij dacht dat een gift van familie niet meetelde voor de bijstand."
)


def _form(participants, **overrides):
    data = {
        "title": "Leerdialoog gift van vader",
        "starts_at": "2026-03-12T13:30",
        "location": "Zaal 3",
        "participants": [p.pk for p in participants],
        "casus": "",
        "inbreng": "",
        "thema": "",
    }
    data.update(overrides)
    return data


def test_trainer_plans_with_a_new_inbreng_pseudonymised_before_storing(client, trainer, participants, methods, caplog):
    thema = ThemaFactory(name="Giften en leningen")
    client.force_login(trainer)
    caplog.set_level(logging.DEBUG)
    response = client.post(
        reverse("intervisie:plan"),
        _form(participants, method=methods["incidentmethode"].pk, inbreng=RAW, thema=thema.pk),
        follow=True,
    )
    session = Session.objects.get()
    assert response.redirect_chain[-1][0] == reverse("intervisie:detail", args=[session.pk])
    assert "Jansen" not in session.inbreng and "Piet de Vries" not in session.inbreng
    assert "[PERSOON-1]" in session.inbreng and "gift van familie" in session.inbreng
    assert session.thema == thema and session.casus is None
    page = response.content.decode()
    assert "vervangen door een aanduiding" in page and "Jansen" not in page
    assert "Jansen" not in caplog.text and "Vries" not in caplog.text


def test_planning_errors_are_clear_dutch_messages(client, trainer, participants, methods, casus):
    client.force_login(trainer)
    url = reverse("intervisie:plan")
    method = methods["drietrapstoets-dialoog"].pk
    both = client.post(url, _form(participants, method=method, casus=casus.pk, inbreng=RAW)).content.decode()
    assert "Kies een bestaande casus óf schrijf een nieuwe inbreng, niet allebei." in both
    neither = client.post(url, _form(participants, method=method)).content.decode()
    assert "Kies een bestaande casus of schrijf een nieuwe inbreng." in neither
    alone = client.post(url, _form(participants[:1], method=method, casus=casus.pk)).content.decode()
    assert "Kies minstens twee deelnemers" in alone
    no_theme = client.post(url, _form(participants, method=method, inbreng=RAW)).content.decode()
    assert "Kies het thema van de nieuwe inbreng." in no_theme
    bad_date = client.post(url, _form(participants, method=method, casus=casus.pk, starts_at="morgen")).content.decode()
    assert "Vul een geldige datum en tijd in." in bad_date
    assert not Session.objects.exists()


def test_service_checks_the_inbreng_too(trainer, participants, methods, casus):
    with pytest.raises(IntervisieError, match="niet allebei"):
        services.plan_session(
            trainer=trainer,
            title="x",
            starts_at="2026-03-12T13:30:00+01:00",
            method=methods["incidentmethode"],
            participants=participants,
            casus=casus,
            inbreng=RAW,
        )


def test_trainer_plans_with_an_existing_casus_and_edits_it(client, trainer, participants, methods, casus):
    client.force_login(trainer)
    client.post(
        reverse("intervisie:plan"), _form(participants, method=methods["drietrapstoets-dialoog"].pk, casus=casus.pk)
    )
    session = Session.objects.get()
    assert session.casus == casus and session.thema == casus.thema and session.inbreng == ""
    client.post(
        reverse("intervisie:edit", args=[session.pk]),
        _form(participants[:2], method=methods["drietrapstoets-dialoog"].pk, casus=casus.pk, title="Nieuwe titel"),
    )
    session.refresh_from_db()
    assert session.title == "Nieuwe titel" and session.participants.count() == 2


def test_preparation_pack_uses_the_one_search_and_prints_as_an_agenda(client, session, trainer, monkeypatch):
    BegripFactory(term="Energierekening", definition="Rekening voor gas en stroom.")
    calls = []
    real = selectors.search_casus

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(selectors, "search_casus", spy)
    client.force_login(trainer)
    page = client.get(reverse("intervisie:preparation", args=[session.pk])).content.decode()
    assert calls and calls[0].get("like") == session.casus
    assert "Agenda en leidraad" in page
    assert "Wat zou jij besluiten?" in page and "Voor de facilitator" in page and "Vragen aan de deelnemers" in page
    assert "13:" in page or ":" in page  # start times of the phases
    assert "Vergelijkbare casus" in page and "Kennisartikelen" in page
    assert f'href="{reverse("over_de_zoekfunctie")}"' in page  # every suggestion block explains itself
    assert "Energierekening" in page  # begrip mentioned in the casus title
    assert "data-print" in page and "js/kennisbank.js" in page  # a print button (no inline script: CSP)
    agenda = selectors.agenda(session)
    assert [item.position for item in agenda] == [1, 2, 3, 4, 5]
    assert (agenda[-1].ends - agenda[0].starts).total_seconds() / 60 == session.method.total_minutes


def test_participants_do_not_get_the_preparation_pack(client, session, participants):
    client.force_login(participants[0])
    assert client.get(reverse("intervisie:preparation", args=[session.pk])).status_code == 403


def test_record_notes_per_phase_and_conclusions_are_pseudonymised(open_session, trainer):
    services.save_record(
        session=open_session,
        user=trainer,
        notes={1: "Opening verliep goed.", 4: "Mevrouw Jansen uit Utrecht werd genoemd."},
        conclusions="Piet de Vries vond het een goede sessie.",
    )
    notes = {n.position: n for n in open_session.phase_notes.all()}
    assert notes[1].phase_title == "Opening en spelregels"
    assert "Jansen" not in notes[4].text and "Vries" not in open_session.conclusions
    with pytest.raises(IntervisieError):
        services.save_record(session=open_session, user=trainer, notes={9: "x"}, conclusions="")
