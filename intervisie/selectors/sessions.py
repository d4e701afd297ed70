"""Reads for intervisie: who sees which session, the (guarded) results, the preparation pack, the trend.

Answer secrecy lives here: :func:`session_results` refuses before the reveal, for everyone,
the trainer included. Before the reveal only *how many* participants answered is visible.
Results never name participants (blame-free): a participant sees their own answer next to the group's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet

from articles.models import KennisartikelPage
from casuistry.choices import Uitkomst
from casuistry.search import search_casus
from casuistry.selectors.visibility import viewer_of, visible_casus
from glossary.models import Begrip
from intervisie.agreement import fleiss_kappa, kappa_label, pairwise_agreement, pairwise_label, percent
from intervisie.choices import JUDGEMENT_QUESTIONS, SessionStatus
from intervisie.judgement import SessionResults, question_results
from intervisie.models import Judgement, Session, Werkafspraak
from organisations.selectors import organisation_of

METHOD_ARTICLES = ("drietrapstoets", "omgekeerde-toets", "intervisie-en-leerdialogen")
SIMILAR = 5
MAX_BEGRIPPEN = 8


class ResultsNotRevealed(Exception):
    """The answers of a session are secret until its trainer reveals them."""


def sessions_visible_to(user) -> QuerySet[Session]:
    """Sessions the user leads or takes part in; trainers (view permission) see all sessions of their
    organisation. A session about a casus the user may not see is not shown at all."""
    base = Session.objects.select_related("method", "trainer", "thema", "casus").filter(
        Q(casus__isnull=True) | Q(casus__in=visible_casus(user).values("pk"))
    )
    if user.has_perm("intervisie.view_session"):
        organisation = organisation_of(user)
        if organisation is None or user.is_superuser:
            return base
        return base.filter(Q(trainer__membership__organisation=organisation) | Q(participants=user)).distinct()
    return base.filter(Q(trainer=user) | Q(participants=user)).distinct()


def can_view(session: Session, user) -> bool:
    return sessions_visible_to(user).filter(pk=session.pk).exists()


def is_participant(session: Session, user) -> bool:
    return session.participants.filter(pk=user.pk).exists()


def led_by(user) -> QuerySet[Session]:
    return (
        sessions_visible_to(user)
        .filter(trainer=user)
        .annotate(n_participants=Count("participants", distinct=True), n_answers=Count("judgements", distinct=True))
    )


def sessions_of_participant(user) -> list[dict]:
    """'Mijn sessies': each with whether I answered and, after the reveal, how my answer relates."""
    sessions = (
        Session.objects.filter(participants=user)
        .select_related("method", "trainer", "thema", "casus")
        .order_by("-starts_at")
    )
    mine = {j.session_id: j for j in Judgement.objects.filter(participant=user, session__in=sessions)}
    revealed = [s.pk for s in sessions if s.is_revealed]
    outcomes: dict[int, Counter] = defaultdict(Counter)
    for session_id, uitkomst in Judgement.objects.filter(session_id__in=revealed).values_list("session_id", "uitkomst"):
        outcomes[session_id][uitkomst] += 1
    rows = []
    for s in sessions:
        row = {"session": s, "judgement": mine.get(s.pk), "group_outcome": "", "group_share": ""}
        if s.pk in outcomes:  # only after the reveal
            value, count = outcomes[s.pk].most_common(1)[0]
            total = sum(outcomes[s.pk].values())
            row["group_outcome"] = Uitkomst(value).label
            row["group_share"] = f"{count} van {total}"
            row["agreement"] = percent(pairwise_agreement(outcomes[s.pk]))
        rows.append(row)
    return rows


def answer_count(session: Session) -> tuple[int, int]:
    """(answers given, participants): safe to show before the reveal."""
    return session.judgements.count(), session.participants.count()


def answered_participants(session: Session) -> set[int]:
    """Who has answered (not what): lets the trainer know when to reveal."""
    return set(session.judgements.values_list("participant_id", flat=True))


def own_judgement(session: Session, user) -> Judgement | None:
    return Judgement.objects.filter(session=session, participant=user).first()


def session_results(session: Session, *, user=None) -> SessionResults:
    """The distribution of answers per question with pairwise agreement. Only after the reveal."""
    if not session.is_revealed:
        raise ResultsNotRevealed("De antwoorden zijn nog niet onthuld.")
    judgements = list(session.judgements.all())
    mine = next((j for j in judgements if user is not None and j.participant_id == user.pk), None)
    questions = question_results(judgements, mine=mine, casus=session.casus)
    toelichtingen = sorted((j.toelichting for j in judgements if j.toelichting), key=str.lower)
    return SessionResults(
        session=session,
        n_answers=len(judgements),
        n_participants=session.participants.count(),
        questions=questions,
        toelichtingen=toelichtingen,
    )


# --- preparation pack ---------------------------------------------------------------------------


@dataclass
class AgendaItem:
    position: int
    phase: object
    starts: datetime
    ends: datetime


def agenda(session: Session) -> list[AgendaItem]:
    items, start = [], session.starts_at
    for position, phase in enumerate(session.method.phases.all(), start=1):
        end = start + timedelta(minutes=phase.minutes)
        items.append(AgendaItem(position, phase, start, end))
        start = end
    return items


def _inbreng_text(session: Session) -> str:
    if session.casus_id:
        c = session.casus
        return f"{c.title}\n{c.samenvatting}"
    return session.inbreng


def similar_casus(session: Session, user, *, per_page: int = SIMILAR):
    """Similar published casus the user may see, through the one search selector (never a second search)."""
    viewer = viewer_of(user)
    if session.casus_id:
        result = search_casus(like=session.casus, per_page=per_page, viewer=viewer)
        if result.hits:
            return result
        return search_casus(
            query=_inbreng_text(session), exclude_ids=(session.casus_id,), per_page=per_page, viewer=viewer
        )
    return search_casus(query=session.inbreng, per_page=per_page, viewer=viewer)


def related_articles(session: Session) -> list:
    articles = []
    if session.thema_id:
        articles = list(KennisartikelPage.objects.live().filter(themas=session.thema_id).order_by("title"))
    articles += [
        a
        for a in KennisartikelPage.objects.live().filter(slug__in=METHOD_ARTICLES).order_by("title")
        if a not in articles
    ]
    return articles


def related_begrippen(session: Session, *, limit: int = MAX_BEGRIPPEN) -> list[Begrip]:
    """Glossary terms (or their synonyms) that the inbreng mentions, in order of first mention."""
    text = _inbreng_text(session).lower()
    if session.casus_id:
        c = session.casus
        text += "\n" + "\n".join([c.bewust_onbewust, c.context_perspectief, c.maatschappelijke_impact]).lower()
    found = []
    for begrip in Begrip.objects.all():
        positions = [
            m.start()
            for phrase in [begrip.term, *begrip.synonyms]
            if phrase and (m := re.search(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", text))
        ]
        if positions:
            found.append((min(positions), begrip.term.lower(), begrip))
    return [b for _, _, b in sorted(found, key=lambda t: (t[0], t[1]))[:limit]]


def preparation_pack(session: Session, user) -> dict:
    return {
        "agenda": agenda(session),
        "similar": similar_casus(session, user),
        "articles": related_articles(session),
        "begrippen": related_begrippen(session),
    }


# --- werkafspraken ------------------------------------------------------------------------------


def open_werkafspraken_for(user) -> QuerySet[Werkafspraak]:
    """Werkafspraken from the user's sessions that are not in the kennisbank yet."""
    return (
        Werkafspraak.objects.filter(Q(session__participants=user) | Q(session__trainer=user))
        .exclude(page__live=True)
        .select_related("session", "page")
        .distinct()
        .order_by("-created_at")
    )


