"""Demo kennisartikelen from `demo_data/kennisartikelen.json`. Idempotent (by slug)."""

from __future__ import annotations

import json
from pathlib import Path

from articles.models import KennisartikelPage, KennisIndexPage

DEMO_ARTICLES = Path(__file__).resolve().parent / "demo_data" / "kennisartikelen.json"


def load_articles() -> int:
    index = KennisIndexPage.objects.get()
    items = json.loads(DEMO_ARTICLES.read_text(encoding="utf-8"))
    for item in items:
        body = [_block(b) for b in item["body"]]
        page = KennisartikelPage.objects.child_of(index).filter(slug=item["slug"]).first()
        if page is None:
            page = KennisartikelPage(slug=item["slug"], title=item["title"], intro=item["intro"], body=body)
            index.add_child(instance=page)
        else:
            page = page.get_latest_revision_as_object()
            page.title, page.intro, page.body = item["title"], item["intro"], body
        page.save_revision().publish()
    return len(items)


def article_themes() -> dict[str, list[str]]:
    """Slug → the thema names (``themas`` in the data file) each demo article belongs to."""
    items = json.loads(DEMO_ARTICLES.read_text(encoding="utf-8"))
    return {item["slug"]: item.get("themas", []) for item in items}


def _block(block: dict) -> tuple[str, object]:
    kind, value = block["type"], block["value"]
    if kind == "paragraph":
        return ("paragraph", f"<p>{value}</p>")
    return (kind, value)
