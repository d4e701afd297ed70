"""One full leerdialoog in the browser: a trainer plans, prepares, runs and closes a session; three
colleagues answer from their own login without seeing each other's answers; a redacteur publishes
the werkafspraak. Screenshots: preparation pack, reveal (as a participant sees it), session report."""

import io

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTICIPANTS = [
    # username, password, outcome, toelichting
    ("consulent", "demo-consulent", "waarschuwing", "Vooraf gemeld, dus geen verwijt."),
    ("jurist", "demo-jurist", "geen sanctie", "Hij vroeg het zelf na; dat verdient geen sanctie."),
    ("nieuw", "demo-nieuw", "waarschuwing", ""),
]
CASUS = "Lening van broer vooraf voorgelegd aan klantmanager"


def login(page, base, username, password):
    page.goto(f"{base}/accounts/login/?next=/intervisie/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/intervisie/")


def logout(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Uitloggen").click()


def test_full_leerdialoog_with_three_colleagues(live_server, browser_page, screenshot):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    page, base = browser_page, live_server.url

    # 1. The trainer plans the session.
    login(page, base, "trainer", "demo-trainer")
    page.get_by_role("link", name="Nieuwe sessie plannen").click()
    page.get_by_label("Titel").fill("Leerdialoog: lening van broer")
    page.get_by_label("Methode").select_option(label="Drietrapstoets-dialoog")
    for username, *_ in PARTICIPANTS:
        page.locator(f"label:has-text('({username})') input").check()
    page.get_by_label("Bestaande casus").select_option(label=CASUS)
    with page.expect_navigation():
        page.get_by_role("button", name="Sessie plannen").click()
    assert page.get_by_role("heading", level=1, name="Leerdialoog: lening van broer").is_visible()
    session_url = page.url

    # 2. Preparation pack (prints as an agenda).
    page.get_by_role("link", name="Voorbereidingspakket en agenda").click()
    assert page.get_by_role("heading", name="Agenda en leidraad").is_visible()
    assert page.get_by_role("heading", name="Vergelijkbare casus").is_visible()
    assert page.get_by_role("heading", name="Begrippen").is_visible()
    screenshot(page, "intervisie-voorbereiding")
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Agenda afdrukken").is_visible()
    page.emulate_media(media="screen")

    # 3. The trainer opens the judgement round.
    page.goto(session_url)
    with page.expect_navigation():
        page.get_by_role("button", name="Leerdialoog starten").click()
    assert "0 van 3 deelnemers hebben hun oordeel gegeven" in page.inner_text("main")
    logout(page)

    # 4. Each colleague answers from their own login, without seeing the others.
    for number, (username, password, outcome, toelichting) in enumerate(PARTICIPANTS):
        login(page, base, username, password)
        page.get_by_role("link", name="Leerdialoog: lening van broer").click()
        assert page.get_by_role("heading", name="Wat zou jij besluiten?", exact=True).is_visible()
        body = page.content()
        assert "De onthulling" not in body
        for earlier in PARTICIPANTS[:number]:
            if earlier[3]:
                assert earlier[3] not in body
        assert f"{number} van 3 deelnemers hebben hun oordeel gegeven" in page.inner_text("main")
        page.get_by_label("Onbewust: wist het niet of kon het niet overzien").check()
        page.get_by_label("Verminderd verwijtbaar" if number else "Niet verwijtbaar").check()
        page.get_by_label("Enigszins: de omstandigheden verzachten").check()
        page.get_by_label("Een sanctie schaadt meer dan zij oplevert").check()
        page.locator(f"input[name=uitkomst][value='{outcome}']").check()
        if toelichting:
            page.get_by_label("Toelichting (optioneel)").fill(toelichting)
        with page.expect_navigation():
            page.get_by_role("button", name="Oordeel opslaan").click()
        assert "Uw oordeel is opgeslagen" in page.inner_text("main")
        logout(page)

    # 5. The trainer reveals: distribution, agreement figure and the actual outcome.
    login(page, base, "trainer", "demo-trainer")
    page.goto(session_url)
    assert "3 van 3 deelnemers hebben hun oordeel gegeven" in page.inner_text("main")
    with page.expect_navigation():
        page.get_by_role("button", name="Antwoorden onthullen").click()
    main = page.inner_text("main")
    assert "De onthulling" in main
    assert "33%" in main  # 2× waarschuwing, 1× geen sanctie: 1 of 3 pairs agree
    assert "Wat er in de casus besloten is" in main
    assert "Hij vroeg het zelf na" in main  # toelichtingen appear, without names

    # 6. Record notes, conclusions and a werkafspraak; propose it; close the session.
    page.get_by_label("Aantekeningen fase 4. Onthulling en verschillen verkennen").fill(
        "Twee kozen een waarschuwing, één geen sanctie. Het verschil zat in hoe zwaar het vooraf melden weegt."
    )
    page.get_by_label("Conclusies").fill("Wie een lening vooraf voorlegt, handelt niet verwijtbaar.")
    with page.expect_navigation():
        page.get_by_role("button", name="Verslag opslaan").click()
    page.get_by_label("Werkafspraak in het kort").fill("Lening vooraf voorgelegd: geen sanctie")
    page.get_by_label("De afspraak").fill("Legt iemand een lening vooraf aan ons voor, dan volgt geen sanctie.")
    with page.expect_navigation():
        page.get_by_role("button", name="Werkafspraak vastleggen").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Voorstellen voor de kennisbank").click()
    assert "Voorgesteld, wacht op een redacteur" in page.inner_text("main")
    with page.expect_navigation():
        page.get_by_role("button", name="Sessie afsluiten").click()
    main = page.inner_text("main")
    assert "Verslag van de leerdialoog" in main and "Wie een lening vooraf voorlegt" in main
    screenshot(page, "intervisie-verslag")
    logout(page)

    # 7. A participant sees their answer next to the group's; a redacteur publishes the werkafspraak.
    login(page, base, "jurist", "demo-jurist")
    row = page.locator("tr", has_text="Leerdialoog: lening van broer")
    assert "Geen sanctie" in row.inner_text() and "Waarschuwing" in row.inner_text()
    row.get_by_role("link", name="Leerdialoog: lening van broer").click()
    assert page.get_by_role("heading", name="De onthulling: zo oordeelde de groep").is_visible()
    assert page.get_by_text("uw antwoord").first.is_visible()
    screenshot(page, "intervisie-onthulling")
    logout(page)
    login(page, base, "redacteur", "demo-redacteur")
    with page.expect_navigation():
        page.get_by_role("button", name="Publiceren in de kennisbank").click()
    assert page.get_by_role("heading", level=1, name="Lening vooraf voorgelegd: geen sanctie").is_visible()
    assert page.get_by_role("link", name=CASUS).is_visible()
