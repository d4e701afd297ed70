"""Query expansion from the glossary: a Begrip's term and synonyms are one concept.

"wietplantage" in a query also searches "hennepteelt", "hennepkwekerij" and the other synonyms
that redacteuren curate in the Begrippen snippet. Cached per process; a Begrip save clears it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from glossary.models import Begrip


@lru_cache(maxsize=1)
def _concepts() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    concepts = []
    for term, synonyms in Begrip.objects.values_list("term", "synonyms"):
        phrases = tuple(dict.fromkeys(p.strip().lower() for p in [term, *synonyms] if p and p.strip()))
        if not phrases:
            continue
        alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        concepts.append((re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), phrases))
    return tuple(concepts)


def expansions(query: str) -> list[str]:
    """Phrases of every concept the query mentions, minus what the query already says."""
    text = query.lower()
    found: dict[str, None] = {}
    for pattern, phrases in _concepts():
        if pattern.search(text):
            for phrase in phrases:
                if phrase not in text:
                    found[phrase] = None
    return list(found)


@receiver(post_save, sender=Begrip)
@receiver(post_delete, sender=Begrip)
def _clear(**kwargs):
    _concepts.cache_clear()
