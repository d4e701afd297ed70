"""Writes for leerpaden: open a step, complete it, answer a reflection or a practice question.

Free text (the reflection answer, the toelichting of a practice answer) passes the anonymisation gate's
pseudonymiser before it is stored; the raw text is never stored. A learner only ever writes their own
progress. The index page `/leerpaden/` is created idempotently (migration, and at run time when missing).
The demo paths are data (`demo_data/leerpaden.json`, loaded by :mod:`leerpaden.demo`).
"""

from __future__ import annotations

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import timezone

from casuistry.services.anonymisation import pseudonymise
from intervisie.choices import JUDGEMENT_QUESTIONS
from intervisie.services.errors import IntervisieError
from kennisbank.sections import ensure_section_page
from leerpaden.apps import LEERPADEN_SECTION
from leerpaden.models import LeerpadIndexPage, LeerpadPage, LeerpadStap, LeerpadVoortgang, StapSoort, StapVoortgang

MAX_ANTWOORD = 4000


class LeerpadError(IntervisieError):
    """A request on a leerpad that cannot be carried out; the message is Dutch and safe to show."""


def leerpaden_index() -> LeerpadIndexPage:
    """The `/leerpaden/` index page, created again when it went missing (the site app grants its permissions)."""
    page = ensure_section_page(django_apps, LEERPADEN_SECTION)
    if page is None:
        raise LeerpadError("De kennisbank heeft nog geen startpagina; leerpaden kunnen nog niet worden gemaakt.")
    return LeerpadIndexPage.objects.get(pk=page.pk)


def _clean(text: str) -> str:
    text = (text or "").strip()
    return pseudonymise(text).text if text else ""


def _voortgang(*, user, leerpad: LeerpadPage) -> LeerpadVoortgang:
    voortgang, _ = LeerpadVoortgang.objects.get_or_create(user=user, leerpad=leerpad)
    return voortgang


def _check_step(stap: LeerpadStap, user) -> None:
    if not user.is_authenticated:
        raise LeerpadError("Log in om een leerpad te volgen.")
    if not stap.leerpad.live:
        raise LeerpadError("Dit leerpad is niet gepubliceerd.")


@transaction.atomic
def open_step(*, user, stap: LeerpadStap) -> StapVoortgang:
    """Mark the step as started (and the path, if this is the first step seen); remember it to resume."""
    _check_step(stap, user)
    voortgang = _voortgang(user=user, leerpad=stap.leerpad)
    voortgang.laatste_stap = stap
    voortgang.save(update_fields=["laatste_stap", "updated_at"])
    stap_voortgang, _ = StapVoortgang.objects.get_or_create(user=user, stap=stap)
    return stap_voortgang


def _finish(*, user, stap: LeerpadStap, stap_voortgang: StapVoortgang) -> StapVoortgang:
    now = timezone.now()
    if stap_voortgang.completed_at is None:
        stap_voortgang.completed_at = now
    stap_voortgang.save()
    voortgang = _voortgang(user=user, leerpad=stap.leerpad)
    voortgang.laatste_stap = stap
    stap_ids = list(stap.leerpad.stappen.values_list("pk", flat=True))
    done = StapVoortgang.objects.filter(user=user, stap_id__in=stap_ids, completed_at__isnull=False).count()
    if done >= len(stap_ids) and voortgang.completed_at is None:
        voortgang.completed_at = now
    voortgang.save()
    return stap_voortgang


@transaction.atomic
def complete_step(*, user, stap: LeerpadStap) -> StapVoortgang:
    """Complete a reading or study step ("Gelezen, volgende stap")."""
    _check_step(stap, user)
    if stap.soort not in (StapSoort.LEZEN, StapSoort.CASUS):
        raise LeerpadError("Deze stap rondt u af door de vraag te beantwoorden.")
    stap_voortgang, _ = StapVoortgang.objects.get_or_create(user=user, stap=stap)
    return _finish(user=user, stap=stap, stap_voortgang=stap_voortgang)


@transaction.atomic
def answer_reflection(*, user, stap: LeerpadStap, antwoord: str) -> StapVoortgang:
    """Store the (pseudonymised) answer to a reflection question and complete the step."""
    _check_step(stap, user)
    if stap.soort != StapSoort.REFLECTIE:
        raise LeerpadError("Deze stap heeft geen reflectievraag.")
    antwoord = (antwoord or "").strip()
    if len(antwoord) < 10:
        raise LeerpadError("Schrijf een antwoord van minstens tien tekens.")
    if len(antwoord) > MAX_ANTWOORD:
        raise LeerpadError(f"Het antwoord is te lang (maximaal {MAX_ANTWOORD} tekens).")
    stap_voortgang, _ = StapVoortgang.objects.get_or_create(user=user, stap=stap)
    stap_voortgang.antwoord = _clean(antwoord)
    return _finish(user=user, stap=stap, stap_voortgang=stap_voortgang)


@transaction.atomic
def answer_practice(*, user, stap: LeerpadStap, judgement: dict) -> StapVoortgang:
    """Store a practice judgement (cleaned data of DrietrapstoetsJudgementForm) and complete the step.

    One answer per learner per step: the first answer counts, because the outcome is shown right after it.
    """
    _check_step(stap, user)
    if stap.soort != StapSoort.OEFENEN or stap.casus_id is None:
        raise LeerpadError("Deze stap is geen oefencasus.")
    stap_voortgang, _ = StapVoortgang.objects.select_for_update().get_or_create(user=user, stap=stap)
    if stap_voortgang.uitkomst:
        raise LeerpadError("U hebt deze oefencasus al beantwoord; de uitkomst staat hieronder.")
    for name, _label, choices in JUDGEMENT_QUESTIONS:
        value = judgement.get(name, "")
        if value not in choices.values:
            raise LeerpadError("Beantwoord alle vragen van de drietrapstoets en kies een uitkomst.")
        setattr(stap_voortgang, name, value)
    stap_voortgang.toelichting = _clean(judgement.get("toelichting", ""))
    return _finish(user=user, stap=stap, stap_voortgang=stap_voortgang)
