"""The :class:`Finding` value object and the label vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

LABELS: tuple[str, ...] = (
    "PERSON",
    "BSN",
    "IBAN",
    "PHONE",
    "EMAIL",
    "ADDRESS",
    "POSTCODE",
    "DATE",
    "PLACE",
    "PLATE",
    "CASENR",
    "EMPLOYER",
)

#: Quasi-identifiers: generalised/pseudonymised, but their presence does not block publication.
NON_BLOCKING_LABELS: frozenset[str] = frozenset({"PLACE", "EMPLOYER"})

#: Direct identifiers (the labels that must reach the highest recall).
DIRECT_IDENTIFIER_LABELS: tuple[str, ...] = tuple(label for label in LABELS if label not in NON_BLOCKING_LABELS)

#: Placeholder used by :func:`pseudonymise` for every label (PERSON gets a number appended).
PLACEHOLDERS: dict[str, str] = {
    "PERSON": "PERSOON",
    "BSN": "BSN",
    "IBAN": "IBAN",
    "PHONE": "TELEFOON",
    "EMAIL": "E-MAIL",
    "ADDRESS": "ADRES",
    "POSTCODE": "POSTCODE",
    "DATE": "DATUM",
    "PLACE": "PLAATS",
    "PLATE": "KENTEKEN",
    "CASENR": "DOSSIERNUMMER",
    "EMPLOYER": "WERKGEVER",
}


@dataclass(frozen=True, order=True)
class Finding:
    """One detected identifier.

    ``start``/``end`` are Python ``str`` offsets into the *original* text (end exclusive).
    The matched text itself is deliberately not stored, so a ``Finding`` can be logged or
    serialised without leaking personal data; use :meth:`masked` to show a hint of it.
    """

    start: int
    end: int
    label: str

    def __post_init__(self) -> None:
        if self.label not in PLACEHOLDERS:
            raise ValueError(f"unknown label {self.label!r}")
        if not 0 <= self.start < self.end:
            raise ValueError("invalid offsets")

    @property
    def blocking(self) -> bool:
        """True for direct identifiers; False for PLACE and EMPLOYER."""
        return self.label not in NON_BLOCKING_LABELS

    @property
    def length(self) -> int:
        return self.end - self.start

    def masked(self, original_text: str) -> str:
        """The matched text with everything but its first and last character starred.

        ``"123456782"`` -> ``"1*******2"``; values of one or two characters are fully starred.
        """
        value = original_text[self.start : self.end]
        if len(value) <= 2:
            return "*" * len(value)
        return value[0] + "*" * (len(value) - 2) + value[-1]

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end
