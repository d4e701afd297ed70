"""Evaluate the detector on a gold JSONL file.

Each line: ``{"id", "text", "spans": [{"start", "end", "label"}], "split"?}``.

* A gold span counts as *found* if a predicted span of a compatible label covers >= 50 % of
  its characters (predicted spans may be split, e.g. "Daan" + "de Vries").
* *Any-label recall* drops the label condition (was it redacted at all?).
* Precision: a predicted span is correct if >= 50 % of its characters fall in gold spans of a
  compatible label.
* Protected-term false-redaction rate: occurrences of protected lexicon terms (and countries)
  in the texts that overlap any prediction, divided by all their occurrences. Occurrences that
  lie inside a gold span (the "gemeente" of an e-mail address, the "IOAW" of a case number) are
  part of an identifier and are left out of both counts.

Run::

    python -m casuistry.services.anonymisation.evaluate tests/data/anonymisation_gold.jsonl

Without ``--errors`` only counts and rates are printed. ``--errors`` lists every miss and false
positive with its offsets and, for the person reading the gold file, the span text and a few
characters around it: use it only on fictional gold data.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import regex as re

from . import detect, lexicon, warm_up
from .findings import DIRECT_IDENTIFIER_LABELS, LABELS, Finding

# Labels that may stand in for each other when matching (same placeholder family).
COMPATIBLE: dict[str, frozenset[str]] = {label: frozenset({label}) for label in LABELS}
COMPATIBLE["CASENR"] = frozenset({"CASENR", "BSN"})
COMPATIBLE["BSN"] = frozenset({"BSN", "CASENR"})
COMPATIBLE["ADDRESS"] = frozenset({"ADDRESS"})


def load_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _covered(span: tuple[int, int], preds: list[Finding], labels: frozenset[str] | None) -> float:
    s, e = span
    chars = set()
    for p in preds:
        if labels is not None and p.label not in labels:
            continue
        lo, hi = max(s, p.start), min(e, p.end)
        if lo < hi:
            chars.update(range(lo, hi))
    return len(chars) / max(1, e - s)


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    """``...before [span] after...`` on one line (for --errors on fictional gold data only)."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def protected_occurrences(text: str) -> list[tuple[int, int]]:
    terms = list(lexicon.protected_terms()) + sorted(lexicon.countries())
    rx = re.compile(
        r"(?<![\p{L}\p{N}])(?:"
        + "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
        + r")(?![\p{L}\p{N}])",
        re.IGNORECASE,
    )
    return [(m.start(), m.end()) for m in rx.finditer(text)]


def evaluate(rows: list[dict], detect_fn=None) -> dict:
    """Per-label recall/precision, any-label recall and protected false-redaction rate."""
    if detect_fn is None:
        detect_fn = detect
    tp = defaultdict(int)
    n_gold = defaultdict(int)
    any_found = defaultdict(int)
    pred_ok = defaultdict(int)
    n_pred = defaultdict(int)
    prot_total = 0
    prot_hit = 0
    prot_inside = 0
    prot_misses: list[tuple[str, str, int, int, str]] = []
    misses: list[tuple[str, str, int, int, str]] = []
    false_pos: list[tuple[str, str, int, int, str]] = []
    for row in rows:
        text = row["text"]
        preds = detect_fn(text)
        gold = row["spans"]
        for g in gold:
            span = (g["start"], g["end"])
            n_gold[g["label"]] += 1
            if _covered(span, preds, COMPATIBLE[g["label"]]) >= 0.5:
                tp[g["label"]] += 1
            else:
                misses.append((row["id"], g["label"], g["start"], g["end"], _context(text, g["start"], g["end"])))
            if _covered(span, preds, None) >= 0.5:
                any_found[g["label"]] += 1
        for p in preds:
            n_pred[p.label] += 1
            gold_chars = set()
            for g in gold:
                if p.label in COMPATIBLE[g["label"]]:
                    gold_chars.update(range(max(p.start, g["start"]), min(p.end, g["end"])))
            if len(gold_chars) >= 0.5 * (p.end - p.start):
                pred_ok[p.label] += 1
            else:
                false_pos.append((row["id"], p.label, p.start, p.end, _context(text, p.start, p.end)))
        for s, e in protected_occurrences(text):
            if any(g["start"] <= s and e <= g["end"] for g in gold):
                # part of an identifier in the gold ("terugvordering@...", "IOAW-2023-0331"):
                # redacting it is right, so it does not count either way
                prot_inside += 1
                continue
            prot_total += 1
            hit = next((p for p in preds if p.start < e and s < p.end), None)
            if hit is not None:
                prot_hit += 1
                prot_misses.append((row["id"], hit.label, s, e, _context(text, s, e)))

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    per_label = {
        label: {
            "gold": n_gold[label],
            "recall": ratio(tp[label], n_gold[label]),
            "any_label_recall": ratio(any_found[label], n_gold[label]),
            "predicted": n_pred[label],
            "precision": ratio(pred_ok[label], n_pred[label]),
        }
        for label in LABELS
    }
    direct_gold = sum(n_gold[label] for label in DIRECT_IDENTIFIER_LABELS)
    direct_tp = sum(tp[label] for label in DIRECT_IDENTIFIER_LABELS)
    direct_any = sum(any_found[label] for label in DIRECT_IDENTIFIER_LABELS)
    quasi = ("EMPLOYER", "PLACE")
    return {
        "notes": len(rows),
        "per_label": per_label,
        "direct_recall": ratio(direct_tp, direct_gold),
        "direct_any_label_recall": ratio(direct_any, direct_gold),
        "quasi_recall": ratio(sum(tp[q] for q in quasi), sum(n_gold[q] for q in quasi)),
        "overall_precision": ratio(sum(pred_ok.values()), sum(n_pred.values())),
        "protected_occurrences": prot_total,
        "protected_inside_gold": prot_inside,
        "protected_false_redaction_rate": ratio(prot_hit, prot_total) if prot_total else 0.0,
        "misses": misses,
        "false_positives": false_pos,
        "protected_redacted": prot_misses,
    }


