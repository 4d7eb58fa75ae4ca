"""What `wirewatch watch` remembers of its feeds: their validators and the entries seen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from ..repository import Store
from ..schema import feed_entries, feeds
from ..write import url_key


def feed_state(store: Store, url: str) -> dict[str, Any] | None:
    """The stored row of a watched feed (etag, last_modified, checked_at, failures, next_at,
    last_error), or None for a feed never polled."""
    query = select(feeds).where(feeds.c.key == url_key(url))
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    return dict(row._mapping) if row else None


def seen_entries(store: Store, entries: Iterable[str]) -> set[str]:
    """Which of ``entries`` (links or ids) have their outcome recorded already."""
    keys = {url_key(entry): entry for entry in entries}
    if not keys:
        return set()
    query = select(feed_entries.c.key).where(feed_entries.c.key.in_(list(keys)))
    with store.engine.connect() as conn:
        return {keys[row.key] for row in conn.execute(query)}


def list_feeds(store: Store) -> list[dict[str, Any]]:
    """Every watched feed with how its polls went, by URL."""
    query = select(feeds.c.url, feeds.c.name, feeds.c.checked_at, feeds.c.failures,
                   feeds.c.next_at, feeds.c.last_error).order_by(feeds.c.url)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
