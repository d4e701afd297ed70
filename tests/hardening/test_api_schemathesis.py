"""The JSON API against its own OpenAPI description (schemathesis): no input gives a server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from wagtail.models import APIToken

from base import roles
from tests.factories import create_casus


@pytest.fixture
def api_auth(db, make_user):
    create_casus(external_id="API-FUZZ", title="Gift van ouders", thema="Giften en leningen")
    _, plaintext = APIToken.create_token(user=make_user(roles.REDACTEUR, username="api_fuzz"), name="fuzz")
    return {"Authorization": f"Bearer {plaintext}"}


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: a WSGI request must not close the test transaction's connection."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(api_auth, keep_test_connection):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application(), headers=api_auth)


def test_no_request_gives_a_server_error(api_schema, api_auth):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 4  # search, casus, similar casus, write

    for operation in operations:

        @hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case):
            case.call_and_validate(headers=api_auth, checks=[not_a_server_error])

        check()
