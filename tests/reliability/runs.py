"""``wirewatch ingest`` killed midway and rerun, and ``wirewatch serve`` read by several
clients while ``ingest`` writes: the runs themselves, shared by the tests and
``scripts/reliability.py``."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, func, make_url, select
from sqlalchemy.exc import SQLAlchemyError

from tests.reliability.corpus import write_news_corpus
from wirewatch.store import database_url
from wirewatch.store.schema import article_links, articles

# The ``wirewatch`` command, run by this interpreter (as its console script does).
WIREWATCH = [sys.executable, "-c", "from wirewatch.cli import main; main()"]


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a child ``wirewatch``: no settings of the caller's leak in, and an
    internal error prints its traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env |= {"PYTHONUNBUFFERED": "1", "WIREWATCH_DEBUG": "1"}
    return env | (extra or {})


def ingest_command(paths: list[Path], db: str) -> list[str]:
    return [*WIREWATCH, "ingest", *map(str, paths), "--db", db]


def ingest(paths: list[Path], db: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run ``wirewatch ingest`` to its end."""
    return subprocess.run(ingest_command(paths, db), env=child_env(), capture_output=True,
                          text=True, timeout=timeout, check=False)


def stored_counts(db: str, engine: Engine | None = None) -> tuple[int, int]:
    """How many articles are stored and how many of them are linked, in one statement (one
    snapshot); (0, 0) while the database or its tables are not there yet (an SQLite file is
    not made by asking). ``engine``, when given, is reused (polling)."""
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
        return 0, 0
    own = engine is None
    engine = engine or create_engine(url)
    try:
        with engine.connect() as conn:
            counts = conn.execute(select(
                select(func.count()).select_from(articles).scalar_subquery(),
                select(func.count()).select_from(article_links).scalar_subquery())).one()
            return counts[0], counts[1]
    except SQLAlchemyError:
        return 0, 0
    finally:
        if own:
            engine.dispose()


@dataclass(frozen=True, slots=True)
class Kill:
    """Where a killed run stopped: articles stored and linked after SIGKILL, whether an
    article was seen stored but not linked (a half-done article), and whether the run ended
    on its own before it could be killed."""

    stored: int
    linked: int
    seen_unlinked: bool
    delay: float
    finished: bool = False


def kill_midway(paths: list[Path], db: str, after: int, delay: float = 0.0,
                timeout: float = 600) -> Kill:
    """Start ``wirewatch ingest`` and SIGKILL it once ``after`` articles are stored (then
    ``delay`` seconds later, to land inside a later article's write), or at once when an
    article is seen stored but not linked."""
    process = subprocess.Popen(ingest_command(paths, db), env=child_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    seen_unlinked = finished = False
    poller = create_engine(database_url(db))
    try:
        while True:
            if process.poll() is not None:
                finished = True
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"no {after} articles stored within {timeout} s")
            stored, linked = stored_counts(db, poller)
            if stored > linked:
                seen_unlinked = True
                break
            if stored >= after:
                time.sleep(delay)
                break
            time.sleep(0.005)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        poller.dispose()
        if process.poll() is None:
            process.kill()
            process.wait()
    stored, linked = stored_counts(db)
    return Kill(stored, linked, seen_unlinked, delay, finished)


# ------------------------------------------------------------------ serve under load

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


READ_ROUTES = (
    "/api/v1/articles", "/api/v1/articles?limit=5", "/api/v1/events", "/api/v1/events?merged=true",
    "/api/v1/actors", "/api/v1/places", "/api/v1/statements", "/api/v1/stories",
    "/api/v1/claims", "/", "/articles", "/events", "/timeline", "/map", "/claims",
)


@dataclass(slots=True)
class LoadReport:
    """What the readers saw: requests by status, and every failure with its reason."""

    seconds: float = 0.0
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    articles_read: int = 0
    ingest_exit: int | None = None
    ingest_runs: int = 0
    stored: int = 0
    stored_by_api: int = 0
    server_log: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds, 1), "requests": self.requests,
                "statuses": dict(sorted(self.statuses.items())), "errors": len(self.errors),
                "articles_read": self.articles_read, "ingest_runs": self.ingest_runs,
                "stored": self.stored, "stored_by_api": self.stored_by_api}


def _request(base: str, path: str, token: str, body: dict[str, Any] | None = None
             ) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": f"Bearer {token}"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.read()


def _wait_for(base: str, token: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve ended (exit {server.returncode})")
        try:
            if _request(base, "/api/v1/articles?limit=1", token)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"serve did not answer within {timeout} s")


def _count(report: LoadReport, lock: threading.Lock, path: str, status: int, body: bytes,
           ok: int = 200) -> None:
    with lock:
        report.requests += 1
        report.statuses[status] += 1
        if status != ok:
            report.errors.append(f"{status} {path}: {body[:300]!r}")
        elif "/articles/" in path:
            report.articles_read += 1


