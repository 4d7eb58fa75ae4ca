import os

import pytest

from wirewatch.errors import StoreError
from wirewatch.store import database_url, open_store
from wirewatch.store.schema import metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, db_path):
    """A fresh, empty store on each backend; PostgreSQL is required in CI."""
    if request.param == "sqlite":
        return open_store(db_path)
    url = os.environ.get("WIREWATCH_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide WIREWATCH_TEST_POSTGRES (make test starts the server)")
        pytest.skip("no PostgreSQL server: set WIREWATCH_TEST_POSTGRES or run make test")
    opened = open_store(url)
    metadata.drop_all(opened.engine)
    metadata.create_all(opened.engine)
    return opened


def test_database_urls():
    assert database_url("ledger.db") == "sqlite:///ledger.db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@127.0.0.1/w") == "postgresql+psycopg://u@127.0.0.1/w"


def test_save_is_idempotent_and_reads_back_exactly(sample_doc, store):
    assert store.save(sample_doc, "sample.txt") is True
    assert store.save(sample_doc, "sample.txt") is False
    assert store.document(sample_doc.article.id) == sample_doc
    (row,) = store.articles()
    assert row["id"] == sample_doc.article.id
    assert row["entities"] == len(sample_doc.entities)


def test_sqlite_runs_in_wal_mode(db_path):
    store = open_store(db_path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_actor_summary_counts_articles_and_mentions(sample_doc, store):
    store.save(sample_doc)
    rows = {r["code"]: r for r in store.actors()}
    expected = next(a for a in sample_doc.actors if a.code == "PRKMIL")
    assert rows["PRKMIL"]["articles"] == 1
    assert rows["PRKMIL"]["mentions"] == len(expected.mentions)


def test_failures_are_kept(store):
    store.record_failure("bad.txt", "bad.txt: binary file, not text")
    assert [f["origin"] for f in store.failures()] == ["bad.txt"]


def test_id_prefixes(sample_doc, store):
    store.save(sample_doc)
    assert store.find_article_id(sample_doc.article.id[:8]) == sample_doc.article.id
    with pytest.raises(StoreError, match="no article"):
        store.find_article_id("ffffffffff")


def test_unopenable_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(str(tmp_path / "no" / "such" / "folder" / "x.db"))
