"""The one casus search: a request in, ranked casus with explanations and facet counts out.

Every place that looks for casus (casus index, global search, similar casus, editor panel, besluit
voorbereiden, intervisie, API, evaluation) calls :func:`search_casus`. Do not write a second path.

Modes
- ``fts``: PostgreSQL ``dutch`` full-text search over a stored tsvector weighted A (title),
  B (situation, thema, tags), C (reasoning); query words OR-ed, common words left out (terms.py).
- ``semantic``: cosine similarity between the e5 query embedding (the query plus the glossary
  synonyms of concepts it mentions) and each casus' situation vector (semantic.py).
- ``hybrid`` (default): both candidate lists, fused by weighted reciprocal rank (fusion.py).
Facet filters apply to both sides (facets.py). If the embedding model is unavailable, or the stored
vectors come from another model, semantic and hybrid fall back to ``fts`` with a notice.

The modules, in the order a search passes them: request → terms → keyword / semantic → fusion
→ facets → explain → results; browse and similar are the two searches without query text.
"""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction

from casuistry.neutral import neutral_text
from casuistry.selectors.visibility import visible_casus

from . import browse, semantic, terms
from .facets import FACETS, FACETS_BY_PARAM
from .ranked import ranked_search
from .request import MODES, SORTS, SearchRequest, clean_filters, request_from_params
from .results import CasusHit, FacetResult, FacetValue, SearchResult, empty_result
from .similar import similar_to

NOTICE_NO_WORDS = "Uw zoekvraag bevat geen woorden waarop gezocht kan worden."

__all__ = [
    "FACETS",
    "FACETS_BY_PARAM",
    "MODES",
    "SORTS",
    "CasusHit",
    "FacetResult",
    "FacetValue",
    "SearchRequest",
    "SearchResult",
    "clean_filters",
    "request_from_params",
    "clear_caches",
    "search_casus",
]


def search_casus(request: SearchRequest | None = None, /, **params) -> SearchResult:
    """Search published casus: pass a :class:`SearchRequest`, or its fields as keywords
    (query, filters, sort, mode, page, per_page, exclude_ids, like, viewer).

    ``viewer`` (a user or a Viewer) limits the search to the casus that reader may see; leaving it
    out searches every casus, which only background work and evaluation may do."""
    req = request if request is not None else SearchRequest.of(**params)
    with transaction.atomic():
        semantic.tune_session()
        return _search(req)


def _search(req: SearchRequest) -> SearchResult:
    base = visible_casus(req.viewer).exclude(pk__in=req.exclude_ids)
    if req.like is not None:
        return similar_to(base, req)
    if not req.query:
        return browse.browse(base, req)
    # Search computes on the query without words about who a person is; the user sees their own words.
    neutral = neutral_text(req.query)
    searched = replace(req, query=neutral.text)
    if not searched.query or not terms.has_searchable_words(searched.query):
        result = empty_result(req, NOTICE_NO_WORDS)
    else:
        result = ranked_search(base, searched)
    result.query, result.left_out = req.query, tuple(dict.fromkeys(neutral.removed))
    return result


def clear_caches() -> None:
    """After reindexing or in tests: forget remembered statistics, model identities and counts."""
    terms.forget_lexicon()
    semantic.forget_model_identities()
    browse.forget_counts()
