"""An existing database knows the home page as content type ``home.homepage``: rename it to ``base``.

Pages, revisions and log entries point at the content type's id, so they follow. A fresh database
created ``base.homepage`` in 0002 and has nothing to rename.
"""

from django.db import migrations


def rename(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="base", model="homepage").exists():
        ContentType.objects.filter(app_label="home", model="homepage").update(app_label="base")


def rename_back(apps, schema_editor):
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="base", model="homepage").update(
        app_label="home"
    )


class Migration(migrations.Migration):
    dependencies = [("base", "0003_bezwaar_permissions"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(rename, rename_back)]
