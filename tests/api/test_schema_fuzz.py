"""Schemathesis against /openapi.json: generated requests to every route, no server error."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from wirewatch.api import create_app
from wirewatch.config import Settings


@pytest.fixture(scope="module")
def operations(ledger):
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", create_app(Settings(db=ledger), token="s3cret"))
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_survives_generated_requests(operations):
    assert len(operations) == 9  # eight paths, one of them with GET and POST
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])

        run()
