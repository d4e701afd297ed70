"""Creates `/werkafspraken/` and grants the page permissions of roles.PAGE_PERMISSIONS on it."""

from django.db import migrations

from intervisie.setup import ensure_werkafspraken_index


def create_index(apps, schema_editor):
    ensure_werkafspraken_index(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("intervisie", "0001_initial"),
        ("accounts", "0001_roles_and_site"),
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
