"""Accounts: the lockout page (django-axes), two-factor with a one-time code (django-otp, TOTP)
for local Beheerder and Redacteur accounts, and the login page with the organisation's sign-on.
"""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from mozilla_django_oidc_db.constants import OIDC_ADMIN_CONFIG_IDENTIFIER
from mozilla_django_oidc_db.models import OIDCClient

LOCAL_BACKEND = "django.contrib.auth.backends.ModelBackend"
DEVICE_NAME = "authenticator-app"


class KennisbankLoginView(LoginView):
    """The local login, with a link to the organisation's single sign-on when a Beheerder enabled it."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        client = OIDCClient.objects.filter(identifier=OIDC_ADMIN_CONFIG_IDENTIFIER, enabled=True).first()
        context["sso_enabled"] = client is not None
        return context


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes: too many failed logins for this username from this address."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60) if settings.AXES_COOLOFF_TIME else None
    return render(request, "accounts/geblokkeerd.html", {"minutes": minutes}, status=429)


def requires_two_factor(request) -> bool:
    """A local account (password login) of a role that needs a second factor, not yet confirmed."""
    user = request.user
    if not (settings.KENNISBANK_TWO_FACTOR and user.is_authenticated) or user.is_verified():
        return False
    if request.session.get(BACKEND_SESSION_KEY) != LOCAL_BACKEND:
        return False  # single sign-on: the identity provider asks the second factor
    return user.is_superuser or user.groups.filter(name__in=settings.KENNISBANK_TWO_FACTOR_ROLES).exists()


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code uit uw authenticator-app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={"required": "Vul de code in.", "min_length": "De code heeft zes cijfers."},
    )


@never_cache
@sensitive_post_parameters("token")
def two_factor(request):
    """Set up the authenticator app (first time) or confirm a code; then continue where the user was."""
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    next_url = _next_url(request)
    if request.user.is_verified():
        return redirect(next_url)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device, _ = TOTPDevice.objects.get_or_create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if not allowed:  # django-otp slows down guessing: each wrong code doubles the wait
            form.add_error("token", "Te veel onjuiste codes achter elkaar. Wacht een halve minuut en probeer opnieuw.")
        elif device.verify_token(form.cleaned_data["token"].strip()):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(next_url)
        else:
            form.add_error("token", "Deze code klopt niet of is verlopen. Probeer de code die nu in de app staat.")
    context = {"form": form, "setting_up": setting_up, "next": next_url}
    if setting_up:
        context.update(secret=base64.b32encode(device.bin_key).decode(), qr_svg=_qr_svg(device.config_url))
    return render(request, "accounts/tweestapsverificatie.html", context, status=400 if form.errors else 200)


def _next_url(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or settings.LOGIN_REDIRECT_URL
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return settings.LOGIN_REDIRECT_URL


def _qr_svg(uri: str) -> str:
    """The otpauth:// address as an SVG QR code (inline markup, no script: fits the CSP)."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8")
