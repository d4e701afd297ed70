from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casuistry.forms import DISMISSED_ACTION, log_dismissals
from casuistry.models import BezwaarGrond, BezwaarRecord, CasusPage, MkbaRegel, Regime, Thema
from casuistry.selectors.visibility import visible_casus
from organisations.selectors import organisation_of


class ThemaViewSet(SnippetViewSet):
    model = Thema
    icon = "tag"
    menu_label = "Thema's"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(ThemaViewSet)


class RegimeViewSet(SnippetViewSet):
    model = Regime
    icon = "date"
    menu_label = "Rechtsregimes"
    list_display = ["name", "starts_on", "article"]


register_snippet(RegimeViewSet)


@hooks.register("register_log_actions")
def register_anonymisation_actions(actions):
    actions.register_action(
        DISMISSED_ACTION, "Anonimisering: melding afgehandeld", "Melding van de anonimiseringscontrole afgehandeld"
    )


@hooks.register("before_copy_page")
def refuse_copying_a_casus(request, page):
    """A copy or alias would skip the editor form (and with it the anonymisation gate) and reuse the
    casus' exchange id; a new casus goes through the editor."""
    if isinstance(page.specific, CasusPage) or page.get_descendants().type(CasusPage).exists():
        messages.error(
            request,
            "Een casus kopiëren of als alias plaatsen kan niet: zo'n kopie zou de anonimiseringscontrole "
            "overslaan. Maak een nieuwe casus aan en neem de tekst daarin over.",
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("after_create_page")
def log_anonymisation_dismissals_of_new_page(request, page):
    log_dismissals(page, getattr(page, "_pending_anonymisation_log", []), user=request.user)


class BezwaarRecordViewSet(SnippetViewSet):
    """Only groups with the model permissions (Jurist, Beheerder) see and edit these; every change is logged."""

    model = BezwaarRecord
    icon = "doc-full"
    menu_label = "Bezwaar en beroep"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["casus", "stage", "outcome", "periode", "ecli"]
    list_filter = ["stage", "outcome"]


class BezwaarGrondViewSet(SnippetViewSet):
    model = BezwaarGrond
    icon = "list-ul"
    menu_label = "Bezwaargronden"
    list_display = ["name"]


class MkbaRegelViewSet(SnippetViewSet):
    model = MkbaRegel
    icon = "table"
    menu_label = "MKBA"
    list_display = ["casus", "scenario", "post", "bedrag_eur"]
    list_filter = ["scenario", "post"]


register_snippet(BezwaarRecordViewSet)
register_snippet(BezwaarGrondViewSet)
register_snippet(MkbaRegelViewSet)


# --- organisations: editors work on their own organisation's casus ------------------------------


def _foreign_casus(user):
    """Casus of other organisations (a superuser has none): not editable, not listed in the explorer."""
    if user.is_superuser:
        return CasusPage.objects.none()
    organisation = organisation_of(user)
    mine = Q(organisation__isnull=True) | (Q(organisation=organisation) if organisation else Q(pk__in=[]))
    return CasusPage.objects.exclude(mine)


@hooks.register("construct_explorer_page_queryset")
def hide_foreign_casus_in_explorer(parent_page, pages, request):
    return pages.exclude(pk__in=_foreign_casus(request.user).values("pk"))


@hooks.register("construct_page_chooser_queryset")
def choose_only_visible_casus(pages, request):
    hidden = CasusPage.objects.exclude(pk__in=visible_casus(request.user, CasusPage.objects.all()).values("pk"))
    return pages.exclude(pk__in=hidden.values("pk"))


def _refuse_foreign(request, page):
    if _foreign_casus(request.user).filter(pk=page.pk).exists():
        raise Http404  # another organisation's casus does not exist for this editor
    return None


for _hook in ("before_edit_page", "before_delete_page", "before_move_page", "before_unpublish_page"):
    hooks.register(_hook, _refuse_foreign)
