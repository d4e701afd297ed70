"""Detector: deduce's name machinery + pattern rules + lexicons, with overlap resolution.

Pipeline (per text), one module per identifier family:

1. structured rules (``rules``): e-mail, IBAN, BSN, phone, postcode, date, plate, case number;
2. addresses (``addresses``): street lists + street-suffix rule + house-number grammar, "Postbus";
3. employers (``employers``): known list, legal forms, sector words, work context;
4. persons (``persons``): deduce's name annotators, cleaned (titles, role words and house-style
   initials removed), plus own rules (title + name, initials + surname, relation words,
   "Name (34)", name + speech/act verbs), then propagation of every confirmed name token (and
   its possessive "Daans"/"Daan's") through the text;
5. places (``places``): deduce's municipality/residence lists + extras; ambiguous words need
   "in/uit/naar";
6. the protected lexicon trims/removes PERSON/PLACE/EMPLOYER/ADDRESS candidates (here);
7. overlaps are resolved by priority, then length (here).

Word lists live in ``lexicon`` and ``data/``; the loaded word classes in ``vocabulary``.
"""

from __future__ import annotations

import threading

import regex as re

from . import lexicon
from .addresses import AddressFinder
from .casenrs import find_casenrs
from .dates import find_dates
from .employers import EmployerFinder
from .employers_context import EmployerCueFinder
from .findings import Finding
from .learned import find_learned
from .persons import PersonFinder
from .persons_caps import CapsNameFinder
from .persons_cues import PersonCueFinder
from .places import PlaceFinder
from .places_context import PlaceCueFinder
from .rules import Candidate, find_structured
from .text import fold, is_cap
from .vocabulary import Vocabulary


