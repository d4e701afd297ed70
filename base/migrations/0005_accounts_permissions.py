"""Gives Beheerder the permissions for single sign-on configuration and lifting lockouts (roles.py)."""

from django.db import migrations

from base.setup import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0004_homepage_content_type"),
        ("axes", "0010_accessattemptexpiration"),
        ("mozilla_django_oidc_db", "0008_delete_openidconnectconfig"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
