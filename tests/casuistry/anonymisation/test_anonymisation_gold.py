"""Recall/precision thresholds on the gold set (dev + heldout)."""

from __future__ import annotations

import json
import time

import pytest
from anonymisation_helpers import GOLD_PATH

from casuistry.services.anonymisation import detect
from casuistry.services.anonymisation.evaluate import evaluate, load_gold


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_PATH)


def test_gold_file_is_well_formed(gold):
    assert len(gold) >= 60
    assert {row["split"] for row in gold} == {"dev", "heldout", "blind"}
    assert sum(1 for row in gold if not row["spans"]) >= 10
    for row in gold:
        assert 80 <= len(row["text"].split()) <= 200
        for span in row["spans"]:
            value = row["text"][span["start"] : span["end"]]
            assert value and value == value.strip()
    json.dumps(gold)


@pytest.fixture(scope="module")
def results(gold):
    return {
        "dev": evaluate([r for r in gold if r["split"] == "dev"]),
        "heldout": evaluate([r for r in gold if r["split"] == "heldout"]),
        "all": evaluate(gold),
    }


def test_direct_identifier_recall(results):
    assert results["all"]["direct_recall"] >= 0.98
    assert results["heldout"]["direct_recall"] >= 0.97


def test_employer_and_place_recall(results):
    assert results["all"]["quasi_recall"] >= 0.90


def test_protected_terms_not_redacted(results):
    assert results["all"]["protected_false_redaction_rate"] <= 0.01


def test_precision(results):
    assert results["all"]["overall_precision"] >= 0.95


def test_house_style_notes_in_gold_have_no_findings(gold):
    for row in gold:
        if not row["spans"]:
            assert detect(row["text"]) == [], row["id"]


def test_speed(gold):
    texts = [r["text"] for r in gold]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for t in texts:
        detect(t)
    ms_per_150 = 1000 * (time.perf_counter() - start) / (words / 150)
    assert ms_per_150 < 50
