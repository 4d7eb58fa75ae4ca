"""Extraction in N processes against one, on the same articles in the same run.

The figure that matters is the speed-up (goal: >= 1.7 with 2 workers on two cores, where
bare spaCy's own two processes reach about 1.78). Workers are started and their pipelines
loaded before the timing, by a warm-up chunk. Usage:

    python bench/workers.py [JSONL] [--workers N] [--copies N]

--copies repeats the articles, so that the workers' start (loading a pipeline each, a few
seconds) weighs on the figure as it does on a corpus of real size.

JSONL holds one article a line with a ``text`` field; the default is the MEANTIME plain-text
export beside the project (see bench/throughput.py).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from throughput import DEFAULT_DATA, load_articles

from wirewatch.config import Settings
from wirewatch.model import Document
from wirewatch.pipeline import extract_documents, extract_in_parallel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    articles = load_articles(args.data) * args.copies
    settings = Settings()
    list(extract_documents(articles[:2], settings))  # load the pipeline outside the timing

    start = time.perf_counter()
    one = sum(isinstance(o, Document) for _, o in extract_documents(articles, settings))
    one_time = time.perf_counter() - start

    # the pool's start and its workers' pipelines are timed too: a real run pays for them
    start = time.perf_counter()
    many = sum(isinstance(o, Document)
               for _, o in extract_in_parallel(articles, settings, args.workers))
    many_time = time.perf_counter() - start
    assert one == many == len(articles), (one, many, len(articles))
    print(f"articles: {len(articles)}, batch size {settings.batch_size}")
    print(f"1 process:   {len(articles) / one_time:6.1f} docs/s")
    print(f"{args.workers} processes: {len(articles) / many_time:6.1f} docs/s "
          "(starting the workers and loading their pipelines included)")
    print(f"speed-up: {one_time / many_time:.2f}")


if __name__ == "__main__":
    main()
