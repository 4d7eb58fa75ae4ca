"""A ledger with the sample story, the linked wire fixtures and an article carrying markup."""

from __future__ import annotations

import json
import os
from functools import cache

import pytest

import wirewatch
from tests.conftest import FIXTURES, SAMPLE

SCRIPT_ARTICLE = ("Kenyan protesters rallied in Nairobi on Friday."
                  " <script>document.title='owned'</script>"
                  " Kenyan police arrested 12 people, officials said.")


@cache
def _documents():
    docs = [wirewatch.extract(SAMPLE.read_text(encoding="utf-8"), published="2024-10-30",
                                       source="Yonhap News Agency")]
    for path in sorted((FIXTURES / "link").glob("*.txt")):
        meta = json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))
        docs.append(wirewatch.extract(path.read_text(encoding="utf-8"), **meta))
    docs.append(wirewatch.extract(
        SCRIPT_ARTICLE, published="2025-03-21", source="Test Wire"))
    return tuple(docs)


def fill_ledger(backend: str, path: str, documents=None) -> str:
    """A fresh ledger on the backend holding ``documents`` (by default the fixtures above),
    linked; its database URL. PostgreSQL's is ``WIREWATCH_TEST_POSTGRES``, emptied first."""
    from tests.conftest import open_test_store
    from wirewatch.link import link_stored

    store = open_test_store(backend, path)
    try:
        for doc in documents if documents is not None else _documents():
            store.save(doc)
            link_stored(store, doc)
        assert store.failures() == []
    finally:
        store.close()
    return path if backend == "sqlite" else os.environ["WIREWATCH_TEST_POSTGRES"]


@pytest.fixture(scope="session")
def ledger(tmp_path_factory):
    return fill_ledger("sqlite", str(tmp_path_factory.mktemp("ledger") / "ledger.db"))


@pytest.fixture(scope="session")
def client(ledger):
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.config import Settings

    return TestClient(create_app(Settings(db=ledger), token="s3cret"))


def payload(field: str) -> str:
    """Markup that would run if ``field`` reached a page unescaped, in text or an attribute."""
    return f'<script>alert("{field}")</script>"><img src=x onerror=alert("{field}")>'


HOSTILE_TEXT = (
    "Seoul, Oct. 30 (Yonhap) -- South Korean President Yoon Suk Yeol on Tuesday condemned "
    "North Korea for sending 3,000 troops to Russia, officials said. " + payload("text")
    + ' Ukrainian President Volodymyr Zelenskyy said, "We will send a special delegation to'
    ' Seoul." North Korean troops arrived in Kursk, Russia, the ministry said.')
HOSTILE_FIELDS = ("text", "title", "url", "publisher", "actor", "speaker", "place")


@cache
def hostile_documents():
    """An article with markup in every stored field a page shows: its text, title, URL and
    publisher, its actors' names, its speakers' names and its places' names."""
    from dataclasses import replace

    doc = wirewatch.extract(HOSTILE_TEXT, published="2024-10-30")
    assert doc.events and doc.actors and doc.places
    assert any(s.speaker for s in doc.statements)
    article = replace(doc.article, title=payload("title"), source=payload("publisher"),
                      url="https://example.com/" + payload("url"))
    return (replace(
        doc, article=article,
        actors=tuple(replace(a, name=payload("actor")) for a in doc.actors),
        places=tuple(replace(p, name=payload("place")) for p in doc.places),
        statements=tuple(replace(s, speaker=replace(s.speaker, name=payload("speaker")))
                         if s.speaker else s for s in doc.statements)),)
