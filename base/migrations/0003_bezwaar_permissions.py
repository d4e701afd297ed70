"""Gives Jurist and Beheerder the bezwaar and MKBA permissions (roles.py), idempotently.

This was ``accounts.0002_bezwaar_permissions``.
"""

from django.db import migrations

from base.setup import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    replaces = [("accounts", "0002_bezwaar_permissions")]

    dependencies = [("base", "0002_roles_and_site"), ("casuistry", "0006_bezwaargronden")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
