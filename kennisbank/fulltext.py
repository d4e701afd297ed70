"""Dutch full-text query helpers shared by casus search and the glossary. Imports no app.

Query words are OR-ed, so a long draft pasted as a query still finds what shares most of its
words; longer words also match as prefix (Dutch compounds: huur → huurschuld).
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery

SEARCH_CONFIG = "dutch"
MAX_QUERY_TERMS = 80
PREFIX_MIN_LENGTH = 4


def query_terms(text: str) -> list[str]:
    """The distinct words of a query, lower-cased, in order, capped for very long drafts."""
    seen: dict[str, None] = {}
    for word in re.findall(r"\w+", text.lower()):
        word = word.strip("_")
        if len(word) >= 2 and word not in seen:
            seen[word] = None
    return list(seen)[:MAX_QUERY_TERMS]


def is_prefix(word: str) -> bool:
    return len(word) >= PREFIX_MIN_LENGTH and not word.isdigit()


def tsquery_text(text: str) -> str | None:
    """OR of all query words; longer words also match as prefix."""
    terms = query_terms(text)
    if not terms:
        return None
    return " | ".join(f"{t}:*" if is_prefix(t) else t for t in terms)


def raw_query(raw: str) -> SearchQuery:
    return SearchQuery(raw, config=SEARCH_CONFIG, search_type="raw")
