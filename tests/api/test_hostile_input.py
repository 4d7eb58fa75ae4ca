"""Forged cursors, LIKE wildcards, NUL bytes and over-long values on every paged route and
page, on SQLite and on PostgreSQL: each is a clear 422 (or finds nothing), never a 500."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import fill_ledger
from wirewatch.api import create_app
from wirewatch.api.guard import MAX_VALUE_CHARS
from wirewatch.config import Settings

PAGED = {  # route: its string filters
    "/api/v1/articles": ["q", "source"],
    "/api/v1/events": ["type", "actor", "country", "modality", "since", "until", "place",
                       "publisher"],
    "/api/v1/events?merged=true": ["type", "actor", "country", "modality", "since", "until",
                                   "place", "publisher"],
    "/api/v1/actors": ["country"],
    "/api/v1/places": ["country"],
    "/api/v1/statements": ["speaker"],
    "/api/v1/stories": [],
    "/api/v1/claims": ["actor", "unit"],
    "/articles": ["q"],
    "/events": ["type", "actor", "modality", "since", "until", "publisher", "country", "place"],
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(request, tmp_path_factory):
    url = fill_ledger(request.param, str(tmp_path_factory.mktemp("hostile") / "ledger.db"))
    app = create_app(Settings(db=url))
    yield TestClient(app)
    app.state.store.engine.dispose()


def _get(client, route: str, **params):
    path, _, fixed = route.partition("?")
    if fixed:
        params = {**dict([fixed.split("=")]), **params}
    return client.get(path, params=params)


def _cursor(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


FORGED = [
    _cursor([{}, []]), _cursor([{}]), _cursor([[]]), _cursor([True]), _cursor([True, True]),
    _cursor([2**64]), _cursor([2**64, 2**64]), _cursor(["a", 2**63]), _cursor([-(2**63) - 1]),
    _cursor([10**400]), _cursor([1.5]), _cursor([1.5, 2.5]), _cursor(["x" * 300, 0]),
    _cursor([None, None]), _cursor(["a\x00", 0]), _cursor([1, 2, 3]), _cursor([]),
    _cursor(2**64), _cursor({"id": 1}), _cursor("text"), _cursor(None),
    "!!!", "%%%", "a", "====", "A" * 5000, base64.urlsafe_b64encode(b"\xff\xfe\x00").decode(),
    base64.urlsafe_b64encode(b"[" * 250).decode(), base64.urlsafe_b64encode(b"NaN").decode(),
    base64.urlsafe_b64encode(b"[NaN, Infinity]").decode(),
]


@pytest.mark.parametrize("route", list(PAGED))
def test_every_forged_cursor_is_a_422(server, route):
    for cursor in FORGED:
        response = _get(server, route, cursor=cursor)
        assert response.status_code == 422, (route, cursor, response.text[:200])
        assert "cursor" in response.text


@pytest.mark.parametrize("route", list(PAGED))
def test_a_cursor_the_server_gave_out_still_works(server, route):
    first = _get(server, route, limit=1) if route.startswith("/api/") else _get(server, route)
    assert first.status_code == 200
    if route.startswith("/api/"):
        cursor = first.json()["next"]
        assert cursor, route  # every route of the ledger has more than one item
        assert _get(server, route, limit=1, cursor=cursor).status_code == 200


@pytest.mark.parametrize(("route", "cursor"), [
    ("/api/v1/stories", [None, 2**63 - 1]), ("/api/v1/claims", [-(2**63), None, -(2**63)]),
    ("/api/v1/events?merged=true", [None, 2**63 - 1]),
    ("/api/v1/events", ["9999", "f" * 64, 2**63 - 1]),
    ("/api/v1/actors", [2**63 - 1, 0, "ZZZ"]), ("/api/v1/articles", ["9999", "f" * 64]),
])
def test_well_formed_cursors_at_the_edges_of_their_types(server, route, cursor):
    response = _get(server, route, cursor=_cursor(cursor))
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("route", [r for r, filters in PAGED.items() if filters])
def test_nul_bytes_and_over_long_filters_are_a_422(server, route):
    for name in PAGED[route]:
        for value in ("KOR\x00", "\x00", "K" * (MAX_VALUE_CHARS + 1)):
            response = _get(server, route, **{name: value})
            assert response.status_code == 422, (route, name, response.text[:200])
    response = _get(server, route, unknown="\x00")
    assert response.status_code == 422


def test_nul_bytes_and_over_long_values_in_paths_are_a_422(server):
    for path in ("/api/v1/articles/ab%00", "/articles/ab%00", "/actors/KOR%00",
                 "/api/v1/articles/" + "a" * (MAX_VALUE_CHARS + 1),
                 "/actors/" + "K" * (MAX_VALUE_CHARS + 1)):
        assert server.get(path).status_code == 422, path


def test_a_long_search_within_the_limit_is_answered(server):
    response = server.get("/api/v1/articles", params={"q": "Nairobi " * 60})
    assert response.status_code == 200


@pytest.mark.parametrize("route", ["/api/v1/events", "/api/v1/events?merged=true",
                                   "/api/v1/claims"])
def test_like_wildcards_in_actor_match_themselves(server, route):
    assert _get(server, route, actor="SDN").json()["items"], "the control finds events"
    for wildcard in ("%", "_", "%%", "S%", "SD_", "\\", "_DN", "%DN"):
        response = _get(server, route, actor=wildcard)
        assert response.status_code == 200 and response.json()["items"] == [], wildcard


def test_like_wildcards_on_the_events_page(server):
    assert "No events match" not in server.get("/events", params={"actor": "SDN"}).text
    assert "No events match" in server.get("/events", params={"actor": "%"}).text
    assert "No events match" in server.get("/events", params={"actor": "_"}).text


def test_a_search_without_words_finds_nothing(server):
    for q in ("%", "%%", "*", "\\", "'", '"'):
        response = server.get("/api/v1/articles", params={"q": q})
        assert response.status_code == 422, q
        assert "no word" in response.json()["error"]["message"]
    assert server.get("/articles", params={"q": "%"}).status_code == 422
    underscore = server.get("/api/v1/articles", params={"q": "_"})
    assert underscore.status_code == 422 or underscore.json()["items"] == []


def test_ids_are_matched_from_their_start_only(server):
    found = server.get("/api/v1/articles", params={"source": "Test Wire"}).json()["items"]
    article = found[0]["id"]
    assert server.get(f"/api/v1/articles/{article[:12]}").status_code == 200
    assert server.get(f"/articles/{article[:12]}").status_code == 200
    for probe in (f"%25{article[-12:]}", f"_{article[1:12]}", "%25", "_", article[:4] + "%25"):
        assert server.get(f"/api/v1/articles/{probe}").status_code == 404, probe
        assert server.get(f"/articles/{probe}").status_code == 404, probe
