"""EMPLOYER candidates: known employers, legal forms, sector words, company-word endings and
work context ("werkt ... bij X", "werkgever X")."""

from __future__ import annotations

import regex as re

from . import lexicon
from .employers_context import person_like
from .rules import PRIO, Candidate
from .text import CAP, PhraseIndex, looks_like_noun, sentence_initial, tokens
from .vocabulary import Vocabulary

# (capitals with a digit or "&" first, so "G4S" and "C&A" are not cut after one letter)
_ALNUM_CAPS = r"\p{Lu}[\p{Lu}\p{N}]{0,2}[\p{N}&][\p{Lu}\p{N}]{1,3}(?![\p{L}\p{N}])"
_EMP_TOKEN = rf"(?:{_ALNUM_CAPS}|{CAP}|\p{{Lu}}{{2,}}\p{{L}}*|[\p{{L}}\p{{N}}]+\.(?:com|nl)|'t)"
# (a company name stays on one line)
_EMP_NAME = (
    rf"{_EMP_TOKEN}(?:[ \t]+(?:&[ \t]+|en[ \t]+(?={CAP})|van[ \t]+|de[ \t]+|der[ \t]+|den[ \t]+|het[ \t]+|'t[ \t]+)?"
    rf"{_EMP_TOKEN}){{0,4}}"
)
_LEGAL_ALT = "|".join(re.escape(x) for x in sorted(lexicon.LEGAL_FORMS, key=len, reverse=True))
_LEGAL_RX = re.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<name>{_EMP_NAME})\s*(?:{_LEGAL_ALT})(?![\p{{L}}\p{{N}}-])\.?")
_SECTOR_ALT = "|".join(sorted(lexicon.SECTOR_WORDS, key=len, reverse=True))
_HEADS_ALT = "|".join(lexicon.SECTOR_COMPOUND_HEADS)
# "Betonfabriek De Merwede": a capitalised compound ending in a sector word acts as one
_SECTOR_RX = re.compile(
    rf"(?<![\p{{L}}])(?P<sector>(?i:{_SECTOR_ALT})|\p{{Lu}}\p{{Ll}}{{2,}}(?:{_HEADS_ALT}))[ \t]+(?P<name>{_EMP_NAME})"
)
# work context: a job word, then within the clause "bij/voor/van <Name>" (word stems, so a pattern)
_WORK_RX = re.compile(
    r"(?i)\b(?:werk\w*|gewerkt|dienst|baan|bijbaan|stage\w*|contract|loon\w*|salaris\w*|ontslag\w*|"
    r"aangenomen|sollicit\w*|proefplaatsing|\w*chauffeur|\w*medewerker|\w*medewerkster|"
    r"\w*schoonmaker|\w*bezorger|\w*kracht|vakkenvuller|afwasser|kok|zzp'er|opdrachtgever|"
    r"eindafrekening|vakantiegeld|gedetacheerd|uitzendbureau|aanbod|start|begint|begon|shift\w*|"
    r"uren|rijdt|bezorgt|gastvrouw|gastheer|oproep\w*|loondienst|opdracht\w*|klus\w*|"
    r"als\s+\w+(?:er|ster|ist|eur|ant|kracht|hulp)|kassa|vakken\w*|bediening|magazijn|productie|"
    r"schoonmaak|bezorging|keuken|distributiecentrum)\b"
    r"[^.;:\n]{0,45}?\b(?P<prep>bij|voor|van|via)\s+(?:de\s+|het\s+)?"
    rf"(?-i:(?P<name>{_EMP_NAME}))"
)
_IN_SERVICE_RX = re.compile(
    rf"\b(?P<prep>bij|voor)\s+(?:de\s+|het\s+)?(?P<name>{_EMP_NAME})"
    r"(?=\s+(?:in\s+(?:loon)?dienst|werkzaam|aan\s+het\s+werk|(?:heeft\s+)?gewerkt|als\s+\w+(?:er|ster)\b))"
)
_WERKGEVER_RX = re.compile(rf"(?i)\bwerkgever(?:\s+is|,|:)?\s+(?-i:(?P<name>{_EMP_NAME}))")
_COMPANY_END_RX = re.compile(
    rf"(?P<name>{_EMP_NAME})",
)


def known_institutions(vocab: Vocabulary) -> set[str]:
    """deduce's hospitals ("Medisch Spectrum Twente", "Isala"), minus words and protected terms."""
    raw = vocab.names.raw_itemsets(["institutions/lst_hospital"])
    names = set()
    for items in raw.values():
        for name in items:
            if len(name) < 4 or vocab.is_protected(name) or vocab.is_common_word(name):
                continue
            if " " not in name and (vocab.is_known_name(name) or vocab.is_place_token(name)):
                continue  # "Johannes", "Gelre": a name or a place on its own
            names.add(name)
    return names


