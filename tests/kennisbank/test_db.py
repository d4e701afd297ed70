import json
import os

import pytest
from django.db import connection

from kennisbank import db


@pytest.mark.django_db
def test_database_is_postgresql_with_vector_and_dutch_search():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT to_tsvector('dutch', 'giften')::text")
        stemmed = cursor.fetchone()[0]
    assert connection.vendor == "postgresql"
    assert "vector" in extensions
    assert stemmed == "'gift':1"


def test_dead_process_handles_are_forgotten(tmp_path):
    (tmp_path / ".handle_pids.json").write_text(json.dumps([os.getpid() + 10**6, os.getppid()]))

    db._forget_dead_handles(tmp_path)

    assert json.loads((tmp_path / ".handle_pids.json").read_text()) == [os.getppid()]


def test_stale_pidfile_of_a_killed_server_is_removed(tmp_path):
    (tmp_path / "postmaster.pid").write_text(
        f"{os.getpid()}\n{tmp_path}\n"
    )  # our pid: not a postgres process

    db._remove_stale_pidfile(tmp_path)

    assert not (tmp_path / "postmaster.pid").exists()


def test_database_url_wins(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://kb:pw@db.example:5433/kennisbank")
    config = db.database_settings()
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "kennisbank")


def test_database_url_must_be_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///tmp/x.db")
    with pytest.raises(RuntimeError, match="PostgreSQL"):
        db.database_settings()
