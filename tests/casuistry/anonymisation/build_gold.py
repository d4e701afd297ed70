"""Build tests/data/anonymisation_gold.jsonl from the marked-up gold notes.

Markup: ``{LABEL|surface text}``; notes start with a line ``## <id>``. Offsets are computed
here, programmatically, so they are exact. Run from the project root:

    .venv/bin/python tests/casuistry/anonymisation/build_gold.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the project root, when run as a script

from casuistry.services.anonymisation.findings import LABELS  # noqa: E402

OUT = HERE.parents[1] / "data" / "anonymisation_gold.jsonl"
SOURCES = [
    ("dev", HERE / "gold_markup_dev.txt"),
    ("heldout", HERE / "gold_markup_heldout.txt"),
    ("blind", HERE / "gold_markup_blind.txt"),
]
MARK = re.compile(r"\{([A-Z]+)\|([^{}|]+)\}")


def parse(markup: str) -> tuple[str, list[dict]]:
    out, spans, pos = [], [], 0
    length = 0
    for m in MARK.finditer(markup):
        before = markup[pos : m.start()]
        out.append(before)
        length += len(before)
        label, surface = m.group(1), m.group(2)
        if label not in LABELS:
            raise ValueError(f"unknown label {label}")
        spans.append({"start": length, "end": length + len(surface), "label": label})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(markup[pos:])
    text = "".join(out)
    if "{" in text or "}" in text:
        raise ValueError("unbalanced markup")
    return text, spans


def notes(path: Path):
    cur_id, buf = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            if cur_id:
                yield cur_id, " ".join(buf).strip()
            cur_id, buf = line[3:].strip(), []
        elif line.startswith("#") or not line.strip():
            continue
        else:
            buf.append(line.strip())
    if cur_id:
        yield cur_id, " ".join(buf).strip()


def main() -> None:
    rows = []
    for split, path in SOURCES:
        for note_id, markup in notes(path):
            text, spans = parse(markup)
            words = len(text.split())
            if not 80 <= words <= 200:
                raise ValueError(f"{note_id}: {words} words")
            rows.append({"id": note_id, "split": split, "text": text, "spans": spans})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    n_spans = sum(len(r["spans"]) for r in rows)
    empty = sum(1 for r in rows if not r["spans"])
    print(f"{len(rows)} notes, {n_spans} spans, {empty} without spans -> {OUT}")


if __name__ == "__main__":
    main()
