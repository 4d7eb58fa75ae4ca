"""Batch extraction to Parquet: the layout, DuckDB reading it, resuming, loading, a batch
killed halfway, and the Ray engine giving the local engine's rows."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import wirewatch
from tests.conftest import FIXTURES
from wirewatch.batch import MANIFEST, load_batch, run_batch
from wirewatch.config import Settings
from wirewatch.link import store_outcomes
from wirewatch.store import open_store

TABLES = ("articles", "entities", "actors", "times", "places", "quantities", "statements",
          "events")


def records() -> list[dict]:
    rows = []
    for path in sorted((FIXTURES / "link").glob("*.txt")):
        meta = json.loads(path.with_name(path.name + ".meta.json").read_text(encoding="utf-8"))
        rows.append({"text": path.read_text(encoding="utf-8"), **meta})
    return rows


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    """Four shards: JSON Lines, gzipped JSON Lines with a bad line, and two more."""
    folder = tmp_path_factory.mktemp("shards")
    rows = records()
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:2]))
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as file:
        file.write("".join(json.dumps(r) + "\n" for r in rows[2:4]) + "not json\n")
    (folder / "c.jsonl").write_text(json.dumps(rows[4]) + "\n")
    (folder / "d.jsonl").write_text(json.dumps(rows[5]) + "\n")
    return folder


def parquet_rows(out: Path) -> dict[str, list[str]]:
    """Every row of every table with its partition, in a comparable order."""
    found = {}
    for table in (*TABLES, "failures"):
        rows = []
        for path in sorted((out / table).rglob("*.parquet")):
            partition = path.parent.name if path.parent.name.startswith("published=") else ""
            rows += [json.dumps([partition, row], sort_keys=True, default=str)
                     for row in pq.read_table(path).to_pylist()]
        found[table] = sorted(rows)
    return found


@pytest.fixture(scope="module")
def local_out(shards, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "out"
    done = run_batch([shards], out, Settings())
    assert sorted(d.articles for d in done) == [1, 1, 2, 2] and sum(d.failures for d in done) == 1
    return out


def test_each_table_is_partitioned_by_day_and_duckdb_reads_it(local_out):
    import duckdb

    documents = [wirewatch.extract(r.pop("text"), **r) for r in records()]
    events = duckdb.sql(
        f"SELECT published, count(*) FROM read_parquet('{local_out}/events/*/*.parquet', "
        "hive_partitioning = true) GROUP BY published ORDER BY published").fetchall()
    by_day: dict[str, int] = {}
    for document in documents:
        by_day[document.article.published[:10]] = by_day.get(
            document.article.published[:10], 0) + len(document.events)
    assert [(str(day), n) for day, n in events] == sorted(
        (day, n) for day, n in by_day.items() if n)
    schema = json.loads((local_out / "_schema.json").read_text(encoding="utf-8"))
    assert set(schema) == {*TABLES, "failures"}
    assert schema["events"]["columns"]["trigger"] == "list<item: int64>"
    (failure,) = pq.read_table(next((local_out / "failures").glob("*.parquet"))).to_pylist()
    assert failure["origin"].endswith("b.jsonl.gz:3") and "not valid JSON" in failure["reason"]


def test_a_rerun_skips_finished_shards(shards, local_out):
    before = parquet_rows(local_out)
    assert run_batch([shards], local_out, Settings()) == []
    assert parquet_rows(local_out) == before
    assert len((local_out / MANIFEST).read_text().splitlines()) == 4


def test_loading_stores_and_links_the_documents_once(local_out, tmp_path):
    db = str(tmp_path / "ledger.db")
    with open_store(db) as store:
        first = list(store_outcomes(store, load_batch(local_out)))
        again = list(store_outcomes(store, load_batch(local_out)))
        assert [d.status for d in first] == ["stored"] * 6
        assert [d.status for d in again] == ["unchanged"] * 6
        for done in first:  # each document reads back as it was extracted
            assert store.document(done.document.article.id) == done.document
        assert store.unlinked() == [] and store.failures() == []


@pytest.mark.slow
def test_a_batch_killed_halfway_reruns_to_the_rows_of_an_uninterrupted_run(
        shards, local_out, tmp_path):
    out = tmp_path / "killed"
    command = [sys.executable, "-c", "from wirewatch.cli import main; main()", "batch",
               str(shards), "--out", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:  # kill it once a shard is finished, not all
        if (out / MANIFEST).exists() and (out / MANIFEST).read_text().count("\n") >= 1:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = (out / MANIFEST).read_text().count("\n")
    assert 1 <= finished < 4, "the kill came before the first shard or after the last"
    done = run_batch([shards], out, Settings())
    assert len(done) == 4 - finished
    assert parquet_rows(out) == parquet_rows(local_out)


@pytest.mark.slow
def test_the_ray_engine_gives_the_local_engines_rows(shards, local_out, tmp_path):
    try:
        import ray  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI must install ray (make test installs it)")
        pytest.skip("ray is not installed")
    out = tmp_path / "ray"
    done = run_batch([shards], out, Settings(), engine="ray", workers=2)
    assert len(done) == 4
    assert parquet_rows(out) == parquet_rows(local_out)


def without_failures(rows: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every table but failures, whose origins name where the shard was read."""
    return {table: found for table, found in rows.items() if table != "failures"}


