"""Creates the site structure (home, /casus/, /kennis/) and the six roles with their permissions.

Both belong in a migration because production needs them as much as the demo does. This was
``accounts.0001_roles_and_site`` before the app ``accounts`` became part of ``base``.
"""

from django.db import migrations

from articles.apps import KENNIS_SECTION
from base.roles import ALL_ROLES
from base.setup import ensure_roles, ensure_site_structure
from casuistry.apps import CASUS_SECTION


def create_site(apps, schema_editor):
    ensure_site_structure(apps, sections=[CASUS_SECTION, KENNIS_SECTION])


def create_roles(apps, schema_editor):
    ensure_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ALL_ROLES).delete()


class Migration(migrations.Migration):
    replaces = [("accounts", "0001_roles_and_site")]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("base", "0001_initial"),
        ("articles", "0002_initial"),
        ("glossary", "0001_initial"),
        ("casuistry", "0002_extensions"),
    ]

    operations = [
        migrations.RunPython(create_site, migrations.RunPython.noop),
        migrations.RunPython(create_roles, remove_roles),
    ]
