"""``wirewatch ingest`` killed with SIGKILL midway, twice, then run again to its end, holds
exactly the rows of a run never interrupted: every table, compared by content (ids and times
aside), on SQLite and PostgreSQL. At each kill every stored article is whole and linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.corpus import write_news_corpus
from tests.reliability.databases import fresh_database, fresh_sqlite
from tests.reliability.ledger import (
    Contents,
    article_rows,
    differences,
    ledger_contents,
    stored_ids,
)
from tests.reliability.runs import ingest, kill_midway

ARTICLES = 24
KILLS = ((4, 0.0), (10, 0.03))  # articles stored before the kill, then seconds more


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "news"
    write_news_corpus(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Contents:
    """The rows of one run to its end, with every table that linking fills holding rows."""
    db = fresh_sqlite(tmp_path_factory.mktemp("crash") / "uninterrupted.db")
    run = ingest([corpus], db)
    assert run.returncode == 0, run.stderr[-2000:]
    contents = ledger_contents(db)
    assert len(contents["articles"]) > ARTICLES * 0.9
    assert any(row[1] != row[0] for row in contents["article_links"])  # copies found
    assert len(contents["stories"]) > 1
    for table in ("events", "merged_events", "claims", "story_keys", "lsh_bands"):
        assert contents[table], table
    return contents


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request.param, tmp_path, "crash")


def test_killed_ingest_reruns_to_the_rows_of_an_uninterrupted_run(
        corpus: Path, uninterrupted: Contents, database: str) -> None:
    for after, delay in KILLS:
        kill = kill_midway([corpus], database, after, delay)
        assert not kill.finished, "the run ended before it was killed"
        assert not kill.seen_unlinked, "an article was stored before it was linked"
        found = ledger_contents(database)
        ids = stored_ids(found)
        assert after <= len(ids) < len(uninterrupted["articles"]), kill
        # every article there is whole: its own rows are those of the uninterrupted run
        assert differences(article_rows(uninterrupted, ids), article_rows(found, ids)) == {}
        assert {row[0] for row in found["article_links"]} == ids
    rerun = ingest([corpus], database)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert "unchanged" in rerun.stdout
    assert differences(uninterrupted, ledger_contents(database)) == {}
