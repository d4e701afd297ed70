"""Ranking variants scored on an evaluation set: fusion, relevance floor (docs/search.md, "Tuning").

Run against a database that holds only one evaluation corpus, indexed (see docs/search.md):
    KENNISBANK_PGDATA=.pgdata-eval .venv/bin/python bench/tune_ranking.py tests/data/search_eval_queries.jsonl
    KENNISBANK_PGDATA=.pgdata-indep .venv/bin/python bench/tune_ranking.py \
        tests/data/independent/search_independent_queries_dev.jsonl

Each query's candidates (cosine similarities, ts_rank scores) are fetched once through the search
package's own modules; the variants are then scored in Python. Keep a variant only when it helps on
both sets; never run this on a blind split.
"""

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.dev")

import django  # noqa: E402

django.setup()

from casuistry import embeddings  # noqa: E402
from casuistry.models import CasusPage  # noqa: E402
from casuistry.neutral import neutral_text  # noqa: E402
from casuistry.search import fusion, keyword, semantic  # noqa: E402
from casuistry.search.ranked import THESAURUS_TERMS  # noqa: E402
from casuistry.search.terms import fts_plan  # noqa: E402
from casuistry.search.thesaurus import expansions  # noqa: E402
from casuistry.services.evaluation import load_queries, score_query  # noqa: E402

POOL = 300


def gather(path: Path) -> list[dict]:
    base = CasusPage.objects.live()
    external = dict(base.values_list("pk", "external_id"))
    rows = []
    for query in load_queries(path.read_text(encoding="utf-8").splitlines()):
        text = neutral_text(query.text).text
        expanded = expansions(text)[:THESAURUS_TERMS]
        vector = embeddings.embed_query(f"{text} ({', '.join(expanded)})" if expanded else text)
        sims = semantic.semantic_candidates(vector, base, limit=POOL)
        plan = fts_plan(text)
        kw: dict[int, float] = {}
        if plan is not None:
            match = plan.match if plan.match is not None else plan.rank
            kw = dict(
                keyword.rank(base.filter(search_vector=match), plan.rank)
                .order_by("-score", "-pk")
                .values_list("pk", "score")[:POOL]
            )
        rows.append(
            {
                "q": query,
                "sem": {external[pk]: s for pk, s in sims.items()},
                "kw": {external[pk]: s for pk, s in kw.items()},
            }
        )
    return rows


def rrf(row, *, k=fusion.RRF_K, w_fts=fusion.WEIGHT_FTS, min_sim=semantic.MIN_SIMILARITY, cand=100, **_):
    scores = defaultdict(float)
    sem = [e for e, s in sorted(row["sem"].items(), key=lambda x: -x[1])[:cand] if s >= min_sim]
    for rank, ext in enumerate(sem, 1):
        scores[ext] += 1.0 / (k + rank)
    for rank, ext in enumerate(sorted(row["kw"], key=lambda e: -row["kw"][e])[:cand], 1):
        scores[ext] += w_fts / (k + rank)
    return scores


def convex(row, *, alpha=0.6, cand=100, **_):
    """alpha * semantic + (1 - alpha) * keyword, each min-max normalised over its own candidates."""
    sem = dict(sorted(row["sem"].items(), key=lambda x: -x[1])[:cand])
    kw = dict(sorted(row["kw"].items(), key=lambda x: -x[1])[:cand])
    scores = defaultdict(float)
    for side, weight in ((sem, alpha), (kw, 1 - alpha)):
        if not side:
            continue
        low, high = min(side.values()), max(side.values())
        span = (high - low) or 1.0
        for ext, value in side.items():
            scores[ext] += weight * (value - low) / span
    return scores


def floor(row, scores, *, sem_gap, kw_share):
    """Keep a casus when it is close enough to the best on either side."""
    top_sem = max(row["sem"].values(), default=0)
    top_kw = max(row["kw"].values(), default=0)
    keep = {e for e, s in row["sem"].items() if s >= top_sem - sem_gap}
    keep |= {e for e, s in row["kw"].items() if top_kw and s >= kw_share * top_kw}
    return {e: v for e, v in scores.items() if e in keep}


def evaluate(rows, ranker):
    per_kind, sizes, lost = defaultdict(list), [], 0
    for row in rows:
        scores = ranker(row)
        ranking = sorted(scores, key=lambda e: -scores[e])
        per_kind[row["q"].kind].append(score_query(ranking[:10], row["q"].relevant)["ndcg@10"])
        per_kind["alle"].append(per_kind[row["q"].kind][-1])
        sizes.append(len(ranking))
        lost += sum(1 for e, g in row["q"].relevant.items() if g and e not in scores)
    result = {kind: sum(v) / len(v) for kind, v in per_kind.items()}
    result["n"] = sorted(sizes)[len(sizes) // 2]
    result["lost"] = lost
    return result


def show(name, result):
    kinds = ["alle", "short", "keyword", "paraphrase", "long"]
    figures = " ".join(f"{kind}={result.get(kind, 0):.3f}" for kind in kinds)
    print(f"{name:<44} {figures}  median results={result['n']} relevant lost={result['lost']}")


def main():
    path = Path(sys.argv[1])
    rows = gather(path)
    relevant = sum(1 for r in rows for g in r["q"].relevant.values() if g)
    print(f"{path.name}: {len(rows)} queries, {relevant} graded relevant pairs")
    show("semantic only", evaluate(rows, lambda r: dict(r["sem"])))
    show("keyword only", evaluate(rows, lambda r: dict(r["kw"])))
    for share in (0.1, 0.2, 0.35):
        show(
            f"keyword only + floor kw_share={share}",
            evaluate(rows, lambda r, s=share: floor(r, dict(r["kw"]), sem_gap=-1, kw_share=s)),
        )
    show("rrf (current)", evaluate(rows, rrf))
    for k, w in ((10, 0.6), (20, 0.4), (20, 0.8), (60, 0.6)):
        show(f"rrf k={k} w_fts={w}", evaluate(rows, lambda r, k=k, w=w: rrf(r, k=k, w_fts=w)))
    for alpha in (0.5, 0.6, 0.7, 0.8):
        show(f"convex alpha={alpha}", evaluate(rows, lambda r, a=alpha: convex(r, alpha=a)))
    for gap in (0.04, 0.06, 0.08, 0.10):
        for share in (0.2, 0.35, 0.5):
            show(
                f"rrf + floor gap={gap} kw_share={share}",
                evaluate(rows, lambda r, g=gap, s=share: floor(r, rrf(r), sem_gap=g, kw_share=s)),
            )
    if len(sys.argv) > 2:
        Path(sys.argv[2]).write_text(
            json.dumps([{"id": r["q"].id, "sem": r["sem"], "kw": r["kw"]} for r in rows]), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
