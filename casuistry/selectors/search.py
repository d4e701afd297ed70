"""The one casus search: query + facet filters in, ranked casus with explanations out.

Every place that looks for casus (casus index, global search, similar casus, editor panel, besluit
voorbereiden, intervisie, API, evaluation) calls :func:`search_casus`. Do not write a second path.

Modes
- ``fts``: PostgreSQL ``dutch`` full-text search over a stored tsvector weighted A (title),
  B (situation, thema, tags), C (reasoning). Query words are OR-ed and ranked, so a long draft
  pasted as a query still finds the casus sharing most of its words; words found in most casus
  are left out (ts_rank has no IDF).
- ``semantic``: cosine similarity between the e5 query embedding (the query plus the glossary
  synonyms of concepts it mentions) and each casus' situation vector, through pgvector's HNSW index.
- ``hybrid`` (default): both candidate lists, fused by weighted reciprocal rank (weights tuned on
  tests/data, see docs/search.md). Facet filters apply to both sides.
If the embedding model is unavailable, or the stored vectors come from another model, semantic
and hybrid fall back to ``fts`` with a notice; nothing fails.
"""

from __future__ import annotations

import bisect
import html
import logging
import math
import os
import re
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Max, Min, Q, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.models import ModelLogEntry, PageLogEntry

from casuistry.choices import Bezwaar, CirkelFase, Regeling, Uitkomst, Verplichting
from casuistry.models import Aspect, CasusEmbedding, CasusPage, CasusTag
from casuistry.selectors.thesaurus import expansions

logger = logging.getLogger(__name__)

SEARCH_CONFIG = "dutch"
MAX_QUERY_TERMS = 80
PREFIX_MIN_LENGTH = 4
RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C, B, A
RANK_NORMALIZATION = 1  # divide by 1 + log(document length): long casus don't win by size alone
HIGHLIGHT_START, HIGHLIGHT_STOP = "\u27e6", "\u27e7"
NO_BEZWAAR = "geen"
SORTS = ("relevantie", "datum")
# Sort "datum": by period, newest created first within one; the index casus_newest_first serves it.
NEWEST_FIRST = (F("periode").desc(nulls_last=True), F("pk").desc())
MODES = ("fts", "semantic", "hybrid")

# Fusion, tuned on tests/data/search_eval_* (docs/search.md explains the choice).
CANDIDATES = 100  # per side
RRF_K = 20
WEIGHT_SEMANTIC = 1.0
WEIGHT_FTS = 0.6
MIN_SIMILARITY = 0.80  # below this a semantic-only candidate is not shown
HNSW_EF_SEARCH = 120
THESAURUS_TERMS = 6
COMMON_TERM_SHARE = 0.35  # query words in more than this share of casus are left out of FTS
MIN_KEPT_TERMS = 3
# ts_rank reads the tsvector of every casus it ranks, and an OR of ordinary words matches most of a
# large collection (40-95 % of 100k casus). So at scale FTS matches on the rarest query words only,
# about this many casus, and ranks them with the full query (docs/performance.md).
FTS_MATCH_BUDGET = 1000
FREQUENCY_CACHE_SECONDS = 300
IDENTITY_CACHE_SECONDS = 60
PG_STATS_FROM = 5000  # above this many casus, read lexeme frequencies from the planner's statistics
SCORE_BANDS = ((0.88, "sterk"), (0.84, "redelijk"), (0.0, "zwak"))

NOTICE_NO_WORDS = "Uw zoekvraag bevat geen woorden waarop gezocht kan worden."
NOTICE_MODEL_DOWN = "Zoeken op betekenis is nu niet beschikbaar; de resultaten zijn alleen op trefwoorden gevonden."
NOTICE_MODEL_CHANGED = (
    "Het zoekmodel is gewijzigd en de casus zijn nog niet opnieuw geïndexeerd "
    "(beheer: manage.py reindex_casus); de resultaten zijn alleen op trefwoorden gevonden."
)


@dataclass(frozen=True)
class Facet:
    param: str
    title: str
    field: str
    label_field: str | None = None
    choices: tuple[tuple[str, str], ...] = ()


