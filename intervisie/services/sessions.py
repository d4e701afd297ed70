"""Writes for intervisie sessions: plan, open the judgement round, judge, reveal, record, close.

Every free text (inbreng, toelichting, notes, conclusions, werkafspraken) passes the anonymisation
gate's pseudonymiser before it is stored; the raw text is never stored or logged. Only the trainer
of a session changes its course; only its participants judge, and only while the round is open.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from casuistry.services.anonymisation import pseudonymise
from casuistry.services.anonymisation.gate import LABEL_NAMES
from intervisie.choices import JUDGEMENT_QUESTIONS, SessionStatus
from intervisie.models import Judgement, PhaseNote, Session, Werkafspraak

from .errors import IntervisieError

logger = logging.getLogger(__name__)

MAX_INBRENG = 8000
MIN_INBRENG = 40


@dataclass
class Scrubbed:
    """Counts of what the pseudonymiser replaced, per label (never the values)."""

    counts: Counter = field(default_factory=Counter)

    def clean(self, text: str) -> str:
        text = (text or "").strip()
        if not text:
            return ""
        outcome = pseudonymise(text)
        self.counts.update(f.label for f in outcome.findings)
        return outcome.text

    def summary(self) -> str:
        return ", ".join(f"{n}× {LABEL_NAMES.get(label, label)}" for label, n in sorted(self.counts.items()))


def can_plan(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("intervisie.add_session"))


def is_trainer_of(session: Session, user) -> bool:
    return bool(user.is_authenticated and session.trainer_id == user.pk)


def _require_trainer(session: Session, user) -> None:
    if not is_trainer_of(session, user):
        raise PermissionDenied("Alleen de trainer van deze sessie kan dit doen.")


def _require_status(session: Session, *allowed: str, message: str) -> None:
    if session.status not in allowed:
        raise IntervisieError(message)


def _check_inbreng(*, casus, inbreng: str, thema) -> None:
    if casus is not None and inbreng.strip():
        raise IntervisieError("Kies een bestaande casus óf schrijf een nieuwe inbreng, niet allebei.")
    if casus is None and not inbreng.strip():
        raise IntervisieError("Kies een bestaande casus of schrijf een nieuwe inbreng.")
    if casus is None:
        if len(inbreng.strip()) < MIN_INBRENG:
            raise IntervisieError(f"Beschrijf de nieuwe inbreng in minstens {MIN_INBRENG} tekens.")
        if len(inbreng) > MAX_INBRENG:
            raise IntervisieError(f"De inbreng is te lang (maximaal {MAX_INBRENG} tekens).")
        if thema is None:
            raise IntervisieError("Kies het thema van de nieuwe inbreng; daarop volgen wij de overeenstemming.")


@transaction.atomic
def plan_session(
    *,
    trainer,
    title: str,
    starts_at,
    method,
    participants,
    casus=None,
    inbreng: str = "",
    thema=None,
    location: str = "",
) -> tuple[Session, Scrubbed]:
    """Plan a session. A new inbreng is pseudonymised before it is stored."""
    if not can_plan(trainer):
        raise PermissionDenied("Alleen trainers plannen intervisiesessies.")
    _check_inbreng(casus=casus, inbreng=inbreng, thema=thema)
    scrub = Scrubbed()
    session = Session.objects.create(
        title=scrub.clean(title)[:200],
        starts_at=starts_at,
        location=scrub.clean(location.strip())[:200],
        method=method,
        trainer=trainer,
        casus=casus,
        inbreng=scrub.clean(inbreng) if casus is None else "",
        thema=casus.thema if casus is not None else thema,
    )
    session.participants.set(participants)
    logger.info("Intervisiesessie %s gepland (methode %s, %s deelnemers)", session.pk, method.pk, len(participants))
    return session, scrub


@transaction.atomic
def update_session(
    *,
    session: Session,
    user,
    title: str,
    starts_at,
    method,
    participants,
    casus=None,
    inbreng: str = "",
    thema=None,
    location: str = "",
) -> tuple[Session, Scrubbed]:
    """Change a planned session. Once judgements are being collected, the inbreng and method are fixed."""
    _require_trainer(session, user)
    _require_status(
        session,
        SessionStatus.PLANNED,
        message="Deze sessie is al begonnen; alleen een geplande sessie kunt u wijzigen.",
    )
    _check_inbreng(casus=casus, inbreng=inbreng, thema=thema)
    scrub = Scrubbed()
    session.title = scrub.clean(title)[:200]
    session.starts_at = starts_at
    session.location = scrub.clean(location.strip())[:200]
    session.method = method
    session.casus = casus
    session.inbreng = scrub.clean(inbreng) if casus is None else ""
    session.thema = casus.thema if casus is not None else thema
    session.save()
    session.participants.set(participants)
    return session, scrub


@transaction.atomic
def open_judgements(*, session: Session, user) -> Session:
    """Start the leerdialoog: participants can now record their judgement, each on their own."""
    _require_trainer(session, user)
    _require_status(session, SessionStatus.PLANNED, message="Deze sessie is al gestart.")
    if not session.participants.exists():
        raise IntervisieError("Voeg eerst deelnemers toe aan de sessie.")
    session.status = SessionStatus.OPEN
    session.opened_at = timezone.now()
    session.save(update_fields=["status", "opened_at", "updated_at"])
    return session


@transaction.atomic
def record_judgement(*, session: Session, user, answers: dict) -> Judgement:
    """Store (or, until the reveal, change) the participant's own judgement."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if not session.participants.filter(pk=user.pk).exists():
        raise PermissionDenied("Alleen deelnemers van deze sessie geven een oordeel.")
    if session.status != SessionStatus.OPEN:
        if session.status == SessionStatus.PLANNED:
            raise IntervisieError("De trainer heeft de oordeelronde nog niet geopend.")
        raise IntervisieError("De antwoorden zijn al onthuld; u kunt uw oordeel niet meer wijzigen.")
    values = {}
    for name, label, choices in JUDGEMENT_QUESTIONS:
        value = answers.get(name, "")
        if value not in choices.values:
            raise IntervisieError(f"Kies een antwoord bij '{label}'.")
        values[name] = value
    values["toelichting"] = Scrubbed().clean(answers.get("toelichting", ""))[:2000]
    judgement, _ = Judgement.objects.update_or_create(session=session, participant=user, defaults=values)
    return judgement


