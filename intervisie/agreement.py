"""Agreement between colleagues' judgements: the arithmetic, without database access.

Two figures, each with an explanation a trainer can read aloud:

* **Paarsgewijze overeenstemming** (pairwise percentage agreement) for one question in one session:
  pick two participants at random; how likely did they give the same answer?
  ``sum(n_j * (n_j - 1)) / (n * (n - 1))`` over the answer counts ``n_j``. 100 % when everyone agrees,
  0 % when everyone chose something else. Needs at least two answers.
* **Fleiss' kappa** across sessions (the sessions of one thema are the "subjects"): the agreement
  within sessions corrected for the agreement you would expect by chance given how often each answer
  is chosen overall. 1 is complete agreement, 0 is chance level, below 0 is less than chance.
  With one session it is undefined (a single subject carries no chance model), so per session we
  show the percentage; kappa appears in the trend once a thema has two sessions with answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

PAIRWISE_LABELS = ((0.8, "grote overeenstemming"), (0.6, "redelijke overeenstemming"), (0.4, "verdeeld"))
PAIRWISE_LOW = "sterk uiteenlopend"
# Landis & Koch (1977), the usual reading of kappa values.
KAPPA_LABELS = (
    (0.81, "(bijna) volledige overeenstemming"),
    (0.61, "substantiële overeenstemming"),
    (0.41, "matige overeenstemming"),
    (0.21, "redelijke overeenstemming"),
    (0.0, "geringe overeenstemming"),
)
KAPPA_BELOW_CHANCE = "minder overeenstemming dan toeval"


def pairwise_agreement(answers: Iterable[str] | Mapping[str, int]) -> float | None:
    """Share of participant pairs that gave the same answer (0..1); None with fewer than two answers."""
    counts = Counter(answers) if not isinstance(answers, Mapping) else Counter(dict(answers))
    n = sum(counts.values())
    if n < 2:
        return None
    return sum(c * (c - 1) for c in counts.values()) / (n * (n - 1))


def fleiss_kappa(subjects: Sequence[Mapping[str, int]]) -> float | None:
    """Fleiss' kappa over subjects (answer counts per subject); raters per subject may differ.

    Subjects with fewer than two answers are left out. Returns None when fewer than two subjects
    remain, or when every answer in every subject is the same category (chance agreement is then 1
    and kappa is 0/0: the answers agree fully, but there is nothing to correct for).
    """
    rows = [Counter(dict(s)) for s in subjects if sum(s.values()) >= 2]
    if len(rows) < 2:
        return None
    totals: Counter = Counter()
    for row in rows:
        totals.update(row)
    grand = sum(totals.values())
    p_e = sum((count / grand) ** 2 for count in totals.values())
    if p_e >= 1.0:
        return None
    p_bar = sum(pairwise_agreement(row) for row in rows) / len(rows)
    return (p_bar - p_e) / (1 - p_e)


def pairwise_label(value: float | None) -> str:
    if value is None:
        return "te weinig antwoorden"
    return next((label for floor, label in PAIRWISE_LABELS if value >= floor), PAIRWISE_LOW)


def kappa_label(value: float | None) -> str:
    if value is None:
        return "niet te berekenen"
    if value < 0:
        return KAPPA_BELOW_CHANCE
    return next(label for floor, label in KAPPA_LABELS if value >= floor)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"
