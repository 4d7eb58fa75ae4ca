"""Terminal tables fit a 100-column terminal: no cell of a listing's default columns is cut
(long texts wrap at spaces), and --wide lists every field."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from tests.api.conftest import fill_ledger
from wirewatch import cli

LISTINGS = {"articles": ["articles"], "actors": ["actors"], "places": ["places"],
            "events": ["events"], "merged": ["events", "--merged"],
            "statements": ["statements"], "stories": ["stories"], "claims": ["claims"]}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    return fill_ledger("sqlite", str(tmp_path_factory.mktemp("tables") / "ledger.db"))


def run(monkeypatch, capsys, *args: str, width: int = 100) -> str:
    screen = io.StringIO()
    monkeypatch.setattr(cli, "out", Console(file=screen, width=width, color_system=None))
    try:
        cli.main(list(args))
    except SystemExit as exit_:
        assert not exit_.code, capsys.readouterr().err
    return screen.getvalue() or capsys.readouterr().out


@pytest.mark.parametrize("name", LISTINGS)
def test_the_default_columns_fit_100_columns_uncut(monkeypatch, capsys, ledger, name):
    args = [*LISTINGS[name], "--db", ledger, "--limit", "30"]
    table = run(monkeypatch, capsys, *args)
    rows = json.loads(run(monkeypatch, capsys, *args, "--format", "json"))
    assert rows, name
    assert "…" not in table
    assert max(len(line) for line in table.splitlines()) <= 100
    shown = cli._for_terminal(rows, cli.TABLE_COLUMNS[name])
    assert list(shown[0]) == [header for _, header in cli.TABLE_COLUMNS[name]]
    words = set(table.split())
    for row in shown:  # every word of every cell is there whole (one wider than any column
        for value in row.values():  # may fold onto the next line)
            text = cli._cell(value)
            for word in ("" if text is None else str(text)).split():
                assert len(word) > 20 or any(word in w for w in words), (name, word)


def test_wide_lists_every_field_and_ids_are_shortened_alike(monkeypatch, capsys, ledger):
    rows = json.loads(run(monkeypatch, capsys, "events", "--db", ledger, "--format", "json"))
    wide = cli._for_terminal(rows, None)
    assert list(wide[0]) == list(rows[0])  # every field, offsets included
    assert {len(r["article_id"]) for r in wide} == {cli.SHORT_ID_CHARS}
    table = run(monkeypatch, capsys, "events", "--db", ledger, "--wide", "--limit", "2",
                width=400)
    assert {"trigger_start", "publisher", "merged_id"} <= set(table.split())
    narrow = run(monkeypatch, capsys, "events", "--db", ledger, "--limit", "2", width=400)
    assert "trigger_start" not in narrow and "modality" in narrow
