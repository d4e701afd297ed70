"""The independent gold files follow the anonymise-v1 contract and their spans are consistent."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator

INDEPENDENT = Path(__file__).resolve().parents[2] / "data" / "independent"
FILES = sorted(INDEPENDENT.glob("anonymisation_independent_*.jsonl"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_gold_notes_follow_the_schema_with_sorted_disjoint_spans(path):
    validator = Draft202012Validator(json.loads((settings.SCHEMA_DIR / "anonymise-v1.schema.json").read_text()))
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert not list(validator.iter_errors(row)), row["id"]
        spans = row["spans"]
        assert all(0 <= s["start"] < s["end"] <= len(row["text"]) for s in spans), row["id"]
        assert all(a["end"] <= b["start"] for a, b in zip(spans, spans[1:], strict=False)), row["id"]
        assert all(row["text"][s["start"] : s["end"]].strip() for s in spans), row["id"]


def test_the_second_blind_set_is_large_enough_for_the_targets():
    rows = [json.loads(line) for line in (INDEPENDENT / "anonymisation_independent_blind2.jsonl").open()]
    assert len(rows) >= 150 and sum(len(r["spans"]) for r in rows) >= 1500
    assert len({r["register"] for r in rows}) >= 8
