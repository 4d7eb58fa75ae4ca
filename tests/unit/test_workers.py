"""Parsing in several processes gives what one process gives, in input order."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

import pytest

from tests.reliability.corpus import write_news_corpus
from tests.reliability.ledger import ledger_contents
from wirewatch.config import Settings
from wirewatch.ingest import ArticleMeta, RawArticle
from wirewatch.model import Document
from wirewatch.pipeline import cores, extract_documents, extract_in_parallel, worker_count

TEXTS = ["Kenyan police arrested 12 protesters in Nairobi on Friday, officials said.",
         "Ukraine's president Volodymyr Zelenskyy said he would visit Seoul next week.",
         "Sudanese troops were deployed to Chad on Monday, the army said.",
         "   ",  # no text: a failure with its reason, in its place
         "Russia condemned the sanctions imposed by the European Union on Tuesday."]


def items():
    return [RawArticle(text, f"item-{i}", ArticleMeta(published="2025-03-14"))
            for i, text in enumerate(TEXTS * 2)]


def outcomes(stream):
    return [(origin, outcome.to_dict() if isinstance(outcome, Document) else
             (type(outcome).__name__, outcome.reason)) for origin, outcome in stream]


def documents_and_failures(stream):
    """What the writer stores: the documents in their order, and the failures (a failure
    may come out before the documents of its batch)."""
    found = outcomes(stream)
    return ([o for o in found if isinstance(o[1], dict)],
            sorted(o for o in found if isinstance(o[1], tuple)))


def chunks_parsed_here(monkeypatch):
    """The chunks this process parses itself from now on (a spawned worker's are not seen)."""
    from wirewatch import pipeline

    parsed_here = []

    def counting(chunk, settings):
        parsed_here.append(chunk)
        return extract_documents(chunk, settings)

    monkeypatch.setattr(pipeline, "extract_documents", counting)
    return parsed_here


@pytest.mark.slow
def test_two_processes_give_what_one_gives_in_input_order(monkeypatch):
    settings = Settings(batch_size=2)  # five chunks of two
    one = documents_and_failures(extract_documents(items(), settings))
    parsed_here = chunks_parsed_here(monkeypatch)
    two = documents_and_failures(extract_in_parallel(items(), settings, 2))
    assert two == one
    # this process parsed chunks while the one spawned worker started (all five, where the
    # worker's start takes longer than they do)
    assert 1 <= len(parsed_here) <= 5
    documents, failures = two
    assert [origin for origin, _ in documents] == [
        f"item-{i}" for i in range(len(TEXTS) * 2) if TEXTS[i % len(TEXTS)].strip()]
    assert [origin for origin, _ in failures] == ["item-3", "item-8"]


@pytest.mark.slow
def test_a_chunk_with_a_long_text_is_left_to_the_workers(monkeypatch):
    """A text long enough to be parsed in pieces could take the writer down with it."""
    from wirewatch import pipeline

    settings = Settings(batch_size=2)
    one = documents_and_failures(extract_documents(items(), settings))
    parsed_here = chunks_parsed_here(monkeypatch)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 10)  # every text here counts as long
    assert documents_and_failures(extract_in_parallel(items(), settings, 2)) == one
    assert parsed_here == []


def test_a_chunk_sent_to_a_worker_but_not_started_is_parsed_here_and_skipped_there(
        monkeypatch):
    """At the end of a run the last chunks sit in the pool's queue, past cancelling: the
    writer's process claims one there rather than wait for the worker to get to it."""
    from concurrent.futures import Future

    from wirewatch import pipeline

    settings = Settings(batch_size=2)
    chunk = items()[:2]
    queued: Future = Future()
    assert queued.set_running_or_notify_cancel() and not queued.cancel()
    claims = pipeline.Claims()
    pending = deque([(7, chunk, queued)])
    assert pipeline._parse_a_waiting_chunk(pending, settings, claims)
    index, parsed, here = pending[0]
    assert (index, parsed) == (7, chunk) and here is not queued
    assert outcomes(here.result()) == outcomes(extract_documents(chunk, settings))
    # the worker, getting to it, finds it claimed and skips it
    monkeypatch.setattr(pipeline, "_worker_settings", settings)
    monkeypatch.setattr(pipeline, "_worker_claims", claims)
    assert pipeline._extract_chunk(chunk, 7) is None
    # a chunk a worker claimed first is left to it, and one in a reused slot is new
    assert claims.take(8) and not claims.take(8)
    assert not pipeline._parse_a_waiting_chunk(
        deque([(8, chunk, _running())]), settings, claims)
    assert claims.take(7 + pipeline.Claims.SLOTS)


def _running():
    from concurrent.futures import Future

    future: Future = Future()
    future.set_running_or_notify_cancel()
    return future


class DiesWhenUnpickled(RawArticle):
    """An article that ends the worker process it is sent to."""

    def __reduce__(self):
        return os._exit, (1,)


