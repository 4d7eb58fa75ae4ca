"""Bundled data files: tab-separated tables whose leading ``#`` lines name their source."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ResourceError


def parse_table(text: str, origin: str) -> list[dict[str, str]]:
    """Rows of TSV text as dicts keyed by the header; ``#`` lines are comments."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ResourceError(f"{origin}: row {number} does not match the header")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def read_table(path: str | Path) -> list[dict[str, str]]:
    """A user's own TSV file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ResourceError(f"{path}: cannot read data file ({err})") from None
    return parse_table(text, str(path))


@cache
def bundled_table(name: str) -> tuple[dict[str, str], ...]:
    """A table shipped in this folder, read once per process."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(parse_table(text, name))
