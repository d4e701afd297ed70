import io
import json
import math

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator

from casuistry.services.evaluation import mrr_at, ndcg_at, recall_at, score_query
from tests.factories import create_casus


def test_metrics_on_a_hand_computed_example():
    ranking = ["a", "b", "c"]
    relevant = {"b": 2, "d": 1}

    # DCG = (2^2-1)/log2(3); ideal = (2^2-1)/log2(2) + (2^1-1)/log2(3)
    expected_ndcg = (3 / math.log2(3)) / (3 + 1 / math.log2(3))
    assert recall_at(ranking, relevant, 5) == 0.5
    assert ndcg_at(ranking, relevant, 10) == pytest.approx(expected_ndcg) == pytest.approx(0.52129, abs=1e-5)
    assert mrr_at(ranking, relevant, 10) == 0.5


def test_perfect_and_empty_rankings():
    relevant = {"x": 2, "y": 1}
    assert score_query(["x", "y"], relevant) == {
        "recall@5": 1.0,
        "recall@10": 1.0,
        "ndcg@10": 1.0,
        "mrr@10": 1.0,
    }
    assert score_query([], relevant) == {"recall@5": 0.0, "recall@10": 0.0, "ndcg@10": 0.0, "mrr@10": 0.0}
    # Only the top k count.
    assert recall_at(["n"] * 5 + ["x"], relevant, 5) == 0.0


@pytest.mark.django_db
def test_evaluate_search_prints_metrics_per_kind_and_writes_valid_rankings(tmp_path, settings):
    create_casus(external_id="G1", summary="Mevrouw F. ontving giften van haar ouders en meldde dat niet.")
    create_casus(external_id="H1", summary="Bij een huisbezoek bleek meneer K. hennep te kweken op zolder.")
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        "\n".join(
            json.dumps(q)
            for q in [
                {"id": "q1", "text": "giften ouders", "kind": "short", "relevant": {"G1": 2}},
                {"id": "q2", "text": "hennep zolder", "kind": "keyword", "relevant": {"H1": 2, "G1": 1}},
            ]
        ),
        encoding="utf-8",
    )
    rankings = tmp_path / "r.jsonl"
    out = io.StringIO()

    call_command(
        "evaluate_search",
        str(queries),
        mode="fts",
        k=10,
        rankings=str(rankings),
        stdout=out,
        stderr=io.StringIO(),
    )

    text = out.getvalue()
    # q1 finds its one relevant casus; q2 finds H1 (grade 2) but not G1 (grade 1, no shared words):
    # recall 1/2, nDCG = 3 / (3 + 1/log2(3)) = 0.826, MRR 1.
    assert "| short | 1 | 1.000 | 1.000 | 1.000 | 1.000 |" in text
    assert "| keyword | 1 | 0.500 | 0.500 | 0.826 | 1.000 |" in text
    assert "| alle | 2 | 0.750 | 0.750 | 0.913 | 1.000 |" in text
    schema = json.loads((settings.SCHEMA_DIR / "rankings-v1.schema.json").read_text())
    rows = [json.loads(line) for line in rankings.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["q1", "q2"]
    assert rows[0]["results"][0] == "G1" and rows[1]["results"][0] == "H1"
    assert all(not list(Draft202012Validator(schema).iter_errors(r)) for r in rows)


@pytest.mark.django_db
def test_evaluate_search_rejects_an_invalid_queries_file(tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text(json.dumps({"id": "q1", "text": "x", "relevant": {}}) + "\n", encoding="utf-8")
    err = io.StringIO()

    with pytest.raises(CommandError, match="ongeldig"):
        call_command("evaluate_search", str(queries), mode="fts", stderr=err)

    assert "regel 1: relevant: mag niet leeg zijn" in err.getvalue()
