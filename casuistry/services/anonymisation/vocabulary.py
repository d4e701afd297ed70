"""The loaded word classes every identifier family consults.

One :class:`Vocabulary` per detector: deduce's name lists (plus ``data/extra_names.txt``), its
place lists (plus ``data/extra_places.txt``), and the protected terms, countries, employers and
common words from ``lexicon``, with the word-class tests built on them.
"""

from __future__ import annotations

from . import lexicon
from .deduce_backend import DeduceNames
from .text import WORD, fold, is_cap

_PLACE_PARTICLES = frozenset("aan op den de der het in bij ter ten van onder over en".split())
_REGION_LISTS = ["locations/lst_placename/lst_province", "locations/lst_placename/lst_region"]
_PLACE_LISTS = [
    "locations/lst_placename/lst_municipality",
    "locations/lst_placename/lst_residence",
]


class Vocabulary:
    def __init__(self) -> None:
        extra_first, extra_sur = lexicon.extra_names()
        self.names = DeduceNames(extra_first_names=extra_first, extra_surnames=extra_sur)
        raw = self.names.raw
        self.first_names: frozenset[str] = frozenset(raw["first_name"])
        self.surnames: frozenset[str] = frozenset(raw["surname"]) | frozenset(raw["interfix_surname"])
        self.plain_surnames = frozenset(raw["surname"])
        self.surname_tokens = frozenset(part for s in self.surnames for part in s.split() if is_cap(part))
        self.countries = lexicon.countries()
        self.common_words = lexicon.common_words()
        self.protected_lower = {t.lower() for t in lexicon.protected_terms()}
        self.employer_names = set(lexicon.employers())
        self.place_index = self._place_index()
        self.nl_place_folded = {
            fold(p).replace("-", " ") for toks in self.place_index.values() for p in (" ".join(t) for t in toks)
        }
        self.world_index = self._world_index()
        regions = self.names.raw_itemsets(_REGION_LISTS)
        # provinces and regions ("Zuid-Holland", "Twente", "Achterhoek") are no places
        self.regions = {fold(r).replace("-", " ") for items in regions.values() for r in items} - self.nl_place_folded
        self.regions |= {fold(r).replace("-", " ") for r in lexicon.regions()}

    def _place_index(self) -> dict[str, list[tuple[str, ...]]]:
        """Places by their first token; each entry's token tuples longest first."""
        raw = self.names.raw_itemsets(_PLACE_LISTS)
        places = set(raw["municipality"]) | set(raw["residence"]) | set(lexicon.extra_places())
        places -= set(self.countries)
        places = {p for p in places if p.lower() not in self.protected_lower}
        index: dict[str, list[tuple[str, ...]]] = {}
        for place in places:
            toks = [m.group(0) for m in WORD.finditer(place)]
            if not toks:
                continue
            # deduce writes "Bergen Op Zoom", "Capelle Aan Den IJssel": particles are lower case
            toks = [toks[0]] + [t.lower() if t.lower() in _PLACE_PARTICLES else t for t in toks[1:]]
            index.setdefault(toks[0], []).append(tuple(toks))
        for key in index:
            index[key].sort(key=len, reverse=True)
        return index

    def _world_index(self) -> dict[str, list[tuple[str, ...]]]:
        """World places by their folded first token; folded token tuples, longest first."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for place in lexicon.world_places():
            toks = tuple(fold(m.group(0)) for m in WORD.finditer(place))
            if toks:
                index.setdefault(toks[0], []).append(toks)
        for key in index:
            index[key] = sorted(set(index[key]), key=len, reverse=True)
        return index

    # ------------------------------------------------------------------ word classes
    def is_non_name(self, token: str) -> bool:
        """True for words that are not person names (common words, roles, lexicon terms)."""
        low = token.lower().rstrip(".,")
        if not low:
            return True
        if low in lexicon.NON_NAME_WORDS or low in lexicon.RELATION_WORDS:
            return True
        if low in self.protected_lower or token in self.countries:
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

    def is_whitelisted(self, word: str) -> bool:
        """In deduce's whitelist (common words, stop words, medical terms)."""
        return self.names.is_whitelisted(word)

    def is_known_name(self, token: str) -> bool:
        """A first name or a word of a surname in the name lists."""
        return token in self.first_names or token in self.surname_tokens

    def is_protected(self, value: str) -> bool:
        """A protected term or a country/nationality/language as a whole."""
        return value.lower() in self.protected_lower or value in self.countries

    def is_place_token(self, token: str) -> bool:
        """A one-word place name."""
        return any(len(t) == 1 for t in self.place_index.get(token, []))

    def is_place_only(self, name: str) -> bool:
        """The whole of ``name`` is a place name."""
        toks = tuple(m.group(0) for m in WORD.finditer(name))
        return toks in self.place_index.get(toks[0], []) if toks else False

    def is_world_place(self, name: str) -> bool:
        """``name`` as a whole is a place somewhere in the world (diacritics and case ignored)."""
        toks = tuple(fold(m.group(0)) for m in WORD.finditer(name))
        return bool(toks) and toks in self.world_index.get(toks[0], [])
