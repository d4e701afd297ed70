"""Keep the role table in force: a section page created at run time gets its page permissions."""

from django.apps import apps
from django.db.models.signals import post_save

from base.setup import ensure_roles, site_sections


def _grant_on_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_roles(apps)


def connect() -> None:
    for section in site_sections():
        post_save.connect(_grant_on_new_section, sender=section.model_label, dispatch_uid=f"section:{section.slug}")
