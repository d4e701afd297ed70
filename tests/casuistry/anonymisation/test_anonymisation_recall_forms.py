"""Forms found in the recall round for notes by other writers (own made-up examples).

One block per family; each has look-alikes that must stay untouched.
"""

from __future__ import annotations

import pytest

from casuistry.services.anonymisation import detect


def spans(text: str, label: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.label == label]


# ----------------------------------------------------------------------------- case numbers
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Signaal RV-23Q4-118204 is doorgezet.", ["RV-23Q4-118204"]),
        ("uitbetaling/EREF/TMP-20231105-88412\n", ["TMP-20231105-88412"]),
        ("/MARF/MND-0099812/REMI/premie", ["MND-0099812"]),
        ("Eerder oordeelde de CRvB in 21/3390 WWB anders.", ["21/3390 WWB"]),
        ("zie parketnr 07/335120-23 van het OM", ["07/335120-23"]),
        ("het appartementsrecht Zwolle K 8812 A 14 is verkocht", ["K 8812 A 14"]),
        ("Uw kenmerk: TRZ 23-0712\nBetreft: bezwaar", ["TRZ 23-0712"]),
    ],
)
def test_case_number_shapes(text, expected):
    assert spans(text, "CASENR") == expected


@pytest.mark.parametrize(
    "text",
    [
        "salaris 03/2024 LOON ontvangen",
        "dossier 2231-44190/EREF/NOTPROVIDED",
        "de BV is per 1 januari opgeheven; 12/34 en 3/4 van de uren",
        "/EREF/NOTPROVIDED/REMI/huur",
    ],
)
def test_case_number_look_alikes(text):
    found = spans(text, "CASENR")
    assert all("EREF" not in f and "NOTPROVIDED" not in f and "LOON" not in f for f in found)
    if "dossier" not in text:
        assert found == []


def test_appeal_number_is_no_postcode():
    text = "CRvB 19/2204 AW, gegrond."
    assert spans(text, "POSTCODE") == []


# ----------------------------------------------------------------------------- persons
@pytest.mark.parametrize(
    "text, expected",
    [
        ("overboeking NL44 INGB 0001 2345 67 K.M. VAN DIJK omschrijving huur", ["K.M. VAN DIJK"]),
        ("bij: R. DE VRIES-SMIT, mei 2024", ["R. DE VRIES-SMIT"]),
        ("/IBAN/NL02ABNA0123456789/BIC/ABNANL2A/NAME/FAM TER HORST/REMI/gift", ["TER HORST"]),
        ("Boarding pass op naam van OKAFOR/CHIDI, stoel 14C.", ["OKAFOR/CHIDI"]),
        ("Hoi Jurre, kun je morgen om 7 beginnen?", ["Jurre"]),
        ("Afspraak gaat niet door.\nkm RvW", ["RvW"]),
        ("Vervolgafspraak over vier weken.\nhdV", ["hdV"]),
        ("Aanwezig: dhr. Kwabena Mensah en zijn broer.", ["Kwabena Mensah"]),
    ],
)
def test_person_forms(text, expected):
    assert spans(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text",
    [
        "/TRTP/SEPA OVERBOEKING/IBAN/NL02ABNA0123456789/BIC/ABNANL2A/NAME/GEMEENTE ZWOLLE/REMI/x",
        "Hoi Team, Beste Klantmanager, Hallo Allemaal!",
        "AOW/ANW en WW/WIA worden verrekend.",
        "Volgens mevrouw F. is alles gemeld.\nkm",
        "Met meneer K. besproken: de IOAW loopt af.",
    ],
)
def test_person_look_alikes(text):
    assert spans(text, "PERSON") == []


# ----------------------------------------------------------------------------- employers
@pytest.mark.parametrize(
    "text, expected",
    [
        ("hij werkt als nachtportier bij K9S sinds mei", ["K9S"]),
        ("ze is sinds januari voor Zapp in loondienst", ["Zapp"]),
        ("vanochtend naar Zuivelfabriek De Eendracht gereden", ["Zuivelfabriek De Eendracht"]),
        ("Met groet,\nWoningstichting Het Anker\nAfdeling Incasso", ["Woningstichting Het Anker"]),
        ("gemachtigde: Verbeek Advocatuur, te Arnhem", ["Verbeek Advocatuur"]),
        ("mogelijk werkt hij voor Yilmaz Schoonmaak & Onderhoud in de regio", ["Yilmaz Schoonmaak & Onderhoud"]),
        ("ze verkoopt via haar webshop Mila Bloemwerk kaarsen", ["Mila Bloemwerk"]),
        ("hij noemde FixPlanet als werkgever, later ook FixPlanet Noord", ["FixPlanet", "FixPlanet Noord"]),
        ("vakken vullen bij h&m, daarna bediening", ["h&m"]),
    ],
)
def test_employer_forms(text, expected):
    assert spans(text, "EMPLOYER") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Filmpje op YouTube en TikTok gezien; betaald met PayPal via MijnOverheid.",
        "Rekeningafschrift SpaarBank januari, mail naar info@FixPlanet.nl",
        "Melding via WhatsApp; hulp van VluchtelingenWerk bij de aanvraag.",
        "Ze werkt als vrijwilliger bij de Voedselbank.",
    ],
)
def test_employer_look_alikes(text):
    assert spans(text, "EMPLOYER") == []


# ----------------------------------------------------------------------------- places
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Adres: Dorpsweg 3, 3083 AB Rotterdam (Charlois)", ["Rotterdam", "Charlois"]),
        ("woont in Amsterdam (Watergraafsmeer) bij haar zus", ["Amsterdam", "Watergraafsmeer"]),
        ("het college van de gemeente Midden-Drenthe besloot", ["Midden-Drenthe"]),
        ("/NAME/GEMEENTE DEN HELDER/REMI/bijstand juni", ["DEN HELDER"]),
        ("schoonmaak in de hallen aan de rand van Zoetermeer", ["Zoetermeer"]),
        ("het college van B&W van Rijswijk", ["Rijswijk"]),
        ("hij werkte in een loods bij Waalwijk", ["Waalwijk"]),
    ],
)
def test_place_forms(text, expected):
    assert spans(text, "PLACE") == expected


def test_place_look_alikes_stay_persons_or_nothing():
    # a province in brackets stays (provinces are never PLACE)
    assert spans("wonend te Gouda (Zuid-Holland) en in Zwolle (Overijssel)", "PLACE") == ["Gouda", "Zwolle"]
    assert spans("gesprek met Peter van Apeldoorn en J. van Tilburg", "PERSON") == [
        "Peter van Apeldoorn",
        "J. van Tilburg",
    ]
    assert spans("hij verklaarde dat van den Berg niet thuis was", "PERSON") == ["van den Berg"]
