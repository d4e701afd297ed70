"""PERSON candidates written in capitals or surname first, as official letters and bank lines do.

* initials + surname in capitals: "H. YILMAZ", "K.J. BROUWER", "P.L. VAN DER KOOIJ";
* surname in capitals + initials: "CHEN J.H.", "BROUWER-DEKKER E", "TESFAMARIAM Y G";
* surname first with a comma: "PETKOV, Stoyan Dimitrov", "Bakker, P.J.";
* capitals mixed with a known first name: "WANG Li Na", "Ionut Catalin DUMITRESCU", "POPESCU ION";
* the account holder after an IBAN, "t.n.v.", "houder", "Naam:" or "/NAME/" on a bank line,
  also with a particle ("FAM VAN LEEUWEN", "J.H. DE BOER");
* surname/given name on tickets and passports: "AMRANI/MUHAMMAD".

A word in capitals counts only if it is no acronym, protected term, country, month or ordinary
word (unless the name lists know it), so headings ("RAPPORTAGE ONDERZOEK") stay untouched.
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .rules import PRIO, Candidate
from .vocabulary import Vocabulary

_P = PRIO["PERSON"]
_UP = r"\p{Lu}{2,}(?:['’-]\p{Lu}{2,})*"
_CAPW = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*"
_ANYW = rf"(?:{_UP}|{_CAPW})"
_PART_UP = r"(?:VAN DER|VAN DEN|VAN DE|VAN|DER|DEN|DE|TER|TEN|EL|AL|BEN|VON|LA|LE|DA|DOS|DU)"
_PART_ANY = rf"(?:{_PART_UP}|van der|van den|van de|van|de|der|den|ter|ten|el|al|ben|von)"
_INITS = r"(?:\p{Lu}\.[ \t]?){1,4}"
_END = r"(?![\p{L}\p{N}])"

_INIT_UP_RX = re.compile(rf"(?<![\p{{L}}.])(?P<ini>{_INITS})(?P<sur>(?:{_PART_UP}[ \t])?{_UP}){_END}")
# (an initial without a period must stand alone: "TESFAMARIAM Y G", but "KADER VAN" has none)
_UP_INIT_RX = re.compile(
    rf"(?<![\p{{L}}])(?P<sur>{_UP})[ \t](?P<ini>(?:\p{{Lu}}(?:\.|(?![\p{{L}}]))[ \t]?){{1,3}})(?![\p{{L}}\p{{N}}])"
)
_COMMA_RX = re.compile(
    rf"(?<![\p{{L}}])(?P<sur>(?:{_PART_ANY}[ \t])?{_ANYW})[ \t]*,[ \t]*"
    rf"(?P<given>{_INITS}|{_ANYW}(?:[ \t]{_ANYW}){{0,2}})(?![\p{{L}}])"
)
_SEQ_RX = re.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<seq>{_ANYW}(?:[ \t-](?:{_PART_ANY}[ \t])?{_ANYW}){{1,3}}){_END}")
# tickets and passports: "AMRANI/MUHAMMAD", "NOWAK/ANNA MRS" (never a chain: "TRTP/SEPA/IBAN")
_SLASH_RX = re.compile(rf"(?<![\p{{L}}\p{{N}}/])(?P<sur>{_UP})/(?P<given>{_UP})(?![\p{{L}}\p{{N}}/])")
_HOLDER_RX = re.compile(
    r"(?:(?i:t\.?\s?n\.?\s?v\.?|houder|naam|rekeninghouder|begunstigde|tegenrekening\s+naam)\s*:?\s*|/NAME/"
    r"|\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\s*[\"';(|]*\s*)"
    rf"(?:(?i:hr|mw|mevr|dhr|fam|familie)\.?\s+)?(?P<seq>(?:{_INITS})?(?:{_PART_UP}[ \t])?{_UP}"
    rf"(?:[ \t-](?:{_PART_UP}[ \t])?(?:{_UP}|\p{{Lu}}\.?))*)"
    r"(?![\p{L}\p{N}])"
)


_PARTICLES_LOWER = frozenset(p.lower() for p in lexicon.INTERFIXES)


class CapsNameFinder:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab

    def find(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for m in _INIT_UP_RX.finditer(text):
            initials = m.group("ini").replace(" ", "")
            if initials in lexicon.NOT_INITIALS or not self._caps_surname(m.group("sur")):
                continue
            out.append(Candidate(m.start(), m.end("sur"), "PERSON", _P + 2))
        for m in _UP_INIT_RX.finditer(text):
            if not self._caps_surname(m.group("sur")):
                continue
            end = m.end("ini")
            while end > m.start("ini") and text[end - 1] in " \t":
                end -= 1
            out.append(Candidate(m.start(), end, "PERSON", _P + 1))
        for m in _COMMA_RX.finditer(text):
            if self._comma_name(m.group("sur"), m.group("given")):
                end = m.start("given") + len(m.group("given").rstrip())
                out.append(Candidate(m.start(), end, "PERSON", _P + 2))
        for m in _SEQ_RX.finditer(text):
            span = self._mixed_sequence(text, m.start("seq"), m.end("seq"))
            if span:
                out.append(Candidate(span[0], span[1], "PERSON", _P + 1))
        for m in _SLASH_RX.finditer(text):
            pair = (m.group("sur"), m.group("given"))
            if all(self._caps_surname(w) for w in pair) and any(self._known(w) for w in pair):
                out.append(Candidate(m.start(), m.end(), "PERSON", _P + 2))
        for m in _HOLDER_RX.finditer(text):
            seq = m.group("seq")
            words = [w for w in re.split(r"[ \t-]+", seq) if w]
            if any(self._org_word(w) for w in words):
                continue
            if not any(len(w.rstrip(".")) >= 2 and self._caps_surname(w) for w in words):
                continue
            # (a word after a particle is vouched for by it: "VAN LEEUWEN", "DE BOER")
            vouched = {w for p, w in zip(words, words[1:], strict=False) if p.lower() in _PARTICLES_LOWER}
            rest = [w for w in words if not w.endswith(".") and w.lower() not in _PARTICLES_LOWER]
            if any(len(w) >= 2 and not self._caps_surname(w, strict=w not in vouched) for w in rest):
                continue  # "HUUR APRIL WONEN": words of a description, not an account holder
            out.append(Candidate(m.start("seq"), m.end("seq"), "PERSON", _P + 2))
        return out

    # ------------------------------------------------------------------ word tests
    def _title(self, word: str) -> str:
        return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))

    def _known(self, word: str) -> bool:
        title = self._title(word)
        parts = title.split("-")
        return self.v.is_known_name(title) or all(self.v.is_known_name(p) for p in parts)

    def _org_word(self, word: str) -> bool:
        low = word.lower().rstrip(".")
        return (
            low in lexicon.CAPS_ORG_WORDS
            or low.endswith(lexicon.COMPANY_WORD_ENDINGS)
            or self.v.is_protected(word)
            or self._title(word) in self.v.employer_names
            or word in self.v.employer_names
        )

    def _compound_of_words(self, word: str) -> bool:
        """ "BANKAFSCHRIFTEN" = "bank" + "afschriften": an ordinary compound, not a surname."""
        low = word.lower()
        return any(self.v.is_common_word(low[:i]) and self.v.is_common_word(low[i:]) for i in range(3, len(low) - 2))

    def _caps_surname(self, word: str, strict: bool = False) -> bool:
        """A word in capitals (or one initial) that may be a surname. ``strict``: without initials
        to vouch for it, a capitalised ordinary word ("KADER", "HUUR") is no surname."""
        w = word.strip()
        if re.fullmatch(r"\p{Lu}\.?", w):
            return False
        parts = w.split()
        for i, part in enumerate(parts):
            low = part.lower()
            if low in _PARTICLES_LOWER and i < len(parts) - 1:
                continue  # "DE BOER", "VAN LEEUWEN": a particle before the surname
            if part in lexicon.NOT_INITIALS_PLAIN or self._org_word(part):
                return False
            if self.v.is_protected(part) or self._title(part) in self.v.countries:
                return False
            if low in lexicon.MONTHS or low in lexicon.WEEKDAYS or low in lexicon.MONTH_ABBREVIATIONS:
                return False
            if self.v.is_place_only(self._title(part)) and not self._known(part):
                return False
            if (self.v.is_common_word(low) or self.v.is_whitelisted(low)) and (strict or not self._known(part)):
                return False
            if not self._known(part) and self._compound_of_words(part):
                return False
        return True

    def _comma_name(self, surname: str, given: str) -> bool:
        """ "PETKOV, Stoyan", "Bakker, P.J.": a surname, a comma, then initials or first names."""
        sur_words = surname.split()
        last = sur_words[-1]
        if self.v.is_protected(surname) or self._title(last) in self.v.countries:
            return False
        initials = re.fullmatch(_INITS, given.strip() + ("" if given.strip().endswith(".") else "."))
        if last.isupper():
            if not self._caps_surname(last):
                return False
        elif initials:
            # "Bakker, P.J.": initials after the comma vouch for a surname that is also a word
            if self.v.is_non_name(last) or (self.v.is_common_word(last.lower()) and not self._known(last)):
                return False
        elif not self._known(last) or self.v.is_non_name(last) or self.v.is_common_word(last.lower()):
            return False
        if initials:
            return given.strip().replace(" ", "") not in lexicon.NOT_INITIALS
        first = given.split()[0]
        if (self.v.is_place_token(first) or self.v.is_world_place(first)) and first not in self.v.first_names:
            return False  # "R. Kalloe, Capelle aan den IJssel": a name, then a place
        if surname.isupper() and not self.v.is_common_word(first.lower()) and not self.v.is_non_name(first):
            return True  # "PETKOV, Stoyan": a surname in capitals, then a capitalised word
        return self.v.is_known_name(self._title(first)) and not self.v.is_common_word(first.lower())

    def _mixed_sequence(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """2-4 words, at least one in capitals and one a known first name, none an ordinary word."""
        words = [(start + m.start(), start + m.end(), m.group(0)) for m in re.finditer(r"[^\s-]+", text[start:end])]
        if not any(w[2].isupper() and len(w[2]) >= 2 for w in words):
            return None
        if not any(self._title(w[2]) in self.v.first_names for w in words):
            return None
        for _, _, w in words:
            low = w.lower()
            if low in {p.lower() for p in lexicon.INTERFIXES}:
                continue
            if w.isupper() and not self._caps_surname(w, strict=True):
                return None
            if not w.isupper() and (self.v.is_non_name(w) or self.v.is_protected(w)):
                return None
            if (self.v.is_common_word(low) or self.v.is_whitelisted(low)) and not self._known(w):
                return None
            if self.v.is_place_only(self._title(w)) and not self._known(w):
                return None
        return words[0][0], words[-1][1]
