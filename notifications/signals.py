"""On publish: notify the followers of the page's thema (after the commit, so a rollback notifies nobody)."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from .services import notify_followers


@receiver(page_published)
def notify_on_publish(sender, instance, **kwargs):
    if getattr(instance, "thema_id", None) is None:
        return
    transaction.on_commit(lambda: notify_followers(instance))
