"""Wagtail admin: the methods library is a snippet trainers add and edit (Trainer has the model permissions)."""

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from intervisie.models import Method


class MethodViewSet(SnippetViewSet):
    model = Method
    icon = "group"
    menu_label = "Intervisiemethoden"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "summary"]
    search_fields = ["name", "summary"]


register_snippet(MethodViewSet)


@hooks.register("register_admin_menu_item")
def register_intervisie_menu_item():
    return MenuItem("Intervisiesessies", "/intervisie/", icon_name="view", order=310)