def pending_proposals(user=None) -> QuerySet[Werkafspraak]:
    """Proposed werkafspraken waiting for a redacteur (draft page, not live); with a user, only those
    from their own organisation's sessions about casus they may see."""
    proposals = Werkafspraak.objects.filter(page__isnull=False, page__live=False)
    if user is not None:
        proposals = proposals.filter(
            Q(session__casus__isnull=True) | Q(session__casus__in=visible_casus(user).values("pk"))
        )
        organisation = organisation_of(user)
        if organisation is not None and not user.is_superuser:
            proposals = proposals.filter(session__trainer__membership__organisation=organisation)
    return (
        proposals
        .select_related("page", "session", "session__thema", "session__casus")
        .order_by("proposed_at")
    )


# --- trend per thema ----------------------------------------------------------------------------


@dataclass
class TrendPoint:
    session: Session
    n: int
    uitkomst: float | None
    verwijtbaarheid: float | None
    mean: float | None

    @property
    def uitkomst_percent(self) -> str:
        return percent(self.uitkomst)

    @property
    def verwijtbaarheid_percent(self) -> str:
        return percent(self.verwijtbaarheid)

    @property
    def mean_percent(self) -> str:
        return percent(self.mean)

    @property
    def label(self) -> str:
        return pairwise_label(self.uitkomst)