FACETS: tuple[Facet, ...] = (
    Facet("thema", "Thema", "thema__slug", label_field="thema__name"),
    Facet("uitkomst", "Uitkomst", "uitkomst", choices=tuple(Uitkomst.choices)),
    Facet("fase", "Fase cirkel van naleving", "cirkel_fase", choices=tuple(CirkelFase.choices)),
    Facet("verplichting", "Verplichting", "verplichting", choices=tuple(Verplichting.choices)),
    Facet("regeling", "Regeling", "regeling", choices=tuple(Regeling.choices)),
    Facet("bezwaar", "Bezwaar", "bezwaar", choices=((NO_BEZWAAR, "Geen bezwaar"), *Bezwaar.choices)),
    Facet("tag", "Tags", "tags__slug", label_field="tags__name"),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetResult:
    param: str
    title: str
    values: list[FacetValue]

    @property
    def has_selection(self) -> bool:
        return any(v.selected for v in self.values)


@dataclass
class CasusHit:
    casus: CasusPage
    score: float
    snippet: str = ""  # safe HTML with <mark> around matching words
    matched_terms: list[str] = field(default_factory=list)
    similarity: float | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def similarity_band(self) -> str:
        if self.similarity is None:
            return ""
        return next(label for floor, label in SCORE_BANDS if self.similarity >= floor)


@dataclass
class SearchResult:
    query: str
    mode: str
    sort: str
    hits: list[CasusHit]
    total: int
    page: int
    per_page: int
    facets: list[FacetResult]
    filters: dict[str, list[str]]
    notice: str = ""
    expanded_with: list[str] = field(default_factory=list)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def clean_filters(raw: dict) -> dict[str, list[str]]:
    """Keep only known facet parameters with non-empty values (accepts a QueryDict or a dict)."""
    cleaned: dict[str, list[str]] = {}
    for param in FACETS_BY_PARAM:
        values = raw.getlist(param) if hasattr(raw, "getlist") else raw.get(param, [])
        if isinstance(values, str):
            values = [values]
        values = [v.strip() for v in values if v and v.strip()]
        if values:
            cleaned[param] = sorted(set(values))
    return cleaned


def query_terms(text: str) -> list[str]:
    """The distinct words of a query, lower-cased, in order, capped for very long drafts."""
    seen: dict[str, None] = {}
    for word in re.findall(r"\w+", text.lower()):
        word = word.strip("_")
        if len(word) >= 2 and word not in seen:
            seen[word] = None
    return list(seen)[:MAX_QUERY_TERMS]


def tsquery_text(text: str) -> str | None:
    """OR of all query words; longer words also match as prefix (Dutch compounds: huur → huurschuld)."""
    terms = query_terms(text)
    if not terms:
        return None
    return " | ".join(f"{t}:*" if _is_prefix(t) else t for t in terms)


@dataclass(frozen=True)
class Lexicon:
    """How many published casus contain each lexeme: exact, or from the planner's statistics."""

    total: int = 0
    frequencies: dict[str, int] = field(default_factory=dict)
    floor: int = 0  # planner statistics only list lexemes in at least this many casus; 0 = exact

    @cached_property
    def _sorted(self) -> tuple[list[str], list[int]]:
        words = sorted(self.frequencies)
        sums = [0]
        for word in words:
            sums.append(sums[-1] + self.frequencies[word])
        return words, sums

    def docs(self, stem: str, *, prefix: bool) -> int:
        """Estimated casus containing the stem; a prefix term adds up the lexemes it expands to."""
        unlisted = self.floor // 2
        if not prefix:
            return self.frequencies.get(stem, unlisted)
        words, sums = self._sorted
        listed = sums[bisect.bisect_left(words, stem + "\uffff")] - sums[bisect.bisect_left(words, stem)]
        return listed + (0 if stem in self.frequencies else unlisted)


@dataclass(frozen=True)
class Term:
    word: str
    stem: str  # "" for a stop word, which matches nothing
    docs: int


@dataclass(frozen=True)
class FtsPlan:
    """What FTS ranks (OR of the informative query words) and which casus it ranks.

    ``match`` is the same query in a small collection; at scale an OR of the rarest words, so
    that ts_rank reads at most about FTS_MATCH_BUDGET tsvectors. ``None`` when even the rarest
    word is that common: hybrid then ranks its semantic candidates only.
    """

    rank: SearchQuery
    match: SearchQuery | None


def _raw_query(raw: str) -> SearchQuery:
    return SearchQuery(raw, config=SEARCH_CONFIG, search_type="raw")


def build_tsquery(text: str) -> SearchQuery | None:
    plan = fts_plan(text)
    return plan.rank if plan else None


def fts_plan(text: str) -> FtsPlan | None:
    lexicon = casus_lexicon()
    terms = _informative(_analysed(query_terms(text), lexicon), lexicon)
    if not terms:
        return None
    rank = _raw_query(tsquery_text(" ".join(t.word for t in terms)))
    matching = sorted((t for t in terms if t.stem), key=lambda t: (t.docs, t.word))
    if lexicon.total <= FTS_MATCH_BUDGET or sum(t.docs for t in matching) <= FTS_MATCH_BUDGET:
        return FtsPlan(rank, rank)
    chosen, covered = [], 0
    for term in matching:
        if chosen and covered + term.docs > FTS_MATCH_BUDGET:
            break
        chosen.append(term.word)
        covered += term.docs
    if covered > FTS_MATCH_BUDGET:
        return FtsPlan(rank, None)
    return FtsPlan(rank, _raw_query(tsquery_text(" ".join(chosen))))


def _informative(terms: list[Term], lexicon: Lexicon) -> list[Term]:
    """Drop query words that occur in most casus (ts_rank has no IDF; under OR they drown the rest).

    Keeps at least MIN_KEPT_TERMS of the rarest words, so a query never empties.
    """
    if len(terms) <= MIN_KEPT_TERMS or not lexicon.total:
        return terms
    share = {t.word: lexicon.frequencies.get(t.stem, 0) / lexicon.total for t in terms}
    kept = [t for t in terms if share[t.word] <= COMMON_TERM_SHARE]
    if len(kept) < MIN_KEPT_TERMS:
        rarest = {t.word for t in sorted(terms, key=lambda t: share[t.word])[:MIN_KEPT_TERMS]}
        kept = [t for t in terms if t.word in rarest]
    return kept


def _analysed(words: list[str], lexicon: Lexicon) -> list[Term]:
    if not words:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t, (SELECT lexeme FROM unnest(to_tsvector(%s::regconfig, t)) LIMIT 1) FROM unnest(%s::text[]) AS t",
            [SEARCH_CONFIG, words],
        )
        stems = {word: stem or "" for word, stem in cursor.fetchall()}
    return [Term(w, stems.get(w, ""), lexicon.docs(stems.get(w, ""), prefix=_is_prefix(w))) for w in words]


