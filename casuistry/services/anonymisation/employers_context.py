"""EMPLOYER candidates that the capitalisation rules of ``employers`` miss.

* known employers, platforms and chains in any case: "bij de hema", "via temper",
  "OTTO Work Force" (``data/employers.txt`` plus deduce's hospital list); a lower-case form
  that is also an ordinary word ("action", "jumbo") counts only in work context;
* the name of one's own business: "eenmanszaak Nagelstudio Xiao", "onder de naam Hans
  Verhuist", "tenaamgesteld op M.A. Verhuisservice", "bedrijfje aan huis: Lash & Brow";
* a word with an inner capital ("CleanForce", "FlexFood Noord"), minus apps ("YouTube");
* propagation: an employer found once is found again elsewhere in the text, in any case.

Selling platforms and public bodies are in the protected lexicon and never become employers.
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .findings import Finding
from .rules import PRIO, Candidate
from .text import CAP, PhraseIndex
from .vocabulary import Vocabulary

_P = PRIO["EMPLOYER"]
_TOKEN = rf"(?:{CAP}|\p{{Lu}}{{2,}}\p{{L}}*|\p{{Lu}}\p{{L}}*&\p{{Lu}}\p{{L}}*)"
_NAME = (
    rf"(?:(?:\p{{Lu}}\.){{1,3}}[ \t]?)?{_TOKEN}"
    rf"(?:-?[ \t]+(?:&[ \t]+|en[ \t]+|van[ \t]+|de[ \t]+|der[ \t]+|den[ \t]+|het[ \t]+|'t[ \t]+)?{_TOKEN}){{0,4}}"
)
_OWN_BUSINESS_RX = re.compile(
    r"(?i:eenmanszaak|vennootschap|onder\s+de\s+(?:handels)?naam|handelsnaam|handelend\s+onder\s+de\s+naam|"
    r"tenaamgesteld\s+op|(?:eigen\s+)?(?:bedrijf|bedrijfje|zaak|zaakje|onderneming)(?:\s+aan\s+huis)?|"
    r"webshop|webwinkel|(?:eigen\s+)?(?:merk|label)|bedrijfsnaam|"
    r"opdrachtgever|plaatsing|uitzendbureau|uitzendorganisatie|detacheerder|payrollbedrijf|werkgever)"
    rf"[ \t]*[:,]?[ \t]+(?:(?i:de|het)[ \t]+)?(?P<name>{_NAME})"
)
# "een sushirestaurant (Sakura Sushi)", "het schoonmaakbedrijf (Clean & Co)": a name in brackets
# right after a word for a business
_BUSINESS_BRACKET_RX = re.compile(
    r"(?i:\w*(?:" + "|".join(sorted(set(lexicon.SECTOR_WORDS) - {"car wash"}, key=len, reverse=True)) + r"))"
    rf"[ \t]*\([ \t]*(?P<name>{_NAME})[ \t]*\)"
)
_WORK_CUE_RX = re.compile(
    r"(?i:werk\w*|gewerkt|dienst\w*|baan|bijbaan|stage|contract|loon\w*|salaris|shift\w*|uren|"
    r"\w*kracht|\w*medewerker|\w*medewerkster|bezorg\w*|rijdt|rijden|gevonden|begonnen|begint|start|"
    r"aangenomen|sollicit\w*|ingeschreven|opdracht\w*|klus\w*|inkomsten|kassa|vakken\w*|bediening|"
    r"magazijn|productie|schoonmaak|keuken|beveilig\w*|loondienst)"
    r"[^.;:\n]{0,40}?\b(?:bij|via|voor|van|in|op)\s+(?:de\s+|het\s+)?$"
)

# "CleanForce", "FlexFood Noord": one word with an inner capital is a brand or company name
_CAMEL_RX = re.compile(
    r"(?<![\p{L}\p{N}@./_-])(?P<name>\p{Lu}\p{Ll}{2,}(?:\p{Lu}\p{Ll}{2,})+)(?![\p{L}\p{N}@_]|\.\w)"
    r"(?P<part>[ \t](?:" + "|".join(lexicon.PLACE_PART_WORDS) + r")(?![\p{L}]))?"
)


class EmployerCueFinder:
    def __init__(self, vocab: Vocabulary, index: PhraseIndex) -> None:
        self.v = vocab
        self.index = index

    def find(self, text: str) -> list[Candidate]:
        out = []
        exact = set(self.index.find(text))
        for s, e in self.index.find(text, ignore_case=True):
            if (s, e) in exact:
                continue  # the case-sensitive lookup in ``employers`` has it
            if self._needs_work_context(text[s:e]) and not _WORK_CUE_RX.search(text, max(0, s - 60), s):
                continue
            out.append(Candidate(s, e, "EMPLOYER", _P + 1))
        for m in _BUSINESS_BRACKET_RX.finditer(text):
            span = self._trim(text, m.start("name"), m.end("name"))
            if span:
                out.append(Candidate(span[0], span[1], "EMPLOYER", _P + 1))
        for m in _CAMEL_RX.finditer(text):
            if self._camel_ok(m.group("name")):
                out.append(Candidate(m.start(), m.end(), "EMPLOYER", _P))
        for m in _OWN_BUSINESS_RX.finditer(text):
            span = self._trim(text, m.start("name"), m.end("name"))
            if span:
                out.append(Candidate(span[0], span[1], "EMPLOYER", _P + 1))
        return out

    def _camel_ok(self, word: str) -> bool:
        """No app, protected term, name or place ("YouTube", "WhatsApp", "McDonald")."""
        v = self.v
        if word in lexicon.NOT_EMPLOYER_CAMELCASE or v.is_protected(word) or v.is_known_name(word):
            return False
        if re.search(r"\p{Lu}(?:ank|ay|pp|hat)$", word):
            return False  # "RegioBank", "ApplePay", "MijnApp", "WeChat": banks, payments, apps
        return not (v.is_place_token(word) or v.is_world_place(word))

    def _needs_work_context(self, value: str) -> bool:
        low = value.lower()
        return len(low) < 4 or self.v.is_common_word(low) or self.v.is_whitelisted(low) or value.isupper()

    def _trim(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        words = [(start + m.start(), start + m.end(), m.group(0)) for m in re.finditer(r"\S+", text[start:end])]
        while words and words[-1][2].lower() in lexicon.EMPLOYER_TRAILING_WORDS:
            words.pop()
        if not words:
            return None
        name = text[words[0][0] : words[-1][1]]
        first = words[0][2]
        if self.v.is_protected(name) or self.v.is_protected(first) or name in self.v.countries:
            return None
        if first.lower() in lexicon.MONTHS:
            return None
        if self.v.is_non_name(first.rstrip(".,")) and first not in self.v.employer_names:
            return None
        return words[0][0], words[-1][1]

    def propagate(self, text: str, findings: list[Finding]) -> list[Candidate]:
        """Each employer found once also counts where it recurs ("Temper" ... "via temper")."""
        names = {text[f.start : f.end] for f in findings if f.label == "EMPLOYER"}
        out = []
        for name in names:
            if len(name) < 3 or self.v.is_protected(name):
                continue
            flags = 0 if self._needs_work_context(name) else re.IGNORECASE
            rx = re.compile(rf"(?<![\p{{L}}\p{{N}}]){re.escape(name)}(?![\p{{L}}\p{{N}}])", flags)
            # below PERSON: "Groeneveld Budgetbeheer" must not take the surname of "A.M. Groeneveld"
            out.extend(Candidate(m.start(), m.end(), "EMPLOYER", PRIO["PERSON"] - 1) for m in rx.finditer(text))
        return out


def person_like(vocab: Vocabulary, name: str) -> bool:
    """ "Samira Tahiri", "Ahmed": a first name (and a surname) rather than a company name."""
    words = name.split()
    if not words or name in vocab.employer_names:
        return False
    if any(w.lower().endswith(lexicon.COMPANY_WORD_ENDINGS) or w.lower() in lexicon.SECTOR_WORDS for w in words):
        return False
    return words[0] in vocab.first_names and len(words) <= 3 and not vocab.is_common_word(words[0])
