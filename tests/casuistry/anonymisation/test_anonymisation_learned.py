"""The learned name model (learned.py): what it adds to the rules, and what it must never touch."""

import json

import pytest

from casuistry.services.anonymisation import detect
from casuistry.services.anonymisation import detector as detector_module
from casuistry.services.anonymisation.learned import MODEL_FILE, find_learned
from casuistry.services.anonymisation.learned_train import train


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.label) for f in detect(text)]


def test_the_model_fills_in_what_the_rules_miss(monkeypatch):
    text = "Zij verbleef drie weken bij familie in Mazar-i-Sharif en Herat."
    with_model = found(text)
    monkeypatch.setattr(detector_module, "find_learned", lambda text, vocab: [])
    assert ("Herat", "PLACE") in with_model and ("Herat", "PLACE") not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Redelijkerwijs kon worden verwacht dat mevrouw F. de gift meldde.",
        "Vanuit Sri Lanka ontving meneer K. (52) maandelijks geld van zijn broer.",
        "Het DJI-signaal en het UWV-signaal kwamen in dezelfde week binnen.",
        "Koop- en verkoopbedragen stonden op de afschriften van mw. A.",
        "Jong, dakloos en zonder vast adres meldde dhr. B. zich bij het wijkteam.",
    ],
)
def test_house_style_text_stays_clean(text):
    assert found(text) == []


def test_the_model_only_adds_capitalised_person_and_place_spans():
    from casuistry.services.anonymisation.detector import get_detector

    vocab = get_detector().vocab
    text = "hoi kevin, de afspraak met Marisol Quispe uit Cusco en het wijkteam gaat door. Groet, Gerrit."
    spans = [(text[c.start : c.end], c.label) for c in find_learned(text, vocab)]
    assert all(label in ("PERSON", "PLACE") for _, label in spans)
    assert all(value[:1].isupper() for value, _ in spans)


def test_training_is_deterministic_and_writes_a_model(tmp_path):
    note = {
        "id": "t1",
        "text": "Gesprek met Amira Haddad uit Zwolle over haar werk bij Bakkerij Smits.",
        "spans": [
            {"start": 12, "end": 24, "label": "PERSON"},
            {"start": 29, "end": 35, "label": "PLACE"},
            {"start": 55, "end": 70, "label": "EMPLOYER"},
        ],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(note) + "\n", encoding="utf-8")
    first, second = tmp_path / "a.crf", tmp_path / "b.crf"
    assert train([gold], first) == 1 and train([gold], second) == 1
    assert first.read_bytes() == second.read_bytes()
    assert MODEL_FILE.exists() and MODEL_FILE.stat().st_size > 100_000  # the committed model
