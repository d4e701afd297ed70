from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Begrip


class BegripViewSet(SnippetViewSet):
    model = Begrip
    icon = "help"
    menu_label = "Begrippen"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["term", "synonyms_text"]
    search_fields = ["term", "definition"]


register_snippet(BegripViewSet)
