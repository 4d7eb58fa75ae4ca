"""The per-article pipeline over a stream of items: prepare, parse in batches, convert.

A bad item becomes a ``Failure`` with its reason and the stream goes on. What to do with the
outcomes (print them, or store and link them with ``link.store_outcomes``) is the caller's.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from multiprocessing import get_context

from .config import Settings
from .convert import to_document
from .errors import InputError, WirewatchError
from .ingest import Failure, IngestItem, RawArticle, Skipped
from .model import Document
from .nlp import COMPONENT, PIECE_CHARS, load_pipeline, parse
from .normalize import PreparedArticle, is_english, prepare

Outcome = tuple[str, Document | Failure | Skipped]


def extract_documents(items: Iterable[IngestItem], settings: Settings) -> Iterator[Outcome]:
    """``(origin, Document | Failure | Skipped)`` for every item, in input order per batch."""
    nlp = load_pipeline(settings.model, tuple(settings.actors))
    book = nlp.get_pipe(COMPONENT).book
    passed: list[Outcome] = []

    def prepared() -> Iterator[PreparedArticle]:
        for item in items:
            if not isinstance(item, RawArticle):
                passed.append((item.origin, item))
                continue
            try:
                article = prepare(item)
                if len(article.article.text) > settings.max_chars:
                    raise InputError(f"text of {len(article.article.text):,} characters is "
                                     f"longer than max_chars ({settings.max_chars:,})")
                if not is_english(article.article.language):
                    # The coder reads English only: stored with its language, never parsed.
                    passed.append((item.origin, Document(article=article.article)))
                    continue
                yield article
            except WirewatchError as err:
                passed.append((item.origin, Failure(item.origin, str(err))))

    for item, doc in parse(nlp, prepared(), settings.batch_size):
        yield from _drain(passed)
        try:
            yield item.origin, to_document(doc, item.article, book,
                                           keep_unattributed=settings.keep_unattributed)
        except WirewatchError as err:
            yield item.origin, Failure(item.origin, str(err))
    yield from _drain(passed)


def _drain(passed: list[Outcome]) -> Iterator[Outcome]:
    while passed:
        yield passed.pop(0)


def worker_count(settings: Settings) -> int:
    """How many processes parse: the ``workers`` setting, or one per core when it is 0."""
    return settings.workers if settings.workers > 0 else cores()


def cores() -> int:
    """The cores this process may run on: fewer than the machine's under ``taskset`` or a
    container's CPU set, where one worker per machine core would only compete."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# chunks handed out per worker before the oldest is waited for: with two, a long chunk at the
# head of the line left the other worker idle once it had finished the few behind it
CHUNKS_AHEAD = 8


def extract_in_parallel(items: Iterable[IngestItem], settings: Settings,
                        workers: int) -> Iterator[Outcome]:
    """What ``extract_documents`` gives, parsed by ``workers`` processes (one pipeline
    each) in chunks of a batch, yielded chunk by chunk in input order, so that one writer
    stores and links exactly what one process would. This process is one of them: it parses
    a waiting chunk itself whenever the oldest is not back yet, so it is at work while the
    others start and while they finish the last chunks, and ``workers - 1`` are spawned. An
    input of a single chunk is parsed here, without starting processes; a worker that dies
    fails its chunk's items with the reason and the others go on in a new pool."""
    stream = iter(items)
    chunks = iter(lambda: list(islice(stream, settings.batch_size)), [])
    first = list(islice(chunks, 2))
    if workers <= 1 or len(first) < 2:
        for chunk in chain(first, chunks):
            yield from extract_documents(chunk, settings)
        return
    claims = Claims()
    pool = process_pool(settings, workers - 1, claims)
    pending: deque[Pending] = deque()
    try:
        for index, chunk in enumerate(chain(first, chunks)):
            pending.append((index, chunk, pool.submit(_extract_chunk, chunk, index)))
            while len(pending) >= CHUNKS_AHEAD * workers:
                pool = yield from _next_chunk(pending, pool, settings, workers, claims)
        while pending:
            pool = yield from _next_chunk(pending, pool, settings, workers, claims)
    finally:
        pool.shutdown(cancel_futures=True)


Pending = tuple[int, list[IngestItem], "Future[list[Outcome] | None]"]
"""A chunk handed out: its place in the input, its items, and the result to come."""


