"""Watching feeds: each feed polled on its own interval, its new entries ingested and linked
through the one write path (``pipeline.extract_documents`` into ``link.store_outcomes``).

What a watcher must not lose or repeat lives in the store, not in memory: each feed's
validators (ETag / Last-Modified, so an unchanged feed costs one empty answer), how many polls
in a row failed (a failing feed is retried with an exponential backoff, each failure
recorded), and every entry whose outcome is recorded (so a watcher killed and restarted
fetches nothing twice). A feed's validators are saved only after all its new entries are, so
a watcher stopped half-way through a poll asks for the whole feed again and skips what it
has.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import InputError, SettingError
from .ingest.feeds import Entry, Feed, entry_article, fetch_feed
from .ingest.fetch import Fetcher
from .store import Store

DEFAULT_INTERVAL_S = 900.0
MIN_INTERVAL_S = 60.0
MAX_BACKOFF_S = 6 * 3600.0


@dataclass(frozen=True, slots=True)
class FeedSource:
    """One ``[[feeds]]`` entry of a feeds file."""

    url: str
    name: str | None = None
    interval: float = DEFAULT_INTERVAL_S


@dataclass(frozen=True, slots=True)
class Poll:
    """How one poll of one feed went: ``status`` is new, unchanged or failed."""

    feed: FeedSource
    status: str
    entries: int = 0
    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    seen: int = 0
    reason: str | None = None
    seconds: float = 0.0

    def line(self) -> str:
        """The one log line of this poll."""
        name = self.feed.name or self.feed.url
        if self.status == "failed":
            return f"{name}: failed ({self.reason}); retried later"
        if self.status == "unchanged":
            return f"{name}: not modified ({self.seconds:.1f} s)"
        return (f"{name}: {self.entries} entries, {self.seen} seen before; stored "
                f"{self.stored}, unchanged {self.unchanged}, failed {self.failed} "
                f"({self.seconds:.1f} s)")


def load_feeds(path: Path, min_interval: float = MIN_INTERVAL_S) -> list[FeedSource]:
    """The feeds of a TOML file of ``[[feeds]]`` tables (``url``, optional ``name`` and
    ``interval`` in seconds); ``SettingError`` with the reason for a bad file."""
    from .urls import http_url

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SettingError(f"{path}: cannot be read ({err.strerror or err})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise SettingError(f"{path}: not valid TOML ({err})") from None
    tables = data.get("feeds")
    if not isinstance(tables, list) or not tables:
        raise SettingError(f"{path}: no [[feeds]] tables")
    sources = []
    for number, table in enumerate(tables, 1):
        if not isinstance(table, dict) or not http_url(str(table.get("url", ""))):
            raise SettingError(f"{path}: feed {number} has no http(s) url")
        interval = table.get("interval", DEFAULT_INTERVAL_S)
        if not isinstance(interval, int | float) or interval < min_interval:
            raise SettingError(f"{path}: feed {number}: interval must be a number of seconds, "
                               f"at least {min_interval:g}")
        name = table.get("name")
        sources.append(FeedSource(str(table["url"]).strip(), str(name) if name else None,
                                  float(interval)))
    return sources


def poll(store: Store, fetcher: Fetcher, source: FeedSource, settings: Settings,
         limit: int | None = None, deadline: float | None = None) -> Poll:
    """Poll one feed once: fetch it conditionally, ingest and link each entry not seen before
    (at most ``limit``, until ``deadline`` on the monotonic clock), remember each, then its
    validators. A feed that cannot be fetched or read is recorded as a failure."""
    from .link import store_outcomes
    from .pipeline import extract_documents
    from .store.read import feed_state, seen_entries
    from .store.write import save_feed_state

    started = time.monotonic()
    state = feed_state(store, source.url) or {}
    try:
        page, feed = fetch_feed(fetcher, source.url, state.get("etag"),
                                state.get("last_modified"))
    except InputError as err:
        return _failed(store, source, state, str(err), started)
    if feed is None:
        with store.writing() as conn:
            save_feed_state(conn, source.url, name=source.name, etag=state.get("etag"),
                            last_modified=state.get("last_modified"), checked_at=_now(),
                            failures=0, next_at=None, last_error=None)
        return Poll(source, "unchanged", seconds=time.monotonic() - started)
    seen = seen_entries(store, [entry.key for entry in feed.entries])
    fresh = [entry for entry in feed.entries if entry.key not in seen]
    complete = limit is None or len(fresh) <= limit
    fresh = fresh[:limit] if limit is not None else fresh
    tally = {"stored": 0, "unchanged": 0, "failed": 0}
    items = _items(fresh, feed, fetcher, deadline)
    for done in store_outcomes(store, extract_documents(items, settings)):
        if done.status in tally:
            tally[done.status] += 1
            _remember(store, source.url, done.origin, done.status)
    finished = complete and (deadline is None or time.monotonic() < deadline)
    with store.writing() as conn:  # validators last: a stopped poll is asked for again
        save_feed_state(conn, source.url, name=source.name,
                        etag=page.etag if finished else state.get("etag"),
                        last_modified=page.last_modified if finished
                        else state.get("last_modified"),
                        checked_at=_now(), failures=0, next_at=None, last_error=None)
    return Poll(source, "new", entries=len(feed.entries), seen=len(seen),
                seconds=time.monotonic() - started, **tally)


def _items(entries: list[Entry], feed: Feed, fetcher: Fetcher,
           deadline: float | None) -> Iterator[Any]:
    for entry in entries:
        if deadline is not None and time.monotonic() >= deadline:
            return
        yield entry_article(entry, feed, fetcher)


def _remember(store: Store, feed: str, origin: str, status: str) -> None:
    from .store.write import mark_seen

    with store.writing() as conn:
        mark_seen(conn, feed, origin, status)


def _failed(store: Store, source: FeedSource, state: dict[str, Any], reason: str,
            started: float) -> Poll:
    """Record a feed's failure and when to try it again (its interval, doubled for each
    failure in a row, at most six hours)."""
    from .ingest import Failure
    from .link import store_outcomes
    from .store.write import save_feed_state

    failures = int(state.get("failures") or 0) + 1
    wait = min(source.interval * 2 ** (failures - 1), MAX_BACKOFF_S)
    for _ in store_outcomes(store, [(source.url, Failure(source.url, reason))]):
        pass
    with store.writing() as conn:
        save_feed_state(conn, source.url, name=source.name, etag=state.get("etag"),
                        last_modified=state.get("last_modified"), checked_at=_now(),
                        failures=failures, last_error=reason,
                        next_at=_now(timedelta(seconds=wait)))
    return Poll(source, "failed", reason=reason, seconds=time.monotonic() - started)


def _now(later: timedelta | None = None) -> str:
    return (datetime.now(UTC) + (later or timedelta())).isoformat(timespec="seconds")


def _due_in(store: Store, source: FeedSource) -> float:
    """Seconds until a feed is due, from what the store says of its last poll."""
    from .store.read import feed_state

    state = feed_state(store, source.url)
    if not state or not state.get("checked_at"):
        return 0.0
    due = state.get("next_at") or (datetime.fromisoformat(state["checked_at"])
                                   + timedelta(seconds=source.interval)).isoformat()
    return max(0.0, (datetime.fromisoformat(due) - datetime.now(UTC)).total_seconds())


def watch(store: Store, sources: list[FeedSource], settings: Settings, fetcher: Fetcher,
          log: Callable[[str], None], once: bool = False, limit: int | None = None,
          seconds: float | None = None, sleep: Callable[[float], None] = time.sleep
          ) -> list[Poll]:
    """Poll every feed on its own interval until interrupted (Ctrl-C raises
    KeyboardInterrupt between two articles, each stored whole); ``once`` polls each feed
    once and returns. ``limit`` bounds the new entries of the whole run and ``seconds`` its
    time. Returns the polls made."""
    polls: list[Poll] = []
    end = time.monotonic() + seconds if seconds is not None else None
    due = {source.url: time.monotonic() + (0.0 if once else _due_in(store, source))
           for source in sources}
    pending = list(sources)
    while pending:
        now = time.monotonic()
        if end is not None and now >= end:
            break
        ready = [s for s in pending if due[s.url] <= now]
        if not ready:
            wake = min(due[s.url] for s in pending)
            sleep(min(max(wake - now, 0.05), 5.0 if end is None else max(end - now, 0.05)))
            continue
        for source in ready:
            left = None if limit is None else limit - sum(p.stored + p.unchanged + p.failed
                                                          for p in polls)
            if left is not None and left <= 0:
                return polls
            result = poll(store, fetcher, source, settings, left, end)
            polls.append(result)
            log(result.line())
            if once:
                pending.remove(source)
            else:
                due[source.url] = time.monotonic() + (
                    _due_in(store, source) if result.status == "failed" else source.interval)
    return polls
