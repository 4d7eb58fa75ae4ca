"""Who may read and write, what a request may carry, and what every response says."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import create_app, guard
from wirewatch.config import Settings

WRITE = "s3cret"
READ = "r3ad"
BODY = {"text": "Kenya hosted Somalia's president in Nairobi on Tuesday.",
        "published": "2025-03-25", "source": "Test Wire"}
READ_METHODS = {"GET", "HEAD", "OPTIONS"}


def _client(ledger, **settings) -> TestClient:
    tokens = {k: settings.pop(k) for k in ("token", "read_token") if k in settings}
    return TestClient(create_app(Settings(db=ledger, **settings), **tokens))


@pytest.fixture(scope="module")
def writable(ledger, tmp_path_factory):
    """A server over a copy of the ledger, so that what these tests write stays here."""
    copy = tmp_path_factory.mktemp("writable") / "ledger.db"
    shutil.copy(ledger, copy)
    return _client(str(copy), token=WRITE)


@pytest.fixture(scope="module")
def closed(ledger):
    """A server with both tokens: nothing is read or written without one."""
    return _client(ledger, token=WRITE, read_token=READ)


def _routes(routes):
    for route in routes:
        included = getattr(route, "original_router", None)
        yield from _routes(included.routes) if included is not None else [route]


def _write_routes(app) -> list[tuple[str, str]]:
    """Every (method, path) of the application that is not a read, however it was added."""
    routes = [(method, route.path) for route in _routes(app.routes)
              for method in sorted(getattr(route, "methods", None) or ())
              if method not in READ_METHODS]
    assert routes, "the application has write routes to check"
    return routes


@pytest.mark.parametrize("authorization", [
    None, WRITE, f"Token {WRITE}", f"Basic {WRITE}", "Bearer", "Bearer ", "Bearer s3c",
    "Bearer s3cret-and-more", f"Bearer {READ}", f"{WRITE} Bearer", f"Bearer{WRITE}",
])
def test_every_write_route_needs_the_write_token_as_bearer(writable, authorization):
    """A plain token, a prefix of it, a longer value or another scheme is refused on every
    route that writes, before the body is looked at."""
    headers = {"Authorization": authorization} if authorization is not None else {}
    for method, path in _write_routes(writable.app):
        response = writable.request(method, path.replace("{article_id}", "0" * 64),
                                  json=BODY, headers=headers)
        assert response.status_code == 401, (method, path, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["error"]["message"] == (
            "a valid bearer token is needed to write (Authorization: Bearer <token>)")


def test_the_bearer_scheme_is_case_insensitive_and_the_token_is_exact(writable):
    made = writable.post("/api/v1/articles", json=BODY,
                         headers={"Authorization": f"bearer {WRITE}"})
    assert made.status_code == 201
    assert writable.post("/api/v1/articles", json=BODY,
                       headers={"Authorization": f"Bearer {WRITE.upper()}"}).status_code == 401


def test_tokens_are_compared_in_constant_time(client, monkeypatch):
    compared = []

    def compare(a, b):
        compared.append((a, b))
        return a == b

    monkeypatch.setattr(guard.hmac, "compare_digest", compare)
    client.post("/api/v1/articles", json={}, headers={"Authorization": "Bearer guess"})
    assert (b"guess", WRITE.encode()) in compared


def _post_endless_body(app, headers: list[tuple[bytes, bytes]],
                      path: str = "/api/v1/articles") -> tuple[int, int]:
    """POST a body that never ends straight to the ASGI application: (status, chunks read)."""
    chunks = []

    async def receive():
        chunks.append(1)
        return {"type": "http.request", "body": b"x" * 100, "more_body": True}

    messages = []

    async def send(message):
        messages.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path,
             "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(b"content-type", b"application/json"), *headers],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    asyncio.run(app(scope, receive, send))
    return messages[0]["status"], len(chunks)


def test_writes_are_refused_before_the_body_is_read(ledger):
    """An unauthenticated client cannot make the server read (or buffer) any of a body."""
    app = create_app(Settings(db=ledger), token=WRITE)
    assert _post_endless_body(app, []) == (401, 0)
    assert _post_endless_body(app, [(b"authorization", WRITE.encode())]) == (401, 0)


def test_body_size_limit_on_a_streamed_body(ledger):
    """A body without a length is read only until it passes the limit."""
    app = create_app(Settings(db=ledger, max_body_bytes=1000), token=WRITE)
    status, chunks = _post_endless_body(app, [(b"authorization", f"Bearer {WRITE}".encode())])
    assert (status, chunks) == (413, 11)


def test_body_size_limit_from_the_declared_length(ledger):
    small = _client(ledger, token=WRITE, max_body_bytes=1000)
    response = small.post("/api/v1/articles", content=b"{}",
                          headers={"Authorization": f"Bearer {WRITE}",
                                   "Content-Type": "application/json",
                                   "Content-Length": "1001"})
    assert response.status_code == 413
    assert "max_body_bytes" in response.json()["error"]["message"]


def test_a_body_under_the_limit_still_reaches_the_route(ledger):
    small = _client(ledger, token=WRITE, max_body_bytes=1000)
    response = small.post("/api/v1/articles", json={"published": "soon", "text": "x"},
                          headers={"Authorization": f"Bearer {WRITE}"})
    assert response.status_code == 422 and "published" in response.json()["error"]["message"]


def test_a_text_over_max_chars_is_a_clear_422(ledger):
    limited = _client(ledger, token=WRITE, max_chars=1000)
    response = limited.post("/api/v1/articles", json={"text": "Kenya said. " * 200},
                            headers={"Authorization": f"Bearer {WRITE}"})
    assert response.status_code == 422
    assert "max_chars" in response.json()["error"]["message"]


def test_a_nul_in_a_submitted_field_is_a_clear_422(writable):
    for field in ("text", "title", "source", "url", "html", "published"):
        response = writable.post("/api/v1/articles", json={**BODY, field: "a\x00b"},
                               headers={"Authorization": f"Bearer {WRITE}"})
        assert response.status_code == 422, field
        assert "NUL" in response.json()["error"]["message"]


PAGES = ["/", "/articles", "/events", "/timeline", "/map", "/claims", "/actors/SDNMIL"]
API = ["/api/v1/articles", "/api/v1/events", "/api/v1/actors", "/api/v1/places",
       "/api/v1/statements", "/api/v1/stories", "/api/v1/claims", "/openapi.json"]


def test_the_read_token_closes_the_api_and_every_page(closed, client):
    article = client.get("/api/v1/articles", params={"q": "owned"}).json()["items"][0]["id"]
    for path in [*API, f"/api/v1/articles/{article}"]:
        response = closed.get(path)
        assert response.status_code == 401, path
        assert response.json()["error"]["message"] == (
            "a valid bearer token is needed to read this server")
        assert response.headers["www-authenticate"] == "Bearer"
    for path in [*PAGES, f"/articles/{article}", "/docs"]:
        response = closed.get(path)
        assert response.status_code == 401, path
        assert 'action="/login"' in response.text or "action='/login'" in response.text
        assert "Kenyan" not in response.text and "owned" not in response.text
    assert closed.get("/api/v1/stories", headers={"Authorization": READ}).status_code == 401
    assert closed.get("/", headers={"Authorization": f"Bearer {READ}x"}).status_code == 401


def test_the_read_or_the_write_token_opens_reading(closed):
    for token in (READ, WRITE):
        headers = {"Authorization": f"Bearer {token}"}
        for path in [*API, *PAGES]:
            assert closed.get(path, headers=headers).status_code == 200, (token, path)
    # the read token does not write
    refused = closed.post("/api/v1/articles", json=BODY,
                          headers={"Authorization": f"Bearer {READ}"})
    assert refused.status_code == 401


def test_static_files_stay_open(closed):
    assert closed.get("/static/style.css").status_code == 200


def test_a_browser_logs_in_with_the_read_token(ledger):
    browser = _client(ledger, read_token=READ)
    form = browser.get("/events?type=CONSULT")
    assert form.status_code == 401 and 'value="/events?type=CONSULT"' in form.text.replace(
        "'", '"')
    wrong = browser.post("/login", data={"token": "guess", "next": "/events"},
                         follow_redirects=False)
    assert wrong.status_code == 401 and guard.SESSION_COOKIE not in wrong.headers.get(
        "set-cookie", "")
    good = browser.post("/login", data={"token": READ, "next": "/events?type=CONSULT"},
                        follow_redirects=False)
    assert good.status_code == 303 and good.headers["location"] == "/events?type=CONSULT"
    cookie = good.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    assert READ not in cookie  # the cookie is derived from the token, not the token
    assert browser.get("/events", params={"type": "CONSULT"}).status_code == 200
    assert browser.get("/api/v1/stories").status_code == 200
    # the session reads, it never writes
    assert browser.post("/api/v1/articles", json=BODY).status_code == 401


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil",
                                    "javascript:alert(1)", "",
                                    "/events\r\nSet-Cookie: owned=1"])
def test_login_goes_back_only_to_this_server(ledger, target):
    browser = _client(ledger, read_token=READ)
    response = browser.post("/login", data={"token": READ, "next": target},
                            follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_spaces_after_the_scheme_are_one_separator(writable):
    response = writable.post("/api/v1/articles", json=BODY,
                             headers={"Authorization": f"Bearer  {WRITE}"})
    assert response.status_code in (200, 201)


def test_login_goes_back_to_a_page_whose_query_holds_a_space(ledger):
    browser = _client(ledger, read_token=READ)
    response = browser.post("/login", data={"token": READ, "next": "/articles?q=North Korea"},
                            follow_redirects=False)
    assert response.headers["location"] == "/articles?q=North%20Korea"


def test_the_session_cookie_is_secure_over_https(ledger):
    browser = TestClient(create_app(Settings(db=ledger), read_token=READ),
                         base_url="https://testserver")
    response = browser.post("/login", data={"token": READ, "next": "/"},
                            follow_redirects=False)
    assert "secure" in response.headers["set-cookie"].lower()
    plain = _client(ledger, read_token=READ).post("/login", data={"token": READ, "next": "/"},
                                                  follow_redirects=False)
    assert "secure" not in plain.headers["set-cookie"].lower()


def test_the_login_form_of_a_page_without_a_query_goes_back_to_it(closed):
    form = closed.get("/events")
    assert form.status_code == 401 and 'value="/events"' in form.text.replace("'", '"')


def test_a_refused_value_says_why(client):
    response = client.get("/api/v1/events", params={"actor": "KOR\x00"})
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "actor: holds a NUL character"


def test_a_session_reads_with_head_too(ledger):
    browser = _client(ledger, read_token=READ)
    assert browser.head("/events").status_code == 401
    browser.post("/login", data={"token": READ, "next": "/"}, follow_redirects=False)
    assert browser.head("/events").status_code != 401  # past the guard, to the route


def test_the_session_cookie_outlives_the_server_that_set_it():
    """The cookie is derived from the read token alone, so a restarted server (or a second
    worker) accepts the cookie another one set, and changing the token ends every session."""
    assert guard.session_value(READ) == (
        "2f91059b3de6102a75ad4bdc9834a88e74e299e4dc550e36f7bbd9af17583a24")
    assert guard.session_value(READ + "x") != guard.session_value(READ)


def test_the_login_form_keeps_where_to_go_back(ledger):
    browser = _client(ledger, read_token=READ)
    form = browser.get("/login", params={"next": "/events?type=CONSULT"})
    assert form.status_code == 200 and "This server needs its read token." in form.text
    assert 'value="/events?type=CONSULT"' in form.text.replace("'", '"')
    elsewhere = browser.get("/login", params={"next": "https://evil.example/"})
    assert 'name="next" value="/"' in elsewhere.text.replace("'", '"')
    assert browser.get("/login").status_code == 200
    wrong = browser.post("/login", data={"token": "guess", "next": "/"})
    assert wrong.status_code == 401 and "That is not the server" in wrong.text
    refused = browser.put("/login")
    assert refused.status_code == 405 and "use GET or POST" in refused.text


def test_without_a_read_token_login_just_goes_back(ledger):
    open_server = _client(ledger)
    went = open_server.get("/login", params={"next": "/events"}, follow_redirects=False)
    assert (went.status_code, went.headers["location"]) == (303, "/events")
    posted = open_server.post("/login", data={"token": "x", "next": "/events"},
                              follow_redirects=False)
    assert (posted.status_code, posted.headers["location"]) == (303, "/events")


def test_a_login_form_is_refused_from_its_declared_size_or_bad_bytes(ledger):
    app = create_app(Settings(db=ledger), read_token=READ)
    assert _post_endless_body(app, [(b"content-length", b"5000")], "/login") == (413, 0)
    assert _post_endless_body(app, [], "/login")[0] == 413  # streamed past the limit
    browser = _client(ledger, read_token=READ)
    too_large = browser.post("/login", data={"token": "x" * 5000, "next": "/"})
    assert too_large.status_code == 413 and "the login form is too large" in too_large.text
    garbled = browser.post("/login", content=b"token=\xff\xfe&next=/",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert garbled.status_code == 401  # read with replacement characters: a wrong token


def test_a_forged_session_cookie_opens_nothing(ledger):
    browser = _client(ledger, read_token=READ)
    browser.cookies.set(guard.SESSION_COOKIE, guard.session_value("another token"))
    assert browser.get("/").status_code == 401
    browser.cookies.set(guard.SESSION_COOKIE, READ)
    assert browser.get("/").status_code == 401


def test_the_read_token_comes_from_the_settings_too(ledger):
    configured = TestClient(create_app(Settings(db=ledger, read_token=READ, token=WRITE)))
    assert configured.get("/").status_code == 401
    assert configured.get("/", headers={"Authorization": f"Bearer {READ}"}).status_code == 200
    assert READ not in repr(configured.app.state.settings)


HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
}


def _assert_security_headers(response):
    for name, value in HEADERS.items():
        assert response.headers.get(name) == value, (response.url, name)
    policy = {part.split()[0]: part.split()[1:]
              for part in response.headers["content-security-policy"].split(";")}
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in v or "*" in v or ":" in v.strip("'")
                   for values in policy.values() for v in values)


def test_every_response_carries_the_security_headers(client, closed, ledger):
    responses = [client.get(p) for p in [*PAGES, *API, "/static/app.js", "/articles/0000",
                                         "/api/v1/articles/0000", "/nowhere"]]
    responses += [client.get("/api/v1/events", params={"type": "WAR"}),
                  client.get("/api/v1/events", params={"actor": "a\x00"}),
                  client.post("/api/v1/articles", json=BODY),
                  closed.get("/"), closed.get("/api/v1/events"),
                  _client(ledger, token=WRITE, max_body_bytes=10).post(
                      "/api/v1/articles", json=BODY,
                      headers={"Authorization": f"Bearer {WRITE}"})]
    assert {r.status_code for r in responses} >= {200, 401, 404, 413, 422}
    for response in responses:
        _assert_security_headers(response)


def test_cors_is_closed_by_default(client):
    origin = {"Origin": "https://elsewhere.example"}
    read = client.get("/api/v1/events", headers=origin)
    assert read.status_code == 200 and "access-control-allow-origin" not in read.headers
    preflight = client.options("/api/v1/articles", headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization"})
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-methods" not in preflight.headers


def test_cors_opens_only_to_configured_origins(ledger):
    opened = _client(ledger, cors_origins=("https://desk.example",))
    allowed = opened.get("/api/v1/events", headers={"Origin": "https://desk.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://desk.example"
    other = opened.get("/api/v1/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_the_web_settings_come_from_the_environment():
    from wirewatch.config import load_settings

    settings = load_settings(env={
        "WIREWATCH_TOKEN": "w", "WIREWATCH_READ_TOKEN": "r", "WIREWATCH_MAX_BODY_BYTES": "5000",
        "WIREWATCH_ALLOW_PRIVATE": "1",
        "WIREWATCH_CORS_ORIGINS": "https://desk.example:8443, http://127.0.0.1:3000"})
    assert (settings.token, settings.read_token, settings.max_body_bytes) == ("w", "r", 5000)
    assert settings.allow_private is True
    assert settings.cors_origins == ("https://desk.example:8443", "http://127.0.0.1:3000")
    assert Settings().allow_private is False and Settings().cors_origins == ()
