"""``wirewatch ingest`` over a hostile corpus written by the tests: every item ends stored or
failed with its reason, nothing crashes the run, and memory stays bounded.

The ingest runs as a subprocess (the installed console script), so its peak memory is its
own: ``os.wait4`` returns the resource usage of that one child.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from wirewatch.ingest.base import storable

from .corpus import SECRET, Corpus, build, long_article

PEAK_RSS_LIMIT_MB = 2048
RUN_TIMEOUT_S = 600


@dataclass
class Run:
    """One finished ``wirewatch ingest`` and what it left."""

    code: int
    out: str
    err: str
    seconds: float
    peak_rss_mb: float
    db: Path

    def rows(self, query: str) -> list[tuple]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(query).fetchall()


def ingest(folder: Path, db: Path) -> Run:
    """Run ``wirewatch ingest folder --db db`` in a child process and wait for it alone, so
    its peak resident memory is measured (Linux reports ``ru_maxrss`` in KiB)."""
    script = Path(sys.executable).parent / "wirewatch"
    env = {**os.environ, "COLUMNS": "400", "WIREWATCH_DEBUG": "1"}  # tracebacks, not one line
    out_path, err_path = db.with_suffix(".out"), db.with_suffix(".err")
    started = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        child = subprocess.Popen([str(script), "ingest", str(folder), "--db", str(db)],
                                 stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        deadline = started + RUN_TIMEOUT_S
        while (waited := os.wait4(child.pid, os.WNOHANG))[0] == 0:
            if time.monotonic() > deadline:
                child.kill()
                os.wait4(child.pid, 0)
                pytest.fail(f"wirewatch ingest ran over {RUN_TIMEOUT_S} s")
            time.sleep(0.2)
    child.returncode = os.waitstatus_to_exitcode(waited[1])  # waited for here, not by Popen
    run = Run(child.returncode, out_path.read_text("utf-8"), err_path.read_text("utf-8"),
              time.monotonic() - started, waited[2].ru_maxrss / 1024, db)
    print(f"\ningest of {folder}: {run.seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB,"
          f" exit {run.code}")
    return run


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Run]:
    """The corpus (all but the long article, which has its own test) and its ingest."""
    base = tmp_path_factory.mktemp("hostile")
    corpus = build(base / "in", with_long_article=False)
    return corpus, ingest(corpus.root, base / "ledger.db")


def test_the_corpus_holds_every_kind_of_hostile_item(hostile: tuple[Corpus, Run]) -> None:
    corpus, _ = hostile
    names = {p.name for p in corpus.root.iterdir()}
    assert {"empty.txt", "binary.txt", "large.html", "nested.html", "invalid-utf8.txt",
            "utf16-no-bom.txt", "broken.jsonl", "scripts-only.html", "billion-laughs.rss",
            "external-entity.atom", "billion-laughs.html", "external-entity.html"} <= names
    assert (corpus.root / "large.html").stat().st_size >= 50_000_000
    assert len(corpus.named_files) >= 5
    assert len(corpus.stored) >= 10 and len(corpus.failed) >= 20


def test_every_item_is_stored_or_failed_with_its_reason(hostile: tuple[Corpus, Run]) -> None:
    corpus, run = hostile
    stored = {origin for (origin,) in run.rows("SELECT origin FROM articles")}
    failed = dict(run.rows("SELECT origin, reason FROM failures"))
    assert stored == {storable(o) for o in corpus.stored}
    assert set(failed) == {storable(o) for o in corpus.failed}
    assert len(stored) + len(failed) == corpus.items
    for origin, reason in failed.items():
        assert reason.strip() and "\n" not in reason, origin
        assert not reason.startswith(origin), reason
        assert "Traceback" not in reason and "Error:" not in reason, reason


def test_the_run_says_what_failed_and_prints_no_traceback(hostile: tuple[Corpus, Run]) -> None:
    corpus, run = hostile
    assert run.code == 1, run.err[-2000:]
    assert "Traceback" not in run.err and "internal error" not in run.err
    summary = " ".join(run.out.split())
    assert f"stored {len(corpus.stored)}, unchanged 0, failed {len(corpus.failed)}" in summary
    if corpus.skipped:
        assert f"skipped {len(corpus.skipped)}" in summary
    for origin in corpus.failed:
        assert f"failed {storable(origin)}: " in run.err


def test_reasons_name_what_is_wrong(hostile: tuple[Corpus, Run]) -> None:
    corpus, run = hostile
    failed = dict(run.rows("SELECT origin, reason FROM failures"))

    def reason(name: str) -> str:
        return failed[str(corpus.root / name)]

    assert reason("empty.txt") == "the file is empty"
    assert reason("binary.txt") == reason("binary.jsonl") == "binary file, not text"
    assert "longer than the 5,000,000" in reason("large.html")
    assert reason("scripts-only.html") == "no article text found in the page"
    assert reason("invalid-utf8.txt").startswith("not valid UTF-8")
    assert reason("broken.jsonl:2").startswith("not valid JSON")
    assert reason("broken.jsonl:19") == "JSON nested too deeply to read"
    assert "declares XML entities" in reason("billion-laughs.rss")
    assert "declares XML entities" in reason("external-entity.atom")


def test_no_entity_is_expanded_and_no_local_file_is_read(hostile: tuple[Corpus, Run]) -> None:
    _, run = hostile
    texts = [text for (text,) in run.rows("SELECT text FROM articles")]
    assert texts and all(SECRET not in text and "lollollol" not in text for text in texts)
    # nor anywhere else in the database: titles, reasons, annotations
    assert SECRET.encode() not in run.db.read_bytes()
    [(page,)] = run.rows("SELECT text FROM articles WHERE origin LIKE '%billion-laughs.html'")
    assert len(page) < 200


def test_odd_file_names_are_kept_as_names(hostile: tuple[Corpus, Run]) -> None:
    corpus, run = hostile
    stored = {origin for (origin,) in run.rows("SELECT origin FROM articles")}
    assert all(storable(str(path)) in stored for path in corpus.named_files)
    if any("\n" in path.name for path in corpus.named_files):
        assert any("\n" in origin for origin in stored)


def test_peak_memory_is_bounded(hostile: tuple[Corpus, Run]) -> None:
    _, run = hostile
    assert 0 < run.peak_rss_mb < PEAK_RSS_LIMIT_MB


@pytest.mark.slow
def test_a_100000_word_article_is_parsed_in_bounded_memory(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The slowest item alone: it is stored whole, with annotations from its end too."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = long_article()
    assert len(text.split()) >= 100_000
    (folder / "long-article.txt").write_text(text, encoding="utf-8")
    run = ingest(folder, tmp_path / "ledger.db")
    assert run.code == 0, run.err[-2000:]
    assert "Traceback" not in run.err
    [(stored,)] = run.rows("SELECT length(text) FROM articles")
    assert stored >= 0.99 * len(text)
    [(events,)] = run.rows("SELECT count(*) FROM events")
    assert events >= 100
    [(last,)] = run.rows("SELECT max(start) FROM entities")
    assert last > 0.95 * stored
    assert 0 < run.peak_rss_mb < PEAK_RSS_LIMIT_MB
    words_per_s = len(text.split()) / run.seconds
    with capsys.disabled():
        print(f"\n100,000-word article: {run.seconds:.0f} s ({words_per_s:,.0f} words/s), "
              f"peak RSS {run.peak_rss_mb:.0f} MB")


def test_names_that_are_not_utf8_are_written_out() -> None:
    """A name that is not UTF-8 is stored with its bytes written out, not as a surrogate
    that no database takes; any other lone surrogate becomes U+FFFD."""
    raw = os.fsdecode(b"/news/caf\xe9.txt")
    assert storable(raw) == "/news/caf\\xe9.txt"
    assert re.fullmatch(r"[^\ud800-\udfff]*", storable("a\ud800b"))