_CAP_PARTICLES = frozenset("Van De Den Der Ter Ten El Al".split())


class EmployerFinder:
    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab
        self.names = sorted(set(lexicon.employers()) | known_institutions(vocab), key=len, reverse=True)
        self.index = PhraseIndex(self.names)

    def find(self, text: str) -> list[Candidate]:
        v = self.v
        out = []
        p = PRIO["EMPLOYER"]
        for s, e in self.index.find(text):
            out.append(Candidate(s, e, "EMPLOYER", p + 1))
        for m in _LEGAL_RX.finditer(text):
            s = self._trim_start(text, m.start("name"), m.end())
            if s is not None:
                out.append(Candidate(s, m.end(), "EMPLOYER", p + 2))
        for m in _SECTOR_RX.finditer(text):
            sector = m.group("sector")
            ns, ne = m.start("name"), m.end("name")
            ne = self._trim_end(text, ns, ne)
            if ne is None:
                continue
            name = text[ns:ne]
            # "kapsalon Mooi": a one-word name keeps its sector word, even in lower case
            start = ns
            if sector[0].isupper() or (" " not in name and name not in v.employer_names):
                start = m.start("sector")
            if v.is_protected(name):
                continue
            if sector.lower() in lexicon.GENERIC_SECTOR_WORDS and v.is_non_name(name.split()[0]):
                continue
            out.append(Candidate(start, ne, "EMPLOYER", p + 1))
        for rx in (_WORK_RX, _WERKGEVER_RX, _IN_SERVICE_RX):
            for m in rx.finditer(text):
                ns, ne = m.start("name"), m.end("name")
                ne = self._trim_end(text, ns, ne)
                if ne is None:
                    continue
                name = text[ns:ne]
                first = name.split()[0]
                if v.is_non_name(first) and first not in v.employer_names:
                    continue
                if v.is_protected(name):
                    continue
                # "distributiecentrum bij Tilburg": a place name alone is where, not who; one that
                # is also a family name may be a firm ("werkt bij Stork")
                firm_like = name in v.employer_names or name in v.plain_surnames or v.is_common_word(name)
                prep = (m.groupdict().get("prep") or "").lower()
                if v.is_place_only(name) and not (firm_like and prep in ("bij", "via")):
                    continue
                if person_like(v, name):
                    continue
                out.append(Candidate(ns, ne, "EMPLOYER", p))
        for m in _COMPANY_END_RX.finditer(text):
            name = m.group("name")
            words = name.split()
            if len(words) < 2:
                continue
            # the last word with a company ending ends the name ("Flex Uitzendgroep [Brabant]")
            last = max((i for i, w in enumerate(words) if w.lower().endswith(lexicon.COMPANY_WORD_ENDINGS)), default=0)
            if last >= 1:
                end = [t.end() for t in re.finditer(r"\S+", name)][last] + m.start()
                s = self._trim_start(text, m.start(), end)
                if s is not None and len(text[s:end].split()) >= 2:
                    out.append(Candidate(s, end, "EMPLOYER", p))
        return out

    def _trim_end(self, text: str, s: int, e: int) -> int | None:
        toks = tokens(text, s, e)
        while toks and (toks[-1][2].lower() in lexicon.EMPLOYER_TRAILING_WORDS):
            toks.pop()
        # "WONINGSTICHTING X Omschr: huur": a word before a colon is the next field's label
        while len(toks) > 1 and text[toks[-1][1] : toks[-1][1] + 1] == ":":
            toks.pop()
        # stop before a place name ("bij de Jumbo in Tilburg" already stops at "in")
        if not toks:
            return None
        return toks[-1][1]

    def _trim_start(self, text: str, s: int, e: int) -> int | None:
        v = self.v
        toks = tokens(text, s, e)
        # "Linda Kuipers van Kuipers Bewindvoering": the company starts after a lower-case "van"
        cut = [i for i, t in enumerate(toks) if t[2] in lexicon.EMPLOYER_CUT_WORDS and i < len(toks) - 1]
        if cut:
            toks = toks[cut[-1] + 1 :]

        def particle_of_name(i: int) -> bool:
            """ "Van der Velden Gerechtsdeurwaarders": a capitalised particle starts the name."""
            return toks[i][2] in _CAP_PARTICLES and i + 1 < len(toks) and not sentence_initial(text, toks[i][0])

        while toks and (
            (
                v.is_non_name(toks[0][2])
                and toks[0][2] not in v.employer_names
                and not toks[0][2].isupper()
                and not particle_of_name(0)
            )
            or sentence_initial(text, toks[0][0])
            and looks_like_noun(toks[0][2])
            and len(toks) > 2
        ):
            toks.pop(0)
        if not toks:
            return None
        return toks[0][0]
