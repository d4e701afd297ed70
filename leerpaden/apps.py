from django.apps import AppConfig

from kennisbank.sections import Section

LEERPADEN_SECTION = Section(
    "leerpaden.LeerpadIndexPage",
    "leerpaden",
    "Leerpaden",
    "<p>Leer stap voor stap hoe wij sociaal handhaven: de cirkel van naleving, de drietrapstoets en de "
    "omgekeerde toets. Oefen op echte (geanonimiseerde) casus en zie hoe het team besliste, "
    "voordat u zelf casus beoordeelt.</p>",
)


class LeerpadenConfig(AppConfig):
    name = "leerpaden"
    verbose_name = "Leerpaden"
    default_auto_field = "django.db.models.BigAutoField"
    section = LEERPADEN_SECTION
