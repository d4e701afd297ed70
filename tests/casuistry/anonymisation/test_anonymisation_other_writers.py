"""Forms that notes by other writers use, per identifier family (own made-up examples).

Each family has positive cases (what must be found, and its exact span) and negative cases
(look-alikes that must stay untouched: abbreviations, fractions, headings, house style).
"""

from __future__ import annotations

import pytest

from casuistry.services.anonymisation import detect


def spans(text: str, label: str) -> list[str]:
    return [text[f.start : f.end] for f in detect(text) if f.label == label]


def everything(text: str) -> list[tuple[str, str]]:
    return [(f.label, text[f.start : f.end]) for f in detect(text)]


# ----------------------------------------------------------------------------- persons: layout
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Overleg gehad met de klant. Vervolg over twee weken.\n/mvdb", ["mvdb"]),
        ("Vervolg na de zomer, zie agenda. / RvdB", ["RvdB"]),
        ("Afspraak verzet naar de volgende week. gr. TvH", ["TvH"]),
        ("Bellen na de vakantie.\nJK", ["JK"]),
        ("Dossier doorgezet naar HvdL voor beoordeling.", ["HvdL"]),
        ("Met vriendelijke groet,\n\nL. de Graaf\nKlantmanager", ["L. de Graaf"]),
    ],
)
def test_staff_initials_signing_a_note(text, expected):
    assert spans(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Inkomsten en/of vermogen; snelheid 50 km/u.",
        "Dit is afgestemd met de VvE, de KvK en het PvA; uitspraak van de CRvB.",
        "Vervolg: ZSM bellen. NB",
        "Brief verstuurd, zie bijlage. ok",
    ],
)
def test_abbreviations_are_no_initials(text):
    assert spans(text, "PERSON") == []


def test_chat_speakers_and_role_labels():
    text = "[14:02] fatou: ik heb die brief niet\n[14:05] KM Sander: kijk in de bijlage\n[14:06] Klant: ok"
    assert spans(text, "PERSON") == ["fatou", "Sander"]


def test_house_style_speaker_stays_anonymous():
    assert detect("[09:00] Klant: goedemorgen\n[09:01] mevrouw A.: ik kom morgen") == []


def test_repeated_line_label_is_a_speaker_but_a_header_is_not():
    text = "Rocky010: hij werkt zwart\nTeam W&I: waar?\nRocky010: bij de garage\nDatum: onbekend\nDatum: later"
    assert spans(text, "PERSON") == ["Rocky010", "Rocky010"]


def test_user_name_after_profile_word_and_its_recurrence():
    text = "Tip via Instagram: account 'dj_rocky_010' verkoopt telefoons. Later bood dj_rocky_010 er meer aan."
    assert spans(text, "PERSON") == ["dj_rocky_010", "dj_rocky_010"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("sprak vandaag met fatma over de huur", ["fatma"]),
        ("de melding kwam van haar buurvrouw jolanda die langskomt", ["jolanda"]),
        ("top dank je!! groetjes noortje", ["noortje"]),
        ("Johan Wolters belde; volgens de buren is johan vaak weg.", ["Johan Wolters", "johan"]),
    ],
)
def test_lower_case_first_names(text, expected):
    assert spans(text, "PERSON") == expected


def test_short_lower_case_name_needs_a_cue():
    assert detect("De strafzaak loopt (una via).") == []
    assert spans("hoi ans, kun je bellen?", "PERSON") == ["ans"]


