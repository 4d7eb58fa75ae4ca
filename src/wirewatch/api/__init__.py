"""The ledger over HTTP: a JSON API under ``/api/v1`` and the analyst's pages.

``create_app`` builds one application over one store; ``wirewatch serve`` runs it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from ..config import Settings
from ..errors import WirewatchError
from ..store import open_store
from .guard import Guard, error_response


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for problem in err.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "body"))
        message = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where or 'request'}: {message}")
    return "; ".join(parts)


def create_app(settings: Settings | None = None, token: str | None = None,
               read_token: str | None = None) -> FastAPI:
    """An application over the store ``settings.db``; ``token`` (else ``settings.token``)
    enables writing, and ``read_token`` (else ``settings.read_token``), when set, closes the
    API and the pages to readers without it."""
    from . import pages, v1

    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """The store's connections close when the server stops."""
        yield
        app.state.store.close()

    # /docs is a page of ours over the vendored Swagger UI: FastAPI's loads it from a CDN.
    app = FastAPI(title="wirewatch", version="1", docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  description="The wirewatch evidence ledger: articles, events with their "
                  "factuality, actors, places, statements, stories and claims.")
    app.state.store = open_store(settings.db)
    app.state.settings = settings
    app.state.token = token or settings.token
    app.state.read_token = read_token or settings.read_token

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Response:
        return error_response(request.url.path, err.status_code, str(err.detail),
                              getattr(err, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, err: RequestValidationError) -> Response:
        return error_response(request.url.path, 422, _validation_message(err))

    @app.exception_handler(WirewatchError)
    async def ledger_error(request: Request, err: WirewatchError) -> Response:
        return error_response(request.url.path, 422, str(err))

    app.include_router(v1.router)
    app.include_router(v1.write_router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"),
              name="static")
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        # Inside the guard: a cross-origin reader still needs the tokens the guard asks for.
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(Guard)
    return app
