"""Batch extraction of large corpora to Parquet, shard by shard, on the cores of one machine
(``local``) or a Ray cluster (``ray``).

A shard is one input file (JSON Lines, gzipped or not, a Parquet file of articles, or any
file ``ingest`` reads), a local path or an fsspec URL (``s3://``, ``gs://``, ``file://``,
``memory://``: anything with a scheme; a URL's file is copied to a temporary file and read
as a local one). Each is extracted by the same pipeline as ``ingest`` and written as part
files named after the shard; a shard is finished when its line is in the manifest
(``_manifest.jsonl``), written after all its parts. A rerun skips finished shards and
rewrites the parts of unfinished ones under the same names, so a batch killed at any point
and run again ends with exactly the rows of an uninterrupted run.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from ..config import Settings
from ..errors import InputError, WirewatchError
from ..ingest import Failure, IngestItem, Skipped, read_file
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
URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
# What tells one version of a remote file from another, by filesystem (S3's ETag, GCS's
# md5Hash, a local file's mtime, an in-memory file's creation time), best first.
VERSION_FIELDS = ("ETag", "etag", "md5Hash", "mtime", "LastModified", "last_modified",
                  "updated", "created")

Input = str | Path
"""A local path, or a URL string that fsspec opens."""


@dataclass(frozen=True, slots=True)
class Shard:
    path: Input
    id: str
    """Stable across runs while the file is unchanged: its path (or URL), size and
    modification time (or the filesystem's version tag)."""


@dataclass(frozen=True, slots=True)
class ShardDone:
    shard: str
    path: str
    articles: int
    failures: int


def is_url(given: Input) -> bool:
    """Whether an input is read through fsspec: a string with a scheme (``s3://``)."""
    return isinstance(given, str) and URL.match(given) is not None


def as_input(given: str) -> Input:
    """A command-line input: a URL stays a string (a Path would fold its ``//``)."""
    return given if is_url(given) else Path(given)


def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of a URL and the path within it; an unknown scheme, or one
    whose package is missing, is an input error of one line."""
    from fsspec.core import url_to_fs

    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as err:
        raise InputError(f"{url}: cannot be opened ({err})") from None


def shard_of(given: Input) -> Shard:
    if isinstance(given, Path):
        stat = given.stat()
        key = f"{given.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"
    else:
        fs, path = _filesystem(given)
        try:
            info = fs.info(path)
        except (OSError, ValueError) as err:
            raise InputError(f"{given}: cannot be read ({err})") from None
        version = next((str(info[k]) for k in VERSION_FIELDS if info.get(k) is not None), "")
        key = f"{given}\0{info.get('size')}\0{version}"
    return Shard(given, hashlib.sha256(key.encode()).hexdigest()[:16])


def _url_files(url: str) -> list[str]:
    """The files a URL names: itself, or a folder's files in name order (hidden ones left
    out), each as a full URL, so a file keys the manifest alike given alone or in its
    folder."""
    fs, root = _filesystem(url)
    try:
        if fs.isdir(root):
            return [fs.unstrip_protocol(p) for p in sorted(fs.find(root))
                    if not any(part.startswith(".") for part in
                               PurePosixPath(p[len(root):]).parts)]
        if fs.isfile(root):
            return [fs.unstrip_protocol(root)]
    except (OSError, ValueError) as err:
        raise InputError(f"{url}: cannot be read ({err})") from None
    raise InputError(f"{url}: no such file or folder")


def input_files(inputs: list[Input]) -> list[Input]:
    """The shard files of the inputs: files as given, folders' files in name order; a URL's
    through fsspec."""
    files: list[Input] = []
    for given in inputs:
        if is_url(given):
            files += _url_files(str(given))
            continue
        given = Path(given)
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


@contextmanager
def _fetched(url: str) -> Iterator[Path]:
    """A URL's file copied into a temporary folder under its own name, so that the reader
    its name picks reads it as it reads a local file; removed afterwards."""
    fs, path = _filesystem(url)
    with tempfile.TemporaryDirectory(prefix="wirewatch-shard-") as folder:
        local = Path(folder) / (PurePosixPath(path).name or "shard")
        try:
            fs.get_file(path, str(local))
        except (OSError, ValueError) as err:
            raise InputError(f"{url}: cannot be read ({err})") from None
        yield local


def _named_by(item: IngestItem, local: str, url: str) -> IngestItem:
    """An item read from a fetched copy, its origin and reason naming the URL instead."""
    changes = {"origin": item.origin.replace(local, url, 1)}
    if isinstance(item, Failure | Skipped):
        changes["reason"] = item.reason.replace(local, url)
    return replace(item, **changes)


def _read_shard(path: Input) -> list[IngestItem]:
    """The items of a shard, local or at a URL; a shard that cannot be read at all is one
    failure."""
    try:
        if not is_url(path):
            return list(shard_items(Path(path)))
        with _fetched(str(path)) as local:
            return [_named_by(item, str(local), str(path)) for item in shard_items(local)]
    except WirewatchError as err:
        return [Failure(str(path), str(err))]


def process_shard(path: Input, shard: str, out: Path, settings: Settings) -> ShardDone:
    """Extract one shard and write its part files; what it held."""
    from ..pipeline import extract_documents

    documents: list[Document] = []
    failures: list[dict[str, str]] = []
    items = _read_shard(path)
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


def run_batch(inputs: list[Input], out: Path, settings: Settings, engine: str = "local",
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

