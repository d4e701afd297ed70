"""PLACE candidates from context: birthplaces and cities abroad, neighbourhoods, wijken.

deduce's lists hold only Dutch municipalities and residences. Notes also name

* birthplaces and places abroad: "geboren in Kayseri", "familie in Nador", "opnames in Garissa"
  (the GeoNames list in ``data/world_places.txt``, only after a place cue);
* neighbourhoods: "Rotterdam (Tarwewijk)", "Dordrecht (Crabbehof)", "de wijk Latour",
  "wijkteam Kanaleneiland" (any capitalised word after a strong cue or in brackets after a place);
* a place before a country in brackets: "Sliven (Bulgarije)".

Every rule needs a cue, so a capitalised word elsewhere is never a place on its own.
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .rules import PRIO, Candidate
from .text import fold, sentence_initial
from .vocabulary import Vocabulary

_STRONG = PRIO["PLACE"] + 16
_WORDP = r"(?:'s-)?\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*"
_LINK = r"(?:aan\s+den|aan\s+de|aan|op|in|de|den|bij|ter|ten|an\s+der|am|sur|en)"
_PLACE_SEQ = rf"{_WORDP}(?:[ \t](?:{_LINK}[ \t])?{_WORDP}){{0,3}}"
_CAPS_SEQ = r"\p{Lu}{3,}(?:[- ]\p{Lu}{2,}){0,2}"

_STRONG_CUE_RX = re.compile(
    r"(?i:\b(?:geboren|geb\.?)\s+(?:in|te)|\bgeboorte(?:plaats|stad|dorp)\s*:?|\b-?plaats\s*:|"
    r"\bafkomstig\s+(?:uit|van)|\bwoonachtig\s+(?:in|te)|\bwonende\s+(?:in|te)|\bwoon(?:t|de|en)\s+in|"
    r"\bverblij(?:ft|ven)\s+in|\bverbleef\s+in|\bgevlucht\s+uit|\bvertrokken\s+naar|\bvertrek\s+naar|"
    r"\b(?:de\s+)?(?:wijk|stadsdeel|woonwijk|buurt|dorp|deelgemeente|wijkteam)|\bwoonplaats\s*:?)"
    rf"[ \t]+(?P<seq>{_PLACE_SEQ})"
)
_MEDIUM_CUE_RX = re.compile(
    rf"(?<![\p{{L}}])(?P<cue>(?i:in|uit|naar|te|vanuit|nabij|richting|omgeving|rondom))[ \t]+"
    rf"(?P<seq>{_PLACE_SEQ}|{_CAPS_SEQ})"
)
_BRACKET_RX = re.compile(
    rf"(?P<before>{_PLACE_SEQ}|{_CAPS_SEQ})[ \t]*\([ \t]*(?:(?i:wijk|stadsdeel|buurt)[ \t]+)?"
    rf"(?P<inner>{_PLACE_SEQ})[ \t]*\)"
)
_TOKEN_RX = re.compile(r"(?:'s-)?[\p{L}'’]+(?:-[\p{L}'’]+)*")


class PlaceCueFinder:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab
        raw = vocab.names.raw_itemsets(["locations/lst_placename/lst_province"])
        self.provinces = {fold(p).replace("-", " ") for items in raw.values() for p in items}

    def find(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for m in _STRONG_CUE_RX.finditer(text):
            span = self._known_prefix(text, m.start("seq"), m.end("seq"), world=True)
            if span is None:
                span = self._unknown_place(text, m.start("seq"), m.end("seq"))
            if span:
                out.append(Candidate(span[0], span[1], "PLACE", _STRONG))
        for m in _MEDIUM_CUE_RX.finditer(text):
            # "naar Jan" may be a person; "uit", "in" and "te" are followed by a place
            names_ok = m.group("cue").lower() in ("in", "uit", "te", "vanuit")
            span = self._known_prefix(text, m.start("seq"), m.end("seq"), world=True, strict=True, names_ok=names_ok)
            if span:
                out.append(Candidate(span[0], span[1], "PLACE", _STRONG))
        for m in _BRACKET_RX.finditer(text):
            bs, be = m.start("before"), m.end("before")
            ins, ine = m.start("inner"), m.end("inner")
            inner = text[ins:ine]
            if self.v.is_protected(inner) or self._country(inner):
                # "Sliven (Bulgarije)": the word before a country is a place
                span = self._tail_place(text, bs, be)
                if span:
                    out.append(Candidate(span[0], span[1], "PLACE", _STRONG))
                continue
            before = self._tail_place(text, bs, be, need_known=True)
            if before is None:
                continue
            span = self._known_prefix(text, ins, ine, world=True) or self._unknown_place(text, ins, ine, loose=True)
            if span:
                out.append(Candidate(span[0], span[1], "PLACE", _STRONG))
        return out

    # ------------------------------------------------------------------ helpers
    def _country(self, value: str) -> bool:
        return value in self.v.countries or value.title() in self.v.countries

    def _words(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(start + m.start(), start + m.end(), m.group(0)) for m in _TOKEN_RX.finditer(text[start:end])]

    def _known(self, name: str, world: bool) -> bool:
        folded = fold(name).replace("-", " ")
        if folded in self.v.regions:
            return False
        if folded in self.v.nl_place_folded:
            return True
        return world and self.v.is_world_place(name)

    def _bad_word(self, word: str, strict: bool) -> bool:
        """Words that are never (or, with a weak cue, not) a place on their own."""
        low = word.lower()
        if self.v.is_protected(word) or self._country(word) or low in lexicon.MONTHS or low in lexicon.WEEKDAYS:
            return True
        if fold(word).replace("-", " ") in self.v.regions:
            return True
        if low in lexicon.NON_NAME_WORDS or low in lexicon.RELATION_WORDS or low in lexicon.HEADER_WORDS:
            return True
        if word in self.v.employer_names:
            return True
        if strict:
            title = word[:1] + word[1:].lower() if word.isupper() else word
            if self.v.is_common_word(low) or self.v.is_whitelisted(low):
                return fold(word).replace("-", " ") not in self.v.nl_place_folded or word.isupper()
            if title in self.v.first_names:
                return True
        return False

    def _known_prefix(
        self, text: str, start: int, end: int, world: bool, strict: bool = False, names_ok: bool = False
    ) -> tuple[int, int] | None:
        """The longest run of words from ``start`` that is a known place."""
        words = self._words(text, start, end)
        for k in range(len(words), 0, -1):
            s, e = words[0][0], words[k - 1][1]
            name = text[s:e]
            if k == 1 and self._bad_word(name, strict and not (names_ok and name in self.v.first_names)):
                continue
            if len(name) < 3 or not self._known(name, world):
                continue
            if strict and k == 1 and not name.isupper() and fold(name) not in self.v.nl_place_folded:
                # a foreign place after a weak cue ("in", "naar") must not be a first name
                if (name in self.v.first_names and not names_ok) or sentence_initial(text, s):
                    continue
            return s, e
        return None

    def _unknown_place(self, text: str, start: int, end: int, loose: bool = False) -> tuple[int, int] | None:
        """A capitalised word (or two) after a strong cue: a neighbourhood or village. ``loose``:
        in brackets after a known place, where a word or region names a district too
        ("Utrecht (Lombok)", "Rotterdam (IJsselmonde)"); provinces stay out."""
        bad = self._bad_in_brackets if loose else (lambda w: self._bad_word(w, strict=True))
        words = self._words(text, start, end)[:3]
        while words and bad(words[-1][2]):
            words.pop()
        if not words or bad(words[0][2]):
            return None
        if any(w[2].lower() in lexicon.COMPANY_WORD_ENDINGS for w in words):
            return None
        return words[0][0], words[-1][1]

    def _bad_in_brackets(self, word: str) -> bool:
        folded = fold(word).replace("-", " ")
        if folded in self.provinces or word.isupper():
            return True
        if folded in self.v.regions:
            return self.v.is_protected(word) or word.lower() in lexicon.NON_NAME_WORDS
        return self._bad_word(word, strict=False)

    def _tail_place(self, text: str, start: int, end: int, need_known: bool = False) -> tuple[int, int] | None:
        """The place that ends at ``end`` (the last one to three words before a bracket)."""
        words = self._words(text, start, end)
        for k in range(min(4, len(words)), 0, -1):
            s, e = words[-k][0], words[-1][1]
            name = text[s:e]
            if self._known(name, world=True) or (name.isupper() and self._known(name.title(), world=True)):
                if k == 1 and self._bad_word(name, strict=not need_known):
                    continue
                return s, e
        if need_known:
            return None
        last = words[-1] if words else None
        if last and not self._bad_word(last[2], strict=True) and not self.v.is_known_name(last[2]):
            return last[0], last[1]
        return None
