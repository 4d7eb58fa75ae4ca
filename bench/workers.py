"""Extraction in N processes against one, on the same articles in the same run, and each
worker's peak memory.

The figure that matters is the speed-up (goal: >= 1.7 with 2 workers on two cores, where
bare spaCy's own two processes reach about 1.8). It is printed twice: with the workers' start
(spawning each and loading its pipeline) and their shutdown inside the timing, as a run pays
them (this process parses too and spawns N - 1, as ``ingest`` does), and once N spawned
workers hold their pipelines, as bare spaCy's forked processes do, which inherit the loaded
model. --whole also times whole runs: a fresh interpreter that imports
wirewatch, reads the articles and extracts them with one process, and one that does so with N
(its pool's start and shutdown included), as ``wirewatch ingest --workers 1`` and
``--workers N`` pay their start; the ratio of those is what a user waits. Each worker's peak
resident memory (goal: <= 800 MB) is its VmHWM
in /proc, read when its last chunk is back and before the pool is shut down (Linux only).
Usage:

    python bench/workers.py [JSONL] [--workers N] [--copies N] [--rounds N] [--bare]

On a shared machine the speed of a core moves by half from one minute to the next, so a
ratio of two passes minutes apart says more about the neighbours than about wirewatch. Each
round therefore times the one-process pass and the several-process passes back to back, and
the figures are the median of the rounds' ratios (each round's are printed too). --copies
repeats the articles, so that the workers' start (loading a pipeline each, a few seconds)
weighs on the figure as it does on a corpus of real size. --bare also times bare spaCy
``nlp.pipe`` in one process and in N (its own ``n_process``) in every round.

JSONL holds one article a line with a ``text`` field; the default is the MEANTIME plain-text
export beside the project (see bench/throughput.py).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import median

import spacy
from spacy.language import Language
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


def held_pool(articles: list, settings: Settings, workers: int) -> ProcessPoolExecutor:
    """A pool whose every worker has loaded its pipeline and finished a first chunk."""
    pool = process_pool(settings, workers)
    ready: set[int] = set()
    while len(ready) < workers:
        ready |= {f.result() for f in [pool.submit(_warm, articles[:2]) for _ in range(workers)]}
    return pool


def held_seconds(pool: ProcessPoolExecutor, articles: list, step: int) -> float:
    """Seconds for a held pool to extract the articles, chunk by chunk."""
    start = time.perf_counter()
    futures = [pool.submit(_count_documents, articles[i:i + step])
               for i in range(0, len(articles), step)]
    assert sum(f.result() for f in futures) == len(articles)
    return time.perf_counter() - start


WHOLE_RUN = """
import sys
from pathlib import Path
sys.path.insert(0, {bench!r})
from throughput import load_articles
from wirewatch.config import Settings
from wirewatch.model import Document
from wirewatch.pipeline import extract_in_parallel
articles = load_articles(Path({data!r})) * {copies}
outcomes = extract_in_parallel(articles, Settings(), {workers})
assert sum(isinstance(o, Document) for _, o in outcomes) == len(articles)
"""


def whole_run_seconds(data: Path, copies: int, workers: int) -> float:
    """Seconds for a fresh interpreter to import wirewatch, read the articles and extract
    them with ``workers`` processes: a run's whole cost, its start included."""
    code = WHOLE_RUN.format(bench=str(Path(__file__).resolve().parent), data=str(data),
                            copies=copies, workers=workers)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def one_process_seconds(articles: list, settings: Settings) -> float:
    start = time.perf_counter()
    done = sum(isinstance(o, Document) for _, o in extract_documents(articles, settings))
    assert done == len(articles), (done, len(articles))
    return time.perf_counter() - start


def started_seconds(articles: list, settings: Settings, workers: int
                    ) -> tuple[float, dict[int, int]]:
    """Seconds for ``extract_in_parallel`` as a run calls it (the pool's start, its workers'
    pipelines and its shutdown included), and each worker's peak memory."""
    start = time.perf_counter()
    done = 0
    peaks: dict[int, int] = {}
    for seen, (_, outcome) in enumerate(extract_in_parallel(articles, settings, workers), 1):
        done += isinstance(outcome, Document)
        if seen == len(articles):  # every chunk is back; the workers still live
            peaks = worker_peaks()
    assert done == len(articles), (done, len(articles))
    return time.perf_counter() - start, peaks


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


def bare_seconds(nlp: Language, texts: list[str], workers: int,
                 batch_size: int) -> tuple[float, float]:
    """Bare spaCy's seconds in one process and in ``workers`` (its own forked processes,
    each holding the loaded model)."""
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    one = time.perf_counter() - start
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return one, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bare", action="store_true",
                        help="also time bare spaCy's own processes on the same texts")
    parser.add_argument("--whole", action="store_true",
                        help="also time whole runs, each in a fresh interpreter")
    args = parser.parse_args()
    articles = load_articles(args.data) * args.copies
    settings = Settings()
    list(extract_documents(articles[:2], settings))  # load the pipeline outside the timing
    nlp = None
    if args.bare:
        nlp = spacy.load(DEFAULT_MODEL)
        list(nlp.pipe([a.text for a in articles[:2]]))
    print(f"articles: {len(articles)}, batch size {settings.batch_size}, "
          f"{args.workers} workers, {args.rounds} rounds")
    started, held, bare, whole, peaks = [], [], [], [], {}
    pool = held_pool(articles, settings, args.workers)
    try:
        for round_ in range(1, args.rounds + 1):
            one = one_process_seconds(articles, settings)
            with_start, peaks = started_seconds(articles, settings, args.workers)
            holding = held_seconds(pool, articles, settings.batch_size)
            started.append(one / with_start)
            held.append(one / holding)
            line = (f"round {round_}: 1 process {len(articles) / one:5.1f} docs/s; "
                    f"speed-up {started[-1]:.2f} with the start, {held[-1]:.2f} holding "
                    "their pipelines")
            if nlp is not None:
                bare_one, bare_many = bare_seconds(nlp, [a.text for a in articles],
                                                   args.workers, settings.batch_size)
                bare.append(bare_one / bare_many)
                line += f"; bare spaCy {len(articles) / bare_one:5.1f} docs/s, {bare[-1]:.2f}"
            if args.whole:
                alone = whole_run_seconds(args.data, args.copies, 1)
                whole.append(alone / whole_run_seconds(args.data, args.copies, args.workers))
                line += f"; whole runs {alone:.1f} s alone, {whole[-1]:.2f}"
            print(line, flush=True)
    finally:
        pool.shutdown()
    print(f"speed-up (median of {args.rounds}): {median(started):.2f} with the workers' start "
          f"and shutdown, {median(held):.2f} once they hold their pipelines")
    if bare:
        print(f"bare spaCy nlp.pipe n_process={args.workers} (median): {median(bare):.2f}")
    if whole:
        print(f"whole runs, each in a fresh interpreter (median): {median(whole):.2f}")
    if peaks:
        mb = ", ".join(f"{peak / 1e6:.0f}" for peak in sorted(peaks.values()))
        print(f"peak RSS per worker: {mb} MB (largest {max(peaks.values()) / 1e6:.0f} MB); "
              f"this process, which also ran the 1-process pass: "
              f"{(peak_rss() or 0) / 1e6:.0f} MB")
    else:
        print("peak RSS per worker: not measured (no /proc, or no worker was started)")


if __name__ == "__main__":
    main()
