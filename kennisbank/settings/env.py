"""The environment, read in one place: every setting that differs per installation comes through here."""

from __future__ import annotations

import os


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def integer(name: str, default: int) -> int:
    raw = text(name)
    try:
        return int(raw) if raw else default
    except ValueError as exc:
        raise ValueError(f"{name} moet een geheel getal zijn.") from exc


def boolean(name: str, default: bool) -> bool:
    raw = text(name).lower()
    return default if not raw else raw in ("1", "true", "ja", "yes", "on")


def items(name: str) -> list[str]:
    """A comma-separated list, e.g. ALLOWED_HOSTS=kennisbank.gemeente.nl,intern.gemeente.nl."""
    return [part.strip() for part in text(name).split(",") if part.strip()]
