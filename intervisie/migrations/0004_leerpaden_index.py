"""Creates `/leerpaden/` and grants the page and model permissions of roles.py for leerpaden (idempotent)."""

from django.db import migrations


def create_index(apps, schema_editor):
    from intervisie.services.leerpaden import ensure_leerpaden_index

    from kennisbank.accounts.setup import ensure_roles

    ensure_leerpaden_index(apps, grant_permissions=False)
    ensure_roles(apps)  # page permissions on /leerpaden/ and the trainer's view_leerpadvoortgang


class Migration(migrations.Migration):
    dependencies = [
        ("intervisie", "0003_leerpaden"),
        ("accounts", "0002_bezwaar_permissions"),
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
