"""The employer family's vocabularies (kept apart so ``lexicon`` stays short; ``lexicon``
re-exports every name here, so the rules keep writing ``lexicon.SECTOR_WORDS``)."""

from __future__ import annotations

__all__ = [
    "COMPANY_WORD_ENDINGS",
    "EMPLOYER_CUT_WORDS",
    "EMPLOYER_TRAILING_WORDS",
    "GENERIC_SECTOR_WORDS",
    "LEGAL_FORMS",
    "NOT_EMPLOYER_CAMELCASE",
    "SECTOR_COMPOUND_HEADS",
    "SECTOR_WORDS",
    "WORK_WORDS",
]

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
SECTOR_WORDS: tuple[str, ...] = tuple(
    """stichting restaurant cafetaria café cafe snackbar bakkerij slagerij garage autobedrijf
    bouwbedrijf schildersbedrijf schoonmaakbedrijf hoveniersbedrijf klussenbedrijf transportbedrijf
    installatiebedrijf koeriersbedrijf taxibedrijf loonbedrijf uitzendbureau detacheringsbureau
    kapsalon pizzeria shoarmazaak supermarkt hotel kwekerij tuinderij zorginstelling
    thuiszorgorganisatie distributiecentrum webwinkel winkel groothandel drukkerij fabriek
    timmerbedrijf verhuisbedrijf koerier horecabedrijf cateringbedrijf beveiligingsbedrijf callcenter
    firma bedrijf werkgever grillroom nagelstudio nagelsalon schoonheidssalon strandpaviljoen
    kinderopvang kinderdagverblijf zorgcentrum woonzorgcentrum verpleeghuis notariskantoor
    advocatenkantoor jongerenwerk bewindvoering budgetbeheer meubelzaak carwash autowasstraat
    wasstraat kapper kapperszaak barbershop barbier kledingzaak telefoonwinkel belwinkel lunchroom
    bistro pension camping zorgboerderij broodjeszaak toko shoarmabar groentezaak autohandel
    autoschadebedrijf bloemenzaak bloemisterij viswinkel fietsenmaker fietsenwinkel reisbureau
    tandartspraktijk fysiotherapie thuiszorg rechtswinkel woonstichting woningstichting
    woningcorporatie wooncorporatie woonbedrijf advocatuur sportschool dierenkliniek""".split()
) + ("car wash",)

# Sector words too general to vouch for the next word: that word must be a possible name.
GENERIC_SECTOR_WORDS: frozenset[str] = frozenset("werkgever bedrijf firma winkel".split())

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
    "GmbH",
    "GMBH",
    "Ltd.",
    "Ltd",
    "LTD",
    "S.A.",
    "SRL",
    "S.R.L.",
    "BVBA",
    "Inc.",
    "LLC",
    "Sp. z o.o.",
    "Holding",
    "Groep",
    "Group",
    "& Zonen",
    "& Zn.",
    "en Zonen",
)

# Company-name endings (of the last word) that mark a capitalised sequence as an employer.
COMPANY_WORD_ENDINGS: tuple[str, ...] = tuple(
    """bedrijf bedrijven services service diensten schoonmaak cleaning logistics logistiek transport
    techniek installaties bouw thuiszorg catering detachering uitzendbureau trading handel holding
    groep group security beveiliging koeriers staffing personeelsdiensten werken metaal
    bewindvoering advies administratie consultancy stichting corporatie verpakkingen onderhoud
    advocaten studio uitzendgroep budgetbeheer partners mobilya insaat ticaret gida import export
    express foods market shop store design media solutions verhuur reparatie deurwaarders notarissen
    accountants advocatuur rechtshulp renovatie sieraden""".split()
)

# Heads of capitalised compounds that act as a sector word: "Betonfabriek De Merwede".
SECTOR_COMPOUND_HEADS: tuple[str, ...] = tuple(
    "fabriek bedrijf kwekerij groothandel bakkerij slagerij drukkerij werkplaats centrale zaak".split()
)

# CamelCase words that are apps, platforms or public services, not employers ("YouTube").
NOT_EMPLOYER_CAMELCASE: frozenset[str] = frozenset(
    """YouTube TikTok PayPal PowerPoint MijnOverheid MijnUWV MijnDUO MijnGezondheid
    OneDrive GoFundMe SnapChat WeChat iDEAL DigiD""".split()
)

# Words that cannot end an employer name ("bij de Jumbo en ..." ends at "Jumbo").
EMPLOYER_TRAILING_WORDS: frozenset[str] = frozenset("en van de der den het 't &".split())

# "Linda Kuipers van Kuipers Bewindvoering": the company name starts after these words.
EMPLOYER_CUT_WORDS: tuple[str, ...] = ("van", "bij", "voor", "via")
