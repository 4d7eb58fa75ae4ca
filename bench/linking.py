"""Per-article linking cost as the store grows: it must stay flat.

A synthetic news feed (stories that run for some days, each with its own vocabulary and
actors; a tenth of the articles are lightly edited copies of a recent one) is stored and
linked article by article. At each checkpoint the mean cost of linking the last articles is
printed beside the cost at the first checkpoint, in the same run, as wall time and as this
process's CPU time (which other work on a shared machine does not inflate). The articles
between the timed windows are stored and linked by the same functions, a thousand to a
transaction, so that a million stored takes hours rather than a day. A run given the
database of an earlier one goes on from the articles it holds (a feed of new stories from
the day it reached), so that a long run can be taken in several. Usage:

    python bench/linking.py [--sizes 1000 10000 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from wirewatch.link import link_or_record, link_stored
from wirewatch.model import Actor, Article, Document, Event
from wirewatch.store import open_store
from wirewatch.store.schema import articles
from wirewatch.store.write import insert_document

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "KOR", "PRK", "JPN", "IND", "PAK", "IRN", "ISR",
             "SYR", "TUR", "EGY", "SDN", "TCD", "NGA", "KEN", "ETH", "BRA", "MEX", "COL",
             "VEN", "FRA", "DEU", "GBR", "POL", "ITA", "ESP", "ZAF"]
TYPES = ["CONSULT", "AID", "MOBILIZE", "ASSAULT", "PROTEST", "DEMAND", "COERCE", "AGREE"]
PER_DAY = 100  # articles a day
STORY_DAYS = 5  # how long a story runs
FILL_BATCH = 1000  # untimed articles stored and linked in one transaction


def _words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9)))
            for _ in range(n)]


class Feed:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.common = _words(self.rng, 3000)
        self.stories: list[dict] = []
        self.recent: list[Document] = []
        self.start = date(2020, 1, 1)

    def _story(self, day: date) -> dict:
        live = [s for s in self.stories if s["until"] >= day]
        if not live or self.rng.random() < 0.15:
            story = {"words": _words(self.rng, 40), "until": day + timedelta(days=STORY_DAYS),
                     "actors": self.rng.sample(COUNTRIES, 2), "type": self.rng.choice(TYPES)}
            self.stories.append(story)
            self.stories = [s for s in self.stories if s["until"] >= day]
            return story
        return self.rng.choice(live)

    def article(self, i: int) -> Document:
        day = self.start + timedelta(days=i // PER_DAY)
        if self.recent and self.rng.random() < 0.1:
            original = self.rng.choice(self.recent[-50:])
            words = original.article.text.split()
            words[self.rng.randrange(len(words))] = self.rng.choice(self.common)
            return self._document(" ".join(words), day, original.actors, original.events)
        story = self._story(day)
        words = [self.rng.choice(story["words"]) if self.rng.random() < 0.35
                 else self.rng.choice(self.common) for _ in range(160)]
        text = " ".join(words)
        source, target = story["actors"]
        actors = (Actor(source, source, source, None, ((0, 1),)),
                  Actor(target, target, target, None, ((2, 3),)))
        events = (Event(story["type"], None, None, source, target, (0, 4), (0, 40),
                        "asserted", day.isoformat(), "day", None, None, None, 0.8),)
        doc = self._document(text, day, actors, events)
        self.recent = [*self.recent[-49:], doc]
        return doc

    def _document(self, text: str, day: date, actors, events) -> Document:
        article = Article(hashlib.sha256(text.encode()).hexdigest(), None, None,
                          self.rng.choice(["Wire A", "Wire B", "Paper C", "Paper D"]),
                          day.isoformat(), "en", text)
        return Document(article=article, actors=actors, events=events)


def _fill(store, feed: Feed, stored: int, count: int) -> int:
    """Store and link ``count`` articles of the feed in one transaction; how many were new."""
    added = 0
    with store.writing() as conn:
        while added < count:
            doc = feed.article(stored + added)
            if insert_document(conn, doc, None):
                link_or_record(conn, doc)
                added += 1
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--window", type=int, default=500,
                        help="articles timed at each checkpoint")
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    store = open_store(str(path))
    with store.engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    feed = Feed(seed=7 + stored)  # the same feed from the start; new stories on a resume
    first: tuple[float, float] | None = None
    print(f"database: {path}; {PER_DAY} articles a day, stories of {STORY_DAYS} days"
          + (f"; going on from {stored:,} stored" if stored else ""))
    for size in sorted(args.sizes):
        if stored >= size:
            continue  # reached by an earlier run
        while stored < size - args.window:
            stored += _fill(store, feed, stored, min(FILL_BATCH, size - args.window - stored))
        wall: list[float] = []
        cpu: list[float] = []
        while stored < size:
            doc = feed.article(stored)
            if not store.save(doc):
                continue
            begin, begin_cpu = time.perf_counter(), time.process_time()
            link_stored(store, doc)
            wall.append(time.perf_counter() - begin)
            cpu.append(time.process_time() - begin_cpu)
            stored += 1
        cost = (1000 * sum(wall) / len(wall), 1000 * sum(cpu) / len(cpu))
        first = first or cost
        print(f"{size:>9,} stored: linking {cost[0]:6.2f} ms/article wall "
              f"({cost[0] / first[0]:.2f} of the first checkpoint), {cost[1]:6.2f} ms CPU "
              f"({cost[1] / first[1]:.2f})", flush=True)
    if store.failures():
        print(f"failures: {len(store.failures())}")


if __name__ == "__main__":
    main()
