from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casuistry.models import Thema


class ThemaViewSet(SnippetViewSet):
    model = Thema
    icon = "tag"
    menu_label = "Thema's"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(ThemaViewSet)
