"""`make screenshots` pictures every page: a page added to the desk without a screenshot in
scripts/screenshots.py fails here, before docs/screenshots/ falls behind."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import urlsplit

from fastapi.responses import HTMLResponse

from wirewatch.api import pages

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
FRAGMENTS = {"/timeline/evidence/{article_id}/{idx}"}
"""Pieces of a page fetched by its script, not pages of their own."""


def _script():
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_has_a_screenshot():
    routes = {route.path for route in pages.router.routes
              if "GET" in getattr(route, "methods", ())
              and getattr(route, "response_class", None) is HTMLResponse} - FRAGMENTS
    assert {"/", "/timeline", "/articles/{article_id}", "/docs"} <= routes
    shot = _script().PAGES
    assert {urlsplit(path).path for _, path, _ in shot} >= routes
    names = [name for name, _, _ in shot]
    assert len(set(names)) == len(names)
    assert all((SCRIPT.parents[1] / "docs" / "screenshots" / f"{name}.png").is_file()
               for name in names), "run make screenshots"
