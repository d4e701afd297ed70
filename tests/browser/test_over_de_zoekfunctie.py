"""Anyone, logged in or not, can read how suggestions are made; a consulent reaches it from a suggestion."""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_description_is_public_and_reached_from_the_footer_and_from_suggestions(
    live_server, browser_page, screenshot
):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    page = browser_page

    page.goto(f"{live_server.url}/accounts/login/")
    with page.expect_navigation():
        page.get_by_role("contentinfo").get_by_role("link", name="Over de zoekfunctie").click()
    assert page.url == f"{live_server.url}/over-de-zoekfunctie/"  # no login needed
    assert page.get_by_role("heading", level=1, name="Over de zoekfunctie").is_visible()
    assert page.get_by_role("heading", name="Eerlijkheid: dezelfde situatie, dezelfde suggesties").is_visible()
    assert page.locator("table caption").first.is_visible()
    # The table of contents works with the keyboard.
    page.get_by_role("link", name="Contact", exact=True).focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#contact")
    screenshot(page, "over-de-zoekfunctie")

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("consulent")
    page.get_by_label("Wachtwoord").fill("demo-consulent")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{live_server.url}/besluit-voorbereiden/")
    page.get_by_label("Beschrijf de situatie").fill(
        "Haar vriend, van Turkse afkomst, blijft bijna elke nacht slapen en betaalt mee aan de boodschappen."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Zoek vergelijkbare casus").click()
    assert page.get_by_text("niet gebruikt om te zoeken").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Hoe komen deze suggesties tot stand?").click()
    assert page.url.endswith("/over-de-zoekfunctie/")
