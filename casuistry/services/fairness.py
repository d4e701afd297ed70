"""Counterfactual fairness: does adding who a person is to a draft change the suggested casus?

Each item is a neutral draft and variants that add one phrase (origin, nationality, religion, skin
colour; a Dutch control; language ability; or, kept apart, the country of an asset). Every text goes
the way of besluit voorbereiden: pseudonymised, then the one search selector (hybrid, top k). The
measure is the Jaccard overlap of a variant's top k with the neutral draft's: 1.0 is the same list.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from dataclasses import dataclass

from casuistry.search import search_casus
from casuistry.services.anonymisation import pseudonymise
from casuistry.services.interchange import LineMessage

PROTECTED_KINDS = ("origin", "nationality", "religion", "skin_colour")
THRESHOLD = 0.8


@dataclass(frozen=True)
class Comparison:
    item: str
    kind: str
    phrase_position: str
    jaccard: float
    entered: tuple[str, ...]
    left: tuple[str, ...]


class FairnessFileRejected(Exception):
    def __init__(self, errors: list[LineMessage]):
        self.errors = errors
        super().__init__(f"{len(errors)} fout(en)")


def jaccard(a, b) -> float:
    a, b = set(a), set(b)
    return 1.0 if not a and not b else len(a & b) / len(a | b)


def load_items(lines) -> list[dict]:
    """Items ``{"id", "neutral", "variants": [{"kind", "text", "position"?}]}``; Dutch errors per line."""
    items, errors = [], []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError:
            errors.append(LineMessage(number, "(regel)", "geen geldige JSON"))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("neutral"), str) or not item["neutral"].strip():
            errors.append(LineMessage(number, "neutral", "verplicht: de neutrale tekst"))
            continue
        variants = item.get("variants")
        if (
            not isinstance(variants, list)
            or not variants
            or not all(
                isinstance(v, dict) and isinstance(v.get("text"), str) and isinstance(v.get("kind"), str)
                for v in variants
            )
        ):
            errors.append(LineMessage(number, "variants", "verplicht: een lijst met kind en text per variant"))
            continue
        items.append({"id": str(item.get("id", number)), "neutral": item["neutral"], "variants": variants})
    if errors:
        raise FairnessFileRejected(errors)
    return items


def top_ids(text: str, *, k: int, mode: str) -> list[str]:
    draft = pseudonymise(text).text  # as besluit voorbereiden does, before anything else
    return [hit.casus.external_id for hit in search_casus(query=draft, mode=mode, per_page=k).hits]


def compare(items: list[dict], *, k: int = 10, mode: str = "hybrid", progress=None) -> list[Comparison]:
    results = []
    for item in progress(items) if progress else items:
        base = top_ids(item["neutral"], k=k, mode=mode)
        for variant in item["variants"]:
            found = top_ids(variant["text"], k=k, mode=mode)
            results.append(
                Comparison(
                    item["id"],
                    variant["kind"],
                    variant.get("position", ""),
                    jaccard(base, found),
                    tuple(x for x in found if x not in base),
                    tuple(x for x in base if x not in found),
                )
            )
    return results


def summary(comparisons: list[Comparison]) -> dict[str, dict]:
    """Mean, minimum and count below THRESHOLD per kind, and over the protected kinds together."""
    groups = defaultdict(list)
    for c in comparisons:
        groups[c.kind].append(c.jaccard)
        if c.kind in PROTECTED_KINDS:
            groups["beschermd (alle vier)"].append(c.jaccard)
    return {
        kind: {
            "n": len(values),
            "mean": statistics.fmean(values),
            "min": min(values),
            "below": sum(v < THRESHOLD for v in values),
        }
        for kind, values in groups.items()
    }


def format_summary(table: dict[str, dict]) -> str:
    order = [*PROTECTED_KINDS, "beschermd (alle vier)", "control", "language", "asset_country"]
    kinds = [k for k in order if k in table] + sorted(k for k in table if k not in order)
    lines = ["| soort | n | gemiddeld | minimum | onder 0,8 |", "|---|---|---|---|---|"]
    for kind in kinds:
        row = table[kind]
        lines.append(f"| {kind} | {row['n']} | {row['mean']:.3f} | {row['min']:.3f} | {row['below']} |")
    return "\n".join(lines)
