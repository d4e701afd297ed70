"""Which text fields of which model pass the anonymisation gate: one registry, on the models themselves.

Every model whose text reaches a page, a URL, a facet, a CSV or the API declares ``gated_fields``
(scanned on every write: admin forms, services, import, API) and, for a text field that is not free
text, ``ungated_fields`` with the reason. ``tests/casuistry/test_gated_fields.py`` walks every text field
of every model of the project and fails on one that is neither.
"""

from __future__ import annotations

import re
from html import unescape

from django.db import models
from wagtail.fields import StreamField

# Page fields every Wagtail page has in its forms (title in the content tab, the others under Promote).
PAGE_GATED_FIELDS = ("title", "seo_title", "search_description")
PAGE_UNGATED_FIELDS = {
    "slug": "derived from the (gated) title; the casus editor also scans it",
    "draft_title": "a copy of the title, written by Wagtail",
    "url_path": "derived from the slugs",
    "path": "the page tree's own index",
}
TEXT_FIELD_TYPES = (models.CharField, models.TextField)
TAGS = re.compile(r"<[^>]+>")


def text_field_names(model) -> list[str]:
    """The model's own editable text fields that hold free text (no choices)."""
    names = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or getattr(field, "auto_created", False):
            continue
        if isinstance(field, StreamField) or _is_text(field):
            names.append(field.name)
    return names


def _is_text(field) -> bool:
    base = getattr(field, "base_field", None)  # an ArrayField of text (glossary synonyms)
    target = base or field
    return isinstance(target, TEXT_FIELD_TYPES) and not target.choices


def gated_fields(model) -> tuple[str, ...]:
    return tuple(getattr(model, "gated_fields", ()))


def ungated_fields(model) -> dict[str, str]:
    return dict(getattr(model, "ungated_fields", {}))


def field_text(value) -> str:
    """The plain text of a field value: a string, rich text (tags removed), a list, or a StreamField."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unescape(TAGS.sub(" ", value)) if "<" in value else value
    if isinstance(value, list | tuple):
        return "\n".join(field_text(v) for v in value)
    raw = getattr(value, "raw_data", None)  # StreamValue
    if raw is not None:
        return "\n".join(_strings(list(raw)))
    return str(value)


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [field_text(data)]
    if isinstance(data, dict):
        return [s for key, v in data.items() if key not in ("id", "type") for s in _strings(v)]
    if isinstance(data, list | tuple):
        return [s for v in data for s in _strings(v)]
    return []
