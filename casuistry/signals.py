"""Keep the semantic index in step with publishing (connected in CasuistryConfig.ready)."""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from casuistry.models import CasusPage
from casuistry.services.bezwaar import sync_casus_bezwaar
from casuistry.services.indexing import remove_casus
from casuistry.tasks import embed_casus_task

_deferred = threading.local()


@contextmanager
def deferred_indexing():
    """Collect published casus and embed them in one batch after the transaction commits.

    Bulk writes (import, demo) use this so that 160 casus are one batched task, not 160.
    """
    outer = getattr(_deferred, "ids", None)
    if outer is not None:
        yield
        return
    _deferred.ids = []
    try:
        yield
        ids = list(dict.fromkeys(_deferred.ids))
    finally:
        _deferred.ids = None
    if ids:
        transaction.on_commit(lambda: _enqueue(ids))


def _enqueue(ids: list[int]) -> None:
    embed_casus_task.enqueue(ids)


@receiver(page_published)
def embed_published_casus(sender, instance, **kwargs):
    if not isinstance(instance, CasusPage):
        return
    _sync_bezwaar(instance.pk)  # a published revision may carry an older bezwaar value
    pending = getattr(_deferred, "ids", None)
    if pending is not None:
        pending.append(instance.pk)
    else:
        transaction.on_commit(lambda: _enqueue([instance.pk]))


@receiver(page_unpublished)
def remove_unpublished_casus(sender, instance, **kwargs):
    if isinstance(instance, CasusPage):
        remove_casus(instance.pk)


def _sync_bezwaar(casus_id: int) -> None:
    sync_casus_bezwaar(casus_id)


@receiver(post_save, sender="casuistry.BezwaarRecord")
@receiver(post_delete, sender="casuistry.BezwaarRecord")
def bezwaar_record_changed(sender, instance, **kwargs):
    _sync_bezwaar(instance.casus_id)