def manifest_paths(out: Path) -> list[str]:
    lines = (out / MANIFEST).read_text(encoding="utf-8").splitlines()
    return sorted(json.loads(line)["path"] for line in lines)


def test_shards_at_memory_urls_give_the_rows_of_local_files(shards, local_out, tmp_path):
    """fsspec's in-memory filesystem stands for S3 or GCS: a folder URL's files are the
    shards, keyed in the manifest by their URLs, and a changed file is a new shard."""
    import fsspec

    memory = fsspec.filesystem("memory")
    folder = f"/wirewatch-test-{tmp_path.name}"
    for path in sorted(shards.iterdir()):
        memory.pipe(f"{folder}/{path.name}", path.read_bytes())
    memory.pipe(f"{folder}/.hidden.jsonl", b"not a shard\n")
    url = f"memory://{folder}/"
    out = tmp_path / "out"
    try:
        done = run_batch([url], out, Settings())
        assert len(done) == 4
        assert without_failures(parquet_rows(out)) == without_failures(parquet_rows(local_out))
        (failure,) = pq.read_table(next((out / "failures").glob("*.parquet"))).to_pylist()
        assert failure["origin"] == f"memory://{folder}/b.jsonl.gz:3"
        assert "not valid JSON" in failure["reason"]
        assert "wirewatch-shard-" not in failure["reason"]  # no temporary copy's path
        assert manifest_paths(out) == [f"memory://{folder}/{name}" for name in
                                       ("a.jsonl", "b.jsonl.gz", "c.jsonl", "d.jsonl")]
        # a rerun skips them, given the folder or one file of it
        assert run_batch([url], out, Settings()) == []
        assert run_batch([f"memory://{folder}/c.jsonl"], out, Settings()) == []
        # a file written again (a new version) is a new shard
        memory.pipe(f"{folder}/d.jsonl", (shards / "c.jsonl").read_bytes())
        (again,) = run_batch([url], out, Settings())
        assert again.path == f"memory://{folder}/d.jsonl" and again.articles == 1
    finally:
        memory.rm(folder, recursive=True)


@pytest.mark.slow
def test_shards_at_file_urls_in_two_processes_give_the_local_rows(shards, local_out,
                                                                  tmp_path):
    url = f"file://{shards}"
    out = tmp_path / "out"
    done = run_batch([url], out, Settings(), workers=2)
    assert len(done) == 4
    assert without_failures(parquet_rows(out)) == without_failures(parquet_rows(local_out))
    (failure,) = pq.read_table(next((out / "failures").glob("*.parquet"))).to_pylist()
    assert failure["origin"] == f"file://{shards}/b.jsonl.gz:3"
    assert manifest_paths(out) == sorted(f"file://{path}" for path in shards.iterdir())
    assert run_batch([url], out, Settings()) == []


@pytest.mark.parametrize("url, says", [
    ("memory:///wirewatch-no-such-folder", "no such file or folder"),
    ("nosuchscheme://bucket/shards", "cannot be opened"),
])
def test_a_url_that_cannot_be_read_is_one_line(url, says, tmp_path, capsys):
    from wirewatch.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["batch", url, "--out", str(tmp_path / "out")])
    assert exit_.value.code not in (0, None)
    err = capsys.readouterr().err
    assert url in err and says in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_batch_reads_a_memory_url_from_the_command_line(shards, tmp_path, capsys):
    import fsspec

    from wirewatch.cli import main

    memory = fsspec.filesystem("memory")
    path = f"/wirewatch-cli-{tmp_path.name}/c.jsonl"
    memory.pipe(path, (shards / "c.jsonl").read_bytes())
    try:
        with pytest.raises(SystemExit) as exit_:
            main(["batch", f"memory://{path}", "--out", str(tmp_path / "out")])
    finally:
        memory.rm(path)
    assert exit_.value.code in (0, None)
    assert "shards done 1" in capsys.readouterr().err
    assert manifest_paths(tmp_path / "out") == [f"memory://{path}"]
