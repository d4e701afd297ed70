"""Which query words full-text search matches and ranks on, from how many casus contain each word.

ts_rank has no IDF, so under OR common words drown the rest: words in most casus are left out.
At scale, ts_rank must read the tsvector of every casus it ranks and an OR of ordinary words
matches most of a large collection, so FTS then matches on the rarest words only (about
FTS_MATCH_BUDGET casus) and ranks those with the whole query (docs/performance.md).
"""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.postgres.search import SearchQuery
from django.db import connection

from kennisbank.fulltext import SEARCH_CONFIG, is_prefix, query_terms, raw_query, tsquery_text

COMMON_TERM_SHARE = 0.35  # query words in more than this share of casus are left out of FTS
MIN_KEPT_TERMS = 3
FTS_MATCH_BUDGET = 1000
FREQUENCY_SECONDS = 300
PG_STATS_FROM = 5000  # above this many casus, read lexeme frequencies from the planner's statistics


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


def build_tsquery(text: str) -> SearchQuery | None:
    plan = fts_plan(text)
    return plan.rank if plan else None


def fts_plan(text: str) -> FtsPlan | None:
    lexicon = casus_lexicon()
    terms = _informative(_analysed(query_terms(text), lexicon), lexicon)
    if not terms:
        return None
    rank = raw_query(tsquery_text(" ".join(t.word for t in terms)))
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
    return FtsPlan(rank, raw_query(tsquery_text(" ".join(chosen))))


def has_searchable_words(query: str) -> bool:
    """False when the Dutch configuration drops every word (only stop words or punctuation)."""
    raw = tsquery_text(query)
    if not raw:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, raw])
        return cursor.fetchone()[0] > 0


def _informative(terms: list[Term], lexicon: Lexicon) -> list[Term]:
    """Drop query words that occur in most casus; keeps at least MIN_KEPT_TERMS of the rarest."""
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
    return [Term(w, stems.get(w, ""), lexicon.docs(stems.get(w, ""), prefix=is_prefix(w))) for w in words]


# The lexicon stays in process memory: it is up to 10,000 entries, read on every search, and a
# shared cache would unpickle it each time; rebuilding it costs one statistics query.
_lexicon_memo: dict[str, object] = {"at": -1e9, "value": Lexicon()}


def casus_lexicon() -> Lexicon:
    """Document frequencies of the published casus; remembered for a few minutes.

    Small collections are counted exactly with ts_stat; large ones use the planner's statistics
    (pg_stats.most_common_elems; the column keeps up to 10,000 lexemes, migration 0007), which
    cost milliseconds instead of seconds at 100k casus.
    """
    now = time.monotonic()
    if now - _lexicon_memo["at"] > FREQUENCY_SECONDS:
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
        _lexicon_memo["value"] = lexicon
        _lexicon_memo["at"] = now
    return _lexicon_memo["value"]


def forget_lexicon() -> None:
    _lexicon_memo["at"] = -1e9


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
