"""The main navigation and the addresses of the site's sections, for every template.

Templates link to ``{{ sections.casus }}`` (and ``kennis``, ``werkafspraken``, ``leerpaden``, ``home``)
instead of hard-coded paths, so a section moved in Wagtail keeps its links.
"""

from django.urls import reverse
from wagtail.models import Page

from base.setup import site_sections
from kennisbank.sections import HOME_SLUG
from notifications.selectors import unread_count
from organisations.selectors import organisation_of


def navigation(request):
    sections = section_urls(request)
    items = [
        (sections.get("home", "/"), "Start"),
        (sections.get("casus"), "Casus"),
        (reverse("besluit_voorbereiden"), "Besluit voorbereiden"),
        (sections.get("kennis"), "Kennis"),
        (reverse("begrippen"), "Begrippen"),
        (reverse("intervisie:index"), "Intervisie"),
        (sections.get("leerpaden"), "Leerpaden"),
        (reverse("monitor"), "Monitor"),
        (reverse("zoeken"), "Zoeken"),
    ]
    path = request.path
    home = sections.get("home", "/")
    nav = [
        {"url": url, "label": label, "current": path == url or (url != home and path.startswith(url))}
        for url, label in items
        if url
    ]
    user = getattr(request, "user", None)
    return {
        "main_navigation": nav,
        "sections": sections,
        "unread_notifications": unread_count(user) if user is not None else 0,
        "user_organisation": organisation_of(user),
    }


def section_urls(request) -> dict[str, str]:
    """Slug → URL of the home page and each section page below it, in one query per request."""
    cached = getattr(request, "_kennisbank_sections", None)
    if cached is None:
        paths = [f"/{HOME_SLUG}/", *(f"/{HOME_SLUG}/{section.slug}/" for section in site_sections())]
        pages = Page.objects.filter(depth__in=(2, 3), url_path__in=paths)
        cached = {}
        for page in pages:
            url = page.get_url(request)
            if url:
                cached["home" if page.depth == 2 else page.slug] = url
        request._kennisbank_sections = cached
    return cached
