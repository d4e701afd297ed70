"""Writes for casus interchange: import (all-or-nothing, upsert by external_id) and export."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from taggit.models import Tag

from casuistry.choices import Deelniveau
from casuistry.models import CasusIndexPage, CasusPage, CasusTag, Thema
from casuistry.permissions import BEZWAAR_PERMISSION
from casuistry.services.anonymisation.gate import pseudonymise_record, record_texts, scan_texts
from casuistry.services.interchange import (
    LineMessage,
    ParsedRecord,
    domain_warnings,
    parse_lines,
    schema_keys,
)
from casuistry.services.ownership import UnknownOrganisation, default_organisation, owners
from casuistry.signals import deferred_indexing

OMGEKEERDE_TOETS_FIELDS = ("grondwaarde", "beoogd_effect", "maatwerk_oplossing", "juridische_inpassing")
DRIETRAPSTOETS_FIELDS = ("bewust_onbewust", "context_perspectief", "maatschappelijke_impact")
# Interchange key -> model field, for the plain one-to-one fields.
PLAIN_FIELDS = {
    "title": "title",
    "summary": "samenvatting",
    "regeling": "regeling",
    "verplichting": "verplichting",
    "cirkel_fase": "cirkel_fase",
    "uitkomst": "uitkomst",
}
NULLABLE_TEXT_FIELDS = {"signaalbron": "signaalbron", "bezwaar": "bezwaar"}


class ImportRejected(Exception):
    """The file has invalid lines; nothing was imported."""

    def __init__(self, errors: list[LineMessage]):
        self.errors = errors
        super().__init__(f"{len(errors)} fout(en) gevonden")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[LineMessage] = field(default_factory=list)
    pseudonymised: dict[int, Counter] = field(default_factory=dict)  # line -> replacements per label

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def import_casus(
    *,
    lines: Iterable[str],
    user=None,
    progress: Callable[[Iterable], Iterable] | None = None,
    pseudonymise: bool = False,
    organisation: str | None = None,
) -> ImportReport:
    """Validate every line first (schema, owner and anonymisation gate); import only when all are valid.

    With ``pseudonymise`` findings are replaced by placeholders instead of rejecting the file.
    ``organisation`` (a code) owns the records without ``organisatie``; without it the user's own.
    """
    try:
        default_owner = default_organisation(organisation, user)
    except UnknownOrganisation as exc:
        raise ImportRejected([LineMessage(0, "organisatie", str(exc))]) from None
    records, errors = parse_lines(lines)
    report = ImportReport()
    memo: dict = {}  # one bulk import detects each distinct text once; dropped when the import ends
    unchanged = _unchanged_ids(records, default_owner)
    records = [
        record
        if record.data["external_id"] in unchanged
        else _gate(record, report, errors, pseudonymise=pseudonymise, memo=memo)
        for record in records
    ]
    errors.extend(_bezwaar_not_allowed(records, user))
    owner_of, owner_errors = owners(records, default_owner, user)
    errors.extend(owner_errors)
    if errors:
        raise ImportRejected(sorted(errors, key=lambda e: e.line))
    for record in records:
        report.warnings.extend(domain_warnings(record.data, record.line))
    index = CasusIndexPage.objects.first()
    if index is None:
        raise RuntimeError("Er is geen casusoverzicht (CasusIndexPage); voer eerst de migraties uit.")
    iterator = progress(records) if progress else records
    with transaction.atomic(), deferred_indexing():
        for record in iterator:
            outcome = _upsert(index, record, user=user, owner=owner_of[record.line])
            setattr(report, outcome, getattr(report, outcome) + 1)
    return report


def _bezwaar_not_allowed(records: list[ParsedRecord], user) -> list[LineMessage]:
    """Only Jurist and Beheerder set a casus' bezwaar outcome; an import from the command line (no user)
    is the operator's. A record that leaves the stored value as it is passes."""
    if user is None or user.has_perm(BEZWAAR_PERMISSION):
        return []
    stored = dict(
        CasusPage.objects.filter(external_id__in=[r.data["external_id"] for r in records]).values_list(
            "external_id", "bezwaar"
        )
    )
    return [
        LineMessage(record.line, "bezwaar", "alleen juristen en beheerders leggen de uitkomst van bezwaar vast")
        for record in records
        if (record.data.get("bezwaar") or "") != (stored.get(record.data["external_id"]) or "")
    ]


def _unchanged_ids(records: list[ParsedRecord], default_owner) -> set[str]:
    """Records identical to a published casus passed the gate when they were stored."""
    wanted = {r.data["external_id"]: as_stored(r.data, default_owner) for r in records}
    existing = CasusPage.objects.live().filter(external_id__in=wanted).select_related("thema")
    return {
        c.external_id
        for c in existing.prefetch_related("tagged_items__tag")
        if casus_to_record(c) == wanted[c.external_id]
    }


def _gate(record: ParsedRecord, report: ImportReport, errors: list[LineMessage], *, pseudonymise: bool, memo: dict):
    findings = scan_texts(record_texts(record.data), memo=memo)
    if not findings:
        return record
    if pseudonymise:
        if any(f.field == "external_id" and f.blocking for f in findings):
            errors.append(LineMessage(record.line, "external_id", "mogelijke persoonsgegevens; kies een ander kenmerk"))
            return record
        data, counts = pseudonymise_record(record.data)
        report.pseudonymised[record.line] = counts
        return ParsedRecord(record.line, data)
    seen = set()
    for found in findings:
        if (found.field, found.label) in seen:
            continue
        seen.add((found.field, found.label))
        target = errors if found.blocking else report.warnings
        target.append(LineMessage(record.line, found.field, found.message()))
    return record


