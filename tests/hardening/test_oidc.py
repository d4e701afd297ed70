"""Single sign-on with the organisation's account: a real OpenID Connect provider (django-oauth-toolkit,
tests/oidc_provider) runs in a process of its own; the kennisbank is configured as a Beheerder would
configure it in the admin, and roles follow the provider's group claim."""

import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import psycopg
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model
from django.db import connection
from mozilla_django_oidc_db.constants import OIDC_ADMIN_CONFIG_IDENTIFIER
from mozilla_django_oidc_db.models import OIDCClient, OIDCProvider

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "kennisbank-test", secrets.token_urlsafe(24)
USER, PASSWORD = "a.jansen", secrets.token_urlsafe(12)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def provider(django_db_setup, django_db_blocker):
    """The provider process on its own database of the same PostgreSQL server; its base URL."""
    with django_db_blocker.unblock():
        db = connection.settings_dict
    server = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    name = "kennisbank_test_oidc_provider"
    with psycopg.connect(**server, dbname="postgres", autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg.execute(f'CREATE DATABASE "{name}"')
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    port = _free_port()
    env = {
        **os.environ,
        "OIDC_PROVIDER_SECRET": secrets.token_urlsafe(40),
        "OIDC_PROVIDER_DATABASE_URL": f"postgres://{db['USER']}@/{name}?host={db['HOST']}&port={db['PORT']}",
        "OIDC_PROVIDER_RSA_KEY": key.decode(),
        "OIDC_TEST_USER": USER,
        "OIDC_TEST_PASSWORD": PASSWORD,
        "OIDC_TEST_GROUPS": "Consulent,Sharepoint-lezers",
        "OIDC_CLIENT_ID": CLIENT_ID,
        "OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_REDIRECT_URI": "http://testserver/oidc/callback/",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve", str(port)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout.readline().strip() == "READY"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.stdin.close()
        process.wait(timeout=20)
        with psycopg.connect(**server, dbname="postgres", autocommit=True) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sso(provider, db):
    idp = OIDCProvider.objects.create(
        identifier="gemeente-idp",
        oidc_op_authorization_endpoint=f"{provider}/o/authorize/",
        oidc_op_token_endpoint=f"{provider}/o/token/",
        oidc_op_user_endpoint=f"{provider}/o/userinfo/",
        oidc_op_jwks_endpoint=f"{provider}/o/.well-known/jwks.json",
    )
    OIDCClient.objects.update_or_create(
        identifier=OIDC_ADMIN_CONFIG_IDENTIFIER,
        defaults={
            "enabled": True,
            "oidc_provider": idp,
            "oidc_rp_client_id": CLIENT_ID,
            "oidc_rp_client_secret": CLIENT_SECRET,
            "oidc_rp_scopes_list": ["openid", "email", "profile"],
            "oidc_rp_sign_algo": "RS256",
            "options": {
                "user_settings": {
                    "claim_mappings": {
                        "username": ["sub"], "first_name": ["given_name"], "last_name": ["family_name"],
                        "email": ["email"],
                    }
                },
                # The provider's groups become roles when they carry a role's name; others are ignored.
                "groups_settings": {"claim_mapping": ["groups"], "sync": False, "sync_pattern": "*",
                                    "default_groups": [], "make_users_staff": False, "superuser_group_names": []},
            },
        },
    )
    return provider


def _login_at_provider(authorize_url: str) -> str:
    """The browser's part: log in at the provider and return the callback address it sends us to."""
    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False, timeout=10)
    assert "Location" in response.headers, (response.status_code, response.text[:500])
    login_url = urljoin(authorize_url, response.headers["Location"])
    form = browser.get(login_url, timeout=10)
    token = form.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    after_login = parse_qs(urlsplit(login_url).query)["next"][0]
    response = browser.post(
        login_url,
        {"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": token, "next": after_login},
        headers={"Referer": login_url},
        allow_redirects=False,
        timeout=10,
    )
    assert "Location" in response.headers, (response.status_code, response.text[:800])
    while not response.headers["Location"].startswith("http://testserver/"):
        response = browser.get(urljoin(login_url, response.headers["Location"]), allow_redirects=False, timeout=10)
        assert "Location" in response.headers, (response.status_code, response.text[:800])
    return response.headers["Location"]


def test_staff_log_in_with_the_organisations_account_and_get_their_role(client, sso):
    assert "Inloggen met uw organisatie-account" in client.get("/accounts/login/").content.decode()
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302 and start["Location"].startswith(f"{sso}/o/authorize/")

    callback = urlsplit(_login_at_provider(start["Location"]))
    done = client.get(f"{callback.path}?{callback.query}")

    assert done.status_code == 302 and done["Location"] == "/"
    user = get_user_model().objects.get(email="a.jansen@gemeente.example")
    assert (user.first_name, user.last_name) == ("Anne", "Jansen")
    assert set(user.groups.values_list("name", flat=True)) == {"Consulent"}  # not the unknown group
    assert client.get("/casus/").status_code == 200


def test_without_an_enabled_client_there_is_no_sso_button(client, db):
    assert "Inloggen met uw organisatie-account" not in client.get("/accounts/login/").content.decode()
