"""Every label, with the tricky formats case notes really contain."""

from __future__ import annotations

import pytest
from anonymisation_helpers import labelled

from casuistry.services.anonymisation import detect


def spans_of(text: str, label: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.label == label]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gesprek met Daan de Vries over de melding.", ["Daan de Vries"]),
        ("Daans moeder woont sinds kort bij hem in.", ["Daans"]),
        (
            "Volgens Fatima El Amrani klopt dat niet; Fatimas dochter bevestigt het.",
            ["Fatima El Amrani", "Fatimas"],
        ),
        ("Ook mevrouw Bakker en meneer de Vries waren aanwezig.", ["Bakker", "de Vries"]),
        ("De heer van Dijk en mw. de Jong belden terug.", ["van Dijk", "de Jong"]),
        ("Roos Bakker en Jan Visser werken samen.", ["Roos Bakker", "Jan Visser"]),
        ("Het rapport is opgesteld door J.P. Smit.", ["J.P. Smit"]),
        ("Getekend: J. de Vries, handhaver.", ["J. de Vries"]),
        ("Aanwezig waren Mehmet Yılmaz en Katarzyna Kowalska.", ["Mehmet Yılmaz", "Katarzyna Kowalska"]),
        ("Haar zwager Burak komt vaak langs.", ["Burak"]),
        ("Zijn broer Rajesh Ramdin (31) woont in de buurt.", ["Rajesh Ramdin"]),
        ("Dhr. Ahmad Al-Masri meldde zich bij de balie.", ["Ahmad Al-Masri"]),
        ("De tolk hielp; cliënt Yonas Tesfamariam begreep het.", ["Yonas Tesfamariam"]),
    ],
)
def test_person_names(text, expected):
    assert spans_of(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text",
    [
        "BSN 123456782 is gecontroleerd.",
        "Het burgerservicenummer 1234.56.782 staat op de aanvraag.",
        "Haar nummer is 123 456 782 volgens Suwinet.",
    ],
)
def test_bsn_valid_formats(text):
    assert len(spans_of(text, "BSN")) == 1


def test_bsn_eleven_test():
    # 123456789 fails the 11-proef: without context it is not a BSN ...
    text = "Referentie in de bijlage: 123456789."
    assert spans_of(text, "BSN") == []
    # ... but directly after "BSN" a 9-digit number is still flagged as BSN
    text = "BSN: 123456789 (volgens de klant)."
    assert spans_of(text, "BSN") == ["123456789"]


@pytest.mark.parametrize(
    "value",
    ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "NL45INGB4145210984", "DE89370400440532013000"],
)
def test_iban(value):
    assert spans_of(f"Betaling op rekening {value} ontvangen.", "IBAN") == [value]


@pytest.mark.parametrize(
    "value",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31612345678",
        "0031 6 12345678",
        "010-1234567",
        "(020) 123 45 67",
        "0800-0123",
        "0900-1234567",
        "+31 (0)6 12 34 56 78",
        "013 - 5 44 33 22",
    ],
)
def test_phone(value):
    assert spans_of(f"Zij is bereikbaar op {value} na 17 uur.", "PHONE") == [value]


@pytest.mark.parametrize(
    "value", ["j.jansen@example.nl", "k.nowak84@outlook.com", "info@bedrijf-x.example.nl"]
)
def test_email(value):
    assert spans_of(f"Mail gestuurd naar {value}.", "EMAIL") == [value]


@pytest.mark.parametrize(
    "value",
    [
        "Dorpsstraat 12a",
        "Laan van Meerdervoort 1-III",
        "Kerkplein 3 bis",
        "Hengelosestraat 210-2",
        "Burgemeester de Withstraat 5",
        "Pijnackerstraat 19 hs",
        "Postbus 1234",
        "Noordeinde 9-1",
        "Stationsstraat 4 A",
    ],
)
def test_address(value):
    assert spans_of(f"Het adres is {value}, daar woont zij sinds kort.", "ADDRESS") == [value]


