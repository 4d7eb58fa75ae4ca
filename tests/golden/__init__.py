"""Golden cases: ``<extractor>/<case>.txt`` (+ ``.meta.json``) and ``.expected.json``.

Regenerate with ``make goldens`` and read the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parent
# What each golden folder compares: the whole document, or the lists one extractor makes.
PARTS: dict[str, tuple[str, ...] | None] = {
    "document": None,
    "actors": ("entities", "actors"),
    "times": ("times",),
    "quantities": ("quantities",),
    "places": ("places",),
    "statements": ("statements",),
    "events": ("actors", "events"),
}


def cases() -> list[Path]:
    return sorted(p for folder in PARTS for p in (GOLDEN / folder).glob("*.txt"))


def produce(case: Path) -> dict[str, Any]:
    import wirewatch

    meta_path = case.with_suffix(".meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    data = wirewatch.extract(case.read_text(encoding="utf-8"), **meta).to_dict()
    parts = PARTS[case.parent.name]
    return data if parts is None else {k: data[k] for k in parts}


def expected_path(case: Path) -> Path:
    return case.with_suffix(".expected.json")
