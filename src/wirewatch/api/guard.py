"""What every request must pass before the application sees it, and what every response says.

One ASGI layer, so that no route can forget a check:

* reading (pages, API, schema) needs the read token when one is configured: a bearer token in
  ``Authorization``, or the session cookie that ``/login`` sets for a browser;
* every request that is not a read (any method but GET, HEAD and OPTIONS) needs the write
  token as ``Authorization: Bearer <token>``, checked before its body is read;
* a query value or path segment holding a NUL or longer than ``MAX_VALUE_CHARS`` is refused
  (422) before it reaches a database: PostgreSQL cannot hold NUL in text;
* a body larger than ``max_body_bytes`` is refused (413) from its ``Content-Length``, or, when
  it is streamed, as soon as it has grown past the limit: it is never read whole first;
* every response carries ``nosniff``, a frame ban and a content-security policy that lets a
  page load nothing but the server's own files.

Tokens are compared with ``hmac.compare_digest``, so the time a comparison takes does not tell
how much of a guess was right.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from html import escape
from typing import Any
from urllib.parse import parse_qs, parse_qsl

from starlette.requests import cookie_parser
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_VALUE_CHARS = 500
"""Longest query value or path segment: far past any code, id, date or search, and short
enough that no backend has to reject it."""
LOGIN = "/login"
MAX_LOGIN_BYTES = 4096
OPEN_PREFIXES = ("/static/",)
"""The project's own scripts, styles and map outline: no ledger data, open to all."""
SESSION_COOKIE = "wirewatch_session"

CONTENT_SECURITY_POLICY = ("default-src 'self'; base-uri 'none'; object-src 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")
DOCS_PATH = "/docs"
DOCS_POLICY = CONTENT_SECURITY_POLICY + "; img-src 'self' data:"
"""Swagger UI's own stylesheet draws its icons as data: images; only /docs allows them."""
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