@dataclass
class ThemaTrend:
    thema: object
    points: list[TrendPoint]
    kappa: float | None

    @property
    def kappa_text(self) -> str:
        return "–" if self.kappa is None else f"{self.kappa:.2f}".replace(".", ",")

    @property
    def kappa_label(self) -> str:
        return kappa_label(self.kappa)

    @property
    def direction(self) -> str:
        scored = [p.uitkomst for p in self.points if p.uitkomst is not None]
        if len(scored) < 2:
            return "nog geen trend (één sessie)"
        delta = scored[-1] - scored[0]
        if delta > 0.05:
            return "meer eensgezind dan bij de eerste sessie"
        if delta < -0.05:
            return "minder eensgezind dan bij de eerste sessie"
        return "ongeveer gelijk gebleven"


def agreement_trend() -> list[ThemaTrend]:
    """Per thema, revealed sessions in date order with their agreement, plus Fleiss' kappa over them."""
    sessions = (
        Session.objects.filter(status__in=[SessionStatus.REVEALED, SessionStatus.CLOSED], thema__isnull=False)
        .select_related("thema")
        .order_by("starts_at", "pk")
    )
    rows = defaultdict(list)
    for j in Judgement.objects.filter(session__in=sessions).values(
        "session_id", *(name for name, _, _ in JUDGEMENT_QUESTIONS)
    ):
        rows[j["session_id"]].append(j)
    by_thema: dict[int, list] = defaultdict(list)
    for session in sessions:
        answers = rows.get(session.pk, [])
        if not answers:
            continue
        per_question = {
            name: pairwise_agreement(Counter(a[name] for a in answers)) for name, _, _ in JUDGEMENT_QUESTIONS
        }
        scored = [v for v in per_question.values() if v is not None]
        point = TrendPoint(
            session=session,
            n=len(answers),
            uitkomst=per_question["uitkomst"],
            verwijtbaarheid=per_question["verwijtbaarheid"],
            mean=sum(scored) / len(scored) if scored else None,
        )
        by_thema[session.thema_id].append((session.thema, point, Counter(a["uitkomst"] for a in answers)))
    trends = []
    for items in by_thema.values():
        thema = items[0][0]
        trends.append(
            ThemaTrend(thema=thema, points=[p for _, p, _ in items], kappa=fleiss_kappa([c for _, _, c in items]))
        )
    return sorted(
        trends, key=lambda t: (t.points[-1].uitkomst if t.points[-1].uitkomst is not None else 2, t.thema.name)
    )
