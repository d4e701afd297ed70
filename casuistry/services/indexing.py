"""Writes for semantic search: embedding published casus and removing them from suggestions.

One vector per casus: its situation (title + samenvatting), what a consulent's query or draft
describes, plus half the vector of its reasoning (drietrapstoets, omgekeerde toets, leerpunt),
which says the same situation in other words (nDCG@10 +0.04 on the independent dev split, +0.004
on ours; docs/search.md). It is stored with the model identity and a hash of both texts, so a
changed casus or a changed model is recognised as stale.

Bulk indexing (``reindex``) is a pipeline: while the model embeds one batch in a worker thread (the
engine releases the GIL), this thread reads and neutralises the next texts and writes the previous
vectors with one upsert. Texts are embedded in batches of similar length (runtimes that pad a batch
do no work on padding), and a batch is committed as soon as it is written, so an interrupted run
keeps what it finished.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from django.utils import timezone

from casuistry import embeddings
from casuistry.models import Aspect, CasusEmbedding, CasusPage
from casuistry.neutral import neutral_text
from casuistry.text_fields import REASONING_FIELDS

logger = logging.getLogger(__name__)

# Casus read (and sorted by length) at a time; a batch of the model never spans two windows.
READ_WINDOW = 256
# Marks a vector that `reindex_casus --all` still has to redo (no sha256 is empty).
REDO_HASH = ""
# Weight of the reasoning vector beside the situation's: 0.25-1.0 is a plateau on both evaluation sets.
REASONING_WEIGHT = 0.5


@dataclass(frozen=True)
class _Casus:
    casus_id: int
    situation: str
    reasoning: str
    digest: str

    @property
    def texts(self) -> list[str]:
        return [self.situation, self.reasoning] if self.reasoning else [self.situation]


def situation_text(title: str, samenvatting: str) -> str:
    """The situation, without words about who the person is (casuistry.neutral)."""
    return neutral_text(f"{title}. {samenvatting}").text


def reasoning_text(values: dict[str, str | None]) -> str:
    return neutral_text(" ".join(v.strip() for f in REASONING_FIELDS if (v := values.get(f)) and v.strip())).text


def aspect_texts(casus: CasusPage) -> dict[str, str]:
    """What is embedded for a casus: its situation and its reasoning."""
    return {
        "situatie": situation_text(casus.title, casus.samenvatting),
        "afweging": reasoning_text({f: getattr(casus, f) for f in REASONING_FIELDS}),
    }


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _casus_of(casus_ids: Sequence[int]) -> list[_Casus]:
    """The texts to embed for these casus, read without building page objects."""
    rows = CasusPage.objects.filter(pk__in=casus_ids).values("pk", "title", "samenvatting", *REASONING_FIELDS)
    found = []
    for row in rows:
        situation, reasoning = situation_text(row["title"], row["samenvatting"]), reasoning_text(row)
        digest = content_hash(f"{situation}\n\n{reasoning}\n\nreasoning weight {REASONING_WEIGHT}")
        found.append(_Casus(row["pk"], situation, reasoning, digest))
    return found


def casus_vectors(casus: Sequence[_Casus], vectors: Sequence[Sequence[float]]) -> list[list[float]]:
    """Each casus' vector from its texts' vectors (in the order of ``_Casus.texts``), unit length."""
    combined, position = [], 0
    for item in casus:
        parts = np.asarray(vectors[position : position + len(item.texts)], dtype=np.float64)
        position += len(item.texts)
        vector = parts[0] + REASONING_WEIGHT * parts[1] if len(parts) > 1 else parts[0]
        combined.append((vector / np.linalg.norm(vector)).tolist())
    return combined


def _write(casus: Sequence[_Casus], vectors: Sequence[Sequence[float]], identity: str) -> int:
    now = timezone.now()
    rows = [
        CasusEmbedding(
            casus_id=item.casus_id,
            aspect=Aspect.SITUATIE,
            embedding=vector,
            model_identity=identity,
            content_hash=item.digest,
            updated_at=now,
        )
        for item, vector in zip(casus, vectors, strict=True)
    ]
    CasusEmbedding.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["casus", "aspect"],
        update_fields=["embedding", "model_identity", "content_hash", "updated_at"],
    )
    return len(rows)


def _batches(casus_ids: Sequence[int], batch_size: int) -> Iterable[list[_Casus]]:
    """Casus whose texts add up to about ``batch_size`` texts, of similar length."""
    for start in range(0, len(casus_ids), READ_WINDOW):
        window = sorted(_casus_of(casus_ids[start : start + READ_WINDOW]), key=lambda c: sum(map(len, c.texts)))
        batch: list[_Casus] = []
        for item in window:
            batch.append(item)
            if sum(len(c.texts) for c in batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch


def reindex(
    casus_ids: Sequence[int],
    *,
    batch_size: int = 32,
    threads: int | None = None,
    on_written: Callable[[int], None] | None = None,
) -> int:
    """Embed these casus (stale or not) and store their vectors; returns the number written.

    ``batch_size``: texts per model call; ``threads``: CPU threads for the model (a dedicated
    process passes all cores); ``on_written(casus)`` is called after each committed batch.
    Raises EmbeddingUnavailable when the model can't load; batches written before stay.
    """
    identity = embeddings.model_identity()
    written = 0

    def embed(batch: list[_Casus]) -> list[list[float]]:
        texts = [text for item in batch for text in item.texts]
        return casus_vectors(batch, embeddings.embed_passages(texts, batch_size=len(texts), threads=threads))

    def finish(batch: list[_Casus], future: Future) -> int:
        count = _write(batch, future.result(), identity)
        if on_written is not None:
            on_written(len(batch))
        return count

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="embed") as pool:
        pending: tuple[list[_Casus], Future] | None = None
        for batch in _batches(casus_ids, batch_size):
            future = pool.submit(embed, batch)
            if pending is not None:
                written += finish(*pending)
            pending = (batch, future)
        if pending is not None:
            written += finish(*pending)
    return written


def embed_casus(casus_list: Iterable[CasusPage], *, batch_size: int = 16) -> int:
    """Embed every aspect of the given casus whose stored vector is missing or stale.

    Returns the number of vectors written. Raises EmbeddingUnavailable when the model can't load.
    """
    ids = [casus.pk for casus in casus_list]
    identity = embeddings.model_identity()
    stale = set(_stale_among(ids, identity))
    return reindex([pk for pk in ids if pk in stale], batch_size=batch_size)


def _stored(casus_ids: Sequence[int] | None = None) -> dict[int, dict[str, tuple[str, str]]]:
    rows = CasusEmbedding.objects.all()
    if casus_ids is not None:
        rows = rows.filter(casus_id__in=casus_ids)
    stored: dict[int, dict[str, tuple[str, str]]] = {}
    for casus_id, aspect, digest, model in rows.values_list("casus_id", "aspect", "content_hash", "model_identity"):
        stored.setdefault(casus_id, {})[aspect] = (digest, model)
    return stored


def _stale_among(casus_ids: Sequence[int], identity: str) -> list[int]:
    stored = _stored(casus_ids)
    return [
        item.casus_id
        for item in _casus_of(casus_ids)
        if stored.get(item.casus_id, {}).get(Aspect.SITUATIE) != (item.digest, identity)
    ]


def stale_casus(identity: str) -> list[int]:
    """Ids of published casus with a missing or stale vector, in id order (so a rerun resumes)."""
    ids = list(CasusPage.objects.live().order_by("pk").values_list("pk", flat=True))
    stale: list[int] = []
    for start in range(0, len(ids), READ_WINDOW):
        stale.extend(_stale_among(ids[start : start + READ_WINDOW], identity))
    return sorted(stale)


def mark_all_for_redo() -> int:
    """Mark every stored vector stale, so that embedding the stale casus redoes all of them.

    The vectors stay usable for search until they are replaced. Returns how many were marked.
    """
    return CasusEmbedding.objects.exclude(content_hash=REDO_HASH).update(content_hash=REDO_HASH)


def redo_pending() -> int:
    """Vectors marked by ``mark_all_for_redo`` and not yet redone (an interrupted ``--all``)."""
    return CasusEmbedding.objects.filter(content_hash=REDO_HASH, casus__live=True).count()


def remove_casus(casus_id: int) -> int:
    """Take a casus out of the suggestions (unpublish)."""
    deleted, _ = CasusEmbedding.objects.filter(casus_id=casus_id).delete()
    return deleted


def purge_unpublished() -> int:
    deleted, _ = CasusEmbedding.objects.exclude(casus__live=True).delete()
    return deleted
