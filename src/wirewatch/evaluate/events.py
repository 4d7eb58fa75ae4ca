"""Event coding against PLOVER gold-standard records: one coded sentence each.

Each record's sentence is run through the pipeline; the system's event for the record is the
one whose trigger falls on a word the record marks ``(EVT: ...)``, the one nearest the root of
the parse among those (else among all the sentence's events). PLOVER codes an announced
cooperative act as AGREE ("will provide aid") and an announced hostile one as THREATEN, where
wirewatch records the act itself as planned or hypothetical; the scorer compares at PLOVER's
level, and counts FIGHT, PLOVER's older name, as ASSAULT.

The records come in the corpus's several shapes: ``source``/``target`` a list of actors, one
actor, a bare code or an empty string, or absent; ``textInfo`` an object holding ``markup``,
the markup itself as a string, or absent. DATA is the JSON file (any name: a list of records,
or one record a line) or a folder holding such files.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import ratio

RENAMED = {"FIGHT": "ASSAULT"}
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
                         "INVESTIGATE", "AGREE"})
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
UNREAL = frozenset({"planned", "hypothetical"})
EVT = re.compile(r"\(EVT:\s*([^()]+?)\s*\)")


def plover_type(event_type: str, modality: str) -> str:
    """The type PLOVER would give: an intended act is an AGREE or a THREATEN, a cooperative
    act refused or not done is a REJECT ("would not meet the demands", "failed to reach
    agreement")."""
    if modality == "negated" and event_type in COOPERATIVE:
        return "REJECT"
    if modality in UNREAL and event_type in COOPERATIVE:
        return "AGREE"
    if modality in UNREAL and event_type in HOSTILE:
        return "THREATEN"
    return event_type


def country(code: str | None) -> str | None:
    return code[:3] if code else None


CODE = re.compile(r"[A-Z]{3}[A-Z0-9]{0,12}")


def _load(path: Path) -> list[Any]:
    """The records of one file: a JSON list (or a single object), or JSON Lines."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read PLOVER records ({err})") from None
    try:
        loaded = json.loads(text)
        return loaded if isinstance(loaded, list) else [loaded]
    except json.JSONDecodeError as err:
        try:
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError:
            raise InputError(f"{path}: not JSON or JSON Lines ({err})") from None


def _is_record(record: Any) -> bool:
    return (isinstance(record, dict) and isinstance(record.get("text"), str)
            and record["text"].strip() != "" and isinstance(record.get("event"), str)
            and record["event"] not in ("", "DOCUMENT"))


def read_records(data: Path) -> list[dict[str, Any]]:
    """The coded sentences of a PLOVER file, or of every PLOVER file in a folder (the .json
    and .jsonl files in it that hold no coded record, or no JSON, are passed over)."""
    if not data.is_dir():
        return [r for r in _load(data) if _is_record(r)]
    records = []
    for path in sorted(p for p in data.iterdir() if p.suffix in (".json", ".jsonl")):
        try:
            records += [r for r in _load(path) if _is_record(r)]
        except InputError:
            continue
    if not records:
        raise InputError(f"{data}: no .json or .jsonl file of PLOVER records in it")
    return records


def actor_codes(value: Any) -> set[str]:
    """The codes of a record's ``source`` or ``target`` in any of its shapes: a list of
    actors (``{"actorText", "code"}``), one actor, a bare code, or nothing."""
    if isinstance(value, list):
        return set().union(*(actor_codes(v) for v in value)) if value else set()
    if isinstance(value, dict):
        value = value.get("code")
        return actor_codes(value) if isinstance(value, (str, list)) else set()
    if isinstance(value, str) and CODE.fullmatch(value.strip()):
        return {value.strip()}
    return set()


def markup(record: dict[str, Any]) -> str:
    info = record.get("textInfo")
    if isinstance(info, dict):
        info = info.get("markup")
    return info if isinstance(info, str) else ""


def trigger_spans(record: dict[str, Any]) -> list[tuple[int, int]]:
    """Where the words the record marks as the event lie in its text."""
    text = record["text"]
    spans, position = [], 0
    for words in EVT.findall(markup(record)):
        found = text.find(words, position)
        if found < 0:
            found = text.find(words)
        if found >= 0:
            spans.append((found, found + len(words)))
            position = found + len(words)
    return spans


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def choose_event(doc: Any, events: list[Any], spans: list[tuple[int, int]]) -> Any | None:
    marked = [e for e in events if any(e.trigger[0] < b and a < e.trigger[1] for a, b in spans)]
    pool = marked or events
    if not pool:
        return None
    return min(pool, key=lambda e: (_depth(doc[e.token]), e.trigger[0]))


def evaluate_events(data: Path, model: str, limit: int | None = None) -> dict[str, Any]:
    from ..nlp import EXTENSION, load_pipeline

    records = read_records(data)[:limit]
    if not records:
        raise InputError(f"{data}: no PLOVER records with text and an event type")
    nlp = load_pipeline(model)
    gold_types: list[str] = []
    system_types: list[str | None] = []
    source_hits = source_total = target_hits = target_total = found = 0
    texts = [r["text"] for r in records]
    for record, doc in zip(records, nlp.pipe(texts, batch_size=16), strict=True):
        annotations = doc._.get(EXTENSION)
        events = annotations.events if annotations and not annotations.error else []
        event = choose_event(doc, events, trigger_spans(record))
        gold = RENAMED.get(record["event"], record["event"])
        gold_types.append(gold)
        system_types.append(plover_type(event.type, event.modality) if event else None)
        found += event is not None
        gold_sources = {country(c) for c in actor_codes(record.get("source"))}
        gold_targets = {country(c) for c in actor_codes(record.get("target"))}
        if gold_sources:
            source_total += 1
            source_hits += bool(event and country(event.source) in gold_sources)
        if gold_targets:
            target_total += 1
            target_hits += bool(event and country(event.target) in gold_targets)
    correct = sum(g == s for g, s in zip(gold_types, system_types, strict=True))
    f1s = []
    for label in sorted(set(gold_types)):
        tp = sum(g == s == label for g, s in zip(gold_types, system_types, strict=True))
        predicted = sum(s == label for s in system_types)
        actual = sum(g == label for g in gold_types)
        p, r = ratio(tp, predicted), ratio(tp, actual)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return {
        "task": "events", "data": str(data), "documents": len(records),
        "records_with_event": found,
        "type_accuracy": ratio(correct, len(records)),
        "type_macro_f1": ratio(sum(f1s), len(f1s)),
        "source_country_accuracy": ratio(source_hits, source_total),
        "target_country_accuracy": ratio(target_hits, target_total),
        "source_scored": source_total, "target_scored": target_total,
    }
