"""Site-wide views: the health check and global search (`/zoeken/`) over casus, articles and begrippen."""

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from articles.models import KennisartikelPage
from casuistry import embeddings
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
    """One box over casus, kennisartikelen and begrippen."""
    query = request.GET.get("q", "").strip()[:4000]
    context = {"query": query}
    if query:
        context["casus"] = search_casus(query=query, page=page_number(request), per_page=10)
        context["articles"] = list(KennisartikelPage.objects.live().search(query)[:5])
        context["begrippen"] = search_begrippen(query)
    return render(request, "search/zoeken.html", context)
