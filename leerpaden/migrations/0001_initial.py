"""The leerpaden models move here from intervisie; their tables and rows stay where they are.

State only: the tables were created by intervisie.0003 (named intervisie_*); 0002 renames them.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0002_initial"),
        ("casuistry", "0006_bezwaargronden"),
        ("intervisie", "0004_leerpaden_index"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LeerpadIndexPage",
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
                    ],
                    options={
                        "db_table": "intervisie_leerpadindexpage",
                        "verbose_name": "leerpadenoverzicht",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="LeerpadPage",
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
                        (
                            "intro",
                            models.TextField(
                                help_text="Voor wie is dit leerpad en wat leert men?", max_length=1000, verbose_name="inleiding"
                            ),
                        ),
                        (
                            "doelgroep",
                            models.CharField(
                                blank=True,
                                help_text="Bijvoorbeeld: nieuwe klantmanagers en handhavers.",
                                max_length=200,
                                verbose_name="doelgroep",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intervisie_leerpadpage",
                        "verbose_name": "leerpad",
                        "verbose_name_plural": "leerpaden",
                    },
                    bases=("wagtailcore.page",),
                ),
                migrations.CreateModel(
                    name="LeerpadStap",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "soort",
                            models.CharField(
                                choices=[
                                    ("lezen", "Kennisartikel lezen"),
                                    ("casus", "Casus bestuderen"),
                                    ("reflectie", "Reflectievraag beantwoorden"),
                                    ("oefenen", "Oefenen: wat zou jij besluiten?"),
                                ],
                                max_length=16,
                                verbose_name="soort stap",
                            ),
                        ),
                        ("titel", models.CharField(max_length=200, verbose_name="titel")),
                        (
                            "uitleg",
                            models.TextField(
                                blank=True, help_text="Waar let de deelnemer op bij deze stap?", verbose_name="uitleg"
                            ),
                        ),
                        (
                            "vraag",
                            models.TextField(
                                blank=True, help_text="Bij 'Reflectievraag beantwoorden'.", verbose_name="reflectievraag"
                            ),
                        ),
                        ("minuten", models.PositiveSmallIntegerField(default=10, verbose_name="geschatte tijd (minuten)")),
                        (
                            "artikel",
                            models.ForeignKey(
                                blank=True,
                                help_text="Bij 'Kennisartikel lezen'.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="articles.kennisartikelpage",
                                verbose_name="kennisartikel",
                            ),
                        ),
                        (
                            "casus",
                            models.ForeignKey(
                                blank=True,
                                help_text="Bij 'Casus bestuderen' en 'Oefenen'. Bij oefenen blijft de uitkomst verborgen tot het antwoord.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="casuistry.casuspage",
                                verbose_name="casus",
                            ),
                        ),
                        (
                            "leerpad",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="stappen", to="leerpaden.leerpadpage"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intervisie_leerpadstap",
                        "verbose_name": "stap",
                        "verbose_name_plural": "stappen",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="LeerpadVoortgang",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("started_at", models.DateTimeField(auto_now_add=True, verbose_name="gestart op")),
                        ("completed_at", models.DateTimeField(blank=True, null=True, verbose_name="afgerond op")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="laatst actief")),
                        (
                            "laatste_stap",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="leerpaden.leerpadstap",
                            ),
                        ),
                        (
                            "leerpad",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="voortgang",
                                to="leerpaden.leerpadpage",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="leerpad_voortgang",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intervisie_leerpadvoortgang",
                        "verbose_name": "voortgang op een leerpad",
                        "verbose_name_plural": "voortgang op leerpaden",
                        "constraints": [
                            models.UniqueConstraint(fields=("user", "leerpad"), name="leerpad_one_progress_per_user")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="StapVoortgang",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("started_at", models.DateTimeField(auto_now_add=True, verbose_name="geopend op")),
                        ("completed_at", models.DateTimeField(blank=True, null=True, verbose_name="afgerond op")),
                        (
                            "antwoord",
                            models.TextField(blank=True, verbose_name="antwoord op de reflectievraag (geanonimiseerd)"),
                        ),
                        (
                            "bewustheid",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("bewust", "Bewust: wist wat er verwacht werd en deed het toch niet"),
                                    ("onbewust", "Onbewust: wist het niet of kon het niet overzien"),
                                    ("onduidelijk", "Niet vast te stellen met deze gegevens"),
                                ],
                                max_length=16,
                                verbose_name="bewust of onbewust",
                            ),
                        ),
                        (
                            "verwijtbaarheid",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("volledig", "Volledig verwijtbaar"),
                                    ("verminderd", "Verminderd verwijtbaar"),
                                    ("geen", "Niet verwijtbaar"),
                                    ("nvt", "Niet van toepassing"),
                                ],
                                max_length=16,
                                verbose_name="verwijtbaarheid",
                            ),
                        ),
                        (
                            "context_weging",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("zwaar", "Zwaar: gezien de omstandigheden mocht er weinig verwacht worden"),
                                    ("enigszins", "Enigszins: de omstandigheden verzachten, maar verklaren niet alles"),
                                    ("niet", "Niet: de omstandigheden veranderen de afweging niet"),
                                ],
                                max_length=16,
                                verbose_name="context en perspectief",
                            ),
                        ),
                        (
                            "impact_weging",
                            models.CharField(
                                blank=True,
                                choices=[
                                    (
                                        "sanctie schaadt",
                                        "Een sanctie schaadt meer dan zij oplevert (schulden, woning, gezondheid)",
                                    ),
                                    ("in balans", "Een sanctie en haar gevolgen zijn in balans"),
                                    ("niets doen schaadt", "Niets doen schaadt meer (rechtmatigheid, draagvlak, herhaling)"),
                                ],
                                max_length=24,
                                verbose_name="maatschappelijke impact",
                            ),
                        ),
                        (
                            "uitkomst",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("geen sanctie", "Geen sanctie"),
                                    ("waarschuwing", "Waarschuwing"),
                                    ("boete", "Boete"),
                                    ("maatregel", "Maatregel"),
                                    ("terugvordering", "Terugvordering"),
                                    ("terugvordering en boete", "Terugvordering en boete"),
                                    ("afzien van terugvordering", "Afzien van terugvordering"),
                                    ("maatwerk via omgekeerde toets", "Maatwerk via omgekeerde toets"),
                                    ("aangifte", "Aangifte"),
                                ],
                                max_length=40,
                                verbose_name="uitkomst",
                            ),
                        ),
                        ("toelichting", models.TextField(blank=True, verbose_name="toelichting (geanonimiseerd)")),
                        (
                            "stap",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="voortgang",
                                to="leerpaden.leerpadstap",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="leerpad_stappen",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intervisie_stapvoortgang",
                        "verbose_name": "voortgang op een stap",
                        "verbose_name_plural": "voortgang op stappen",
                        "constraints": [models.UniqueConstraint(fields=("user", "stap"), name="leerpad_one_progress_per_step")],
                    },
                ),
            ],
        ),
    ]
