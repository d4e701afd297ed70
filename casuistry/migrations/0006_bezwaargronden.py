from django.db import migrations

GRONDEN = [
    ("motiveringsgebrek", "Het besluit legt onvoldoende uit waarom tot deze uitkomst is gekomen."),
    ("verwijtbaarheid onvoldoende onderzocht", "Niet vastgesteld of de persoon wist of kon weten wat werd verwacht."),
    ("omstandigheden onvoldoende gewogen", "Persoonlijke omstandigheden of doenvermogen zijn niet meegewogen."),
    ("hoogte boete of maatregel onevenredig", "De sanctie staat niet in verhouding tot de ernst en de situatie."),
    ("procedurefout", "Een vormvoorschrift is geschonden, bijvoorbeeld geen hoorzitting of te late beslissing."),
    ("nieuwe feiten", "In bezwaar of beroep kwamen feiten naar voren die eerder niet bekend waren."),
    ("onjuiste vaststelling van de feiten", "De feiten waarop het besluit rust, zijn niet juist of niet bewezen."),
    ("terugvordering of benadelingsbedrag onjuist berekend", "De berekening van het bedrag klopt niet."),
]


def seed(apps, schema_editor):
    BezwaarGrond = apps.get_model("casuistry", "BezwaarGrond")
    for name, description in GRONDEN:
        BezwaarGrond.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [("casuistry", "0005_bezwaar_en_mkba")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
