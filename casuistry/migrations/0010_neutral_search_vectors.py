"""Re-index the keyword search of casus whose text says who a person is (casuistry.neutral).

Only such casus change; every other search vector stays as it was. Their vectors for semantic
search follow with `manage.py reindex_casus` (their situation text, and so its hash, changed).
"""

from django.db import migrations

from casuistry.neutral import neutral_text
from casuistry.search_vector import casus_search_vector
from casuistry.text_fields import TEXT_FIELD_NAMES


def reindex_neutral(apps, schema_editor):
    CasusPage = apps.get_model("casuistry", "CasusPage")
    CasusTag = apps.get_model("casuistry", "CasusTag")
    for casus in CasusPage.objects.select_related("thema").only(*TEXT_FIELD_NAMES, "thema__name").iterator():
        values = {name: getattr(casus, name) or "" for name in TEXT_FIELD_NAMES}
        tags = " ".join(sorted(CasusTag.objects.filter(content_object_id=casus.pk).values_list("tag__name", flat=True)))
        thema = casus.thema.name if casus.thema_id else ""
        if all(neutral_text(text).text == text for text in [*values.values(), thema, tags]):
            continue
        vector = casus_search_vector(values, thema=thema, tags=tags)
        CasusPage.objects.filter(pk=casus.pk).update(search_vector=vector)


class Migration(migrations.Migration):
    dependencies = [("casuistry", "0009_casus_newest_first_index")]

    operations = [migrations.RunPython(reindex_neutral, migrations.RunPython.noop, elidable=True)]
