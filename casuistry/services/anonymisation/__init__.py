"""Detection and pseudonymisation of personal data in Dutch case notes.

Public API::

    from casuistry.services.anonymisation import detect, pseudonymise, warm_up, Finding

    warm_up()                      # once per process (builds deduce's lookup structures)
    findings = detect(text)        # sorted, non-overlapping list[Finding]
    result = pseudonymise(text)    # result.text, result.findings, result.counts

Nothing in this package logs text or detected values. See docs/anonymisation.md.
"""

from __future__ import annotations

from .detector import get_detector
from .findings import DIRECT_IDENTIFIER_LABELS, LABELS, NON_BLOCKING_LABELS, PLACEHOLDERS, Finding
from .pseudonymise import PseudonymisedText, render

__all__ = [
    "DIRECT_IDENTIFIER_LABELS",
    "LABELS",
    "NON_BLOCKING_LABELS",
    "PLACEHOLDERS",
    "Finding",
    "PseudonymisedText",
    "detect",
    "get_detector",
    "pseudonymise",
    "warm_up",
]


def warm_up() -> None:
    """Build the detector (deduce name lookups, place/street lists) now instead of on first use."""
    get_detector().detect("Warm-up: mevrouw Jansen woont aan de Dorpsstraat 1 in Utrecht.")


def detect(text: str) -> list[Finding]:
    """All identifiers in ``text``: sorted, non-overlapping findings with original offsets."""
    return get_detector().detect(text)


def pseudonymise(text: str, findings: list[Finding] | None = None) -> PseudonymisedText:
    """Replace identifiers by placeholders ([PERSOON-1], [BSN], [ADRES], [PLAATS] ...)."""
    if findings is None:
        findings = detect(text)
    return render(text, findings)
