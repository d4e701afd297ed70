"""Gives Jurist and Beheerder the bezwaar and MKBA permissions (roles.py), idempotently."""

from django.db import migrations

from kennisbank.accounts.setup import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_roles_and_site"), ("casuistry", "0006_bezwaargronden")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
