"""A new hire completes a short leerpad in the browser: read, practise with a hidden outcome, log out and in
again, resume at the next step, reflect, complete. A trainer then sees the overview.

Screenshots (KENNISBANK_SCREENSHOTS=1): leerpad-start, leerpad-oefenen, leerpad-uitkomst, leerpad-afgerond,
leerpad-trainer."""

import io

import pytest
from django.core.management import call_command

from articles.models import KennisartikelPage
from casuistry.models import CasusPage
from leerpaden.models import LeerpadPage, LeerpadStap, StapSoort
from leerpaden.services import leerpaden_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASUS = "DEMO-002"  # Lening van broer vooraf voorgelegd aan klantmanager: geen sanctie


def make_short_path() -> LeerpadPage:
    page = LeerpadPage(
        title="Kort: eerst zelf wegen",
        slug="kort-eerst-zelf-wegen",
        intro="Een kort leerpad: lees de drietrapstoets, oefen op één casus en kijk terug.",
        doelgroep="nieuwe klantmanagers",
    )
    page.stappen = [
        LeerpadStap(
            soort=StapSoort.LEZEN,
            titel="Lees de drietrapstoets",
            artikel=KennisartikelPage.objects.get(slug="drietrapstoets"),
            minuten=10,
            sort_order=0,
        ),
        LeerpadStap(
            soort=StapSoort.OEFENEN,
            titel="Een lening van een broer",
            casus=CasusPage.objects.get(external_id=CASUS),
            minuten=15,
            sort_order=1,
        ),
        LeerpadStap(
            soort=StapSoort.REFLECTIE,
            titel="Terugblik",
            vraag="Wat woog voor u het zwaarst, en waarom?",
            minuten=5,
            sort_order=2,
        ),
    ]
    leerpaden_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def login(page, base, username, password):
    page.goto(f"{base}/accounts/login/?next=/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def logout(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()


def test_new_hire_completes_a_short_path(live_server, browser_page, screenshot):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    leerpad = make_short_path()
    page, base = browser_page, live_server.url

    # The new hire's home page shows their paths first; the demo path is halfway.
    login(page, base, "nieuw", "demo-nieuw")
    assert page.get_by_role("heading", name="Uw leerpaden").is_visible()
    assert page.get_by_role("link", name="Verder met stap 4: Pinbetalingen elders door mantelzorg").is_visible()
    screenshot(page, "leerpad-start")
    with page.expect_navigation():
        page.get_by_role("link", name="Begin met Kort: eerst zelf wegen").click()

    # Step 1: read.
    assert page.get_by_role("heading", level=1, name="Lees de drietrapstoets").is_visible()
    assert "Stap 1 van 3" in page.inner_text("main")
    with page.expect_navigation():
        page.get_by_role("button", name="Gelezen, naar de volgende stap").click()

    # Step 2: practise; the outcome is hidden until the answer.
    assert page.get_by_role("heading", name="Wat zou jij besluiten?", exact=True).is_visible()
    assert "Wat er in de casus besloten is" not in page.inner_text("main")
    page.get_by_label("Onbewust: wist het niet of kon het niet overzien").check()
    page.get_by_label("Niet verwijtbaar").check()
    page.get_by_label("Enigszins: de omstandigheden verzachten").check()
    page.get_by_label("Een sanctie schaadt meer dan zij oplevert").check()
    page.locator("input[name=uitkomst][value='geen sanctie']").check()
    screenshot(page, "leerpad-oefenen")
    with page.expect_navigation():
        page.get_by_role("button", name="Antwoord geven en uitkomst bekijken").click()
    main = page.inner_text("main")
    assert "Wat er in de casus besloten is" in main and "Hoe collega's antwoordden" in main
    assert page.get_by_text("uw antwoord").first.is_visible()
    screenshot(page, "leerpad-uitkomst")

    # Log out and in again: the progress is kept and the home page offers the next step.
    logout(page)
    login(page, base, "nieuw", "demo-nieuw")
    with page.expect_navigation():
        page.get_by_role("link", name="Verder met stap 3: Terugblik").click()
    assert page.get_by_role("heading", level=1, name="Terugblik").is_visible()

    # Step 3: reflect, and the path is complete.
    page.get_by_label("Wat woog voor u het zwaarst, en waarom?").fill(
        "Dat de lening vooraf werd voorgelegd: wie open is, handelt niet verwijtbaar."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Antwoord opslaan en verder").click()
    assert page.url.endswith(leerpad.url)
    main = page.inner_text("main")
    assert "Gefeliciteerd" in main and "U hebt dit leerpad afgerond." in main and "3 van 3 stappen afgerond" in main
    screenshot(page, "leerpad-afgerond")
    logout(page)

    # The trainer sees who started, how far they are, and where practice answers differ.
    login(page, base, "trainer", "demo-trainer")
    page.goto(f"{base}/leerpaden/")
    with page.expect_navigation():
        page.get_by_role("link", name="Voortgang van alle deelnemers: De drietrapstoets in de praktijk").click()
    main = page.inner_text("main")
    assert "Oefencasus: waar antwoorden afwijken van de uitkomst" in main and "signaal voor intervisie" in main
    assert page.get_by_role("row", name="Nieuwe medewerker").is_visible()
    screenshot(page, "leerpad-trainer")
