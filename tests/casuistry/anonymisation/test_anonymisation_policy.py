"""Protected lexicon, house style, placeholders, offsets and the Finding/API contract."""

from __future__ import annotations

import dataclasses
import logging
import sys

import pytest

from casuistry.services.anonymisation import (
    Finding,
    PseudonymisedText,
    detect,
    get_detector,
    lexicon,
    pseudonymise,
)

PROTECTED_TEXT = (
    "De klantmanager en de handhaver bespraken met het wijkteam en schuldhulpverlening de "
    "Participatiewet, de IOAW en de IOAZ, de inlichtingenplicht, de medewerkingsplicht en de "
    "arbeidsverplichting. Signalen kwamen van UWV, DUO, SVB, CAK, CJIB, de Belastingdienst en het "
    "Inlichtingenbureau. Spullen werden via Marktplaats verkocht. Bijzondere bijstand, de "
    "kostendelersnorm, de drietrapstoets en de omgekeerde toets kwamen aan bod; de gemeente "
    "beslist. Zij woonde in Nederland, Marokko, Turkije en Polen. Zij is 34 jaar, (34), kreeg "
    "€ 1.250,00 in 2024, in Q1 2024 en in maart 2024, volgens art. 17 lid 1 en artikel 58 "
    "Participatiewet, voor een periode van 6 weken en 3 maanden, in het tweede kwartaal."
)

HOUSE_STYLE_TEXTS = [
    "Mevrouw F. (34) kwam op gesprek. Mevrouw F. vertelde dat zij sinds 2022 gescheiden is. "
    "Zij heeft twee kinderen van 6 en 9 jaar. De inlichtingenplicht is uitgelegd.",
    "Dhr. K. heeft geen melding gedaan van de auto. Dhr. K. gaf aan dat hij het niet wist. "
    "Advies: waarschuwing conform de drietrapstoets.",
    "Meneer Y. (24) ontvangt studiefinanciering van DUO. Meneer Y. dacht dat het een lening was. "
    "Vervolggesprek over zes weken met de klantmanager.",
    "Gesprek met mw. A. over de arbeidsverplichting. Mw. A. mist afspraken door mantelzorg. "
    "Geen maatregel; eerst het wijkteam inschakelen.",
    "De heer B. verkoopt kinderkleding via Marktplaats, ongeveer € 300 per half jaar. De heer B. "
    "krijgt uitleg over hobby of handel. Mevrouw F. Zij was ook aanwezig.",
    "Casusbespreking: mevrouw R. (44) kreeg € 150 per maand van haar broer. De collega's "
    "verschilden van mening. Artikel 58 Participatiewet: terugvordering is verplicht. "
    "Mevrouw R. krijgt een waarschuwing. Vervolg in het derde kwartaal van 2024.",
    "Dhr. T. (58) ontvangt een IOAZ-uitkering sinds 2019. Dhr. T. heeft een aanslag van de "
    "Belastingdienst van € 2.300. Het wijkteam ondersteunt.",
]


def test_protected_lexicon_untouched():
    assert detect(PROTECTED_TEXT) == []


def test_protected_terms_are_a_data_file():
    terms = lexicon.protected_terms()
    for term in ("Participatiewet", "inlichtingenplicht", "UWV", "drietrapstoets", "Marktplaats"):
        assert term in terms


@pytest.mark.parametrize("text", HOUSE_STYLE_TEXTS)
def test_house_style_texts_produce_no_findings(text):
    assert detect(text) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Gesprek met mevrouw J.P. over de aanvraag.", "J.P."),
        ("Gesprek met mevrouw F. Bakker over de aanvraag.", "F. Bakker"),
        ("Gesprek met meneer Mohammed over de aanvraag.", "Mohammed"),
        ("Gesprek met dhr. de Vries over de aanvraag.", "de Vries"),
    ],
)
def test_title_with_more_than_one_initial_or_a_name_is_a_person(text, name):
    assert [text[f.start : f.end] for f in detect(text) if f.label == "PERSON"] == [name]


