"""Writes for the glossary: refresh the base glossary from `data/begrippen.json` (demo and upgrades)."""

from __future__ import annotations

import json
from pathlib import Path

from glossary.models import Begrip

BASE_GLOSSARY = Path(__file__).resolve().parent / "data" / "begrippen.json"


def refresh_base_glossary() -> int:
    """Every term of the base glossary with its definition and synonyms as the file gives them."""
    items = json.loads(BASE_GLOSSARY.read_text(encoding="utf-8"))
    for item in items:
        Begrip.objects.update_or_create(
            term=item["term"],
            defaults={"definition": item["definition"], "synonyms": item.get("synonyms", [])},
        )
    return len(items)
