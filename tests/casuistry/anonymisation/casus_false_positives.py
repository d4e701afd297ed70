"""Count detector findings on clean house-style casus texts (every finding is a false positive).

The casus files of the knowledge base describe persons only as "mevrouw F.", "meneer K. (34)";
they hold no personal data. This script runs the detector over every text field (title,
summary, drietrapstoets, omgekeerde toets, juridische inpassing, tags) and prints counts per
file and label. ``--show`` also prints each finding with a little context (these texts are
clean by construction, so nothing personal is printed). Run from the project root:

    .venv/bin/python tests/casuistry/anonymisation/casus_false_positives.py [--show] [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))  # the project root, when run as a script

from casuistry.services.anonymisation import detect, warm_up  # noqa: E402
from casuistry.services.anonymisation.findings import DIRECT_IDENTIFIER_LABELS  # noqa: E402

DEFAULT_FILES = [
    ROOT / "casuistry" / "demo_data" / "casus.jsonl",
    ROOT / "tests" / "data" / "search_eval_casus.jsonl",
    Path(__file__).resolve().parents[2] / "data" / "independent" / "search_independent_casus.jsonl",
]


def casus_texts(row: dict):
    """Every text field of one casus row."""
    for key, value in row.items():
        if key in ("external_id", "id", "regeling", "verplichting", "thema", "cirkel_fase", "signaalbron"):
            continue
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from (v for v in value.values() if isinstance(v, str))
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))


def count(path: Path, show: bool = False) -> tuple[int, int, Counter]:
    labels: Counter = Counter()
    rows = texts = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rows += 1
            row = json.loads(line)
            for text in casus_texts(row):
                texts += 1
                for f in detect(text):
                    labels[f.label] += 1
                    if show:
                        ctx = text[max(0, f.start - 30) : f.end + 30].replace("\n", " ")
                        print(f"  {row.get('external_id', rows)} {f.label}: [{text[f.start : f.end]}]  …{ctx}…")
    return rows, texts, labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--show", action="store_true", help="print every finding with context")
    args = ap.parse_args(argv)
    warm_up()
    total: Counter = Counter()
    for path in args.files or DEFAULT_FILES:
        if not path.exists():
            print(f"{path}: not present")
            continue
        rows, texts, labels = count(path, args.show)
        total.update(labels)
        direct = sum(n for lbl, n in labels.items() if lbl in DIRECT_IDENTIFIER_LABELS)
        print(
            f"{path.name}: {rows} casus, {texts} texts, {sum(labels.values())} findings "
            f"({direct} direct) {dict(sorted(labels.items()))}"
        )
    direct = sum(n for lbl, n in total.items() if lbl in DIRECT_IDENTIFIER_LABELS)
    print(f"total: {sum(total.values())} findings ({direct} direct) {dict(sorted(total.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
