"""Schemathesis against /openapi.json: generated requests to every route, no server error, on
SQLite and PostgreSQL. Requests carry the write token, so the write route's body is parsed,
checked and extracted, not refused at the door; a generated ``url`` resolves to a private
address and is refused without any traffic."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.api.conftest import fill_ledger
from wirewatch.api import create_app
from wirewatch.config import Settings
from wirewatch.ingest import fetch

TOKEN = "s3cret"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def app(request, tmp_path_factory):
    url = fill_ledger(request.param, str(tmp_path_factory.mktemp("fuzz") / "ledger.db"))
    application = create_app(Settings(db=url), token=TOKEN)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fetch, "resolve", lambda host, port: ["10.0.0.1"])
        patch.setattr(fetch, "open_socket", lambda *a: pytest.fail("a fuzzed url was fetched"))
        yield application
    application.state.store.close()


def test_every_operation_survives_generated_requests(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 9  # eight paths, one of them with GET and POST
    statuses: dict[str, list[int]] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case):
            response = case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                              checks=[not_a_server_error])
            route = f"{case.operation.method.upper()} {case.operation.path}"
            statuses.setdefault(route, []).append(response.status_code)

        run()
    written = statuses["POST /api/v1/articles"]
    assert written and not {401, 403} & set(written)  # the body ran every time
    assert len(statuses) == len(operations)