class Detector:
    """Process-wide detector; construct via :func:`get_detector`."""

    def __init__(self) -> None:
        self.vocab = Vocabulary()
        self._protected_rx = _terms_rx(lexicon.protected_terms())
        self._region_rx = _terms_rx(lexicon.regions())
        self.addresses = AddressFinder(self.vocab)
        self.employers = EmployerFinder(self.vocab)
        self.employer_cues = EmployerCueFinder(self.vocab, self.employers.index)
        self.persons = PersonFinder(self.vocab)
        self.person_cues = PersonCueFinder(self.vocab)
        self.caps_names = CapsNameFinder(self.vocab)
        self.places = PlaceFinder(self.vocab)
        self.place_cues = PlaceCueFinder(self.vocab)

    def detect(self, text: str) -> list[Finding]:
        if not text or not text.strip():
            return []
        cands: list[Candidate] = []
        cands.extend(find_structured(text))
        cands.extend(find_dates(text))
        cands.extend(find_casenrs(text))
        cands.extend(self.addresses.find(text))
        cands.extend(self.employers.find(text))
        cands.extend(self.employer_cues.find(text))
        cands.extend(self.persons.find(text))
        cands.extend(self.persons.possessive_first_names(text))
        cands.extend(self.person_cues.find(text))
        cands.extend(self.caps_names.find(text))
        cands.extend(self.places.find(text))
        cands.extend(self.place_cues.find(text))
        # the learned model only fills what no rule claimed (nor trims or extends a rule's finding)
        learned = find_learned(text, self.vocab)
        cands.extend(c for c in learned if not any(c.start < o.end and o.start < c.end for o in cands))
        cands = self._apply_protected(text, cands)
        first = _resolve(cands, text)
        persons = [f for f in first if f.label == "PERSON"]
        extra = self.persons.propagate(text, persons) + self.employer_cues.propagate(text, first)
        if extra:
            first = _resolve(cands + self._apply_protected(text, extra), text)
        return _merge_adjacent_persons(text, first)

    def _apply_protected(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        prot = [(m.start(), m.end()) for m in self._protected_rx.finditer(text)]
        regions = [(m.start(), m.end()) for m in self._region_rx.finditer(text)]
        if not prot and not regions:
            return cands
        out = []
        for c in cands:
            if c.label not in ("PERSON", "PLACE", "EMPLOYER", "ADDRESS"):
                out.append(c)
                continue
            terms = prot + regions if c.label in ("PERSON", "PLACE") else prot
            if c.label == "PLACE" and fold(text[c.start : c.end]).replace("-", " ") in self.vocab.nl_place_folded:
                terms = prot  # "Súdwest-Fryslân", "Midden-Drenthe": a municipality named after a region
            hits = [(s, e) for s, e in terms if s < c.end and c.start < e]
            if c.label == "EMPLOYER":
                # "Lidl Nederland GmbH": a protected word inside a company name stays in it
                hits = [(s, e) for s, e in hits if s <= c.start or e >= c.end]
            if not hits:
                out.append(c)
                continue
            # keep the longest piece of the candidate that avoids protected terms
            pieces = []
            cur = c.start
            for s, e in sorted(hits):
                if s > cur:
                    pieces.append((cur, s))
                cur = max(cur, e)
            if cur < c.end:
                pieces.append((cur, c.end))
            pieces = [(s, e) for s, e in pieces if text[s:e].strip(" ,.-/'") and any(ch.isalnum() for ch in text[s:e])]
            if not pieces:
                continue
            s, e = max(pieces, key=lambda x: x[1] - x[0])
            while s < e and not text[s].isalnum():
                s += 1
            while e > s and not text[e - 1].isalnum() and text[e - 1] != ".":
                e -= 1
            if e - s < 2 or c.label == "ADDRESS":
                continue
            # what is left of "AOW-leeftijd" or "UWV-loket" is part of a word, not a name
            if c.label in ("PERSON", "PLACE") and (not is_cap(text[s:e]) or text[s - 1 : s] == "-"):
                continue
            out.append(Candidate(s, e, c.label, c.priority - 1))
        return out


def _terms_rx(terms) -> re.Pattern:
    """Whole-word, case-insensitive matcher for a list of terms (multi-word terms: any spacing)."""
    alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    return re.compile(r"(?<![\p{L}\p{N}])(?:" + alternation + r")(?![\p{L}\p{N}])", re.IGNORECASE)


_TRIMMABLE = ("PERSON", "EMPLOYER", "PLACE")
_EDGE_JUNK = re.compile(r"^(?:[\s,;:(]|[\p{Ll}'’]+\s)+|(?:[\s,;:(]|\s[\p{Ll}'’]+)+$")


def _remaining_piece(text: str, c: Candidate, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Largest part of a name-like candidate not covered by already chosen findings."""
    pieces = []
    cur = c.start
    for s, e in sorted(t for t in taken if t[0] < c.end and c.start < t[1]):
        if s > cur:
            pieces.append((cur, s))
        cur = max(cur, e)
    if cur < c.end:
        pieces.append((cur, c.end))
    best = None
    for s, e in pieces:
        piece = text[s:e]
        stripped = _EDGE_JUNK.sub("", piece)
        if not stripped:
            continue
        s2 = s + piece.index(stripped)
        e2 = s2 + len(stripped)
        if e2 - s2 >= 2 and is_cap(stripped) and (best is None or e2 - s2 > best[1] - best[0]):
            best = (s2, e2)
    return best


def _resolve(cands: list[Candidate], text: str = "") -> list[Finding]:
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(set(cands), key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        if any(c.start < e and s < c.end for s, e in taken):
            if c.label not in _TRIMMABLE or not text:
                continue
            piece = _remaining_piece(text, c, taken)
            if piece is None:
                continue
            c = Candidate(piece[0], piece[1], c.label, c.priority)
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(Finding(c.start, c.end, c.label) for c in chosen)


def _merge_adjacent_persons(text: str, findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in findings:
        if out and out[-1].label == "PERSON" and f.label == "PERSON":
            gap = text[out[-1].end : f.start]
            if gap in (" ", "-", ""):
                out[-1] = Finding(out[-1].start, f.end, "PERSON")
                continue
        out.append(f)
    return out


_DETECTOR: Detector | None = None
_LOCK = threading.Lock()


def get_detector() -> Detector:
    """The process-wide detector (built lazily, once; thread-safe)."""
    global _DETECTOR
    if _DETECTOR is None:
        with _LOCK:
            if _DETECTOR is None:
                _DETECTOR = Detector()
    return _DETECTOR