def _upsert(index: CasusIndexPage, record: ParsedRecord, *, user, owner) -> str:
    data = record.data
    existing = CasusPage.objects.filter(external_id=data["external_id"]).first()
    if existing is not None and existing.live and casus_to_record(existing) == as_stored(data, owner):
        return "unchanged"
    page = existing.get_latest_revision_as_object() if existing else CasusPage()
    _apply_record(page, data)
    page.organisation = owner
    if existing is None:
        page.slug = _free_slug(index, data["external_id"])
        index.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return "updated" if existing else "created"


def as_stored(data: dict, owner) -> dict:
    """The record as its export will read once stored: a record without an owner gets the default."""
    if owner is None or data.get("organisatie"):
        return data
    return {**data, "organisatie": owner.code}


def _apply_record(page: CasusPage, data: dict) -> None:
    for key, name in PLAIN_FIELDS.items():
        setattr(page, name, data[key])
    for key, name in NULLABLE_TEXT_FIELDS.items():
        setattr(page, name, data.get(key) or "")
    page.external_id = data["external_id"]
    page.thema = _thema(data["thema"])
    for name in DRIETRAPSTOETS_FIELDS:
        setattr(page, name, data["drietrapstoets"][name])
    toets = data.get("omgekeerde_toets") or {}
    for name in OMGEKEERDE_TOETS_FIELDS:
        setattr(page, name, toets.get(name, ""))
    page.bedrag_eur = data.get("bedrag_eur")
    page.periode = data.get("periode", "")
    page.deelniveau = data.get("deelniveau", Deelniveau.ORGANISATIE)
    page.regime = None  # taken again from the (possibly new) period when the page is saved
    page.interchange_keys = _key_paths(data)
    wanted = list(data.get("tags", []))
    if _ordered_tags(page) != wanted:
        # Fresh through-rows keep the file's order of tags, which export reproduces.
        page.tagged_items = [CasusTag(tag=_tag(name)) for name in wanted]


def _thema(name: str) -> Thema:
    thema = Thema.objects.filter(name=name).first()
    return thema or Thema.objects.create(name=name)


def _tag(name: str) -> Tag:
    tag = Tag.objects.filter(name=name).first()
    return tag or Tag.objects.create(name=name)


def _key_paths(data: dict) -> list[str]:
    keys = list(data.keys())
    toets = data.get("omgekeerde_toets")
    if isinstance(toets, dict) and "juridische_inpassing" in toets:
        keys.append("omgekeerde_toets.juridische_inpassing")
    return keys


def _free_slug(index: CasusIndexPage, external_id: str) -> str:
    base = slugify(external_id) or "casus"
    slug, n = base, 2
    while CasusPage.objects.filter(slug=slug).exists() or index.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _ordered_tags(page: CasusPage) -> list[str]:
    if page.pk is None:
        return []
    return [item.tag.name for item in sorted(page.tagged_items.all(), key=lambda i: (i.pk is None, i.pk or 0))]


def casus_to_record(page: CasusPage) -> dict:
    """The interchange record of a casus, with the keys an imported record carried, in its order."""
    values = {
        "external_id": page.external_id,
        "title": page.title,
        "summary": page.samenvatting,
        "regeling": page.regeling,
        "verplichting": page.verplichting,
        "thema": page.thema.name,
        "cirkel_fase": page.cirkel_fase,
        "signaalbron": page.signaalbron or None,
        "drietrapstoets": {name: getattr(page, name) for name in DRIETRAPSTOETS_FIELDS},
        "omgekeerde_toets": _omgekeerde_toets(page),
        "uitkomst": page.uitkomst,
        "bedrag_eur": page.bedrag_eur,
        "bezwaar": page.bezwaar or None,
        "periode": page.periode or None,
        "tags": _ordered_tags(page),
        "organisatie": page.organisation.code if page.organisation_id else None,
        "deelniveau": page.deelniveau,
    }
    known = page.interchange_keys or []
    order = [k for k in known if k in values] + [k for k in schema_keys() if k not in known]
    record = {}
    for key in order:
        value = values[key]
        if key in known or _has_value(key, value, bool(known)):
            record[key] = value
    for key in ("periode", "organisatie"):
        if key in record and record[key] is None:
            del record[key]  # the schema has no empty periode or organisatie
    return record


def _has_value(key: str, value, imported: bool) -> bool:
    if key in ("periode", "organisatie"):
        return value is not None
    if key == "deelniveau":  # a v1 record stays v1 on the way back unless its level changed
        return not imported or value != Deelniveau.ORGANISATIE
    if imported:
        return value not in (None, [], "")
    return True  # a casus made in the admin exports every key


def _omgekeerde_toets(page: CasusPage) -> dict | None:
    if not page.has_omgekeerde_toets:
        return None
    toets = {name: getattr(page, name) for name in OMGEKEERDE_TOETS_FIELDS[:3]}
    if page.juridische_inpassing or "omgekeerde_toets.juridische_inpassing" in (page.interchange_keys or []):
        toets["juridische_inpassing"] = page.juridische_inpassing
    return toets


def export_casus(*, stream, queryset=None) -> int:
    """Write every published casus as one JSON line, in the order they were added."""
    pages = queryset if queryset is not None else CasusPage.objects.live()
    count = 0
    for page in pages.select_related("thema", "organisation").prefetch_related("tagged_items__tag").order_by("path"):
        stream.write(json.dumps(casus_to_record(page), ensure_ascii=False) + "\n")
        count += 1
    return count
