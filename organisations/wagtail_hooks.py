from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisaties"
    list_display = ["name", "code", "region"]
    search_fields = ["name", "code", "region"]


register_snippet(OrganisationViewSet)
