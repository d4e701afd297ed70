"""Validation of casus interchange records (shared/schemas/casus-v2.schema.json; every v1 record is valid v2).

Error messages are Dutch, name the line and field, and never echo a submitted value: a record may
contain personal data that must not end up in a terminal, a log or a CI transcript.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator

TYPE_NAMES = {
    "string": "tekst",
    "integer": "een geheel getal",
    "object": "een object",
    "array": "een lijst",
    "null": "leeg (null)",
    "number": "een getal",
    "boolean": "waar/onwaar",
}
PATTERN_REASONS = {
    "external_id": "ongeldig kenmerk: alleen letters, cijfers en . _ : - (1 tot 64 tekens)",
    "periode": "ongeldige periode: gebruik JJJJ of JJJJ-Q1..Q4, nooit een exacte datum",
    "organisatie": "ongeldige organisatiecode: twee hoofdletters en dan 2 tot 10 cijfers of hoofdletters (GM0034)",
}


@dataclass(frozen=True)
class LineMessage:
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        if self.line == 0:  # about the whole import (an option), not a line of the file
            return f"{self.field}: {self.reason}"
        return f"regel {self.line}: {self.field}: {self.reason}"


@dataclass
class ParsedRecord:
    line: int
    data: dict


@lru_cache(maxsize=1)
def casus_schema() -> dict:
    path = Path(settings.CASUS_SCHEMA_FILE)
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(casus_schema())


def schema_keys() -> list[str]:
    return list(casus_schema()["properties"].keys())


def parse_lines(lines) -> tuple[list[ParsedRecord], list[LineMessage]]:
    """Parse and validate every line; return the valid records and every error found."""
    records: list[ParsedRecord] = []
    errors: list[LineMessage] = []
    first_line_of: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(LineMessage(number, "(regel)", f"geen geldige JSON (kolom {exc.colno}: {_json_reason(exc)})"))
            continue
        line_errors = validate_record(data, number)
        if not line_errors:
            external_id = data["external_id"]
            if external_id in first_line_of:
                line_errors.append(
                    LineMessage(number, "external_id", f"komt al voor op regel {first_line_of[external_id]}")
                )
            else:
                first_line_of[external_id] = number
        if line_errors:
            errors.extend(line_errors)
        else:
            records.append(ParsedRecord(number, data))
    return records, errors


def _json_reason(exc: json.JSONDecodeError) -> str:
    reasons = {
        "Expecting value": "waarde verwacht",
        "Expecting property name enclosed in double quotes": "veldnaam tussen aanhalingstekens verwacht",
        "Unterminated string starting at": "tekst niet afgesloten",
        "Expecting ',' delimiter": "komma verwacht",
        "Expecting ':' delimiter": "dubbele punt verwacht",
        "Extra data": "extra tekens na het object",
        "Invalid control character at": "ongeldig stuurteken",
    }
    return reasons.get(exc.msg, "ongeldige opbouw")


def validate_record(data, line: int) -> list[LineMessage]:
    return validate_with(_validator(), data, line)


def validate_with(validator: Draft202012Validator, data, line: int) -> list[LineMessage]:
    """Validate one JSON value against a schema; Dutch messages naming line and field, no values."""
    if not isinstance(data, dict):
        return [LineMessage(line, "(regel)", "moet één JSON-object zijn")]
    messages: list[LineMessage] = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        messages.extend(_translate(error, line))
    # One message per field and reason is enough, in a stable order.
    return sorted(set(messages), key=lambda m: (m.field, m.reason))


def _field_name(path) -> str:
    parts = []
    for part in path:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part + 1}]" if parts else f"[{part + 1}]"
        else:
            parts.append(str(part))
    return ".".join(parts) or "(regel)"


def _translate(error, line: int) -> list[LineMessage]:
    path = list(error.absolute_path)
    field = _field_name(path)
    kind = error.validator
    if kind == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        return [
            LineMessage(line, _field_name([*path, name]), "verplicht veld ontbreekt")
            for name in error.validator_value
            if name not in present
        ]
    if kind == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        return [
            LineMessage(line, _field_name([*path, _safe_key(name)]), "onbekend veld (niet toegestaan in casus-v2)")
            for name in error.instance
            if name not in allowed
        ]
    if kind == "oneOf" and path and path[-1] == "omgekeerde_toets":
        return _omgekeerde_toets_errors(error, line, path)
    return [LineMessage(line, field, _reason(error, path))]


def _omgekeerde_toets_errors(error, line: int, path) -> list[LineMessage]:
    if not isinstance(error.instance, dict):
        return [LineMessage(line, _field_name(path), "moet een object of null zijn")]
    object_schema = next(s for s in error.schema["oneOf"] if s.get("type") == "object")
    messages = []
    for sub in Draft202012Validator(object_schema).iter_errors(error.instance):
        sub.path.extendleft(reversed(path))
        messages.extend(_translate(sub, line))
    return messages or [LineMessage(line, _field_name(path), "ongeldige omgekeerde toets")]


def _reason(error, path) -> str:
    kind, expected = error.validator, error.validator_value
    if kind == "enum":
        options = ", ".join("null" if v is None else str(v) for v in expected)
        return f"ongeldige waarde; toegestaan: {options}"
    if kind == "type":
        names = [expected] if isinstance(expected, str) else expected
        return "verkeerd type; verwacht " + " of ".join(TYPE_NAMES.get(n, n) for n in names)
    if kind == "minLength":
        return "mag niet leeg zijn" if expected == 1 else f"te kort; minimaal {expected} tekens"
    if kind == "maxLength":
        return f"te lang; maximaal {expected} tekens"
    if kind == "pattern":
        return PATTERN_REASONS.get(str(path[-1]) if path else "", "ongeldig formaat")
    if kind == "minimum":
        return f"moet minimaal {expected} zijn"
    if kind == "maximum":
        return f"mag maximaal {expected} zijn"
    if kind == "maxItems":
        return f"maximaal {expected} items"
    if kind == "uniqueItems":
        return "bevat dubbele waarden"
    if kind == "minProperties":
        return "mag niet leeg zijn"
    if kind == "minimum" and expected == 1:
        return "moet minimaal 1 zijn"
    return "ongeldige waarde"


def _safe_key(name: str) -> str:
    text = str(name)
    return text if len(text) <= 40 else text[:37] + "..."


def domain_warnings(data: dict, line: int) -> list[LineMessage]:
    """Plausibility notes that never block: real casus contain legitimate exceptions."""
    warnings = []
    uitkomst = data.get("uitkomst")
    if uitkomst in ("boete", "terugvordering en boete") and data.get("verplichting") != "inlichtingenplicht":
        warnings.append(LineMessage(line, "uitkomst", "een boete hoort meestal bij de inlichtingenplicht"))
    if uitkomst == "maatregel" and data.get("verplichting") == "inlichtingenplicht":
        warnings.append(LineMessage(line, "uitkomst", "een maatregel hoort meestal niet bij de inlichtingenplicht"))
    if uitkomst == "maatwerk via omgekeerde toets" and not data.get("omgekeerde_toets"):
        warnings.append(LineMessage(line, "omgekeerde_toets", "maatwerk zonder uitgewerkte omgekeerde toets"))
    return warnings
