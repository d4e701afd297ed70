"""Bezwaar and beroep outcomes recorded by legal staff, and the MKBA of a casus.

A casus' interchange field `bezwaar` (CasusPage.bezwaar) is the outcome of its latest recorded
stage; the records hold the detail (stages, grounds, ECLI, leerpunt).
"""

from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from casuistry.choices import Bezwaar
from casuistry.models.pages import PERIODE_PATTERN
from casuistry.services.anonymisation.admin_forms import GatedAdminModelForm

ECLI_PATTERN = r"^ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:[0-9]{4}:[A-Z0-9.]{1,25}$"


class Stage(models.TextChoices):
    BEZWAAR = "bezwaar", "Bezwaar"
    BEROEP = "beroep", "Beroep (rechtbank)"
    HOGER_BEROEP = "hoger beroep", "Hoger beroep (CRvB)"


STAGE_ORDER = {Stage.BEZWAAR: 1, Stage.BEROEP: 2, Stage.HOGER_BEROEP: 3}


class BezwaarGrond(models.Model):
    """A curated ground of a bezwaar or beroep (e.g. 'motiveringsgebrek')."""
    base_form_class = GatedAdminModelForm
    gated_fields = ("name", "description")

    name = models.CharField("grond", max_length=120, unique=True)
    description = models.TextField("toelichting", blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "bezwaargrond"
        verbose_name_plural = "bezwaargronden"

    def __str__(self):
        return self.name


class BezwaarRecord(index.Indexed, models.Model):
    base_form_class = GatedAdminModelForm
    gated_fields = ("leerpunt",)
    ungated_fields = {
        "ecli": "a published court ruling's public reference (validated pattern)",
        "periode": "a year or quarter (validated pattern)",
    }
    casus = models.ForeignKey("casuistry.CasusPage", on_delete=models.CASCADE, related_name="bezwaar_records")
    stage = models.CharField("fase", max_length=20, choices=Stage.choices, default=Stage.BEZWAAR)
    outcome = models.CharField(
        "uitkomst", max_length=20, choices=Bezwaar.choices, blank=True, help_text="Leeg zolang de zaak loopt."
    )
    grounds = models.ManyToManyField(BezwaarGrond, verbose_name="gronden", blank=True, related_name="records")
    ecli = models.CharField(
        "ECLI",
        max_length=64,
        blank=True,
        validators=[RegexValidator(ECLI_PATTERN, "Gebruik de vorm ECLI:NL:CRVB:2024:1234.")],
    )
    periode = models.CharField(
        "periode van de beslissing",
        max_length=7,
        blank=True,
        validators=[RegexValidator(PERIODE_PATTERN, "Gebruik een jaar (2025) of kwartaal (2025-Q3).")],
    )
    leerpunt = models.TextField("leerpunt", blank=True)
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="kennisartikel of werkafspraak",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("casus"),
        FieldRowPanel([FieldPanel("stage"), FieldPanel("outcome"), FieldPanel("periode")]),
        FieldPanel("grounds"),
        FieldPanel("ecli"),
        FieldPanel("leerpunt"),
        FieldPanel("related_page"),
    ]
    search_fields = [index.SearchField("leerpunt"), index.FilterField("outcome")]

    class Meta:
        ordering = ["casus_id", "created_at"]
        verbose_name = "bezwaar of beroep"
        verbose_name_plural = "bezwaar en beroep"

    def __str__(self):
        outcome = self.get_outcome_display() if self.outcome else "in behandeling"
        return f"{self.get_stage_display()} — {outcome}"

    @property
    def ecli_url(self) -> str:
        return f"https://uitspraken.rechtspraak.nl/details?id={self.ecli}" if self.ecli else ""


class Scenario(models.TextChoices):
    GEEN_INTERVENTIE = "geen interventie", "Geen interventie"
    REPRESSIEF = "repressief", "Repressief handhaven"
    SOCIAAL = "sociaal", "Sociaal handhaven"


class KostenPost(models.TextChoices):
    UITKERING = "uitkering", "Uitkering"
    SCHULDHULP = "schuldhulp", "Schuldhulpverlening"
    HUISVESTING = "huisvesting", "Huisuitzetting en huisvesting"
    ZORG = "zorg", "Zorg"
    HANDHAVING = "handhaving", "Inzet handhaving"


class MkbaRegel(models.Model):
    """One estimated societal cost (positive) or benefit (negative) of a scenario, in euros."""
    base_form_class = GatedAdminModelForm
    gated_fields = ("toelichting",)

    casus = models.ForeignKey("casuistry.CasusPage", on_delete=models.CASCADE, related_name="mkba_regels")
    scenario = models.CharField("scenario", max_length=20, choices=Scenario.choices)
    post = models.CharField("kostenpost", max_length=20, choices=KostenPost.choices)
    bedrag_eur = models.IntegerField("maatschappelijke kosten (€, baten negatief)")
    toelichting = models.CharField("toelichting", max_length=300, blank=True)

    panels = [
        FieldPanel("casus"),
        FieldRowPanel([FieldPanel("scenario"), FieldPanel("post"), FieldPanel("bedrag_eur")]),
        FieldPanel("toelichting"),
    ]

    class Meta:
        ordering = ["casus_id", "scenario", "post"]
        verbose_name = "MKBA-regel"
        verbose_name_plural = "MKBA-regels"
        constraints = [models.UniqueConstraint(fields=["casus", "scenario", "post"], name="unique_mkba_regel")]

    def __str__(self):
        return f"{self.get_scenario_display()}: {self.get_post_display()} € {self.bedrag_eur}"
