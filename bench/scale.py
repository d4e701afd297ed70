"""Scale bench: search, similar casus, indexing and memory at 100k casus (docs/performance.md).

    .venv/bin/python bench/scale.py [--n 100000] [--rounds 3] [--no-doc]

Uses its own embedded database in ``.pgdata-bench/`` (git-ignored by ``.pgdata*/``), never the
development data. The first run migrates it and bulk-loads synthetic casus with raw SQL and COPY
(Wagtail's add_child costs ~300 ms a page, so 100k would take 8 hours); later runs find them and
skip the load. Synthetic casus:

- pages under the existing CasusIndexPage with correct treebeard paths (steplen 4, base 36),
  slugs unique under the parent, live, with a first_published_at spread over ten years;
- Dutch texts recombined from the sentences of the 188 real casus in tests/data and demo_data
  (mostly from casus of the same thema), so the lexeme statistics of the tsvectors look real;
  the search_vector is computed in SQL with the weights of CasusPage.refresh_search_vector;
- facets sampled from the distribution of the real casus (thema follows the text);
- one situation vector each: the real e5 vector of its source casus mixed with one of the same
  thema plus Gaussian noise, re-normalised; the 188 real casus themselves are loaded verbatim with
  their real vectors, so the evaluation queries still have their relevant casus.

Then it measures the selector ``search_casus`` end to end (query embedding included, the memory
of recent query vectors emptied before every search), explains the semantic and full-text SQL,
measures what the approximations cost (HNSW against an exact scan, bounded FTS matching against
ranking every OR match) and writes the section "## Scale (100k casus)" of docs/performance.md.

The bench server gets a production-like ``shared_buffers`` (SERVER_SETTINGS) in its own
postgresql.auto.conf; it takes effect when the embedded server (re)starts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import statistics
import sys
import time
import uuid
from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARSER = argparse.ArgumentParser(description=__doc__.splitlines()[0])
PARSER.add_argument("--n", type=int, default=100_000, help="live casus wanted (default 100000)")
PARSER.add_argument("--rounds", type=int, default=3, help="rounds over the 72 evaluation queries")
PARSER.add_argument("--similar", type=int, default=200, help="casus for the similar-casus block")
PARSER.add_argument("--embed", type=int, default=100, help="casus for the indexing throughput")
PARSER.add_argument("--series-budget", type=float, default=150.0, help="max seconds per series")
PARSER.add_argument("--queries", type=int, default=0, help="use only the first K (shuffled) queries (smoke test)")
PARSER.add_argument("--wait-idle", type=float, default=300, help="max seconds to wait for other load to stop")
PARSER.add_argument("--load-only", action="store_true", help="load the data, measure nothing")
PARSER.add_argument("--no-doc", action="store_true", help="do not write docs/performance.md")
PARSER.add_argument("--render-only", action="store_true", help="rewrite the doc section from the last run")
PARSER.add_argument("--rss-probe", action="store_true", help=argparse.SUPPRESS)
ARGS = PARSER.parse_args()

# Own database, before Django reads its settings. DATABASE_URL would point somewhere else.
os.environ["KENNISBANK_PGDATA"] = str(ROOT / ".pgdata-bench")
if os.environ.pop("DATABASE_URL", None):
    print("DATABASE_URL genegeerd: deze bench gebruikt altijd .pgdata-bench/")
# The hot set at 100k casus (HNSW index, vectors, casus rows) is about 1 GB; PostgreSQL's 128 MB
# default would make every search copy pages from the OS cache. A production server is sized too.
SERVER_SETTINGS = {"shared_buffers": "1GB"}


def configure_bench_server() -> None:
    conf = Path(os.environ["KENNISBANK_PGDATA"]) / "postgresql.auto.conf"
    if not conf.exists():
        return  # not initialised yet: the next run applies the settings
    text = conf.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if line.split("=")[0].strip() not in SERVER_SETTINGS]
    wanted = "\n".join(kept + [f"{name} = '{value}'" for name, value in SERVER_SETTINGS.items()]) + "\n"
    if wanted != text:
        conf.write_text(wanted, encoding="utf-8")
        if (conf.parent / "postmaster.pid").exists():
            print("Serverinstellingen gewijzigd; ze gelden na een herstart (make db-stop met deze PGDATA).")


configure_bench_server()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisbank.settings.dev")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.DEBUG = False  # no per-query log in connection.queries: timings as in production

import numpy as np  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.models import Page  # noqa: E402

from casuistry import embeddings  # noqa: E402
from casuistry.models import Aspect, CasusEmbedding, CasusIndexPage, CasusPage, Thema  # noqa: E402
from casuistry.search import clear_caches, facets, search_casus, semantic, terms  # noqa: E402
from casuistry.services import indexing  # noqa: E402
from casuistry.services.indexing import aspect_texts, content_hash, embed_casus  # noqa: E402
from casuistry.text_fields import fields_of_weight  # noqa: E402

QUERIES_FILE = ROOT / "tests" / "data" / "search_eval_queries.jsonl"
CORPUS_FILES = [ROOT / "tests" / "data" / "search_eval_casus.jsonl", ROOT / "casuistry" / "demo_data" / "casus.jsonl"]
DOC = ROOT / "docs" / "performance.md"
CACHE_DIR = ROOT / ".pgdata-bench-cache"  # git-ignored by .pgdata*/
SECTION = "## Scale (100k casus)"
COMMAND = "cd /work/main && .venv/bin/python bench/scale.py"
FACET_FILTER = {"uitkomst": ["boete", "terugvordering en boete"]}
SEED = 20251122
NOISE_SIGMA = 0.012  # per component; cos(noisy, clean) ~ 0.97
MIX_MAX = 0.35  # share of a second casus of the same thema in a synthetic vector
HNSW_SQL = (
    "CREATE INDEX casus_embedding_hnsw ON casuistry_casusembedding USING hnsw "
    "(embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)"
)
GIN_SQL = "CREATE INDEX casus_search_vector_gin ON casuistry_casuspage USING gin (search_vector)"
TARGETS = {"hybrid_filter_p95": 150.0, "similar_p95": 30.0, "embed_rate": 15.0}
DRIE = ("bewust_onbewust", "context_perspectief", "maatschappelijke_impact")
OMGEKEERD = ("grondwaarde", "beoogd_effect", "maatwerk_oplossing", "juridische_inpassing")


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ----------------------------------------------------------------------------- corpus
SENTENCE_END = re.compile(r"(?<=[a-z0-9éëïöü)'’\"”%][.!?])\s+(?=[A-Z‘'\"(])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text or "") if s.strip()]


def read_corpus() -> list[dict]:
    records = []
    for path in CORPUS_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def record_row(rec: dict) -> dict:
    """A real record as the column values the importer would store."""
    toets = rec.get("omgekeerde_toets") or {}
    row = {
        "external_id": rec["external_id"],
        "title": rec["title"],
        "samenvatting": rec["summary"],
        "regeling": rec["regeling"],
        "verplichting": rec["verplichting"],
        "thema": rec["thema"],
        "cirkel_fase": rec["cirkel_fase"],
        "signaalbron": rec.get("signaalbron") or "",
        "uitkomst": rec["uitkomst"],
        "bedrag_eur": rec.get("bedrag_eur"),
        "bezwaar": rec.get("bezwaar") or "",
        "periode": rec.get("periode") or "",
        "tags": list(rec.get("tags", [])),
        "interchange_keys": list(rec.keys()),
    }
    for name in DRIE:
        row[name] = rec["drietrapstoets"][name]
    for name in OMGEKEERD:
        row[name] = toets.get(name, "")
    return row


class Composer:
    """Synthetic casus from the sentences of real ones (mostly of the same thema)."""

    def __init__(self, real: list[dict], vectors: np.ndarray, rng: random.Random, nprng):
        self.real, self.vectors, self.rng, self.nprng = real, vectors, rng, nprng
        self.by_thema = defaultdict(list)
        for i, row in enumerate(real):
            self.by_thema[row["thema"]].append(i)
        fields = ("samenvatting", *DRIE)
        self.sent = [{f: sentences(row[f]) for f in fields} for row in real]
        self.with_toets = [i for i, row in enumerate(real) if row["grondwaarde"]]
        self.dist = {
            key: Counter(row[key] for row in real)
            for key in ("uitkomst", "regeling", "verplichting", "cirkel_fase", "signaalbron", "bezwaar")
        }

    def _pick(self, key):
        counter = self.dist[key]
        return self.rng.choices(list(counter), weights=list(counter.values()))[0]

    def _mixed(self, field, src, same, count):
        out = []
        for _ in range(count):
            roll = self.rng.random()
            if roll < 0.45:
                donor = src
            else:
                donor = self.rng.choice(same) if roll < 0.85 else self.rng.randrange(len(self.real))
            pool = self.sent[donor][field]
            if pool:
                out.append(self.rng.choice(pool))
        return list(dict.fromkeys(out))

    def casus(self, number: int) -> tuple[dict, np.ndarray]:
        rng = self.rng
        src = rng.randrange(len(self.real))
        base = self.real[src]
        same = self.by_thema[base["thema"]]
        own = self.sent[src]["samenvatting"]
        body = own[:1] + self._mixed("samenvatting", src, same, max(3, len(own) - 1 + rng.randint(-1, 2)))
        head, tail = body[:1], body[1:]
        rng.shuffle(tail)
        row = {
            "external_id": f"SCALE-{number:06d}",
            "title": base["title"] if rng.random() < 0.7 else self.real[rng.choice(same)]["title"],
            "samenvatting": " ".join(head + tail),
            "thema": base["thema"],
            "uitkomst": base["uitkomst"] if rng.random() < 0.5 else self._pick("uitkomst"),
            "regeling": base["regeling"] if rng.random() < 0.5 else self._pick("regeling"),
            "verplichting": base["verplichting"] if rng.random() < 0.5 else self._pick("verplichting"),
            "cirkel_fase": base["cirkel_fase"] if rng.random() < 0.5 else self._pick("cirkel_fase"),
            "signaalbron": self._pick("signaalbron"),
            "bezwaar": self._pick("bezwaar"),
            "periode": self._periode(),
            "tags": list(base["tags"]),
            "interchange_keys": list(base["interchange_keys"]),
        }
        amount = base["bedrag_eur"]
        row["bedrag_eur"] = int(amount * rng.lognormvariate(0, 0.5)) if amount else amount
        for name in DRIE:
            row[name] = " ".join(self._mixed(name, src, same, rng.randint(2, 4)))
        donor = self.real[rng.choice(self.with_toets)] if rng.random() < 0.15 else None
        for name in OMGEKEERD:
            row[name] = donor[name] if donor else ""
        partner = rng.choice(same)
        mix = rng.uniform(0, MIX_MAX)
        vector = (1 - mix) * self.vectors[src] + mix * self.vectors[partner]
        vector = vector + self.nprng.normal(0, NOISE_SIGMA, vector.shape[0])
        return row, vector / np.linalg.norm(vector)

    def _periode(self) -> str:
        year = self.rng.randint(2015, 2026)
        return f"{year}-Q{self.rng.randint(1, 4)}" if self.rng.random() < 0.6 else str(year)


# ----------------------------------------------------------------------------- load
def live_count() -> int:
    return CasusPage.objects.live().count()


def index_exists(name: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [name])
        return cursor.fetchone() is not None


def ensure_indexes() -> dict[str, float]:
    """(Re)create the GIN and HNSW indexes if a load dropped them; seconds per build."""
    took = {}
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '2GB'")
        cursor.execute("SET max_parallel_maintenance_workers = 1")  # 2 cores: leader + 1 worker
        for name, sql in (("casus_search_vector_gin", GIN_SQL), ("casus_embedding_hnsw", HNSW_SQL)):
            if not index_exists(name):
                say(f"Index {name} bouwen ...")
                started = time.perf_counter()
                cursor.execute(sql)
                took[name] = time.perf_counter() - started
                say(f"Index {name} klaar in {took[name]:.0f} s")
        cursor.execute("RESET maintenance_work_mem")
        cursor.execute("RESET max_parallel_maintenance_workers")
    return took


def thema_ids(names) -> dict[str, int]:
    ids = {}
    for name in sorted(set(names)):
        thema = Thema.objects.filter(name=name).first() or Thema.objects.create(name=name)
        ids[name] = thema.pk
    return ids


def tag_ids(names) -> dict[str, int]:
    ids = {}
    for name in sorted(set(names)):
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        ids[name] = tag.pk
    return ids


def embed_real(rows: list[dict]) -> np.ndarray:
    """Real e5 vectors of the real casus: from the database if loaded before, else embedded now."""
    stored = dict(
        CasusEmbedding.objects.filter(
            casus__external_id__in=[r["external_id"] for r in rows], aspect=Aspect.SITUATIE
        ).values_list("casus__external_id", "embedding")
    )
    if len(stored) == len(rows):
        return np.array([np.asarray(stored[r["external_id"]], dtype=np.float64) for r in rows])
    items = [
        indexing._Casus(0, indexing.situation_text(r["title"], r["samenvatting"]), indexing.reasoning_text(r), "")
        for r in rows
    ]  # what reindex_casus embeds: the situation and the reasoning
    texts = [t for item in items for t in item.texts]
    key = hashlib.sha256(json.dumps([embeddings.model_identity(), texts]).encode()).hexdigest()[:16]
    cache = CACHE_DIR / f"real-vectors-{key}.npy"
    if cache.exists():  # an interrupted load rolled back; the vectors of the real casus are kept
        return np.load(cache)
    say(f"{len(rows)} echte casus embedden (embed_passages, batch 16) ...")
    started = time.perf_counter()
    vectors = np.array(indexing.casus_vectors(items, embeddings.embed_passages(texts, batch_size=32)), dtype=np.float64)
    CACHE_DIR.mkdir(exist_ok=True)
    np.save(cache, vectors)
    say(f"... klaar in {time.perf_counter() - started:.0f} s ({len(rows) / (time.perf_counter() - started):.1f}/s)")
    return vectors


KNOWN_COLUMNS = {
    "page_ptr_id", "external_id", "samenvatting", "regeling", "verplichting", "cirkel_fase", "signaalbron",
    "bewust_onbewust", "verwijtbaarheid", "context_perspectief", "maatschappelijke_impact", "grondwaarde",
    "beoogd_effect", "maatwerk_oplossing", "juridische_inpassing", "uitkomst", "bedrag_eur", "periode", "bezwaar",
    "leerpunt", "interchange_keys", "thema_id", "search_vector",
}  # fmt: skip


def other_columns() -> tuple[str, list]:
    """Columns added to CasusPage after this bench was written: filled with the field's default."""
    fields = [f for f in CasusPage._meta.local_concrete_fields if f.column not in KNOWN_COLUMNS]
    if fields:
        say("Overige kolommen met hun standaardwaarde: " + ", ".join(f.column for f in fields))
    names = "".join(f"{f.column}, " for f in fields)
    return names, [f.get_db_prep_save(f.get_default(), connection) for f in fields]


