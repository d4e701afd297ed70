"""Text helpers shared by the identifier families: tokens, capitals, name shapes, sentence starts.

Pure functions of the text and ``lexicon``; nothing here needs deduce's lists.
"""

from __future__ import annotations

import unicodedata

import regex as re

from . import lexicon

# A capitalised word, possibly hyphenated ("Al-Masri", "Jansen-Bakker").
CAP = r"\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*"
# A word token, incl. "'s-Hertogenbosch", "'t Zandt", "B.V." and "Ter-Apel".
WORD = re.compile(r"(?:'s-|'t )?[\p{L}\p{N}][\p{L}\p{N}'’]*(?:[-.][\p{L}\p{N}][\p{L}\p{N}'’]*)*")

# Particles inside names; prepositional ones ("aan de", "op de") only capitalised (see lexicon).
_HEADS = lexicon.PREPOSITIONAL_PARTICLE_HEADS
NAME_PARTICLES = [i for i in lexicon.INTERFIXES if i.split()[0] not in _HEADS]
NAME_PARTICLES += lexicon.CAPITALISED_PREPOSITIONAL_PARTICLES
INTERFIX_ALT = "|".join(re.escape(i) for i in sorted(set(NAME_PARTICLES), key=len, reverse=True))
INTERFIX_LOWER = frozenset(i.lower() for i in lexicon.INTERFIXES)
# One to four capitalised words, each optionally preceded by a particle ("Daan de Vries").
# (the words of one name stay on one line: "mw Öztürk\n\nHoi Sanne" is two names)
NAMESEQ = rf"(?<![\p{{L}}\p{{N}}])(?:(?:{INTERFIX_ALT})[ \t]+)?{CAP}(?:[ \t]+(?:(?:{INTERFIX_ALT})[ \t]+)?{CAP}){{0,3}}"

_ABBREVIATED_TITLES = frozenset(t for t in lexicon.TITLES if t.endswith("."))


def is_cap(token: str) -> bool:
    """Starts with a capital (after a leading "'s-" or "'t ")."""
    token = token.removeprefix("'s-").removeprefix("'t ")
    return bool(token) and token[0].isupper()


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The word tokens of ``text[start:end]`` as (start, end, token) with offsets into ``text``."""
    return [(start + m.start(), start + m.end(), m.group(0)) for m in WORD.finditer(text[start:end])]


def glued_to_lowercase(text: str, end: int) -> bool:
    """ "Oud-bakker", "Ex-partner", "AOW-leeftijd": a word joined by a hyphen to a
    lower-case word is part of a compound noun, not a name. "Jansen-de Vries" is a name."""
    m = re.match(r"-(\p{Ll}[\p{L}'’]*)", text[end : end + 40])
    return bool(m) and m.group(1) not in INTERFIX_LOWER


def compound_noun(token: str) -> bool:
    """A hyphenated token whose last part is lower case ("AOW-leeftijd", "Oud-zelfstandige")."""
    parts = token.split("-")
    return len(parts) > 1 and bool(parts[-1]) and parts[-1][0].islower() and parts[-1] not in INTERFIX_LOWER


def looks_like_noun(token: str) -> bool:
    """Ends like an ordinary noun ("Melding", "Huisbezoek", "Uitkering")."""
    return token.lower().endswith(lexicon.NOUN_ENDINGS)


def title_case_line(text: str, pos: int, is_word=None) -> bool:
    """The line around ``pos`` is a heading in Title Case: five or more words, nearly all
    capitalised, none in capitals, and at least half of them ordinary words (``is_word``):
    "Gift Van Ouders Niet Gemeld Door Alleenstaande Moeder". Capitals there say nothing."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    words = re.findall(r"\p{L}+", text[line_start : line_end if line_end >= 0 else len(text)])
    if len(words) < 5 or any(len(w) > 1 and w.isupper() for w in words):
        return False
    caps = [w for w in words if w[0].isupper()]
    if len(caps) < 0.8 * len(words):
        return False
    return is_word is None or sum(1 for w in caps if is_word(w)) >= 0.5 * len(caps)


def sentence_initial(text: str, start: int) -> bool:
    """``start`` begins a sentence, a title or a line (capitals say nothing there)."""
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
        if word in _ABBREVIATED_TITLES or len(word) == 2:
            return False
        return True
    return False


_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "’": "'"})


def fold(value: str) -> str:
    """Lower case without diacritics: "Iași", "Iaşi" and "IASI" all give "iasi"."""
    value = unicodedata.normalize("NFKD", value.translate(_FOLD_EXTRA))
    return "".join(ch for ch in value if not unicodedata.combining(ch)).lower()


PHRASE_TOKEN = re.compile(r"[\p{L}\p{N}]+(?:[&'’.-][\p{L}\p{N}]+)*")


class PhraseIndex:
    """Fast lookup of fixed phrases ("Albert Heijn", "OTTO Work Force") by their tokens.

    ``find`` walks the tokens of a text once and returns the longest phrase starting at each
    token, as ``(start, end)``; with ``ignore_case`` the comparison folds case. One giant regex
    alternation with IGNORECASE is far slower on long lists.
    """

    def __init__(self, phrases) -> None:
        self.exact: dict[str, list[tuple[str, ...]]] = {}
        self.folded: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            toks = tuple(m.group(0) for m in PHRASE_TOKEN.finditer(phrase))
            if not toks:
                continue
            self.exact.setdefault(toks[0], []).append(toks)
            low = tuple(t.lower() for t in toks)
            self.folded.setdefault(low[0], []).append(low)
        for index in (self.exact, self.folded):
            for key in index:
                index[key] = sorted(set(index[key]), key=len, reverse=True)

    def find(self, text: str, ignore_case: bool = False) -> list[tuple[int, int]]:
        words = [(m.start(), m.end(), m.group(0)) for m in PHRASE_TOKEN.finditer(text)]
        index = self.folded if ignore_case else self.exact
        out = []
        i = 0
        while i < len(words):
            key = words[i][2].lower() if ignore_case else words[i][2]
            hit = 0
            for opt in index.get(key, ()):
                k = len(opt)
                if i + k > len(words):
                    continue
                seq = words[i : i + k]
                toks = tuple(w[2].lower() if ignore_case else w[2] for w in seq)
                if toks == opt and all(not text[a[1] : b[0]].strip() for a, b in zip(seq, seq[1:], strict=False)):
                    hit = k
                    break
            if hit:
                out.append((words[i][0], words[i + hit - 1][1]))
                i += hit
            else:
                i += 1
        return out
