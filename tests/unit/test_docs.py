"""The docs cannot drift: the CLI reference is generated, and every setting is documented."""

from dataclasses import fields
from pathlib import Path

import typer

from wirewatch.cli import app
from wirewatch.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_is_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts/generate_cli_docs.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert (ROOT / "docs/cli.md").read_text(encoding="utf-8") == gen.render(), \
        "docs/cli.md is stale: run make docs"


def test_every_command_is_documented():
    reference = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = typer.main.get_command(app).commands
    assert {"extract", "ingest", "serve"} <= set(commands)
    for name, command in commands.items():
        assert f"## wirewatch {name}" in reference
        assert f"wirewatch {name}" in readme
        for sub in getattr(command, "commands", {}):
            assert f"## wirewatch {name} {sub}" in reference
            assert f"wirewatch {name} {sub}" in readme


def test_every_setting_is_documented():
    text = (ROOT / "docs/configuration.md").read_text(encoding="utf-8")
    assert len(fields(Settings)) > 5
    for f in fields(Settings):
        assert f"`{f.name}`" in text
        assert f"WIREWATCH_{f.name.upper()}" in text


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:1200]
    assert "make demo" in head and "make test" in head
