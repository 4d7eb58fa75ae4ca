"""TempEval-3 scoring of temporal expressions over TimeML (.tml) files.

Each file's DCT is the publication date. Detection is scored strictly (same span) and relaxed
(overlapping span); value accuracy is the share of relaxed matches whose value is right.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import Counts, ratio


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    name: str
    dct: date | None
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The TEXT of a TimeML file as plain text with its TIMEX3 spans and values."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise InputError(f"{path}: not readable TimeML ({err})") from None
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = date.fromisoformat(timex.get("value", "")[:10])
            except ValueError:
                dct = None
            break
    body = root.find("TEXT")
    if body is None:
        raise InputError(f"{path}: no TEXT element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(node: ET.Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, parts))
                text = "".join(parts)[start:end]
                timexes.append(GoldTimex(start, end, child.get("value", ""), text))
            if child.tail:
                parts.append(child.tail)

    walk(body)
    return TimeMLDocument(path.name, dct, "".join(parts), tuple(timexes))


WEEK = re.compile(r"^(\d{4})-W(\d)$")


def same_value(system: str | None, gold: str) -> bool:
    """Values equal as TIMEX3 values: the corpus writes some ISO weeks unpadded ("2000-W7"
    is "2000-W07")."""
    return system == WEEK.sub(r"\1-W0\2", gold)


def evaluate_times(data: Path, model: str, limit: int | None = None) -> dict[str, Any]:
    from ..extractors.times import find_times
    from ..nlp import COMPONENT, load_pipeline

    files = sorted(data.rglob("*.tml")) if data.is_dir() else [data]
    if not files:
        raise InputError(f"{data}: no .tml files found")
    documents = [read_timeml(f) for f in files[:limit]]
    nlp = load_pipeline(model)
    strict, relaxed = Counts(), Counts()
    matched = correct = 0
    with nlp.select_pipes(disable=[COMPONENT]):
        docs = nlp.pipe((d.text for d in documents), batch_size=16)
        for gold_doc, doc in zip(documents, docs, strict=True):
            hits = find_times(doc, gold_doc.dct)
            system = [(h.start, h.end) for h in hits]
            gold = [(g.start, g.end) for g in gold_doc.timexes]
            strict.add(system, gold, strict=True)
            relaxed.add(system, gold, strict=False)
            for g in gold_doc.timexes:
                overlapping = [h for h in hits if h.start < g.end and g.start < h.end]
                if overlapping:
                    matched += 1
                    correct += same_value(overlapping[0].value, g.value)
    return {
        "task": "times", "data": str(data), "documents": len(documents),
        "gold_timexes": int(strict.gold), "system_timexes": int(strict.system),
        "strict_precision": strict.precision, "strict_recall": strict.recall,
        "strict_f1": strict.f1,
        "relaxed_precision": relaxed.precision, "relaxed_recall": relaxed.recall,
        "relaxed_f1": relaxed.f1,
        "value_accuracy": ratio(correct, matched), "matched_timexes": matched,
    }
