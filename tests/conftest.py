"""Shared fixtures: the sample story, its extracted document, a fresh database."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "yonhap-2024-10-30.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# Whole folders of tests that start a browser, servers, processes or a long parse: slow.
SLOW_FOLDERS = ("browser", "reliability", "hostile", "fuzz")


def pytest_collection_modifyitems(config, items) -> None:
    """Mark the tests of the slow folders, so that ``make test-fast`` can leave them out."""
    for item in items:
        if Path(item.fspath).relative_to(ROOT / "tests").parts[0] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc(sample_text):
    import wirewatch

    return wirewatch.extract(sample_text, published="2024-10-30")


@pytest.fixture()
def db_path(tmp_path) -> str:
    return str(tmp_path / "ledger.db")


def open_test_store(backend: str, sqlite_path: str):
    """A fresh, empty store on the backend; PostgreSQL is required in CI."""
    import os

    from wirewatch.store import open_store
    from wirewatch.store.schema import metadata

    if backend == "sqlite":
        return open_store(sqlite_path)
    url = os.environ.get("WIREWATCH_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must provide WIREWATCH_TEST_POSTGRES (make test starts the server)")
        pytest.skip("no PostgreSQL server: set WIREWATCH_TEST_POSTGRES or run make test")
    opened = open_store(url)
    metadata.drop_all(opened.engine)
    metadata.create_all(opened.engine)
    return opened


@pytest.fixture()
def web():
    """A web site on 127.0.0.1 whose routes a test writes (tests/live.py)."""
    from tests.live import Site

    site = Site()
    yield site
    site.stop()
