"""Helpers shared by the anonymisation tests."""

from __future__ import annotations

from pathlib import Path

GOLD_PATH = Path(__file__).resolve().parents[2] / "data" / "anonymisation_gold.jsonl"


def labelled(text: str, findings) -> list[tuple[str, str]]:
    return [(f.label, text[f.start : f.end]) for f in findings]
