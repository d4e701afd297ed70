"""Every word list the detector uses, in one place.

The lists that are meant to be extended by the team live as plain text files in ``data/``
(one entry per line, ``#`` starts a comment):

* ``protected_terms.txt`` -- terms professionals need; never redacted.
* ``countries.txt`` -- countries, nationalities, languages; never redacted.
* ``regions.txt`` -- provinces and regions; never PLACE or PERSON.
* ``employers.txt`` -- named employers recognised anywhere.
* ``extra_names.txt`` -- first names / surnames missing from deduce's lists.
* ``names_world.txt`` -- first names / surnames of many origins (generated; see its header).
* ``extra_places.txt`` -- places missing from deduce's list (incl. some foreign cities).
* ``casenr_keywords.txt`` -- keywords that introduce a case, dossier or customer number.
* ``common_words.txt`` -- frequent ordinary Dutch words (generated; see its header).
* ``world_places.txt`` -- populated places of the world, GeoNames (generated; see its header).

The smaller, rule-like vocabularies (titles, particles, role words, street suffixes, months ...)
are module constants below, grouped by the identifier family that uses them. Deduce's own name,
place and street lists are loaded by ``vocabulary``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from casuistry.neutral import ORIGIN_WORDS  # one list of origins for search and anonymiser

# the employer family's lists, re-exported: ``lexicon.SECTOR_WORDS`` etc.
from .lexicon_employers import *  # noqa: F403

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
def regions() -> tuple[str, ...]:
    return tuple(_read_list("regions.txt"))


@cache
def countries() -> frozenset[str]:
    """``countries.txt`` and every capitalised word of origin the search neutraliser knows ("Molukse")."""
    return frozenset(_read_list("countries.txt")) | ORIGIN_WORDS


@cache
def employers() -> tuple[str, ...]:
    return tuple(_read_list("employers.txt"))


@cache
def extra_names() -> tuple[frozenset[str], frozenset[str]]:
    first, sur = set(), set()
    for line in _read_list("extra_names.txt") + _read_list("names_world.txt"):
        kind, _, name = line.partition(" ")
        (first if kind == "F" else sur).add(name.strip())
    return frozenset(first), frozenset(sur)


@cache
def extra_places() -> tuple[str, ...]:
    return tuple(_read_list("extra_places.txt"))


@cache
def world_places() -> tuple[str, ...]:
    """Populated places of the world from GeoNames; see ``data/world_places.txt``."""
    return tuple(_read_list("world_places.txt"))


@cache
def common_words() -> frozenset[str]:
    """Frequent ordinary Dutch words (lower case); see ``data/common_words.txt``.

    Used only for capitalised words at the start of a sentence or title, where capitalisation
    says nothing about being a name ("Via het ...", "Zwart werk ...", "Baan in ...").
    """
    return frozenset(_read_list("common_words.txt"))


# =========================================================================== persons

# Forms of address. A title followed by ONE initial ("mevrouw F.", "dhr. K. (24)") is the
# house-style pseudonym and is never flagged.
TITLES: tuple[str, ...] = (
    "mevrouw",
    "hr.",
    "hr",
    "fam.",
    "familie",
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
    "v.d.",
    "v.d",
    "v/d",
    "v.",
    "v",
    "vd",
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

# Inside a name, particles that start with a preposition only count capitalised, so that
# "zoon Sem aan de Vlietkade" does not become one name: the lower-case ones starting with these
# words are left out, and these capitalised ones are added.
PREPOSITIONAL_PARTICLE_HEADS: frozenset[str] = frozenset("aan bij uit in op te".split())
CAPITALISED_PREPOSITIONAL_PARTICLES: tuple[str, ...] = (
    "In 't",
    "Op de",
    "Op den",
    "Uit de",
    "Uit den",
    "Aan de",
    "Bij de",
)

# Capitalised particles just before a found name are taken into it ("Van der Meer"); longer
# ones first where one is the start of another.
LEADING_PARTICLES: tuple[str, ...] = tuple(
    "Van der|Van den|Van de|Van het|Van 't|Van|De|Den|Der|Ter|Ten|El|Al|Ben|Abu|Ait|Le|La|Da|Du|Von|"
    "In 't|Op de|Op den|Uit de|Uit den|Aan de".split("|")
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
    contactpersoon huisarts tipgever melder getuige genaamd genoemd ene heet deurwaarder notaris
    curator accountant""".split()
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
    casus casusbespreking leerdialoog intervisie teamoverleg omschr omschrijving mededeling bank
    betrokkene verzoeker verzoekster eiser eiseres verweerder appellant appellante gemachtigde
    edelachtbare aanleiding verklaring gronden""".split()
)

# Word endings of ordinary nouns ("Huisbezoek", "Melding", "Schuldhulp...werk"): such a word is
# no name, e.g. after an initial or as the first word of a sentence.
NOUN_ENDINGS: tuple[str, ...] = tuple(
    """ing heid schap teit tie sie isme nis ment king gesprek bezoek melding verslag nummer rekening
    afspraak uitkering bijstand wet regeling dienst bureau overleg zaak contact aanvraag vraag brief
    notitie kosten schuld werk team plan traject signaal tip toets punt punten boete""".split()
)

# Abbreviations that look like two or more initials but are none.
NOT_INITIALS: frozenset[str] = frozenset(
    """B.V. N.V. V.O.F. C.V. N.B. P.S. A.U.B. T.A.V. O.A. I.O.M. I.V.M. E.D. D.W.Z. Z.S.M. M.B.T.
    T.Z.T. BV. B.V D.D. I.O.V. I.S.M. I.C.M. M.B.V. V.W.B. Z.O.Z. A.S. I.P.V. O.B.V. T.A.V T.A. I.V.M
    M.I.V. N.A.V. P.P. I.V.""".split()
)

# Mixed-case abbreviations that look like a staff member's initials ("HvdL", "TdK") but are none.
NOT_STAFF_INITIALS: frozenset[str] = frozenset(
    """KvK RvS CRvB RvdK OvJ MvT MvA WvS WvSr WvK RvB RvC RvT RvA VvE PvA PvE PvdA PvdD HvJ BvB
    GvA AvG DvO IvhO WvO""".split()
)
# Capital abbreviations that are no initials when they sign a line ("/UWV").
NOT_INITIALS_PLAIN: frozenset[str] = frozenset(
    """BSN UWV DUO SVB CAK IND CJIB AOW WW PW IB KM NB PS OK CC BV NV VOF KVK BRP RDW GGD GGZ ROC
    WMO WLZ ZVW AVG PGB BBZ IOAW IOAZ TOZO TOGS EU NL BE DE AH HR PR ICT IT HBO MBO VMBO WO MRI
    TBS PV OM CV BW SMS APP PDF BIC""".split()
)
# Lower-case abbreviations that end a line or a note but are no initials ("zsm", "ivm").
NOT_STAFF_INITIALS_LOWER: frozenset[str] = frozenset(
    """ok nb ps zsm tzt ivm evt oid ovv dd mvg cc nvt etc enz aub wrs idd thx bvd ca mbt tav
    ipv iom ism ivm mn vnl bijv bv nl ja nee wel niet pw ww km tel mob""".split()
)
# Words that name a role in a chat or speaker label ("[09:14] KM Jorien:", "Klant:").
SPEAKER_ROLE_WORDS: frozenset[str] = frozenset(
    """km klant klantmanager consulent handhaver handhaving melder tipgever team w&i wi
    gemeente medewerker medewerkster ik wij jij u buurman buurvrouw buurt mama papa moeder
    vader zoon dochter tolk jurist notitie opm opmerking kl werkgever wijkteam beheerder
    admin groep ouder leerkracht docent school verhuurder bewindvoerder cliënt client
    aanvrager bewoner""".split()
)
# Header labels that start a line in letters and forms ("Datum:", "Onderwerp:").
HEADER_WORDS: frozenset[str] = frozenset(
    """van aan cc bcc datum onderwerp verzonden notitie aanleiding betrokkene naam adres
    kenmerk dossier bsn tel telefoon mobiel email e-mail iban omschr omschrijving bedrag saldo
    signaal conclusie advies vervolg actie acties opmerking opm bijlage bijlagen locatie tijd
    aanwezig aanwezigen afwezig verslag besluit gronden eiser verweerder verzoeker verzoekster
    gemachtigde inzake betreft zaaknummer onderwerp status resultaat periode totaal ref
    letterlijk bericht berichten citaat vraag antwoord""".split()
)

# Words that make a line in capitals an organisation, not an account holder ("VGZ ZORGVERZEKERAAR NV").
CAPS_ORG_WORDS: frozenset[str] = frozenset(
    """bv b.v nv n.v vof gmbh ltd inc sa sarl bvba sp spzoo srl llc plc ag bank stichting gemeente
    belastingdienst incasso incassobureau verzekeraar zorgverzekeraar verzekeringen woningstichting
    woningcorporatie wooncorporatie dienst sociale energie holding groep telecom kpn vodafone ziggo
    odido eneco vattenfall essent cz vgz menzis zilveren kruis achmea ohra ing abn amro rabobank
    rabo sns asn bunq triodos knab revolut klarna paypal afterpay riverty dela univé nuon thuiszorg
    kinderopvang school college universiteit hogeschool advocaten notaris notariskantoor deurwaarder
    deurwaarders gerechtsdeurwaarders bewindvoering huisartsen apotheek tandarts praktijk ziekenhuis
    kliniek vereniging fonds kerk moskee ns ov bea bij af sepa ideal overboeking overschrijving
    betaalautomaat geldautomaat gea ga pin tikkie storting opname periodieke acceptgiro machtiging
    omschrijving omschr kenmerk saldo datum bedrag naam iban bic tegenrekening referentie
    mededelingen valutadatum boekdatum rente kosten transactie""".split()
)

# Speech and act verbs: "<Name> verklaarde" makes the capitalised word(s) a name.
NAME_VERBS: tuple[str, ...] = tuple(
    """vertelde vertelt verklaarde verklaart zegt zei gaf geeft belde belt meldde meldt erkent
    erkende bevestigde bevestigt vroeg vraagt liet laat stuurt stuurde blijft bleef werkt
    werkte woont woonde ontvangt ontving heeft had is was kwam komt wil wilde kan kon moet
    moest weigerde weigert verbleef verblijft regelt regelde helpt hielp studeert gaat ging
    krijgt kreeg betaalt betaalde zit zat staat stond verdient verdiende bezit telt vond
    vindt begrijpt begreep wist weet dacht denkt overweegt neemt nam maakt maakte""".split()
)

# Possessive forms of a confirmed name ("Daans", "Daan's", "Nadia’s", "Joris'").
POSSESSIVE_SUFFIXES: tuple[str, ...] = ("'s", "’s", "s", "'", "’")

# Sentence openers that may follow a house-style initial ("mevrouw F. Zij kwam ...").
SENTENCE_OPENERS: frozenset[str] = frozenset("zij hij het de er ze dit dat ook".split())

# =========================================================================== addresses

# The last word of a street name ends in one of these ("Dorpsstraat", "Vlietkade", "Tuinderseinde").
STREET_SUFFIXES: tuple[str, ...] = tuple(
    """straat laan weg plein gracht kade singel dijk dyk hof pad steeg dreef park markt baan
    plantsoen erf veld ring wal dam kant boulevard allee promenade zijde haven burg poort heuvel
    oord dal zoom vaart loop hout tuin gaarde weide akker hoeve brink stede rade linie kwartier
    passage galerij terras einde kamp meent sloot wetering schans bolwerk oever hoven lei donk
    horst acker straatje pleintje steiger gang werf kerkhof es""".split()
)

# Street words that start or end a street name as a word of their own ("Laan van Meerdervoort",
# "Oude Gracht", "Korte Nieuwstraat").
STREET_WORD_PREFIXES: tuple[str, ...] = tuple(
    """Laan Plein Kade Weg Dreef Singel Gracht Dijk Hof Park Ring Boulevard Straatweg Burgwal Oude
    Nieuwe Lange Korte Hoge Lage Kleine Grote""".split()
)

# Lower-case words that may join the words of a street name ("Laan van de Mensenrechten").
STREET_CONNECTORS: tuple[str, ...] = tuple("van de der den het 't op aan in bij ter ten te la le du St. Sint".split())

# Particles that may precede the name word of a street ("Van der Duynstraat", "St. Jansstraat").
STREET_PARTICLES: frozenset[str] = frozenset("van de der den het 't st. sint".split())

# Words that make a following street name + number an address even without a street suffix.
ADDRESS_CONTEXT_WORDS: tuple[str, ...] = tuple(
    """woont wonend woonachtig woonadres adres verhuisd ingeschreven huurt huurwoning woning verblijft
    staat""".split()
)

# "<Word> <number>" with one of these words is a reference, not an address ("artikel 17", "week 12").
NOT_STREET_WORDS: tuple[str, ...] = tuple(
    """art artikel lid week jaar nr nummer kamer groep fase niveau stap trede bijlage pagina blz signaal
    vraag punt optie scenario melding actie ronde deel hoofdstuk paragraaf regel maand dag uur versie
    termijn""".split()
)

# =========================================================================== employers

# (in ``lexicon_employers``, re-exported at the top of this module)

# =========================================================================== places

# Prepositions that make an ambiguous capitalised word a place name ("in Best", "uit Ede").
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    """in uit naar te bij nabij rond richting omgeving vanuit gemeente regio woonplaats
    stad dorp tussen""".split()
)

# "Rotterdam-Zuid", "Almere-Buiten": parts of a place joined to its name by a hyphen.
PLACE_PART_WORDS: frozenset[str] = frozenset(
    "Noord Zuid Oost West Centrum Midden Buiten Haven Stad Poort Noordwest Noordoost Zuidwest Zuidoost".split()
)

# =========================================================================== pattern rules

MONTHS: tuple[str, ...] = tuple(
    "januari februari maart april mei juni juli augustus september oktober november december".split()
)
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple("jan feb febr mrt apr jun jul aug sep sept okt nov dec".split())
WEEKDAYS: tuple[str, ...] = tuple("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split())
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = tuple("ma di wo do vr za zo maa din woe don vrij zat zon".split())

# Nouns after an ordinal that make it no date ("de 2e keer", "de 1e van de maand").
ORDINAL_NOUNS: tuple[str, ...] = tuple(
    """van keer week weken maand maanden dag dagen ronde termijn helft kwartaal jaar plaats klas graad
    poging gesprek aanvraag afspraak fase lijn verdieping etage kind zoon dochter huwelijk betaling
    herinnering aanmaning brief waarschuwing overtreding melding signaal stap trede""".split()
)

BSN_KEYWORDS: tuple[str, ...] = tuple("bsn burgerservicenummer sofinummer sofi-nummer bsn-nummer".split())

# Keywords that introduce a case/dossier/customer number (see ``data/casenr_keywords.txt``).
CASENR_KEYWORDS: tuple[str, ...] = tuple(_read_list("casenr_keywords.txt"))

# Compounds in "-nummer" / "-nr" that are no case numbers (phones, houses, accounts, plates ...).
NOT_CASENR_PREFIXES: tuple[str, ...] = tuple(
    """tel mob gsm fax whatsapp huis rekening rek bank iban giro bsn burgerservice sofi kenteken
    postcode pagina blz week jaar versie kamer bus lijn artikel art lid regel volg""".split()
)

# Lower-case two-letter words and units: "1234 en" or "2500 kg" is no postcode.
POSTCODE_LOWER_WORDS: frozenset[str] = frozenset(
    """en in op te is de of na al om nu zo ik je we ze er af ja nee uw zn mg gr kg km cm mm ml
    cl dl ha uur min sec jr ct eu pm am""".split()
)
