"""Precision from a person's judgements of a random sample of stored events.

``wirewatch events --sample N --seed S --format tsv`` writes the sample with empty judgement
columns; a person fills them in (rules in docs/accuracy.md) and this scores the file. Gold
sets say how the coder does on someone else's sentences; a judged sample says how much of
what the ledger holds about *your* articles is right.

- ``type_ok``: y when the sentence reports an act of this PLOVER type, n when not.
- ``source_ok``, ``target_ok``: y when the code is right (an empty code is right when the
  sentence names no such actor), n when the code is wrong, ``missing`` when the event has no
  code but the sentence plainly names the actor.
- ``modality_ok``: y or n. An empty cell is not judged; a row whose ``type_ok`` is empty is
  left out.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import ratio

JUDGEMENTS = ("type_ok", "source_ok", "target_ok", "modality_ok", "note")
ANSWERS = {"y": "y", "yes": "y", "n": "n", "no": "n", "missing": "missing", "m": "missing",
           "": ""}
ACTORS = ("source", "target")


def read_judged(path: Path) -> list[dict[str, str]]:
    """The rows of a filled-in sample (tab-separated, or comma-separated if it ends in
    .csv), each judgement read as y, n, missing or empty."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the judged sample ({err})") from None
    if path.suffix == ".csv":
        reader = csv.DictReader(text.splitlines())
    else:  # plain TSV: a cell holds no tab, so a quotation mark in a sentence is just text
        reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    lacking = [c for c in JUDGEMENTS[:-1] if c not in (reader.fieldnames or ())]
    if lacking:
        raise InputError(f"{path}: not a judged sample: no column {', '.join(lacking)} (make "
                         "one with wirewatch events --sample N --format tsv)")
    rows = []
    for number, row in enumerate(reader, start=2):
        for column in JUDGEMENTS[:-1]:
            value = (row.get(column) or "").strip().strip('"').strip().lower()
            answer = ANSWERS.get(value)
            if answer is None or (answer == "missing" and column in ("type_ok",
                                                                     "modality_ok")):
                allowed = "y, n or missing" if column in ("source_ok", "target_ok") else "y or n"
                raise InputError(f"{path}:{number}: {column} is {value!r}; write {allowed} "
                                 "or leave it empty")
            row[column] = answer
        rows.append(row)
    return rows


def fully_right(row: dict[str, str]) -> bool:
    """Type and modality right, and no actor wrong or plainly named but missing."""
    return (row["type_ok"] == "y" and row["modality_ok"] == "y"
            and all(row[f"{a}_ok"] not in ("n", "missing") for a in ACTORS))


def evaluate_judged(data: Path, model: str | None = None, limit: int | None = None
                    ) -> dict[str, Any]:
    rows = [r for r in read_judged(data) if r["type_ok"]][:limit]
    if not rows:
        raise InputError(f"{data}: no judged rows (type_ok is empty everywhere)")
    counts = {c: Counter(r[c] for r in rows) for c in JUDGEMENTS[:-1]}
    figures: dict[str, Any] = {
        "task": "judged", "data": str(data),
        "documents": len({r.get("article") for r in rows}),
        "judged_events": len(rows),
        "type_precision": ratio(counts["type_ok"]["y"], len(rows)),
    }
    for actor in ACTORS:
        # precision over the codes the coder gave; a missing actor is counted apart
        coded = [r[f"{actor}_ok"] for r in rows if (r.get(actor) or "").strip()
                 and r[f"{actor}_ok"] in ("y", "n")]
        figures[f"{actor}_precision"] = ratio(coded.count("y"), len(coded))
        figures[f"{actor}_coded"] = len(coded)
        figures[f"{actor}_missing"] = counts[f"{actor}_ok"]["missing"]
    modality = counts["modality_ok"]
    figures["modality_precision"] = ratio(modality["y"], modality["y"] + modality["n"])
    figures["fully_right"] = ratio(sum(fully_right(r) for r in rows), len(rows))
    figures["counts"] = {c: {a or "unjudged": counts[c][a] for a in ("y", "n", "missing", "")}
                         for c in JUDGEMENTS[:-1]}
    return figures
