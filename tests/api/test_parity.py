"""The command line and the API give the same answer: for every listing and a set of filters
(codes in lower case, days, booleans), ``--format json`` prints exactly the API's items in
the same order, and walking the API's pages two rows at a time finds the same rows again."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import fill_ledger
from wirewatch.api import create_app
from wirewatch.cli import main
from wirewatch.config import Settings

# (command line arguments, API route and parameters) of one listing and filter set
CASES: list[tuple[list[str], str, dict[str, str]]] = [
    (["articles"], "/api/v1/articles", {}),
    (["articles", "--search", "troops Sudan"], "/api/v1/articles", {"q": "troops Sudan"}),
    (["articles", "--source", "Yonhap News Agency"], "/api/v1/articles",
     {"source": "Yonhap News Agency"}),
    (["events"], "/api/v1/events", {}),
    (["events", "--type", "consult"], "/api/v1/events", {"type": "consult"}),
    (["events", "--actor", "korgov"], "/api/v1/events", {"actor": "korgov"}),
    (["events", "--actor", "sdn", "--modality", "NEGATED"], "/api/v1/events",
     {"actor": "sdn", "modality": "NEGATED"}),
    (["events", "--country", "kor"], "/api/v1/events", {"country": "kor"}),
    (["events", "--since", "2024-10-29", "--until", "2025-03-12"], "/api/v1/events",
     {"since": "2024-10-29", "until": "2025-03-12"}),
    (["events", "--place", "tcd"], "/api/v1/events", {"place": "tcd"}),
    (["events", "--publisher", "Test Wire"], "/api/v1/events", {"publisher": "Test Wire"}),
    (["events", "--merged"], "/api/v1/events", {"merged": "true"}),
    (["events", "--merged", "--type", "mobilize", "--actor", "sdnmil"], "/api/v1/events",
     {"merged": "true", "type": "mobilize", "actor": "sdnmil"}),
    (["events", "--merged", "--since", "2025-03-10", "--place", "tcd"], "/api/v1/events",
     {"merged": "true", "since": "2025-03-10", "place": "tcd"}),
    (["actors"], "/api/v1/actors", {}),
    (["actors", "--country", "prk"], "/api/v1/actors", {"country": "prk"}),
    (["places"], "/api/v1/places", {}),
    (["places", "--country", "rus"], "/api/v1/places", {"country": "rus"}),
    (["statements"], "/api/v1/statements", {}),
    (["statements", "--speaker", "korgov"], "/api/v1/statements", {"speaker": "korgov"}),
    (["statements", "--anonymous"], "/api/v1/statements", {"anonymous": "true"}),
    (["statements", "--named", "--speaker", "ukrgov"], "/api/v1/statements",
     {"anonymous": "false", "speaker": "ukrgov"}),
    (["stories"], "/api/v1/stories", {}),
    (["claims"], "/api/v1/claims", {}),
    (["claims", "--actor", "sdn", "--unit", "troops"], "/api/v1/claims",
     {"actor": "sdn", "unit": "troops"}),
]
LIMIT = 500


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, tmp_path_factory):
    url = fill_ledger(request.param, str(tmp_path_factory.mktemp("parity") / "ledger.db"))
    app = create_app(Settings(db=url))
    yield url, TestClient(app)
    app.state.store.close()


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    try:
        main(list(args))
    except SystemExit as exit_:
        assert not exit_.code, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def api_items(client: TestClient, route: str, params: dict[str, str]) -> list[dict[str, Any]]:
    response = client.get(route, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


@pytest.mark.parametrize(("args", "route", "params"), CASES,
                         ids=[" ".join(args) for args, _, _ in CASES])
def test_the_command_line_prints_what_the_api_serves(capsys, served, args, route, params):
    db, client = served
    printed = cli_json(capsys, *args, "--db", db, "--format", "json", "--limit", str(LIMIT))
    assert printed == api_items(client, route, {**params, "limit": str(LIMIT)})
    # the filter found something, so that an agreement on nothing proves nothing
    assert printed


@pytest.mark.parametrize(("args", "route", "params"), CASES,
                         ids=[" ".join(args) for args, _, _ in CASES])
def test_pages_two_rows_at_a_time_find_the_same_rows(served, args, route, params):
    _, client = served
    everything = api_items(client, route, {**params, "limit": str(LIMIT)})
    walked: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": "2", **({"cursor": cursor} if cursor else {})}
        response = client.get(route, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        walked += page["items"]
        cursor = page["next"]
        if cursor is None:
            break
    if route == "/api/v1/claims":  # conflicts are flagged within a page
        for row in everything + walked:
            row.pop("conflicts_with")
    assert walked == everything