# ----------------------------------------------------------------------------- persons: capitals
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Naam: KOWALCZYK, Agnieszka Maria, geboren te Lublin.", ["KOWALCZYK, Agnieszka Maria"]),
        ("Rekening NL20INGB0001234567 t.n.v. M.E. VAN DEN BERG-OUALI.", ["M.E. VAN DEN BERG-OUALI"]),
        ('12-05 BIJ NL02ABNA0123456789 YILDIRIM HATICE "huur mei" +450,00', ["YILDIRIM HATICE"]),
        ("Klant: Bakker, P.J. (45) uit Zwolle.", ["Bakker, P.J."]),
        ("Op de loonstrook staat LIU W.Q. als werknemer.", ["LIU W.Q."]),
        ("DEMIRTAŞ Ayşe Gül kwam met haar dochter.", ["DEMIRTAŞ Ayşe Gül"]),
        ("Vader: ABDULLAHI, Hassan Mohamed. Moeder: WARSAME Hodan.", ["ABDULLAHI, Hassan Mohamed", "WARSAME Hodan"]),
    ],
)
def test_names_in_capitals_and_surname_first(text, expected):
    assert spans(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text",
    [
        "BESLUIT OP BEZWAAR\nGRONDEN VAN HET BEROEP\nMOTIVERING",
        "04-04 AF NL91ABNA0417164300 HUUR APRIL WONEN LIMBURG -650,00",
        "Zie bijlage A. OVERZICHT INKOMSTEN en bijlage B. BANKAFSCHRIFTEN.",
        "T.A.V. DE AFDELING BEZWAAR EN BEROEP",
        "VERSLAG HUISBEZOEK D.D. 12-03-2024 IN HET KADER VAN DE PARTICIPATIEWET",
    ],
)
def test_headings_and_descriptions_in_capitals_are_no_names(text):
    assert spans(text, "PERSON") == []


def test_abbreviated_particles_belong_to_the_name():
    text = "Aanwezig: Hr. v.d. Berg en dhr. v. Dijk."
    assert spans(text, "PERSON") == ["v.d. Berg", "v. Dijk"]


# ----------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Huisbezoek op wo 3/7 en daarna vr. 12 juli.", ["3/7", "12 juli"]),
        ("Waarnemingen op 12/04, 19/04 en 26/04.", ["12/04", "19/04", "26/04"]),
        ("Op 14-06 jl. ontving zij € 500 van haar zus.", ["14-06"]),
        ("De klant die we op de 14e spraken, belde terug.", ["14e"]),
        ("Verklaring ontvangen 26/02: zij woont alleen.", ["26/02"]),
        ("04-03 BIJ NL02ABNA0123456789 ALBERS J +20,00", ["04-03"]),
        ("Brief van 2 juni j.l. en 12 maart jongstleden.", ["2 juni", "12 maart"]),
    ],
)
def test_dates_in_other_forms(text, expected):
    assert spans(text, "DATE") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eigendom voor 1/2 deel; de rest voor 3/4.",
        "Open van 09-12 uur en tussen 07:30-09:00; bereikbaar 24/7.",
        "Berekening: oktober 29/31 van de norm.",
        "Hij kwam de 2e keer niet; de 1e van de maand betaalt hij.",
        "Zijn zus is in augustus 21 geworden.",
    ],
)
def test_fractions_times_and_ordinals_are_no_dates(text):
    assert spans(text, "DATE") == []


def test_house_number_after_a_street_is_no_date():
    assert everything("Hij woont op Botter 14-11, 8232 JD Lelystad.") == [
        ("ADDRESS", "Botter 14-11"),
        ("POSTCODE", "8232 JD"),
        ("PLACE", "Lelystad"),
    ]


# ----------------------------------------------------------------------------- case numbers
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Beroep ingesteld, zaaknummer ROT 24/5512, zitting volgt.", ["ROT 24/5512"]),
        ("Zie uitspraak AWB 24/01234 van de rechtbank.", ["AWB 24/01234"]),
        ("Vonnis in zaak C/09/654321 / HA ZA 24-112 is gewezen.", ["C/09/654321 / HA ZA 24-112"]),
        ("Kantonrechter, zaaknummer 11223344 CV EXPL 24-1187.", ["11223344 CV EXPL 24-1187"]),
        ("Het perceel is bekend als gemeente Gouda, sectie C, nummer 4471.", ["sectie C, nummer 4471"]),
        ("Kadastraal: GDA01 C 4471 (woonhuis).", ["GDA01 C 4471"]),
        ("Betalen onder vermelding van betalingskenmerk 5000 1234 5678 9012.", ["5000 1234 5678 9012"]),
        ("Klant bij DUO, relatienr. 700 1234, belde.", ["700 1234"]),
        ("Zijn grondhuurnummer GH-12345/2010 staat op de akte.", ["GH-12345/2010"]),
        ("Signaal-id IB-UWV-24-00312 is verwerkt.", ["IB-UWV-24-00312"]),
        ("Machtiging: ABC0012345 voor de termijnen.", ["ABC0012345"]),
        ("Volgens de dochter staat het op tapu-nr. 1187/22 in Konya.", ["1187/22"]),
        ("Dossiernummer deurwaarder: GDW/2024/118832.", ["GDW/2024/118832"]),
    ],
)
def test_court_registry_and_payment_numbers(text, expected):
    assert spans(text, "CASENR") == expected


