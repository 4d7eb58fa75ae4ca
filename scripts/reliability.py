"""Write docs/reliability.md from runs made now: a hostile corpus through ``wirewatch
ingest`` (items tried, failures by reason), ``ingest`` killed with SIGKILL and rerun (compared
table by table with a run never interrupted), ``serve`` read by four clients while ``ingest``
writes (requests and errors), on SQLite and, where a server is given, PostgreSQL.

The "Mutation testing" section is ``make mutation``'s: it is kept as it is, and its score is
quoted in the summary. ``make reliability`` runs this with a throw-away PostgreSQL server; it
takes several minutes and is not part of ``make test``, which runs short versions of the same
runs (tests/reliability/).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the run helpers live beside the tests that use them

from tests.reliability.corpus import write_news_corpus  # noqa: E402
from tests.reliability.databases import fresh_postgres, fresh_sqlite  # noqa: E402
from tests.reliability.ledger import (  # noqa: E402
    Contents,
    article_rows,
    broken_invariants,
    differences,
    ledger_contents,
    row_counts,
    stored_ids,
)
from tests.reliability.runs import (  # noqa: E402
    WIREWATCH,
    LoadReport,
    child_env,
    ingest,
    kill_midway,
    serve_under_load,
)

DOC = ROOT / "docs" / "reliability.md"
MUTATION = "## Mutation testing"


# ------------------------------------------------------------------ hostile corpus

@dataclass
class HostileRun:
    """One ``ingest`` over the hostile corpus and what it left."""

    source: str
    items: int
    expected: Counter[str]
    summary: str
    exit_code: int
    seconds: float
    peak_rss_mb: float
    stored: int
    reasons: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    unaccounted: list[str] = field(default_factory=list)
    tracebacks: int = 0


def _hostile_corpus(root: Path) -> tuple[str, dict[str, str]]:
    """The hostile corpus of tests/hostile (every item with the outcome it must have), or,
    where that is not there, a small one written here."""
    try:
        from tests.hostile.corpus import build
    except ImportError:
        return "a small corpus written by scripts/reliability.py", _small_hostile(root)
    corpus = build(root)
    outcomes = {o: "stored" for o in corpus.stored} | {o: "failed" for o in corpus.failed}
    return ("the hostile corpus of tests/hostile/corpus.py",
            outcomes | {o: "skipped" for o in corpus.skipped})


def _small_hostile(root: Path) -> dict[str, str]:
    root.mkdir(parents=True, exist_ok=True)
    news = ("Officials in Seoul said on Tuesday that 1,200 troops had moved north, the "
            "ministry told reporters. ")
    files: dict[str, tuple[bytes, str]] = {
        "empty.txt": (b"", "failed"),
        "binary.txt": (random.Random(1).randbytes(65_536), "failed"),
        "invalid-utf8.txt": (news.encode() + b"\xff\xfe Korea \xc3\x28", "failed"),
        "utf16-no-bom.txt": (news.encode("utf-16-le"), "stored"),
        "scripts-only.html": (b"<html><script>var a = 1;</script></html>", "failed"),
        "long.txt": ((news * 20_000).encode(), "stored"),
        "odd name \u202e.txt": (news.encode(), "stored"),
    }
    outcomes = {}
    for name, (data, outcome) in files.items():
        (root / name).write_bytes(data)
        outcomes[str(root / name)] = outcome
    lines = [json.dumps({"text": news + "One."}), "{broken", json.dumps({"title": "no text"})]
    (root / "broken.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcomes |= {f"{root / 'broken.jsonl'}:1": "stored", f"{root / 'broken.jsonl'}:2": "failed",
                 f"{root / 'broken.jsonl'}:3": "failed"}
    return outcomes


def _reason_kind(reason: str) -> str:
    """A reason with its figures, bytes and quoted details folded, so that reasons count by
    kind ("UTF-8" and dates such as 2024-10-30 are kept)."""
    reason = re.sub(r"'[^']*'|\"[^\"]*\"", "…", reason)
    reason = re.sub(r"\b0x[0-9a-fA-F]+\b", "0x…", reason)
    return re.sub(r"(?<![\w-])(?!8601\b)\d[\d,.]*(?![\w-])", "N", reason)


def run_hostile(work: Path) -> HostileRun:
    """``wirewatch ingest`` over the hostile corpus, waited for alone so that its peak
    memory is its own (``wait4``; Linux reports KiB)."""
    folder = work / "hostile"
    source, outcomes = _hostile_corpus(folder)
    db = fresh_sqlite(work / "hostile.db")
    out_path, err_path = work / "hostile.out", work / "hostile.err"
    started = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        child = subprocess.Popen([*WIREWATCH, "ingest", str(folder), "--db", db],
                                 stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 env=child_env({"COLUMNS": "400"}))
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    printed = out_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    with sqlite3.connect(db) as conn:
        articles = {o for (o,) in conn.execute("SELECT origin FROM articles")}
        failures = conn.execute("SELECT origin, reason FROM failures").fetchall()
    conn.close()
    run = HostileRun(source=source, items=len(outcomes), expected=Counter(outcomes.values()),
                     summary=" ".join(printed[-2:]), exit_code=child.returncode,
                     seconds=seconds, peak_rss_mb=usage.ru_maxrss / 1024, stored=len(articles),
                     tracebacks=err_path.read_text(errors="replace").count("Traceback"))
    failed = set()
    for origin, reason in failures:
        kind = _reason_kind(reason)
        run.reasons[kind] += 1
        run.examples.setdefault(kind, Path(origin).name)
        failed.add(origin)
    unchanged = int(m.group(1)) if (m := re.search(r"unchanged (\d+)", run.summary)) else 0
    not_stored = [o for o, want in sorted(outcomes.items())
                  if want == "stored" and _stored_as(o) not in articles]
    if len(not_stored) > unchanged:  # beyond the items whose text another item holds
        run.unaccounted += [f"{Path(o).name!r}: not stored" for o in not_stored]
    run.unaccounted += [f"{Path(o).name!r}: no failure recorded" for o, want
                        in sorted(outcomes.items())
                        if want == "failed" and _stored_as(o) not in failed]
    return run


def _stored_as(origin: str) -> str:
    """An origin as the store keeps it (a file name's undecodable bytes made text)."""
    try:
        from wirewatch.ingest.base import storable
    except ImportError:
        return origin
    return storable(origin)


# ------------------------------------------------------------------ kill and rerun

@dataclass
class CrashRun:
    backend: str
    articles: int
    kills: list[dict[str, Any]]
    expected: dict[str, int]
    found: dict[str, int]
    differences: dict[str, dict[str, int]]
    seconds: float


def run_crash(backend: str, db: str, corpus: Path, uninterrupted: Contents, kills: int,
              seed: int) -> CrashRun:
    """Kill ``ingest`` ``kills`` times at random points (seeded), checking after each kill
    that every stored article is whole and linked, then run it to its end and compare."""
    rng = random.Random(seed)
    total = len(uninterrupted["articles"])
    started = time.monotonic()
    done = []
    for number in range(kills):
        have = len(stored_ids(ledger_contents(db))) if done else 0
        room = max(1, (total - have) // (kills - number + 1))
        after, delay = have + rng.randint(1, room), round(rng.uniform(0.0, 0.3), 3)
        kill = kill_midway([corpus], db, after, delay)
        contents = ledger_contents(db)
        ids = stored_ids(contents)
        whole = not differences(article_rows(uninterrupted, ids), article_rows(contents, ids))
        linked = {row[0] for row in contents["article_links"]} == ids
        done.append({"after": after, "delay": delay, "stored": kill.stored,
                     "finished": kill.finished, "half": kill.seen_unlinked,
                     "whole": whole and linked, "broken": broken_invariants(db)})
    rerun = ingest([corpus], db)
    if rerun.returncode != 0:
        raise SystemExit(f"rerun on {backend} failed: {rerun.stderr[-2000:]}")
    found = ledger_contents(db)
    return CrashRun(backend, total, done, row_counts(uninterrupted), row_counts(found),
                    differences(uninterrupted, found), time.monotonic() - started)


# ------------------------------------------------------------------ rendering

def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return lines


def mutation_section(document: str) -> str:
    """The "Mutation testing" section of the current document (up to the next ``## ``
    heading), as ``make mutation`` wrote it; a note to run it where there is none."""
    start = document.find(MUTATION + "\n")
    if start < 0:
        return (f"{MUTATION}\n\nNot run yet: `make mutation` writes this section "
                "(score and surviving mutants).\n")
    rest = document[start + len(MUTATION):]
    following = re.search(r"^## ", rest, re.MULTILINE)
    return (MUTATION + (rest[:following.start()] if following else rest)).rstrip("\n") + "\n"


def mutation_score(section: str) -> str:
    found = re.search(r"\*\*Score: ([\d.]+)% of mutants killed\*\* \((\d+) of (\d+)", section)
    if not found:
        return "not run yet (`make mutation`)"
    return f"{found.group(1)}% of mutants killed ({found.group(2)} of {found.group(3)})"


def render(args: argparse.Namespace, hostile: HostileRun | None, crashes: list[CrashRun],
           loads: dict[str, tuple[LoadReport, list[str]]], mutation: str,
           minutes: float) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        "# Reliability", "",
        f"Written by `make reliability` (`scripts/reliability.py`) on {when}, in "
        f"{minutes:.0f} minutes on this machine ({os.cpu_count()} cores, Python "
        f"{platform.python_version()}); not part of `make test` or CI, which run short "
        "versions of the same runs (`tests/reliability/`, `tests/hostile/`). Every run uses "
        "a copy of `src/` taken when the command starts. The \"Mutation testing\" section "
        "is written by `make mutation` and kept as it is.", "",
        "## Summary", "",
    ]
    summary: list[list[Any]] = []
    if hostile:
        accounted = "all" if not hostile.unaccounted else \
            f"{hostile.items - len(hostile.unaccounted)} of {hostile.items}"
        summary.append(["hostile corpus", f"{hostile.items} items tried, "
                        f"{sum(hostile.reasons.values())} failed with a reason, "
                        f"{accounted} ended as expected, {hostile.tracebacks} tracebacks"])
    for crash in crashes:
        verdict = "identical" if not crash.differences else \
            f"{len(crash.differences)} tables differ"
        summary.append([f"kill and rerun ({crash.backend})",
                        f"{len(crash.kills)} SIGKILLs, rerun vs uninterrupted: {verdict}"])
    for backend, (report, broken) in loads.items():
        server_errors = sum(n for s, n in report.statuses.items() if s >= 500 or s == 0)
        summary.append([f"concurrency ({backend})",
                        f"{report.requests:,} requests in {report.seconds:.0f} s, "
                        f"{len(report.errors)} errors ({server_errors} 5xx or no answer), "
                        f"{report.stored} articles written meanwhile "
                        f"({report.stored - report.stored_by_api} by ingest), "
                        f"{len(broken)} inconsistencies"])
    summary.append(["mutation testing", mutation_score(mutation)])
    lines += [*_table(["run", "result"], summary), ""]

    if hostile:
        lines += [
            "## Hostile corpus", "",
            f"`wirewatch ingest` over {hostile.source} into a new SQLite database: "
            f"{hostile.items} items tried (expected {hostile.expected['stored']} stored, "
            f"{hostile.expected['failed']} failed, {hostile.expected['skipped']} skipped as "
            f"unsupported files). It ended with exit {hostile.exit_code} "
            f"(1: some items failed) in {hostile.seconds:.0f} s, peak memory "
            f"{hostile.peak_rss_mb:,.0f} MB, printing: `{hostile.summary}`.", "",
            f"Articles stored: {hostile.stored}. Tracebacks: {hostile.tracebacks}. Items "
            "whose outcome was not the expected one: "
            + (", ".join(hostile.unaccounted) if hostile.unaccounted else "none") + ".", "",
            "Failures by reason (figures and quoted details folded into N and …):", "",
        ]
        reasons = [[f"`{kind}`", n, f"`{hostile.examples[kind]}`"]
                   for kind, n in hostile.reasons.most_common()]
        lines += [*_table(["reason", "items", "e.g."], reasons), ""]

    if crashes:
        lines += [
            "## Kill and rerun", "",
            f"A folder of {args.articles} generated wire stories (six developing stories told "
            "over days by several publishers, with syndicated copies: `tests/reliability/"
            "corpus.py`) is ingested once to its end, and again into a new database where "
            f"`wirewatch ingest` is killed with SIGKILL {args.kills} times at random points "
            "(after a random number of stored articles, plus a random delay of up to 0.3 s "
            "so that kills land inside an article's write), then run to its end. Every table "
            "is compared by content: generated ids (stories, merged events, claims, failures) "
            "are replaced by what names the row (a story by its articles, a merged event by "
            "its mentions) and write times are left out. After each kill, every stored "
            "article must be whole (its own rows those of the uninterrupted run) and linked.",
            "",
        ]
        for crash in crashes:
            lines += [f"### {crash.backend}", ""]
            lines += _table(["kill", "killed after", "+ delay (s)", "stored then",
                             "half-written article seen", "all stored whole and linked",
                             "inconsistencies"],
                            [[n + 1, k["after"], k["delay"],
                              k["stored"] if not k["finished"] else "ran to its end",
                              "yes" if k["half"] else "no", "yes" if k["whole"] else "NO",
                              len(k["broken"])] for n, k in enumerate(crash.kills)])
            lines += [""]
            rows = []
            for table in sorted(set(crash.expected) | set(crash.found)):
                diff = crash.differences.get(table, {"missing": 0, "extra": 0})
                rows.append([table, crash.expected.get(table, "—"),
                             crash.found.get(table, "—"), diff["missing"], diff["extra"]])
            lines += _table(["table", "uninterrupted run", "killed and rerun", "missing",
                             "extra"], rows)
            verdict = ("the same rows in every table" if not crash.differences else
                       "DIFFERENT in " + ", ".join(crash.differences))
            lines += ["", f"Result on {crash.backend}: {verdict} ({crash.seconds:.0f} s)."
                      + (" SQLite's full-text index is compared too; PostgreSQL has none."
                         if crash.backend == "SQLite" else
                         " The uninterrupted run is SQLite's, so the two backends also "
                         "agree."), ""]

    if loads:
        lines += [
            "## Concurrency", "",
            "`wirewatch serve` on a free port of 127.0.0.1 with a read token; once `wirewatch "
            "ingest` is storing new articles into the same database (rounds of "
            f"{args.load_articles} new generated stories, as long as the run lasts), "
            f"{args.readers} client threads read listing routes of the API and the pages, "
            "and the API and page of articles found there, for "
            f"{args.seconds:.0f} s, while {args.posters} more submit articles through "
            "`POST /api/v1/articles` (the same ones, so that two writers race on one "
            "article). Errors are answers other than 200 (201 for a submission), no answer, "
            "and any lock error or traceback in the server's or ingest's output; afterwards "
            "the ledger is checked for counts that disagree with its links.", "",
        ]
        rows = []
        for backend, (report, broken) in loads.items():
            rows.append([backend, f"{report.seconds:.0f}", f"{report.requests:,}",
                         ", ".join(f"{s}: {n:,}" for s, n in sorted(report.statuses.items())),
                         report.articles_read, report.stored - report.stored_by_api,
                         report.stored_by_api, report.ingest_runs,
                         len(report.errors), len(broken)])
        lines += [*_table(["backend", "seconds", "requests", "by status", "article reads",
                           "articles stored by ingest", "by the API", "ingest runs",
                           "errors", "inconsistencies"], rows), ""]
        problems = [f"- {backend}: `{problem[:300]}`" for backend, (report, broken)
                    in loads.items() for problem in [*report.errors[:10], *broken[:10]]]
        lines += [*problems, ""] if problems else []

    lines += ["## Reproduce", "", "```", "make reliability            # SQLite and a throw-away "
              "PostgreSQL server", ".venv/bin/python scripts/reliability.py --help", "```", ""]
    return "\n".join(lines) + "\n" + mutation


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60,
                        help="articles in the kill-and-rerun corpus (default 60)")
    parser.add_argument("--kills", type=int, default=5, help="SIGKILLs per backend (5)")
    parser.add_argument("--seconds", type=float, default=60,
                        help="length of the concurrency run (default 60)")
    parser.add_argument("--readers", type=int, default=4, help="reading clients (4)")
    parser.add_argument("--posters", type=int, default=2,
                        help="clients submitting articles through the API (2)")
    parser.add_argument("--load-articles", type=int, default=30,
                        help="articles per ingest round of the concurrency run (30)")
    parser.add_argument("--postgres", default=os.environ.get("WIREWATCH_TEST_POSTGRES"),
                        help="a PostgreSQL server URL [WIREWATCH_TEST_POSTGRES]; its "
                        "databases wirewatch_reliability_* are made anew")
    parser.add_argument("--skip-hostile", action="store_true",
                        help="leave out the hostile corpus")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path, default=DOC)
    args = parser.parse_args(argv)

    started = time.monotonic()
    backends = [("SQLite", None)] + ([("PostgreSQL", args.postgres)] if args.postgres else [])
    with tempfile.TemporaryDirectory(prefix="wirewatch-reliability-") as tmp:
        work = Path(tmp)
        # Every run uses the code as it is now: a copy of the package, first on the path of
        # each `wirewatch` started, so that an edit made meanwhile changes no run.
        shutil.copytree(ROOT / "src" / "wirewatch", work / "code" / "wirewatch",
                        ignore=shutil.ignore_patterns("__pycache__"))
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(work / "code"), os.environ.get("PYTHONPATH")]))
        hostile = None
        if not args.skip_hostile:
            print("hostile corpus …", flush=True)
            hostile = run_hostile(work)
        corpus = work / "news"
        write_news_corpus(corpus, args.articles, seed=args.seed)
        print("uninterrupted run …", flush=True)
        baseline = fresh_sqlite(work / "uninterrupted.db")
        run = ingest([corpus], baseline)
        if run.returncode != 0:
            raise SystemExit(f"the uninterrupted run failed: {run.stderr[-2000:]}")
        uninterrupted = ledger_contents(baseline)
        crashes, loads = [], {}
        for name, server in backends:
            print(f"kill and rerun on {name} …", flush=True)
            db = (fresh_sqlite(work / "killed.db") if server is None
                  else fresh_postgres(server, "wirewatch_reliability_crash"))
            crashes.append(run_crash(name, db, corpus, uninterrupted, args.kills, args.seed))
        for name, server in backends:
            print(f"concurrency on {name} ({args.seconds:.0f} s) …", flush=True)
            db = (fresh_sqlite(work / "served.db") if server is None
                  else fresh_postgres(server, "wirewatch_reliability_load"))
            from wirewatch.store import open_store

            open_store(db).close()
            report = serve_under_load(db, work / f"load-{name}", args.seconds,
                                      readers=args.readers, posters=args.posters,
                                      articles=args.load_articles)
            loads[name] = (report, broken_invariants(db))
    existing = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    document = render(args, hostile, crashes, loads, mutation_section(existing),
                      (time.monotonic() - started) / 60)
    args.out.write_text(document, encoding="utf-8")
    failed = (any(c.differences or any(not k["whole"] or k["half"] for k in c.kills)
                  for c in crashes)
              or any(r.errors or b for r, b in loads.values())
              or (hostile is not None and (hostile.unaccounted or hostile.tracebacks)))
    print(f"written to {args.out}" + (" — with failures, see the document" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
