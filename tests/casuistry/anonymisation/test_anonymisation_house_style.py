"""House-style casus texts must give zero findings; real names at sentence start still count.

The first group are sentences from the demo and search-eval casus files that once produced false
positives: capitalised ordinary words at the start of a sentence or title ("Via", "Zwart",
"Baan", "Scholing", "Oud-..."), a village name that is also a word ("Handel"), a country missing
from the list ("Canada"), the rest of a compound after a protected term ("AOW-leeftijd") and a
plain word after "kenteken" ("kentekens en een ...").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casuistry.services.anonymisation import detect

REPO = Path(__file__).resolve().parents[3]

# sentences (and titles) from casuistry/demo_data/casus.jsonl and tests/data/search_eval_casus.jsonl
REGRESSION_TEXTS = [
    "Meneer O. (26) ontvangt bijstand als alleenstaande. Via het Inlichtingenbureau kwam een "
    "signaal uit de polisadministratie dat hij loon ontving van een uitzendbureau.",
    "Zij geeft haar loonstroken al jaren elke maand keurig door. Via het UWV kwam het signaal dat "
    "over twee maanden inkomsten bekend waren die niet waren verrekend.",
    "Via de Belastingdienst kwam informatie binnen uit de verplichte rapportage van online "
    "verkoopplatforms. Meneer F. (29) bleek in een jaar ruim 140 verkopen te hebben gedaan.",
    "Via DUO kwam het signaal dat meneer K. (21), die bijstand ontving, sinds zes maanden stond "
    "ingeschreven voor een voltijds mbo-opleiding.",
    "Mevrouw N. woont met haar dochter van 19. Via DUO kwam het signaal dat de dochter een "
    "opleiding volgt.",
    "Oud-zelfstandige schilder deed klussen voor vroegere klanten",
    "Oud-ondernemer slaat workshops voor vijftigplussers over",
    "Oud-ondernemer in minnelijke schuldregeling; gemeente stemt in",
    "Oud-timmerman met IOAZ doet nog klussen voor vaste klanten",
    "Oud-bakker wil op markten gaan bakken",
    "Zwart werk benadeelt de gemeenschap twee keer: via de bijstand en via gemiste belastingen en "
    "premies.",
    "Uitstroom naar betaald werk levert de samenleving een besparing op. Korten op de uitkering "
    "zou juist deze stap ontmoedigen en staat haaks op het doel van de wet.",
    "Baan in distributiecentrum afgewezen vanwege nachtdiensten",
    "Scholing kan als voorziening gericht op arbeidsinschakeling worden aangeboden; een "
    "deeltijdopleiding zonder recht op studiefinanciering sluit bijstand niet uit.",
    "Meneer heeft een laag inkomen, gezondheidsklachten en geen perspectief op werk. Na zijn "
    "AOW-leeftijd gaat hij er niet op vooruit door zijn onvolledige opbouw.",
    "Mevrouw T. (58) vroeg haar klantmanager vooraf of zij vier weken naar haar dochter in Canada "
    "kon, die net een kind had gekregen.",
    "Handel in sneakers via online platforms",
    "Het plan bestaat uit een betalingsregeling, het laten schorsen van de kentekens en een "
    "verzoek aan het CJIB om de boetes te herzien.",
]

# more house-style sentences in the same spirit: ordinary words, compounds with "Oud-"/"Ex-",
# place-like words and professional vocabulary at the start of a sentence or title
EXTRA_HOUSE_STYLE_TEXTS = [
    "Ex-partner van mevrouw D. (37) blijkt vaak te overnachten; de klantmanager bespreekt de "
    "gezamenlijke huishouding.",
    "Bakker van beroep, maar meneer S. (52) werkt al jaren niet meer door rugklachten.",
    "Kort na de melding kwam meneer V. (45) zelf naar het loket.",
    "Schoonmaakwerk in de avonduren leverde mevrouw J. (33) ongeveer € 400 per maand op.",
    "Oud-militair met PTSS vraagt bijzondere bijstand voor een hulphond",
    "Hoop op werk bleef lang uit; meneer B. (59) solliciteert sinds 2023 zonder resultaat.",
    "Vrijwilligerswerk bij de voedselbank telt niet als inkomen, legde de klantmanager uit aan "
    "mevrouw E.",
    "Opvang bij familie in Turkije duurde langer dan vier weken; mevrouw G. (66) meldde dit achteraf.",
    "Dienst in het leger in Syrië verklaart het gat in het cv van meneer A. (31).",
    "Werk als pakketbezorger via een app: meneer L. (27) dacht dat dit geen loon was.",
    "Vos op de kippenren? Nee: het signaal over de volkstuin van meneer W. bleek onjuist.",
    "Groen licht voor de proefplaatsing; het kenteken van de bestelbus staat op naam van de "
    "werkgever.",
]


@pytest.mark.parametrize("text", REGRESSION_TEXTS + EXTRA_HOUSE_STYLE_TEXTS)
def test_house_style_sentence_gives_no_findings(text):
    assert [(f.label, text[f.start : f.end]) for f in detect(text)] == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Fatima kwam op gesprek.", "Fatima"),
        ("Jansen meldde zich bij de balie.", "Jansen"),
        ("Via Pieter de Vries kwam het signaal binnen.", "Pieter de Vries"),
        ("Roos kwam op gesprek en nam haar loonstroken mee.", "Roos"),
        ("Bakker (45) verklaarde dat hij niets wist.", "Bakker"),
        ("Oud-collega Jansen-de Vries belde over de aanvraag.", "Jansen-de Vries"),
    ],
)
def test_real_name_at_sentence_start_is_found(text, name):
    assert [text[f.start : f.end] for f in detect(text) if f.label == "PERSON"] == [name]


def test_common_word_surname_is_found_after_a_full_mention():
    text = "Tip: Dennis Kok werkt zwart. Kok verklaarde dat hij alleen helpt. Zwart werk is fraude."
    persons = [text[f.start : f.end] for f in detect(text) if f.label == "PERSON"]
    assert persons == ["Dennis Kok", "Kok"]


def test_place_that_is_a_word_needs_context_at_sentence_start():
    assert detect("Handel in tweedehands fietsen is geen hobby meer.") == []
    text = "Zij woont in Handel en werkt in Boxmeer."
    assert [(f.label, text[f.start : f.end]) for f in detect(text)] == [
        ("PLACE", "Handel"),
        ("PLACE", "Boxmeer"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Het schorsen van de kentekens en een betalingsregeling.", []),
        ("Het kenteken was van zijn broer.", []),
        ("Het kentekenbewijs ontbreekt.", []),
        ("De auto met kenteken 12abc3 stond voor de deur.", ["12abc3"]),
        ("Kenteken: xx 99 xx, bouwjaar 2019.", ["xx 99 xx"]),
        ("Kentekens GJ-456-K en VBN-12-K.", ["GJ-456-K", "VBN-12-K"]),
    ],
)
def test_plate_needs_a_sidecode_shape(text, expected):
    assert [text[f.start : f.end] for f in detect(text) if f.label == "PLATE"] == expected


def _casus_texts(row):
    yield row["title"]
    yield row["summary"]
    yield from row["drietrapstoets"].values()
    yield from (row.get("omgekeerde_toets") or {}).values()
    yield from row.get("tags", [])


@pytest.mark.parametrize(
    "path", ["casuistry/demo_data/casus.jsonl", "tests/data/search_eval_casus.jsonl"]
)
def test_house_style_casus_files_give_no_findings(path):
    file = REPO / path
    if not file.exists():
        pytest.skip(f"{path} not present")
    hits = []
    with open(file, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            for text in _casus_texts(json.loads(line)):
                hits += [(n, f.label, f.start, f.end) for f in detect(text)]
    assert hits == []
