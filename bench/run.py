"""`make bench`: speed figures for docs/performance.md. Run on an otherwise idle machine.

Measures, against the configured database (embedded PostgreSQL unless DATABASE_URL is set):
- search latency (selector end to end) for the evaluation queries, with and without a facet filter;
- import throughput of synthetic casus, inside a transaction that is rolled back afterwards.
"""

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from casuistry.models import CasusPage  # noqa: E402
from casuistry.selectors.search import search_casus  # noqa: E402
from casuistry.services.import_export import import_casus  # noqa: E402

QUERIES = ROOT / "tests" / "data" / "search_eval_queries.jsonl"
CORPUS = ROOT / "tests" / "data" / "search_eval_casus.jsonl"


class Rollback(Exception):
    pass


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def bench_search(queries, *, filters=None, rounds=3):
    timings = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            search_casus(query=query, filters=filters or {}, per_page=10)
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile(timings, 95), len(timings)


def bench_import(count=100):
    template = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    lines = [json.dumps(template | {"external_id": f"BENCH-{i:05d}"}) for i in range(count)]
    started = time.perf_counter()
    try:
        with transaction.atomic():
            import_casus(lines=lines)
            raise Rollback
    except Rollback:
        pass
    return count / (time.perf_counter() - started)


def main():
    queries = [
        json.loads(line)["text"] for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    live = CasusPage.objects.live().count()
    print(f"Casus in de database (gepubliceerd): {live}")
    p50, p95, n = bench_search(queries)
    print(f"Zoeken fts, {n} zoekvragen: mediaan {p50:.1f} ms, p95 {p95:.1f} ms")
    p50, p95, n = bench_search(queries, filters={"uitkomst": ["boete", "terugvordering en boete"]})
    print(f"Zoeken fts met facetfilter, {n} zoekvragen: mediaan {p50:.1f} ms, p95 {p95:.1f} ms")
    rate = bench_import()
    print(f"Import (valideren + publiceren): {rate:.1f} casus/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Piek-RSS van dit proces: {peak:.0f} MB")


if __name__ == "__main__":
    main()
