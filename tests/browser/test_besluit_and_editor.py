"""Besluit voorbereiden and the editor's anonymisation gate, in Debian chromium."""

import pytest
from django.contrib.auth.models import Group

from base import roles
from tests.casuistry.test_semantic import GIFT, HENNEP, PARTNER, index
from tests.factories import create_casus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_user(django_user_model, name, role):
    user = django_user_model.objects.create_user(username=name, password=f"wachtwoord-{name}")
    user.groups.add(Group.objects.get(name=role))
    return user


def login(page, base, name, path="/accounts/login/"):
    page.goto(f"{base}{path}")
    page.get_by_label("Gebruikersnaam").fill(name) if path == "/accounts/login/" else page.fill("#id_username", name)
    page.get_by_label("Wachtwoord").fill(f"wachtwoord-{name}") if path == "/accounts/login/" else page.fill(
        "#id_password", f"wachtwoord-{name}"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_besluit_voorbereiden_and_the_editor_gate(live_server, browser_page, screenshot, django_user_model):
    casus = [create_casus(**PARTNER), create_casus(**HENNEP), create_casus(**GIFT)]
    casus.append(create_casus(**(PARTNER | {"title": "Partner woont feitelijk in", "uitkomst": "boete"})))
    index(*casus)
    make_user(django_user_model, "consulent1", roles.CONSULENT)
    make_user(django_user_model, "redacteur1", roles.REDACTEUR)
    page = browser_page

    login(page, live_server.url, "consulent1")
    page.goto(f"{live_server.url}/besluit-voorbereiden/")
    page.get_by_label("Beschrijf de situatie").fill(
        "Mevrouw Anouk de Vries (BSN 111222333) krijgt bijna elke nacht bezoek van haar vriend, die meebetaalt "
        "aan de boodschappen en zijn post op haar adres laat komen. Wij overwegen een onderzoek."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Zoek vergelijkbare casus").click()
    body = page.content()
    assert "Anouk" not in body and "111222333" not in body
    assert page.get_by_role("heading", name="Vergelijkbare casus").is_visible()
    assert page.locator(".kb-suggestion").count() >= 2
    screenshot(page, "besluit-voorbereiden")

    page.context.clear_cookies()
    login(page, live_server.url, "redacteur1", path="/admin/login/")
    page.goto(f"{live_server.url}/admin/pages/{casus[0].pk}/edit/")
    page.fill("#id_samenvatting", "Mevrouw Anouk de Vries met BSN 111222333 krijgt bezoek van haar vriend.")
    with page.expect_navigation():
        page.locator("button[name=action-publish]").dispatch_event("click")
    panel = page.get_by_test_id("anonimisering")
    assert panel.locator("mark").count() >= 2
    assert "blokkeert" in panel.inner_text()
    panel.scroll_into_view_if_needed()
    screenshot(page, "editor-anonimisering")
    page.get_by_test_id("vergelijkbare-casus").scroll_into_view_if_needed()
    assert "Partner woont feitelijk in" in page.get_by_test_id("vergelijkbare-casus").inner_text()
    assert page.get_by_test_id("vergelijkbare-casus").get_by_role("link", name="Hoe komen deze suggesties").count() == 1
    screenshot(page, "editor-vergelijkbare-casus")
