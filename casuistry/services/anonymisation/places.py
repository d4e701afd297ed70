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

_TITLE_WORDS = frozenset(t.rstrip(".").lower() for t in lexicon.TITLES if " " not in t)
_AFTER_POSTCODE_RX = re.compile(r"\d{4}\s?[A-Z]{2}\s*,?\s*$")
_AFTER_ADDRESS_RX = re.compile(r"(?:\d[\w-]*|\b(?:hs|bis|huis|bg|boven|[IVX]+))\s*,\s*$|[A-Za-z]\s\d{1,4}[a-zA-Z]?\s$")
_PARTICLES_LOWER = frozenset("aan de den der op in bij ter ten van het".split())


def _caps_to_title(word: str) -> str:
    """ "ZWIJNDRECHT" -> "Zwijndrecht", "OP" -> "op" (place names in capitals on bank lines)."""
    if word.lower() in _PARTICLES_LOWER:
        return word.lower()
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


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
            caps = tok.isupper() and (len(tok) >= 3 or tok == "DE")
            # (a place may start with a particle in capitals: "DEN HAAG", "DE BILT")
            first = tok[:1] + tok[1:].lower() if caps else tok
            options = index.get(first) or (index.get(_caps_to_title(tok)) if caps else None)
            head, _, tail = tok.partition("-")
            tail_ok = tail in lexicon.PLACE_PART_WORDS or (
                is_cap(tail) and not self.v.is_common_word(tail) and not self.v.is_known_name(tail)
            )
            if not options and tail_ok and (head,) in index.get(head, []):
                # "Rotterdam-Zuid", "Utrecht-Overvecht": a part of a known place
                out.append(Candidate(s, e, "PLACE", PRIO["PLACE"] + 16))
                i += 1
                continue
            if not options or not is_cap(tok):
                i += 1
                continue
            matched = None
            for opt in options:
                k = len(opt)
                seq = (first,) + tuple(_caps_to_title(w[2]) if caps else w[2] for w in words[i + 1 : i + k])
                if i + k <= n and seq == opt:
                    matched = k
                    break
            if matched is None:
                i += 1
                continue
            ps, pe = s, words[i + matched - 1][1]
            ok = self._place_ok(text, words, i, matched)
            word_like = tok in lexicon.NOT_INITIALS_PLAIN or self.v.is_common_word(tok.lower())
            if caps and matched == 1 and ok == "plain" and word_like:
                ok = ""
            if ok:
                prio = PRIO["PLACE"] + (16 if ok == "strong" else 0)
                if ok == "plain" and matched > 1:
                    prio = PRIO["PERSON"] + 1  # "Capelle aan den IJssel", "Bergen op Zoom": no name
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
        # a place that is also a surname reads as a name only after a title, initial or first name
        person_cue = i > 0 and (
            prev.rstrip(".") in _TITLE_WORDS
            or re.fullmatch(r"\p{Lu}\.?", words[i - 1][2]) is not None
            or words[i - 1][2] in v.first_names
        )
        ambiguous = (
            v.is_whitelisted(name.lower())
            or v.is_non_name(tok)
            or tok in v.first_names
            or (tok in v.plain_surnames and k == 1 and person_cue)
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
