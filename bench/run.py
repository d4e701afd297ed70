"""`make bench`: speed figures for docs/performance.md. Run on an otherwise idle machine.

Against the configured database (embedded PostgreSQL unless DATABASE_URL is set; KENNISBANK_PGDATA
chooses the data folder), with the casus that are in it:
- search latency through the one selector, fts and hybrid, with and without a facet filter
  (query embedding included);
- the similar-casus block (stored vector, no model call);
- import throughput (validation, anonymisation gate, publishing), rolled back afterwards;
- indexing side by side: reindex_casus's pipeline against the bare model on the same texts (all
  cores), rolled back afterwards; a pasted draft's hybrid search against its bare embedding;
- the anonymiser per 150-word note after warm-up;
- peak RSS of this process with the model loaded.
The 100k-casus scale test is bench/scale.py.
"""

import json
import os
import random
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

from casuistry import embeddings  # noqa: E402
from casuistry.models import CasusPage  # noqa: E402
from casuistry.search import search_casus  # noqa: E402
from casuistry.services import anonymisation, indexing  # noqa: E402
from casuistry.services.import_export import import_casus  # noqa: E402

QUERIES = ROOT / "tests" / "data" / "search_eval_queries.jsonl"
CORPUS = ROOT / "tests" / "data" / "search_eval_casus.jsonl"
FILTER = {"uitkomst": ["boete", "terugvordering en boete"]}


class Rollback(Exception):
    pass


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def timed(calls):
    timings = []
    for call in calls:
        embeddings.forget_recent_queries()  # the second round must embed again, as a new query would
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), percentile(timings, 95), len(timings)


def report(name, figures):
    p50, p95, n = figures
    print(f"{name:<48} mediaan {p50:7.1f} ms   p95 {p95:7.1f} ms   (n={n})")


def rolled_back(work):
    started = time.perf_counter()
    try:
        with transaction.atomic():
            work()
            raise Rollback
    except Rollback:
        pass
    return time.perf_counter() - started


def main():
    queries = [json.loads(line)["text"] for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    live = list(CasusPage.objects.live().values_list("pk", flat=True))
    print(f"Gepubliceerde casus in de database: {len(live)}; machine: {os.cpu_count()} cores")
    started = time.perf_counter()
    embeddings.embed_query("opwarmen")
    print(f"Model laden (eenmalig per proces): {time.perf_counter() - started:.1f} s")
    search_casus(query="opwarmen")

    for mode in ("fts", "hybrid"):
        report(f"zoeken {mode}", timed([lambda q=q, m=mode: search_casus(query=q, mode=m) for q in queries] * 2))
        report(
            f"zoeken {mode} met facetfilter",
            timed([lambda q=q, m=mode: search_casus(query=q, mode=m, filters=FILTER) for q in queries] * 2),
        )
    sample = random.Random(1).sample(live, min(100, len(live)))
    casus = {c.pk: c for c in CasusPage.objects.filter(pk__in=sample)}
    report(
        "vergelijkbare casus (blok op casuspagina)",
        timed([lambda c=c: search_casus(like=c, per_page=5) for c in casus.values()]),
    )

    template = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    lines = [json.dumps(template | {"external_id": f"BENCH-{i:05d}"}) for i in range(100)]
    seconds = rolled_back(lambda: import_casus(lines=lines))
    print(f"{'import (valideren, anonimiseringscontrole, publiceren)':<48} {100 / seconds:7.1f} casus/s")

    indexing_side_by_side(sample[:96])
    drafts_side_by_side([json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()])

    anonymisation.warm_up()
    note = " ".join(json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[5])["summary"].split()[:150])
    report("anonimiseren, notitie van ~150 woorden", timed([lambda: anonymisation.detect(note)] * 100))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'piek-RSS van dit proces (model geladen)':<48} {peak:7.0f} MB")


def indexing_side_by_side(ids):
    """reindex_casus's pipeline against the bare model on the same texts, both with all cores."""
    cores = embeddings.usable_cores()
    texts = [t for item in indexing._casus_of(ids) for t in item.texts]
    started = time.perf_counter()
    embeddings.embed_passages(texts, batch_size=32, threads=cores)
    bare = len(ids) / (time.perf_counter() - started)
    seconds = rolled_back(lambda: indexing.reindex(ids, threads=cores))
    pipeline = len(ids) / seconds
    print(f"{'kaal model, zelfde teksten (' + str(len(texts)) + ' teksten)':<48} {bare:7.1f} casus/s")
    print(f"{'reindex_casus-pijplijn (' + str(cores) + ' threads)':<48} {pipeline:7.1f} casus/s")
    print(f"{'  verhouding pijplijn / kaal model':<48} {pipeline / bare:7.2f}")


def drafts_side_by_side(queries):
    """A hybrid search for a pasted draft against a bare embedding of that draft (one thread, web setting)."""
    drafts = [q["text"] for q in queries if q.get("kind") == "long"]
    bare = timed([lambda d=d: embeddings.embed_query(d) for d in drafts] * 2)
    search = timed([lambda d=d: search_casus(query=d, mode="hybrid", filters=FILTER) for d in drafts] * 2)
    report("kale embedding van een geplakt concept", bare)
    report("hybride zoeken met facetfilter, geplakt concept", search)
    print(f"{'  verhouding zoeken / kale embedding (mediaan)':<48} {search[0] / bare[0]:7.2f}")


if __name__ == "__main__":
    main()
