from django.apps import AppConfig

from kennisbank.sections import Section

WERKAFSPRAKEN_SECTION = Section(
    "intervisie.WerkafsprakenIndexPage",
    "werkafspraken",
    "Werkafspraken",
    "<p>Afspraken die collega's in intervisie en leerdialogen maakten over hoe wij afwegen. "
    "Een redacteur publiceert ze; zo groeit het afwegingskader uit de praktijk.</p>",
)


class IntervisieConfig(AppConfig):
    name = "intervisie"
    verbose_name = "Intervisie"
    default_auto_field = "django.db.models.BigAutoField"
    section = WERKAFSPRAKEN_SECTION
