from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The start page: a search box, recent casus and the themes."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])
    recent_count = models.PositiveSmallIntegerField("aantal recente casus", default=6)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("recent_count")]
    subpage_types = ["casuistry.CasusIndexPage", "articles.KennisIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        from casuistry.selectors.overview import recent_casus, themes_with_counts

        context = super().get_context(request, *args, **kwargs)
        context["recent_casus"] = recent_casus(limit=self.recent_count)
        context["themes"] = themes_with_counts()
        from intervisie.selectors.leerpaden import is_new_hire, paths_for

        if is_new_hire(request.user):  # a new hire sees their leerpaden first
            context["mijn_leerpaden"] = paths_for(request.user)
        return context
