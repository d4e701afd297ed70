"""Site-wide views: the health check and global search (`/zoeken/`) over casus, articles and begrippen."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from articles.models import KennisartikelPage
from casuistry.search import search_casus
from glossary.selectors import search_begrippen
from kennisbank.pagination import page_number


@never_cache
@require_GET
def health(request):
    """Liveness and database check for monitoring. Says nothing about content or users."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok"})
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "database onbereikbaar"}, status=503)


def zoeken(request):
    """One box over casus, kennisartikelen and begrippen."""
    query = request.GET.get("q", "").strip()[:4000]
    context = {"query": query}
    if query:
        context["casus"] = search_casus(query=query, page=page_number(request), per_page=10)
        context["articles"] = list(KennisartikelPage.objects.live().search(query)[:5])
        context["begrippen"] = search_begrippen(query)
    return render(request, "search/zoeken.html", context)