@pytest.mark.parametrize("value", ["1234 AB", "1234AB", "1234 ab"])
def test_postcode(value):
    assert spans_of(f"Dorpsstraat 1, {value} Dordrecht.", "POSTCODE") == [value]


def test_postcode_not_year_plus_word():
    assert spans_of("In 2024 en 2025 is er niets gemeld.", "POSTCODE") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gesprek op 12-03-2024 gevoerd.", ["12-03-2024"]),
        ("Gesprek op 12/3/24 gevoerd.", ["12/3/24"]),
        ("Gesprek op 12 maart 2024 gevoerd.", ["12 maart 2024"]),
        ("Gesprek op 12 maart gevoerd.", ["12 maart"]),
        ("Was het maart 12? Dat weet zij niet.", ["maart 12"]),
        ("Geboren 3 jan. 1991 in Nador.", ["3 jan. 1991"]),
        ("Afspraak 3 jan. om tien uur.", ["3 jan."]),
        ("Uitbetaling op de 1e van de maand.", []),
        ("Dit speelt sinds 2024.", []),
        ("Dit speelt sinds maart 2024.", []),
        ("In het tweede kwartaal van 2024.", []),
    ],
)
def test_dates(text, expected):
    assert spans_of(text, "DATE") == expected


@pytest.mark.parametrize("value", ["12-ABC-3", "AB-123-C", "1-ABC-23", "XX-99-XX", "VBN-12-K", "GJ-456-K"])
def test_plates(value):
    assert spans_of(f"De auto met kenteken {value} stond voor de deur.", "PLATE") == [value]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zie dossiernummer 2024-0012345.", "2024-0012345"),
        ("Zaaknr. Z-23-998877 is aangemaakt.", "Z-23-998877"),
        ("Het bedrijf staat in de KvK 12345678 ingeschreven.", "12345678"),
        ("Klantnummer 445566 staat op de brief.", "445566"),
        ("Kenmerk advocaat: 2024.117.HO.", "2024.117.HO"),
    ],
)
def test_case_numbers(text, expected):
    assert spans_of(text, "CASENR") == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hij werkt bij Albert Heijn in de avond.", ["Albert Heijn"]),
        ("Zij werkt bij schoonmaakbedrijf Jansen Schoonmaak B.V. in de ochtend.", ["Jansen Schoonmaak B.V."]),
        ("Het pakket wordt bezorgd; hij werkt bij PostNL.", ["PostNL"]),
        ("Haar zoon werkt bij de Jumbo.", ["Jumbo"]),
        ("Hij werkt via uitzendbureau Covebo.", ["Covebo"]),
    ],
)
def test_employers(text, expected):
    assert spans_of(text, "EMPLOYER") == expected


def test_places_and_countries():
    text = "Zij woont in Dordrecht, verbleef vijf weken in Marokko en reist soms naar Den Haag en Polen."
    assert spans_of(text, "PLACE") == ["Dordrecht", "Den Haag"]


def test_person_vs_place_ambiguity():
    # "Gouda" is also a surname: with "in" it is a place
    text = "De werkplaats ligt in Gouda."
    assert labelled(text, detect(text)) == [("PLACE", "Gouda")]


def test_full_note_labels():
    text = (
        "Huisbezoek op 12 maart 2024 bij Fatima El Amrani (41), Dorpsstraat 12a, 3311 AB Dordrecht. "
        "BSN 123456782, tel 06-12345678, IBAN NL91ABNA0417164300, mail f.elamrani@example.nl. "
        "Kenteken 12-ABC-3, dossiernummer 2024-0012345. Zij werkt bij Albert Heijn."
    )
    labels = [label for label, _ in labelled(text, detect(text))]
    assert labels == [
        "DATE",
        "PERSON",
        "ADDRESS",
        "POSTCODE",
        "PLACE",
        "BSN",
        "PHONE",
        "IBAN",
        "EMAIL",
        "PLATE",
        "CASENR",
        "EMPLOYER",
    ]
