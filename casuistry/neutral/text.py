"""Leave out of search what says who a person is: origin, nationality, ethnicity, religion, skin colour.

Search computes on the neutral text (the query embedding, the keyword query, and each casus' own
indexed text); what the user sees is unchanged. A phrase is removed with the clause it forms (", die
een hoofddoek draagt", "(34, Syrische nationaliteit)", "Klant is christen."), so the rest of the text is
what it would have been without it.

Exception by content, not by person: a country that is what the case is about stays ("een woning in
Marokko", "pensioen uit Turkije", "een Poolse bankrekening"): a country counts as origin only with a
word of origin (geboren in, afkomstig uit, komt uit), an adjective only with afkomst, achtergrond or
nationaliteit, or before a word for a person. Language *ability* stays too: that
someone reads little Dutch or needs an interpreter bears on doenvermogen (could they know what was
asked of them?), so "spreekt slecht Nederlands", "heeft een tolk nodig" and "laaggeletterd" are
searched. *Which* language someone speaks only says where they come from, so it is left out
("spreekt Turks", "Arabischtalige", "een tolk Tigrinya" → "een tolk").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon

KINDS = ("afkomst", "nationaliteit", "geloof", "huidskleur", "taal")
FLAGS = re.IGNORECASE | re.UNICODE


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _inflected(stem: str) -> set[str]:
    """Marokkaans → Marokkaanse, Eritrees → Eritrese, Indiaas → Indiase, autochtoon → autochtone."""
    forms = {stem}
    match = re.search(r"(aa|ee|oo|uu)([^aeiou])$", stem)  # a long vowel in an open syllable loses a letter
    forms.add(stem[:-3] + stem[-2:] + "e" if match else stem + "e")
    return forms


ADJECTIVES = {f for stem in [*lexicon.COUNTRY_ADJECTIVES.values(), *lexicon.GROUP_ADJECTIVES] for f in _inflected(stem)}
COUNTRIES = {*lexicon.COUNTRY_ADJECTIVES}
# Capitalised words of origin (countries and their adjectives): the anonymiser never takes them for a name.
ORIGIN_WORDS = frozenset(w for w in ADJECTIVES | COUNTRIES if w[:1].isupper())
ADJ = rf"(?:(?:{_alternation(ADJECTIVES)})(?:-(?:{_alternation(ADJECTIVES)}))?)"
COUNTRY = rf"(?:{_alternation(COUNTRIES)})"
PERSON = rf"(?:{_alternation(lexicon.PERSON_NOUNS)})"
W = r"(?<![\w-])"  # a word start
E = r"(?![\w-])"  # a word end

ORIGIN_NOUN = _alternation(lexicon.ORIGIN_NOUNS)
NATIONALITY_NOUN = _alternation(lexicon.NATIONALITY_NOUNS)
DEMONYM = _alternation(lexicon.DEMONYM_NOUNS)
FAITH = _alternation(lexicon.RELIGION_WORDS)
FAITH_PREFIX = _alternation(lexicon.RELIGION_PREFIXES)
WORSHIP = _alternation(lexicon.PLACES_OF_WORSHIP)
DRESS = _alternation(lexicon.RELIGIOUS_DRESS)
SKIN = _alternation(lexicon.SKIN_ADJECTIVES)
LANGUAGE = _alternation(lexicon.LANGUAGES)
NATIVE = r"(?:allochto(?:on|ne)|autochto(?:on|ne))"
COME = r"(?:komt|kwam|komen|kwamen)"
BORN = r"(?:geboren|getogen|opgegroeid|afkomstig(?:e)?)"

CORES: list[tuple[str, re.Pattern]] = [
    (kind, re.compile(pattern, FLAGS))
    for kind, pattern in (
        ("afkomst", rf"{W}(?:(?:van|met)\s+(?:oorsprong\s+)?(?:een\s+)?)?{ADJ}[\s-]+(?:{ORIGIN_NOUN}){E}"),
        ("afkomst", rf"{W}(?:met\s+een\s+)?(?:{ADJ}\s+)?migratieachtergrond{E}"),
        ("afkomst", rf"{W}van\s+oorsprong\s+{ADJ}{E}"),
        ("afkomst", rf"{W}{BORN}\s+(?:in|uit|op)\s+{COUNTRY}{E}"),
        ("afkomst", rf"{W}(?:in|uit|op)\s+{COUNTRY}\s+(?:(?:is|was|werd|zijn)\s+)?{BORN}{E}"),
        ("afkomst", rf"{W}uit\s+{COUNTRY}\s+{COME}{E}"),
        ("afkomst", rf"{W}{COME}\s+(?:oorspronkelijk\s+)?uit\s+{COUNTRY}{E}"),
        ("afkomst", rf"{W}(?:(?:zijn|haar|de)\s+)?ouders\s+{COME}\s+(?:oorspronkelijk\s+)?uit\s+{COUNTRY}{E}"),
        ("afkomst", rf"{W}(?:een\s+)?(?:{ADJ}\s+)?(?:{DEMONYM}){E}"),
        ("afkomst", rf"{W}(?:een\s+)?{NATIVE}\s+(?:Nederlanders?|Nederlandse|Nederlands){E}"),
        ("afkomst", rf"{W}(?:{NATIVE}|inheemse?){E}"),
        ("afkomst", rf"{W}een\s+{ADJ}(?=\s*[,.;)])"),
        ("nationaliteit", rf"{W}(?:(?:met|van)\s+)?(?:de\s+|een\s+)?(?:dubbele\s+)?{ADJ}\s+(?:{NATIONALITY_NOUN}){E}"),
        ("nationaliteit", rf"{W}(?:(?:met|van)\s+)?(?:de\s+|een\s+)?(?:dubbele|tweede)\s+nationaliteit{E}"),
        ("geloof", rf"{W}(?:van\s+)?(?:een\s+)?(?:(?:{FAITH_PREFIX})\s+)*(?:{FAITH})(?:\s+(?:{FAITH}))*{E}"),
        (
            "geloof",
            rf"{W}(?:gaat|ging|gaan|bezoekt|bezocht|bezoeken)\s+(?:\w+\s+){{0,3}}?(?:naar\s+)?"
            rf"(?:de|het|een)\s+(?:{WORSHIP}){E}",
        ),
        ("geloof", rf"{W}(?:draagt|droeg|dragen)\s+(?:\w+\s+){{0,2}}?(?:{DRESS}){E}"),
        ("geloof", rf"{W}(?:een\s+)?(?:{DRESS})(?:\s+(?:draagt|droeg|dragen|gaat))?{E}"),
        ("huidskleur", rf"{W}(?:met\s+)?(?:een\s+)?(?:{SKIN})\s+huid(?:skleur)?{E}"),
        ("huidskleur", rf"{W}(?:donker|licht)\s+getint(?:e)?{E}"),
        # "een zwarte man" as a whole, so "(34, zwarte vrouw)" and "is een zwarte man en" go entirely
        (
            "huidskleur",
            rf"{W}(?:een\s+)?(?:zwarte|blanke|getinte|donkere|bruine)\s+"
            rf"(?:man|vrouw|jongen|meisje|persoon|jongeman){E}",
        ),
        ("huidskleur", rf"{W}(?:zwarte|blanke|getinte|donkere|zwart|blank|getint){E}(?=\s+{PERSON}{E})"),
        ("afkomst", rf"{W}{ADJ}{E}(?=\s+{PERSON}{E})"),
        ("taal", rf"{W}(?:spreekt|spreken|sprak)\s+(?:alleen\s+|vooral\s+|vloeiend\s+)?(?:{LANGUAGE}){E}"),
        ("taal", rf"{W}(?:{LANGUAGE})(?:talig|talige|sprekend|sprekende){E}"),
        ("taal", rf"(?<=tolk\s)(?:{LANGUAGE}){E}"),
        ("taal", rf"{W}(?:{LANGUAGE})e?{E}(?=\s+tolk{E})"),
    )
]
GLUE = {
    "die",
    "dat",
    "is",
    "was",
    "zijn",
    "heeft",
    "had",
    "hebben",
    "bezit",
    "bezat",
    "komt",
    "kwam",
    "en",
    "een",
    "de",
    "het",
    "ook",
    "zelf",
    "oorspronkelijk",
    "overigens",
    "klant",
    "belanghebbende",
    "betrokkene",
    "zij",
    "hij",
    "ze",
    "mevrouw",
    "meneer",
    "cliënt",
    "client",
    "draagt",
    "gaat",
    "werd",
    "nationaliteit",
    "met",
    "van",
    "afkomst",
    "geboren",
    "man",
    "vrouw",
    "jongen",
    "meisje",
    "persoon",
}
WORD = re.compile(r"[\w'’-]+", re.UNICODE)
# A sentence ends at . ! ? before a capital, but not after an initial ("meneer T. (52)").
SENTENCE_END = re.compile(r"(?<!\b[A-Z]\.)(?<=[.!?])\s+(?=[A-ZÀ-Þ\"'])|\n+")


@dataclass(frozen=True)
class NeutralText:
    text: str
    removed: tuple[str, ...] = field(default_factory=tuple)  # kinds, in order of appearance

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def neutral_text(text: str) -> NeutralText:
    """The text without what says who the person is; ``removed`` names the kinds (never the words).

    A text without such words comes back unchanged, character for character.
    """
    spans = _cores(text or "")
    if not spans:
        return NeutralText(text or "")
    removed = tuple(kind for _, _, kind in spans)
    result = text
    for start, end in _merge({_unit(text, start, end) for start, end, _ in spans}):
        result = _join(result[:start], result[end:])
    return NeutralText(result.strip(), removed)


def _cores(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for kind, pattern in CORES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in found):
                continue
            found.append((start, end, kind))
    return _joined(sorted(found), text)


def _joined(found, text):
    """Phrases next to each other ("een autochtone" "Nederlander") are one phrase."""
    joined: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end, joined[-1][2])
        else:
            joined.append((start, end, kind))
    return joined


def _merge(units):
    merged: list[tuple[int, int]] = []
    for start, end in sorted(units):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return sorted(merged, reverse=True)


def _unit(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to remove for the phrase at start:end: its bracket, clause or sentence, else itself."""
    for finder in (_in_brackets, _own_sentence, _comma_clause, _coordinated, _predicate):
        unit = finder(text, start, end)
        if unit is not None:
            return unit
    return start, end