def allocate_ids(cursor, count: int) -> list[int]:
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence('wagtailcore_page', 'id')) FROM generate_series(1, %s)", [count]
    )
    return [r[0] for r in cursor.fetchall()]


def copy_rows(cursor, sql: str, rows) -> None:
    with cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def load(n: int) -> dict | None:
    """Bring the number of live casus up to n. Idempotent: one transaction, skipped when done."""
    have = live_count()
    if have >= n:
        say(f"{have} gepubliceerde casus aanwezig (>= {n}): laden overgeslagen")
        return None
    started = time.perf_counter()
    real = [record_row(r) for r in read_corpus()]
    index = CasusIndexPage.objects.get()
    content_type = ContentType.objects.get_for_model(CasusPage)
    themes = thema_ids(r["thema"] for r in real)
    tags = tag_ids(t for r in real for t in r["tags"])
    vectors = embed_real(real)
    identity = embeddings.model_identity()

    existing_ext = set(CasusPage.objects.values_list("external_id", flat=True))
    todo_real = [i for i, r in enumerate(real) if r["external_id"] not in existing_ext]
    synthetic_done = CasusPage.objects.filter(external_id__startswith="SCALE-").count()
    need = max(0, n - have - len(todo_real))
    say(f"Laden: {len(todo_real)} echte + {need} synthetische casus (nu {have} gepubliceerd)")

    rng = random.Random(SEED + synthetic_done)
    nprng = np.random.default_rng(SEED + synthetic_done)
    composer = Composer(real, vectors, rng, nprng)
    children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
    last = children.order_by("-path").values_list("path", flat=True).first()
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    taken_slugs = set(children.values_list("slug", flat=True))
    start_day = datetime(2015, 1, 1, 9, tzinfo=UTC)

    def rows():
        for i in todo_real:
            yield real[i], vectors[i]
        for k in range(need):
            yield composer.casus(synthetic_done + k + 1)

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '2GB'")
        cursor.execute("SET LOCAL max_parallel_maintenance_workers = 1")
        cursor.execute("DROP INDEX IF EXISTS casus_embedding_hnsw")
        cursor.execute("DROP INDEX IF EXISTS casus_search_vector_gin")
        cursor.execute(
            "CREATE TEMP TABLE casus_stage (page_ptr_id integer, external_id text, samenvatting text, "
            "regeling text, verplichting text, cirkel_fase text, signaalbron text, bewust_onbewust text, "
            "context_perspectief text, maatschappelijke_impact text, grondwaarde text, beoogd_effect text, "
            "maatwerk_oplossing text, juridische_inpassing text, uitkomst text, bedrag_eur integer, "
            "periode text, bezwaar text, leerpunt text DEFAULT '', interchange_keys jsonb, thema_id bigint, "
            "title text, thema_name text, tag_names text) ON COMMIT DROP"
        )
        total = len(todo_real) + need
        ids = allocate_ids(cursor, total)
        page_rows, stage_rows, tag_rows, vec_lines = [], [], [], []
        vec_format = "[" + ",".join(["%.7g"] * vectors.shape[1]) + "]"
        stamp = datetime.now(UTC).isoformat()
        say(f"Teksten en vectoren samenstellen voor {total} casus ...")
        for pk, (row, vector) in zip(ids, rows(), strict=True):
            step += 1
            slug = slugify(row["external_id"])
            while slug in taken_slugs:
                slug += "-2"
            taken_slugs.add(slug)
            published = start_day + timedelta(minutes=rng.randrange(0, 11 * 365 * 24 * 60))
            page_rows.append(
                (
                    pk, Page._get_path(index.path, index.depth + 1, step), index.depth + 1, 0,
                    row["title"], slug, True, False, f"{index.url_path}{slug}/", "", False, "", False,
                    content_type.pk, False, published, published, row["title"], str(uuid.uuid4()), index.locale_id,
                )
            )  # fmt: skip
            stage_rows.append(
                (
                    pk, row["external_id"], row["samenvatting"], row["regeling"], row["verplichting"],
                    row["cirkel_fase"], row["signaalbron"], *(row[f] for f in DRIE), *(row[f] for f in OMGEKEERD),
                    row["uitkomst"], row["bedrag_eur"], row["periode"], row["bezwaar"],
                    json.dumps(row["interchange_keys"]), themes[row["thema"]],
                    row["title"], row["thema"], " ".join(sorted(row["tags"])),
                )
            )  # fmt: skip
            tag_rows.extend((pk, tags[t]) for t in row["tags"])
            digest = content_hash(f"{row['title']}. {row['samenvatting']}")
            vec_lines.append(f"{Aspect.SITUATIE}\t{vec_format % tuple(vector)}\t{identity}\t{digest}\t{stamp}\t{pk}\n")
        say("COPY wagtailcore_page ...")
        copy_rows(
            cursor,
            "COPY wagtailcore_page (id, path, depth, numchild, title, slug, live, has_unpublished_changes, "
            "url_path, seo_title, show_in_menus, search_description, expired, content_type_id, locked, "
            "first_published_at, last_published_at, draft_title, translation_key, locale_id) FROM STDIN",
            page_rows,
        )
        say("COPY casus (staging) ...")
        copy_rows(
            cursor,
            "COPY casus_stage (page_ptr_id, external_id, samenvatting, regeling, verplichting, cirkel_fase, "
            "signaalbron, bewust_onbewust, context_perspectief, maatschappelijke_impact, grondwaarde, "
            "beoogd_effect, maatwerk_oplossing, juridische_inpassing, uitkomst, bedrag_eur, periode, bezwaar, "
            "interchange_keys, thema_id, title, thema_name, tag_names) FROM STDIN",
            stage_rows,
        )
        say("INSERT casuistry_casuspage met search_vector (to_tsvector dutch) ...")
        reasoning = " || E'\\n' || ".join(f"coalesce({f}, '')" for f in fields_of_weight("C"))
        extra_columns, extra_values = other_columns()
        cursor.execute(
            "INSERT INTO casuistry_casuspage (page_ptr_id, external_id, samenvatting, regeling, verplichting, "
            "cirkel_fase, signaalbron, bewust_onbewust, verwijtbaarheid, context_perspectief, "
            "maatschappelijke_impact, grondwaarde, beoogd_effect, maatwerk_oplossing, juridische_inpassing, "
            f"uitkomst, bedrag_eur, periode, bezwaar, leerpunt, interchange_keys, thema_id, {extra_columns}"
            "search_vector) "
            "SELECT page_ptr_id, external_id, samenvatting, regeling, verplichting, cirkel_fase, signaalbron, "
            "bewust_onbewust, '', context_perspectief, maatschappelijke_impact, grondwaarde, beoogd_effect, "
            "maatwerk_oplossing, juridische_inpassing, uitkomst, bedrag_eur, periode, bezwaar, leerpunt, "
            f"interchange_keys, thema_id, {'%s, ' * len(extra_values)}"
            "setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A')"
            " || setweight(to_tsvector('dutch'::regconfig, coalesce(samenvatting, '')), 'B')"
            " || setweight(to_tsvector('dutch'::regconfig, coalesce(thema_name, '')), 'B')"
            " || setweight(to_tsvector('dutch'::regconfig, coalesce(tag_names, '')), 'B')"
            f" || setweight(to_tsvector('dutch'::regconfig, {reasoning}), 'C') "
            "FROM casus_stage",
            extra_values,
        )
        say("COPY tags en vectoren ...")
        copy_rows(cursor, "COPY casuistry_casustag (content_object_id, tag_id) FROM STDIN", tag_rows)
        with cursor.copy(
            "COPY casuistry_casusembedding (aspect, embedding, model_identity, content_hash, updated_at, casus_id) "
            "FROM STDIN"
        ) as copy:
            for start in range(0, len(vec_lines), 2000):
                copy.write("".join(vec_lines[start : start + 2000]))
        cursor.execute(
            "UPDATE wagtailcore_page SET numchild = (SELECT count(*) FROM wagtailcore_page c "
            "WHERE c.path LIKE %s AND c.depth = %s) WHERE id = %s",
            [index.path + "_" * Page.steplen, index.depth + 1, index.pk],
        )
        say("Commit ...")
    loaded_at = time.perf_counter()
    builds = ensure_indexes()
    say("VACUUM ANALYZE ...")
    with connection.cursor() as cursor:
        for table in ("wagtailcore_page", "casuistry_casuspage", "casuistry_casusembedding", "casuistry_casustag"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
    took = time.perf_counter() - started
    say(f"Laden klaar: {total} casus in {took:.0f} s (rijen {loaded_at - started:.0f} s, indexen "
        f"{sum(builds.values()):.0f} s)")  # fmt: skip
    return {"rows": total, "seconds": took, "rows_seconds": loaded_at - started, "index_seconds": builds}


def check_search_vector() -> str:
    """The SQL-built tsvector must equal the one CasusPage.refresh_search_vector writes."""
    casus = CasusPage.objects.filter(external_id__startswith="SCALE-").order_by("pk").first()
    if casus is None:
        return "geen synthetische casus"
    before = CasusPage.objects.filter(pk=casus.pk).values_list("search_vector", flat=True)[0]
    casus.refresh_search_vector()
    after = CasusPage.objects.filter(pk=casus.pk).values_list("search_vector", flat=True)[0]
    return "gelijk" if before == after else "VERSCHILLEND"


# ----------------------------------------------------------------------------- measure
CATEGORIES = (
    ("doc_freq", ("ts_stat(", "most_common_elems")),
    ("model_identity", ("model_identity",)),
    ("settings", ("SET LOCAL",)),
    ("semantic", ("<=>",)),
    ("snippets", ("ts_headline",)),
    ("fts_rank", ("ts_rank",)),
    (
        "facets",
        (
            "GROUP BY",
            '"casuistry_casustag"."content_object_id" IN',
            'SELECT "casuistry_casuspage"."page_ptr_id", "casuistry_thema"."name"',
        ),
    ),
    ("fts_count", ("COUNT(*)",)),
    ("stems_words", ("numnode(", "unnest(to_tsvector")),
    ("glossary", ("glossary_",)),
)


def classify(sql: str) -> str:
    for name, needles in CATEGORIES:
        if any(n in sql for n in needles):
            return name
    return "other_sql"


class Profiler:
    """Times every SQL statement (execute_wrapper) and the query embedding, by category."""

    def __init__(self, keep: bool = False):
        self.ms = defaultdict(float)
        self.calls = Counter()
        self.keep = keep
        self.statements: list[tuple[str, object, str, float]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.add(classify(sql), started)
            if self.keep:
                self.statements.append((sql, params, classify(sql), (time.perf_counter() - started) * 1000))

    def add(self, category: str, started: float) -> None:
        self.ms[category] += (time.perf_counter() - started) * 1000
        self.calls[category] += 1

    @contextmanager
    def active(self):
        original = embeddings.embed_query

        def timed_embed_query(text):
            started = time.perf_counter()
            try:
                return original(text)
            finally:
                self.add("embed_query", started)

        embeddings.embed_query = timed_embed_query
        try:
            with connection.execute_wrapper(self):
                yield self
        finally:
            embeddings.embed_query = original


def fresh_frequencies() -> float:
    """Refill the selector's 5-minute lexicon cache (planner statistics at this size); ms."""
    clear_caches()
    started = time.perf_counter()
    terms.casus_lexicon()
    return (time.perf_counter() - started) * 1000


def run_series(label, queries, *, rounds, budget, partial_ok=False, **kwargs) -> dict:
    """Up to `rounds` passes over the queries; stops after `budget` s (after one full pass unless partial_ok)."""
    load, busy = busy_processes(1.0)
    fresh_frequencies()
    profiler = Profiler()
    timings, per_query, results = [], defaultdict(list), {}
    started = time.perf_counter()
    stop = False
    with profiler.active():
        for done in range(1, rounds + 1):
            for number, query in enumerate(queries, start=1):
                embeddings.forget_recent_queries()  # time the model, not its memory of this query
                t0 = time.perf_counter()
                result = search_casus(query=query, per_page=10, **kwargs)
                ms = (time.perf_counter() - t0) * 1000
                timings.append(ms)
                per_query[query].append(ms)
                results[query] = [hit.casus.pk for hit in result.hits]
                over = time.perf_counter() - started > budget
                if (
                    over
                    and (partial_ok or done > 1 or number == len(queries))
                    and (done < rounds or number < len(queries))
                ):
                    say(f"  {label}: tijdbudget ({budget:.0f} s) op na {len(timings)} zoekvragen")
                    stop = True
                    break
            if stop:
                break
    result = summarize(label, timings, profiler)
    result["slowest"] = sorted(((statistics.median(v), q) for q, v in per_query.items()), reverse=True)[:3]
    result["hits"] = results
    result["per_query"] = dict(per_query)
    result["load"], result["busy"] = load, busy
    result["rounds"] = len(timings) / len(queries)
    say(f"{label}: n={result['n']} p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms  "
        f"[{breakdown_text(result)}]")  # fmt: skip
    return result


def summarize(label, timings, profiler) -> dict:
    n = len(timings)
    accounted = sum(profiler.ms.values())
    breakdown = {k: v / n for k, v in sorted(profiler.ms.items(), key=lambda kv: -kv[1])}
    breakdown["python_other"] = max(0.0, (sum(timings) - accounted) / n)
    return {
        "label": label,
        "n": n,
        "p50": statistics.median(timings),
        "p95": percentile(timings, 95),
        "max": max(timings),
        "mean": statistics.fmean(timings),
        "breakdown": breakdown,
        "calls": {k: v / n for k, v in profiler.calls.items()},
    }


def breakdown_text(result, top: int = 6) -> str:
    items = sorted(result["breakdown"].items(), key=lambda kv: -kv[1])[:top]
    return ", ".join(f"{k} {v:.1f}" for k, v in items if v >= 0.05)


def run_similar(ids, *, budget) -> dict:
    load, busy = busy_processes(1.0)
    casus = list(CasusPage.objects.filter(pk__in=ids).select_related("thema"))
    for c in casus[:20]:
        search_casus(like=c, per_page=5)  # warm-up
    profiler = Profiler()
    timings, empty = [], 0
    started = time.perf_counter()
    with profiler.active():
        for c in casus:
            t0 = time.perf_counter()
            result = search_casus(like=c, per_page=5)
            timings.append((time.perf_counter() - t0) * 1000)
            empty += not result.hits
            if time.perf_counter() - started > budget:
                break
    result = summarize("similar casus (like=, per_page=5)", timings, profiler)
    result["empty"] = empty
    result["load"], result["busy"] = load, busy
    say(f"similar: n={result['n']} p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms  [{breakdown_text(result)}]")
    return result


def run_embed_queries(queries) -> dict:
    timings, per_query = [], {}
    for query in queries:
        embeddings.forget_recent_queries()
        t0 = time.perf_counter()
        embeddings.embed_query(query)
        timings.append((time.perf_counter() - t0) * 1000)
        per_query[query] = [timings[-1]]
    return {"n": len(timings), "p50": statistics.median(timings), "p95": percentile(timings, 95),
            "per_query": per_query}  # fmt: skip


def run_indexing(ids) -> dict:
    """embed_casus (batch 16) on casus whose vectors were just deleted; casus/s."""
    deleted, _ = CasusEmbedding.objects.filter(casus_id__in=ids).delete()
    casus = list(CasusPage.objects.filter(pk__in=ids))
    t0 = time.perf_counter()
    written = embed_casus(casus, batch_size=16)
    seconds = time.perf_counter() - t0
    chars = statistics.fmean(sum(map(len, aspect_texts(c).values())) for c in casus)
    result = {"n": len(casus), "written": written, "deleted": deleted, "seconds": seconds,
              "rate": written / seconds, "chars": chars}  # fmt: skip
    say(f"embed_casus: {written} vectoren in {seconds:.1f} s = {result['rate']:.2f} casus/s")
    return result


# ----------------------------------------------------------------------------- explain
def capture(**kwargs) -> list[tuple[str, object, str, float]]:
    profiler = Profiler(keep=True)
    with profiler.active():
        search_casus(per_page=10, **kwargs)
    return profiler.statements


def explain(sql: str, params) -> list[str]:
    with transaction.atomic(), connection.cursor() as cursor:
        semantic.tune_session()  # the planner settings the selector's transaction has
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        return [r[0] for r in cursor.fetchall()]


KEY_LINE = re.compile(
    r"(Limit|Index Scan|Index Only Scan|Bitmap|Seq Scan|Sort|Hash|Nested Loop|Merge|Gather|Aggregate|Unique|"
    r"Rows Removed|Heap Blocks|Execution Time|Sort Method|Filter:|Index Cond|Order By|Recheck)"
)


def key_lines(plan: list[str], limit: int = 22) -> list[str]:
    lines = [plan[0]] + [line for line in plan[1:] if KEY_LINE.search(line)]
    buffers = next((line for line in plan if "Buffers:" in line), None)
    if buffers:
        lines.insert(1, buffers)
    out = [line.rstrip()[:170] for line in lines]
    return out[: limit - 1] + [out[-1]] if len(out) > limit else out


def explain_statements(statements, wanted) -> dict[str, list[str]]:
    """EXPLAIN (ANALYZE, BUFFERS) the first captured statement matching each (label, predicate)."""
    plans = {}
    for label, predicate in wanted:
        for sql, params, category, _ in statements:
            if predicate(sql, params, category):
                plan = explain(sql, params)
                say(f"EXPLAIN {label}:\n    " + "\n    ".join(plan))
                plans[label] = {"sql": sql, "plan": plan, "key": key_lines(plan)}
                break
    return plans


# ----------------------------------------------------------------------------- approximations
def overlap(a: dict, b: dict, k: int = 10) -> float:
    """Mean share of the top-k of `b` also in the top-k of `a`, over the queries both answered."""
    shares = [len(set(a[q][:k]) & set(b[q][:k])) / max(1, min(k, len(b[q]))) for q in b if q in a and b[q]]
    return statistics.fmean(shares) if shares else float("nan")


def hnsw_recall(queries, *, filters, ef_values=(40, 120, 400), k=100) -> list[dict]:
    """Recall@k and ms of the selector's semantic query (HNSW, iterative scan) against an exact scan."""
    base = CasusPage.objects.live()
    allowed = facets.apply_filters(base, filters) if filters else base
    vectors = [embeddings.embed_query(query) for query in queries]
    exact = []
    for vector in vectors:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_indexscan = off")
            exact.append(list(semantic.semantic_candidates(vector, allowed, k)))
    out = []
    original_ef = semantic.HNSW_EF_SEARCH
    try:
        for ef in ef_values:
            semantic.HNSW_EF_SEARCH = ef
            recalls, top10, timings = [], [], []
            for vector, truth in zip(vectors, exact, strict=True):
                with transaction.atomic():
                    semantic.tune_session()
                    t0 = time.perf_counter()
                    approx = list(semantic.semantic_candidates(vector, allowed, k))
                    timings.append((time.perf_counter() - t0) * 1000)
                recalls.append(len(set(approx) & set(truth)) / max(1, len(truth)))
                top10.append(len(set(approx[:10]) & set(truth[:10])) / max(1, min(10, len(truth))))
            out.append({"ef": ef, "recall": statistics.fmean(recalls), "recall10": statistics.fmean(top10),
                        "ms": statistics.fmean(timings)})  # fmt: skip
    finally:
        semantic.HNSW_EF_SEARCH = original_ef
    return out


def bounded_match_cost(queries, *, budget: float) -> dict:
    """What bounding the FTS match costs: hybrid top-10 against ranking every OR match (no bound)."""
    bounded, unbounded, slow = {}, {}, []
    plans = Counter()
    for query in queries:
        plan = terms.fts_plan(query)
        plans[
            "all words" if plan.match is plan.rank else "rarest words" if plan.match is not None else "too common"
        ] += 1
        bounded[query] = [h.casus.pk for h in search_casus(query=query, filters=FACET_FILTER).hits]
    original = terms.FTS_MATCH_BUDGET
    started = time.perf_counter()
    try:
        terms.FTS_MATCH_BUDGET = 10**9
        for query in queries:
            t0 = time.perf_counter()
            unbounded[query] = [h.casus.pk for h in search_casus(query=query, filters=FACET_FILTER).hits]
            slow.append((time.perf_counter() - t0) * 1000)
            if time.perf_counter() - started > budget:
                break
    finally:
        terms.FTS_MATCH_BUDGET = original
    kinds = defaultdict(list)
    for query in unbounded:
        kinds[KINDS[query]].append(overlap(bounded, {query: unbounded[query]}))
    return {"n": len(unbounded), "overlap": overlap(bounded, unbounded), "plans": dict(plans),
            "by_kind": {k: statistics.fmean(v) for k, v in sorted(kinds.items())},
            "unbounded_p50": statistics.median(slow), "unbounded_p95": percentile(slow, 95)}  # fmt: skip


def run_browse(rounds: int = 5) -> dict:
    """The casus index without a query: first visit after a change, then from the remembered counts."""
    out = {}
    for label, filters in (("browse", {}), ("browse_filter", FACET_FILTER)):
        clear_caches()
        t0 = time.perf_counter()
        search_casus(filters=filters)
        cold = (time.perf_counter() - t0) * 1000
        warm = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            search_casus(filters=filters)
            warm.append((time.perf_counter() - t0) * 1000)
        out[label] = {"cold": cold, "warm_p50": statistics.median(warm), "warm_max": max(warm)}
    say(f"Bladeren: {out}")
    return out


def subset(result: dict, queries) -> dict:
    timings = [ms for q in queries for ms in result["per_query"].get(q, [])]
    return {"n": len(timings), "p50": statistics.median(timings), "p95": percentile(timings, 95)}


def by_kind(per_query: dict, kinds: dict) -> dict:
    grouped = defaultdict(list)
    for query, timings in per_query.items():
        grouped[kinds.get(query, "?")].extend(timings)
    return {kind: (statistics.median(v), percentile(v, 95), len(v)) for kind, v in sorted(grouped.items())}


# ----------------------------------------------------------------------------- machine
def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?")  # fmt: skip
    mem = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")))  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        pgvector = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared = cursor.fetchone()[0]
        cursor.execute("SHOW work_mem")
        work = cursor.fetchone()[0]
        cursor.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('casuistry_casuspage')), "
            "pg_size_pretty(pg_total_relation_size('casuistry_casusembedding')), "
            "pg_size_pretty(pg_relation_size('casus_embedding_hnsw')), "
            "pg_size_pretty(pg_relation_size('casus_search_vector_gin'))"
        )
        sizes = cursor.fetchone()
    return {
        "cpu": cpu, "cores": os.cpu_count(), "mem_gib": mem / 1024 / 1024, "postgres": version,
        "pgvector": pgvector, "shared_buffers": shared, "work_mem": work, "sizes": sizes,
        "threads": embeddings.service.configured_threads(),
    }  # fmt: skip