class Claims:
    """Which process parses each chunk: the first to claim it. A chunk already sent to a
    worker sits in the pool's queue, where it can no longer be cancelled, until the worker
    is free; the writer's process claims it there when it runs out of work, and the worker
    then skips it, so that the last chunks are shared rather than left to one worker."""

    SLOTS = 1024  # far more than the chunks ever handed out at once

    def __init__(self) -> None:
        self._slots = get_context("spawn").Array("q", [-1] * self.SLOTS)

    def take(self, index: int) -> bool:
        """Claim chunk ``index``; False when another process has claimed it."""
        with self._slots.get_lock():
            if self._slots[index % self.SLOTS] == index:
                return False
            self._slots[index % self.SLOTS] = index
            return True


def _next_chunk(pending: deque[Pending], pool: ProcessPoolExecutor, settings: Settings,
                workers: int, claims: Claims) -> Iterator[Outcome]:
    """Yield the oldest chunk's outcomes, parsing waiting chunks here until it is back;
    after a worker died, fail its items, start a new pool and give it the chunks it held.
    Returns the pool to go on with."""
    while not pending[0][2].done() and _parse_a_waiting_chunk(pending, settings, claims):
        pass
    _, chunk, future = pending.popleft()
    try:
        outcomes = future.result()
        assert outcomes is not None, "a chunk a worker skipped was parsed here"
    except BrokenProcessPool:
        reason = "the process parsing it stopped (out of memory?)"
        outcomes = [(item.origin, Failure(item.origin, reason)) for item in chunk]
        pool.shutdown(cancel_futures=True)
        pool = process_pool(settings, workers - 1, claims)
        for i, (index, waiting, held) in enumerate(pending):
            if held.cancelled() or held.exception() is not None:
                pending[i] = (index, waiting, pool.submit(_extract_chunk, waiting, index))
    yield from outcomes
    return pool


def _parse_a_waiting_chunk(pending: deque[Pending], settings: Settings, claims: Claims) -> bool:
    """Take the oldest chunk no worker has started back from the pool and parse it in this
    process; False when every chunk is already with a worker or done. A chunk holding a text
    long enough to be parsed in pieces stays with the workers, whose death fails only their
    chunk, never the writer's run."""
    waiting = next((i for i, (index, chunk, future) in enumerate(pending)
                    if all(len(item.text) <= PIECE_CHARS for item in chunk
                           if isinstance(item, RawArticle))
                    and (future.cancel() or (not future.done() and claims.take(index)))), None)
    if waiting is None:
        return False
    index, chunk, _ = pending[waiting]
    here: Future[list[Outcome] | None] = Future()
    here.set_result(list(extract_documents(chunk, settings)))
    pending[waiting] = (index, chunk, here)
    return True


def process_pool(settings: Settings, workers: int,
                 claims: Claims | None = None) -> ProcessPoolExecutor:
    """Up to ``workers`` processes, each with its pipeline loaded before its first task;
    spawned (a fresh interpreter), never forked from a process holding threads. The executor
    starts a process only when a task finds none idle, so an input of three chunks starts at
    most three, whatever ``workers`` says."""
    return ProcessPoolExecutor(workers, mp_context=get_context("spawn"),
                               initializer=_start_worker, initargs=(settings, claims))


_worker_settings: Settings | None = None
_worker_claims: Claims | None = None


def _start_worker(settings: Settings, claims: Claims | None) -> None:
    global _worker_settings, _worker_claims
    _worker_settings, _worker_claims = settings, claims
    exit_with_parent()
    # Once the pool sends it home, a worker has handed back every result; freeing the
    # loaded pipeline object by object at the interpreter's exit would only delay the run's end.
    atexit.register(os._exit, 0)
    load_pipeline(settings.model, tuple(settings.actors))


def exit_with_parent() -> None:
    """End this worker as soon as the process that started it is gone. A writer killed with
    SIGKILL cannot shut its pool down, and its workers, waiting on a queue whose other end
    they hold themselves, would otherwise live on with a pipeline each."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # returns when the parent's end of the start-up pipe closes
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _extract_chunk(chunk: list[IngestItem], index: int | None = None) -> list[Outcome] | None:
    """A chunk's outcomes; None when the writer's process has claimed it first."""
    assert _worker_settings is not None, "a worker runs after its initializer"
    if index is not None and _worker_claims is not None and not _worker_claims.take(index):
        return None
    return list(extract_documents(chunk, _worker_settings))