def test_generic_number_keyword_keeps_phone_and_bsn():
    text = "Haar telefoonnummer 06-12345678 en bsn-nummer 123456782 staan in het dossier."
    assert everything(text) == [("PHONE", "06-12345678"), ("BSN", "123456782")]


def test_article_numbers_amounts_and_ecli_are_no_case_numbers():
    assert detect("Zie ECLI:NL:CRVB:2020:1234 en artikel 17 lid 1; bedrag € 1.250,00.") == []


# ----------------------------------------------------------------------------- plates
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zelfde auto, het kenteken zonder streepjes (KT418P) klopt.", ["KT418P"]),
        ("Voor de deur met Pools kenteken WR 4827K.", ["WR 4827K"]),
        ("De auto met Duits kenteken KR-AB 412 stond er weken.", ["KR-AB 412"]),
    ],
)
def test_plates_without_dashes_and_foreign(text, expected):
    assert spans(text, "PLATE") == expected


def test_postcode_without_space_is_no_plate():
    assert everything("Postcode 2518EV Den Haag.") == [("POSTCODE", "2518EV"), ("PLACE", "Den Haag")]


# ----------------------------------------------------------------------------- places
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hij is geboren in Gondar en verbleef daarna in Khartoum.", ["Gondar", "Khartoum"]),
        ("Mevrouw F. woont in Schiedam (Groenoord) met haar kinderen.", ["Schiedam", "Groenoord"]),
        ("Betrokkene woont in de wijk Malburgen.", ["Malburgen"]),
        ("Geboorteplaats: Plovdiv (Bulgarije).", ["Plovdiv"]),
        ("Woont in Amsterdam-Noord; haar broer in Rotterdam-Zuid.", ["Amsterdam-Noord", "Rotterdam-Zuid"]),
        ("03-04 BEA ALBERT HEIJN 1234 DELFT -23,10", ["DELFT"]),
        ("Notitie: mw R. Kalloe, Capelle aan den IJssel.", ["Capelle aan den IJssel"]),
        ("Woningen in Bergen op Zoom en Hendrik-Ido-Ambacht.", ["Bergen op Zoom", "Hendrik-Ido-Ambacht"]),
    ],
)
def test_places_abroad_neighbourhoods_and_capitals(text, expected):
    assert spans(text, "PLACE") == expected


def test_a_bare_dutch_place_is_a_place_not_a_surname():
    assert everything("Mevrouw F. (41) kwam langs. Eindhoven, 4 april 2024") == [
        ("PLACE", "Eindhoven"),
        ("DATE", "4 april 2024"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mevrouw woont in Zuid-Holland, in de regio Drechtsteden.",
        "Zij woont in Twente en haar familie in Marokko.",
        "In Excel en via Teams is het overzicht gedeeld met het wijkteam.",
    ],
)
def test_provinces_regions_countries_and_software_are_no_places(text):
    assert detect(text) == []


