"""Reads for the monitor: every figure is one SQL aggregation over published casus.

Each table is used three times — on the page, as an SVG chart and as a CSV download — so the
numbers cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q, QuerySet, Sum
from django.db.models.functions import Substr

from casuistry.choices import Bezwaar, Uitkomst, Verplichting
from casuistry.models import BezwaarRecord, CasusPage, MkbaRegel, Scenario, Thema

BOETE_UITKOMSTEN = ("boete", "terugvordering en boete")
GEGROND = Bezwaar.GEGROND
DEELS = Bezwaar.DEELS_GEGROND


@dataclass
class MonitorFilters:
    year_from: int | None = None
    year_to: int | None = None
    themas: list[str] = field(default_factory=list)  # slugs
    regelingen: list[str] = field(default_factory=list)

    def as_query(self) -> list[tuple[str, str]]:
        items = []
        if self.year_from:
            items.append(("van", str(self.year_from)))
        if self.year_to:
            items.append(("tot", str(self.year_to)))
        items += [("thema", t) for t in self.themas] + [("regeling", r) for r in self.regelingen]
        return items


@dataclass
class Column:
    key: str
    title: str
    kind: str = "count"  # count | euro | share


@dataclass
class Table:
    key: str
    title: str
    description: str
    label_title: str
    columns: list[Column]
    rows: list[dict]  # {"label": ..., <column key>: value}
    chart_column: str = "aantal"

    @property
    def chart_max(self) -> float:
        return max([row.get(self.chart_column) or 0 for row in self.rows] + [1])


def filtered_casus(filters: MonitorFilters, casus: QuerySet | None = None) -> QuerySet:
    """The casus of one monitor scope (all published casus by default) under the filters."""
    qs = (CasusPage.objects.live() if casus is None else casus).annotate(jaar=Substr("periode", 1, 4))
    if filters.year_from:
        qs = qs.filter(jaar__gte=str(filters.year_from))
    if filters.year_to:
        qs = qs.filter(jaar__lte=str(filters.year_to), jaar__gt="")
    if filters.themas:
        qs = qs.filter(thema__slug__in=filters.themas)
    if filters.regelingen:
        qs = qs.filter(regeling__in=filters.regelingen)
    return qs


def monitor_tables(filters: MonitorFilters, scope: QuerySet | None = None) -> list[Table]:
    casus = filtered_casus(filters, scope)
    return [
        outcomes(casus),
        boetes_versus_waarschuwingen(casus),
        maatregelen_per_verplichting(casus),
        omgekeerde_toets(casus),
        bezwaren_per_uitkomst(casus),
        gegrond_per(casus, "thema__name", "gegrond-per-thema", "Gegronde bezwaren per thema", "Thema"),
        gegrond_per(
            casus,
            "uitkomst",
            "gegrond-per-uitkomst",
            "Gegronde bezwaren per oorspronkelijke uitkomst",
            "Oorspronkelijke uitkomst",
            labels=dict(Uitkomst.choices),
        ),
        gegrond_per_grond(casus),
        over_tijd(casus),
        mkba_totalen(casus),
    ]


def table_by_key(filters: MonitorFilters, key: str, scope: QuerySet | None = None) -> Table | None:
    return next((t for t in monitor_tables(filters, scope) if t.key == key), None)


def outcomes(casus: QuerySet) -> Table:
    rows = (
        casus.order_by()
        .values("uitkomst")
        .annotate(aantal=Count("pk"), totaal=Sum("bedrag_eur"), gemiddeld=Avg("bedrag_eur"))
    )
    by_value = {r["uitkomst"]: r for r in rows}
    return Table(
        "uitkomsten",
        "Uitkomsten",
        "Aantal casus per uitkomst, met het totale en gemiddelde bedrag (benadeling, terugvordering of verlaging).",
        "Uitkomst",
        [
            Column("aantal", "Aantal"),
            Column("totaal", "Totaal bedrag", "euro"),
            Column("gemiddeld", "Gemiddeld bedrag", "euro"),
        ],
        [
            {
                "label": label,
                "aantal": by_value[value]["aantal"],
                "totaal": by_value[value]["totaal"] or 0,
                "gemiddeld": round(by_value[value]["gemiddeld"] or 0),
            }
            for value, label in Uitkomst.choices
            if value in by_value
        ],
    )


def boetes_versus_waarschuwingen(casus: QuerySet) -> Table:
    rows = (
        casus.order_by()
        .values("verplichting")
        .annotate(
            boetes=Count("pk", filter=Q(uitkomst__in=BOETE_UITKOMSTEN)),
            waarschuwingen=Count("pk", filter=Q(uitkomst=Uitkomst.WAARSCHUWING)),
        )
    )
    labels = dict(Verplichting.choices)
    return Table(
        "boetes-waarschuwingen",
        "Boetes en waarschuwingen",
        "Per verplichting: boetes (ook samen met terugvordering) tegenover waarschuwingen.",
        "Verplichting",
        [Column("boetes", "Boetes"), Column("waarschuwingen", "Waarschuwingen")],
        [
            {
                "label": labels.get(r["verplichting"], r["verplichting"]),
                "boetes": r["boetes"],
                "waarschuwingen": r["waarschuwingen"],
            }
            for r in sorted(rows, key=lambda r: r["verplichting"])
            if r["boetes"] or r["waarschuwingen"]
        ],
        chart_column="boetes",
    )


def maatregelen_per_verplichting(casus: QuerySet) -> Table:
    rows = casus.filter(uitkomst=Uitkomst.MAATREGEL).order_by().values("verplichting").annotate(aantal=Count("pk"))
    labels = dict(Verplichting.choices)
    return Table(
        "maatregelen",
        "Maatregelen per verplichting",
        "Aantal maatregelen (verlagingen) per geschonden verplichting.",
        "Verplichting",
        [Column("aantal", "Maatregelen")],
        [
            {"label": labels.get(r["verplichting"], r["verplichting"]), "aantal": r["aantal"]}
            for r in rows.order_by("verplichting")
        ],
    )


def omgekeerde_toets(casus: QuerySet) -> Table:
    totals = casus.aggregate(met=Count("pk", filter=~Q(grondwaarde="")), zonder=Count("pk", filter=Q(grondwaarde="")))
    return Table(
        "omgekeerde-toets",
        "Gebruik van de omgekeerde toets",
        "Casus waarin de omgekeerde toets is uitgewerkt, tegenover casus zonder.",
        "Omgekeerde toets",
        [Column("aantal", "Aantal")],
        [{"label": "Met omgekeerde toets", "aantal": totals["met"]}, {"label": "Zonder", "aantal": totals["zonder"]}],
    )


def bezwaren_per_uitkomst(casus: QuerySet) -> Table:
    rows = {
        r["bezwaar"]: r["aantal"]
        for r in casus.exclude(bezwaar="").order_by().values("bezwaar").annotate(aantal=Count("pk"))
    }
    return Table(
        "bezwaren",
        "Bezwaren per uitkomst",
        "Casus met een bezwaar of beroep, naar de uitkomst van de laatste beslissing.",
        "Uitkomst bezwaar",
        [Column("aantal", "Aantal")],
        [{"label": label, "aantal": rows[value]} for value, label in Bezwaar.choices if value in rows],
    )


def _gegrond_columns() -> list[Column]:
    return [
        Column("bezwaren", "Bezwaren"),
        Column("gegrond", "Gegrond"),
        Column("deels_gegrond", "Deels gegrond"),
        Column("aandeel_gegrond", "Aandeel gegrond", "share"),
    ]


def _with_share(row: dict) -> dict:
    row["aandeel_gegrond"] = round(row["gegrond"] / row["bezwaren"], 3) if row["bezwaren"] else 0.0
    return row


def gegrond_per(casus: QuerySet, group: str, key: str, title: str, label_title: str, labels=None) -> Table:
    rows = (
        casus.exclude(bezwaar="")
        .order_by()
        .values(group)
        .annotate(
            bezwaren=Count("pk"),
            gegrond=Count("pk", filter=Q(bezwaar=GEGROND)),
            deels_gegrond=Count("pk", filter=Q(bezwaar=DEELS)),
        )
        .order_by(group)
    )
    labels = labels or {}
    return Table(
        key,
        title,
        "Een gegrond bezwaar betekent dat er eerder in de keten iets misging. Aandeel = gegrond / bezwaren.",
        label_title,
        _gegrond_columns(),
        [
            _with_share(
                {
                    "label": labels.get(r[group], r[group]),
                    "bezwaren": r["bezwaren"],
                    "gegrond": r["gegrond"],
                    "deels_gegrond": r["deels_gegrond"],
                }
            )
            for r in rows
        ],
        chart_column="gegrond",
    )


def gegrond_per_grond(casus: QuerySet) -> Table:
    records = BezwaarRecord.objects.filter(casus__in=casus.values("pk")).exclude(outcome="")
    rows = (
        records.order_by()
        .values(naam=F("grounds__name"))
        .exclude(naam=None)
        .annotate(
            bezwaren=Count("pk"),
            gegrond=Count("pk", filter=Q(outcome=GEGROND)),
            deels_gegrond=Count("pk", filter=Q(outcome=DEELS)),
        )
        .order_by("naam")
    )
    return Table(
        "gegrond-per-grond",
        "Uitspraken per grond",
        "Vastgelegde beslissingen in bezwaar en beroep per aangevoerde grond (een beslissing kan meer gronden hebben).",
        "Grond",
        _gegrond_columns(),
        [
            _with_share(
                {
                    "label": r["naam"],
                    "bezwaren": r["bezwaren"],
                    "gegrond": r["gegrond"],
                    "deels_gegrond": r["deels_gegrond"],
                }
            )
            for r in rows
        ],
        chart_column="gegrond",
    )


def over_tijd(casus: QuerySet) -> Table:
    rows = (
        casus.exclude(jaar="")
        .order_by()
        .values("jaar")
        .annotate(
            aantal=Count("pk"),
            bezwaren=Count("pk", filter=~Q(bezwaar="")),
            gegrond=Count("pk", filter=Q(bezwaar=GEGROND)),
        )
        .order_by("jaar")
    )
    return Table(
        "over-tijd",
        "Verloop per jaar",
        "Casus, bezwaren en gegronde bezwaren per jaar van de beslissing.",
        "Jaar",
        [Column("aantal", "Casus"), Column("bezwaren", "Bezwaren"), Column("gegrond", "Gegrond")],
        [{"label": r["jaar"], "aantal": r["aantal"], "bezwaren": r["bezwaren"], "gegrond": r["gegrond"]} for r in rows],
    )


def mkba_totalen(casus: QuerySet) -> Table:
    rows = {
        r["scenario"]: r
        for r in MkbaRegel.objects.filter(casus__in=casus.values("pk"))
        .order_by()
        .values("scenario")
        .annotate(totaal=Sum("bedrag_eur"), casus=Count("casus", distinct=True))
    }
    return Table(
        "mkba",
        "MKBA: maatschappelijke kosten per scenario",
        "Som van de geschatte maatschappelijke kosten (baten negatief) over de casus met een MKBA.",
        "Scenario",
        [Column("totaal", "Totaal", "euro"), Column("casus", "Casus met MKBA")],
        [
            {"label": label, "totaal": rows[value]["totaal"], "casus": rows[value]["casus"]}
            for value, label in Scenario.choices
            if value in rows
        ],
        chart_column="totaal",
    )


def mkba_for_casus(casus: CasusPage) -> dict | None:
    """Per scenario its lines and total, for the casus page; None without an MKBA."""
    lines = list(casus.mkba_regels.all())
    if not lines:
        return None
    scenarios = []
    for value, label in Scenario.choices:
        rows = [line for line in lines if line.scenario == value]
        scenarios.append({"label": label, "lines": rows, "total": sum(r.bedrag_eur for r in rows)})
    return {"scenarios": scenarios}


def jurist_worklist(casus: QuerySet | None = None, *, stage: str = "", thema: str = "") -> QuerySet:
    """Casus (of the jurist's own organisation) whose bezwaar procedure is still running, or that
    have a bezwaar without a recorded stage."""
    running = BezwaarRecord.objects.filter(outcome="").values("casus_id")
    qs = (
        (CasusPage.objects.live() if casus is None else casus)
        .filter(Q(pk__in=running) | (~Q(bezwaar="") & Q(bezwaar_records__isnull=True)))
        .select_related("thema")
        .prefetch_related("bezwaar_records")
        .distinct()
    )
    if stage:
        qs = qs.filter(bezwaar_records__stage=stage, bezwaar_records__outcome="")
    if thema:
        qs = qs.filter(thema__slug=thema)
    return qs.order_by("-periode", "pk")


def theme_choices() -> list[tuple[str, str]]:
    return list(Thema.objects.values_list("slug", "name"))
