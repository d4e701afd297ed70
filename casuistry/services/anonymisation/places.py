"""PLACE candidates: deduce's municipality/residence lists plus extras (see ``vocabulary``).

Place names that are also words or names ("Best", "Gouda", "Ede") need context: a preposition
("in / uit / naar / te ..."), a postcode or an address just before. With that context a place
is "strong" and outranks a person reading.
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .rules import PRIO, Candidate
from .text import WORD, is_cap, sentence_initial
from .vocabulary import Vocabulary

_AFTER_POSTCODE_RX = re.compile(r"\d{4}\s?[A-Z]{2}\s*,?\s*$")
_AFTER_ADDRESS_RX = re.compile(r"(?:\d[\w-]*|\b(?:hs|bis|huis|bg|boven|[IVX]+))\s*,\s*$")


class PlaceFinder:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab

    def find(self, text: str) -> list[Candidate]:
        index = self.v.place_index
        out = []
        words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
        n = len(words)
        i = 0
        while i < n:
            s, e, tok = words[i]
            options = index.get(tok)
            if not options or not is_cap(tok):
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

    def _place_ok(self, text: str, words, i: int, k: int) -> bool | str:
        """ "strong" (with context), "plain" (unambiguous) or falsy (not a place here)."""
        v = self.v
        tok = words[i][2]
        name = " ".join(w[2] for w in words[i : i + k])
        prev = words[i - 1][2].lower() if i > 0 else ""
        gap = text[words[i - 1][1] : words[i][0]] if i > 0 else ""
        context = prev in lexicon.PLACE_PREPOSITIONS and gap.strip() == ""
        after_postcode = bool(_AFTER_POSTCODE_RX.search(text[max(0, words[i][0] - 10) : words[i][0]]))
        after_address = bool(_AFTER_ADDRESS_RX.search(text[max(0, words[i][0] - 8) : words[i][0]]))
        strong = context or after_postcode or after_address
        ambiguous = (
            v.is_whitelisted(name.lower())
            or v.is_non_name(tok)
            or tok in v.first_names
            or (tok in v.plain_surnames and k == 1)
            or len(name) <= 3
            or (
                sentence_initial(text, words[i][0])
                and k == 1
                and (v.is_whitelisted(tok.lower()) or v.is_common_word(tok))
            )
        )
        if name.lower() in v.protected_lower:
            return False
        if strong:
            return "strong"
        return "plain" if not ambiguous else ""
