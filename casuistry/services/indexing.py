"""Writes for semantic search: embedding published casus and removing them from suggestions.

One vector per casus, of its situation (title + samenvatting): what a consulent's query or draft
describes. It is stored with the model identity and a hash of its text, so a changed casus or a
changed model is recognised as stale.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable

from django.db import transaction

from casuistry import embeddings
from casuistry.models import Aspect, CasusEmbedding, CasusPage
from casuistry.neutral import neutral_text

logger = logging.getLogger(__name__)


def aspect_texts(casus: CasusPage) -> dict[str, str]:
    """What is embedded: the situation, without words about who the person is (casuistry.neutral)."""
    return {Aspect.SITUATIE: neutral_text(f"{casus.title}. {casus.samenvatting}").text}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed_casus(casus_list: Iterable[CasusPage], *, batch_size: int = 16) -> int:
    """Embed every aspect of the given casus whose stored vector is missing or stale.

    Returns the number of vectors written. Raises EmbeddingUnavailable when the model can't load.
    """
    identity = embeddings.model_identity()
    wanted: list[tuple[CasusPage, str, str, str]] = []
    casus_list = list(casus_list)
    stored = {
        (e.casus_id, e.aspect): (e.content_hash, e.model_identity)
        for e in CasusEmbedding.objects.filter(casus__in=casus_list).only(
            "casus_id", "aspect", "content_hash", "model_identity"
        )
    }
    for casus in casus_list:
        for aspect, text in aspect_texts(casus).items():
            digest = content_hash(text)
            if stored.get((casus.pk, aspect)) != (digest, identity):
                wanted.append((casus, aspect, text, digest))
    written = 0
    for start in range(0, len(wanted), batch_size):
        chunk = wanted[start : start + batch_size]
        vectors = embeddings.embed_passages([text for _, _, text, _ in chunk], batch_size=batch_size)
        with transaction.atomic():
            for (casus, aspect, _, digest), vector in zip(chunk, vectors, strict=True):
                CasusEmbedding.objects.update_or_create(
                    casus=casus,
                    aspect=aspect,
                    defaults={"embedding": vector, "model_identity": identity, "content_hash": digest},
                )
                written += 1
    return written


def remove_casus(casus_id: int) -> int:
    """Take a casus out of the suggestions (unpublish)."""
    deleted, _ = CasusEmbedding.objects.filter(casus_id=casus_id).delete()
    return deleted


def stale_casus(identity: str) -> list[int]:
    """Ids of published casus with a missing or stale vector, oldest first (so a rerun resumes)."""
    stored: dict[int, dict[str, tuple[str, str]]] = {}
    for casus_id, aspect, digest, model in CasusEmbedding.objects.values_list(
        "casus_id", "aspect", "content_hash", "model_identity"
    ):
        stored.setdefault(casus_id, {})[aspect] = (digest, model)
    stale = []
    for casus in CasusPage.objects.live().order_by("pk").only("pk", "title", "samenvatting"):
        have = stored.get(casus.pk, {})
        for aspect, text in aspect_texts(casus).items():
            if have.get(aspect) != (content_hash(text), identity):
                stale.append(casus.pk)
                break
    return stale


def purge_unpublished() -> int:
    deleted, _ = CasusEmbedding.objects.exclude(casus__live=True).delete()
    return deleted
