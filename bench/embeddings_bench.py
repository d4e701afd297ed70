"""Benchmark of casuistry.embeddings: load time, query latency, passage throughput, peak RSS.

Usage (from the repository root)::

    HF_HUB_OFFLINE=1 .venv/bin/python bench/embeddings_bench.py
    EMBEDDING_THREADS=2 .venv/bin/python bench/embeddings_bench.py --json
    EMBEDDING_MODEL=/path/to/model-folder .venv/bin/python bench/embeddings_bench.py

The model comes from EMBEDDING_MODEL / EMBEDDING_THREADS exactly as in the app. The
texts are synthetic Dutch (seeded), so runs are comparable. Run it on an otherwise idle
machine: other processes on the same cores change the figures a lot.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SUBJECTS = [
    "de belanghebbende",
    "de consulent",
    "de handhaver",
    "de partner",
    "de verhuurder",
    "de moeder van belanghebbende",
    "het college",
    "de buurvrouw",
]
VERBS = [
    "verklaart dat",
    "meldt dat",
    "stelt vast dat",
    "ontkent dat",
    "bevestigt dat",
    "vermoedt dat",
    "heeft aangegeven dat",
]
CLAIMS = [
    "de vriendin van belanghebbende vaak blijft slapen",
    "er sprake is van een gezamenlijke huishouding",
    "op zolder een hennepkwekerij is aangetroffen",
    "de ouders maandelijks een gift overmaken voor de huur",
    "belanghebbende inkomsten heeft uit zwart werk als schilder",
    "de auto op naam van de broer staat maar door belanghebbende wordt gebruikt",
    "er een tweede woning in het buitenland is",
    "de post van een ander op het adres binnenkomt",
    "de kosten van de woning samen worden gedeeld",
    "belanghebbende langer dan vier weken in het buitenland verbleef",
    "het energieverbruik opvallend hoog is",
    "de bankafschriften contante stortingen laten zien",
]
TAILS = [
    "Dit is vastgelegd in het rapport van het huisbezoek.",
    "De omgekeerde toets is toegepast en de maatregel is verlaagd.",
    "Volgens de drietrapstoets is eerst gekeken naar het hoofdverblijf.",
    "De inlichtingenplicht is geschonden, maar er is geen opzet aangetoond.",
    "Het dossier bevat foto's en verklaringen van getuigen.",
    "De terugvordering is beperkt tot de periode waarin de situatie vaststond.",
]
QUERIES = [
    "mijn vriendin blijft vaak slapen",
    "wietplantage op zolder",
    "gift van ouders voor de huur",
    "zwart werken naast de bijstand",
    "samenwonen zonder het te melden",
    "lang in het buitenland geweest",
    "hoog stroomverbruik bij huisbezoek",
    "auto op naam van familie",
    "contant geld op de bankrekening",
    "tweede huis in Marokko",
    "post van iemand anders op mijn adres",
    "wanneer is er een gezamenlijke huishouding",
]


def make_passage(rng: random.Random, words: int = 150) -> str:
    sentences: list[str] = []
    count = 0
    while count < words:
        if rng.random() < 0.25:
            sentence = rng.choice(TAILS)
        else:
            sentence = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(CLAIMS)}."
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def make_queries(rng: random.Random, n: int) -> list[str]:
    suffixes = ["", " bijstand", " Participatiewet", " wat nu", " terugvordering", " boete"]
    return [rng.choice(QUERIES) + rng.choice(suffixes) + f" {i}" for i in range(n)]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--passages", type=int, default=200)
    parser.add_argument("--words", type=int, default=150, help="words per passage")
    parser.add_argument("--batch-sizes", default="16,32")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    queries = make_queries(rng, args.queries)
    passages = [make_passage(rng, args.words) for _ in range(args.passages)]
    rss_before = peak_rss_mib()

    t0 = time.perf_counter()
    from casuistry import embeddings
    from casuistry.embeddings import service

    t_import = time.perf_counter() - t0
    embeddings.get_model()
    t_load = time.perf_counter() - t0
    t1 = time.perf_counter()
    embeddings.embed_query("opwarmen")
    t_first = time.perf_counter() - t1

    model = embeddings.get_model()
    first = model[0]
    token_counts = []
    if hasattr(first, "token_count"):
        token_counts = [first.token_count(p) for p in passages]

    for q in queries[:5]:  # warm-up
        embeddings.embed_query(q)
    latencies = []
    for q in queries:
        s = time.perf_counter()
        embeddings.embed_query(q)
        latencies.append((time.perf_counter() - s) * 1000)

    throughput = {}
    for batch_size in [int(b) for b in args.batch_sizes.split(",") if b]:
        s = time.perf_counter()
        vectors = embeddings.embed_passages(passages, batch_size=batch_size)
        elapsed = time.perf_counter() - s
        assert len(vectors) == len(passages)
        throughput[batch_size] = {
            "seconds": round(elapsed, 2),
            "passages_per_s": round(len(passages) / elapsed, 2),
        }

    result = {
        "model": embeddings.model_identity(),
        "dimension": embeddings.dimension(),
        "threads": service.configured_threads(),
        "cpus": len(os.sched_getaffinity(0)),
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
        "import_s": round(t_import, 2),
        "load_s_incl_import": round(t_load, 2),
        "first_query_s": round(t_first, 3),
        "query_ms": {
            "n": len(latencies),
            "p50": round(percentile(latencies, 50), 2),
            "p95": round(percentile(latencies, 95), 2),
            "mean": round(statistics.fmean(latencies), 2),
            "max": round(max(latencies), 2),
        },
        "passages": {
            "n": len(passages),
            "words_mean": round(statistics.fmean(len(p.split()) for p in passages), 1),
            "tokens_mean": round(statistics.fmean(token_counts), 1) if token_counts else None,
            "by_batch_size": throughput,
        },
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "rss_before_import_mib": round(rss_before, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"model               {result['model']} (dim {result['dimension']})")
        print(f"threads / cpus      {result['threads']} / {result['cpus']}")
        print(f"load avg at end     {result['loadavg_at_end']}")
        print(f"load time           {result['load_s_incl_import']} s (import {result['import_s']} s)")
        print(f"first query         {result['first_query_s']} s")
        q = result["query_ms"]
        print(f"query latency       p50 {q['p50']} ms, p95 {q['p95']} ms, max {q['max']} ms (n={q['n']})")
        p = result["passages"]
        print(f"passages            n={p['n']}, ~{p['words_mean']} words, ~{p['tokens_mean']} tokens each")
        for batch_size, t in throughput.items():
            print(f"  batch {batch_size:<3}         {t['passages_per_s']} passages/s ({t['seconds']} s)")
        print(f"peak RSS            {result['peak_rss_mib']} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
