"""``wirewatch serve`` read by four clients (with the read token) while ``wirewatch ingest``
writes to the same database and a fifth client submits articles through the API: no lock
error, no 5xx, nothing left inconsistent, on SQLite and PostgreSQL. ``make reliability``
runs the same for a minute."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.databases import fresh_database
from tests.reliability.ledger import broken_invariants
from tests.reliability.runs import serve_under_load
from wirewatch.store import open_store

SECONDS = 12


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    db = fresh_database(request.param, tmp_path, "load")
    open_store(db).close()  # serve reads only a database that exists
    return db


def test_serve_answers_every_read_while_ingest_writes(database: str, tmp_path: Path) -> None:
    report = serve_under_load(database, tmp_path, SECONDS, readers=4, posters=1)
    assert report.errors == []
    assert set(report.statuses) <= {200, 201}
    # the run read and wrote at once: pages of articles were read, and articles stored
    assert report.requests > 4 * SECONDS and report.articles_read > 0
    assert report.stored > report.stored_by_api > 0  # by ingest and through the API
    assert broken_invariants(database) == []
