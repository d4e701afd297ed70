"""Werkafspraken in the kennisbank: `/werkafspraken/`, one page per agreed norm, published by a redacteur."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from casuistry.models import Thema
from casuistry.services.anonymisation.admin_forms import GatedPageForm
from casuistry.services.anonymisation.gated_fields import PAGE_GATED_FIELDS, PAGE_UNGATED_FIELDS


class WerkafsprakenIndexPage(Page):
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "intro")
    ungated_fields = PAGE_UNGATED_FIELDS
    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["intervisie.WerkafspraakPage"]
    parent_page_types = ["base.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "werkafsprakenoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = WerkafspraakPage.objects.child_of(self).live().select_related("thema", "casus")
        selected = request.GET.get("thema", "")
        themes = Thema.objects.filter(pk__in=pages.values("thema")).order_by("name")
        if selected:
            pages = pages.filter(thema__slug=selected)
        context.update(
            werkafspraken=pages.order_by("thema__name", "title"),
            themes=themes,
            selected_thema=selected,
        )
        return context


class WerkafspraakPage(Page):
    """An agreed norm that grew from practice, linked to the casus and thema it came from."""
    preview_modes = []  # the preview keeps the raw form in the session table, before the gate
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "afspraak", "toelichting")
    ungated_fields = PAGE_UNGATED_FIELDS

    afspraak = models.TextField("afspraak", help_text="De werkafspraak zelf, in één of enkele zinnen.")
    toelichting = models.TextField("waarom", blank=True, help_text="De afweging achter de afspraak.")
    thema = models.ForeignKey(
        "casuistry.Thema",
        verbose_name="thema",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="werkafspraken",
    )
    casus = models.ForeignKey(
        "casuistry.CasusPage",
        verbose_name="casus",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="werkafspraken",
    )
    session = models.ForeignKey(
        "intervisie.Session",
        verbose_name="intervisiesessie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    agreed_on = models.DateField("afgesproken op", null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("afspraak"),
        FieldPanel("toelichting"),
        MultiFieldPanel(
            [FieldPanel("thema"), FieldPanel("casus"), FieldPanel("agreed_on"), FieldPanel("session", read_only=True)],
            heading="Herkomst",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("afspraak"), index.SearchField("toelichting")]
    parent_page_types = ["intervisie.WerkafsprakenIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        # The casus it grew from is linked only for a reader who may see that casus.
        from casuistry.selectors.visibility import can_see  # selectors import models: at serve time

        context = super().get_context(request, *args, **kwargs)
        context["source_casus"] = self.casus if self.casus_id and can_see(request.user, self.casus) else None
        return context

    class Meta:
        verbose_name = "werkafspraak"
        verbose_name_plural = "werkafspraken"
