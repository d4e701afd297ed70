from django.apps import AppConfig


class CasuistryConfig(AppConfig):
    name = "casuistry"
    verbose_name = "Casuïstiek"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
