"""Train the learned name model (learned.py) on gold notes in anonymise-v1 form.

    .venv/bin/python -m casuistry.services.anonymisation.learned_train FILE.jsonl [FILE ...]

Writes ``data/names.crf``. The committed model was trained on tests/data/anonymisation_gold.jsonl
and the independent files anonymisation_independent_{dev,blind,blind2}.jsonl (all fictional);
docs/anonymisation.md says which files were held out for which figure. Training is deterministic.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path


def bio_tags(toks, spans) -> list[str]:
    tags = ["O"] * len(toks)
    for span in spans:
        if span["label"] not in ("PERSON", "PLACE", "EMPLOYER"):
            continue
        first = True
        for i, (start, end, _) in enumerate(toks):
            if start >= span["start"] and end <= span["end"]:
                tags[i] = ("B-" if first else "I-") + span["label"]
                first = False
    return tags


def train(files: list[Path], target: Path) -> int:
    import pycrfsuite

    from .learned import features, tokens
    from .vocabulary import Vocabulary

    vocab = Vocabulary()
    trainer = pycrfsuite.Trainer(verbose=False)
    notes = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                toks = tokens(row["text"])
                trainer.append(features(vocab, toks), bio_tags(toks, row["spans"]))
                notes += 1
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(target))
    return notes


def main() -> None:
    from .learned import MODEL_FILE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.test")
    notes = train(args.files, args.output)
    print(f"{notes} notes -> {args.output}")


if __name__ == "__main__":
    main()
