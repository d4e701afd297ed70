"""Addresses of the first release (`/leerpaden/<id>/...`), kept for bookmarks and links in e-mails.

The routes themselves belong to each path page (RoutablePageMixin in models.py); these redirect to them.
"""

from django.shortcuts import get_object_or_404, redirect

from leerpaden.models import LeerpadPage

ROUTES = {"verder": "verder/", "overzicht": "overzicht/"}


def _page(pad: int) -> LeerpadPage:
    return get_object_or_404(LeerpadPage.objects.live(), pk=pad)


def legacy_route(request, pad: int, route: str):
    return redirect(_page(pad).url + ROUTES[route], permanent=True)


def legacy_step(request, pad: int, nummer: int):
    return redirect(_page(pad).step_url(nummer), permanent=True)