def _only_glue(fragment: str) -> bool:
    words = [w.lower() for w in WORD.findall(fragment) if not re.fullmatch(r"[A-Z]\.?", w)]
    return all(w in GLUE or w.isdigit() for w in words)


def _in_brackets(text, start, end):
    open_at = text.rfind("(", 0, start)
    close_at = text.find(")", end)
    if open_at < 0 or close_at < 0 or ")" in text[open_at:start] or "(" in text[end:close_at]:
        return None
    inside_before, inside_after = text[open_at + 1 : start], text[end:close_at]
    if not (inside_before + inside_after).strip(" ,;"):
        return (open_at - 1 if open_at and text[open_at - 1] == " " else open_at), close_at + 1
    if inside_before.rstrip().endswith((",", ";")):
        return open_at + 1 + len(inside_before.rstrip()) - 1, end
    return start, end + (len(inside_after) - len(inside_after.lstrip(" ,;")))


def _sentence_of(text, start, end) -> tuple[int, int]:
    begin = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = SENTENCE_END.search(text, end)
    return begin, (stop.start() if stop else len(text))


def _own_sentence(text, start, end):
    begin, stop = _sentence_of(text, start, end)
    rest = text[begin:start] + " " + text[end:stop]
    if re.search(r"\b[A-Z]\.|\d", rest):
        return None  # the sentence also names someone ("meneer V. (37), ..."): only the clause goes
    if _only_glue(rest):
        stop += len(text[stop:]) - len(text[stop:].lstrip())
        return begin, stop
    return None


