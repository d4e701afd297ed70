"""Demo casus from `demo_data/casus.jsonl`, imported through the import service like any file, with
precedent links, bezwaar records and MKBA's. Idempotent: running it again creates nothing twice."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

from articles.models import KennisartikelPage
from casuistry.choices import RelatieSoort
from casuistry.models import CasusPage, CasusRelation, Regime
from casuistry.services.demo_bezwaar import load_bezwaar_demo, load_mkba_demo
from casuistry.services.import_export import import_casus

DEMO_DATA = Path(__file__).resolve().parent.parent / "demo_data"
DEMO_CASUS = DEMO_DATA / "casus.jsonl"
DEMO_REGIMES = DEMO_DATA / "regimes.json"


def load_casus_demo(*, progress=None, log=print) -> dict:
    regimes = load_regimes_demo()  # first: each imported casus takes its regime from its period
    report = import_casus(lines=DEMO_CASUS.read_text(encoding="utf-8").splitlines(), progress=progress)
    log(f"Casus: {report.total} ({report.created} nieuw, {report.updated} bijgewerkt)")
    return {
        "rechtsregimes": regimes,
        "casus": report.total,
        "precedenten": link_precedents(),
        "bezwaarprocedures": load_bezwaar_demo(),
        "mkba": load_mkba_demo(),
    }


def load_regimes_demo() -> int:
    """The legal regimes with their start dates (demo values a redacteur checks), each linked to the
    kennisartikel about what changed."""
    rows = json.loads(DEMO_REGIMES.read_text(encoding="utf-8"))
    for row in rows:
        article = KennisartikelPage.objects.filter(slug=row["article"]).first() if row["article"] else None
        Regime.objects.update_or_create(
            name=row["name"],
            defaults={"starts_on": date.fromisoformat(row["starts_on"]), "summary": row["summary"], "article": article},
        )
    return len(rows)


def link_precedents() -> int:
    """Link demo casus of one theme: same outcome is 'vergelijkbaar', another outcome 'wijkt af'."""
    by_theme = defaultdict(list)
    for casus in CasusPage.objects.filter(external_id__startswith="DEMO-").order_by("external_id"):
        by_theme[casus.thema_id].append(casus)
    created = 0
    for group in by_theme.values():
        anchor, others = group[0], group[1:3]
        for other in others:
            soort = RelatieSoort.VERGELIJKBAAR if other.uitkomst == anchor.uitkomst else RelatieSoort.WIJKT_AF
            _, was_created = CasusRelation.objects.get_or_create(
                casus=other, related=anchor, defaults={"soort": soort, "toelichting": ""}
            )
            created += was_created
    return created
