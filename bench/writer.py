"""Where the one writer of ``ingest --workers N`` spends its time: waiting for parsed
articles (the workers are the bottleneck) or storing and linking them (the writer is).

Runs the ingest write path (``extract_in_parallel`` into ``link.store_outcomes``) on a fresh
SQLite file and prints the writer's wall time split in two, and its CPU time (every thread
of the process, unpickling the workers' results included). Usage:

    python bench/writer.py [JSONL] [--workers N] [--copies N] [--profile]

Copies of an article are stored once (the rest are unchanged), so --copies understates the
writer's work. --profile adds a cProfile of the writer's thread, by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from throughput import DEFAULT_DATA, load_articles

from wirewatch.config import Settings
from wirewatch.link import store_outcomes
from wirewatch.pipeline import extract_in_parallel
from wirewatch.store import open_store

T = TypeVar("T")


class Waits:
    """The time a consumer spends waiting on a stream's next item."""

    def __init__(self) -> None:
        self.total = 0.0
        self.first: float | None = None

    def timed(self, stream: Iterable[T]) -> Iterator[T]:
        items = iter(stream)
        while True:
            start = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                return
            self.total += time.perf_counter() - start
            if self.first is None:
                self.first = self.total
            yield item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    articles = load_articles(args.data) * args.copies
    waits = Waits()
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory() as folder, open_store(f"{folder}/w.db") as store:
        start, cpu = time.perf_counter(), time.process_time()
        if args.profile:
            profile.enable()
        outcomes = extract_in_parallel(articles, Settings(), args.workers)
        stored = sum(1 for _ in store_outcomes(store, waits.timed(outcomes)))
        profile.disable()
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    writing = wall - waits.total
    print(f"articles: {stored}, {args.workers} workers, wall {wall:.1f} s")
    print(f"waiting for parsed articles: {waits.total:.1f} s "
          f"(the first after {waits.first or 0:.1f} s)")
    print(f"storing and linking: {writing:.1f} s ({writing / stored * 1000:.0f} ms an article)")
    print(f"writer CPU: {cpu:.1f} s ({cpu / stored * 1000:.0f} ms an article, "
          f"{cpu / wall:.0%} of one core)")
    if args.profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
