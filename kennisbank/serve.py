"""`make serve-production`: a local trial of the production stack on the embedded database.

gunicorn (gunicorn.conf.py) with the production settings, plus the django-tasks database worker
that embeds published casus. Over plain HTTP on 127.0.0.1 (KENNISBANK_LOCAL_TRIAL: no HTTPS
redirect, cookies without the Secure flag); everything else is production: DEBUG off, no demo
accounts, JSON logs, CSP, lockout, two-factor. In a real installation a reverse proxy terminates
TLS and DATABASE_URL points at a managed PostgreSQL with pgvector (docs/operations.md).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from kennisbank.db import embedded_database_url, pgdata_path

ROOT = Path(__file__).resolve().parent.parent


def trial_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", embedded_database_url())
    env.setdefault("SECRET_KEY", _local_secret_key())
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    env.setdefault("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000")
    env["DJANGO_SETTINGS_MODULE"] = "kennisbank.settings.production"
    env["KENNISBANK_LOCAL_TRIAL"] = "1"
    return env


def _local_secret_key() -> str:
    """One random key per machine, kept beside the embedded database (never in the repository)."""
    path = pgdata_path().parent / ".local-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def main() -> int:
    env = trial_environment()
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "--verbosity", "0"]):
        subprocess.run([*manage, *command], env=env, check=True, cwd=ROOT)
    worker = subprocess.Popen([*manage, "db_worker", "--queue-name", "*"], env=env, cwd=ROOT)
    print("Kennisbank (productie-instellingen, lokale proef) op http://127.0.0.1:8000 — stoppen met Ctrl+C.")
    try:
        return subprocess.run(
            [sys.executable, "-m", "gunicorn", "kennisbank.wsgi:application"], env=env, cwd=ROOT
        ).returncode
    except KeyboardInterrupt:
        return 0
    finally:
        worker.terminate()
        worker.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
