"""The methods library: fixed, blame-free structures for a case discussion (Wagtail snippets)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from casuistry.services.anonymisation.admin_forms import GatedAdminModelForm


def lines(text: str) -> list[str]:
    """One prompt or question per line; empty lines and list markers dropped."""
    return [line.strip().lstrip("-•* ").strip() for line in (text or "").splitlines() if line.strip()]


class Method(index.Indexed, ClusterableModel):
    """A method for intervisie or a leerdialoog, with ordered, time-boxed phases."""
    base_form_class = GatedAdminModelForm
    gated_fields = ("name", "summary", "purpose", "ground_rules")
    ungated_fields = {"slug": "derived from the (gated) name"}

    name = models.CharField("naam", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True, blank=True)
    summary = models.CharField("in één zin", max_length=250)
    purpose = models.TextField("doel en opbrengst", help_text="Wat levert een sessie met deze methode op?")
    ground_rules = models.TextField(
        "spelregels",
        blank=True,
        help_text="Eén regel per regel, bijvoorbeeld: we bespreken het besluit, niet de collega.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("purpose"),
        FieldPanel("ground_rules"),
        MultiFieldPanel([InlinePanel("phases", min_num=1, label="fase")], heading="Fasen (in volgorde)"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("summary"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "intervisiemethode"
        verbose_name_plural = "intervisiemethoden"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:90] or "methode"
            slug, n = base, 2
            while Method.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

    @property
    def total_minutes(self) -> int:
        return sum(phase.minutes for phase in self.phases.all())

    @property
    def ground_rule_lines(self) -> list[str]:
        return lines(self.ground_rules)


class MethodPhase(Orderable):
    gated_fields = ("title", "purpose", "facilitator_prompts", "participant_questions")
    method = ParentalKey(Method, related_name="phases", on_delete=models.CASCADE)
    title = models.CharField("fase", max_length=120)
    minutes = models.PositiveSmallIntegerField(
        "tijd (minuten)",
        validators=[
            MinValueValidator(1, "Geef de fase minstens 1 minuut."),
            MaxValueValidator(240, "Een fase duurt hoogstens 240 minuten."),
        ],
    )
    purpose = models.TextField("wat deze fase oplevert", blank=True)
    facilitator_prompts = models.TextField(
        "aanwijzingen voor de facilitator", help_text="Eén aanwijzing of vraag per regel."
    )
    participant_questions = models.TextField("vragen aan deelnemers", blank=True, help_text="Eén vraag per regel.")
    is_judgement_round = models.BooleanField(
        "oordeelronde",
        default=False,
        help_text="In deze fase geven deelnemers zelfstandig hun oordeel ('Wat zou jij besluiten?').",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("minutes"),
        FieldPanel("purpose"),
        FieldPanel("facilitator_prompts"),
        FieldPanel("participant_questions"),
        FieldPanel("is_judgement_round"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "fase"
        verbose_name_plural = "fasen"

    def __str__(self):
        return self.title

    @property
    def prompt_lines(self) -> list[str]:
        return lines(self.facilitator_prompts)

    @property
    def question_lines(self) -> list[str]:
        return lines(self.participant_questions)
