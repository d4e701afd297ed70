from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from casuistry.services.anonymisation.admin_forms import GatedPageForm
from casuistry.services.anonymisation.gated_fields import PAGE_GATED_FIELDS, PAGE_UNGATED_FIELDS

from .blocks import ArticleStreamBlock


class KennisIndexPage(Page):
    """`/kennis/`: the knowledge articles that explain the method."""
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "intro")
    ungated_fields = PAGE_UNGATED_FIELDS

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["articles.KennisartikelPage"]
    parent_page_types = ["base.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "kennisoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = KennisartikelPage.objects.child_of(self).live().order_by("title")
        return context


class KennisartikelPage(Page):
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "intro", "body")
    ungated_fields = PAGE_UNGATED_FIELDS
    intro = models.TextField("inleiding", max_length=600)
    body = StreamField(ArticleStreamBlock(), verbose_name="inhoud")
    themas = ParentalManyToManyField("casuistry.Thema", blank=True, verbose_name="thema's")
    regime = models.ForeignKey(
        "casuistry.Regime",
        verbose_name="rechtsregime",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="Het regime waaronder dit artikel geschreven is (leeg: geldt onder elk regime).",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themas"),
        FieldPanel("regime"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["articles.KennisIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "kennisartikel"
        verbose_name_plural = "kennisartikelen"
