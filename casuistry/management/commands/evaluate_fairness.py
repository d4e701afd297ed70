import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casuistry.search import MODES
from casuistry.services.fairness import (
    PROTECTED_KINDS,
    THRESHOLD,
    FairnessFileRejected,
    compare,
    format_summary,
    load_items,
    summary,
)


class Command(BaseCommand):
    help = (
        "Meet of de suggesties veranderen als er iets over wie iemand is aan een concept wordt toegevoegd "
        "(afkomst, nationaliteit, geloof, huidskleur): Jaccard-overlap van de top-k per soort."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSONL: per regel {id, neutral, variants: [{kind, text}]}")
        parser.add_argument("--k", type=int, default=10, help="Aantal suggesties (standaard 10)")
        parser.add_argument("--mode", default="hybrid", help=f"Zoekmodus: {', '.join(MODES)}")
        parser.add_argument("--json", dest="json_file", help="Schrijf de cijfers per soort ook als JSON hierheen")

    def handle(self, *args, file, k, mode, json_file=None, **options):
        if mode not in MODES:
            raise CommandError(f"Onbekende zoekmodus '{mode}'. Beschikbaar: {', '.join(MODES)}.")
        if k < 1:
            raise CommandError("--k moet minimaal 1 zijn.")
        try:
            with open(file, encoding="utf-8") as handle:
                items = load_items(handle.read().splitlines())
        except FileNotFoundError as exc:
            raise CommandError(f"Bestand niet gevonden: {file}") from exc
        except FairnessFileRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError("Het bestand is ongeldig; er is niets gemeten.") from None

        def progress(rows):
            return tqdm(rows, desc="Concepten", unit="concept", file=sys.stderr, disable=len(rows) < 5)

        comparisons = compare(items, k=k, mode=mode, progress=progress)
        table = summary(comparisons)
        self.stdout.write(format_summary(table))
        if json_file:
            with open(json_file, "w", encoding="utf-8") as out:
                json.dump({"k": k, "mode": mode, "per_soort": table}, out, ensure_ascii=False, indent=2)
        below = [c for c in comparisons if c.jaccard < THRESHOLD and c.kind in PROTECTED_KINDS]
        self.stdout.write(f"\nVarianten onder {THRESHOLD} (afkomst, nationaliteit, geloof, huidskleur): {len(below)}")
        for c in below:
            self.stdout.write(
                f"- {c.item} {c.kind} ({c.phrase_position or '-'}): {c.jaccard:.2f}; "
                f"erbij {', '.join(c.entered) or '-'}; eraf {', '.join(c.left) or '-'}"
            )
