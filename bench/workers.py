"""Extraction in N processes against one, on the same articles in the same run, and each
worker's peak memory.

The figure that matters is the speed-up (goal: >= 1.7 with 2 workers on two cores, where
bare spaCy's own two processes reach about 1.78). It is printed twice: with the workers' start
(spawning each and loading its pipeline) inside the timing, as a run pays it, and once the
workers hold their pipelines, as bare spaCy's forked processes do, which inherit the loaded
model. Each
worker's peak resident memory (goal: <= 800 MB) is its VmHWM in /proc, read when its last
chunk is back and before the pool is shut down (Linux only). Usage:

    python bench/workers.py [JSONL] [--workers N] [--copies N]

--copies repeats the articles, so that the workers' start (loading a pipeline each, a few
seconds) weighs on the figure as it does on a corpus of real size. --bare also times bare
spaCy ``nlp.pipe`` on the same texts in one process and in N (its own ``n_process``), in the
same run: how far two processes go on this machine at this moment, which on a shared machine
moves from one minute to the next.

JSONL holds one article a line with a ``text`` field; the default is the MEANTIME plain-text
export beside the project (see bench/throughput.py).
"""

from __future__ import annotations

import argparse
import os
import re
import time
from pathlib import Path

import spacy
from throughput import DEFAULT_DATA, load_articles

from wirewatch.config import DEFAULT_MODEL, Settings
from wirewatch.model import Document
from wirewatch.pipeline import extract_documents, extract_in_parallel, process_pool


def _count_documents(chunk: list) -> int:
    """A worker's task in the steady pass: extract a chunk, send back only a count."""
    return sum(isinstance(o, Document) for _, o in extract_documents(chunk, Settings()))


def _warm(chunk: list) -> int:
    """Extract a small chunk (loading the pipeline), and say which process did it."""
    _count_documents(chunk)
    return os.getpid()


def steady_seconds(articles: list, settings: Settings, workers: int) -> float:
    """Seconds for ``workers`` processes to extract the articles once each holds its pipeline:
    the pool is started and every worker has finished a first chunk before the timing."""
    pool = process_pool(settings, workers)
    try:
        ready: set[int] = set()
        while len(ready) < workers:  # every worker has loaded its pipeline
            ready |= {f.result() for f in [pool.submit(_warm, articles[:2])
                                           for _ in range(workers)]}
        step = settings.batch_size
        start = time.perf_counter()
        futures = [pool.submit(_count_documents, articles[i:i + step])
                   for i in range(0, len(articles), step)]
        assert sum(f.result() for f in futures) == len(articles)
        return time.perf_counter() - start
    finally:
        pool.shutdown()


def peak_rss(pid: int | str = "self") -> int | None:
    """A process's peak resident memory in bytes (VmHWM), or None where /proc has none."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) * 1024 if found else None


def worker_peaks() -> dict[int, int]:
    """Peak resident memory of each worker this process spawned (children started by
    multiprocessing's spawn, not its resource tracker), by process id."""
    peaks = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text(encoding="ascii").rpartition(")")[2].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if parent == os.getpid() and b"spawn_main" in command:
            peak = peak_rss(stat.parent.name)
            if peak is not None:
                peaks[int(stat.parent.name)] = peak
    return peaks


def bare_speedup(texts: list[str], workers: int, batch_size: int) -> tuple[float, float]:
    """Bare spaCy's own speed-up with ``workers`` processes (forked, each holding the loaded
    model) over one, and its one-process rate."""
    nlp = spacy.load(DEFAULT_MODEL)
    list(nlp.pipe(texts[:2]))
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    one = time.perf_counter() - start
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return one / (time.perf_counter() - start), len(texts) / one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--bare", action="store_true",
                        help="also time bare spaCy's own processes on the same texts")
    args = parser.parse_args()
    articles = load_articles(args.data) * args.copies
    settings = Settings()
    list(extract_documents(articles[:2], settings))  # load the pipeline outside the timing

    start = time.perf_counter()
    one = sum(isinstance(o, Document) for _, o in extract_documents(articles, settings))
    one_time = time.perf_counter() - start

    # the pool's start and its workers' pipelines are timed too: a real run pays for them
    start = time.perf_counter()
    many = 0
    peaks: dict[int, int] = {}
    stream = extract_in_parallel(articles, settings, args.workers)
    for seen, (_, outcome) in enumerate(stream, start=1):
        many += isinstance(outcome, Document)
        if seen == len(articles):  # every chunk is back; the workers still live
            peaks = worker_peaks()
    many_time = time.perf_counter() - start
    assert one == many == len(articles), (one, many, len(articles))
    print(f"articles: {len(articles)}, batch size {settings.batch_size}")
    print(f"1 process:   {len(articles) / one_time:6.1f} docs/s")
    print(f"{args.workers} processes: {len(articles) / many_time:6.1f} docs/s "
          "(starting the workers and loading their pipelines included)")
    print(f"speed-up: {one_time / many_time:.2f}")
    steady = steady_seconds(articles, settings, args.workers)
    print(f"{args.workers} processes holding their pipelines: {len(articles) / steady:6.1f} "
          f"docs/s, speed-up {one_time / steady:.2f} (as bare spaCy's forked processes start)")
    if peaks:
        mb = ", ".join(f"{peak / 1e6:.0f}" for peak in sorted(peaks.values()))
        print(f"peak RSS per worker: {mb} MB (largest {max(peaks.values()) / 1e6:.0f} MB); "
              f"this process, which also ran the 1-process pass: "
              f"{(peak_rss() or 0) / 1e6:.0f} MB")
    else:
        print("peak RSS per worker: not measured (no /proc, or no worker was started)")
    if args.bare:
        ratio, rate = bare_speedup([a.text for a in articles], args.workers, settings.batch_size)
        print(f"bare spaCy nlp.pipe: 1 process {rate:6.1f} docs/s; n_process={args.workers} "
              f"speed-up {ratio:.2f}")


if __name__ == "__main__":
    main()
