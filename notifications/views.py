"""`/meldingen/`: what was published in the thema's I follow, following them, and a feed per thema."""

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from casuistry.models import Thema
from casuistry.selectors.visibility import visible_casus
from intervisie.models import WerkafspraakPage

from . import selectors, services
from .forms import FollowForm

FEED_ITEMS = 30


@never_cache
def meldingen(request):
    context = {
        "notifications": selectors.notifications_of(request.user),
        "follows": selectors.follows_of(request.user),
        "form": FollowForm(),
    }
    response = render(request, "notifications/meldingen.html", context)
    services.mark_read(user=request.user)  # after rendering: this visit still shows what was new
    return response


@require_POST
def volgen(request):
    form = FollowForm(request.POST)
    if form.is_valid():
        services.follow(user=request.user, thema=form.cleaned_data["thema"], regeling=form.cleaned_data["regeling"])
        messages.success(request, f"U volgt nu het thema {form.cleaned_data['thema'].name}.")
    else:
        messages.error(request, "Kies een bestaand thema om te volgen.")
    return redirect("notifications:meldingen")


@require_POST
def ontvolgen(request, follow_id: int):
    if services.unfollow(user=request.user, follow_id=follow_id):
        messages.success(request, "U volgt dit thema niet meer.")
    return redirect("notifications:meldingen")


class ThemaFeed(Feed):
    """Atom feed of the casus (that the reader may see) and werkafspraken published in one thema."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, slug):
        return get_object_or_404(Thema, slug=slug)

    def title(self, thema):
        return f"Kennisbank Sociaal Handhaven – {thema.name}"

    def link(self, thema):
        return f"/casus/?thema={thema.slug}"

    def subtitle(self, thema):
        return f"Nieuwe casus en werkafspraken in het thema {thema.name}."

    def items(self, thema):
        casus = visible_casus(self.request.user).filter(thema=thema).order_by("-first_published_at")[:FEED_ITEMS]
        afspraken = WerkafspraakPage.objects.live().filter(thema=thema).order_by("-first_published_at")[:FEED_ITEMS]
        return sorted([*casus, *afspraken], key=lambda p: p.first_published_at, reverse=True)[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "samenvatting", "") or getattr(item, "afspraak", "")

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at
