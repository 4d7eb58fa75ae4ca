"""Write docs/cli.md from the CLI itself, so the reference cannot drift from the code."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import typer

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "cli.md"


def render() -> str:
    from wirewatch.cli import app

    group = typer.main.get_command(app)
    ctx = click.Context(group, info_name="wirewatch")
    lines = ["# Command reference", "",
             "Generated from the CLI by `make docs` (scripts/generate_cli_docs.py); do not edit.",
             "", group.help or "", ""]
    for name, command in group.commands.items():
        lines += _command(f"wirewatch {name}", name, command, ctx)
        for sub_name, sub in getattr(command, "commands", {}).items():
            sub_ctx = click.Context(command, info_name=name, parent=ctx)
            lines += _command(f"wirewatch {name} {sub_name}", sub_name, sub, sub_ctx)
    return "\n".join(lines).rstrip() + "\n"


def _command(title: str, name: str, command: click.Command, parent: click.Context
             ) -> list[str]:
    sub = click.Context(command, info_name=name, parent=parent)
    lines = [f"## {title}", "", (command.help or "").strip(), "", "```",
             command.get_usage(sub).strip(), "```", ""]
    rows = []
    for param in command.params:
        if param.param_type_name == "argument":
            rows.append((f"`{param.name.upper()}`", "argument", getattr(param, "help", "") or ""))
        elif not param.hidden:
            names = ", ".join(f"`{o}`" for o in param.opts)
            default = "" if param.default in (None, False) else f" (default: {param.default})"
            rows.append((names, "option", (param.help or "") + default))
    if rows:
        lines += ["| name | kind | meaning |", "| --- | --- | --- |"]
        lines += [f"| {n} | {k} | {h.replace('|', '/')} |" for n, k, h in rows]
        lines.append("")
    return lines


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}", file=sys.stderr)
