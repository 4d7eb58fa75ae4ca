"""Linking is recoverable: an article stored but not linked (by an older version, or a run
whose linking failed) is linked by the next ``ingest`` as an unbroken run would have linked
it, and a linking error undoes only the linking, is recorded, and is cleared once linked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from tests.reliability.corpus import extract_news_corpus
from tests.reliability.databases import fresh_database
from tests.reliability.ledger import differences, ledger_contents
from wirewatch.link import merge, store_and_link
from wirewatch.model import Document
from wirewatch.store import open_store


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    return extract_news_corpus(tmp_path_factory.mktemp("recovery"), 8, seed=3)


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> list[str]:
    """Two fresh databases on the backend."""
    return [fresh_database(request.param, tmp_path, f"recovery_{n}") for n in ("a", "b")]


def test_an_article_stored_but_not_linked_is_linked_by_the_next_ingest(
        databases: list[str], documents: list[Document]) -> None:
    unbroken, interrupted = databases
    with open_store(unbroken) as store:
        for doc in documents:
            stored, links = store_and_link(store, doc, "feed")
            assert stored and links is not None
    with open_store(interrupted) as store:
        middle = len(documents) // 2
        for doc in documents[:middle]:
            store_and_link(store, doc, "feed")
        assert store.save(documents[middle], "feed")  # stored, never linked
        assert store.unlinked() == [documents[middle].article.id]
        stored, links = store_and_link(store, documents[middle], "feed")
        assert not stored and links is not None and links["story"] is not None
        assert store_and_link(store, documents[middle], "feed") == (False, None)  # linked once only
        for doc in documents[middle + 1:]:
            store_and_link(store, doc, "feed")
        assert store.unlinked() == []
    assert differences(ledger_contents(unbroken), ledger_contents(interrupted)) == {}


def test_a_linking_error_undoes_only_the_linking_and_is_cleared_once_linked(
        databases: list[str], documents: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _ = databases
    real = merge.merge_events

    def failing(conn: Connection, document: Document, story_id: int) -> list[int]:
        real(conn, document, story_id)  # writes merged events, then the database refuses
        conn.execute(text("SELECT * FROM no_such_table"))
        return []

    first, second = documents[0], documents[1]
    with open_store(db) as store:
        store_and_link(store, first, "feed")
        monkeypatch.setattr(merge, "merge_events", failing)
        assert store_and_link(store, second, "feed") == (True, None)
        [failure] = store.failures()
        assert failure["origin"] == second.article.id
        assert failure["reason"].startswith("linking failed")
        assert store.unlinked() == [second.article.id]
        contents = ledger_contents(db)
        # the article and its annotations are kept; nothing of its linking is
        assert len(contents["articles"]) == 2 and len(contents["events"]) == \
            len(first.events) + len(second.events)
        assert {r[2] for r in contents["lsh_bands"]} == {first.article.id}
        assert {r[0] for r in contents["event_links"]} <= {first.article.id}
        monkeypatch.setattr(merge, "merge_events", real)
        stored, links = store_and_link(store, second, "feed")
        assert not stored and links is not None
        assert store.failures() == [] and store.unlinked() == []
