"""Production settings, headers, health endpoints, logging without personal data, backup and restore."""

import io
import json
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from base.backup import backup, restore
from casuistry.services.import_export import export_casus
from kennisbank.logs import JsonFormatter, MaskPersonalData
from tests.factories import create_casus

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kennisbank.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://kb:pw@db.example:5432/kennisbank",
    "ALLOWED_HOSTS": "kennisbank.gemeente.example",
}


def run_manage(*args, env=None):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_manage_py_fails_closed_without_production_variables():
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL")}
    result = subprocess.run([sys.executable, str(ROOT / "manage.py"), "check"], env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "SECRET_KEY ontbreekt" in result.stderr


def test_production_settings_force_https_and_hsts():
    code = (
        "from django.conf import settings as s; import django; django.setup();"
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG,"
        " s.KENNISBANK_DEMO_ACCOUNTS, s.KENNISBANK_TWO_FACTOR)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **PRODUCTION_ENV}, capture_output=True, text=True, cwd=ROOT
    )
    assert result.stdout.split() == ["True", "31536000", "True", "True", "False", "False", "True"], result.stderr


@pytest.mark.django_db
def test_every_page_sends_a_content_security_policy_without_inline_code(consulent_client):
    response = consulent_client.get("/casus/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY" and response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    assert "onclick=" not in html and "<script>" not in html.replace("<script src", "")


@pytest.mark.django_db
def test_liveness_needs_nothing_and_readiness_checks_database_migrations_and_model(client):
    assert client.get("/health/live/").json() == {"status": "ok"}
    ready = client.get("/health/ready/")
    body = ready.json()
    assert body["database"] is True and body["migraties"] is True
    assert ready.status_code == (503 if body["zoekmodel"] == "not loaded" else 200)


def test_log_lines_are_json_and_carry_no_identifier():
    record = logging.LogRecord(
        "casuistry", logging.WARNING, __file__, 1, "Import mislukt voor %s, BSN %s", ("Fatima El Amrani", "111222333"),
        None,
    )
    assert MaskPersonalData().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["niveau"] == "WARNING" and line["logger"] == "casuistry"
    assert "Fatima" not in line["bericht"] and "111222333" not in line["bericht"]
    assert "[PERSOON-1]" in line["bericht"] and "[BSN]" in line["bericht"]


def test_the_access_log_records_the_path_but_never_the_query_string():
    namespace = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102 - our own configuration file
    assert "%(U)s" in namespace["access_log_format"]
    assert "%(r)s" not in namespace["access_log_format"] and "%(q)s" not in namespace["access_log_format"]


def _tables() -> list[str]:
    """The table of every model (and many-to-many table) that the migrations created."""
    existing = set(connection.introspection.table_names())
    return sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True)} & existing)


def _snapshot(cursor) -> dict[str, list]:
    """Every row of every model's table, as JSON text, in a stable order."""
    found = {}
    for table in _tables():
        cursor.execute(f'SELECT row_to_json(t)::text FROM "{table}" t ORDER BY 1')
        found[table] = [row[0] for row in cursor.fetchall()]
    return found


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_with_nothing_lost(tmp_path):
    create_casus(external_id="BACKUP-1", title="Gift van ouders", bezwaar="gegrond")
    create_casus(external_id="BACKUP-2", title="Vriend blijft slapen", tags=["samenwonen", "huisbezoek"])
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    dump = backup(tmp_path / "kennisbank.dump")

    db = connection.settings_dict
    target = f"{db['NAME']}_restore"
    server = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}
    with psycopg.connect(**server, dbname="postgres", autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{target}"')
        pg.execute(f'CREATE DATABASE "{target}"')
    try:
        restore(dump, database=target)
        with connection.cursor() as cursor:
            before = _snapshot(cursor)
        with psycopg.connect(**server, dbname=target) as restored:
            after = _snapshot(restored.cursor())
        assert {t: len(rows) for t, rows in after.items()} == {t: len(rows) for t, rows in before.items()}
        assert after == before  # every row of every model, not only the counts
        assert len(before["casuistry_casuspage"]) >= 62 and before["leerpaden_stapvoortgang"]

        original = io.StringIO()
        export_casus(stream=original)
        url = f"postgres://{quote(db['USER'])}@/{target}?host={quote(str(db['HOST']))}&port={db['PORT']}"
        exported = tmp_path / "restored.jsonl"
        result = run_manage(
            "export_casus", "--output", str(exported),
            env={"DJANGO_SETTINGS_MODULE": "kennisbank.settings.dev", "DATABASE_URL": url, "KENNISBANK_WARM_UP": "0"},
        )
        assert result.returncode == 0, result.stderr
        assert exported.read_text(encoding="utf-8") == original.getvalue()
    finally:
        with psycopg.connect(**server, dbname="postgres", autocommit=True) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
