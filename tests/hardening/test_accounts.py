"""Lockout after failed logins, two-factor for local Beheerder/Redacteur accounts, API tokens."""

import pytest
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import APIToken

from base import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


def login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_from_that_address_even_for_the_right_one(client, make_user, axes_on):
    make_user(roles.CONSULENT, username="marieke")
    for _ in range(4):
        assert login(client, "marieke", "fout").status_code == 200  # the form again, with its message
    locked = login(client, "marieke", "fout")
    assert locked.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in locked.content.decode()
    right = login(client, "marieke", "geheim-wachtwoord")
    assert right.status_code == 429 and "_auth_user_id" not in client.session
    # Another address is not locked out (user + IP).
    other = client.post(
        "/accounts/login/", {"username": "marieke", "password": "geheim-wachtwoord"}, REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 302


def test_a_beheerder_lifts_the_lockout_in_the_admin(client, make_user, axes_on):
    make_user(roles.CONSULENT, username="marieke")
    for _ in range(5):
        login(client, "marieke", "fout")
    attempt = AccessAttempt.objects.get(username="marieke")
    beheerder = make_user(roles.BEHEERDER, username="beheer1")
    admin = client.__class__()
    admin.force_login(beheerder)
    listing = admin.get("/admin/accessattempt/")
    assert listing.status_code == 200 and "marieke" in listing.content.decode()
    admin.post(f"/admin/accessattempt/delete/{attempt.pk}/")
    assert not AccessAttempt.objects.filter(username="marieke").exists()
    assert login(client, "marieke", "geheim-wachtwoord").status_code == 302


def test_a_redacteur_sets_up_and_then_confirms_a_one_time_code(client, make_user, settings):
    settings.KENNISBANK_TWO_FACTOR = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting after the deliberate wrong code
    make_user(roles.REDACTEUR, username="redactie1")
    assert login(client, "redactie1", "geheim-wachtwoord").status_code == 302

    blocked = client.get("/casus/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/accounts/tweestapsverificatie/")
    setup = client.get("/accounts/tweestapsverificatie/?next=/casus/")
    assert "Scan deze code" in setup.content.decode() and "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user__username="redactie1")
    assert not device.confirmed

    wrong = client.post("/accounts/tweestapsverificatie/", {"token": "000000", "next": "/casus/"})
    assert wrong.status_code == 400 and "klopt niet" in wrong.content.decode()
    code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
    done = client.post("/accounts/tweestapsverificatie/", {"token": code, "next": "/casus/"})
    assert done.status_code == 302 and done["Location"] == "/casus/"
    assert client.get("/casus/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    client.post("/accounts/logout/")
    login(client, "redactie1", "geheim-wachtwoord")
    again = client.get("/accounts/tweestapsverificatie/")
    assert "Vul de zescijferige code in" in again.content.decode()  # confirm, no new setup


def test_other_roles_need_no_second_factor(client, make_user, settings):
    settings.KENNISBANK_TWO_FACTOR = True
    make_user(roles.CONSULENT, username="consul1")
    login(client, "consul1", "geheim-wachtwoord")
    assert client.get("/casus/").status_code == 200


def test_only_a_valid_token_passes_the_login_wall_of_the_api(client, make_user):
    assert client.get("/api/v1/openapi.json", HTTP_AUTHORIZATION="Bearer x").status_code == 401
    assert client.get("/api/v1/docs", HTTP_AUTHORIZATION="Bearer x").status_code == 401
    token, plaintext = APIToken.create_token(user=make_user(roles.CONSULENT, username="api1"), name="t")
    assert client.get("/api/v1/openapi.json", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 200
    token.revoke()
    assert client.get("/api/v1/openapi.json", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 401


def test_sessions_end_after_fifteen_idle_minutes(client, make_user, settings):
    assert settings.SESSION_COOKIE_AGE == 15 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(make_user(roles.CONSULENT, username="idle1"))
    client.get("/casus/")
    assert 0 < client.session.get_expiry_age() <= 15 * 60
