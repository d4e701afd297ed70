"""Demo casus from `demo_data/casus.jsonl`, imported through the import service like any file, with
precedent links, bezwaar records and MKBA's. Idempotent: running it again creates nothing twice."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from casuistry.choices import RelatieSoort
from casuistry.models import CasusPage, CasusRelation
from casuistry.services.demo_bezwaar import load_bezwaar_demo, load_mkba_demo
from casuistry.services.import_export import import_casus

DEMO_CASUS = Path(__file__).resolve().parent.parent / "demo_data" / "casus.jsonl"


def load_casus_demo(*, progress=None, log=print) -> dict:
    report = import_casus(lines=DEMO_CASUS.read_text(encoding="utf-8").splitlines(), progress=progress)
    log(f"Casus: {report.total} ({report.created} nieuw, {report.updated} bijgewerkt)")
    return {
        "casus": report.total,
        "precedenten": link_precedents(),
        "bezwaarprocedures": load_bezwaar_demo(),
        "mkba": load_mkba_demo(),
    }


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