@transaction.atomic
def reveal(*, session: Session, user) -> Session:
    """Close the judgement round and show the distribution to everyone in the session."""
    _require_trainer(session, user)
    _require_status(session, SessionStatus.OPEN, message="Alleen een lopende oordeelronde kan onthuld worden.")
    if not session.judgements.exists():
        raise IntervisieError("Er is nog geen enkel oordeel gegeven; wacht tot de deelnemers hebben geantwoord.")
    session.status = SessionStatus.REVEALED
    session.revealed_at = timezone.now()
    session.save(update_fields=["status", "revealed_at", "updated_at"])
    return session


@transaction.atomic
def save_record(*, session: Session, user, notes: dict[int, str], conclusions: str) -> Scrubbed:
    """Store the notes per phase (keyed by phase position) and the conclusions."""
    _require_trainer(session, user)
    _require_status(
        session,
        SessionStatus.OPEN,
        SessionStatus.REVEALED,
        message="Het verslag van een geplande of afgesloten sessie kunt u niet wijzigen.",
    )
    phases = {position: phase.title for position, phase in enumerate(session.method.phases.all(), start=1)}
    unknown = set(notes) - set(phases)
    if unknown:
        raise IntervisieError("Het verslag noemt een fase die deze methode niet heeft.")
    scrub = Scrubbed()
    for position, text in notes.items():
        PhaseNote.objects.update_or_create(
            session=session,
            position=position,
            defaults={"phase_title": phases[position], "text": scrub.clean(text)[:8000]},
        )
    session.conclusions = scrub.clean(conclusions)[:8000]
    session.save(update_fields=["conclusions", "updated_at"])
    return scrub


@transaction.atomic
def add_werkafspraak(*, session: Session, user, title: str, text: str, rationale: str = "") -> Werkafspraak:
    _require_trainer(session, user)
    _require_status(
        session,
        SessionStatus.REVEALED,
        SessionStatus.CLOSED,
        message="Werkafspraken legt u vast na de onthulling, in de bespreking.",
    )
    if not title.strip() or not text.strip():
        raise IntervisieError("Geef de werkafspraak een korte titel en beschrijf de afspraak.")
    scrub = Scrubbed()
    return Werkafspraak.objects.create(
        session=session,
        title=scrub.clean(title)[:200],
        text=scrub.clean(text)[:4000],
        rationale=scrub.clean(rationale)[:4000],
    )


@transaction.atomic
def close_session(*, session: Session, user) -> Session:
    _require_trainer(session, user)
    _require_status(session, SessionStatus.REVEALED, message="Onthul eerst de antwoorden; daarna sluit u de sessie af.")
    session.status = SessionStatus.CLOSED
    session.closed_at = timezone.now()
    session.save(update_fields=["status", "closed_at", "updated_at"])
    return session