@pytest.mark.slow
def test_a_worker_that_dies_fails_its_chunk_and_the_others_are_parsed(monkeypatch):
    from wirewatch import pipeline

    # every chunk goes to the spawned worker, none is parsed here
    monkeypatch.setattr(pipeline, "_parse_a_waiting_chunk", lambda *args: False)
    settings = Settings(batch_size=2)
    texts = [RawArticle(t, f"item-{i}", ArticleMeta(published="2025-03-14"))
             for i, t in enumerate(TEXTS * 2)]
    texts[2] = DiesWhenUnpickled(texts[2].text, texts[2].origin, texts[2].meta)
    found = outcomes(extract_in_parallel(texts, settings, 2))
    expected = outcomes(extract_documents(items(), settings))
    reason = ("Failure", "the process parsing it stopped (out of memory?)")
    assert [o for o in found if o[0] in ("item-2", "item-3")] == [
        ("item-2", reason), ("item-3", reason)]
    assert sorted(o for o in found if o[0] not in ("item-2", "item-3")) == \
        sorted(o for o in expected if o[0] not in ("item-2", "item-3"))


def test_one_chunk_is_parsed_here_and_zero_workers_is_one_per_core():
    settings = Settings(batch_size=64)
    assert documents_and_failures(extract_in_parallel(items(), settings, 8)) == \
        documents_and_failures(extract_documents(items(), settings))
    assert worker_count(Settings(workers=3)) == 3 and worker_count(Settings(workers=1)) == 1
    assert worker_count(Settings(workers=0)) == worker_count(Settings()) == cores() >= 1


def test_a_negative_number_of_workers_is_a_setting_error(tmp_path, capsys, monkeypatch):
    from wirewatch.cli import main

    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIREWATCH_WORKERS", "-2")
    try:
        main(["ingest", "a.txt", "--db", "w.db"])
    except SystemExit as exit_:
        assert exit_.code not in (0, None)
    else:
        raise AssertionError("ingest ran with -2 workers")
    err = capsys.readouterr().err
    assert "'workers'" in err and "-2" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_cores_are_those_this_process_may_run_on(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5}, raising=False)
    assert cores() == 3
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    assert cores() == 6


def test_ingest_takes_the_number_of_workers(tmp_path, capsys, monkeypatch):
    from wirewatch import pipeline
    from wirewatch.cli import main

    asked = []

    def recording(items, settings, workers):
        asked.append(workers)
        return extract_documents(items, settings)

    monkeypatch.setattr(pipeline, "extract_in_parallel", recording)
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    monkeypatch.delenv("WIREWATCH_WORKERS", raising=False)
    monkeypatch.chdir(tmp_path)  # no wirewatch.toml of the caller's
    for args, expected in (([], cores()), (["--workers", "3"], 3), (["--workers", "1"], 1)):
        try:
            main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "w.db"), *args])
        except SystemExit as exit_:
            assert not exit_.code, capsys.readouterr().err
        assert asked[-1] == expected
    assert asked == [cores(), 3, 1]


@pytest.mark.slow
def test_ingest_in_two_processes_stores_and_links_what_one_stores(tmp_path, capsys,
                                                                  monkeypatch):
    """The whole write path, linking included: copies, stories, merged events and claims
    come out the same when two processes parse, in chunks of four over ten chunks."""
    from wirewatch.cli import main

    corpus = tmp_path / "news"
    write_news_corpus(corpus, 40)
    monkeypatch.setenv("WIREWATCH_BATCH_SIZE", "4")
    ledgers = []
    for workers in ("1", "2"):
        db = str(tmp_path / f"workers-{workers}.db")
        try:
            main(["ingest", str(corpus), "--db", db, "--workers", workers])
        except SystemExit as exit_:
            assert not exit_.code, capsys.readouterr().err
        ledgers.append(ledger_contents(db))
    one, two = ledgers
    assert len(one["articles"]) >= 38 and one["stories"] and one["merged_events"]
    assert any(row[1] != row[0] for row in one["article_links"])  # copies were found
    assert two == one


def alive(pid: int) -> bool:
    """Running, not a zombie waiting for whoever adopted it to reap it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[0] != "Z"


@pytest.mark.slow
def test_workers_end_when_the_writer_is_killed(tmp_path):
    """A writer killed with SIGKILL leaves no worker behind, each holding a pipeline."""
    script = tmp_path / "pool.py"
    script.write_text(
        "import os, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from multiprocessing import get_context\n"
        "from wirewatch.pipeline import exit_with_parent\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(2, mp_context=get_context('spawn'),\n"
        "                               initializer=exit_with_parent)\n"
        "    futures = [pool.submit(time.sleep, 0.5) for _ in range(2)]\n"
        "    for f in futures:\n"
        "        f.result()\n"
        "    print(*[p.pid for p in pool._processes.values()], flush=True)\n"
        "    time.sleep(600)\n", encoding="utf-8")
    with subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                          text=True) as writer:
        try:
            workers = [int(pid) for pid in writer.stdout.readline().split()]
            assert workers and all(alive(pid) for pid in workers)
        finally:
            writer.send_signal(signal.SIGKILL)
    deadline = time.monotonic() + 60
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # not to leave them running when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, "workers outlived their writer"
