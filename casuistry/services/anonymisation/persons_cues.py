"""PERSON candidates from the layout of a note rather than from capitals.

Notes written by others sign, quote and abbreviate names in ways that capitalisation rules miss:

* a staff member's initials signing a note or a line: "/sb", "/ RvdB", "gr. HB", a last line
  "BvS", "mdB" or "km JW", and the mixed initials shape "HvdL", "TdK" anywhere;
* the name after a salutation: "Hoi Kev,", "Beste Sennah!" (no ordinary word or role);
* the speaker of a quoted chat message: "[12:03] samira:", "[09:14] KM Jorien:", or a speaker
  label repeated at the start of several lines ("Sjaak78: ...");
* user names after "profielnaam", "gebruikersnaam" ... ("'gsmking_mo'");
* first names written in lower case ("hoi kevin", "tante sharon", "groetjes ikram").

Every rule needs the position or the shape as its cue, so ordinary words stay untouched.
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .rules import PRIO, Candidate
from .vocabulary import Vocabulary

_P = PRIO["PERSON"]

# initials shapes: "RvdB", "TdK", "IvS", "vdL" (mixed), "HB", "ELB" (capitals), "sb", "kvdw" (lower)
_MIXED = r"(?:[A-Z]{1,2}(?:v|vd|vdr|d|de|t|te|ten|ter)[A-Z]|(?:v|vd|d)[A-Z])"
_CAPS = r"[A-Z]{2,3}"
_LOWER = r"[a-z]{2,4}"
# "mdB", "kvdW": lower case with a capital surname initial (only in a signing position)
_MIXED_LOWER = r"[a-z](?:v|vd|vdr|d|de|t|te|ter)[A-Z]"
_SHAPE = rf"(?:{_MIXED}|{_MIXED_LOWER}|{_CAPS}|{_LOWER})"
# a role before the initials on the last line: "km JW", "hh: TdB"
_SIGN_ROLE = r"(?:(?i:km|klm|cm|hh|wc|consulent|handhaver|klantmanager|inkomensconsulent)[ \t]*:?[ \t]+)?"
_END = r"(?=[ \t]*(?:$|\n|\(|,|;|\)|/))"

# "/sb" or "/ RvdB" at the end of a line or text (a space or line start before the slash)
_SLASH_RX = re.compile(rf"(?:^|(?<=\s))/[ \t]?(?P<ini>{_SHAPE}){_END}", re.MULTILINE)
# "gr. HB", "groet, Rob", "groetjes ikram", "mvg KB"
_GREETING = r"(?i:gr|grt|groet|groeten|groetjes|mvg|m\.v\.g|vr\.?\s?gr|doei|liefs|dank|groetjes\s+en\s+dank)"
_GREETING_RX = re.compile(
    rf"(?<![\p{{L}}])(?:{_GREETING})[.,!]*[ \t\n]+(?P<name>{_MIXED}|{_CAPS}|\p{{L}}[\p{{L}}'’-]+)(?![\p{{L}}])"
)
# a salutation: "Hoi Kev,", "Hallo Dries!", "Beste Sennah:" (the name then a comma, ! or line end)
_SALUTATION_RX = re.compile(
    r"(?<![\p{L}])(?i:hoi|hallo|hey|hee|hi|beste|lieve|dag|goedemorgen|goedemiddag)[ \t]+"
    r"(?P<name>\p{Lu}\p{Ll}{1,14})(?=[ \t]*(?:[,!:]|\n|$))"
)
# the last line of a text holding only initials ("\nBvS")
_LAST_LINE_RX = re.compile(rf"\n[ \t]*{_SIGN_ROLE}(?P<ini>{_SHAPE})[ \t]*\Z")
# the last word of a text after a sentence end ("... wegen. RdG", "... januari. jm")
_LAST_WORD_RX = re.compile(rf"[.!?][ \t]+(?P<ini>{_SHAPE})[ \t]*\Z")
_MIXED_RX = re.compile(rf"(?<![\p{{L}}\p{{N}}&])(?P<ini>{_MIXED}[a-z]?)(?![\p{{L}}\p{{N}}&])")

# chat lines: "[23:12] ans: ...", "[31-05-2024 09:12] Klant: ...", "10:14 - Roshni: ..."
_STAMP = r"(?:\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?,?\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?"
_CHAT_RX = re.compile(rf"(?m)^[ \t>]*(?:\[{_STAMP}\]|{_STAMP}\s+[-–])[ \t]*(?P<spk>[^:\n\[\]]{{1,30}}?)[ \t]*:(?=\s)")
# a speaker label at the start of a line: "Sjaak78: ..." (only counts when it repeats)
_LINE_LABEL_RX = re.compile(
    r"(?m)^[ \t>]*(?P<spk>[\p{L}\p{N}_.\-]{2,30}(?:[ \t][\p{L}\p{N}_.\-]{1,20})?)[ \t]*:(?=[ \t])"
)
_HANDLE_RX = re.compile(
    r"(?i:profielnaam|gebruikersnaam|accountnaam|account|username|schermnaam|bijnaam|alias|nickname)"
    r"\s*:?\s*(?:van\s+)?['\"‘“]?(?P<h>[\p{L}\p{N}_.\-]{3,30}?)['\"’”]?(?=[\s,.;:)]|$)"
)
_LOWER_NAME_RX = re.compile(r"(?<![\p{L}\p{N}@._/-])\p{Ll}[\p{Ll}'’-]{2,}(?![\p{L}\p{N}@_/-])")
_TITLE_WORDS = frozenset(t.rstrip(".").lower() for t in lexicon.TITLES if " " not in t)
_LOWER_CUE_RX = re.compile(
    r"(?i:\b(?:hoi|hallo|hey|hee|hi|dag|beste|lieve|groetjes|groet|gr|doei|liefs|met|xx|"
    + "|".join(sorted(lexicon.RELATION_WORDS, key=len, reverse=True))
    + r"))[,!.]*\s+$"
)
_PAIR_RX = re.compile(
    r"(?<![\p{L}\p{N}'’-])(?P<a>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)[ ](?P<b>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
    r"(?![\p{L}\p{N}'’-])"
)
_TOKEN_RX = re.compile(r"[\p{L}\p{N}_.&\-]+")


class PersonCueFinder:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab

    def find(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        out += self.signoffs(text)
        out += self.chat_speakers(text)
        out += self.handles(text)
        out += self.lowercase_names(text)
        out += self.unknown_pairs(text)
        return out

    # ------------------------------------------------------------------ two unknown capitalised words
    def _unknown_word(self, word: str) -> bool:
        """A capitalised word no list knows: no ordinary word, place, term, company or month."""
        v = self.v
        low = word.lower()
        if len(word) < 3 or word.isupper() or v.is_known_name(word):
            return False
        if v.is_common_word(low) or v.is_whitelisted(low) or v.is_non_name(word) or v.is_protected(word):
            return False
        if v.is_place_token(word) or v.is_world_place(word) or word in v.employer_names:
            return False
        if low.endswith(lexicon.COMPANY_WORD_ENDINGS) or any(ch.isdigit() for ch in word):
            return False
        # "Rekeningoverzicht" = "rekening" + "overzicht": an ordinary compound
        return not any(v.is_common_word(low[:i]) and v.is_common_word(low[i:]) for i in range(3, len(low) - 2))

    def unknown_pairs(self, text: str) -> list[Candidate]:
        """ "Şükrü Çağlayan": two capitalised words in a row that no list knows are a name
        (deduce and the rules find a name when one of the two is known)."""
        out = []
        for m in _PAIR_RX.finditer(text):
            words = [m.group("a"), m.group("b")]
            if all(self._unknown_word(w) for w in words):
                out.append(Candidate(m.start(), m.end(), "PERSON", _P - 1))
        return out

    # ------------------------------------------------------------------ initials signing a note
    def _initials_ok(self, value: str, strong: bool) -> bool:
        if value in lexicon.NOT_STAFF_INITIALS or (value.isupper() and value in lexicon.NOT_INITIALS_PLAIN):
            return False
        if self.v.is_protected(value) or value.lower() in lexicon.NOT_STAFF_INITIALS_LOWER:
            return False
        if value.islower() and not strong and (self.v.is_common_word(value) or self.v.is_whitelisted(value)):
            return False
        return True

    def signoffs(self, text: str) -> list[Candidate]:
        out = []
        for rx in (_SLASH_RX, _LAST_LINE_RX):
            for m in rx.finditer(text):
                if self._initials_ok(m.group("ini"), strong=True):
                    out.append(Candidate(m.start("ini"), m.end("ini"), "PERSON", _P + 3))
        for m in _LAST_WORD_RX.finditer(text):
            if self._initials_ok(m.group("ini"), strong=False):
                out.append(Candidate(m.start("ini"), m.end("ini"), "PERSON", _P + 3))
        for m in _MIXED_RX.finditer(text):
            if self._initials_ok(m.group("ini"), strong=False):
                out.append(Candidate(m.start("ini"), m.end("ini"), "PERSON", _P + 2))
        for m in _SALUTATION_RX.finditer(text):
            if self._salutation_name(m.group("name")):
                out.append(Candidate(m.start("name"), m.end("name"), "PERSON", _P + 2))
        for m in _GREETING_RX.finditer(text):
            name = m.group("name")
            if re.fullmatch(rf"{_MIXED}|{_CAPS}", name):
                ok = self._initials_ok(name, strong=True)
            else:
                ok = self._name_like(name)
            if ok:
                out.append(Candidate(m.start("name"), m.end("name"), "PERSON", _P + 2))
        return out

    def _salutation_name(self, word: str) -> bool:
        """After "Hoi" any capitalised word is a name, unless it is an ordinary word or a role
        ("Hoi Team,", "Beste Klantmanager,")."""
        v = self.v
        low = word.lower()
        if v.is_common_word(low) or v.is_whitelisted(low) or v.is_non_name(word) or v.is_protected(word):
            return False
        return low not in lexicon.HEADER_WORDS and low not in lexicon.SPEAKER_ROLE_WORDS and low not in _TITLE_WORDS

    # ------------------------------------------------------------------ chat speakers, user names
    def _speaker_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The name part of a speaker label: role words ("KM", "klant", "Team W&I") are dropped."""
        toks = [(start + m.start(), start + m.end(), m.group(0)) for m in _TOKEN_RX.finditer(text[start:end])]
        while toks and toks[0][2].lower().rstrip(".") in lexicon.SPEAKER_ROLE_WORDS | _TITLE_WORDS:
            toks.pop(0)
        if len(toks) == 1 and re.fullmatch(r"\p{Lu}\.?", toks[0][2]):
            return None  # "mevrouw A.": the house-style pseudonym
        if not toks or any(t[2].lower().rstrip(".") in lexicon.SPEAKER_ROLE_WORDS for t in toks):
            return None
        if any("&" in t[2] for t in toks):
            return None
        return toks[0][0], toks[-1][1]

    def chat_speakers(self, text: str) -> list[Candidate]:
        out = []
        for m in _CHAT_RX.finditer(text):
            span = self._speaker_span(text, m.start("spk"), m.end("spk"))
            if span and not self.v.is_protected(text[span[0] : span[1]]):
                out.append(Candidate(span[0], span[1], "PERSON", _P + 2))
        labels: dict[str, list[tuple[int, int]]] = {}
        for m in _LINE_LABEL_RX.finditer(text):
            labels.setdefault(m.group("spk"), []).append((m.start("spk"), m.end("spk")))
        for label, spans in labels.items():
            if len(spans) < 2 or not self._label_is_name(label):
                continue
            for s, e in spans:
                span = self._speaker_span(text, s, e)
                if span:
                    out.append(Candidate(span[0], span[1], "PERSON", _P + 1))
        return out

    def _label_is_name(self, label: str) -> bool:
        """A repeated line label is a speaker, not a header ("Notitie:", "Datum:", "Signaal 1:")."""
        toks = label.split()
        if any(t.lower().rstrip(".") in lexicon.SPEAKER_ROLE_WORDS for t in toks):
            return False
        first = toks[0]
        if self.v.is_non_name(first) or self.v.is_common_word(first.rstrip("0123456789")):
            return False
        if self.v.is_protected(label) or first.lower() in lexicon.HEADER_WORDS:
            return False
        if any(ch.isdigit() or ch == "_" for ch in first):
            return True
        return self.v.is_known_name(first[:1].upper() + first[1:]) or (first[:1].isupper() and len(toks) == 2)

    def handles(self, text: str) -> list[Candidate]:
        out = []
        for m in _HANDLE_RX.finditer(text):
            h = m.group("h").strip(".-")
            if len(h) < 3 or self.v.is_protected(h):
                continue
            quoted = text[m.start("h") - 1 : m.start("h")] in "'\"‘“"
            handle_like = any(ch.isdigit() or ch == "_" for ch in h)
            if not (quoted or handle_like) or (not handle_like and self.v.is_common_word(h)):
                continue
            out.append(Candidate(m.start("h"), m.start("h") + len(h), "PERSON", _P + 2))
        return out

    # ------------------------------------------------------------------ lower-case first names
    def _name_like(self, word: str) -> bool:
        """A first name or surname in the name lists that is no ordinary word, in any case."""
        if len(word) < 3 or self.v.is_protected(word) or word.lower() in lexicon.HEADER_WORDS:
            return False
        low = word.lower()
        if self.v.is_common_word(low) or self.v.is_whitelisted(low) or self.v.is_non_name(word):
            return False
        title = word[:1].upper() + word[1:].lower()
        return title in self.v.first_names or title in self.v.surname_tokens

    def lowercase_names(self, text: str) -> list[Candidate]:
        """ "hoi kevin", "tante sharon": a lower-case first name that is no Dutch word."""
        out = []
        for m in _LOWER_NAME_RX.finditer(text):
            word = m.group(0)
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            if len(word) < 3 or not self._name_like(word):
                continue
            if word[:1].upper() + word[1:] not in self.v.first_names:
                continue
            if len(word) < 4 and not _LOWER_CUE_RX.search(text[max(0, m.start() - 20) : m.start()]):
                continue  # short ones ("una via", "ans") need a cue such as "hoi" or "tante"
            out.append(Candidate(m.start(), m.start() + len(word), "PERSON", _P - 1))
        return out
