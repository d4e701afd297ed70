import importlib
import json
from pathlib import Path

import pytest

from base import roles
from tests.factories import UserFactory

DATA_DIR = Path(__file__).parent / "data"
# Data migrations whose rows the tests rely on (idempotent seed functions).
SEEDING_MIGRATIONS = ("casuistry.migrations.0006_bezwaargronden", "glossary.migrations.0002_base_glossary")


def restore_migration_rows() -> None:
    """The rows the migrations create (site, sections, roles, seeds), put back idempotently."""
    from django.apps import apps

    from base.setup import ensure_roles, ensure_site_structure

    ensure_site_structure(apps)
    ensure_roles(apps)
    for migration in SEEDING_MIGRATIONS:
        importlib.import_module(migration).seed(apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Transactional tests flush the database at the end; with --reuse-db the next session would
    start without the rows the migrations created. Put them back (idempotent)."""
    with django_db_blocker.unblock():
        restore_migration_rows()


@pytest.fixture(autouse=True)
def migration_rows_for_transactional_tests(request):
    """A transactional test may run after another one flushed the database: put the migration rows back.
    (Not serialized_rollback: its restore collides with the content types a flush re-creates.)"""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        restore_migration_rows()


@pytest.fixture(autouse=True)
def fresh_search_caches():
    """The selector caches statistics per process; every test starts from its own data."""
    from casuistry.search import clear_caches

    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def make_user(db):
    def make(role: str | None = None, username: str | None = None):
        return UserFactory(username=username or (role or "gebruiker").lower().replace(" ", "_"), role=role)

    return make


@pytest.fixture
def consulent(make_user):
    return make_user(roles.CONSULENT)


@pytest.fixture
def consulent_client(client, consulent):
    client.force_login(consulent)
    return client


@pytest.fixture(scope="session")
def casus_schema():
    from django.conf import settings

    return json.loads(Path(settings.CASUS_SCHEMA_FILE).read_text(encoding="utf-8"))