def _comma_clause(text, start, end):
    begin, stop = _sentence_of(text, start, end)
    before = text.rfind(",", begin, start)
    if before < 0:
        return None
    after = text.find(",", end, stop)
    closing = stop if after < 0 else after
    if not _only_glue(text[before + 1 : start] + " " + text[end:closing]):
        return None
    if after < 0:  # a clause at the sentence end goes with its comma; the full stop stays
        tail = text[end:closing]
        return before, end + len(tail.rstrip().rstrip(".!?"))
    # An enclosed clause (", die ... heeft,") goes with both commas, unless its first comma also closes
    # an earlier one ("Klant, meneer G. (41), van ... afkomst, heeft"): then one comma stays.
    closes_earlier = text.count(",", begin, before) % 2 == 1
    return before, (after if closes_earlier else after + 1)


PREDICATE_LEAD = re.compile(
    r"(?:\b(?:is|was|zijn|waren|heeft|had|hebben|draagt|bezit)\s+)?(?:(?:een|de|het)\s+)?$", re.IGNORECASE
)


def _coordinated(text, start, end):
    """'gaat naar de moskee en wist niet' → 'wist niet'; 'is christen en heeft' → 'heeft'."""
    lead = PREDICATE_LEAD.search(text[:start])
    tail = re.match(r"\s+en\s+", text[end:])
    if tail:
        return (lead.start() if lead else start), end + tail.end() - 1
    head = re.search(r"\s+en\s+$", text[:start])
    if head:
        return head.start(), end
    return None


