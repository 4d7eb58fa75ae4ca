"""A ledger with the sample story, the linked wire fixtures and an article carrying markup."""

from __future__ import annotations

import json

import pytest

import wirewatch
from tests.conftest import FIXTURES, SAMPLE

SCRIPT_ARTICLE = ("Kenyan protesters rallied in Nairobi on Friday."
                  " <script>document.title='owned'</script>"
                  " Kenyan police arrested 12 people, officials said.")


def _documents():
    docs = [wirewatch.extract(SAMPLE.read_text(encoding="utf-8"), published="2024-10-30",
                              source="Yonhap News Agency")]
    for path in sorted((FIXTURES / "link").glob("*.txt")):
        meta = json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))
        docs.append(wirewatch.extract(path.read_text(encoding="utf-8"), **meta))
    docs.append(wirewatch.extract(SCRIPT_ARTICLE, published="2025-03-21", source="Test Wire"))
    return docs


@pytest.fixture(scope="session")
def ledger(tmp_path_factory):
    from wirewatch.store import open_store

    path = str(tmp_path_factory.mktemp("ledger") / "ledger.db")
    store = open_store(path)
    for doc in _documents():
        store.save(doc)
        store.link(doc)
    assert store.failures() == []
    return path


@pytest.fixture(scope="session")
def client(ledger):
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app
    from wirewatch.config import Settings

    return TestClient(create_app(Settings(db=ledger), token="s3cret"))
