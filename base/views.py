"""Site-wide views: the health check and global search (`/zoeken/`) over casus, articles and begrippen."""

from urllib.parse import urlencode

from django.contrib import messages
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponseServerError, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from articles.models import KennisartikelPage
from base.context_processors import section_urls
from casuistry import embeddings
from casuistry.decision_views import suggestions_page
from casuistry.search import FACETS_BY_PARAM, search_casus
from casuistry.search_box import clean_query
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


CASUS_PARAMS = ("mode", "sort", *FACETS_BY_PARAM)


@require_POST
def search_submit(request):
    """Where every search box posts: pseudonymise the text, then a short query goes to the results (in
    the URL only as pseudonymised text) and a long one (a pasted draft) to besluit voorbereiden, never
    into a URL, a browser history or an access log."""
    cleaned = clean_query(request.POST.get("q"))
    target = request.POST.get("doel", "casus")
    if cleaned.notice:
        messages.info(request, cleaned.notice)  # the next page searches the placeholders and cannot tell
    if cleaned.is_long:
        thema = request.POST.getlist("thema")
        return suggestions_page(request, QueryDict(urlencode({"situatie": cleaned.text, "thema": thema[:1]}, True)))
    params = [("q", cleaned.text)] if cleaned.text else []
    if target == "casus":
        params += [(key, value) for key in CASUS_PARAMS for value in request.POST.getlist(key)]
        base = section_urls(request).get("casus", "/")
    else:
        base = reverse("zoeken")
    return redirect(f"{base}?{urlencode(params)}" if params else base)


@never_cache
@require_GET
def health_live(request):
    """Liveness: the process answers. No database, so a slow database never restarts the web tier."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def health_ready(request):
    """Readiness: database reachable, every migration applied, embedding model loaded (or failed: then
    search falls back to keywords and the process can still serve). 503 until then."""
    checks = {"database": _database_ok(), "migraties": False, "zoekmodel": embeddings.model_status()}
    if checks["database"]:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        checks["migraties"] = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    ready = checks["database"] and checks["migraties"] and checks["zoekmodel"] != "not loaded"
    return JsonResponse({"status": "ok" if ready else "niet gereed", **checks}, status=200 if ready else 503)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        return False


def bad_request(request, exception=None):
    return render(request, "400.html", {}, status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", {}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {}, status=404)


def server_error(request):
    # Without the context processors: the failure may be the database they read.
    return HttpResponseServerError(loader.get_template("500.html").render({}))


def zoeken(request):
    """One box over casus, kennisartikelen and begrippen (the query pseudonymised first)."""
    cleaned = clean_query(request.GET.get("q"))
    query = cleaned.text
    context = {"query": query, "query_notice": cleaned.notice}
    if query:
        context["casus"] = search_casus(query=query, page=page_number(request), per_page=10, viewer=request.user)
        context["articles"] = list(KennisartikelPage.objects.live().search(query)[:5])
        context["begrippen"] = search_begrippen(query)
    return render(request, "search/zoeken.html", context)
