"""Markup in every stored field (text, title, URL, publisher, actor, speaker and place names)
is shown as text on every page and never becomes an element, an attribute or a script."""

from __future__ import annotations

import json

import lxml.html
import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import HOSTILE_FIELDS, fill_ledger, hostile_documents, payload
from wirewatch.api import create_app
from wirewatch.config import Settings


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("hostile") / "ledger.db")
    app = create_app(Settings(db=fill_ledger("sqlite", path, hostile_documents())))
    yield TestClient(app)
    app.state.store.engine.dispose()


def _pages(client) -> list[str]:
    (doc,) = hostile_documents()
    codes = sorted({e.source for e in doc.events if e.source}
                   | {e.target for e in doc.events if e.target})
    assert codes
    return ["/", "/articles", "/articles?q=Zelenskyy", f"/articles/{doc.article.id}",
            f"/articles/{doc.article.id[:8]}", "/events", "/events?actor=KOR", "/timeline",
            "/map", "/claims", *(f"/actors/{code}" for code in codes)]


def _shown(tree) -> str:
    """Everything a page shows or carries as data: its text, attribute values, JSON blocks."""
    parts = [tree.text_content()]
    for element in tree.iter():
        parts += [str(v) for v in element.attrib.values()]
        if element.tag == "script" and element.get("type") == "application/json":
            parts.append(json.dumps(json.loads(element.text or "null"), ensure_ascii=False))
    return "\n".join(parts)


def test_markup_in_every_field_stays_text_on_every_page(hostile):
    shown = []
    for path in _pages(hostile):
        response = hostile.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        tree = lxml.html.document_fromstring(html)
        scripts = [s for s in tree.iter("script")
                   if not s.get("src") and s.get("type") != "application/json"]
        assert scripts == [], path  # no inline script at all
        assert tree.xpath("//img") == [], path
        handlers = [(e.tag, a) for e in tree.iter() for a in e.attrib if a.startswith("on")]
        assert handlers == [], path
        hrefs = [h.strip().lower() for h in tree.xpath("//@href")]
        assert hrefs, path  # every page links to the others
        assert not any(h.startswith(("javascript:", "data:", "vbscript:")) for h in hrefs)
        shown.append(_shown(tree))
    everything = "\n".join(shown)
    for field in HOSTILE_FIELDS:
        assert payload(field) in everything, f"{field} is shown, as text"


def test_the_api_returns_the_fields_as_they_were_stored(hostile):
    """The JSON carries the markup as data: escaping is the pages' business."""
    (doc,) = hostile_documents()
    stored = hostile.get(f"/api/v1/articles/{doc.article.id}").json()
    assert stored["article"]["title"] == payload("title")
    assert hostile.get("/api/v1/articles").headers["content-type"] == "application/json"
