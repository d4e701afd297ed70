"""Creates the site structure (home, /casus/, /kennis/) and the six roles with their permissions.

Both belong in a migration because production needs them as much as the demo does.
"""

from django.db import migrations

from kennisbank.accounts.roles import ALL_ROLES
from kennisbank.accounts.setup import ensure_roles, ensure_site_structure


def create_site(apps, schema_editor):
    ensure_site_structure(apps)


def create_roles(apps, schema_editor):
    ensure_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ALL_ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0001_initial"),
        ("articles", "0002_initial"),
        ("glossary", "0001_initial"),
        ("casuistry", "0002_extensions"),
    ]

    operations = [
        migrations.RunPython(create_site, migrations.RunPython.noop),
        migrations.RunPython(create_roles, remove_roles),
    ]
