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
