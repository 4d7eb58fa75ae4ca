"""Fresh databases for the reliability runs: an SQLite file, or a database of its own on the
PostgreSQL server of ``WIREWATCH_TEST_POSTGRES``, so that the other tests' database is left
alone."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from wirewatch.store import database_url


def fresh_sqlite(path: Path) -> str:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return str(path)


def fresh_postgres(server_url: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``server_url``, dropped and made
    empty."""
    url = make_url(database_url(server_url))
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def fresh_database(backend: str, folder: Path, name: str) -> str:
    """A fresh database on ``backend`` ("sqlite" or "postgresql") for a test: a file
    ``name``.db in ``folder``, or database ``wirewatch_<name>`` on the test server (skipped
    without one, and required in CI)."""
    import os

    import pytest

    if backend == "sqlite":
        return fresh_sqlite(folder / f"{name}.db")
    server = os.environ.get("WIREWATCH_TEST_POSTGRES")
    if not server:
        if os.environ.get("CI"):
            pytest.fail("CI must provide WIREWATCH_TEST_POSTGRES (make test starts the server)")
        pytest.skip("no PostgreSQL server: set WIREWATCH_TEST_POSTGRES or run make test")
    return fresh_postgres(server, f"wirewatch_{name}")
