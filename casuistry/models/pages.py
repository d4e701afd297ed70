import re
import uuid
from datetime import date

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F
from django.http import Http404
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from casuistry.choices import (
    Bezwaar,
    CirkelFase,
    Deelniveau,
    Regeling,
    RelatieSoort,
    Signaalbron,
    Uitkomst,
    Verplichting,
    Verwijtbaarheid,
)
from casuistry.forms import CasusPageForm
from casuistry.panels import AnonymisationPanel, SimilarCasusPanel
from casuistry.search_vector import casus_search_vector
from casuistry.services.anonymisation.admin_forms import GatedPageForm
from casuistry.services.anonymisation.gated_fields import PAGE_GATED_FIELDS, PAGE_UNGATED_FIELDS
from casuistry.text_fields import TEXT_FIELD_NAMES

from .taxonomy import Regime

PERIODE_PATTERN = r"^[0-9]{4}(-Q[1-4])?$"


def _page_selectors():
    # The selectors read these models, so they are imported when a page is served, not at load time.
    from casuistry.selectors import pages

    return pages


class CasusIndexPage(Page):
    """`/casus/`: browse and search all published casus."""
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "intro")
    ungated_fields = PAGE_UNGATED_FIELDS

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["casuistry.CasusPage"]
    parent_page_types = ["base.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "casusoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_page_selectors().casus_index_context(request))
        return context


class CasusTag(TaggedItemBase):
    content_object = ParentalKey("casuistry.CasusPage", related_name="tagged_items", on_delete=models.CASCADE)