def _predicate(text, start, end):
    """'Mevrouw K. heeft een migratieachtergrond.' → 'Mevrouw K.': the verb and article go with it."""
    if not re.match(r"\s*(?:[.;!?)]|$)", text[end:]):
        return None
    lead = PREDICATE_LEAD.search(text[:start])
    return (lead.start() if lead and lead.group() else start), end


ARTICLE_BEFORE_PERSON = re.compile(r"\b(?:de|een)\s*$", re.IGNORECASE)
PERSON_AFTER = re.compile(r"\s*(?:mevrouw|meneer|betrokkene|belanghebbende)\b", re.IGNORECASE)
SENTENCE_BEFORE = re.compile(r"(?:^|(?<!\b[A-Z])[.!?])\s*$")


def _join(left: str, right: str) -> str:
    """Close the gap a removal left, touching only the characters at the seam."""
    left, right = left.rstrip(" \t"), right.lstrip(" \t")
    if ARTICLE_BEFORE_PERSON.search(left) and PERSON_AFTER.match(right):
        left = ARTICLE_BEFORE_PERSON.sub("", left).rstrip(" \t")  # "de [in Suriname geboren] meneer T."
    if left.endswith("(") and right.startswith(")"):
        left, right = left[:-1].rstrip(" \t"), right[1:]
    if left.endswith((",", ";")) and right[:1] in (",", ";", ".", ")", ""):
        left = left[:-1]
    if right[:1] in (".", "!", "?") and left.endswith((".", "!", "?")):
        right = right[1:]  # "Mevrouw K. [heeft een ...]." ends once
    if right[:1] == "," and (not left or left.endswith(("(", "\n"))):
        right = right[1:].lstrip(" \t")
    if SENTENCE_BEFORE.search(left) and right[:1].islower():
        right = right[0].upper() + right[1:]
    glue = "" if not left or not right or left.endswith(("(", "\n")) or right[:1] in ",.;:!?)\n" else " "
    return left + glue + right