def busy_processes(seconds: float = 3.0) -> tuple[str, list[str]]:
    """Load average and the processes (not this one) using >10% of a core over a short sample."""
    import psutil

    me = os.getpid()
    procs = [p for p in psutil.process_iter(["pid", "cmdline", "name"]) if p.pid != me]
    for proc in procs:
        try:
            proc.cpu_percent(None)
        except psutil.Error:
            pass
    time.sleep(seconds)
    busy = []
    for proc in procs:
        try:
            pct = proc.cpu_percent(None)
            if pct > 10:
                cmd = " ".join(proc.info["cmdline"] or [proc.info["name"] or "?"])[:70]
                busy.append((pct, f"{pct:.0f}% {cmd}"))
        except psutil.Error:
            pass
    load = Path("/proc/loadavg").read_text().split()[:3]
    return " ".join(load), [text for _, text in sorted(busy, reverse=True)[:6]]


def wait_for_quiet(max_wait: float) -> tuple[str, list[str]]:
    """Wait (up to max_wait s) until no other process uses half a core or more."""
    deadline = time.monotonic() + max_wait
    while True:
        load, busy = busy_processes()
        heavy = [b for b in busy if float(b.split("%")[0]) >= 50]
        if not heavy or time.monotonic() > deadline:
            return load, busy
        say(f"Wachten op een rustiger machine: {heavy}")
        time.sleep(20)


