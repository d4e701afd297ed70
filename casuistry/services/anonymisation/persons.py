"""PERSON candidates: deduce's name annotators plus own rules, cleaning, possessives, propagation.

Own rules on top of deduce: title + name, initials (+ surname), relation/role word + name,
"Name (34)", name + speech/act verb; spans are extended right ("Ahmad Al-Masri") and left
("Van der Meer"), then cleaned of titles, role words and house-style initials.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from . import lexicon
from .findings import Finding
from .rules import PRIO, Candidate
from .text import (
    CAP,
    INTERFIX_ALT,
    INTERFIX_LOWER,
    NAMESEQ,
    WORD,
    compound_noun,
    fold,
    glued_to_lowercase,
    is_cap,
    looks_like_noun,
    sentence_initial,
    title_case_line,
    tokens,
)
from .vocabulary import Vocabulary

_TITLE_ALT = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(lexicon.TITLES, key=len, reverse=True))
_TITLE_RX = re.compile(
    rf"(?<![\p{{L}}])(?i:{_TITLE_ALT})(?!\p{{L}})\s*"
    rf"(?P<name>(?:\p{{Lu}}\.\s?)+(?:(?:{INTERFIX_ALT})\s+)?{CAP}|(?:\p{{Lu}}\.){{2,}}|{NAMESEQ})"
)
# "mevrouw F. Bakker": the initial and the word after it
_INITIAL_WORD_RX = re.compile(r"(\p{Lu}\.\s?)(?:(?:" + INTERFIX_ALT + r")\s+)?(" + CAP + ")")
_MULTI_INITIALS = re.compile(rf"(?<![\p{{L}}.])(?:\p{{Lu}}\.\s?){{2,}}(?:\s*(?:(?:{INTERFIX_ALT})\s+)?{CAP})?")
_INITIAL_SURNAME = re.compile(rf"(?<![\p{{L}}.])\p{{Lu}}\.\s?(?:(?:{INTERFIX_ALT})\s+)?(?P<sur>{CAP})")
_REL_ALT = "|".join(sorted(lexicon.RELATION_WORDS, key=len, reverse=True))
_RELATION_RX = re.compile(
    rf"(?<![\p{{L}}-])(?i:{_REL_ALT})(?:,)?(?:\s+(?:is|was|heet|genaamd|:))?\s+(?P<name>{NAMESEQ})"
)
_AGE_RX = re.compile(rf"(?P<name>{NAMESEQ})\s*\(\d{{1,3}}(?:\s*jaar)?\)")
_VERBS = "|".join(lexicon.NAME_VERBS)
_VERB_RX = re.compile(rf"(?P<name>{NAMESEQ})(?:,)?\s+(?:{_VERBS})\b")
_FOLLOWED_BY_VERB_RX = re.compile(rf"(?:,)?\s+(?:{_VERBS})\b")
_LEFT_INTERFIX_RX = re.compile(r"(?:^|(?<=[\s(\"“]))(" + "|".join(lexicon.LEADING_PARTICLES) + r")\s")
_RIGHT_RX = re.compile(rf"[ ](?:(?:{INTERFIX_ALT})\s+)?(?P<tok>{CAP})")
_INITIALS_RX = re.compile(r"(?:\p{Lu}\.\s?)+")
_INITIALS_RUN_RX = re.compile(r"(?:\p{Lu}\.)+")
_SINGLE_INITIAL_RX = re.compile(r"\p{Lu}\.?")
_TITLE_WORDS = frozenset(t.rstrip(".").lower() for t in lexicon.TITLES if " " not in t)
_AFTER_TITLE_RX = re.compile(rf"(?<![\p{{L}}])(?i:{_TITLE_ALT})(?!\p{{L}})\.?[ \t]*$")


def _known_non_word(v: Vocabulary, token: str) -> bool:
    """A name from the lists that is no ordinary word ("Owusu", not "Visser")."""
    return v.is_known_name(token) and not v.is_common_word(token) and not v.is_non_name(token)


class PersonFinder:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab

    # ------------------------------------------------------------------ candidates
    def find(self, text: str) -> list[Candidate]:
        v = self.v
        spans: list[tuple[int, int, int]] = []  # (start, end, priority)
        cued: set[tuple[int, int]] = set()  # spans with a cue of their own ("Kok (45)")
        p = PRIO["PERSON"]
        for s, e in v.names.person_spans(text):
            spans.append((s, e, p))
        for m in _TITLE_RX.finditer(text):
            name = m.group("name")
            if _SINGLE_INITIAL_RX.fullmatch(name.strip()):
                continue
            ns = m.start("name")
            # house style "mevrouw F. Zij ...": a word after the initial must be a known name
            im = _INITIAL_WORD_RX.match(name)
            if im and not re.match(r"(?:\p{Lu}\.){2,}", name):
                sur = im.group(2)
                if not v.is_known_name(sur):
                    if v.is_non_name(sur) or looks_like_noun(sur):
                        continue
                    if sentence_initial(text, ns + im.start(2)) and sur.lower() in lexicon.SENTENCE_OPENERS:
                        continue
            spans.append((ns, m.end("name"), p + 2))
        for m in _MULTI_INITIALS.finditer(text):
            val = m.group(0).strip()
            initials = _INITIALS_RX.match(val).group(0).replace(" ", "")
            if initials in lexicon.NOT_INITIALS or initials.upper() in lexicon.NOT_INITIALS:
                continue
            end = m.end()
            lead = _INITIALS_RX.match(m.group(0)).group(0)
            rest = text[m.start() + len(lead) : end].strip()
            if rest and (v.is_non_name(rest.split()[-1]) or looks_like_noun(rest.split()[-1])):
                end = m.start() + len(lead.rstrip())
            spans.append((m.start(), end, p + 2))
        for m in _INITIAL_SURNAME.finditer(text):
            sur = m.group("sur")
            if v.is_non_name(sur) or looks_like_noun(sur):
                continue
            if not v.is_known_name(sur):
                # "... mevrouw F. Zaterdag ...": after a title+initial a new sentence may start
                before = text[max(0, m.start() - 12) : m.start()].lower()
                if any(before.rstrip().endswith(t.rstrip(".")) or before.rstrip().endswith(t) for t in lexicon.TITLES):
                    continue
            spans.append((m.start(), m.end(), p + 1))
        for m in _RELATION_RX.finditer(text):
            spans.append((m.start("name"), m.end("name"), p))
        for m in _AGE_RX.finditer(text):
            spans.append((m.start("name"), m.end("name"), p))
            cued.add((m.start("name"), m.end("name")))
        for m in _VERB_RX.finditer(text):
            ns, ne = m.start("name"), m.end("name")
            first = m.group("name").split()[0]
            if v.is_non_name(first) or looks_like_noun(first):
                continue
            if not v.is_known_name(first):
                if sentence_initial(text, ns) and len(m.group("name").split()) == 1:
                    continue
                if v.is_place_token(first) or v.is_common_word(first):
                    continue  # "Teams is ...", "Rechtbank zegt ...": a word, not a name
            spans.append((ns, ne, p - 1))
        out = []
        for s, e, prio in spans:
            cue = (s, e) in cued
            e = self._extend_right(text, e)
            m = _LEFT_INTERFIX_RX.search(text, max(0, s - 12), s)
            if m and m.end() == s:
                s = m.start(1)
            cleaned = self._clean(text, s, e)
            if not cleaned:
                continue
            run = _INITIALS_RUN_RX.match(text, cleaned[0])
            if run and run.group(0).replace(" ", "") in lexicon.NOT_INITIALS:
                continue  # "T.A.V. DE AFDELING", "d.d.": an abbreviation, not initials
            if not cue and self._sentence_initial_common(text, *cleaned):
                continue
            if prio <= p and not cue and self._place_only(text, *cleaned):
                continue
            if not cue and self._particle_place(text, *cleaned):
                continue
            if prio <= p and not cue and self._in_title_phrase(text, *cleaned):
                continue
            out.append(Candidate(cleaned[0], cleaned[1], "PERSON", prio))
        return out

    def _in_title_phrase(self, text: str, start: int, end: int) -> bool:
        """Capitals that say nothing: a heading in Title Case ("Gift Van Ouders Niet Gemeld Door
        Alleenstaande Moeder") or a titled phrase ("de cursus Taal Op Maat"). Then a name needs a
        known name that is no ordinary word."""
        v = self.v
        toks = tokens(text, start, end)
        if title_case_line(text, start, v.is_common_word):
            return not any(v.is_known_name(t) and not v.is_common_word(t) for _, _, t in toks)
        if len(toks) != 1 or not v.is_common_word(toks[0][2]):
            return False
        left = re.search(r"(\p{Lu}[\p{Ll}]+)[ ]$", text[max(0, start - 30) : start])
        right = re.match(r"[ ](\p{Lu}[\p{Ll}]+)", text[end : end + 30])
        return any(
            m is not None and v.is_common_word(m.group(1)) and not v.is_known_name(m.group(1)) for m in (left, right)
        )

    def possessive_first_names(self, text: str) -> list[Candidate]:
        """ "Daans", "Fatima's": a known first name with a possessive ending."""
        v = self.v
        out = []
        for m in WORD.finditer(text):
            tok = m.group(0)
            if not is_cap(tok) or len(tok) < 4:
                continue
            for suf in ("'s", "’s", "s"):
                if tok.endswith(suf) and tok[: -len(suf)] in v.first_names:
                    if v.is_non_name(tok) or tok in v.first_names:
                        break
                    if v.is_whitelisted(tok.lower()):
                        break
                    out.append(Candidate(m.start(), m.end(), "PERSON", PRIO["PERSON"] - 2))
                    break
        return out

    def propagate(self, text: str, persons: Iterable[Finding]) -> list[Candidate]:
        """Every token of a confirmed name also counts elsewhere (incl. possessive forms).

        Matching ignores case ("Johan Wolters" ... "bij johan") unless the name is also an
        ordinary word ("Kok" stays "Kok"); user names and initials ("Sjaak78", "RdG") recur as
        they are written."""
        names: set[str] = set()
        folded: set[str] = set()
        exact: set[str] = set()
        for f in persons:
            value = text[f.start : f.end]
            if not is_cap(value) or any(ch.isdigit() or ch == "_" for ch in value):
                exact.add(value)
            for _, _, tok in tokens(text, f.start, f.end):
                if tok.lower() in INTERFIX_LOWER or len(tok) < 2 or tok.endswith("."):
                    continue
                if self.v.is_non_name(tok):
                    continue
                base = tok
                for suf in ("'s", "’s"):
                    if base.endswith(suf):
                        base = base[: -len(suf)]
                names.add(base)
                if len(base) >= 3 and not self.v.is_common_word(base) and not self.v.is_whitelisted(base.lower()):
                    folded.add(base.lower())
        out = []
        for value in exact:
            if len(value) < 2:
                continue
            for m in re.finditer(rf"(?<![\p{{L}}\p{{N}}_]){re.escape(value)}(?![\p{{L}}\p{{N}}_])", text):
                out.append(Candidate(m.start(), m.end(), "PERSON", PRIO["PERSON"] - 2))
        if not names:
            return out
        for m in WORD.finditer(text):
            tok = m.group(0)
            if not is_cap(tok):
                if tok.lower() in folded and not tok.isupper():
                    out.append(Candidate(m.start(), m.end(), "PERSON", PRIO["PERSON"] - 2))
                continue
            if (
                tok not in names
                and tok.lower() not in folded
                and not any(tok.endswith(suf) and tok[: -len(suf)] in names for suf in lexicon.POSSESSIVE_SUFFIXES)
            ):
                continue
            out.append(Candidate(m.start(), m.end(), "PERSON", PRIO["PERSON"] - 2))
        return out

    # ------------------------------------------------------------------ span shaping
    def _extend_right(self, text: str, end: int) -> int:
        """ "Ahmad Al-Masri": a capitalised non-word right after a name belongs to it."""
        v = self.v
        for _ in range(2):
            m = _RIGHT_RX.match(text, end)
            if not m:
                break
            tok = m.group("tok")
            if v.is_non_name(tok) or looks_like_noun(tok) or v.is_place_token(tok):
                break
            if tok in v.employer_names or tok.isupper():
                break
            end = m.end()
        return end

    def _clean(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Strip titles, role words and non-name words from both ends of a person span."""
        v = self.v
        toks = tokens(text, start, end)
        if len(toks) >= 2 and toks[0][2].lower() == "de" and toks[1][2].lower() == "heer":
            toks = toks[1:]
        after_title = bool(_AFTER_TITLE_RX.search(text, max(0, start - 16), start))

        def bad_edge(tok: str, pos: int, leading: bool) -> bool:
            low = tok.lower().rstrip(".")
            if low in _TITLE_WORDS:
                return True
            if compound_noun(tok) or glued_to_lowercase(text, pos + len(tok)):
                return True
            if len(tok) >= 2 and tok.isalpha() and tok.isupper():
                return True  # acronyms ("PTSS", "GGZ"); names in capitals are out of scope
            if leading and len(tok) == 1 and text[pos - 1 : pos] in "&/" and pos > 0:
                return True  # the "W" of "B&W" or "w/o" is part of an abbreviation, no initial
            if leading and low in INTERFIX_LOWER and len(toks) > 1:
                return False
            if v.is_non_name(tok):
                return True
            if not is_cap(tok) and low not in INTERFIX_LOWER:
                return True
            if tok.isdigit():
                return True
            if leading and len(toks) > 1 and sentence_initial(text, pos):
                if not v.is_known_name(tok):
                    if looks_like_noun(tok) or v.is_whitelisted(low) or v.is_common_word(tok):
                        return True
            if len(toks) > 1 and not v.is_known_name(tok) and v.is_common_word(tok):
                # "mw. Comfort Owusu": after a title, a given name before a known surname stays
                return not (leading and after_title and _known_non_word(v, toks[1][2]))
            # "Rechtbank Den Haag", "Aydoğan Klus": an ordinary word at an edge (above)
            if not leading and len(toks) > 1 and v.is_place_token(tok) and not v.is_known_name(tok):
                return True  # "Wendy Schouten Zaandijk": a place after a name
            return False

        while toks and bad_edge(toks[0][2], toks[0][0], True):
            toks.pop(0)
        while toks and (bad_edge(toks[-1][2], toks[-1][0], False) or toks[-1][2].lower() in INTERFIX_LOWER):
            toks.pop()
        while toks and toks[0][2].lower() in INTERFIX_LOWER and len(toks) == 1:
            toks.pop(0)
        if not toks:
            return None
        s, e = toks[0][0], toks[-1][1]
        if e < len(text) and text[e] == "." and re.fullmatch(r"(?:\p{Lu}\.)+\p{Lu}", text[s:e]):
            e += 1  # "J.P." keeps its last period
        inner = text[s:e]
        # house style: a single initial is an accepted pseudonym
        if _SINGLE_INITIAL_RX.fullmatch(inner):
            return None
        if inner in v.employer_names or inner in v.countries:
            return None
        if inner.lower() in v.protected_lower:
            return None
        return s, e

    def _place_only(self, text: str, start: int, end: int) -> bool:
        """ "Eindhoven", "Den Haag": a Dutch place name and nothing more is a place, not a person."""
        value = text[start:end]
        return self.v.is_place_only(value) or fold(value).replace("-", " ") in self.v.nl_place_folded

    def _particle_place(self, text: str, start: int, end: int) -> bool:
        """ "de zuidkant van Apeldoorn", "B&W van Rijswijk": a lower-case "van" before a Dutch
        place is a preposition, unless a first name, initial or title comes before it."""
        toks = tokens(text, start, end)
        if len(toks) != 2 or toks[0][2] not in ("van", "uit") or not self._place_only(text, toks[1][0], end):
            return False
        prev = re.search(r"(\S+)[ \t]*$", text[max(0, start - 30) : start])
        if prev is None:
            return True
        word = prev.group(1)
        named = word in self.v.first_names or word.rstrip(".").lower() in _TITLE_WORDS
        return not (named or re.fullmatch(r"(?:\p{Lu}\.)+", word))

    def _sentence_initial_common(self, text: str, start: int, end: int) -> bool:
        """A single capitalised ordinary word at the start of a sentence or title: capitals say
        nothing there, so it is no name on its own. A first name followed by a verb
        ("Roos kwam op gesprek") still counts; other mentions are caught by propagation."""
        token = text[start:end]
        if " " in token or not self.v.is_common_word(token):
            return False
        if not sentence_initial(text, start):
            return False
        if token in self.v.first_names and _FOLLOWED_BY_VERB_RX.match(text, end):
            return False
        return True
