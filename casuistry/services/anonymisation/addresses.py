"""ADDRESS candidates: street name + house number (with additions), and "Postbus n".

A word sequence before a house number is a street if (a tail of) it is in deduce's street
lists, if its last word ends in a street suffix, if it has a street word of its own ("Laan van
..."), or if an address word precedes it ("woont aan ...").
"""

from __future__ import annotations

import regex as re

from . import lexicon
from .rules import PRIO, Candidate
from .text import CAP, is_cap
from .vocabulary import Vocabulary

_HOUSE_NUMBER = (
    r"\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?"
    r"(?:\s?-\s?(?:\d{1,4}(?:[a-zA-Z]{1,2}|hg|hs|bg)?|[IVX]{1,4}|[a-zA-Z]{1,3}|hs|hg|bis|boven|huis|rood|zwart)"
    r"(?![\p{L}\d]))?"
    r"(?:\s?(?:bis|hs|hg|huis|bg|boven|beneden|rood|zwart|zw|rd|I{1,3})(?![\p{L}\d])(?!\s+(?:de|het|een)\b)"
    r"|\s[a-dA-D](?![\p{L}\d.]|\.\s?\p{Lu}))?"
)
# abbreviated titles that start a street name: "Burg. Jansenlaan", "Mgr. Nolenslaan", "St. Jorisstraat"
_STREET_TITLE = r"(?:(?:Burg|Mgr|Dr|Prof|Pr|St|Gen|Adm|Kon|Pres|Ir|Mr|Jhr|Ds|Past|Kard|Luit|Kol)\.\s?)"
_ADDR_CONNECT = "(?:" + "|".join(re.escape(w) for w in lexicon.STREET_CONNECTORS) + ")"
# (a year may be part of a street name, "Plein 1944 3"; other numbers are house numbers)
_ADDRESS_RX = re.compile(
    rf"(?<![\p{{L}}\p{{N}}.])(?P<street>{_STREET_TITLE}?(?:{CAP}|[1-9]\d?e)"
    rf"(?:\s+(?:{_ADDR_CONNECT}\s+)*(?:{CAP}|(?:18|19|20)\d{{2}}(?=\s+\d))){{0,4}})"
    rf"\s+(?P<nr>{_HOUSE_NUMBER})(?![\p{{L}}\p{{N}}])"
)
_POSTBUS_RX = re.compile(r"(?i)\bpostbus\s+\d{1,6}\b")
_ADDRESS_CONTEXT = re.compile(
    r"(?i)(?:" + "|".join(lexicon.ADDRESS_CONTEXT_WORDS) + r")\W+(?:\w+\W+){0,3}$",
)
_NOT_A_STREET_RX = re.compile(r"(?i)(?:" + "|".join(lexicon.NOT_STREET_WORDS) + r")\.?")


def load_streets(vocab: Vocabulary) -> frozenset[str]:
    """Deduce's street names (its list plus the BAG names), minus its exceptions; >= 4 chars."""
    base = vocab.names.lookup_path / "src" / "locations" / "lst_street"
    streets: set[str] = set()
    for fname in ("items.txt", "streets_bag.txt"):
        path = base / fname
        if path.exists():
            with open(path, encoding="utf-8") as fh:
                streets.update(line.strip() for line in fh if line.strip())
    exceptions = base / "exceptions.txt"
    if exceptions.exists():
        streets -= {line.strip() for line in exceptions.read_text(encoding="utf-8").splitlines()}
    return frozenset(s for s in streets if len(s) >= 4)


class AddressFinder:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab
        self.streets = load_streets(vocab)

    def find(self, text: str) -> list[Candidate]:
        v = self.v
        out = []
        p = PRIO["ADDRESS"]
        for m in _POSTBUS_RX.finditer(text):
            out.append(Candidate(m.start(), m.end(), "ADDRESS", p))
        for m in _ADDRESS_RX.finditer(text):
            street_start = m.start("street")
            words = m.group("street").split()
            nr = m.group("nr").rstrip()
            nr_end = m.start("nr") + len(nr)
            found = self._street_start(text, street_start, words)
            if found is None:
                continue
            # drop leading words that are not part of a street name
            while found < len(words) - 1 and (
                v.is_non_name(words[found]) and " ".join(words[found:]) not in self.streets
            ):
                found += 1
            # offset of words[found] in the text
            idx = street_start
            for w in words[:found]:
                idx = text.index(w, idx) + len(w)
            s = text.index(words[found], idx)
            if v.is_protected(text[s : m.end("street")]):
                continue
            if _NOT_A_STREET_RX.fullmatch(words[-1]):
                continue
            out.append(Candidate(s, nr_end, "ADDRESS", p))
        return out

    def _street_start(self, text: str, street_start: int, words: list[str]) -> int | None:
        """Index of the first street word in ``words`` (the words before a house number), or None.

        The longest tail of the word sequence that is a known street; otherwise the last word
        with a street suffix plus directly attached name words; otherwise a street word of its
        own; otherwise, after an address word, the whole sequence.
        """
        v = self.v
        for k in range(len(words)):
            if " ".join(words[k:]) in self.streets:
                return k
        found = None
        last = words[-1]
        if any(part.lower().endswith(lexicon.STREET_SUFFIXES) and len(part) > 4 for part in last.split("-")):
            found = len(words) - 1
            while found > 0 and (
                words[found - 1].lower() in lexicon.STREET_PARTICLES
                or (
                    is_cap(words[found - 1])
                    and not v.is_non_name(words[found - 1])
                    and not v.is_place_token(words[found - 1])
                )
            ):
                found -= 1
            while found < len(words) - 1 and not is_cap(words[found]):
                found += 1
        elif len(words) >= 2 and words[-2] in lexicon.STREET_WORD_PREFIXES:
            found = len(words) - 2
        elif len(words) >= 3 and words[0] in lexicon.STREET_WORD_PREFIXES:
            found = 0
        if found is None:
            before = text[max(0, street_start - 40) : street_start]
            if _ADDRESS_CONTEXT.search(before) and not v.is_non_name(words[0]):
                found = 0
        return found