def test_consistent_person_placeholders():
    text = (
        "Daan de Vries belde. Daans moeder woont bij hem. Daan zegt dat Fatima Bakker de buurvrouw is. "
        "Mevrouw Bakker bevestigt dat; Fatimas man ook. Daan de Vries stuurt de stukken."
    )
    result = pseudonymise(text)
    assert isinstance(result, PseudonymisedText)
    assert result.text == (
        "[PERSOON-1] belde. [PERSOON-1] moeder woont bij hem. [PERSOON-1] zegt dat [PERSOON-2] de "
        "buurvrouw is. Mevrouw [PERSOON-2] bevestigt dat; [PERSOON-2] man ook. [PERSOON-1] stuurt "
        "de stukken."
    )
    assert result.counts == {"PERSON": 7}


def test_placeholders_for_every_label():
    text = (
        "Op 12 maart 2024 belde Jan Visser (06-12345678, jan@example.nl) uit Dordrecht over BSN "
        "123456782, rekening NL91ABNA0417164300, adres Dorpsstraat 12a, 3311 AB, kenteken "
        "12-ABC-3, dossiernummer 2024-0012345; hij werkt bij Albert Heijn."
    )
    out = pseudonymise(text).text
    for placeholder in (
        "[DATUM]",
        "[PERSOON-1]",
        "[TELEFOON]",
        "[E-MAIL]",
        "[PLAATS]",
        "[BSN]",
        "[IBAN]",
        "[ADRES]",
        "[POSTCODE]",
        "[KENTEKEN]",
        "[DOSSIERNUMMER]",
        "[WERKGEVER]",
    ):
        assert placeholder in out
    assert "Visser" not in out and "123456782" not in out


def test_pseudonymise_accepts_given_findings():
    text = "Jan belde."
    result = pseudonymise(text, [Finding(0, 3, "PERSON")])
    assert result.text == "[PERSOON-1] belde."


def test_offsets_are_exact_sorted_and_non_overlapping():
    text = (
        "Op 1 februari 2024 meldde Shanti Ramdin (29) zich – ‘zij woont aan de Vlietkade 88’ – in Schiedam."
    )
    findings = detect(text)
    assert findings == sorted(findings)
    for a, b in zip(findings, findings[1:], strict=False):
        assert a.end <= b.start
    assert [text[f.start : f.end] for f in findings] == [
        "1 februari 2024",
        "Shanti Ramdin",
        "Vlietkade 88",
        "Schiedam",
    ]


def test_finding_contract():
    f = Finding(3, 12, "BSN")
    assert f.blocking is True
    assert Finding(0, 4, "PLACE").blocking is False
    assert Finding(0, 4, "EMPLOYER").blocking is False
    assert f.masked("BSN123456782") == "1*******2"
    assert "text" not in {field.name for field in dataclasses.fields(Finding)}
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 0  # type: ignore[misc]
    with pytest.raises(ValueError):
        Finding(0, 1, "NAME")
    assert "1234" not in repr(f)


def test_detector_is_a_singleton():
    assert get_detector() is get_detector()


def test_empty_text():
    assert detect("") == []
    assert pseudonymise("").text == ""


def test_no_logging_of_text(caplog):
    caplog.set_level(logging.DEBUG)
    text = "Jan Visser, BSN 123456782, woont aan de Dorpsstraat 12a."
    pseudonymise(text)
    assert "Visser" not in caplog.text and "123456782" not in caplog.text


def test_deduce_import_side_effects_are_undone():
    # deduce configures root logging (DEBUG to stdout) and warning filters on import
    root = logging.getLogger()
    assert not any(getattr(h, "stream", None) is sys.stdout for h in root.handlers)
    assert root.level != logging.DEBUG or root.level == logging.NOTSET
