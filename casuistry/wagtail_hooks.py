from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casuistry.forms import DISMISSED_ACTION, log_dismissals
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


@hooks.register("register_log_actions")
def register_anonymisation_actions(actions):
    actions.register_action(
        DISMISSED_ACTION, "Anonimisering: melding afgehandeld", "Melding van de anonimiseringscontrole afgehandeld"
    )


@hooks.register("after_create_page")
def log_anonymisation_dismissals_of_new_page(request, page):
    log_dismissals(page, getattr(page, "_pending_anonymisation_log", []), user=request.user)
