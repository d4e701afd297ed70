"""Writes for leerpaden: open a step, complete it, answer a reflection or a practice question.

Free text (the reflection answer, the toelichting of a practice answer) passes the anonymisation gate's
pseudonymiser before it is stored; the raw text is never stored. A learner only ever writes their own
progress. The index page `/leerpaden/` is created idempotently (migration, and at run time when missing).
"""

from __future__ import annotations

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import timezone

from casuistry.services.anonymisation import pseudonymise
from intervisie.choices import JUDGEMENT_QUESTIONS
from intervisie.models import LeerpadIndexPage, LeerpadPage, LeerpadStap, LeerpadVoortgang, StapSoort, StapVoortgang
from kennisbank.accounts.setup import ensure_section_page

from .errors import IntervisieError

SLUG = "leerpaden"
TITLE = "Leerpaden"
INTRO = (
    "<p>Leer stap voor stap hoe wij sociaal handhaven: de cirkel van naleving, de drietrapstoets en de "
    "omgekeerde toets. Oefen op echte (geanonimiseerde) casus en zie hoe het team besliste, "
    "voordat u zelf casus beoordeelt.</p>"
)
MAX_ANTWOORD = 4000


class LeerpadError(IntervisieError):
    """A request on a leerpad that cannot be carried out; the message is Dutch and safe to show."""


def ensure_leerpaden_index(apps, *, grant_permissions: bool = True):
    """Return the `/leerpaden/` index page, creating it (and its page permissions) when missing."""
    return ensure_section_page(
        apps, "intervisie.LeerpadIndexPage", slug=SLUG, title=TITLE, intro=INTRO, grant_permissions=grant_permissions
    )


def leerpaden_index() -> LeerpadIndexPage:
    page = ensure_leerpaden_index(django_apps)
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


# --- demo content ---------------------------------------------------------------------------------

# (soort, titel, uitleg, artikel slug | casus external_id | reflectievraag, minuten)
DEMO_PATHS = [
    (
        "sociaal-handhaven-in-tien-casussen",
        "Sociaal handhaven in tien casussen",
        "Nieuwe klantmanagers en handhavers",
        "Van de cirkel van naleving tot maatwerk: tien casussen uit de praktijk laten zien hoe ons team afweegt. "
        "Bij de oefencasus beslist u eerst zelf; daarna ziet u wat er besloten is en hoe collega's antwoordden.",
        [
            (
                "lezen",
                "De cirkel van naleving",
                "Let op de vier fasen: waar begint handhaven?",
                "cirkel-van-naleving",
                10,
            ),
            ("casus", "Een eenmalige betaling door familie", "Waarom volstond hier een waarschuwing?", "DEMO-003", 10),
            ("oefenen", "Een vriend die blijft logeren", "", "DEMO-009", 15),
            ("oefenen", "Een bijbaan die niet is opgegeven", "", "DEMO-016", 15),
            ("casus", "Huurachterstand en dreigende ontruiming", "Zie hoe de omgekeerde toets werkt.", "DEMO-039", 10),
            (
                "reflectie",
                "Uw eigen cirkel van naleving",
                "",
                "In welke fase van de cirkel van naleving had een van de casussen tot nu toe voorkomen kunnen worden? "
                "Wat had u daar zelf kunnen doen?",
                10,
            ),
            ("oefenen", "Spullen verkopen via internet", "Hobby of handel?", "DEMO-028", 15),
            ("oefenen", "Gemiste afspraken en ongeopende post", "Denk aan doenvermogen.", "DEMO-033", 15),
            ("casus", "Zeven weken in Spanje", "", "DEMO-052", 10),
            ("oefenen", "Een auto op naam", "", "DEMO-057", 15),
            ("casus", "Een hennepkwekerij op zolder", "Wanneer is repressie op zijn plaats?", "DEMO-042", 10),
            ("oefenen", "Spaargeld voor de kleinkinderen", "", "DEMO-025", 15),
            (
                "reflectie",
                "Wat neemt u mee?",
                "",
                "Welke casus verraste u het meest, en wat betekent dat voor uw eigen afwegingen?",
                10,
            ),
        ],
    ),
    (
        "de-drietrapstoets-in-de-praktijk",
        "De drietrapstoets in de praktijk",
        "Klantmanagers, handhavers en medewerkers terugvordering en boete",
        "Bewust of onbewust, context en perspectief, maatschappelijke impact: oefen de drie stappen op casus "
        "en vergelijk uw oordeel met dat van het team. Tot slot: wat doet u als de standaardroute schaadt?",
        [
            ("lezen", "De drietrapstoets", "Lees de drie vragen en de voorbeelden.", "drietrapstoets", 10),
            ("casus", "Zelf verteld over schoonmaakadresjes", "Volg de drie stappen in de afweging.", "DEMO-023", 10),
            ("oefenen", "Een maandelijkse bijdrage van ouders", "", "DEMO-001", 15),
            ("oefenen", "Pinbetalingen elders door mantelzorg", "", "DEMO-005", 15),
            ("lezen", "De omgekeerde toets", "Van de kernwaarde van de wet naar het effect.", "omgekeerde-toets", 10),
            ("oefenen", "De wietplantage van een zoon", "Wat gebeurt er als we niets doen?", "DEMO-043", 15),
            (
                "reflectie",
                "Uw drietrapstoets",
                "",
                "Bij welke van de drie stappen twijfelde u het meest, en welke informatie had u nodig gehad?",
                10,
            ),
        ],
    ),
]

