"""Seeds the base glossary. Its synonyms are the search thesaurus, which a fresh installation needs.

Existing terms are left alone, so redacteuren's edits survive; load_demo refreshes them in demos.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "begrippen.json"


def seed(apps, schema_editor):
    Begrip = apps.get_model("glossary", "Begrip")
    for item in json.loads(GLOSSARY.read_text(encoding="utf-8")):
        Begrip.objects.get_or_create(
            term=item["term"],
            defaults={
                "slug": slugify(item["term"])[:120],
                "definition": item["definition"],
                "synonyms": [s.strip() for s in item.get("synonyms", []) if s.strip()],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("glossary", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
