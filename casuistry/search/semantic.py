"""The semantic side: the query embedding (in a worker thread) against the casus vectors (pgvector HNSW)."""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from django.core.cache import cache
from django.db import connection
from django.db.models import Max, Min, QuerySet

from casuistry import embeddings
from casuistry.models import Aspect, CasusEmbedding

from .keyword import CANDIDATES

logger = logging.getLogger(__name__)

MIN_SIMILARITY = 0.80  # below this a semantic-only candidate is not shown
HNSW_EF_SEARCH = 120
IDENTITY_SECONDS = 60
IDENTITY_KEY = "casus-search:model-identities"

NOTICE_MODEL_DOWN = "Zoeken op betekenis is nu niet beschikbaar; de resultaten zijn alleen op trefwoorden gevonden."
NOTICE_MODEL_CHANGED = (
    "Het zoekmodel is gewijzigd en de casus zijn nog niet opnieuw geïndexeerd "
    "(beheer: manage.py reindex_casus); de resultaten zijn alleen op trefwoorden gevonden."
)


def tune_session() -> None:
    """Planner settings for this search's transaction only.

    Iterative HNSW scans keep going until enough rows pass the filter (pgvector >= 0.8). No
    parallel workers: a search's queries take milliseconds, and on a small server the cores are
    better spent on the query embedding that runs alongside (measured, docs/performance.md).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL hnsw.iterative_scan = relaxed_order; "
            f"SET LOCAL hnsw.ef_search = {int(HNSW_EF_SEARCH)}; "
            "SET LOCAL max_parallel_workers_per_gather = 0"
        )


def stored_model_identities() -> set[str]:
    """The lowest and highest model identity of the stored vectors (one element: all the same); cached briefly.

    Two index lookups (casus_embedding_model), where DISTINCT would read every vector row.
    """
    cached = cache.get(IDENTITY_KEY)
    if cached is None:
        bounds = CasusEmbedding.objects.aggregate(low=Min("model_identity"), high=Max("model_identity"))
        cached = sorted({value for value in bounds.values() if value is not None})
        cache.set(IDENTITY_KEY, cached, IDENTITY_SECONDS)
    return set(cached)


def forget_model_identities() -> None:
    cache.delete(IDENTITY_KEY)


_embedder: dict[str, object] = {"pid": None, "pool": None}
_embedder_lock = threading.Lock()


def _embedding_thread() -> ThreadPoolExecutor:
    """One worker thread per process (a forked worker gets its own: threads do not survive a fork)."""
    with _embedder_lock:
        if _embedder["pid"] != os.getpid():
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="query-embedding")
            _embedder.update(pid=os.getpid(), pool=pool)
        return _embedder["pool"]


def start_query_vector(text: str) -> tuple[Future | None, str]:
    """Start embedding the query in a worker thread (the engine releases the GIL), or say why not."""
    stored = stored_model_identities()
    if not stored:
        return None, ""  # nothing indexed yet: keyword search is all there is
    try:
        identity = embeddings.model_identity()
    except embeddings.EmbeddingUnavailable:
        return None, _model_down()
    if stored != {identity}:
        logger.warning("Zoekmodel gewijzigd; vectoren van een ander model. Voer reindex_casus uit.")
        return None, NOTICE_MODEL_CHANGED
    return _embedding_thread().submit(embeddings.embed_query, text), ""


def vector_of(pending: Future) -> tuple[list[float] | None, str]:
    try:
        return pending.result(), ""
    except embeddings.EmbeddingUnavailable:
        return None, _model_down()


def _model_down() -> str:
    logger.warning("Zoekmodel niet beschikbaar; terugval op zoeken op trefwoorden.")
    return NOTICE_MODEL_DOWN


def semantic_candidates(vector, allowed: QuerySet, limit: int = CANDIDATES) -> dict[int, float]:
    """Cosine similarity to the situation vectors, best first. Filters apply inside the index scan."""
    # Without order_by() Wagtail's default ORDER BY path ends up inside IN (...), which stops
    # PostgreSQL from using the HNSW index (measured at 100k casus: 630 ms instead of 33 ms).
    allowed_sql, allowed_params = allowed.order_by().values("pk").query.sql_with_params()
    literal = vector_literal(vector)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT casus_id, 1 - (embedding <=> %s::vector) FROM casuistry_casusembedding "
            f"WHERE aspect = %s AND casus_id IN ({allowed_sql}) "
            "ORDER BY embedding <=> %s::vector LIMIT %s",
            [literal, Aspect.SITUATIE, *allowed_params, literal, limit],
        )
        # relaxed_order can return rows slightly out of order; the ranking must not depend on it.
        return dict(sorted(cursor.fetchall(), key=lambda row: -row[1]))


def vector_literal(vector) -> str:
    return "[" + ",".join(f"{float(x):.7g}" for x in vector) + "]"


def stored_vector(casus) -> list[float] | None:
    stored = CasusEmbedding.objects.filter(casus=casus, aspect=Aspect.SITUATIE).values_list("embedding", flat=True)
    vector = next(iter(stored), None)
    return None if vector is None else list(vector)
