"""Writers at once: threads storing the same and related articles through one store, as
``serve``'s request threads do beside an ``ingest``. Each article is stored once, nothing
fails, and no count read and written back by linking loses an update."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.reliability.corpus import extract_news_corpus
from tests.reliability.databases import fresh_database, fresh_sqlite
from tests.reliability.ledger import broken_invariants, ledger_contents
from wirewatch.link import store_and_link
from wirewatch.model import Document
from wirewatch.store import open_store
from wirewatch.store.repository import SQLITE_BUSY_TIMEOUT_MS

WRITERS = 4


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Document]:
    return extract_news_corpus(tmp_path_factory.mktemp("writers"), 12, seed=7)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request.param, tmp_path, "writers")


def test_sqlite_store_runs_in_wal_with_a_busy_timeout(tmp_path: Path) -> None:
    with open_store(fresh_sqlite(tmp_path / "pragmas.db")) as store, \
            store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == SQLITE_BUSY_TIMEOUT_MS


def test_writers_at_once_store_each_article_once_and_lose_no_update(
        database: str, documents: list[Document]) -> None:
    assert len({d.article.id for d in documents}) > 8
    new: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    with open_store(database) as store:
        def write(seed: int) -> None:
            order = random.Random(seed).sample(documents, len(documents))
            start.wait()
            for document in order:
                try:
                    stored, _ = store_and_link(store, document, f"writer-{seed}")
                except BaseException as err:
                    errors.append(err)
                    continue
                if stored:
                    new.append(document.article.id)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert store.failures() == []
    assert errors == []
    assert sorted(new) == sorted({d.article.id for d in documents})
    assert broken_invariants(database) == []
    contents = ledger_contents(database)
    assert len(contents["stories"]) > 1 and max(r[4] for r in contents["stories"]) > 1