def _reader(base: str, token: str, until: float, seed: int, report: LoadReport,
            lock: threading.Lock) -> None:
    """Hit listing routes and the pages of articles found in them until ``until``."""
    rng = random.Random(seed)
    ids: list[str] = []
    while time.monotonic() < until:
        roll = rng.random()
        if ids and roll < 0.35:
            article = rng.choice(ids)
            path = (f"/api/v1/articles/{article}" if roll < 0.2 else f"/articles/{article}")
        else:
            path = rng.choice(READ_ROUTES)
        try:
            status, body = _request(base, path, token)
        except OSError as err:
            status, body = 0, f"{type(err).__name__}: {err}".encode()
        _count(report, lock, path, status, body)
        if status == 200 and path.startswith("/api/v1/articles?"):
            ids = [item["id"] for item in json.loads(body)["items"]] or ids


def _poster(base: str, token: str, until: float, folder: Path, report: LoadReport,
            lock: threading.Lock) -> None:
    """Submit articles through ``POST /api/v1/articles`` until ``until``: a second writer
    beside ``ingest``."""
    round_ = 0
    while time.monotonic() < until:
        round_ += 1
        for path in write_news_corpus(folder / f"posted-{round_}", 10, seed=1000 + round_):
            if time.monotonic() >= until:
                return
            meta = json.loads(path.with_name(path.name + ".meta.json").read_text())
            body = {"text": path.read_text(encoding="utf-8"), **meta}
            try:
                status, answer = _request(base, "/api/v1/articles", token, body)
            except OSError as err:
                status, answer = 0, f"{type(err).__name__}: {err}".encode()
            _count(report, lock, "POST /api/v1/articles", status, answer, ok=201)


def _ingest_rounds(db: str, work: Path, articles: int, stop: threading.Event,
                   writing: threading.Event, report: LoadReport, lock: threading.Lock) -> None:
    """Run ``wirewatch ingest`` over rounds of new articles until ``stop``; the round then
    running is stopped with SIGINT, as a user would. ``writing`` is set once the first
    article is stored."""
    while not stop.is_set():
        with lock:
            report.ingest_runs += 1
            corpus = work / f"round-{report.ingest_runs}"
        write_news_corpus(corpus, articles, seed=report.ingest_runs)
        start = stored_counts(db)[0]
        writer = subprocess.Popen(ingest_command([corpus], db), env=child_env(),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        interrupted = False
        try:
            while writer.poll() is None:
                if stop.wait(0.2):
                    writer.send_signal(signal.SIGINT)
                    interrupted = True
                    break
                if not writing.is_set() and stored_counts(db)[0] > start:
                    writing.set()
            _, stderr = writer.communicate(timeout=120)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.communicate()
        writing.set()
        # Stopped by SIGINT, it ends "interrupted" (130); still starting up, Python's own
        # KeyboardInterrupt traceback (-2): neither is an error of the run.
        stopped = interrupted and writer.returncode in (130, -signal.SIGINT)
        with lock:
            report.ingest_exit = writer.returncode
            if "locked" in stderr.lower() or (not stopped and (
                    writer.returncode not in (0, 1) or "Traceback" in stderr)):
                report.errors.append(f"ingest exit {writer.returncode}: {stderr[-2000:]}")


def _by_origin(db: str) -> Counter[str]:
    """Stored articles: how many the API submitted ("api") and how many ingest did."""
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            api = articles.c.origin == "api"
            rows = conn.execute(select(api.label("api"), func.count()).group_by(api)).all()
    finally:
        engine.dispose()
    return Counter({"api" if is_api else "ingest": n for is_api, n in rows})


def serve_under_load(db: str, work: Path, seconds: float, readers: int = 4,
                     posters: int = 0, articles: int = 30,
                     token: str = "reliability-read-token",
                     write_token: str = "reliability-write-token") -> LoadReport:
    """Serve ``db`` on a free port of 127.0.0.1 with a read token, and once ``wirewatch
    ingest`` is storing new articles into it (rounds of ``articles`` generated under
    ``work``, each new, for as long as the run lasts), read it from ``readers`` threads for
    ``seconds`` while ``posters`` threads submit more through the API."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*WIREWATCH, "serve", "--db", db, "--port", str(port)],
                              env=child_env({"WIREWATCH_READ_TOKEN": token,
                                        "WIREWATCH_TOKEN": write_token}),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    report = LoadReport()
    lock = threading.Lock()
    stop, writing = threading.Event(), threading.Event()
    ingesting = threading.Thread(target=_ingest_rounds,
                                 args=(db, work, articles, stop, writing, report, lock))
    try:
        ingesting.start()
        _wait_for(base, token, server)
        if not writing.wait(timeout=600):
            raise AssertionError("ingest stored nothing within 600 s")
        before = _by_origin(db)
        start = time.monotonic()
        until = start + seconds
        threads = [threading.Thread(target=_reader, args=(base, token, until, n, report, lock))
                   for n in range(readers)]
        threads += [threading.Thread(target=_poster, args=(base, write_token, until,
                                                           work / f"poster-{n}", report, lock))
                    for n in range(posters)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report.seconds = time.monotonic() - start
        after = _by_origin(db)
        report.stored = after.total() - before.total()
        report.stored_by_api = after["api"] - before["api"]
    finally:
        stop.set()
        ingesting.join()
        server.send_signal(signal.SIGINT)
        try:
            _, report.server_log = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            _, report.server_log = server.communicate()
    if "Traceback" in report.server_log or "locked" in report.server_log.lower():
        report.errors.append(f"serve: {report.server_log[-3000:]}")
    return report