def _is_prefix(word: str) -> bool:
    return len(word) >= PREFIX_MIN_LENGTH and not word.isdigit()


_lexicon_cache: dict[str, object] = {"at": -1e9, "value": Lexicon()}


def casus_lexicon() -> Lexicon:
    """Document frequencies of the published casus; cached for a few minutes.

    Small collections are counted exactly with ts_stat; large ones use the planner's statistics
    (pg_stats.most_common_elems; the column keeps up to 10,000 lexemes, migration 0007), which
    cost milliseconds instead of seconds at 100k casus.
    """
    now = time.monotonic()
    if now - _lexicon_cache["at"] > FREQUENCY_CACHE_SECONDS:
        live = (
            "SELECT c.search_vector FROM casuistry_casuspage c "
            "JOIN wagtailcore_page p ON p.id = c.page_ptr_id WHERE p.live"
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({live}) AS l")
            total = cursor.fetchone()[0]
            lexicon = _planner_lexicon(cursor, total) if total > PG_STATS_FROM else None
            if lexicon is None:
                cursor.execute(f"SELECT word, ndoc FROM ts_stat($${live}$$)")
                lexicon = Lexicon(total, dict(cursor.fetchall()))
        _lexicon_cache["value"] = lexicon
        _lexicon_cache["at"] = now
    return _lexicon_cache["value"]


def _planner_lexicon(cursor, total: int) -> Lexicon | None:
    cursor.execute(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
        "WHERE tablename = 'casuistry_casuspage' AND attname = 'search_vector'"
    )
    row = cursor.fetchone()
    if not row or not row[0]:
        return None  # no statistics yet (never analysed): count exactly
    lexemes, shares = row
    # After the per-lexeme shares come the lowest and highest share (PostgreSQL's layout).
    frequencies = {lexeme: round(share * total) for lexeme, share in zip(lexemes, shares, strict=False)}
    floor = round(shares[len(lexemes)] * total) if len(shares) > len(lexemes) else 0
    return Lexicon(total, frequencies, floor)


def search_casus(
    *,
    query: str = "",
    filters: dict | None = None,
    sort: str = "relevantie",
    mode: str = "hybrid",
    page: int = 1,
    per_page: int = 10,
    exclude_ids: tuple[int, ...] = (),
    like: CasusPage | None = None,
) -> SearchResult:
    """Search published casus. ``like`` finds casus similar to a given one (its stored vectors)."""
    with transaction.atomic():
        _tune_session()
        return _search(query, filters, sort, mode, page, per_page, exclude_ids, like)


def _tune_session() -> None:
    """Planner settings for this search's transaction only.

    Iterative HNSW scans keep going until enough rows pass the filter (pgvector >= 0.8). No
    parallel workers: a search's queries take milliseconds, and on a small server the cores are
    better spent on the query embedding that runs alongside (measured, docs/performance.md).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL hnsw.iterative_scan = relaxed_order; "
            f"SET LOCAL hnsw.ef_search = {int(HNSW_EF_SEARCH)}; "
            "SET LOCAL max_parallel_workers_per_gather = 0"
        )


def _search(query, filters, sort, mode, page, per_page, exclude_ids, like) -> SearchResult:
    query = (query or "").strip()
    filters = clean_filters(filters or {})
    sort = sort if sort in SORTS else "relevantie"
    mode = mode if mode in MODES else "hybrid"
    per_page = max(1, min(per_page, 100))
    page = max(1, page)
    base = CasusPage.objects.live().exclude(pk__in=exclude_ids)

    if like is not None:
        return _similar_to(like, base, filters, page, per_page)
    if not query:
        return _browse(base, filters, sort, mode, page, per_page, exclude_ids)
    if not _has_searchable_words(query):
        return _empty(query, mode, sort, page, per_page, filters, NOTICE_NO_WORDS)

    # Glossary synonyms help the embedding (paraphrase); under OR they only add noise to FTS.
    expanded = expansions(query)[:THESAURUS_TERMS]
    fts_text = query
    pending, notice = None, ""
    if mode in ("semantic", "hybrid"):
        pending, notice = _start_query_vector(f"{query} ({', '.join(expanded)})" if expanded else query)
    if pending is None:
        return _fts_search(base, query, fts_text, filters, sort, page, per_page, notice, expanded)

    # The keyword candidates need no vector: the database finds them while the query is embedded.
    allowed = _apply_filters(base, filters)
    plan = fts_plan(fts_text) if mode == "hybrid" else None
    keyword, keyword_unfiltered = _keyword_candidates(base, plan, filters)
    vector, notice = _vector_of(pending)
    if vector is None:
        return _fts_search(base, query, fts_text, filters, sort, page, per_page, notice, expanded)
    scores, similarity = _fused(allowed, vector, plan, keyword)
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))
    # Facet counts are over the result set without facet filters (disjunctive facets).
    unfiltered = set(_fused(base, vector, plan, keyword_unfiltered)[0]) if filters else set(ranked)
    return _page_of_ranked(
        ranked, scores, similarity, query, mode, sort, page, per_page, filters, base, unfiltered, notice, expanded
    )


def _has_searchable_words(query: str) -> bool:
    """False when the Dutch configuration drops every word (only stop words or punctuation)."""
    raw = tsquery_text(query)
    if not raw:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, raw])
        return cursor.fetchone()[0] > 0


_identity_cache: dict[str, object] = {"at": -1e9, "value": set()}


def stored_model_identities() -> set[str]:
    """The lowest and highest model identity of the stored vectors (one element: all the same); cached briefly.

    Two index lookups (casus_embedding_model), where DISTINCT would read every vector row.
    """
    now = time.monotonic()
    if now - _identity_cache["at"] > IDENTITY_CACHE_SECONDS:
        bounds = CasusEmbedding.objects.aggregate(low=Min("model_identity"), high=Max("model_identity"))
        _identity_cache["value"] = {value for value in bounds.values() if value is not None}
        _identity_cache["at"] = now
    return _identity_cache["value"]


def clear_caches() -> None:
    """After reindexing or in tests: forget cached statistics and model identities."""
    _identity_cache["at"] = -1e9
    _lexicon_cache["at"] = -1e9
    _browse_cache.clear()


_embedder: dict[str, object] = {"pid": None, "pool": None}
_embedder_lock = threading.Lock()


def _embedding_thread() -> ThreadPoolExecutor:
    """One worker thread per process (a forked worker gets its own: threads do not survive a fork)."""
    with _embedder_lock:
        if _embedder["pid"] != os.getpid():
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="query-embedding")
            _embedder.update(pid=os.getpid(), pool=pool)
        return _embedder["pool"]


def _start_query_vector(query: str) -> tuple[Future | None, str]:
    """Start embedding the query in a worker thread (the engine releases the GIL), or say why not."""
    from casuistry import embeddings

    stored = stored_model_identities()
    if not stored:
        return None, ""  # nothing indexed yet: keyword search is all there is
    try:
        identity = embeddings.model_identity()
    except embeddings.EmbeddingUnavailable:
        return None, _model_down()
    if stored != {identity}:
        logger.warning("Zoekmodel gewijzigd; vectoren van een ander model. Voer reindex_casus uit.")
        return None, NOTICE_MODEL_CHANGED
    return _embedding_thread().submit(embeddings.embed_query, query), ""


def _vector_of(pending: Future) -> tuple[list[float] | None, str]:
    from casuistry import embeddings

    try:
        return pending.result(), ""
    except embeddings.EmbeddingUnavailable:
        return None, _model_down()


def _model_down() -> str:
    logger.warning("Zoekmodel niet beschikbaar; terugval op zoeken op trefwoorden.")
    return NOTICE_MODEL_DOWN


def _semantic_candidates(vector, allowed: QuerySet, limit: int = CANDIDATES) -> dict[int, float]:
    """Cosine similarity to the situation vectors, best first. Filters apply inside the index scan."""
    # Without order_by() Wagtail's default ORDER BY path ends up inside IN (...), which stops
    # PostgreSQL from using the HNSW index (measured at 100k casus: 630 ms instead of 33 ms).
    allowed_sql, allowed_params = allowed.order_by().values("pk").query.sql_with_params()
    literal = _vector_literal(vector)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT casus_id, 1 - (embedding <=> %s::vector) FROM casuistry_casusembedding "
            f"WHERE aspect = %s AND casus_id IN ({allowed_sql}) "
            "ORDER BY embedding <=> %s::vector LIMIT %s",
            [literal, Aspect.SITUATIE, *allowed_params, literal, limit],
        )
        # relaxed_order can return rows slightly out of order; the ranking must not depend on it.
        return dict(sorted(cursor.fetchall(), key=lambda row: -row[1]))


def _vector_literal(vector) -> str:
    return "[" + ",".join(f"{float(x):.7g}" for x in vector) + "]"


def _fused(allowed: QuerySet, vector, plan: FtsPlan | None, keyword: list[int]) -> tuple[dict, dict[int, float]]:
    """Weighted reciprocal-rank fusion of the semantic and (hybrid) keyword candidates: (scores, similarity)."""
    scores: dict[int, float] = {}
    similarity = _semantic_candidates(vector, allowed)
    _add_rrf(scores, [pk for pk, sim in similarity.items() if sim >= MIN_SIMILARITY], WEIGHT_SEMANTIC)
    if plan is not None:
        if plan.match is None:  # every query word is too common to match on: rank the semantic candidates
            keyword = _fts_candidates(allowed, plan, also=tuple(similarity))
        _add_rrf(scores, keyword, WEIGHT_FTS)
    return scores, similarity


def _keyword_candidates(base, plan: FtsPlan | None, filters: dict) -> tuple[list[int], list[int]]:
    """The best FTS matches with and without the facet filters (the latter for the facet counts).

    One ranking of the matched casus, each row flagged with whether it passes the filters, when the
    filters are columns of the casus row; with a tag filter (a join) two ranked queries. An EXISTS
    per row instead of the flag was three times slower at 100k casus.
    """
    if plan is None or plan.match is None:
        return [], []  # no keyword side, or it is ranked among the semantic candidates later (_fused)
    if not filters:
        best = _fts_candidates(base, plan)
        return best, best
    if "tag" in filters:
        return _fts_candidates(_apply_filters(base, filters), plan), _fts_candidates(base, plan)
    passes = Q()
    for param, values in filters.items():
        passes &= _facet_q(FACETS_BY_PARAM[param], values)
    rows = (
        _rank(base.filter(search_vector=plan.match), plan.rank)
        .annotate(passes=ExpressionWrapper(passes, output_field=BooleanField()))
        .order_by("-score", "-pk")
        .values_list("pk", "passes")
    )
    flagged = list(rows[: 4 * FTS_MATCH_BUDGET])  # the plan keeps the match near the budget; this caps a misestimate
    return [pk for pk, ok in flagged if ok][:CANDIDATES], [pk for pk, _ in flagged[:CANDIDATES]]


def _fts_candidates(allowed: QuerySet, plan: FtsPlan, limit: int = CANDIDATES, also: tuple[int, ...] = ()) -> list[int]:
    """The best FTS matches by ts_rank. ``also``: casus (the semantic candidates) ranked whatever ``match`` says."""
    wanted = Q(search_vector=plan.match) if plan.match is not None else Q(pk__in=[])
    if also:
        wanted |= Q(pk__in=also, search_vector=plan.rank)
    return list(_rank(allowed.filter(wanted), plan.rank).order_by("-score", "-pk").values_list("pk", flat=True)[:limit])


def _add_rrf(scores: dict[int, float], ranked: list[int], weight: float) -> None:
    for rank, pk in enumerate(ranked, start=1):
        scores[pk] = scores.get(pk, 0.0) + weight / (RRF_K + rank)


def _page_of_ranked(
    ranked, scores, similarity, query, mode, sort, page, per_page, filters, base, pool, notice, expanded
) -> SearchResult:
    rows = _pool_rows(pool | set(ranked))  # the filtered results need not all be in the unfiltered pool
    hits = _page_hits(ranked, rows, scores, sort, page, per_page, query, filters, similarity)
    facets = _pool_facet_counts({pk: rows[pk] for pk in pool if pk in rows}, filters)
    return SearchResult(query, mode, sort, hits, len(ranked), page, per_page, facets, filters, notice, expanded)


def _fts_search(base, query, fts_text, filters, sort, page, per_page, notice, expanded) -> SearchResult:
    """Keyword-only search (mode fts, and the fallback). Results, total and facets all come from one
    pool, the best FTS_MATCH_BUDGET matches: the match is evaluated once, not once per count."""
    plan = fts_plan(fts_text)
    match = plan.match if plan.match is not None else plan.rank
    scores = dict(
        _rank(base.filter(search_vector=match), plan.rank)
        .order_by("-score", "-pk")
        .values_list("pk", "score")[:FTS_MATCH_BUDGET]
    )
    rows = _pool_rows(scores)
    chosen = [(FACETS_BY_PARAM[param], set(values)) for param, values in filters.items()]
    ranked = [pk for pk in scores if all(_row_in_facet(rows[pk], facet, values) for facet, values in chosen)]
    hits = _page_hits(ranked, rows, scores, sort, page, per_page, fts_text, filters, {})
    facets = _pool_facet_counts(rows, filters)
    return SearchResult(query, "fts", sort, hits, len(ranked), page, per_page, facets, filters, notice, expanded)


def _page_hits(ranked, rows, scores, sort, page, per_page, text, filters, similarity) -> list[CasusHit]:
    """One page of a ranked list (or of the same list by date), loaded and explained."""
    if sort == "datum":  # NEWEST_FIRST, in Python: the rows are at hand
        ranked = sorted(ranked, key=lambda pk: (rows[pk]["periode"] is not None, rows[pk]["periode"] or "", pk))
        ranked.reverse()
    offset = (page - 1) * per_page
    page_ids = ranked[offset : offset + per_page]
    pages = CasusPage.objects.defer("search_vector").select_related("thema").in_bulk(page_ids)
    casus = [pages[pk] for pk in page_ids if pk in pages]
    for row in casus:
        row.score = scores.get(row.pk, 0.0)
    return _explain(casus, text, filters, similarity)


def _browse(base, filters, sort, mode, page, per_page, exclude_ids) -> SearchResult:
    results = _apply_filters(base, filters)
    total, facets = _browse_counts(base, results, filters, exclude_ids)
    ordered = results.annotate(score=RawSQL("0.0", [])).order_by(*NEWEST_FIRST)
    offset = (page - 1) * per_page
    rows = list(ordered.defer("search_vector").select_related("thema")[offset : offset + per_page])
    hits = _explain(rows, "", filters, {})
    return SearchResult("", mode, "datum", hits, total, page, per_page, facets, filters)


_browse_cache: OrderedDict[tuple, tuple[tuple, int, list[FacetResult]]] = OrderedDict()
_browse_lock = threading.Lock()
BROWSE_CACHE_SIZE = 64


def _browse_counts(base, results, filters, exclude_ids) -> tuple[int, list[FacetResult]]:
    """Total and facet counts over all published casus: remembered until a page or snippet changes.

    They take seconds at 100k casus (a scan per facet) and change only when someone publishes,
    unpublishes or edits; Wagtail logs each of those, so the newest log entries tell.
    """
    key = (tuple((param, tuple(values)) for param, values in sorted(filters.items())), tuple(sorted(exclude_ids)))
    changed = (
        PageLogEntry.objects.aggregate(last=Max("pk"))["last"],
        ModelLogEntry.objects.aggregate(last=Max("pk"))["last"],
    )
    with _browse_lock:
        cached = _browse_cache.get(key)
        if cached is not None and cached[0] == changed:
            _browse_cache.move_to_end(key)
            return cached[1], cached[2]
    total, facets = results.count(), _facet_counts(base, filters)
    with _browse_lock:
        _browse_cache[key] = (changed, total, facets)
        while len(_browse_cache) > BROWSE_CACHE_SIZE:
            _browse_cache.popitem(last=False)
    return total, facets


def _empty(query, mode, sort, page, per_page, filters, notice) -> SearchResult:
    return SearchResult(query, mode, sort, [], 0, page, per_page, [], filters, notice)


def _similar_to(casus: CasusPage, base, filters, page, per_page) -> SearchResult:
    """Casus similar to this one, from its stored situation vector (no model needed)."""
    stored = CasusEmbedding.objects.filter(casus=casus, aspect=Aspect.SITUATIE).values_list("embedding", flat=True)
    vector = next(iter(stored), None)
    if vector is None:
        return _empty("", "semantic", "relevantie", page, per_page, filters, "")
    allowed = _apply_filters(base.exclude(pk=casus.pk), filters)
    similarity = _semantic_candidates(list(vector), allowed, limit=max(per_page * page, 10))
    ranked = list(similarity)
    offset = (page - 1) * per_page
    pages = CasusPage.objects.defer("search_vector").select_related("thema").in_bulk(ranked[offset : offset + per_page])
    rows = [pages[pk] for pk in ranked[offset : offset + per_page] if pk in pages]
    hits = []
    for row in rows:
        hit = CasusHit(row, similarity[row.pk], similarity=similarity[row.pk])
        hit.reasons = _similarity_reasons(hit) + _shared_with(row, casus)
        hits.append(hit)
    return SearchResult("", "semantic", "relevantie", hits, len(ranked), page, per_page, [], filters)


def _shared_with(row: CasusPage, casus: CasusPage) -> list[str]:
    shared = []
    if row.thema_id == casus.thema_id:
        shared.append(f"zelfde thema ({row.thema.name})")
    if row.uitkomst == casus.uitkomst:
        shared.append(f"zelfde uitkomst ({row.get_uitkomst_display().lower()})")
    return ["Gedeeld: " + ", ".join(shared)] if shared else []


def _similarity_reasons(hit: CasusHit) -> list[str]:
    if hit.similarity is None or hit.similarity < MIN_SIMILARITY:
        return []
    return [f"Inhoudelijk vergelijkbaar ({hit.similarity_band}, {hit.similarity:.2f})"]


def _facet_q(facet: Facet, values: list[str]) -> Q:
    if facet.param == "bezwaar" and NO_BEZWAAR in values:
        others = [v for v in values if v != NO_BEZWAAR]
        return Q(bezwaar="") | Q(bezwaar__in=others)
    return Q(**{f"{facet.field}__in": values})


def _apply_filters(qs: QuerySet, filters: dict[str, list[str]], *, skip: str | None = None) -> QuerySet:
    """Values within one facet combine with OR; different facets combine with AND."""
    for param, values in filters.items():
        if param != skip:
            qs = qs.filter(_facet_q(FACETS_BY_PARAM[param], values))
    return qs.distinct() if "tag" in filters and skip != "tag" else qs


def _rank(qs: QuerySet, tsquery: SearchQuery) -> QuerySet:
    return qs.annotate(
        score=SearchRank(F("search_vector"), tsquery, weights=RANK_WEIGHTS, normalization=RANK_NORMALIZATION)
    )


def _facet_counts(matching: QuerySet, filters: dict[str, list[str]]) -> list[FacetResult]:
    """Counts per facet value, under the query and every *other* facet's filter (disjunctive facets).

    For browsing all casus: one GROUP BY per facet in SQL. Result pools use _pool_facet_counts.
    """
    results = []
    for facet in FACETS:
        qs = _apply_filters(matching, filters, skip=facet.param)
        label_field = facet.label_field or facet.field
        # Only a tag join repeats a casus within a group; a plain COUNT(*) hashes instead of sorting.
        tag_join = "tag" in filters and facet.param != "tag"
        rows = qs.order_by().values(facet.field, label_field).annotate(n=Count("pk", distinct=tag_join))
        counts = {row[facet.field]: (row[label_field], row["n"]) for row in rows if row[facet.field] is not None}
        results += _facet_result(facet, counts, filters)
    return results


def _pool_rows(pool) -> dict[int, dict]:
    """Facet values and period of a bounded set of casus (a result pool), in two queries."""
    fields = [facet.field for facet in FACETS if facet.param != "tag"]
    found = CasusPage.objects.filter(pk__in=list(pool)).order_by().values("pk", "periode", "thema__name", *fields)
    rows = {row["pk"]: row for row in found}
    for row in rows.values():
        row["tags__slug"] = {}
    tags = CasusTag.objects.filter(content_object_id__in=list(rows))
    for pk, slug, name in tags.values_list("content_object_id", "tag__slug", "tag__name"):
        rows[pk]["tags__slug"][slug] = name
    return rows


def _pool_facet_counts(rows: dict[int, dict], filters: dict[str, list[str]]) -> list[FacetResult]:
    """The same counts as _facet_counts over a result pool's rows (_pool_rows), counted here."""
    results = []
    for facet in FACETS:
        others = [(FACETS_BY_PARAM[p], set(v)) for p, v in filters.items() if p != facet.param]
        counts: dict[str, tuple[str, int]] = {}
        for row in rows.values():
            if all(_row_in_facet(row, other, values) for other, values in others):
                for value, label in _row_facet_values(row, facet):
                    counts[value] = (label, counts.get(value, ("", 0))[1] + 1)
        results += _facet_result(facet, counts, filters)
    return results


def _row_facet_values(row: dict, facet: Facet) -> list[tuple[str, str]]:
    value = row[facet.field]
    if facet.param == "tag":
        return list(value.items())
    if facet.param == "thema":
        return [(value, row["thema__name"])] if value is not None else []
    return [(value, value)] if value is not None else []


def _row_in_facet(row: dict, facet: Facet, values: set[str]) -> bool:
    """Python twin of _facet_q for one row."""
    if facet.param == "tag":
        return not values.isdisjoint(row["tags__slug"])
    if facet.param == "bezwaar" and row["bezwaar"] == "":
        return NO_BEZWAAR in values
    return row[facet.field] in values


def _facet_result(facet: Facet, counts: dict[str, tuple[str, int]], filters: dict) -> list[FacetResult]:
    selected = set(filters.get(facet.param, []))
    if facet.param == "bezwaar" and "" in counts:
        counts[NO_BEZWAAR] = ("", counts.pop("")[1])
    values = _facet_values(facet, counts, selected)
    return [FacetResult(facet.param, facet.title, values)] if values else []


def _facet_values(facet: Facet, counts: dict, selected: set[str]) -> list[FacetValue]:
    if facet.choices:
        return [
            FacetValue(value, label, counts.get(value, (label, 0))[1], value in selected)
            for value, label in facet.choices
            if value in counts or value in selected
        ]
    values = [FacetValue(value, label, n, value in selected) for value, (label, n) in counts.items()]
    values += [FacetValue(v, v, 0, True) for v in selected if v not in counts]
    return sorted(values, key=lambda v: (-v.count, v.label.lower()))


def _explain(rows: list[CasusPage], fts_text: str, filters: dict, similarity: dict[int, float]) -> list[CasusHit]:
    raw = tsquery_text(fts_text) if fts_text else None
    snippets = _snippets([r.pk for r in rows], raw) if raw and rows else {}
    hits = []
    for casus in rows:
        snippet, terms = snippets.get(casus.pk, ("", []))
        hit = CasusHit(casus, float(getattr(casus, "score", 0.0) or 0.0), snippet, terms, similarity.get(casus.pk))
        if terms:
            hit.reasons.append("Woorden gevonden: " + ", ".join(terms[:8]))
        hit.reasons += _similarity_reasons(hit)
        if "thema" in filters:
            hit.reasons.append(f"Thema: {casus.thema.name}")
        if "uitkomst" in filters:
            hit.reasons.append(f"Uitkomst: {casus.get_uitkomst_display()}")
        hits.append(hit)
    return hits


def _snippets(ids: list[int], raw_tsquery: str) -> dict[int, tuple[str, list[str]]]:
    """ts_headline over the situation, falling back to the reasoning, for one page of results only."""
    options = (
        f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, MaxWords=40, MinWords=18, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    reasoning = (
        "concat_ws(' ', bewust_onbewust, context_perspectief, maatschappelijke_impact, "
        "grondwaarde, beoogd_effect, maatwerk_oplossing, leerpunt)"
    )
    sql = (
        "SELECT page_ptr_id, ts_headline(%s::regconfig, samenvatting, q, %s), "
        f"ts_headline(%s::regconfig, {reasoning}, q, %s) "
        "FROM casuistry_casuspage, to_tsquery(%s::regconfig, %s) AS q WHERE page_ptr_id = ANY(%s)"
    )
    params = [SEARCH_CONFIG, options, SEARCH_CONFIG, options, SEARCH_CONFIG, raw_tsquery, ids]
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
