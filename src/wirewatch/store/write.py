"""The ledger's writes: an article with all its annotations, and the failure of an item,
each inside the caller's transaction (``Store.writing``), so that storing and linking one
article commit together."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Insert, Table, insert, select, text

from ..errors import StoreError
from ..ingest.base import without_origin
from ..kinds import KINDS
from ..model import Document, to_plain
from .schema import articles, derived, failures, feed_entries, feeds, kind_tables


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_document(conn: Connection, document: Document, origin: str | None) -> bool:
    """Write an article and all its annotations unless its id is stored; True if new."""
    article = document.article
    if conn.execute(select(articles.c.id).where(articles.c.id == article.id)).first():
        return False
    row = to_plain(article)
    conn.execute(insert(articles).values(**row, origin=origin, ingested_at=now()))
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO articles_fts (id, text) VALUES (:id, :text)"),
                     {"id": article.id, "text": article.text})
    for name, table in kind_tables().items():
        items = document.annotations(name)
        if not items:
            continue
        computed = derived(KINDS[name])
        rows = []
        for idx, item in enumerate(items):
            data = to_plain(item)
            cols = {c.name: data[c.name] for c in table.columns
                    if c.name in data and c.name not in ("article_id", "idx", "data")}
            cols |= {col: derive(data) for col, derive in computed.items()}
            rows.append({"article_id": article.id, "idx": idx, **cols, "data": data})
        conn.execute(insert(table), rows)
    return True


def record_failure(conn: Connection, origin: str, reason: str) -> None:
    """Record why an item failed, inside the caller's transaction."""
    reason = without_origin(reason, origin)
    values = {"origin": origin, "reason": reason, "at": now(),
              "key": failure_key(origin, reason)}
    conn.execute(_upsert(conn.dialect.name, failures, values, "key", ["at"]))


def url_key(url: str) -> str:
    """The key of a watched feed's or entry's row."""
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


def save_feed_state(conn: Connection, url: str, **values: Any) -> None:
    """Create or update a watched feed's row (validators, last check, failures in a row)."""
    row = {"key": url_key(url), "url": url, **values}
    row.setdefault("failures", 0)
    changed = [c for c in row if c not in ("key", "url")]
    conn.execute(_upsert(conn.dialect.name, feeds, row, "key", changed))


def mark_seen(conn: Connection, feed: str, entry: str, status: str) -> None:
    """Remember that a feed entry's outcome is recorded, so that it is never fetched again."""
    row = {"key": url_key(entry), "entry": entry, "feed": feed, "status": status,
           "seen_at": now()}
    conn.execute(_upsert(conn.dialect.name, feed_entries, row, "key", ["status", "seen_at"]))


def failure_key(origin: str, reason: str) -> str:
    """The key that makes a failure one row per item and reason."""
    return hashlib.sha256(f"{origin}\0{reason}".encode()).hexdigest()


def _upsert(dialect: str, table: Table, values: dict[str, Any], key: str,
            changed: list[str]) -> Insert:
    """Insert a row, or where one with the same unique ``key`` is there, update ``changed``."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        raise StoreError(f"wirewatch stores in SQLite or PostgreSQL, not {dialect}")
    statement = dialect_insert(table).values(**values)
    return statement.on_conflict_do_update(
        index_elements=[key], set_={c: statement.excluded[c] for c in changed})
