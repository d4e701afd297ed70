"""The anonymisation gate: every text field of a casus is scanned before it is stored or published.

Direct identifiers (PERSON, BSN, IBAN, ...) block; PLACE and EMPLOYER are warnings. Used by
import_casus, the Wagtail editor form and the API, so the three paths judge alike.
Messages name the field and the label, never the detected value.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from casuistry.text_fields import TEXT_FIELD_NAMES

from . import detect, pseudonymise
from .findings import Finding

LABEL_NAMES = {
    "PERSON": "naam",
    "BSN": "BSN",
    "IBAN": "rekeningnummer",
    "PHONE": "telefoonnummer",
    "EMAIL": "e-mailadres",
    "ADDRESS": "adres",
    "POSTCODE": "postcode",
    "DATE": "exacte datum",
    "PLACE": "plaatsnaam",
    "PLATE": "kenteken",
    "CASENR": "dossier- of klantnummer",
    "EMPLOYER": "werkgever",
}

# CasusPage text fields, in the order an editor sees them (the one registry).
PAGE_TEXT_FIELDS = TEXT_FIELD_NAMES


@dataclass(frozen=True)
class FieldFinding:
    field: str
    finding: Finding
    key: str  # stable per field, label and fragment: lets an editor dismiss it once

    @property
    def blocking(self) -> bool:
        return self.finding.blocking

    @property
    def label(self) -> str:
        return self.finding.label

    def message(self) -> str:
        kind = "mogelijke persoonsgegevens" if self.blocking else "let op, mogelijk herleidbaar"
        return f"{kind} ({self.label})"

    def context_html(self, text: str, width: int = 40) -> str:
        """The fragment in its context, escaped, with the fragment in <mark> (for the editor only)."""
        from django.utils.html import escape

        start, end = self.finding.start, self.finding.end
        before = text[max(0, start - width) : start]
        after = text[end : end + width]
        return f"…{escape(before)}<mark>{escape(text[start:end])}</mark>{escape(after)}…"


def finding_key(field: str, finding: Finding, text: str) -> str:
    fragment = text[finding.start : finding.end].strip().lower()
    return hashlib.sha256(f"{field}|{finding.label}|{fragment}".encode()).hexdigest()[:16]


# An exchange id is a number of the knowledge base's own ("T-0001", "KB-7F3A..."): its shape is no case
# number of a person. Names, BSN, phone numbers and the like in it are still found.
ID_FIELDS = frozenset({"external_id"})
SHAPE_LABELS = frozenset({"CASENR", "DATE", "POSTCODE", "PLATE"})


def scan_texts(texts: dict[str, str], *, memo: dict[str, list[Finding]] | None = None) -> list[FieldFinding]:
    """Findings per field. ``memo`` lets one bulk operation detect each distinct text once."""
    results = []
    for field, text in texts.items():
        if not text:
            continue
        if memo is None:
            found = detect(text)
        else:
            found = memo[text] if text in memo else memo.setdefault(text, detect(text))
        ignored = SHAPE_LABELS if field in ID_FIELDS else ()
        for finding in found:
            if finding.label not in ignored:
                results.append(FieldFinding(field, finding, finding_key(field, finding, text)))
    return results


def record_texts(data: dict) -> dict[str, str]:
    """The free-text fields of a casus-v1 record, keyed by their interchange path."""
    # The thema becomes a published Thema and the external_id the slug of an imported casus: both are scanned.
    texts = {
        "external_id": data.get("external_id", ""),
        "title": data.get("title", ""),
        "summary": data.get("summary", ""),
        "thema": data.get("thema", ""),
    }
    for name, value in (data.get("drietrapstoets") or {}).items():
        texts[f"drietrapstoets.{name}"] = value
    for name, value in (data.get("omgekeerde_toets") or {}).items():
        texts[f"omgekeerde_toets.{name}"] = value
    for index, tag in enumerate(data.get("tags") or [], start=1):
        texts[f"tags[{index}]"] = tag
    return texts


def pseudonymise_record(data: dict) -> tuple[dict, Counter]:
    """A copy of the record with every finding replaced by its placeholder, and counts per label.

    The external_id is left as it is: a placeholder is no valid id (the import refuses such a record)."""
    counts: Counter = Counter()
    result = {**data}

    def clean(text: str) -> str:
        outcome = pseudonymise(text)
        counts.update(f.label for f in outcome.findings)
        return outcome.text

    result["title"] = clean(data["title"])
    result["summary"] = clean(data["summary"])
    result["thema"] = clean(data["thema"])
    result["drietrapstoets"] = {k: clean(v) for k, v in data["drietrapstoets"].items()}
    if data.get("omgekeerde_toets"):
        result["omgekeerde_toets"] = {k: clean(v) for k, v in data["omgekeerde_toets"].items()}
    if data.get("tags"):
        result["tags"] = list(dict.fromkeys(clean(t) for t in data["tags"]))
    return result, counts


def page_texts(page) -> dict[str, str]:
    return {name: getattr(page, name, "") or "" for name in PAGE_TEXT_FIELDS}


def pseudonymise_text(text: str) -> tuple[str, Counter]:
    outcome = pseudonymise(text)
    return outcome.text, Counter(f.label for f in outcome.findings)
