"""A consulent logs in, searches with the keyboard, filters, reads a casus and an article."""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_consulent_finds_and_reads_a_casus_with_the_keyboard(live_server, browser_page, screenshot):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    page = browser_page

    page.goto(f"{live_server.url}/casus/")
    assert "/accounts/login/" in page.url
    page.get_by_label("Gebruikersnaam").fill("consulent")
    page.get_by_label("Wachtwoord").fill("demo-consulent")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/casus/")

    page.goto(f"{live_server.url}/")
    assert page.get_by_role("search").is_visible()
    assert page.locator(".kb-card").count() >= 3
    screenshot(page, "home")

    page.goto(f"{live_server.url}/casus/")
    page.get_by_label("Zoek in de casus").fill("gift ouders")
    with page.expect_navigation():
        page.get_by_role("button", name="Zoeken", exact=True).press("Enter")
    assert page.locator("mark").count() > 0
    total_before = page.locator("#resultaten-kop").inner_text()

    # Facets work without a mouse: focus a checkbox, tick it with Space, submit with Enter.
    checkbox = page.locator("input[name=thema][value=giften-en-leningen]")
    checkbox.focus()
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    page.get_by_role("button", name="Filters toepassen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "thema=giften-en-leningen" in page.url
    assert page.locator("input[name=thema][value=giften-en-leningen]").is_checked()
    total_after = int(page.locator("#resultaten-kop").inner_text().split()[0])
    assert 0 < total_after <= int(total_before.split()[0])
    screenshot(page, "casus-index-facetten")

    with page.expect_navigation():
        page.locator(".kb-card__title a").first.click()
    assert page.get_by_role("heading", name="Drietrapstoets").is_visible()
    assert page.get_by_role("heading", name="1. Bewust of onbewust").is_visible()
    screenshot(page, "casus")

    page.goto(f"{live_server.url}/kennis/drietrapstoets/")
    assert page.get_by_role("heading", level=1).inner_text()
    screenshot(page, "kennisartikel")

    page.goto(f"{live_server.url}/monitor/")
    assert page.locator("svg[role=img]").count() >= 8
    csv_link = page.locator("a[href='/monitor/uitkomsten.csv']")
    assert csv_link.is_visible() and "Download als CSV" in csv_link.inner_text()
    screenshot(page, "monitor")

    from casuistry.models import CasusPage

    casus = CasusPage.objects.filter(bezwaar="gegrond", mkba_regels__isnull=False).distinct().first()
    page.goto(f"{live_server.url}{casus.url}")
    assert page.get_by_role("heading", name="Bezwaar en beroep").is_visible()
    assert page.get_by_role("heading", name="Maatschappelijke kosten en baten (MKBA)").is_visible()
    screenshot(page, "casus-bezwaar-mkba")
