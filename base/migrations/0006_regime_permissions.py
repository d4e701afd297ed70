"""Gives Redacteur and Beheerder the permissions to curate the legal regimes (roles.py)."""

from django.db import migrations

from base.setup import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0005_accounts_permissions"),
        ("casuistry", "0011_sharing_and_regime"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
