"""The first page of a filtered events listing (type + actor + date range) on a ledger of
1,000,000 events, as the command line and the API run it: its p50 and p95 over many
queries with varied filters (goal: p95 <= 50 ms on SQLite and PostgreSQL).

The ledger is synthetic (100,000 articles of 10 events each, PLOVER types, 60 actor codes
and 3 years of days, drawn with a fixed seed) and written straight into the store's tables,
since extracting a million events would take hours. Usage:

    python bench/query.py [--db URL] [--events N] [--queries N]

Without --db it writes a temporary SQLite file; a PostgreSQL URL is emptied first.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from wirewatch.model import EVENT_TYPES, MODALITIES
from wirewatch.store import open_store
from wirewatch.store.read import EventFilters, PageRequest, list_events
from wirewatch.store.schema import annotation_tables, articles, metadata

EVENTS_PER_ARTICLE = 10
COUNTRIES = ("USA", "RUS", "UKR", "CHN", "KOR", "PRK", "SDN", "TCD", "ISR", "IRN", "IND",
             "PAK")
SECTORS = ("", "GOV", "MIL", "REB", "COP")
FIRST_DAY = date(2022, 1, 1)
DAYS = 3 * 365
TEXT = "Officials said the army attacked the rebels near the border on Tuesday. " * 3


def fill(db: str, n_events: int, seed: int = 7) -> None:
    """Write the synthetic ledger, in batches of 1,000 articles."""
    rng = random.Random(seed)
    actors = [c + s for c in COUNTRIES for s in SECTORS]
    events = annotation_tables["events"]
    with open_store(db) as store:
        metadata.drop_all(store.engine)
        metadata.create_all(store.engine)
        n_articles = n_events // EVENTS_PER_ARTICLE
        for first in range(0, n_articles, 1000):
            article_rows, event_rows = [], []
            for a in range(first, min(first + 1000, n_articles)):
                article_id = f"{a:064x}"
                day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
                article_rows.append({"id": article_id, "url": None, "title": None,
                                     "source": "Bench Wire", "published": day.isoformat(),
                                     "language": "en", "text": TEXT, "trailers": [],
                                     "origin": "bench", "ingested_at": "2026-01-01"})
                for idx in range(EVENTS_PER_ARTICLE):
                    event_day = (day - timedelta(days=rng.randrange(3))).isoformat()
                    event_rows.append({
                        "article_id": article_id, "idx": idx,
                        "type": rng.choice(EVENT_TYPES), "mode": None,
                        "source": rng.choice(actors), "target": rng.choice(actors),
                        "modality": rng.choice(MODALITIES), "date": event_day,
                        "day": event_day, "trigger_start": 22, "trigger_end": 30,
                        "sentence_start": 0, "sentence_end": 72, "place_idx": None,
                        "quantity_idx": None, "data": {}})
            with store.writing() as conn:
                conn.execute(insert(articles), article_rows)
                conn.execute(insert(events), event_rows)


def measure(db: str, n_queries: int, seed: int = 11) -> list[float]:
    """Milliseconds of each first page (limit 50) of a varied filtered listing."""
    rng = random.Random(seed)
    timings = []
    with open_store(db, create=False) as store:
        list_events(store, EventFilters(type="ASSAULT"), PageRequest(50))  # warm the cache
        for _ in range(n_queries):
            start_day = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 90))
            filters = EventFilters(type=rng.choice(EVENT_TYPES), actor=rng.choice(COUNTRIES),
                                   since=start_day.isoformat(),
                                   until=(start_day + timedelta(days=90)).isoformat())
            started = time.perf_counter()
            list_events(store, filters, PageRequest(50))
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "bench.db")
        started = time.perf_counter()
        fill(db, args.events)
        print(f"wrote {args.events:,} events in {time.perf_counter() - started:.0f} s")
        timings = sorted(measure(db, args.queries))
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(f"first page of type + actor + 90-day range, {args.queries} queries: "
              f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
