"""Fixtures for the anonymisation tests (plain pytest; no Django, no database)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _warm_detector():
    from casuistry.services.anonymisation import warm_up

    warm_up()
