"""Search quality evaluation: graded queries (search-eval-v1) in, IR metrics and rankings out."""

from __future__ import annotations

import json
import math
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator

from casuistry.search import search_casus
from casuistry.services.interchange import LineMessage, validate_with

KINDS_ORDER = ("short", "keyword", "paraphrase", "long")
METRICS = ("recall@5", "recall@10", "ndcg@10", "mrr@10")


@dataclass
class EvalQuery:
    id: str
    text: str
    kind: str
    relevant: dict[str, int]


class QueriesRejected(Exception):
    def __init__(self, errors: list[LineMessage]):
        self.errors = errors
        super().__init__(f"{len(errors)} fout(en)")


def load_queries(lines) -> list[EvalQuery]:
    schema = json.loads((Path(settings.SCHEMA_DIR) / "search-eval-v1.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    queries, errors = [], []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            errors.append(LineMessage(number, "(regel)", "geen geldige JSON"))
            continue
        line_errors = validate_with(validator, data, number)
        if line_errors:
            errors.extend(line_errors)
            continue
        queries.append(EvalQuery(data["id"], data["text"], data.get("kind", "short"), data["relevant"]))
    if errors:
        raise QueriesRejected(errors)
    return queries


def recall_at(ranking: list[str], relevant: dict[str, int], k: int) -> float:
    if not relevant:
        return 0.0
    return len(set(ranking[:k]) & set(relevant)) / len(relevant)


def ndcg_at(ranking: list[str], relevant: dict[str, int], k: int) -> float:
    """nDCG with gain 2^grade − 1 and log2(rank + 1) discount."""
    dcg = sum((2 ** relevant.get(doc, 0) - 1) / math.log2(rank + 2) for rank, doc in enumerate(ranking[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr_at(ranking: list[str], relevant: dict[str, int], k: int) -> float:
    for rank, doc in enumerate(ranking[:k], start=1):
        if relevant.get(doc, 0) > 0:
            return 1.0 / rank
    return 0.0


def score_query(ranking: list[str], relevant: dict[str, int]) -> dict[str, float]:
    return {
        "recall@5": recall_at(ranking, relevant, 5),
        "recall@10": recall_at(ranking, relevant, 10),
        "ndcg@10": ndcg_at(ranking, relevant, 10),
        "mrr@10": mrr_at(ranking, relevant, 10),
    }


def run_evaluation(queries: list[EvalQuery], *, mode: str, k: int = 10, progress=None):
    """Run every query through the one search selector; return per-query rankings and the summary."""
    rankings, per_kind = [], defaultdict(list)
    iterator = progress(queries) if progress else queries
    for query in iterator:
        started = time.perf_counter()
        result = search_casus(query=query.text, mode=mode, per_page=k)
        elapsed_ms = (time.perf_counter() - started) * 1000
        ranking = [hit.casus.external_id for hit in result.hits]
        rankings.append({"id": query.id, "results": ranking, "ms": round(elapsed_ms, 2)})
        scores = score_query(ranking, query.relevant)
        per_kind[query.kind].append(scores)
        per_kind["alle"].append(scores)
    summary = {kind: _mean(rows) | {"n": len(rows)} for kind, rows in per_kind.items()}
    return rankings, summary


def _mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {metric: sum(r[metric] for r in rows) / len(rows) for metric in METRICS}


def format_table(summary: dict, *, mode: str) -> str:
    kinds = (
        ["alle"]
        + [k for k in KINDS_ORDER if k in summary]
        + sorted(k for k in summary if k not in KINDS_ORDER and k != "alle")
    )
    header = f"| modus {mode} | n | " + " | ".join(METRICS) + " |"
    lines = [header, "|" + "---|" * (len(METRICS) + 2)]
    for kind in kinds:
        row = summary[kind]
        lines.append(f"| {kind} | {row['n']} | " + " | ".join(f"{row[m]:.3f}" for m in METRICS) + " |")
    return "\n".join(lines)
