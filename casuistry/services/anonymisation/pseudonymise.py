"""Replace findings by placeholders; the same person gets the same number within one text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex as re

from . import lexicon
from .findings import PLACEHOLDERS, Finding

_WORD = re.compile(r"[\p{L}][\p{L}'’-]*")
_INTERFIX = {i.lower() for i in lexicon.INTERFIXES}


@dataclass(frozen=True)
class PseudonymisedText:
    text: str
    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def __repr__(self) -> str:  # never show the (pseudonymised) text implicitly
        return f"PseudonymisedText(findings={len(self.findings)}, counts={self.counts})"


def _name_keys(surface: str) -> frozenset[str]:
    """Normalised name parts: lower-cased, initials and particles dropped, possessive cut."""
    keys = set()
    for tok in _WORD.findall(surface):
        low = tok.lower()
        if low in _INTERFIX or len(low.rstrip(".")) <= 1:
            continue
        for suf in ("'s", "’s"):
            if low.endswith(suf):
                low = low[: -len(suf)]
        keys.add(low)
    return frozenset(keys)


def _strip_possessive(keys: frozenset[str], known: set[str]) -> frozenset[str]:
    out = set()
    for k in keys:
        if k not in known and k.endswith("s") and k[:-1] in known:
            out.add(k[:-1])
        elif k not in known and k.endswith("'") and k[:-1] in known:
            out.add(k[:-1])
        else:
            out.add(k)
    return frozenset(out)


def assign_person_numbers(text: str, findings: list[Finding]) -> dict[Finding, int]:
    """Cluster PERSON findings: full names first, then partial/possessive forms join them."""
    persons = [f for f in findings if f.label == "PERSON"]
    raw_keys = {f: _name_keys(text[f.start : f.end]) for f in persons}
    known = set().union(*raw_keys.values()) if raw_keys else set()
    known = {k for k in known if not (k.endswith("s") and k[:-1] in known)}
    keys = {f: _strip_possessive(k, known) for f, k in raw_keys.items()}
    clusters: list[set[str]] = []
    numbers: dict[Finding, int] = {}
    # longest names first so that "Daan de Vries" defines the cluster "Daan" joins
    order = sorted(persons, key=lambda f: (-len(keys[f]), f.start))
    for f in order:
        k = keys[f]
        if not k:
            k = frozenset({text[f.start : f.end].lower()})
        match = [i for i, c in enumerate(clusters) if k <= c or c <= k]
        if not match:
            match = [i for i, c in enumerate(clusters) if k & c and len(k) == 1]
        if match:
            i = match[0]
            clusters[i] |= k
        else:
            clusters.append(set(k))
            i = len(clusters) - 1
        numbers[f] = i
    # renumber by first appearance in the text
    first_pos: dict[int, int] = {}
    for f in sorted(persons):
        first_pos.setdefault(numbers[f], f.start)
    rank = {c: n + 1 for n, c in enumerate(sorted(first_pos, key=first_pos.get))}
    return {f: rank[numbers[f]] for f in persons}


def render(text: str, findings: list[Finding]) -> PseudonymisedText:
    findings = sorted(findings)
    numbers = assign_person_numbers(text, findings)
    parts = []
    pos = 0
    for f in findings:
        if f.start < pos:
            continue  # defensive: overlapping input
        parts.append(text[pos : f.start])
        base = PLACEHOLDERS[f.label]
        if f.label == "PERSON":
            parts.append(f"[{base}-{numbers[f]}]")
        else:
            parts.append(f"[{base}]")
        pos = f.end
    parts.append(text[pos:])
    counts = dict(Counter(f.label for f in findings))
    return PseudonymisedText(text="".join(parts), findings=findings, counts=counts)