def format_report(name: str, res: dict, show_errors: bool = False) -> str:
    lines = [f"== {name}: {res['notes']} notes"]
    lines.append(f"{'label':10} {'gold':>5} {'recall':>7} {'any-lbl':>7} {'pred':>5} {'prec':>6}")
    for label, r in res["per_label"].items():
        if not r["gold"] and not r["predicted"]:
            continue
        fmt = lambda v: "  -   " if v is None else f"{v:6.3f}"  # noqa: E731
        lines.append(
            f"{label:10} {r['gold']:5d} {fmt(r['recall']):>7} {fmt(r['any_label_recall']):>7} "
            f"{r['predicted']:5d} {fmt(r['precision']):>6}"
        )
    lines.append(f"direct-identifier recall: {res['direct_recall']}  (any label: {res['direct_any_label_recall']})")
    lines.append(f"EMPLOYER+PLACE recall:    {res['quasi_recall']}")
    lines.append(f"overall precision:        {res['overall_precision']}")
    lines.append(
        f"protected terms wrongly redacted: {res['protected_false_redaction_rate']} "
        f"(of {res['protected_occurrences']} occurrences; "
        f"{res['protected_inside_gold']} more inside gold identifiers not counted)"
    )
    if show_errors:
        lines.append("misses (id, label, start, end, context):")
        lines.extend(f"  {i} {lbl:8} {s}-{e}  {ctx}" for i, lbl, s, e, ctx in res["misses"])
        lines.append("false positives (id, label, start, end, context):")
        lines.extend(f"  {i} {lbl:8} {s}-{e}  {ctx}" for i, lbl, s, e, ctx in res["false_positives"])
        lines.append("protected terms redacted (id, label of the finding, start, end, context):")
        lines.extend(f"  {i} {lbl:8} {s}-{e}  {ctx}" for i, lbl, s, e, ctx in res["protected_redacted"])
    return "\n".join(lines)


def measure_speed(rows: list[dict], repeats: int = 3) -> float:
    """Mean ms per 150 words, after warm-up."""
    warm_up()
    words = sum(len(r["text"].split()) for r in rows)
    start = time.perf_counter()
    for _ in range(repeats):
        for r in rows:
            detect(r["text"])
    elapsed = time.perf_counter() - start
    return 1000 * elapsed / repeats / (words / 150)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="gold JSONL file")
    ap.add_argument("--errors", action="store_true", help="list misses/false positives with their text")
    ap.add_argument("--speed", action="store_true", help="also measure ms per 150-word note")
    args = ap.parse_args(argv)
    rows = load_gold(args.gold)
    splits = sorted({r.get("split", "all") for r in rows})
    for split in splits:
        sub = [r for r in rows if r.get("split", "all") == split]
        print(format_report(split, evaluate(sub), args.errors))
        print()
    if len(splits) > 1:
        print(format_report("all", evaluate(rows), False))
    if args.speed:
        print(f"\nspeed: {measure_speed(rows):.2f} ms per 150-word note (after warm-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
