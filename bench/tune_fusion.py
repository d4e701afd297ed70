"""Grid over the hybrid fusion constants on the evaluation set (docs/search.md, "Tuning").

Run against a database that holds only the evaluation corpus, indexed:
    KENNISBANK_PGDATA=.pgdata-eval .venv/bin/python manage.py migrate
    KENNISBANK_PGDATA=.pgdata-eval .venv/bin/python manage.py import_casus tests/data/search_eval_casus.jsonl
    KENNISBANK_PGDATA=.pgdata-eval .venv/bin/python manage.py reindex_casus
    KENNISBANK_PGDATA=.pgdata-eval .venv/bin/python bench/tune_fusion.py

Candidate lists are fetched once per query through the selector's own helpers; the variants are
then scored in Python. Prints the best settings overall and the per-kind scores of a few choices.
"""

import itertools
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.dev")

import django  # noqa: E402

django.setup()

from casuistry.selectors.thesaurus import expansions  # noqa: E402
from django.db import connection  # noqa: E402

from casuistry import embeddings  # noqa: E402
from casuistry.models import CasusPage  # noqa: E402
from casuistry.selectors import search  # noqa: E402
from casuistry.services.evaluation import load_queries, score_query  # noqa: E402

QUERIES = ROOT / "tests" / "data" / "search_eval_queries.jsonl"


def aspect_similarities(vector, aspect, limit=100):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.casus_id, p.external_id, 1 - (e.embedding <=> %s::vector) FROM casuistry_casusembedding e "
            "JOIN casuistry_casuspage p ON p.page_ptr_id = e.casus_id WHERE e.aspect = %s "
            "ORDER BY e.embedding <=> %s::vector LIMIT %s",
            [search._vector_literal(vector), aspect, search._vector_literal(vector), limit],
        )
        return {ext: sim for _, ext, sim in cursor.fetchall()}


def fts_ranking(text, limit=100):
    ids = search._fts_candidates(CasusPage.objects.live(), search.fts_plan(text), limit)
    lookup = dict(CasusPage.objects.filter(pk__in=ids).values_list("pk", "external_id"))
    return [lookup[pk] for pk in ids]


def fts_with_share(text, share):
    search.COMMON_TERM_SHARE = share
    try:
        return fts_ranking(text)
    finally:
        search.COMMON_TERM_SHARE = SHARE


SHARE = search.COMMON_TERM_SHARE
SHARES = (1.01, 0.5, 0.35, 0.2)


def gather():
    rows = []
    for query in load_queries(QUERIES.read_text(encoding="utf-8").splitlines()):
        vector = embeddings.embed_query(query.text)
        as_passage = embeddings.embed_passages([query.text])[0]
        expanded = " ".join([query.text, *expansions(query.text)])
        row = {
            "q": query,
            "sit": aspect_similarities(vector, "situatie"),
            "afw": aspect_similarities(vector, "afweging"),
            "sit_passage": aspect_similarities(as_passage, "situatie"),
            "sit_exp": aspect_similarities(
                embeddings.embed_query(f"{query.text} ({', '.join(expansions(query.text)[:6])})")
                if expansions(query.text)
                else vector,
                "situatie",
            ),
            "fts_exp": fts_ranking(expanded),
        }
        for share in SHARES:
            row[f"fts_{share}"] = fts_with_share(query.text, share)
        row["fts"] = row[f"fts_{SHARE}"]
        rows.append(row)
    return rows


def _ranked(sims):
    return [e for e, _ in sorted(sims.items(), key=lambda x: -x[1])]


def semantic(row, penalty, key="sit"):
    best = dict(row[key])
    if penalty is not None:
        for ext, sim in row["afw"].items():
            best[ext] = max(best.get(ext, -1), sim - penalty)
    return best


def fuse(row, *, penalty, min_sim, k, w_fts, expand, share=SHARE, w_sem=1.0, sem_key="sit"):
    sims = semantic(row, penalty, sem_key)
    scores = defaultdict(float)
    ranked_sem = [e for e, s in sorted(sims.items(), key=lambda x: -x[1]) if s >= min_sim]
    for rank, ext in enumerate(ranked_sem, 1):
        scores[ext] += w_sem / (k + rank)
    for rank, ext in enumerate(row["fts_exp" if expand else f"fts_{share}"], 1):
        scores[ext] += w_fts / (k + rank)
    return sorted(scores, key=lambda e: -scores[e])


def evaluate(rows, ranker):
    per_kind = defaultdict(list)
    for row in rows:
        ndcg = score_query(ranker(row)[:10], row["q"].relevant)["ndcg@10"]
        per_kind[row["q"].kind].append(ndcg)
        per_kind["alle"].append(ndcg)
    return {kind: sum(v) / len(v) for kind, v in per_kind.items()}


def show(name, result):
    kinds = ["alle", "short", "keyword", "paraphrase", "long"]
    print(f"{name:<48} " + " ".join(f"{kind}={result.get(kind, 0):.3f}" for kind in kinds))


def main():
    rows = gather()
    for share in SHARES:
        show(f"fts, common-term share {share}", evaluate(rows, lambda r, s=share: r[f"fts_{s}"]))
    show(
        "semantic, long queries as passage",
        evaluate(rows, lambda r: _ranked(r["sit_passage"] if len(r["q"].text.split()) > 30 else r["sit"])),
    )
    show("fts + thesaurus", evaluate(rows, lambda r: r["fts_exp"]))
    for penalty in (None, 0.0, 0.03, 0.06):
        show(
            f"semantic, reasoning penalty={penalty}",
            evaluate(rows, lambda r, p=penalty: [e for e, _ in sorted(semantic(r, p).items(), key=lambda x: -x[1])]),
        )
    grid = itertools.product((None,), (0.0, 0.80), (10, 20), (0.4, 0.6, 0.8), (False,))
    results = []
    for (penalty, min_sim, k, w_fts, expand), share, sem_key in itertools.product(grid, SHARES, ("sit", "sit_exp")):
        params = dict(penalty=penalty, min_sim=min_sim, k=k, w_fts=w_fts, expand=expand, share=share, sem_key=sem_key)
        results.append((evaluate(rows, lambda r, p=params: fuse(r, **p)), params))
    results.sort(key=lambda item: -item[0]["alle"])
    print("\nBest hybrid settings:")
    for result, params in results[:10]:
        show(str(params), result)


if __name__ == "__main__":
    main()