def error_response(path: str, status: int, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """JSON for the API; a plain page for a person at a browser."""
    if path.startswith("/api/") or path == "/openapi.json":
        return JSONResponse({"error": {"status": status, "message": message}},
                            status_code=status, headers=headers)
    return HTMLResponse("<!doctype html><html lang='en'><meta charset='utf-8'>"
                        f"<title>{status}</title><h1>{status}</h1>"
                        f"<p>{escape(message)}</p><p><a href='/'>wirewatch</a></p>",
                        status_code=status, headers=headers)


def login_page(next_path: str, status: int, message: str) -> HTMLResponse:
    """The form that turns the read token into a session cookie for the pages."""
    return HTMLResponse(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Sign in · wirewatch</title><link rel='stylesheet' href='/static/style.css'>"
        "</head><body><main><h1>wirewatch</h1>"
        f"<p>{escape(message)}</p>"
        f"<form method='post' action='{LOGIN}' class='filters' id='login'>"
        f"<input type='hidden' name='next' value='{escape(next_path)}'>"
        "<input type='password' name='token' placeholder='read token' required "
        "autocomplete='current-password'><button>Open</button></form></main></body></html>",
        status_code=status)


def bearer(authorization: str | None) -> str | None:
    """The token of ``Authorization: Bearer <token>``; any other form gives ``None``."""
    scheme, _, credentials = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        return None
    return credentials.strip()


def matches(given: str | None, token: str | None) -> bool:
    """Whether ``given`` is ``token``, compared in constant time."""
    if not given or not token:
        return False
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def session_value(read_token: str) -> str:
    """The cookie a browser holds after logging in: derived from the token, not the token."""
    return hmac.new(read_token.encode("utf-8"), b"wirewatch pages session",
                    hashlib.sha256).hexdigest()


def write_problem(state: Any, authorization: str | None) -> tuple[int, str] | None:
    """Why a write is refused (status, message), or ``None`` when it may go on."""
    if not state.token:
        return 403, "writing is disabled: start the server with WIREWATCH_TOKEN"
    if not matches(bearer(authorization), state.token):
        return 401, "a valid bearer token is needed to write (Authorization: Bearer <token>)"
    return None


def may_read(state: Any, method: str, authorization: str | None, cookie: str | None) -> bool:
    """Reading is open unless a read token is configured; then the read or the write token
    as a bearer token opens it, and so does the session cookie for a GET or HEAD."""
    if not state.read_token:
        return True
    given = bearer(authorization)
    if matches(given, state.read_token) or matches(given, state.token):
        return True
    if method in ("GET", "HEAD") and cookie:
        session = cookie_parser(cookie).get(SESSION_COOKIE)
        return matches(session, session_value(state.read_token))
    return False


def value_problem(path: str, query_string: bytes) -> str | None:
    """Why a path or query value cannot be looked up, or ``None``."""
    for segment in path.split("/"):
        if "\x00" in segment:
            return "the path holds a NUL character"
        if len(segment) > MAX_VALUE_CHARS:
            return f"a path segment is longer than {MAX_VALUE_CHARS} characters"
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if "\x00" in key or "\x00" in value:
            return f"{key.replace(chr(0), '?')}: holds a NUL character"
        if len(value) > MAX_VALUE_CHARS or len(key) > MAX_VALUE_CHARS:
            return f"{key[:40]}: longer than {MAX_VALUE_CHARS} characters"
    return None


def safe_next(value: str | None) -> str:
    """Where to go after logging in: a path on this server only, never another site."""
    if not value or not value.startswith("/") or value.startswith(("//", "/\\")):
        return "/"
    if any(ord(ch) < 32 for ch in value):
        return "/"
    return value


class BodyTooLarge(Exception):
    """The body grew past the limit while it was being received."""


class Guard:
    """The ASGI layer described above; settings and tokens are read from ``app.state``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(send, scope["path"])
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self._guard(scope, receive, tracked)
        except Exception:  # a bug: logged, and still a response with the security headers
            logging.getLogger("wirewatch.api").exception("internal error on %s", scope["path"])
            if started:
                raise
            await error_response(scope["path"], 500, "internal error")(scope, receive, send)

    async def _guard(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = scope["app"].state
        method = scope["method"]
        path = scope["path"]
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope["headers"]}
        if path == LOGIN:
            response = await self._login(scope, receive, state, headers)
            await response(scope, receive, send)
            return
        refusal = self._refusal(state, method, path, headers, scope["query_string"])
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if method in READ_METHODS:
            await self.app(scope, receive, send)
            return
        limit = state.settings.max_body_bytes
        try:
            body = await _read_body(receive, headers.get("content-length"), limit)
        except BodyTooLarge:
            await error_response(path, 413, f"the request body is over {limit} bytes "
                                 "(max_body_bytes)")(scope, receive, send)
            return
        except ValueError:
            await error_response(path, 400, "Content-Length is not a number")(
                scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def _refusal(self, state: Any, method: str, path: str, headers: dict[str, str],
                 query_string: bytes) -> Response | None:
        """The response that ends a request before the application, or ``None``."""
        open_path = path.startswith(OPEN_PREFIXES)
        if (method != "OPTIONS" and not open_path
                and not may_read(state, method, headers.get("authorization"),
                                 headers.get("cookie"))):
            if path.startswith("/api/") or path == "/openapi.json" or method not in READ_METHODS:
                return error_response(path, 401, "a valid bearer token is needed to read "
                                      "this server", {"WWW-Authenticate": "Bearer"})
            query = query_string.decode("latin-1")
            return login_page(path + (f"?{query}" if query else ""), 401,
                              "This server needs its read token.")
        if method not in READ_METHODS:
            problem = write_problem(state, headers.get("authorization"))
            if problem is not None:
                extra = {"WWW-Authenticate": "Bearer"} if problem[0] == 401 else None
                return error_response(path, *problem, headers=extra)
        problem_text = value_problem(path, query_string)
        if problem_text is not None:
            return error_response(path, 422, problem_text)
        return None

    async def _login(self, scope: Scope, receive: Receive, state: Any,
                     headers: dict[str, str]) -> Response:
        """``GET /login`` shows the form; ``POST /login`` with the read token (or the write
        token) sets the session cookie and goes back to the page that asked for it."""
        if scope["method"] == "GET":
            query = parse_qs(scope["query_string"].decode("latin-1"))
            next_path = safe_next((query.get("next") or ["/"])[0])
            if not state.read_token:
                return RedirectResponse(next_path, status_code=303)
            return login_page(next_path, 200, "This server needs its read token.")
        if scope["method"] != "POST":
            return error_response(LOGIN, 405, "use GET or POST")
        try:
            body = await _read_body(receive, headers.get("content-length"), MAX_LOGIN_BYTES)
        except (BodyTooLarge, ValueError):
            return error_response(LOGIN, 413, "the login form is too large")
        form = parse_qs(body.decode("utf-8", errors="replace"))
        next_path = safe_next((form.get("next") or ["/"])[0])
        given = (form.get("token") or [""])[0].strip()
        if not state.read_token:
            return RedirectResponse(next_path, status_code=303)
        if not (matches(given, state.read_token) or matches(given, state.token)):
            return login_page(next_path, 401, "That is not the server's read token.")
        response = RedirectResponse(next_path, status_code=303)
        response.set_cookie(SESSION_COOKIE, session_value(state.read_token), httponly=True,
                            samesite="strict", secure=scope.get("scheme") == "https")
        return response


async def _read_body(receive: Receive, content_length: str | None, limit: int) -> bytes:
    """The whole body, refused from its declared length or as soon as it passes ``limit``."""
    if content_length is not None and int(content_length) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the application the body already read, then waits as usual."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _with_security_headers(send: Send, path: str) -> Send:
    policy = (DOCS_POLICY if path == DOCS_PATH else CONTENT_SECURITY_POLICY).encode()
    headers = (*SECURITY_HEADERS, (b"content-security-policy", policy))

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []),
                                  *((k, v) for k, v in headers if k not in present)]
        await send(message)

    return sending
