"""Creates `/leerpaden/` and grants the page and model permissions of roles.py for leerpaden (idempotent).

At this point of the history the leerpaden models still belonged to intervisie (see leerpaden.0001).
"""

from django.db import migrations

from base.setup import ensure_roles
from kennisbank.sections import ensure_section_page
from leerpaden.apps import LEERPADEN_SECTION


def create_index(apps, schema_editor):
    ensure_section_page(apps, LEERPADEN_SECTION, model_label="intervisie.LeerpadIndexPage")
    ensure_roles(apps)  # page permissions on /leerpaden/


class Migration(migrations.Migration):
    dependencies = [
        ("intervisie", "0003_leerpaden"),
        ("base", "0003_bezwaar_permissions"),
    ]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