class CasusPage(Page):
    """One anonymised casus with its reasoning (drietrapstoets, omgekeerde toets) and outcome."""
    gated_fields = (*PAGE_GATED_FIELDS, "external_id", *TEXT_FIELD_NAMES[1:])
    ungated_fields = {**PAGE_UNGATED_FIELDS, "periode": "a year or quarter (validated pattern), never a date"}

    external_id = models.CharField(
        "extern kenmerk",
        max_length=64,
        unique=True,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9._:-]{1,64}$", "Alleen letters, cijfers en . _ : -")],
        help_text="Stabiel kenmerk voor uitwisseling; wordt automatisch gevuld als u het leeg laat.",
    )
    samenvatting = models.TextField(
        "samenvatting (situatie)",
        help_text="Het geanonimiseerde feitenrelaas. Gebruik 'mevrouw F.' als pseudoniem.",
    )
    regeling = models.CharField("regeling", max_length=20, choices=Regeling.choices)
    verplichting = models.CharField("verplichting", max_length=32, choices=Verplichting.choices)
    thema = models.ForeignKey("casuistry.Thema", verbose_name="thema", on_delete=models.PROTECT, related_name="casus")
    cirkel_fase = models.CharField("fase cirkel van naleving", max_length=20, choices=CirkelFase.choices)
    signaalbron = models.CharField("signaalbron", max_length=32, choices=Signaalbron.choices, blank=True)

    bewust_onbewust = models.TextField(
        "1. bewust of onbewust",
        help_text="Kon de persoon weten wat er verwacht werd? Handelde hij of zij bewust?",
    )
    verwijtbaarheid = models.CharField(
        "oordeel verwijtbaarheid", max_length=16, choices=Verwijtbaarheid.choices, blank=True
    )
    context_perspectief = models.TextField(
        "2. context en perspectief",
        help_text="Omstandigheden en mogelijkheden: wat mocht redelijkerwijs verwacht worden?",
    )
    maatschappelijke_impact = models.TextField(
        "3. maatschappelijke impact",
        help_text="Maatschappelijke kosten nu, effect van de beoogde oplossing, en wat als we niets doen?",
    )

    grondwaarde = models.TextField(
        "grondwaarde", blank=True, help_text="Welke kernwaarde van de wet staat op het spel?"
    )
    beoogd_effect = models.TextField("beoogd effect", blank=True)
    maatwerk_oplossing = models.TextField("maatwerkoplossing", blank=True)
    juridische_inpassing = models.TextField("juridische inpassing", blank=True)

    uitkomst = models.CharField("uitkomst", max_length=40, choices=Uitkomst.choices)
    bedrag_eur = models.PositiveIntegerField(
        "bedrag (hele euro's)",
        null=True,
        blank=True,
        help_text="Benadelingsbedrag, terugvordering of verlaging.",
    )
    periode = models.CharField(
        "periode",
        max_length=7,
        blank=True,
        validators=[RegexValidator(PERIODE_PATTERN, "Gebruik een jaar (2025) of kwartaal (2025-Q3), nooit een datum.")],
    )
    bezwaar = models.CharField("uitkomst bezwaar", max_length=20, choices=Bezwaar.choices, blank=True)
    leerpunt = models.TextField("leerpunt", blank=True)
    # Who owns and who may read the casus (casuistry/selectors/visibility.py decides, nothing else).
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="organisatie",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="casus",
        help_text="Leeg: de organisatie van wie de casus aanmaakt.",
    )
    deelniveau = models.CharField(
        "delen met", max_length=12, choices=Deelniveau.choices, default=Deelniveau.ORGANISATIE
    )
    regime = models.ForeignKey(
        "casuistry.Regime",
        verbose_name="rechtsregime",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="casus",
        help_text="Leeg: afgeleid uit de periode.",
    )
    tags = ClusterTaggableManager(through=CasusTag, blank=True, verbose_name="tags")

    # Findings of the anonymisation gate an editor marked as wrong (with reason) or warnings seen.
    anonymisation_dismissals = models.JSONField(default=list, blank=True, editable=False)
    # Which optional interchange keys an imported record carried, so export reproduces it exactly.
    interchange_keys = models.JSONField(default=list, blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    base_form_class = CasusPageForm
    # Wagtail's preview would keep the form as typed (before the gate) in the session table.
    preview_modes = []
    content_panels = Page.content_panels + [
        AnonymisationPanel(heading="Anonimisering"),
        FieldPanel("samenvatting"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("regeling"), FieldPanel("verplichting")]),
                FieldRowPanel([FieldPanel("thema"), FieldPanel("cirkel_fase")]),
                FieldRowPanel([FieldPanel("signaalbron"), FieldPanel("periode")]),
                FieldPanel("regime"),
                FieldPanel("tags"),
            ],
            heading="Kenmerken",
        ),
        MultiFieldPanel(
            [
                FieldPanel("bewust_onbewust"),
                FieldPanel("verwijtbaarheid"),
                FieldPanel("context_perspectief"),
                FieldPanel("maatschappelijke_impact"),
            ],
            heading="Drietrapstoets",
        ),
        MultiFieldPanel(
            [
                FieldPanel("grondwaarde"),
                FieldPanel("beoogd_effect"),
                FieldPanel("maatwerk_oplossing"),
                FieldPanel("juridische_inpassing"),
            ],
            heading="Omgekeerde toets (optioneel)",
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("uitkomst"), FieldPanel("bedrag_eur")]),
                FieldPanel("bezwaar"),
                FieldPanel("leerpunt"),
            ],
            heading="Uitkomst",
        ),
        InlinePanel("relations", heading="Precedenten", label="gerelateerde casus"),
        SimilarCasusPanel(heading="Vergelijkbare casus (suggesties)"),
    ]
    promote_panels = [
        FieldPanel("slug"),
        FieldPanel("external_id"),
        MultiFieldPanel([FieldPanel("organisation"), FieldPanel("deelniveau")], heading="Delen"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("samenvatting"),
        index.SearchField("bewust_onbewust"),
        index.SearchField("context_perspectief"),
        index.SearchField("maatschappelijke_impact"),
        index.FilterField("uitkomst"),
    ]
    parent_page_types = ["casuistry.CasusIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "casus"
        verbose_name_plural = "casus"
        indexes = [
            GinIndex(fields=["search_vector"], name="casus_search_vector_gin"),
            # Browsing by date (search_casus without a query) reads the first page off this index.
            models.Index(F("periode").desc(nulls_last=True), F("page_ptr").desc(), name="casus_newest_first"),
        ]

    def serve(self, request, *args, **kwargs):
        # A casus this reader may not see does not exist for them: 404, never 403.
        if not _page_selectors().can_see(request.user, self):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_page_selectors().casus_page_context(self, request))
        return context

    @property
    def has_omgekeerde_toets(self) -> bool:
        return bool(self.grondwaarde or self.beoogd_effect or self.maatwerk_oplossing)

    @property
    def periode_label(self) -> str:
        if not self.periode:
            return ""
        if "-Q" in self.periode:
            year, quarter = self.periode.split("-Q")
            return f"{quarter}e kwartaal {year}"
        return self.periode

    def clean(self):
        super().clean()
        parts = {
            "grondwaarde": self.grondwaarde,
            "beoogd_effect": self.beoogd_effect,
            "maatwerk_oplossing": self.maatwerk_oplossing,
        }
        if any(parts.values()) or self.juridische_inpassing:
            missing = {name: "Vul ook dit onderdeel van de omgekeerde toets in." for name, v in parts.items() if not v}
            if missing:
                raise ValidationError(missing)
        if self.periode and not re.match(PERIODE_PATTERN, self.periode):
            raise ValidationError({"periode": "Gebruik een jaar (2025) of kwartaal (2025-Q3)."})

    def save(self, *args, **kwargs):
        if not self.external_id:
            self.external_id = f"KB-{uuid.uuid4().hex[:10].upper()}"
        if self.regime_id is None and self.periode:
            self.regime = regime_for_periode(self.periode)
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        # Wagtail saves drafts of live pages with update_fields on bookkeeping columns only;
        # the row's content (and so its search vector) changes only when content is written.
        if update_fields is None or set(TEXT_FIELD_NAMES) & set(update_fields):
            self.refresh_search_vector()

    def refresh_search_vector(self):
        """Recompute the weighted Dutch tsvector from this object's values, in one UPDATE."""
        vector = casus_search_vector(
            {name: getattr(self, name) for name in TEXT_FIELD_NAMES},
            thema=self.thema.name if self.thema_id else "",
            tags=" ".join(sorted(t.name for t in self.tags.all())),
        )
        CasusPage.objects.filter(pk=self.pk).update(search_vector=vector)


def regime_for_periode(periode: str):
    """The regime in force at the end of a period ("2025" or "2025-Q3"), or None before the first."""
    year, _, quarter = periode.partition("-Q")
    last_month = 3 * int(quarter) if quarter else 12
    end = date(int(year) + (last_month == 12), last_month % 12 + 1, 1)  # first day after the period
    return Regime.objects.filter(starts_on__lt=end).order_by("-starts_on").first()


class CasusRelation(Orderable):
    """A precedent link between two casus, with how they relate."""

    gated_fields = ("toelichting",)

    casus = ParentalKey(CasusPage, related_name="relations", on_delete=models.CASCADE)
    related = models.ForeignKey(CasusPage, verbose_name="casus", related_name="related_from", on_delete=models.CASCADE)
    soort = models.CharField("relatie", max_length=20, choices=RelatieSoort.choices, default=RelatieSoort.VERGELIJKBAAR)
    toelichting = models.CharField("toelichting", max_length=300, blank=True)

    panels = [FieldPanel("related"), FieldPanel("soort"), FieldPanel("toelichting")]

    class Meta(Orderable.Meta):
        verbose_name = "gerelateerde casus"
        verbose_name_plural = "gerelateerde casus"
