"""The Content-Security-Policy holds in a real browser: nothing on the site or in the admin editor is blocked."""

import pytest

from base import roles
from tests.factories import UserFactory, create_casus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, base, username, path="/accounts/login/"):
    page.goto(f"{base}{path}")
    page.fill("#id_username", username)
    page.fill("#id_password", "geheim-wachtwoord")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_no_page_violates_the_policy(live_server, browser_page):
    casus = create_casus(external_id="CSP-1", title="Gift van ouders", thema="Giften en leningen")
    UserFactory(username="csp_redacteur", role=roles.REDACTEUR)
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{browser_page.url}: {message.text}")

    browser_page.on("console", on_console)
    page, base = browser_page, live_server.url
    login(page, base, "csp_redacteur")
    paths = ("/", "/casus/?q=gift", casus.url, "/monitor/", "/zoeken/?q=gift", "/besluit-voorbereiden/", "/meldingen/")
    for path in paths:
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{base}/admin/pages/{casus.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("text=Vergelijkbare casus (suggesties)").count() >= 1
    assert violations == []
