"""Background tasks (django-tasks). In production a `db_worker` runs them; in dev they run inline."""

import logging

from django_tasks import task

from casuistry.embeddings import EmbeddingUnavailable
from casuistry.models import CasusPage
from casuistry.services.indexing import embed_casus

logger = logging.getLogger(__name__)


@task(backend="embeddings", queue_name="embeddings")
def embed_casus_task(casus_ids: list[int]) -> int:
    """Embed published casus; a casus unpublished in the meantime is skipped."""
    casus = list(CasusPage.objects.live().filter(pk__in=casus_ids))
    try:
        return embed_casus(casus)
    except EmbeddingUnavailable:
        # Never log case text; the ids are enough to find the casus again.
        logger.warning("Zoekmodel niet beschikbaar: %d casus wachten op reindex_casus.", len(casus))
        return 0
