"""Finish the move from intervisie: content types (pages, permissions and log entries follow their id)
and table names."""

from django.db import migrations

MODELS = ("leerpadindexpage", "leerpadpage", "leerpadstap", "leerpadvoortgang", "stapvoortgang")


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label="leerpaden", model=model).exists():
            ContentType.objects.filter(app_label="intervisie", model=model).update(app_label="leerpaden")


def move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="leerpaden", model__in=MODELS).update(app_label="intervisie")


class Migration(migrations.Migration):
    dependencies = [
        ("leerpaden", "0001_initial"),
        ("intervisie", "0005_leerpaden_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(move_content_types, move_back),
        migrations.AlterModelTable(name="leerpadindexpage", table=None),
        migrations.AlterModelTable(name="leerpadpage", table=None),
        migrations.AlterModelTable(name="leerpadstap", table=None),
        migrations.AlterModelTable(name="leerpadvoortgang", table=None),
        migrations.AlterModelTable(name="stapvoortgang", table=None),
    ]
