"""What sharing levels cost a search at 100k casus: the same queries as every casus (background
work) and through the eyes of one organisation's user (docs/performance.md, "Sharing levels").

    .venv/bin/python bench/visibility.py [--rounds 3]

Runs on the scale bench's database (``.pgdata-bench/``; run bench/scale.py first). It migrates
it, gives the synthetic casus an owner among three organisations (two in one region) and a
sharing level, round-robin by id, once, and then times ``search_casus`` for the evaluation
queries with each viewer, the memory of recent query vectors emptied before every search.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--rounds", type=int, default=3)
ARGS = PARSER.parse_args()

os.environ["KENNISBANK_PGDATA"] = str(ROOT / ".pgdata-bench")
os.environ.pop("DATABASE_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.dev")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from casuistry import embeddings  # noqa: E402
from casuistry.models import CasusPage  # noqa: E402
from casuistry.search import clear_caches, search_casus  # noqa: E402
from casuistry.selectors.visibility import EVERYTHING, Viewer  # noqa: E402
from organisations.models import Organisation  # noqa: E402

settings.DEBUG = False
QUERIES = ROOT / "tests" / "data" / "search_eval_queries.jsonl"
ORGANISATIONS = [("BE0001", "Bench Eén", "West"), ("BE0002", "Bench Twee", "West"), ("BE0003", "Bench Drie", "Oost")]


def assign_owners() -> list[Organisation]:
    organisations = [
        Organisation.objects.get_or_create(code=code, defaults={"name": name, "region": region})[0]
        for code, name, region in ORGANISATIONS
    ]
    if CasusPage.objects.filter(organisation__isnull=True).exists():
        ids = [o.pk for o in organisations]
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE casuistry_casuspage SET organisation_id = (ARRAY[%s, %s, %s])[page_ptr_id %% 3 + 1], "
                "deelniveau = (ARRAY['organisatie', 'regio', 'landelijk'])[(page_ptr_id / 3) %% 3 + 1]",
                ids,
            )
    return organisations


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def timed(queries: list[dict], viewer) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for _ in range(ARGS.rounds):
        for query in queries:
            embeddings.forget_recent_queries()
            start = time.perf_counter()
            search_casus(query=query["text"], per_page=10, viewer=viewer)
            times.setdefault(query["kind"], []).append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    call_command("migrate", verbosity=0)
    organisations = assign_owners()
    one, two, _ = organisations
    viewer = Viewer(organisation_id=one.pk, region_organisation_ids=(one.pk, two.pk))
    visible = CasusPage.objects.live().filter(viewer.casus_q()).count()
    total = CasusPage.objects.live().count()
    queries = [json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    clear_caches()
    search_casus(query="warm-up", viewer=viewer)
    print(f"{total} live casus; the organisation's user sees {visible}")
    print("| queries | viewer | n | p50 ms | p95 ms |")
    print("|---|---|---|---|---|")
    for name, who in (("every casus", EVERYTHING), ("one organisation's user", viewer), ("every casus", EVERYTHING)):
        for kind, values in sorted(timed(queries, who).items()):
            print(f"| {kind} | {name} | {len(values)} | {statistics.median(values):.0f} | {p95(values):.0f} |")
    for name, who in (("every casus", EVERYTHING), ("one organisation's user", viewer)):
        clear_caches()  # browsing counts are remembered per viewer until a page changes
        start = time.perf_counter()
        search_casus(viewer=who)
        cold = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        search_casus(viewer=who)
        print(f"browse /casus/ ({name}): first {cold:.0f} ms, remembered {(time.perf_counter() - start) * 1000:.0f} ms")


main()
