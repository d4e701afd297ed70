from django.apps import AppConfig

from kennisbank.sections import Section

CASUS_SECTION = Section(
    "casuistry.CasusIndexPage", "casus", "Casus", "<p>Geanonimiseerde casus met hun afweging en uitkomst.</p>"
)


class CasuistryConfig(AppConfig):
    name = "casuistry"
    verbose_name = "Casuïstiek"
    default_auto_field = "django.db.models.BigAutoField"
    section = CASUS_SECTION

    def ready(self):
        from . import signals  # noqa: F401  (receivers; they import the models)
