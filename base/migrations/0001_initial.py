"""HomePage moved here from the app ``home`` (kennisbank/home). Its table keeps the old name.

``replaces`` makes Django treat this migration as applied wherever ``home.0001_initial`` was, and
remaps every dependency on it; a fresh database creates the table here.
"""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    replaces = [("home", "0001_initial")]

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="HomePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="inleiding")),
                ("recent_count", models.PositiveSmallIntegerField(default=6, verbose_name="aantal recente casus")),
            ],
            options={"verbose_name": "startpagina", "db_table": "home_homepage"},
            bases=("wagtailcore.page",),
        ),
    ]
