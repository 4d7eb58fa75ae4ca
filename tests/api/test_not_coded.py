"""An article wirewatch did not code says why: in the API's JSON, on its page and in `show`."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

import wirewatch
from wirewatch.api import create_app
from wirewatch.cli import app
from wirewatch.config import Settings
from wirewatch.store import open_store

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def test_language_and_scope_notes(tmp_path):
    db = str(tmp_path / "notes.db")
    store = open_store(db)
    russian = wirewatch.extract((GOLDEN / "document" / "russian-wire.txt").read_text(
        encoding="utf-8"), published="2025-03-12")
    sports = wirewatch.extract((GOLDEN / "events" / "scope-sports-results.txt").read_text(
        encoding="utf-8"), published="2019-11-19")
    for doc in (russian, sports):
        store.save(doc)
    assert russian.article.language == "ru" and not russian.events and not russian.entities
    assert sports.article.language == "en" and not sports.events

    client = TestClient(create_app(Settings(db=db)))
    ru = client.get(f"/api/v1/articles/{russian.article.id}").json()
    assert ru["not_coded"] == "not coded: language ru; wirewatch codes English"
    assert ru["article"]["language"] == "ru" and ru["events"] == []
    en = client.get(f"/api/v1/articles/{sports.article.id}").json()
    assert en["not_coded"].startswith("no events coded: out of PLOVER's scope, sports")
    assert "wirewatch codes English" in client.get(f"/articles/{russian.article.id}").text

    shown = CliRunner().invoke(app, ["show", russian.article.id[:12], "--db", db])
    assert shown.exit_code == 0 and "not coded: language ru" in shown.output
