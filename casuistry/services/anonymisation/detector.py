"""Detector: deduce's name machinery + pattern rules + lexicons, with overlap resolution.

Pipeline (per text):

1. structured rules (``rules``): e-mail, IBAN, BSN, phone, postcode, date, plate, case number;
2. addresses (street lists + street-suffix rule + house-number grammar) and "Postbus";
3. employers (known list, legal forms, sector words, work context);
4. persons: deduce's name annotators, cleaned (titles, role words and house-style initials
   removed), plus own rules (title + name, initials + surname, relation words, "Name (34)",
   name + speech/act verbs), then propagation of every confirmed name token (and its
   possessive "Daans"/"Daan's") through the text;
5. places (deduce's municipality/residence lists + extras; ambiguous words need "in/uit/naar");
6. the protected lexicon trims/removes PERSON/PLACE/EMPLOYER candidates;
7. overlaps are resolved by priority, then length.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

import regex as re

from . import lexicon
from .findings import Finding
from .rules import PRIO, Candidate, find_structured

_CAP = r"\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*"
_WORD = re.compile(r"(?:'s-|'t )?[\p{L}\p{N}][\p{L}\p{N}'’]*(?:[-.][\p{L}\p{N}][\p{L}\p{N}'’]*)*")
# particles inside names; prepositional ones ("aan de", "op de") only capitalised, so that
# "zoon Sem aan de Vlietkade" does not become one name
_NAME_PARTICLES = [i for i in lexicon.INTERFIXES if i.split()[0] not in {"aan", "bij", "uit", "in", "op", "te"}] + [
    "In 't",
    "Op de",
    "Op den",
    "Uit de",
    "Uit den",
    "Aan de",
    "Bij de",
]
_INTERFIX_ALT = "|".join(re.escape(i) for i in sorted(set(_NAME_PARTICLES), key=len, reverse=True))
_NAMESEQ = rf"(?<![\p{{L}}\p{{N}}])(?:(?:{_INTERFIX_ALT})\s+)?{_CAP}(?:\s+(?:(?:{_INTERFIX_ALT})\s+)?{_CAP}){{0,3}}"
_TITLE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(lexicon.TITLES, key=len, reverse=True))
_TITLE_RX = re.compile(
    rf"(?<![\p{{L}}])(?i:{_TITLE_ALT})(?!\p{{L}})\s*"
    rf"(?P<name>(?:\p{{Lu}}\.\s?)+(?:(?:{_INTERFIX_ALT})\s+)?{_CAP}|(?:\p{{Lu}}\.){{2,}}|{_NAMESEQ})"
)
_MULTI_INITIALS = re.compile(rf"(?<![\p{{L}}.])(?:\p{{Lu}}\.\s?){{2,}}(?:\s*(?:(?:{_INTERFIX_ALT})\s+)?{_CAP})?")
_NOT_INITIALS = {
    "B.V.",
    "N.V.",
    "V.O.F.",
    "C.V.",
    "N.B.",
    "P.S.",
    "A.U.B.",
    "T.A.V.",
    "O.A.",
    "I.O.M.",
    "I.V.M.",
    "E.D.",
    "D.W.Z.",
    "Z.S.M.",
    "M.B.T.",
    "T.Z.T.",
    "BV.",
    "B.V",
}
_INITIAL_SURNAME = re.compile(rf"(?<![\p{{L}}.])\p{{Lu}}\.\s?(?:(?:{_INTERFIX_ALT})\s+)?(?P<sur>{_CAP})")
_REL_ALT = "|".join(sorted(lexicon.RELATION_WORDS, key=len, reverse=True))
_RELATION_RX = re.compile(
    rf"(?<![\p{{L}}-])(?i:{_REL_ALT})(?:,)?(?:\s+(?:is|was|heet|genaamd|:))?\s+(?P<name>{_NAMESEQ})"
)
_AGE_RX = re.compile(rf"(?P<name>{_NAMESEQ})\s*\(\d{{1,3}}(?:\s*jaar)?\)")
_VERBS = (
    "vertelde|vertelt|verklaarde|verklaart|zegt|zei|gaf|geeft|belde|belt|meldde|meldt|erkent|"
    "erkende|bevestigde|bevestigt|vroeg|vraagt|liet|laat|stuurt|stuurde|blijft|bleef|werkt|"
    "werkte|woont|woonde|ontvangt|ontving|heeft|had|is|was|kwam|komt|wil|wilde|kan|kon|moet|"
    "moest|weigerde|weigert|verbleef|verblijft|regelt|regelde|helpt|hielp|studeert|gaat|ging|"
    "krijgt|kreeg|betaalt|betaalde|zit|zat|staat|stond|verdient|verdiende|bezit|telt|vond|"
    "vindt|begrijpt|begreep|wist|weet|dacht|denkt|overweegt|neemt|nam|maakt|maakte"
)
_VERB_RX = re.compile(rf"(?P<name>{_NAMESEQ})(?:,)?\s+(?:{_VERBS})\b")
_POSSESSIVE_SUFFIXES = ("'s", "’s", "s", "'", "’")

_HOUSE_NUMBER = (
    r"\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?"
    r"(?:\s?-\s?(?:\d{1,4}[a-zA-Z]?|[IVX]{1,4}|[a-zA-Z]{1,3}|hs|bis)(?![\p{L}\d]))?"
    r"(?:\s?(?:bis|hs|huis|bg|boven|I{1,3})(?![\p{L}\d])|\s[a-dA-D](?![\p{L}\d.]|\.\s?\p{Lu}))?"
)
_HOUSE_NUMBER_RX = re.compile(_HOUSE_NUMBER)
_STREET_SUFFIXES = (
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "dyk",
    "hof",
    "pad",
    "steeg",
    "dreef",
    "park",
    "markt",
    "baan",
    "plantsoen",
    "erf",
    "veld",
    "ring",
    "wal",
    "dam",
    "kant",
    "boulevard",
    "allee",
    "promenade",
    "zijde",
    "haven",
    "burg",
    "poort",
    "heuvel",
    "oord",
    "dal",
    "zoom",
    "vaart",
    "loop",
    "hout",
    "tuin",
    "gaarde",
    "weide",
    "akker",
    "hoeve",
    "brink",
    "stede",
    "rade",
    "linie",
    "kwartier",
    "passage",
    "galerij",
    "terras",
    "einde",
    "kamp",
    "meent",
    "sloot",
    "wetering",
    "schans",
    "bolwerk",
    "oever",
    "hoven",
    "lei",
    "donk",
    "horst",
    "acker",
    "straatje",
    "pleintje",
    "steiger",
    "gang",
    "werf",
    "kerkhof",
    "es",
)
_STREET_WORD_PREFIXES = (
    "Laan",
    "Plein",
    "Kade",
    "Weg",
    "Dreef",
    "Singel",
    "Gracht",
    "Dijk",
    "Hof",
    "Park",
    "Ring",
    "Boulevard",
    "Straatweg",
    "Burgwal",
    "Oude",
    "Nieuwe",
    "Lange",
    "Korte",
    "Hoge",
    "Lage",
    "Kleine",
    "Grote",
)
_ADDR_CONNECT = r"(?:van|de|der|den|het|'t|op|aan|in|bij|ter|ten|te|la|le|du|St\.|Sint)"
_ADDRESS_RX = re.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<street>(?:{_CAP}|[1-9]\d?e)(?:\s+(?:{_ADDR_CONNECT}\s+)*(?:{_CAP}|\d{{4}}(?=\s+\d))){{0,4}})"
    rf"\s+(?P<nr>{_HOUSE_NUMBER})(?![\p{{L}}\p{{N}}])"
)
_POSTBUS_RX = re.compile(r"(?i)\bpostbus\s+\d{1,6}\b")
_ADDRESS_CONTEXT = re.compile(
    r"(?i)(?:woont|wonend|woonachtig|woonadres|adres|verhuisd|ingeschreven|huurt|huurwoning|"
    r"woning|verblijft|staat)\W+(?:\w+\W+){0,3}$"
)

_EMP_TOKEN = rf"(?:{_CAP}|\p{{Lu}}{{2,}}\p{{L}}*|[\p{{L}}\p{{N}}]+\.(?:com|nl)|'t)"
_EMP_NAME = (
    rf"{_EMP_TOKEN}(?:\s+(?:&\s+|en\s+(?={_CAP})|van\s+|de\s+|der\s+|den\s+|het\s+|'t\s+)?"
    rf"{_EMP_TOKEN}){{0,4}}"
)
_LEGAL_ALT = "|".join(re.escape(x) for x in sorted(lexicon.LEGAL_FORMS, key=len, reverse=True))
_LEGAL_RX = re.compile(rf"(?P<name>{_EMP_NAME})\s*(?:{_LEGAL_ALT})(?![\p{{L}}])\.?")
_SECTOR_ALT = "|".join(sorted(lexicon.SECTOR_WORDS, key=len, reverse=True))
_SECTOR_RX = re.compile(rf"(?<![\p{{L}}])(?P<sector>(?i:{_SECTOR_ALT}))\s+(?P<name>{_EMP_NAME})")
_WORK_RX = re.compile(
    r"(?i)\b(?:werk\w*|gewerkt|dienst|baan|bijbaan|stage\w*|contract|loon\w*|salaris\w*|ontslag\w*|"
    r"aangenomen|sollicit\w*|proefplaatsing|\w*chauffeur|\w*medewerker|\w*medewerkster|"
    r"\w*schoonmaker|\w*bezorger|\w*kracht|vakkenvuller|afwasser|kok|zzp'er|opdrachtgever|"
    r"eindafrekening|vakantiegeld|gedetacheerd|uitzendbureau|aanbod|start|begint|begon)\b"
    r"[^.;:\n]{0,45}?\b(?:bij|voor|van)\s+(?:de\s+|het\s+)?"
    rf"(?-i:(?P<name>{_EMP_NAME}))"
)
_WERKGEVER_RX = re.compile(rf"(?i)\bwerkgever(?:\s+is|,|:)?\s+(?-i:(?P<name>{_EMP_NAME}))")
_COMPANY_END_RX = re.compile(
    rf"(?P<name>{_EMP_NAME})",
)


_INTERFIX_LOWER = frozenset(i.lower() for i in lexicon.INTERFIXES)
_FOLLOWED_BY_VERB_RX = re.compile(rf"(?:,)?\s+(?:{_VERBS})\b")

_LEFT_INTERFIX_RX = re.compile(
    r"(?:^|(?<=[\s(\"“]))(Van der|Van den|Van de|Van het|Van 't|Van|De|Den|Der|Ter|Ten|El|Al|Ben|"
    r"Abu|Ait|Le|La|Da|Du|Von|In 't|Op de|Op den|Uit de|Uit den|Aan de)\s"
)


def _is_cap(token: str) -> bool:
    token = token.removeprefix("'s-").removeprefix("'t ")
    return bool(token) and token[0].isupper()


class Detector:
    """Process-wide detector; construct via :func:`get_detector`."""

    def __init__(self) -> None:
        from .deduce_backend import DeduceNames

        extra_first, extra_sur = lexicon.extra_names()
        self.names = DeduceNames(extra_first_names=extra_first, extra_surnames=extra_sur)
        raw = self.names.raw
        self.first_names: frozenset[str] = frozenset(raw["first_name"])
        self.surnames: frozenset[str] = frozenset(raw["surname"]) | frozenset(raw["interfix_surname"])
        self.plain_surnames = frozenset(raw["surname"])
        self.surname_tokens = frozenset(part for s in self.surnames for part in s.split() if _is_cap(part))
        self.countries = lexicon.countries()
        self.common_words = lexicon.common_words()
        self._protected_rx = re.compile(
            r"(?<![\p{L}\p{N}])(?:"
            + "|".join(
                re.escape(t).replace(r"\ ", r"\s+") for t in sorted(lexicon.protected_terms(), key=len, reverse=True)
            )
            + r")(?![\p{L}\p{N}])",
            re.IGNORECASE,
        )
        self._protected_lower = {t.lower() for t in lexicon.protected_terms()}
        self._employer_rx = re.compile(
            r"(?<![\p{L}\p{N}])(?:"
            + "|".join(re.escape(e) for e in sorted(lexicon.employers(), key=len, reverse=True))
            + r")(?![\p{L}\p{N}])"
        )
        self._employer_names = set(lexicon.employers())
        self._load_places()
        self._load_streets()

    # ------------------------------------------------------------------ lexicon loading
    def _load_places(self) -> None:
        from deduce.lookup_structs import load_raw_itemsets

        raw = load_raw_itemsets(
            base_path=self.names.lookup_path,
            subdirs=[
                "locations/lst_placename/lst_municipality",
                "locations/lst_placename/lst_residence",
            ],
        )
        places = set(raw["municipality"]) | set(raw["residence"]) | set(lexicon.extra_places())
        places -= set(self.countries)
        places = {p for p in places if p.lower() not in self._protected_lower}
        index: dict[str, list[tuple[str, ...]]] = {}
        for place in places:
            toks = tuple(m.group(0) for m in _WORD.finditer(place))
            if toks:
                index.setdefault(toks[0], []).append(toks)
        for key in index:
            index[key].sort(key=len, reverse=True)
        self.place_index = index

    def _load_streets(self) -> None:
        base = self.names.lookup_path / "src" / "locations" / "lst_street"
        streets: set[str] = set()
        for fname in ("items.txt", "streets_bag.txt"):
            path = base / fname
            if path.exists():
                with open(path, encoding="utf-8") as fh:
                    streets.update(line.strip() for line in fh if line.strip())
        exceptions = base / "exceptions.txt"
        if exceptions.exists():
            streets -= {line.strip() for line in exceptions.read_text(encoding="utf-8").splitlines()}
        self.streets = frozenset(s for s in streets if len(s) >= 4)

    # ------------------------------------------------------------------ word classes
    def is_non_name(self, token: str) -> bool:
        """True for words that are not person names (common words, roles, lexicon terms)."""
        low = token.lower().rstrip(".,")
        if not low:
            return True
        if low in lexicon.NON_NAME_WORDS or low in lexicon.RELATION_WORDS:
            return True
        if low in self._protected_lower or token in self.countries:
            return True
        if low in lexicon.MONTHS or low in lexicon.WEEKDAYS:
            return True
        if token in self.first_names or token in self.surname_tokens:
            return False
        if self.names.is_whitelisted(low):
            return True
        return False

    def is_common_word(self, token: str) -> bool:
        """An ordinary Dutch word ("Via", "Zwart", "Baan", "Scholing"), ignoring capitals."""
        return token.lower() in self.common_words

    def _glued_to_lowercase(self, text: str, end: int) -> bool:
        """ "Oud-bakker", "Ex-partner", "AOW-leeftijd": a word joined by a hyphen to a
        lower-case word is part of a compound noun, not a name. "Jansen-de Vries" is a name."""
        m = re.match(r"-(\p{Ll}[\p{L}'’]*)", text[end : end + 40])
        return bool(m) and m.group(1) not in _INTERFIX_LOWER

    def _compound_noun(self, token: str) -> bool:
        """A hyphenated token whose last part is lower case ("AOW-leeftijd", "Oud-zelfstandige")."""
        parts = token.split("-")
        return len(parts) > 1 and bool(parts[-1]) and parts[-1][0].islower() and parts[-1] not in _INTERFIX_LOWER

    def _sentence_initial_common(self, text: str, start: int, end: int) -> bool:
        """A single capitalised ordinary word at the start of a sentence or title: capitals say
        nothing there, so it is no name on its own. A first name followed by a verb
        ("Roos kwam op gesprek") still counts; other mentions are caught by propagation."""
        token = text[start:end]
        if " " in token or not self.is_common_word(token):
            return False
        if not self._sentence_initial(text, start):
            return False
        if token in self.first_names and _FOLLOWED_BY_VERB_RX.match(text, end):
            return False
        return True

    def _looks_like_noun(self, token: str) -> bool:
        low = token.lower()
        return low.endswith(
            (
                "ing",
                "heid",
                "schap",
                "teit",
                "tie",
                "sie",
                "isme",
                "nis",
                "ment",
                "king",
                "gesprek",
                "bezoek",
                "melding",
                "verslag",
                "nummer",
                "rekening",
                "afspraak",
                "uitkering",
                "bijstand",
                "wet",
                "regeling",
                "dienst",
                "bureau",
                "overleg",
                "zaak",
                "contact",
                "aanvraag",
                "vraag",
                "brief",
                "notitie",
                "kosten",
                "schuld",
                "werk",
                "team",
                "plan",
                "traject",
                "signaal",
                "tip",
                "toets",
                "punt",
                "punten",
            )
        )

    def _sentence_initial(self, text: str, start: int) -> bool:
        i = start - 1
        while i >= 0 and text[i] in " \t\"'(“‘":
            i -= 1
        if i < 0 or text[i] in "\n!?:":
            return True
        if text[i] == ".":
            # "dhr. Jansen": the period belongs to an abbreviation, not a sentence end
            j = i - 1
            while j >= 0 and text[j].isalpha():
                j -= 1
            word = text[j + 1 : i + 1].lower()
            if word in {t for t in lexicon.TITLES if t.endswith(".")} or len(word) == 2:
                return False
            return True
        return False

    # ------------------------------------------------------------------ name helpers
    def _tokens(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(start + m.start(), start + m.end(), m.group(0)) for m in _WORD.finditer(text[start:end])]

    def _clean_person(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Strip titles, role words and non-name words from both ends of a person span."""
        toks = self._tokens(text, start, end)
        interfix_lower = {i.lower() for i in lexicon.INTERFIXES}
        titles = {t.rstrip(".").lower() for t in lexicon.TITLES if " " not in t} | {"heer"}
        if len(toks) >= 2 and toks[0][2].lower() == "de" and toks[1][2].lower() == "heer":
            toks = toks[1:]

        def bad_edge(tok: str, pos: int, leading: bool) -> bool:
            low = tok.lower().rstrip(".")
            if low in titles:
                return True
            if self._compound_noun(tok) or self._glued_to_lowercase(text, pos + len(tok)):
                return True
            if len(tok) >= 2 and tok.isalpha() and tok.isupper():
                return True  # acronyms ("PTSS", "GGZ"); names in capitals are out of scope
            if leading and low in interfix_lower and len(toks) > 1:
                return False
            if self.is_non_name(tok):
                return True
            if not _is_cap(tok) and low not in interfix_lower:
                return True
            if tok.isdigit():
                return True
            if leading and len(toks) > 1 and self._sentence_initial(text, pos):
                if tok not in self.first_names and tok not in self.surname_tokens:
                    if self._looks_like_noun(tok) or self.names.is_whitelisted(low) or self.is_common_word(tok):
                        return True
            return False

        while toks and bad_edge(toks[0][2], toks[0][0], True):
            toks.pop(0)
        while toks and (bad_edge(toks[-1][2], toks[-1][0], False) or toks[-1][2].lower() in interfix_lower):
            toks.pop()
        while toks and toks[0][2].lower() in interfix_lower and len(toks) == 1:
            toks.pop(0)
        if not toks:
            return None
        s, e = toks[0][0], toks[-1][1]
        if e < len(text) and text[e] == "." and re.fullmatch(r"(?:\p{Lu}\.)+\p{Lu}", text[s:e]):
            e += 1  # "J.P." keeps its last period
        inner = text[s:e]
        # house style: a single initial is an accepted pseudonym
        if re.fullmatch(r"\p{Lu}\.?", inner):
            return None
        if inner in self._employer_names or inner in self.countries:
            return None
        if inner.lower() in self._protected_lower:
            return None
        return s, e

    # ------------------------------------------------------------------ detectors
    def _persons(self, text: str) -> list[Candidate]:
        spans: list[tuple[int, int, int]] = []  # (start, end, priority)
        cued: set[tuple[int, int]] = set()  # spans with a cue of their own ("Kok (45)")
        p = PRIO["PERSON"]
        for s, e in self.names.person_spans(text):
            spans.append((s, e, p))
        for m in _TITLE_RX.finditer(text):
            name = m.group("name")
            if re.fullmatch(r"\p{Lu}\.?", name.strip()):
                continue
            ns = m.start("name")
            # house style "mevrouw F. Zij ...": a word after the initial must be a known name
            im = re.match(r"(\p{Lu}\.\s?)(?:(?:" + _INTERFIX_ALT + r")\s+)?(" + _CAP + ")", name)
            if im and not re.match(r"(?:\p{Lu}\.){2,}", name):
                sur = im.group(2)
                if sur not in self.surname_tokens and sur not in self.first_names:
                    if self.is_non_name(sur) or self._looks_like_noun(sur):
                        continue
                    if self._sentence_initial(text, ns + im.start(2)) and sur.lower() in {
                        w.lower() for w in ("Zij", "Hij", "Het", "De", "Er", "Ze", "Dit", "Dat", "Ook")
                    }:
                        continue
            spans.append((ns, m.end("name"), p + 2))
        for m in _MULTI_INITIALS.finditer(text):
            val = m.group(0).strip()
            initials = re.match(r"(?:\p{Lu}\.\s?)+", val).group(0).replace(" ", "")
            if initials in _NOT_INITIALS or initials.upper() in _NOT_INITIALS:
                continue
            end = m.end()
            rest = text[m.start() + len(re.match(r"(?:\p{Lu}\.\s?)+", m.group(0)).group(0)) : end].strip()
            if rest and (self.is_non_name(rest.split()[-1]) or self._looks_like_noun(rest.split()[-1])):
                end = m.start() + len(re.match(r"(?:\p{Lu}\.\s?)+", m.group(0)).group(0).rstrip())
            spans.append((m.start(), end, p + 2))
        for m in _INITIAL_SURNAME.finditer(text):
            sur = m.group("sur")
            if self.is_non_name(sur) or self._looks_like_noun(sur):
                continue
            if sur not in self.surname_tokens and sur not in self.first_names:
                # "... mevrouw F. Zaterdag ...": after a title+initial a new sentence may start
                before = text[max(0, m.start() - 12) : m.start()].lower()
                if any(before.rstrip().endswith(t.rstrip(".")) or before.rstrip().endswith(t) for t in lexicon.TITLES):
                    continue
            spans.append((m.start(), m.end(), p + 1))
        for m in _RELATION_RX.finditer(text):
            spans.append((m.start("name"), m.end("name"), p))
        for m in _AGE_RX.finditer(text):
            spans.append((m.start("name"), m.end("name"), p))
            cued.add((m.start("name"), m.end("name")))
        for m in _VERB_RX.finditer(text):
            ns, ne = m.start("name"), m.end("name")
            first = m.group("name").split()[0]
            if self.is_non_name(first) or self._looks_like_noun(first):
                continue
            if first not in self.first_names and first not in self.surname_tokens:
                if self._sentence_initial(text, ns) and len(m.group("name").split()) == 1:
                    continue
                if self._is_place_token(first):
                    continue
            spans.append((ns, ne, p - 1))
        out = []
        for s, e, prio in spans:
            cue = (s, e) in cued
            e = self._extend_right(text, e)
            m = _LEFT_INTERFIX_RX.search(text, max(0, s - 12), s)
            if m and m.end() == s:
                s = m.start(1)
            cleaned = self._clean_person(text, s, e)
            if not cleaned:
                continue
            if not cue and self._sentence_initial_common(text, *cleaned):
                continue
            out.append(Candidate(cleaned[0], cleaned[1], "PERSON", prio))
        return out

    _RIGHT_RX = re.compile(rf"[ ](?:(?:{_INTERFIX_ALT})\s+)?(?P<tok>{_CAP})")

    def _extend_right(self, text: str, end: int) -> int:
        """ "Ahmad Al-Masri": a capitalised non-word right after a name belongs to it."""
        for _ in range(2):
            m = self._RIGHT_RX.match(text, end)
            if not m:
                break
            tok = m.group("tok")
            if self.is_non_name(tok) or self._looks_like_noun(tok) or self._is_place_token(tok):
                break
            if tok in self._employer_names or tok.isupper():
                break
            end = m.end()
        return end

    def _is_place_token(self, token: str) -> bool:
        return any(len(t) == 1 for t in self.place_index.get(token, []))

    def _propagate(self, text: str, persons: Iterable[Finding]) -> list[Candidate]:
        """Every token of a confirmed name also counts elsewhere (incl. possessive forms)."""
        interfix_lower = {i.lower() for i in lexicon.INTERFIXES}
        tokens: set[str] = set()
        for f in persons:
            for _, _, tok in self._tokens(text, f.start, f.end):
                if tok.lower() in interfix_lower or len(tok) < 2 or tok.endswith("."):
                    continue
                if self.is_non_name(tok):
                    continue
                base = tok
                for suf in ("'s", "’s"):
                    if base.endswith(suf):
                        base = base[: -len(suf)]
                tokens.add(base)
        if not tokens:
            return []
        out = []
        for m in _WORD.finditer(text):
            tok = m.group(0)
            if not _is_cap(tok):
                continue
            if tok not in tokens and not any(
                tok.endswith(suf) and tok[: -len(suf)] in tokens for suf in _POSSESSIVE_SUFFIXES
            ):
                continue
            out.append(Candidate(m.start(), m.end(), "PERSON", PRIO["PERSON"] - 2))
        return out

    def _possessive_first_names(self, text: str) -> list[Candidate]:
        out = []
        for m in _WORD.finditer(text):
            tok = m.group(0)
            if not _is_cap(tok) or len(tok) < 4:
                continue
            for suf in ("'s", "’s", "s"):
                if tok.endswith(suf) and tok[: -len(suf)] in self.first_names:
                    if self.is_non_name(tok) or tok in self.first_names:
                        break
                    if self.names.is_whitelisted(tok.lower()):
                        break
                    out.append(Candidate(m.start(), m.end(), "PERSON", PRIO["PERSON"] - 2))
                    break
        return out

    def _addresses(self, text: str) -> list[Candidate]:
        out = []
        p = PRIO["ADDRESS"]
        for m in _POSTBUS_RX.finditer(text):
            out.append(Candidate(m.start(), m.end(), "ADDRESS", p))
        for m in _ADDRESS_RX.finditer(text):
            street_start = m.start("street")
            street = m.group("street")
            words = street.split()
            nr = m.group("nr").rstrip()
            nr_end = m.start("nr") + len(nr)
            # the longest tail of the word sequence that is a known street; otherwise the
            # last word with a street suffix plus directly attached name words
            found = None
            for k in range(len(words)):
                if " ".join(words[k:]) in self.streets:
                    found = k
                    break
            if found is None:
                last = words[-1]
                if any(part.lower().endswith(_STREET_SUFFIXES) and len(part) > 4 for part in last.split("-")):
                    found = len(words) - 1
                    while found > 0 and (
                        words[found - 1].lower() in {"van", "de", "der", "den", "het", "'t", "st.", "sint"}
                        or (
                            _is_cap(words[found - 1])
                            and not self.is_non_name(words[found - 1])
                            and not self._is_place_token(words[found - 1])
                        )
                    ):
                        found -= 1
                    while found < len(words) - 1 and not _is_cap(words[found]):
                        found += 1
                elif len(words) >= 2 and words[-2] in _STREET_WORD_PREFIXES:
                    found = len(words) - 2
                elif len(words) >= 3 and words[0] in _STREET_WORD_PREFIXES:
                    found = 0
            if found is None:
                before = text[max(0, street_start - 40) : street_start]
                if _ADDRESS_CONTEXT.search(before) and not self.is_non_name(words[0]):
                    found = 0
            if found is None:
                continue
            # drop leading words that are not part of a street name
            while found < len(words) - 1 and (
                self.is_non_name(words[found]) and " ".join(words[found:]) not in self.streets
            ):
                found += 1
            # offset of words[found] in the text
            idx = street_start
            for w in words[:found]:
                idx = text.index(w, idx) + len(w)
            s = text.index(words[found], idx)
            cand_street = text[s : m.end("street")]
            low = cand_street.lower()
            if low in self._protected_lower or cand_street in self.countries:
                continue
            if re.fullmatch(
                r"(?i)(?:art|artikel|lid|week|jaar|nr|nummer|kamer|groep|fase|niveau|stap|trede|bijlage|pagina|blz)\.?",
                words[-1],
            ):
                continue
            out.append(Candidate(s, nr_end, "ADDRESS", p))
        return out

    def _employers(self, text: str) -> list[Candidate]:
        out = []
        p = PRIO["EMPLOYER"]
        for m in self._employer_rx.finditer(text):
            out.append(Candidate(m.start(), m.end(), "EMPLOYER", p + 1))
        for m in _LEGAL_RX.finditer(text):
            s = self._trim_employer_start(text, m.start("name"), m.end())
            if s is not None:
                out.append(Candidate(s, m.end(), "EMPLOYER", p + 2))
        for m in _SECTOR_RX.finditer(text):
            sector = m.group("sector")
            ns, ne = m.start("name"), m.end("name")
            ne = self._trim_employer_end(text, ns, ne)
            if ne is None:
                continue
            start = m.start("sector") if sector[0].isupper() else ns
            name = text[ns:ne]
            if name.lower() in self._protected_lower or name in self.countries:
                continue
            if sector.lower() in {"werkgever", "bedrijf", "firma", "winkel"} and self.is_non_name(name.split()[0]):
                continue
            out.append(Candidate(start, ne, "EMPLOYER", p + 1))
        for rx in (_WORK_RX, _WERKGEVER_RX):
            for m in rx.finditer(text):
                ns, ne = m.start("name"), m.end("name")
                ne = self._trim_employer_end(text, ns, ne)
                if ne is None:
                    continue
                name = text[ns:ne]
                first = name.split()[0]
                if self.is_non_name(first) and first not in self._employer_names:
                    continue
                if name.lower() in self._protected_lower or name in self.countries:
                    continue
                if self._is_place_only(name):
                    continue
                out.append(Candidate(ns, ne, "EMPLOYER", p))
        for m in _COMPANY_END_RX.finditer(text):
            name = m.group("name")
            words = name.split()
            if len(words) < 2:
                continue
            if words[-1].lower().endswith(lexicon.COMPANY_WORD_ENDINGS):
                s = self._trim_employer_start(text, m.start(), m.end())
                if s is not None and len(text[s : m.end()].split()) >= 2:
                    out.append(Candidate(s, m.end(), "EMPLOYER", p))
        return out

    def _is_place_only(self, name: str) -> bool:
        toks = tuple(m.group(0) for m in _WORD.finditer(name))
        return toks in self.place_index.get(toks[0], []) if toks else False

    def _trim_employer_end(self, text: str, s: int, e: int) -> int | None:
        toks = self._tokens(text, s, e)
        while toks and (toks[-1][2].lower() in {"en", "van", "de", "der", "den", "het", "'t", "&"}):
            toks.pop()
        # stop before a place name ("bij de Jumbo in Tilburg" already stops at "in")
        if not toks:
            return None
        return toks[-1][1]

    def _trim_employer_start(self, text: str, s: int, e: int) -> int | None:
        toks = self._tokens(text, s, e)
        # "Linda Kuipers van Kuipers Bewindvoering": the company starts after a lower-case "van"
        cut = [i for i, t in enumerate(toks) if t[2] in ("van", "bij", "voor", "via") and i < len(toks) - 1]
        if cut:
            toks = toks[cut[-1] + 1 :]
        while toks and (
            (self.is_non_name(toks[0][2]) and toks[0][2] not in self._employer_names and not toks[0][2].isupper())
            or self._sentence_initial(text, toks[0][0])
            and self._looks_like_noun(toks[0][2])
            and len(toks) > 2
        ):
            toks.pop(0)
        if not toks:
            return None
        return toks[0][0]

    def _places(self, text: str) -> list[Candidate]:
        out = []
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
        n = len(words)
        i = 0
        while i < n:
            s, e, tok = words[i]
            options = self.place_index.get(tok)
            if not options or not _is_cap(tok):
                i += 1
                continue
            matched = None
            for opt in options:
                k = len(opt)
                if i + k <= n and tuple(w[2] for w in words[i : i + k]) == opt:
                    matched = k
                    break
            if matched is None:
                i += 1
                continue
            ps, pe = s, words[i + matched - 1][1]
            ok = self._place_ok(text, words, i, matched)
            if ok:
                prio = PRIO["PLACE"] + (16 if ok == "strong" else 0)
                out.append(Candidate(ps, pe, "PLACE", prio))
            i += matched
        return out

    def _place_ok(self, text: str, words, i: int, k: int) -> bool:
        tok = words[i][2]
        name = " ".join(w[2] for w in words[i : i + k])
        prev = words[i - 1][2].lower() if i > 0 else ""
        gap = text[words[i - 1][1] : words[i][0]] if i > 0 else ""
        context = prev in lexicon.PLACE_PREPOSITIONS and gap.strip() == ""
        after_postcode = bool(re.search(r"\d{4}\s?[A-Z]{2}\s*,?\s*$", text[max(0, words[i][0] - 10) : words[i][0]]))
        after_address = bool(
            re.search(
                r"(?:\d[\w-]*|\b(?:hs|bis|huis|bg|boven|[IVX]+))\s*,\s*$",
                text[max(0, words[i][0] - 8) : words[i][0]],
            )
        )
        strong = context or after_postcode or after_address
        ambiguous = (
            self.names.is_whitelisted(name.lower())
            or self.is_non_name(tok)
            or tok in self.first_names
            or (tok in self.plain_surnames and k == 1)
            or len(name) <= 3
            or (
                self._sentence_initial(text, words[i][0])
                and k == 1
                and (self.names.is_whitelisted(tok.lower()) or self.is_common_word(tok))
            )
        )
        if name.lower() in self._protected_lower:
            return False
        if strong:
            return "strong"
        return "plain" if not ambiguous else ""

    # ------------------------------------------------------------------ main entry
    def detect(self, text: str) -> list[Finding]:
        if not text or not text.strip():
            return []
        cands: list[Candidate] = []
        cands.extend(find_structured(text))
        cands.extend(self._addresses(text))
        cands.extend(self._employers(text))
        cands.extend(self._persons(text))
        cands.extend(self._possessive_first_names(text))
        cands.extend(self._places(text))
        cands = self._apply_protected(text, cands)
        first = _resolve(cands, text)
        persons = [f for f in first if f.label == "PERSON"]
        extra = self._propagate(text, persons)
        if extra:
            first = _resolve(cands + self._apply_protected(text, extra), text)
        return _merge_adjacent_persons(text, first)

    def _apply_protected(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        prot = [(m.start(), m.end()) for m in self._protected_rx.finditer(text)]
        if not prot:
            return cands
        out = []
        for c in cands:
            if c.label not in ("PERSON", "PLACE", "EMPLOYER", "ADDRESS"):
                out.append(c)
                continue
            hits = [(s, e) for s, e in prot if s < c.end and c.start < e]
            if not hits:
                out.append(c)
                continue
            # keep the longest piece of the candidate that avoids protected terms
            pieces = []
            cur = c.start
            for s, e in sorted(hits):
                if s > cur:
                    pieces.append((cur, s))
                cur = max(cur, e)
            if cur < c.end:
                pieces.append((cur, c.end))
            pieces = [(s, e) for s, e in pieces if text[s:e].strip(" ,.-/'") and any(ch.isalnum() for ch in text[s:e])]
            if not pieces:
                continue
            s, e = max(pieces, key=lambda x: x[1] - x[0])
            while s < e and not text[s].isalnum():
                s += 1
            while e > s and not text[e - 1].isalnum() and text[e - 1] != ".":
                e -= 1
            if e - s < 2 or c.label == "ADDRESS":
                continue
            # what is left of "AOW-leeftijd" or "UWV-loket" is part of a word, not a name
            if c.label in ("PERSON", "PLACE") and (not _is_cap(text[s:e]) or text[s - 1 : s] == "-"):
                continue
            out.append(Candidate(s, e, c.label, c.priority - 1))
        return out


_TRIMMABLE = ("PERSON", "EMPLOYER", "PLACE")
_EDGE_JUNK = re.compile(r"^(?:[\s,;:(]|[\p{Ll}'’]+\s)+|(?:[\s,;:(]|\s[\p{Ll}'’]+)+$")


def _remaining_piece(text: str, c: Candidate, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Largest part of a name-like candidate not covered by already chosen findings."""
    pieces = []
    cur = c.start
    for s, e in sorted(t for t in taken if t[0] < c.end and c.start < t[1]):
        if s > cur:
            pieces.append((cur, s))
        cur = max(cur, e)
    if cur < c.end:
        pieces.append((cur, c.end))
    best = None
    for s, e in pieces:
        piece = text[s:e]
        stripped = _EDGE_JUNK.sub("", piece)
        if not stripped:
            continue
        s2 = s + piece.index(stripped)
        e2 = s2 + len(stripped)
        if e2 - s2 >= 2 and _is_cap(stripped) and (best is None or e2 - s2 > best[1] - best[0]):
            best = (s2, e2)
    return best


def _resolve(cands: list[Candidate], text: str = "") -> list[Finding]:
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(set(cands), key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        if any(c.start < e and s < c.end for s, e in taken):
            if c.label not in _TRIMMABLE or not text:
                continue
            piece = _remaining_piece(text, c, taken)
            if piece is None:
                continue
            c = Candidate(piece[0], piece[1], c.label, c.priority)
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(Finding(c.start, c.end, c.label) for c in chosen)


def _merge_adjacent_persons(text: str, findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in findings:
        if out and out[-1].label == "PERSON" and f.label == "PERSON":
            gap = text[out[-1].end : f.start]
            if gap in (" ", "-", ""):
                out[-1] = Finding(out[-1].start, f.end, "PERSON")
                continue
        out.append(f)
    return out


_DETECTOR: Detector | None = None
_LOCK = threading.Lock()


def get_detector() -> Detector:
    """The process-wide detector (built lazily, once; thread-safe)."""
    global _DETECTOR
    if _DETECTOR is None:
        with _LOCK:
            if _DETECTOR is None:
                _DETECTOR = Detector()
    return _DETECTOR
