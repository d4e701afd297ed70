"""Request guards of the whole site: unusable characters, login, and the second factor."""

from __future__ import annotations

import re
from urllib.parse import quote

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from wagtail.models import APIToken

from base.accounts import requires_two_factor

# NUL and the other C0 control characters (tab, newline and carriage return are ordinary text).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
TWO_FACTOR_EXEMPT = ("/accounts/tweestapsverificatie/", "/accounts/logout/", "/static/", "/health/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy of settings.CONTENT_SECURITY_POLICY everywhere but in Wagtail's admin, whose
    widgets (choosers, inline panels, date pickers) start from inline scripts: there inline code is allowed."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
        return parts


class RejectControlCharactersMiddleware:
    """A parameter with a control character (a NUL byte: PostgreSQL cannot store it) gets a Dutch 400.

    Every form and search would otherwise have to guard against it; the value is never echoed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = _bad_parameter(request)
        if bad is not None:
            message = f"De parameter '{bad}' bevat tekens die niet zijn toegestaan (stuurtekens)."
            if request.path_info.startswith("/api/"):
                return JsonResponse({"fouten": [message]}, status=400)
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)


def _bad_parameter(request) -> str | None:
    if CONTROL_CHARACTERS.search(request.path_info):
        return "(adres)"
    sources = [request.GET]
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        sources.append(request.POST)
    for params in sources:
        for key, values in params.lists():
            if CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(v) for v in values):
                return CONTROL_CHARACTERS.sub("", key)[:40] or "(naam)"
    return None


class LoginRequiredMiddleware:
    """Every page needs a login, except the login page, single sign-on, /health/ and static files.

    The Wagtail admin is exempt from the redirect because it enforces its own login. An API request
    passes without a session only with a valid, unrevoked API token of an active user.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt = tuple(settings.LOGIN_EXEMPT_PREFIXES)

    def __call__(self, request):
        path = request.path_info
        if request.user.is_authenticated or path.startswith(self.exempt) or path.startswith("/admin/"):
            return self.get_response(request)
        if path.startswith("/api/"):
            if valid_api_token(request.headers.get("Authorization", "")):
                return self.get_response(request)  # the API resolves the token to its user again
            return JsonResponse({"fout": "Inloggen vereist (sessie of geldig API-token)."}, status=401)
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


def valid_api_token(header: str) -> bool:
    scheme, _, token = header.partition(" ")
    if scheme != "Bearer" or not token.strip():
        return False
    return APIToken.objects.filter(
        key_hash__in=APIToken.candidate_key_hashes(token.strip()), revoked_at__isnull=True, user__is_active=True
    ).exists()


class TwoFactorRequiredMiddleware:
    """A Beheerder or Redacteur with a local password confirms a one-time code before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if requires_two_factor(request) and not path.startswith(TWO_FACTOR_EXEMPT):
            if path.startswith("/api/"):
                return JsonResponse({"fout": "Tweestapsverificatie vereist."}, status=401)
            return redirect(f"{reverse('two_factor')}?next={_safe_next(request)}")
        return self.get_response(request)


def _safe_next(request) -> str:
    return quote(request.get_full_path() if request.method == "GET" else "/", safe="/")
