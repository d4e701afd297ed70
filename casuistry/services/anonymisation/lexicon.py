"""Word lists used by the detector.

The lists that are meant to be extended by the team live as plain text files in ``data/``
(one entry per line, ``#`` starts a comment):

* ``protected_terms.txt`` -- terms professionals need; never redacted.
* ``countries.txt`` -- countries, nationalities, languages; never redacted.
* ``employers.txt`` -- named employers recognised anywhere.
* ``extra_names.txt`` -- first names / surnames missing from deduce's lists.
* ``extra_places.txt`` -- places missing from deduce's list (incl. some foreign cities).
* ``common_words.txt`` -- frequent ordinary Dutch words (generated; see its header).

The smaller, rule-like vocabularies (titles, role words, months ...) are module constants here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read_list(name: str) -> list[str]:
    items = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            items.append(line)
    return items


@cache
def protected_terms() -> tuple[str, ...]:
    return tuple(_read_list("protected_terms.txt"))


@cache
def countries() -> frozenset[str]:
    return frozenset(_read_list("countries.txt"))


@cache
def employers() -> tuple[str, ...]:
    return tuple(_read_list("employers.txt"))


@cache
def extra_names() -> tuple[frozenset[str], frozenset[str]]:
    first, sur = set(), set()
    for line in _read_list("extra_names.txt"):
        kind, _, name = line.partition(" ")
        (first if kind == "F" else sur).add(name.strip())
    return frozenset(first), frozenset(sur)


@cache
def extra_places() -> tuple[str, ...]:
    return tuple(_read_list("extra_places.txt"))


@cache
def common_words() -> frozenset[str]:
    """Frequent ordinary Dutch words (lower case); see ``data/common_words.txt``.

    Used only for capitalised words at the start of a sentence or title, where capitalisation
    says nothing about being a name ("Via het ...", "Zwart werk ...", "Baan in ...").
    """
    return frozenset(_read_list("common_words.txt"))


# Forms of address. A title followed by ONE initial ("mevrouw F.", "dhr. K. (24)") is the
# house-style pseudonym and is never flagged.
TITLES: tuple[str, ...] = (
    "mevrouw",
    "mevr.",
    "mevr",
    "mw.",
    "mw",
    "mej.",
    "juffrouw",
    "meneer",
    "mijnheer",
    "dhr.",
    "dhr",
    "de heer",
    "heer",
    "dr.",
    "mr.",
    "drs.",
    "ir.",
    "ing.",
    "prof.",
    "ds.",
)

# Name particles (tussenvoegsels), lower- and capitalised, incl. Arabic/other particles.
INTERFIXES: tuple[str, ...] = (
    "van der",
    "van den",
    "van de",
    "van het",
    "van 't",
    "in 't",
    "in de",
    "op de",
    "op den",
    "op 't",
    "uit de",
    "uit den",
    "aan de",
    "bij de",
    "de la",
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
    "d'",
    "da",
    "dos",
    "du",
    "la",
    "le",
    "von",
    "el",
    "al",
    "ben",
    "bin",
    "abu",
    "ait",
    "ibn",
    "Van der",
    "Van den",
    "Van de",
    "Van het",
    "Van 't",
    "Van",
    "De",
    "Der",
    "Den",
    "Ter",
    "Ten",
    "El",
    "Al",
    "Ben",
    "Abu",
    "Ait",
    "La",
    "Le",
    "Da",
    "Du",
    "Von",
)

# Words that introduce a person (relation/role). Followed by a capitalised word, that word is
# taken as a name even if it is in no name list.
RELATION_WORDS: frozenset[str] = frozenset(
    """zoon dochter zonen dochters kind kinderen baby partner ex-partner ex vriend vriendin
    vriendje vriendinnetje broer broers zus zussen zuster moeder vader ouders neef nicht oom
    tante opa oma grootvader grootmoeder kleinzoon kleindochter echtgenoot echtgenote man vrouw
    ex-man ex-vrouw verloofde zwager schoonzus schoonzoon schoondochter schoonmoeder
    schoonvader stiefvader stiefmoeder stiefzoon stiefdochter pleegkind pleegzoon pleegdochter
    buurman buurvrouw buren buurjongen buurmeisje huisgenoot huisgenote kamerhuurder
    onderhuurder hoofdhuurder medebewoner bewoner bewoonster huurder huurster verhuurder
    aanvrager aanvraagster belanghebbende klant cliënt client collega begeleider begeleidster
    mentor bewindvoerder tolk advocaat advocate casemanager klantmanager handhaver consulent
    jurist medewerker medewerkster oud-medewerker werknemer werknemers eigenaar eigenaresse
    contactpersoon huisarts tipgever melder getuige genaamd genoemd ene heet""".split()
)

# Role / domain nouns that are never names, even when capitalised at the start of a sentence.
NON_NAME_WORDS: frozenset[str] = frozenset(
    """aanleiding aanvraag aanvrager aanwezig adres afspraak bankrekening begeleider bewoner
    brief contact dossier dossiernummer e-mail email gesprek huisbezoek huurder intake
    klantnummer klant kenmerk kenteken melding mail notitie observatie overdracht rapport
    rapportage registratienummer signaal telefoon telefoonnummer terugkoppeling tip verslag
    verhuurder woonadres zaak zaaknummer zaaknr bsn iban kvk tel mob mobiel ook nog wel niet
    geen hij zij ze wij we haar hem zijn hun het de een en of maar dus want toen daarna
    daarom verder tevens bovendien volgens na voor sinds vanaf tot per om op in uit bij met
    van te aan door over onder tussen tijdens rond namens conform betreft inzake vervolg
    vervolgafspraak vervolgcontact voorstel advies besluit conclusie actie acties
    beoordeling uitkomst opmerking opmerkingen let nb n.b. ps datum tijd plaats locatie
    aanwezigen afwezig toelichting samenvatting bijlage bijlagen beschikking bezwaar
    casus casusbespreking leerdialoog intervisie teamoverleg""".split()
)

MONTHS: tuple[str, ...] = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "jan",
    "feb",
    "febr",
    "mrt",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
)
WEEKDAYS: tuple[str, ...] = (
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
)

# Prepositions that make an ambiguous capitalised word a place name ("in Best", "uit Ede").
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    """in uit naar te bij nabij rond richting omgeving vanuit gemeente regio woonplaats
    stad dorp tussen""".split()
)

# Work words that make the following "bij/voor/van <Name>" an employer.
WORK_WORDS: frozenset[str] = frozenset(
    """werkt werkte werken gewerkt werkzaam dienst baan bijbaan stage contract loon salaris
    loonstrook loonstroken ontslag ontslagen aangenomen solliciteert solliciteerde
    sollicitatie proefplaatsing werkervaringsplaats vakkenvuller chauffeur schoonmaker
    bezorger magazijnmedewerker medewerker medewerkster afwasser kok kassamedewerker
    productiemedewerker orderpicker heftruckchauffeur uitzendkracht oproepkracht
    invalkracht zzp'er opdrachtgever eindafrekening vakantiegeld werkgever werkgeefster
    gedetacheerd uitzendbureau aanbod""".split()
)

# Sector words: "<Sector> <Name>" (capitalised) or "<sector> <Name>" is an employer.
SECTOR_WORDS: tuple[str, ...] = (
    "stichting",
    "restaurant",
    "cafetaria",
    "café",
    "cafe",
    "snackbar",
    "bakkerij",
    "slagerij",
    "garage",
    "autobedrijf",
    "bouwbedrijf",
    "schildersbedrijf",
    "schoonmaakbedrijf",
    "hoveniersbedrijf",
    "klussenbedrijf",
    "transportbedrijf",
    "installatiebedrijf",
    "koeriersbedrijf",
    "taxibedrijf",
    "loonbedrijf",
    "uitzendbureau",
    "detacheringsbureau",
    "kapsalon",
    "pizzeria",
    "shoarmazaak",
    "supermarkt",
    "hotel",
    "kwekerij",
    "tuinderij",
    "zorginstelling",
    "thuiszorgorganisatie",
    "distributiecentrum",
    "webwinkel",
    "winkel",
    "groothandel",
    "drukkerij",
    "fabriek",
    "timmerbedrijf",
    "verhuisbedrijf",
    "koerier",
    "horecabedrijf",
    "cateringbedrijf",
    "beveiligingsbedrijf",
    "callcenter",
    "firma",
    "bedrijf",
    "werkgever",
)

# Legal-form suffixes that end a company name.
LEGAL_FORMS: tuple[str, ...] = (
    "B.V.",
    "BV",
    "B.V",
    "N.V.",
    "NV",
    "V.O.F.",
    "VOF",
    "v.o.f.",
    "C.V.",
    "CV",
    "Holding",
    "Groep",
    "Group",
    "& Zonen",
    "& Zn.",
    "en Zonen",
)

# Company-name endings (of the last word) that mark a capitalised sequence as an employer.
COMPANY_WORD_ENDINGS: tuple[str, ...] = (
    "bedrijf",
    "bedrijven",
    "services",
    "service",
    "diensten",
    "schoonmaak",
    "cleaning",
    "logistics",
    "logistiek",
    "transport",
    "techniek",
    "installaties",
    "bouw",
    "thuiszorg",
    "catering",
    "detachering",
    "uitzendbureau",
    "trading",
    "handel",
    "holding",
    "groep",
    "group",
    "security",
    "beveiliging",
    "koeriers",
    "staffing",
    "personeelsdiensten",
    "werken",
    "metaal",
    "bewindvoering",
    "advies",
    "administratie",
    "consultancy",
    "stichting",
    "corporatie",
)

# Keywords that introduce a case/dossier/customer number.
CASENR_KEYWORDS: tuple[str, ...] = (
    "dossiernummer",
    "dossiernr",
    "dossier",
    "zaaknummer",
    "zaaknr",
    "zaak-id",
    "zaak",
    "kenmerk",
    "referentienummer",
    "referentie",
    "ref",
    "klantnummer",
    "klantnr",
    "cliëntnummer",
    "clientnummer",
    "relatienummer",
    "registratienummer",
    "registratienr",
    "kvk-nummer",
    "kvk nummer",
    "kvk-nr",
    "kvk nr",
    "kvk",
    "kamer van koophandel",
    "polisnummer",
    "contractnummer",
    "huurcontractnummer",
    "factuurnummer",
    "personeelsnummer",
    "werknemersnummer",
    "vorderingsnummer",
    "beschikkingsnummer",
    "aanvraagnummer",
    "verzekerdennummer",
    "pasnummer",
    "documentnummer",
    "paspoortnummer",
    "rijbewijsnummer",
    "v-nummer",
    "vreemdelingennummer",
    "proces-verbaalnummer",
    "pv-nummer",
    "parketnummer",
    "cjib-nummer",
    "betalingskenmerk",
    "meldingnummer",
    "meldingsnummer",
    "ticketnummer",
    "inschrijfnummer",
    "loonheffingennummer",
    "btw-nummer",
    "rsin",
    "aktenummer",
    "uitkeringsnummer",
)

BSN_KEYWORDS: tuple[str, ...] = (
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "sofi-nummer",
    "bsn-nummer",
)