# ----------------------------------------------------------------------------- RSS probe
def rss_probe() -> None:
    """A fresh process: Django + model + a few hybrid searches + one passage batch; prints JSON."""
    after_setup = rss_mb()
    embeddings.get_model()
    after_model = rss_mb()
    queries = [json.loads(line)["text"] for line in QUERIES_FILE.read_text(encoding="utf-8").splitlines() if line]
    for query in queries[::8]:
        search_casus(query=query, filters=FACET_FILTER, per_page=10)
    texts = [f"{c.title}. {c.samenvatting}" for c in CasusPage.objects.live().order_by("pk")[:16]]
    embeddings.embed_passages(texts, batch_size=16)
    print(json.dumps({"after_setup": after_setup, "after_model": after_model, "end": rss_mb(), "peak": peak_rss_mb()}))


def run_rss_probe() -> dict:
    import subprocess

    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--rss-probe"], capture_output=True, text=True, check=False
    )
    line = next((ln for ln in reversed(done.stdout.splitlines()) if ln.startswith("{")), None)
    if line is None:
        say("RSS-probe mislukt:\n" + done.stderr[-2000:])
        return {}
    return json.loads(line)


# ----------------------------------------------------------------------------- main
KINDS: dict[str, str] = {}


def main():
    if ARGS.rss_probe:
        rss_probe()
        return
    if ARGS.render_only:  # re-render the section from the last run's figures
        report = json.loads((CACHE_DIR / "last-report.json").read_text(encoding="utf-8"))
        text = render(report)
        print(text)
        if not ARGS.no_doc:
            write_section(text)
        return
    started = time.perf_counter()
    say(f"Database: {os.environ['KENNISBANK_PGDATA']}")
    call_command("migrate", interactive=False, verbosity=0)
    loaded = load(ARGS.n)
    ensure_indexes()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE casuistry_casuspage")  # the planner statistics the selector reads
    live, vectors = live_count(), CasusEmbedding.objects.count()
    say(f"Gepubliceerde casus: {live}, vectoren: {vectors}")
    tsv_check = check_search_vector()
    say(f"search_vector SQL vs refresh_search_vector: {tsv_check}")
    if ARGS.load_only:
        return
    info = machine()
    load_before, busy_before = wait_for_quiet(ARGS.wait_idle)
    say(f"Load average {load_before}; andere processen: {busy_before or 'geen'}")

    records = [json.loads(ln) for ln in QUERIES_FILE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    KINDS.update({rec["text"]: rec.get("kind", "?") for rec in records})
    queries = [rec["text"] for rec in records]
    random.Random(SEED).shuffle(queries)  # a partial round is then a random sample
    queries = queries[: ARGS.queries] if ARGS.queries else queries
    typed = [q for q in queries if KINDS[q] != "long"]
    drafts = [q for q in queries if KINDS[q] == "long"]
    budget, rounds = ARGS.series_budget, ARGS.rounds
    t0 = time.perf_counter()
    embeddings.get_model()
    model_load = time.perf_counter() - t0
    say("Warm-up ...")
    for query in queries[:12]:
        search_casus(query=query, filters=FACET_FILTER)
        search_casus(query=query)
    freq_ms = fresh_frequencies()
    embed_q = run_embed_queries(queries)
    say(f"embed_query alleen: p50 {embed_q['p50']:.0f} ms, p95 {embed_q['p95']:.0f} ms")

    res = {}
    res["hybrid_filter"] = run_series("hybrid + facetfilter", queries, rounds=rounds, budget=budget,
                                      filters=FACET_FILTER)  # fmt: skip
    res["hybrid"] = run_series("hybrid zonder filter", queries, rounds=rounds, budget=budget)
    res["fts"] = run_series("fts", queries, rounds=rounds, budget=budget, partial_ok=True, mode="fts")
    res["typed"] = subset(res["hybrid_filter"], typed)
    res["drafts"] = subset(res["hybrid_filter"], drafts)
    res["browse"] = run_browse()
    rng = random.Random(SEED)
    all_ids = list(CasusPage.objects.live().values_list("pk", flat=True))
    similar_ids = rng.sample(all_ids, min(ARGS.similar, len(all_ids)))
    res["similar"] = run_similar(similar_ids, budget=budget)

    sample = sorted(queries, key=lambda q: len(terms.query_terms(q)))[len(queries) // 2]
    say(f"EXPLAIN met zoekvraag: {sample!r}")
    statements = capture(query=sample, filters=FACET_FILTER)
    plans = explain_statements(statements, [
        ("semantisch, met facetfilter", lambda s, p, c: c == "semantic" and "uitkomst" in s),
        ("fts-kandidaten, met facetfilter", lambda s, p, c: c == "fts_rank" and "uitkomst" in s),
    ])  # fmt: skip
    similar_casus = CasusPage.objects.get(pk=similar_ids[0])
    plans |= explain_statements(capture(like=similar_casus), [("vergelijkbare casus", lambda s, p, c: c == "semantic")])
    recall = {
        "filter": hnsw_recall(queries[:12], filters=FACET_FILTER),
        "none": hnsw_recall(queries[:12], filters=None),
    }
    say(f"HNSW t.o.v. exact: {recall}")
    bound = bounded_match_cost(queries, budget=budget)
    say(f"Begrensde FTS-match t.o.v. alles rangschikken: {bound}")

    embed_ids = rng.sample([i for i in all_ids if i not in set(similar_ids)], min(ARGS.embed, len(all_ids)))
    res["embed"] = run_indexing(embed_ids)
    rss = run_rss_probe()
    say(f"RSS-probe: {rss}")
    load_after, busy_after = busy_processes()
    say(f"Load average {load_after}; andere processen: {busy_after or 'geen'}")
    kind_table = {
        "embed_query": by_kind(embed_q["per_query"], KINDS),
        "hybrid_filter": by_kind(res["hybrid_filter"]["per_query"], KINDS),
        "hybrid": by_kind(res["hybrid"]["per_query"], KINDS),
    }
    seen = sorted({proc.split(" ", 1)[1] for x in res.values() for proc in x.get("busy", [])})
    report = {
        "loaded": loaded, "live": live, "vectors": vectors, "tsv_check": tsv_check, "info": info,
        "load_before": load_before, "busy_before": busy_before, "load_after": load_after, "busy_after": busy_after,
        "model_load": model_load, "freq_ms": freq_ms, "embed_q": embed_q, "res": res, "plans": plans,
        "sample": sample, "recall": recall, "bound": bound, "rss": rss, "main_peak": peak_rss_mb(),
        "kinds": kind_table, "seen": seen, "minutes": (time.perf_counter() - started) / 60,
        "budget": terms.FTS_MATCH_BUDGET, "git": git_state(),
    }  # fmt: skip
    CACHE_DIR.mkdir(exist_ok=True)
    saved = {**report, "res": {k: {kk: vv for kk, vv in v.items() if kk not in ("hits", "per_query")}
                               for k, v in res.items()}}  # fmt: skip
    (CACHE_DIR / "last-report.json").write_text(json.dumps(saved, default=str, indent=1), encoding="utf-8")
    text = render(report)
    print(text)
    if not ARGS.no_doc:
        write_section(text)
        say(f"Geschreven: {DOC.relative_to(ROOT)} ({SECTION})")


LABELS = {
    "embed_query": "query embedding (e5, 1 thread; overlaps the FTS queries)",
    "fts_rank": "FTS match + `ts_rank` + sort",
    "semantic": "semantic candidates (pgvector HNSW)",
    "facets": "facet counts",
    "fts_count": "`count(*)`",
    "snippets": "`ts_headline` snippets",
    "model_identity": "stored-model check (min/max by index, cached 60 s)",
    "doc_freq": "lexicon refresh (planner statistics, every 5 min)",
    "other": "other SQL (words, stems, glossary, in_bulk, settings)",
    "python_other": "Python / ORM not overlapped by SQL or embedding",
}


def merged(breakdown: dict) -> dict:
    out = defaultdict(float)
    for key, ms in breakdown.items():
        out[key if key in LABELS else "other"] += ms
    return out


def verdict(value, target, lower_is_better=True) -> str:
    ok = value <= target if lower_is_better else value >= target
    return "met" if ok else f"**missed** ({value / target:.1f}× target)" if lower_is_better else "**missed**"


def git_state() -> str:
    import subprocess

    def run(*cmd):
        return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    head = run("git", "rev-parse", "--short", "HEAD")
    dirty = run("git", "status", "--porcelain", "--", "casuistry/search")
    return f"commit {head}, `casuistry/search/` {'with uncommitted changes' if dirty else 'as committed'}"


def render(r: dict) -> str:
    res, info = r["res"], r["info"]
    hf, hy, fts, sim, typed, drafts = (res[k] for k in ("hybrid_filter", "hybrid", "fts", "similar", "typed", "drafts"))
    emb, rss, browse, bound = res["embed"], r["rss"], res["browse"], r["bound"]
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    loaded = r["loaded"]
    if loaded:
        idx = loaded["index_seconds"]
        load_text = (
            f"loaded in this run in {loaded['seconds']:.0f} s ({loaded['rows']} rows in "
            f"{loaded['rows_seconds']:.0f} s with COPY and SQL `to_tsvector`, GIN index "
            f"{idx.get('casus_search_vector_gin', 0):.0f} s, HNSW index {idx.get('casus_embedding_hnsw', 0):.0f} s)"
        )
    else:
        load_text = "loaded by an earlier run (the load is skipped when enough live casus exist; 100k took ~190 s: "
        load_text += "~135 s rows incl. SQL `to_tsvector`, ~6 s GIN, ~45 s HNSW with maintenance_work_mem 2GB)"
    same_tsv = "identical to" if r["tsv_check"] == "gelijk" else "DIFFERENT from"
    busy = "; ".join(r["busy_before"]) or "none"
    busy_after = "; ".join(r["busy_after"]) or "none"
    target = TARGETS["hybrid_filter_p95"]
    lines = [
        SECTION,
        "",
        f"Measured {when} with `{COMMAND}` (defaults: `--n 100000 --rounds 3 --series-budget "
        f"{ARGS.series_budget:.0f}`; a series stops after its time budget, after at least one full pass over the "
        f"72 queries of `tests/data/search_eval_queries.jsonl` except `fts`, whose partial pass is a random "
        f"sample; the whole run took {r['minutes']:.0f} min). Everything is timed through `search_casus` itself, "
        "end to end, after a warm-up; query embedding included, with the memory of recent query vectors emptied "
        "before every search.",
        "",
        f"- **Machine:** {info['cores']} cores ({info['cpu']}), {info['mem_gib']:.0f} GiB RAM. {info['postgres']}, "
        f"pgvector {info['pgvector']}, embedded server with shared_buffers {info['shared_buffers']} (set by the "
        f"bench, see below) and work_mem {info['work_mem']}; embedding threads {info['threads']}; dev settings with "
        "DEBUG off (no query log), as in production.",
        f"- **Other load:** load average {r['load_before']} before, {r['load_after']} after. Other busy processes "
        f"before: {busy}. After: {busy_after}. Seen during the series (>10 % of a core, sampled before each): "
        f"{'; '.join(r['seen']) or 'nothing'}.",
        f"- **Code:** {r['git']}.",
        f"- **Data:** own database `.pgdata-bench/` (git-ignored), {r['live']} live casus and {r['vectors']} "
        f"vectors, {load_text}. The 188 real casus (tests/data + demo_data) are loaded verbatim with their real "
        f"e5 vectors; the rest are synthetic: Dutch texts recombined from their sentences (mostly of the same "
        f"thema), facets drawn from their distribution (`boete` + `terugvordering en boete` ≈ 24 %), and a "
        f"vector that mixes the real vector of the source casus with one of the same thema plus Gaussian noise "
        f"(σ {NOISE_SIGMA}), re-normalised. The SQL-built `search_vector` is {same_tsv} "
        f"what `CasusPage.refresh_search_vector` writes. Sizes: casuspage {info['sizes'][0]} (with TOAST and "
        f"indexes), casusembedding {info['sizes'][1]}, HNSW index {info['sizes'][2]}, GIN index {info['sizes'][3]}.",
        "",
        "### Against the targets",
        "",
        "| measurement | n | p50 | p95 | target | result |",
        "|---|---:|---:|---:|---|---|",
        f"| hybrid + facet filter `uitkomst` ∈ {{boete, terugvordering en boete}}, all 72 queries | {hf['n']} | "
        f"{hf['p50']:.0f} ms | {hf['p95']:.0f} ms | p95 ≤ 150 ms | {verdict(hf['p95'], target)} |",
        f"| — typed queries (short, keyword, paraphrase: 1–14 words) | {typed['n']} | {typed['p50']:.0f} ms | "
        f"{typed['p95']:.0f} ms | p95 ≤ 150 ms | {verdict(typed['p95'], target)} |",
        f"| — pasted drafts (long: 71–82 words) | {drafts['n']} | {drafts['p50']:.0f} ms | {drafts['p95']:.0f} ms "
        f"| p95 ≤ 150 ms | {verdict(drafts['p95'], target)} |",
        f"| hybrid, no filter | {hy['n']} | {hy['p50']:.0f} ms | {hy['p95']:.0f} ms | – | |",
        f"| fts mode (the fallback), no filter | {fts['n']} | {fts['p50']:.0f} ms | {fts['p95']:.0f} ms | – | |",
        f"| similar casus `search_casus(like=casus, per_page=5)`, {sim['n']} random casus | {sim['n']} | "
        f"{sim['p50']:.1f} ms | {sim['p95']:.1f} ms | p95 ≤ 30 ms | {verdict(sim['p95'], TARGETS['similar_p95'])} |",
        f"| casus index without a query: first visit after a change / afterwards | 1 / 5 | "
        f"{browse['browse']['cold']:.0f} ms / {browse['browse']['warm_p50']:.0f} ms | | – | |",
        f"| bulk indexing `embed_casus`, batch 16 ({emb['chars']:.0f} characters a casus) | {emb['written']} | "
        f"{emb['rate']:.2f} casus/s | ({emb['seconds']:.0f} s) | ≥ 15 casus/s | "
        f"{verdict(emb['rate'], TARGETS['embed_rate'], lower_is_better=False)} |",
        f"| peak RSS, fresh process: Django + model + 9 hybrid searches + one batch of 16 passages | 1 | "
        f"{rss.get('peak', float('nan')):.0f} MB | | report | |",
        "",
        f"RSS of that process: {rss.get('after_setup', float('nan')):.0f} MB after `django.setup()`, "
        f"{rss.get('after_model', float('nan')):.0f} MB with the model loaded, peak "
        f"{rss.get('peak', float('nan')):.0f} MB. Loading the model took {r['model_load']:.1f} s. With a filter "
        f"the casus index took {browse['browse_filter']['cold']:.0f} ms on the first visit and "
        f"{browse['browse_filter']['warm_p50']:.0f} ms afterwards.",
        "",
        "By query kind (p50 / p95 ms):",
        "",
        "| kind | words | `embed_query` alone | hybrid + filter | hybrid |",
        "|---|---|---|---|---|",
        *[
            f"| {kind} | {KIND_WORDS.get(kind, '')} | {fmt_kind(r['kinds']['embed_query'].get(kind))} | "
            f"{fmt_kind(r['kinds']['hybrid_filter'].get(kind))} | {fmt_kind(r['kinds']['hybrid'].get(kind))} |"
            for kind in r["kinds"]["hybrid_filter"]
        ],
        "",
        "### Where the time goes (ms per search, mean)",
        "",
        "The query is embedded in a worker thread while the database ranks the keyword candidates, so the "
        "components add up to more than the total.",
        "",
        "| component | hybrid + filter | hybrid | fts | similar |",
        "|---|---:|---:|---:|---:|",
    ]
    parts = [merged(x["breakdown"]) for x in (hf, hy, fts, sim)]
    for key in sorted(LABELS, key=lambda k: -parts[0].get(k, 0)):
        if any(p.get(key, 0) >= 0.05 for p in parts):
            lines.append(f"| {LABELS[key]} | " + " | ".join(f"{p.get(key, 0):.1f}" for p in parts) + " |")
    lines.append("| **total (mean)** | " + " | ".join(f"**{x['mean']:.0f}**" for x in (hf, hy, fts, sim)) + " |")
    plans = bound["plans"]
    lines += [
        "",
        f"Refreshing the lexicon cache (every 5 minutes per process) took {r['freq_ms']:.0f} ms.",
        "",
        "### What the approximations cost",
        "",
        f"**Bounded keyword matching.** FTS matches on the rarest query words whose casus add up to "
        f"{r['budget']} (`FTS_MATCH_BUDGET`) and ranks them with the whole query. Of the "
        f"{sum(plans.values())} queries, "
        f"{plans.get('all words', 0)} matched on all their words, {plans.get('rarest words', 0)} on their rarest "
        f"words, and for {plans.get('too common', 0)} every word was too common, so hybrid ranked its semantic "
        f"candidates by keyword instead. Against ranking every OR match (no bound; p50 "
        f"{bound['unbounded_p50']:.0f} / p95 {bound['unbounded_p95']:.0f} ms a search), the filtered hybrid top 10 "
        f"keeps {bound['overlap']:.0%} of its casus ({bound['n']} queries; "
        + ", ".join(f"{kind} {share:.0%}" for kind, share in bound["by_kind"].items())
        + "). The synthetic near-copies make many casus tie on keywords, so overlap is a lower bound on agreement, "
        "not a relevance measure; relevance is measured by `evaluate_search` (docs/search.md), where the bound "
        "does not apply (128 casus).",
        "",
        "**HNSW.** The selector's semantic query against an exact scan (12 queries, limit 100, iterative scan "
        "relaxed_order, re-sorted):",
        "",
        "| hnsw.ef_search | filter | recall@100 | recall@10 | ms per semantic query |",
        "|---:|---|---:|---:|---:|",
        *[
            f"| {run['ef']} | {name} | {run['recall']:.3f} | {run['recall10']:.3f} | {run['ms']:.1f} |"
            for name, key in (("uitkomst filter", "filter"), ("none", "none"))
            for run in r["recall"][key]
        ],
        "",
        f"The selector uses ef_search {semantic.HNSW_EF_SEARCH}. The synthetic corpus is harder for HNSW "
        "than real data (~530 noisy near-copies per real casus).",
        "",
        "### Query plans (EXPLAIN (ANALYZE, BUFFERS), key lines)",
        "",
        f"Sample query (median length): “{r['sample'][:120]}{'…' if len(r['sample']) > 120 else ''}”.",
        "",
    ]
    for label, plan in r["plans"].items():
        lines += [f"**{label}**", "", "```", *plan["key"], "```", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


KIND_WORDS = {"short": "1–3", "keyword": "1–9", "paraphrase": "9–14", "long": "71–82"}


def fmt_kind(value) -> str:
    return f"{value[0]:.0f} / {value[1]:.0f}" if value else ""


def write_section(text: str) -> None:
    """Replace (or append) the section in docs/performance.md; other sections stay as they are."""
    current = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    start = current.find(SECTION + "\n")
    if start == -1:
        new = current.rstrip("\n") + "\n\n" + text
    else:
        following = re.search(r"^## ", current[start + len(SECTION) :], flags=re.M)
        end = start + len(SECTION) + following.start() if following else len(current)
        new = current[:start] + text + ("\n" + current[end:] if following else "")
    DOC.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
