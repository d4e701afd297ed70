from django.apps import AppConfig

from kennisbank.sections import Section

KENNIS_SECTION = Section(
    "articles.KennisIndexPage", "kennis", "Kennis", "<p>Achtergrond bij de werkwijze van sociaal handhaven.</p>"
)


class ArticlesConfig(AppConfig):
    verbose_name = "Kennisartikelen"
    name = "articles"
    label = "articles"
    default_auto_field = "django.db.models.BigAutoField"
    section = KENNIS_SECTION
