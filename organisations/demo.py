"""Demo organisations from `demo_data/organisaties.json`: fictional, three in two regions. Idempotent."""

from __future__ import annotations

import json
from pathlib import Path

from .services import ensure_organisation

DEMO_ORGANISATIONS = Path(__file__).resolve().parent / "demo_data" / "organisaties.json"


def load_organisations_demo() -> int:
    rows = json.loads(DEMO_ORGANISATIONS.read_text(encoding="utf-8"))
    for row in rows:
        ensure_organisation(code=row["code"], name=row["name"], region=row["region"])
    return len(rows)
