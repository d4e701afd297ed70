"""Reads for leerpaden: a learner's own progress, the practice distribution and the trainer overview.

A learner only ever sees their own progress; the practice distribution shows counts without names, and
only after the learner answered. The trainer overview (everyone's progress) needs
``leerpaden.view_leerpadvoortgang`` (role Trainer).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casuistry.choices import Uitkomst
from casuistry.selectors.visibility import visible_casus
from intervisie.agreement import percent
from intervisie.judgement import SessionResults, question_results
from leerpaden.models import LeerpadPage, LeerpadStap, LeerpadVoortgang, StapSoort, StapVoortgang

OVERVIEW_PERMISSION = "leerpaden.view_leerpadvoortgang"


def can_view_overview(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(OVERVIEW_PERMISSION))


def live_paths():
    return LeerpadPage.objects.live().order_by("path")


def steps_of(leerpad: LeerpadPage, user=None) -> list[LeerpadStap]:
    """The steps in order. A casus or article that is no longer published, or a casus the user may
    not see (another organisation's), is not shown: the step says its content is not available."""
    stappen = list(leerpad.stappen.select_related("artikel", "casus").order_by("sort_order", "pk"))
    casus_ids = [stap.casus_id for stap in stappen if stap.casus_id]
    readable = set(visible_casus(user).filter(pk__in=casus_ids).values_list("pk", flat=True))
    for stap in stappen:
        if stap.casus_id and stap.casus_id not in readable:
            stap.casus = None
        if stap.artikel_id and not stap.artikel.live:
            stap.artikel = None
    return stappen


def step_by_number(leerpad: LeerpadPage, nummer: int, user=None) -> LeerpadStap | None:
    stappen = steps_of(leerpad, user)
    return stappen[nummer - 1] if 1 <= nummer <= len(stappen) else None


# --- a learner's own progress -------------------------------------------------------------------


@dataclass
class StepStatus:
    nummer: int
    stap: LeerpadStap
    status: str  # "afgerond", "gestart" or "open"

    @property
    def status_label(self) -> str:
        return {"afgerond": "Afgerond", "gestart": "Gestart", "open": "Nog niet gestart"}[self.status]

    @property
    def is_done(self) -> bool:
        return self.status == "afgerond"


@dataclass
class PathProgress:
    leerpad: LeerpadPage
    stappen: list[StepStatus]
    voortgang: LeerpadVoortgang | None = None

    @property
    def n_total(self) -> int:
        return len(self.stappen)

    @property
    def n_done(self) -> int:
        return sum(1 for s in self.stappen if s.is_done)

    @property
    def percent(self) -> int:
        return round(100 * self.n_done / self.n_total) if self.n_total else 0

    @property
    def minuten(self) -> int:
        return sum(s.stap.minuten for s in self.stappen)

    @property
    def minuten_rest(self) -> int:
        return sum(s.stap.minuten for s in self.stappen if not s.is_done)

    @property
    def is_started(self) -> bool:
        return self.voortgang is not None

    @property
    def is_completed(self) -> bool:
        return self.n_total > 0 and self.n_done == self.n_total

    @property
    def volgende(self) -> StepStatus | None:
        """The step to continue with: the first one not completed, in the order of the path."""
        return next((s for s in self.stappen if not s.is_done), None)


def path_progress(leerpad: LeerpadPage, user) -> PathProgress:
    stappen = steps_of(leerpad, user)
    voortgang = None
    rows: dict[int, StapVoortgang] = {}
    if user.is_authenticated:
        voortgang = LeerpadVoortgang.objects.filter(user=user, leerpad=leerpad).first()
        rows = {r.stap_id: r for r in StapVoortgang.objects.filter(user=user, stap__in=stappen)}
    statuses = []
    for nummer, stap in enumerate(stappen, start=1):
        row = rows.get(stap.pk)
        status = "open" if row is None else ("afgerond" if row.completed_at else "gestart")
        statuses.append(StepStatus(nummer=nummer, stap=stap, status=status))
    return PathProgress(leerpad=leerpad, stappen=statuses, voortgang=voortgang)


def paths_for(user) -> list[PathProgress]:
    """All published paths with the user's own progress; started, unfinished paths first."""
    progress = [path_progress(page, user) for page in live_paths()]
    return sorted(progress, key=lambda p: (p.is_completed, not p.is_started))


def own_step_progress(stap: LeerpadStap, user) -> StapVoortgang | None:
    return StapVoortgang.objects.filter(stap=stap, user=user).first()


# --- the practice distribution ------------------------------------------------------------------


def practice_answers(casus_id: int):
    """Every learner's practice answer on one casus, in any path."""
    return StapVoortgang.objects.filter(
        stap__casus_id=casus_id, stap__soort=StapSoort.OEFENEN, stap__leerpad__live=True
    ).exclude(uitkomst="")


def practice_results(stap: LeerpadStap, user) -> SessionResults | None:
    """How colleagues answered this casus (counts per answer, no names), with the actual outcome marked.

    None until the user answered: before that the outcome and the others' answers stay hidden.
    """
    mine = own_step_progress(stap, user)
    if stap.casus_id is None or mine is None or not mine.uitkomst:
        return None
    answers = list(practice_answers(stap.casus_id))
    questions = question_results(answers, mine=mine, casus=stap.casus)
    return SessionResults(
        session=None,
        n_answers=len(answers),
        n_participants=len(answers),
        questions=questions,
        toelichtingen=sorted((a.toelichting for a in answers if a.toelichting), key=str.lower),
    )


# --- the trainer overview -----------------------------------------------------------------------


@dataclass
class LearnerRow:
    naam: str
    n_done: int
    n_total: int
    started_at: object
    updated_at: object
    completed_at: object
    volgende: str

    @property
    def percent(self) -> int:
        return round(100 * self.n_done / self.n_total) if self.n_total else 0


@dataclass
class PracticeRow:
    nummer: int
    stap: LeerpadStap
    n: int
    actual_label: str
    matches: int
    verwijtbaar_matches: int
    outcomes: list[tuple[str, int]] = field(default_factory=list)

    @property
    def match_share(self) -> float | None:
        return self.matches / self.n if self.n else None

    @property
    def match_percent(self) -> str:
        return percent(self.match_share)

    @property
    def verwijtbaar_percent(self) -> str:
        if not self.n or not self.stap.casus.verwijtbaarheid:
            return percent(None)  # nothing to compare with
        return percent(self.verwijtbaar_matches / self.n)

    @property
    def is_signal(self) -> bool:
        """Half or more of the answers differ from the actual outcome: worth an intervisie."""
        return bool(self.n) and self.matches / self.n <= 0.5


@dataclass
class PathOverview:
    leerpad: LeerpadPage
    n_steps: int
    learners: list[LearnerRow]
    practice: list[PracticeRow]

    @property
    def n_started(self) -> int:
        return len(self.learners)

    @property
    def n_completed(self) -> int:
        return sum(1 for r in self.learners if r.completed_at)

    @property
    def mean_percent(self) -> int:
        return round(sum(r.percent for r in self.learners) / len(self.learners)) if self.learners else 0

    @property
    def signals(self) -> list[PracticeRow]:
        return [row for row in self.practice if row.is_signal]


def path_overview(leerpad: LeerpadPage) -> PathOverview:
    """Everyone's progress on one path and, per practice step, how far answers differ from the outcome.

    Practice rows are sorted with the largest difference first: a signal for the next intervisie.
    """
    stappen = steps_of(leerpad)
    stap_ids = [s.pk for s in stappen]
    done: dict[int, set[int]] = {}
    for user_id, stap_id in StapVoortgang.objects.filter(stap_id__in=stap_ids, completed_at__isnull=False).values_list(
        "user_id", "stap_id"
    ):
        done.setdefault(user_id, set()).add(stap_id)
    learners = []
    for v in LeerpadVoortgang.objects.filter(leerpad=leerpad).select_related("user").order_by("started_at", "pk"):
        mine = done.get(v.user_id, set())
        volgende = next((f"{n}. {s.titel}" for n, s in enumerate(stappen, start=1) if s.pk not in mine), "")
        learners.append(
            LearnerRow(
                naam=v.user.get_full_name() or v.user.username,
                n_done=len(mine),
                n_total=len(stappen),
                started_at=v.started_at,
                updated_at=v.updated_at,
                completed_at=v.completed_at,
                volgende=volgende,
            )
        )
    practice = []
    for nummer, stap in enumerate(stappen, start=1):
        if stap.soort != StapSoort.OEFENEN or stap.casus is None:
            continue
        answers = list(
            StapVoortgang.objects.filter(stap=stap).exclude(uitkomst="").values_list("uitkomst", "verwijtbaarheid")
        )
        outcomes = Counter(u for u, _ in answers)
        practice.append(
            PracticeRow(
                nummer=nummer,
                stap=stap,
                n=len(answers),
                actual_label=stap.casus.get_uitkomst_display(),
                matches=outcomes.get(stap.casus.uitkomst, 0),
                verwijtbaar_matches=sum(1 for _, v in answers if v and v == stap.casus.verwijtbaarheid),
                outcomes=[(Uitkomst(u).label, c) for u, c in outcomes.most_common()],
            )
        )
    practice.sort(key=lambda r: (r.match_share is None, r.match_share if r.match_share is not None else 0, r.nummer))
    return PathOverview(leerpad=leerpad, n_steps=len(stappen), learners=learners, practice=practice)


def step_context(leerpad: LeerpadPage, stap: LeerpadStap, nummer: int, user) -> dict:
    """What the step page shows besides its form: progress, the learner's own answer, the next step."""
    progress = path_progress(leerpad, user)
    mine = own_step_progress(stap, user)
    return {
        "leerpad": leerpad,
        "progress": progress,
        "stap": stap,
        "nummer": nummer,
        "mine": mine,
        "is_done": bool(mine and mine.completed_at),
        "volgende": progress.stappen[nummer] if nummer < progress.n_total else None,
        "results": practice_results(stap, user) if stap.soort == StapSoort.OEFENEN else None,
    }
