"""Why a casus was found: highlighted words (ts_headline), similarity band, what it shares."""

from __future__ import annotations

import html
import re

from django.db import connection

from casuistry.selectors.regimes import current_regime, regime_notice
from casuistry.text_fields import REASONING_FIELDS
from kennisbank.fulltext import SEARCH_CONFIG, tsquery_text

from .results import CasusHit
from .semantic import MIN_SIMILARITY

HIGHLIGHT_START, HIGHLIGHT_STOP = "\u27e6", "\u27e7"
HEADLINE_OPTIONS = (
    f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords=40, MinWords=18, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def explain(rows: list, fts_text: str, filters: dict, similarity: dict[int, float]) -> list[CasusHit]:
    raw = tsquery_text(fts_text) if fts_text else None
    found = snippets([r.pk for r in rows], raw) if raw and rows else {}
    current = current_regime()
    hits = []
    for casus in rows:
        snippet, terms = found.get(casus.pk, ("", []))
        hit = CasusHit(casus, float(getattr(casus, "score", 0.0) or 0.0), snippet, terms, similarity.get(casus.pk))
        if terms:
            hit.reasons.append("Woorden gevonden: " + ", ".join(terms[:8]))
        hit.reasons += similarity_reasons(hit)
        if "thema" in filters:
            hit.reasons.append(f"Thema: {casus.thema.name}")
        if "uitkomst" in filters:
            hit.reasons.append(f"Uitkomst: {casus.get_uitkomst_display()}")
        mark_older_regime(hit, current)
        hits.append(hit)
    return hits


def mark_older_regime(hit: CasusHit, current) -> None:
    """A precedent from an earlier legal regime still teaches, but the reader must know."""
    hit.regime_notice = regime_notice(hit.casus, current)
    if hit.regime_notice:
        hit.reasons.append(f"Let op: beoordeeld onder {hit.regime_notice.regime.name}")


def similarity_reasons(hit: CasusHit) -> list[str]:
    if hit.similarity is None or hit.similarity < MIN_SIMILARITY:
        return []
    return [f"Inhoudelijk vergelijkbaar ({hit.similarity_band}, {hit.similarity:.2f})"]


def shared_with(row, casus) -> list[str]:
    shared = []
    if row.thema_id == casus.thema_id:
        shared.append(f"zelfde thema ({row.thema.name})")
    if row.uitkomst == casus.uitkomst:
        shared.append(f"zelfde uitkomst ({row.get_uitkomst_display().lower()})")
    return ["Gedeeld: " + ", ".join(shared)] if shared else []


def snippets(ids: list[int], raw_tsquery: str) -> dict[int, tuple[str, list[str]]]:
    """ts_headline over the situation, falling back to the reasoning, for one page of results only."""
    reasoning = "concat_ws(' ', " + ", ".join(REASONING_FIELDS) + ")"
    sql = (
        "SELECT page_ptr_id, ts_headline(%s::regconfig, samenvatting, q, %s), "
        f"ts_headline(%s::regconfig, {reasoning}, q, %s) "
        "FROM casuistry_casuspage, to_tsquery(%s::regconfig, %s) AS q WHERE page_ptr_id = ANY(%s)"
    )
    params = [SEARCH_CONFIG, HEADLINE_OPTIONS, SEARCH_CONFIG, HEADLINE_OPTIONS, SEARCH_CONFIG, raw_tsquery, ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    result = {}
    for pk, summary_hl, reasoning_hl in rows:
        chosen = summary_hl if HIGHLIGHT_START in summary_hl else reasoning_hl
        if HIGHLIGHT_START not in chosen:
            chosen = summary_hl
        terms = _marked_terms(summary_hl) + _marked_terms(reasoning_hl)
        result[pk] = (_to_html(chosen), list(dict.fromkeys(terms)))
    return result


def _marked_terms(text: str) -> list[str]:
    return [m.lower() for m in re.findall(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_STOP}", text)]


def _to_html(text: str) -> str:
    escaped = html.escape(text)
    return escaped.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>")
