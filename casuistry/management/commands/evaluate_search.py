import json
import statistics
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from casuistry.search import MODES
from casuistry.services.evaluation import QueriesRejected, format_table, load_queries, run_evaluation


class Command(BaseCommand):
    help = "Meet de zoekkwaliteit met beoordeelde zoekvragen (search-eval-v1): recall, nDCG en MRR."

    def add_arguments(self, parser):
        parser.add_argument("queries", help="JSONL-bestand met zoekvragen (search-eval-v1)")
        parser.add_argument("--mode", default=MODES[-1], help=f"Zoekmodus: {', '.join(MODES)}")
        parser.add_argument("--k", type=int, default=10, help="Aantal resultaten per vraag (standaard 10)")
        parser.add_argument("--rankings", help="Schrijf de rangschikkingen (rankings-v1) naar dit bestand")

    def handle(self, *args, queries, mode, k, rankings=None, **options):
        if mode not in MODES:
            raise CommandError(f"Onbekende zoekmodus '{mode}'. Beschikbaar: {', '.join(MODES)}.")
        if k < 1:
            raise CommandError("--k moet minimaal 1 zijn.")
        try:
            with open(queries, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError as exc:
            raise CommandError(f"Bestand niet gevonden: {queries}") from exc
        try:
            parsed = load_queries(lines)
        except QueriesRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError("Het bestand met zoekvragen is ongeldig; er is niets gemeten.") from None
        if not parsed:
            raise CommandError("Het bestand bevat geen zoekvragen.")

        def progress(items):
            return tqdm(items, desc=f"Zoeken ({mode})", unit="vraag", file=sys.stderr, disable=len(items) < 20)

        ranked, summary = run_evaluation(parsed, mode=mode, k=k, progress=progress)
        self.stdout.write(format_table(summary, mode=mode))
        times = sorted(r["ms"] for r in ranked)
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        self.stdout.write(
            f"\n{len(ranked)} vragen; mediaan {statistics.median(times):.1f} ms, p95 {p95:.1f} ms per vraag"
        )
        if rankings:
            with open(rankings, "w", encoding="utf-8") as handle:
                for row in ranked:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.stderr.write(f"Rangschikkingen geschreven naar {rankings}")