# Demo progress: (username, path slug, number of completed steps, practice uitkomst per practice step).
# The answers of 'nieuw' follow the casus; the others differ here and there, so the trainer overview has signals.
DEMO_PROGRESS = [
    ("nieuw", "de-drietrapstoets-in-de-praktijk", 3, ["terugvordering en boete"]),
    ("klantmanager", "de-drietrapstoets-in-de-praktijk", 7, ["terugvordering", "waarschuwing", "maatregel"]),
    ("handhaver", "de-drietrapstoets-in-de-praktijk", 4, ["terugvordering en boete", "terugvordering"]),
    ("terugvordering", "sociaal-handhaven-in-tien-casussen", 5, ["waarschuwing", "boete"]),
    ("consulent", "sociaal-handhaven-in-tien-casussen", 13, []),
]
DEMO_REFLECTIE = "Ik twijfelde het meest over de context: wat mocht deze persoon redelijkerwijs weten?"


def _demo_step(soort: str, titel: str, uitleg: str, ref: str, minuten: int) -> LeerpadStap | None:
    from casuistry.models import CasusPage
    from kennisbank.articles.models import KennisartikelPage

    stap = LeerpadStap(soort=soort, titel=titel, uitleg=uitleg, minuten=minuten)
    if soort == StapSoort.LEZEN:
        stap.artikel = KennisartikelPage.objects.filter(slug=ref).first()
        return stap if stap.artikel else None
    if soort == StapSoort.REFLECTIE:
        stap.vraag = ref
        return stap
    stap.casus = CasusPage.objects.filter(external_id=ref).first()
    return stap if stap.casus else None


@transaction.atomic
def load_leerpaden_demo(*, with_progress: bool = True) -> dict:
    """Create the demo paths once (by slug) and the demo learners' progress. Idempotent."""
    index = leerpaden_index()
    created = 0
    for slug, title, doelgroep, intro, steps in DEMO_PATHS:
        if LeerpadPage.objects.filter(slug=slug).exists():
            continue
        page = LeerpadPage(title=title, slug=slug, intro=intro, doelgroep=doelgroep)
        stappen = [s for s in (_demo_step(*step) for step in steps) if s is not None]
        for order, stap in enumerate(stappen):
            stap.sort_order = order
        page.stappen = stappen
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    progress = _load_demo_progress() if with_progress else 0
    return {"leerpaden": len(DEMO_PATHS), "leerpaden_nieuw": created, "leerpadvoortgang": progress}


def _load_demo_progress() -> int:
    from django.contrib.auth import get_user_model

    from casuistry.choices import Verwijtbaarheid

    users = {u.username: u for u in get_user_model().objects.filter(username__in=[p[0] for p in DEMO_PROGRESS])}
    count = 0
    for username, slug, n_done, uitkomsten in DEMO_PROGRESS:
        user, page = users.get(username), LeerpadPage.objects.filter(slug=slug).first()
        if user is None or page is None or LeerpadVoortgang.objects.filter(user=user, leerpad=page).exists():
            continue
        stappen = list(page.stappen.order_by("sort_order", "pk"))
        practice = iter(uitkomsten)
        now = timezone.now()
        for stap in stappen[:n_done]:
            row = StapVoortgang(user=user, stap=stap, completed_at=now)
            if stap.soort == StapSoort.REFLECTIE:
                row.antwoord = DEMO_REFLECTIE
            elif stap.soort == StapSoort.OEFENEN:
                uitkomst = next(practice, None) or stap.casus.uitkomst
                same = uitkomst == stap.casus.uitkomst
                row.bewustheid = "onbewust" if same else "bewust"
                row.verwijtbaarheid = (stap.casus.verwijtbaarheid or Verwijtbaarheid.VERMINDERD) if same else "volledig"
                row.context_weging = "enigszins"
                row.impact_weging = "in balans"
                row.uitkomst = uitkomst
            row.save()
        if n_done < len(stappen):
            StapVoortgang.objects.create(user=user, stap=stappen[n_done])  # opened, not finished
        last = stappen[min(n_done, len(stappen) - 1)]
        LeerpadVoortgang.objects.create(
            user=user, leerpad=page, laatste_stap=last, completed_at=now if n_done >= len(stappen) else None
        )
        count += 1
    return count
