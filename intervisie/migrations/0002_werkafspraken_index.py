"""Creates `/werkafspraken/` and grants the page permissions of roles.PAGE_PERMISSIONS on it."""

from django.db import migrations

from base.setup import ensure_roles
from intervisie.apps import WERKAFSPRAKEN_SECTION
from kennisbank.sections import ensure_section_page


def create_index(apps, schema_editor):
    ensure_section_page(apps, WERKAFSPRAKEN_SECTION)
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("intervisie", "0001_initial"),
        ("base", "0002_roles_and_site"),
    ]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
