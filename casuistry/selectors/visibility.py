"""Who may read which casus: the one place that decides (DESIGN.md, [casusbank-landelijk]).

A casus belongs to an organisation and is shared at one level: ``organisatie`` (its own
organisation), ``regio`` (every organisation in the same region) or ``landelijk`` (everyone).
Every read path takes its casus from :func:`visible_casus` — the one search builds its candidate
set from it — so a casus a user may not see is never found, counted or linked, and its page is a
404. A casus without an organisation comes from an installation without organisations (or from
before them) and stays readable to every user, as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from casuistry.choices import Deelniveau
from casuistry.models import CasusPage
from organisations.models import Organisation
from organisations.selectors import organisation_of


@dataclass(frozen=True)
class Viewer:
    """What a reader may see, resolved once per request (hashable: part of the search request)."""

    everything: bool = False
    organisation_id: int | None = None
    region_organisation_ids: tuple[int, ...] = ()  # the organisations of the reader's region, own included

    def casus_q(self) -> Q:
        if self.everything:
            return Q()
        allowed = Q(organisation__isnull=True) | Q(deelniveau=Deelniveau.LANDELIJK)
        if self.organisation_id is not None:
            allowed |= Q(organisation_id=self.organisation_id)
        if self.region_organisation_ids:
            allowed |= Q(deelniveau=Deelniveau.REGIO, organisation_id__in=self.region_organisation_ids)
        return allowed


#: Background work, commands and evaluation: every casus (never a user's request).
EVERYTHING = Viewer(everything=True)


def viewer_of(user) -> Viewer:
    if user is not None and getattr(user, "is_superuser", False):
        return EVERYTHING
    organisation = organisation_of(user)
    if organisation is None:
        return Viewer()
    region = ()
    if organisation.region:
        region = tuple(
            Organisation.objects.filter(region=organisation.region).order_by("pk").values_list("pk", flat=True)
        )
    return Viewer(organisation_id=organisation.pk, region_organisation_ids=region)


def as_viewer(who) -> Viewer:
    """A Viewer from a Viewer, a user, or None (None: every casus, for background work)."""
    if who is None:
        return EVERYTHING
    return who if isinstance(who, Viewer) else viewer_of(who)


def visible_casus(who, queryset: QuerySet | None = None) -> QuerySet:
    """The published casus this reader may see (``who``: a user or a :class:`Viewer`)."""
    base = CasusPage.objects.live() if queryset is None else queryset
    return base.filter(as_viewer(who).casus_q())


def can_see(who, casus: CasusPage) -> bool:
    return visible_casus(who, CasusPage.objects.filter(pk=casus.pk)).exists()


def own_casus(user) -> QuerySet:
    """The published casus of the user's own organisation (the monitor's first column, the werklijst)."""
    organisation = organisation_of(user)
    if getattr(user, "is_superuser", False) and organisation is None:
        return CasusPage.objects.live()
    if organisation is None:
        return CasusPage.objects.live().filter(organisation__isnull=True)
    return CasusPage.objects.live().filter(organisation=organisation)


def shared_casus(*, region: str = "") -> QuerySet:
    """Casus shared beyond their own organisation: with a region (regio and landelijk levels of that
    region's organisations) or, without a region, nationally (landelijk). Only their aggregates are shown."""
    if region:
        return CasusPage.objects.live().filter(
            organisation__region=region, deelniveau__in=[Deelniveau.REGIO, Deelniveau.LANDELIJK]
        )
    return CasusPage.objects.live().filter(deelniveau=Deelniveau.LANDELIJK)


@dataclass(frozen=True)
class MonitorScope:
    key: str  # eigen | regio | landelijk: the ``bereik`` URL parameter
    title: str
    casus: QuerySet

    @property
    def chart_suffix(self) -> str:
        return "" if self.key == "eigen" else f"-{self.key}"  # unique chart ids on a page with two scopes


def monitor_scopes(user) -> dict[str, MonitorScope]:
    """The monitor's scopes for this user: their own organisation's casus, and — for comparison,
    only as aggregates — what is shared in their region and nationally."""
    organisation = organisation_of(user)
    own_title = organisation.name if organisation else "Alle casus"
    scopes = {"eigen": MonitorScope("eigen", own_title, own_casus(user))}
    if organisation is not None:
        if organisation.region:
            scopes["regio"] = MonitorScope(
                "regio", f"Regio {organisation.region} (gedeelde casus)", shared_casus(region=organisation.region)
            )
        scopes["landelijk"] = MonitorScope("landelijk", "Landelijk (gedeelde casus)", shared_casus())
    return scopes
