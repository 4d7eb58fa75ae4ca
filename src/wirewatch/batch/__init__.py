"""Batch extraction of large corpora to Parquet, shard by shard, on the cores of one machine
(``local``) or a Ray cluster (``ray``).

A shard is one input file (JSON Lines, gzipped or not, a Parquet file of articles, or any
file ``ingest`` reads). Each is extracted by the same pipeline as ``ingest`` and written as
part files named after the shard; a shard is finished when its line is in the manifest
(``_manifest.jsonl``), written after all its parts. A rerun skips finished shards and
rewrites the parts of unfinished ones under the same names, so a batch killed at any point
and run again ends with exactly the rows of an uninterrupted run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError, WirewatchError
from ..ingest import Failure, IngestItem, read_file
from ..ingest.jsonl import article_from_mapping, read_jsonl_file
from ..model import Document
from .parquet import (
    FAILURES,
    part_path,
    table_rows,
    write_part,
    write_schema_file,
)

MANIFEST = "_manifest.jsonl"
ENGINES = ("local", "ray")


@dataclass(frozen=True, slots=True)
class Shard:
    path: Path
    id: str
    """Stable across runs while the file is unchanged: its path, size and modification
    time."""


@dataclass(frozen=True, slots=True)
class ShardDone:
    shard: str
    path: str
    articles: int
    failures: int


def shard_of(path: Path) -> Shard:
    stat = path.stat()
    key = f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    return Shard(path, hashlib.sha256(key.encode()).hexdigest()[:16])


def input_files(inputs: list[Path]) -> list[Path]:
    """The shard files of the inputs: files as given, folders' files in name order."""
    files: list[Path] = []
    for given in inputs:
        if given.is_dir():
            files += sorted(p for p in given.rglob("*") if p.is_file()
                            and not p.name.startswith("."))
        elif given.is_file():
            files.append(given)
        else:
            raise InputError(f"{given}: no such file or folder")
    return files


def finished(out: Path) -> dict[str, str]:
    """The shards the manifest lists as written, each with the input file it was read from;
    a torn last line (a kill while it was written) counts as not finished."""
    manifest = out / MANIFEST
    if not manifest.exists():
        return {}
    done = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
            done[entry["shard"]] = entry["path"]
        except (ValueError, KeyError, TypeError):
            continue
    return done


def shard_items(path: Path) -> Iterator[IngestItem]:
    """The articles of one shard file."""
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        yield from read_jsonl_file(path)
    elif name.endswith(".parquet"):
        import pyarrow.parquet as pq

        for number, record in enumerate(pq.read_table(path).to_pylist(), start=1):
            origin = f"{path}:{number}"
            try:
                yield article_from_mapping(record, origin)
            except InputError as err:
                yield Failure(origin, str(err))
    else:
        yield from read_file(path)


def process_shard(path: Path, shard: str, out: Path, settings: Settings) -> ShardDone:
    """Extract one shard and write its part files; what it held."""
    from ..pipeline import extract_documents

    documents: list[Document] = []
    failures: list[dict[str, str]] = []
    try:
        items = list(shard_items(path))
    except WirewatchError as err:
        items = [Failure(str(path), str(err))]
    for _origin, outcome in extract_documents(items, settings):
        if isinstance(outcome, Document):
            documents.append(outcome)
        elif isinstance(outcome, Failure):
            failures.append({"origin": outcome.origin, "reason": outcome.reason})
    for (table, day), rows in sorted(table_rows(documents).items()):
        write_part(part_path(out, table, day, shard), table, rows)
    if failures:
        write_part(part_path(out, FAILURES, None, shard), FAILURES, failures)
    return ShardDone(shard, str(path), len(documents), len(failures))


def record_done(out: Path, done: ShardDone) -> None:
    """Add a finished shard to the manifest (on a line of its own, after a torn one)."""
    path = out / MANIFEST
    torn = path.exists() and path.stat().st_size and not path.read_bytes().endswith(b"\n")
    with path.open("a", encoding="utf-8") as manifest:
        if torn:
            manifest.write("\n")
        manifest.write(json.dumps({"shard": done.shard, "path": done.path,
                                   "articles": done.articles,
                                   "failures": done.failures}) + "\n")


def run_batch(inputs: list[Path], out: Path, settings: Settings, engine: str = "local",
              workers: int = 1, address: str | None = None,
              on_done: Callable[[ShardDone], Any] | None = None) -> list[ShardDone]:
    """Extract every shard not finished yet to Parquet under ``out``; the shards done now."""
    if engine not in ENGINES:
        raise InputError(f"engine: {engine!r} is not one of {', '.join(ENGINES)}")
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.rglob("*.tmp"):  # a part a killed run was writing
        stale.unlink()
    write_schema_file(out)
    done_before = finished(out)
    pending = [s for s in map(shard_of, input_files(inputs)) if s.id not in done_before]
    run = _run_ray if engine == "ray" else _run_local
    completed = []
    for done in run(pending, out, settings, workers, address):
        record_done(out, done)
        completed.append(done)
        if on_done is not None:
            on_done(done)
    return completed


def _run_local(pending: list[Shard], out: Path, settings: Settings, workers: int,
               address: str | None) -> Iterator[ShardDone]:
    if workers <= 1 or len(pending) <= 1:
        for shard in pending:
            yield process_shard(shard.path, shard.id, out, settings)
        return
    from concurrent.futures import as_completed

    from ..pipeline import process_pool

    with process_pool(settings, workers) as pool:
        futures = [pool.submit(process_shard, s.path, s.id, out, settings) for s in pending]
        for future in as_completed(futures):
            yield future.result()


def _run_ray(pending: list[Shard], out: Path, settings: Settings, workers: int,
             address: str | None) -> Iterator[ShardDone]:
    from .ray_engine import run_on_ray

    yield from run_on_ray([(str(s.path), s.id) for s in pending], out, settings, workers,
                          address)


def load_batch(out: Path) -> Iterator[tuple[str, Document]]:
    """The documents of a batch folder, shard by shard in the order of their input files,
    for ``link.store_outcomes``."""
    from .parquet import read_documents

    if not (out / MANIFEST).exists():
        raise InputError(f"{out}: not a batch folder (no {MANIFEST})")
    shards = finished(out)
    # in the inputs' order, however the engine finished them, so linking is repeatable
    for shard in sorted(shards, key=lambda s: (shards[s], s)):
        for document in read_documents(out, shard):
            yield f"{out}:{shard}", document

