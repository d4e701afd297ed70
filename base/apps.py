from django.apps import AppConfig


class BaseConfig(AppConfig):
    """Site structure (home page, sections), roles, global search and the demo. No app imports base."""

    name = "base"
    label = "base"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from base import signals  # the section apps must be loaded first

        signals.connect()
