"""The ledger over HTTP: a JSON API under ``/api/v1`` and the analyst's pages.

``create_app`` builds one application over one store; ``wirewatch serve`` runs it.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from ..config import Settings
from ..errors import WirewatchError
from ..store import open_store


def _error(request: Request, status: int, message: str) -> Response:
    """JSON for the API; a plain page for a person at a browser."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"status": status, "message": message}},
                            status_code=status)
    return HTMLResponse(f"<!doctype html><title>{status}</title><h1>{status}</h1>"
                        f"<p>{escape(message)}</p><p><a href='/'>wirewatch</a></p>",
                        status_code=status)


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for problem in err.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where or 'request'}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(settings: Settings | None = None, token: str | None = None,
               read_token: str | None = None) -> FastAPI:
    """An application over the store ``settings.db``; ``token`` enables writing, and
    ``read_token``, when given, closes the API to readers without it."""
    from . import pages, v1

    settings = settings or Settings()
    app = FastAPI(title="wirewatch", version="1",
                  description="The wirewatch evidence ledger: articles, events with their "
                  "factuality, actors, places, statements, stories and claims.")
    app.state.store = open_store(settings.db)
    app.state.settings = settings
    app.state.token = token
    app.state.read_token = read_token

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Response:
        return _error(request, err.status_code, str(err.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, err: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(err))

    @app.exception_handler(WirewatchError)
    async def ledger_error(request: Request, err: WirewatchError) -> Response:
        return _error(request, 422, str(err))

    app.include_router(v1.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"),
              name="static")
    return app