# ----------------------------------------------------------------------------- employers
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hij werkt bij de action in de nacht en soms bij jumbo.", ["action", "jumbo"]),
        ("Hij rijdt sinds maart voor uber eats en via deliveroo.", ["uber eats", "deliveroo"]),
        ("Shifts via Temper; de inkomsten via temper zijn niet gemeld.", ["Temper", "temper"]),
        ("Ingeschreven met de eenmanszaak Schoonheidssalon Amira, KvK 81234567.", ["Schoonheidssalon Amira"]),
        ("Zij handelt onder de naam Bakkerij Zoet en Zout.", ["Bakkerij Zoet en Zout"]),
        ("Werkt sinds kort bij kapsalon Chique in Delft.", ["kapsalon Chique"]),
        ("Deurwaarder Van der Velden Gerechtsdeurwaarders stuurde een brief.", ["Van der Velden Gerechtsdeurwaarders"]),
        ("De Lidl Nederland GmbH betaalde het salaris.", ["Lidl Nederland GmbH"]),
        ("Hij werkt bij Veluwe Dakwerken in Apeldoorn.", ["Veluwe Dakwerken"]),
    ],
)
def test_employers_in_lower_case_platforms_and_own_business(text, expected):
    assert spans(text, "EMPLOYER") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zij werkt niet; ze verkoopt via Marktplaats en Vinted.",
        "Hij ontving de loonstrook van juni van Leila Bouzid.",
        "De klantmanager belde met het UWV en de Belastingdienst over het werk.",
    ],
)
def test_selling_platforms_public_bodies_and_persons_are_no_employers(text):
    assert spans(text, "EMPLOYER") == []


# ----------------------------------------------------------------------------- addresses
@pytest.mark.parametrize(
    "value",
    ["12-3hg", "14 rd", "33-boven", "12 rood", "2 beneden", "7 zw", "5-B", "101-III", "3A-02"],
)
def test_house_numbers_with_suffixes(value):
    text = f"Zij woont aan de Prinsengracht {value}, Amsterdam."
    assert spans(text, "ADDRESS") == [f"Prinsengracht {value}"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Woont op Burg. Jansenlaan 4 sinds mei.", ["Burg. Jansenlaan 4"]),
        ("Adres: Mgr. Nolenslaan 12-3 te Geleen.", ["Mgr. Nolenslaan 12-3"]),
        ("Bijlmerdreef 1093 1103 TX Amsterdam", ["Bijlmerdreef 1093"]),
        ("Vrieseplein 5-B boven de bakker.", ["Vrieseplein 5-B"]),
    ],
)
def test_street_titles_and_numbers_next_to_a_postcode(text, expected):
    assert spans(text, "ADDRESS") == expected
    assert spans(text, "PERSON") == []


def test_two_unknown_capitalised_words_are_a_name():
    assert spans("Şükrü Çağlayan en zijn vrouw Gülay kwamen samen.", "PERSON") == ["Şükrü Çağlayan", "Gülay"]


def test_ordinary_compounds_and_places_are_no_unknown_name():
    assert spans("Rekeningoverzicht Triodos over mei; moeder woont in Constanța.", "PERSON") == []


def test_signature_block_keeps_person_and_company_apart():
    text = (
        "Van: Marleen Hofstra\n\nMet vriendelijke groet,\n\n"
        "M.J. Hofstra\nBewindvoerder\nHofstra Budgetbeheer\nKerkstraat 3"
    )
    assert spans(text, "PERSON") == ["Marleen Hofstra", "M.J. Hofstra"]
    assert spans(text, "EMPLOYER") == ["Hofstra Budgetbeheer"]


def test_numbered_headings_are_no_addresses():
    assert spans("Signaal 1: hij verkoopt onderdelen. Vraag 2: woont hij er?", "ADDRESS") == []


@pytest.mark.parametrize(
    "text",
    [
        "Casus: Gift Van Ouders Niet Gemeld Door Alleenstaande Moeder",
        "Mevrouw E. volgt de cursus Taal Op Maat bij het Leerhuis Noord.",
    ],
)
def test_title_case_headings_and_titled_phrases_are_no_names(text):
    assert spans(text, "PERSON") == []


def test_names_in_a_letter_line_are_no_title_case_heading():
    text = "Eiser: DE GRAAF, Johannes Cornelis (Hans), te Ede"
    assert spans(text, "PERSON") == ["DE GRAAF, Johannes Cornelis", "Hans"]


def test_business_name_in_brackets_and_neighbourhood_after_a_hyphen():
    text = "Hij werkt bij een sushirestaurant (Sakura Sushi); zijn ex woont in Utrecht-Overvecht."
    assert everything(text) == [("EMPLOYER", "Sakura Sushi"), ("PLACE", "Utrecht-Overvecht")]
