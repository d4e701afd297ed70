from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from base.roles import NIEUWE_MEDEWERKER
from casuistry.selectors.overview import recent_casus, themes_with_counts
from casuistry.services.anonymisation.admin_forms import GatedPageForm
from casuistry.services.anonymisation.gated_fields import PAGE_GATED_FIELDS, PAGE_UNGATED_FIELDS
from leerpaden.selectors import paths_for


class HomePage(Page):
    """The start page: a search box, recent casus and the themes; a new hire's leerpaden first."""
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "intro")
    ungated_fields = PAGE_UNGATED_FIELDS

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])
    recent_count = models.PositiveSmallIntegerField("aantal recente casus", default=6)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("recent_count")]
    subpage_types = [
        "casuistry.CasusIndexPage",
        "articles.KennisIndexPage",
        "intervisie.WerkafsprakenIndexPage",
        "leerpaden.LeerpadIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        db_table = "home_homepage"  # the table of the app this model came from (migration 0001)
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recent_casus"] = recent_casus(request.user, limit=self.recent_count)
        context["themes"] = themes_with_counts(request.user)
        if is_new_hire(request.user):
            context["mijn_leerpaden"] = paths_for(request.user)
        return context


def is_new_hire(user) -> bool:
    return bool(user.is_authenticated and user.groups.filter(name=NIEUWE_MEDEWERKER).exists())
