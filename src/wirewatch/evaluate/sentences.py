"""PLOVER events of annotated sentences of real articles (``voa/events_dev.jsonl``).

Each gold line is one sentence of a story, by offsets into the story's text, with every event
in it. The story is extracted whole, through the same per-article pipeline as ``wirewatch
extract`` (its publication date, title and address included), so the events scored are the
ones the ledger would hold. The system events whose trigger starts inside an annotated sentence
are matched to that sentence's gold events: same type with overlapping triggers first, then
same type alone; each gold event is matched once. An unmatched system event is a false
positive, an unmatched gold event a miss. Actors and modality are scored on matched pairs.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import ratio

STORIES = "voa_stories.jsonl"
MATCHED, TYPE_ONLY, FALSE_POSITIVE, MISSED = (
    "matched", "matched (type only)", "false positive", "missed")


@dataclass(frozen=True, slots=True)
class Coded:
    """One event, gold or found, as the scorer compares it."""

    type: str
    trigger: tuple[int, int]
    trigger_text: str
    source: str | None
    target: str | None
    modality: str | None


@dataclass(slots=True)
class Sentence:
    story: str
    n: int
    start: int
    end: int
    text: str
    gold: list[Coded]
    system: list[Coded] = field(default_factory=list)
    pairs: list[tuple[Coded, Coded, str]] = field(default_factory=list)
    """(gold, system, how) for each match."""


def _jsonl(path: Path, what: str) -> list[dict[str, Any]]:
    from ..ingest.jsonl import json_object

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read {what} ({err})") from None
    return [json_object(line, f"{path}:{number}")
            for number, line in enumerate(lines, start=1) if line.strip()]


def read_gold(path: Path) -> list[Sentence]:
    """The annotated sentences, each with its gold events, offsets checked."""
    sentences = []
    for number, row in enumerate(_jsonl(path, "the gold sentences"), start=1):
        try:
            gold = [Coded(e["type"], (int(e["trigger_start"]), int(e["trigger_end"])),
                          e.get("trigger") or "", e.get("source"), e.get("target"),
                          e.get("modality"))
                    for e in row.get("events") or []]
            sentences.append(Sentence(str(row["story"]), int(row.get("n", number)),
                                      int(row["start"]), int(row["end"]),
                                      row.get("sentence") or "", gold))
        except (KeyError, TypeError, ValueError) as err:
            raise InputError(f"{path}: sentence {number}: expected story, start, end and "
                             f"events with type, trigger_start, trigger_end ({err})") from None
    if not sentences:
        raise InputError(f"{path}: no annotated sentences")
    return sentences


def read_stories(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    stories = {str(r.get("id")): r for r in _jsonl(path, "the stories")}
    missing = sorted(wanted - set(stories))
    if missing:
        raise InputError(f"{path}: no story with id {', '.join(missing[:5])}"
                         + (" …" if len(missing) > 5 else ""))
    textless = sorted(i for i in wanted if not isinstance(stories[i].get("text"), str))
    if textless:
        raise InputError(f"{path}: story {textless[0]} has no text")
    return stories


def _shift(original: str, normalized: str, start: int, end: int) -> int | None:
    """How far a span of the story moved in the normalized text (0 when the text is kept),
    or None when its words are not found there."""
    if original == normalized:
        return 0
    words = original[start:end]
    found = normalized.find(words, max(0, start - 200))
    found = found if found >= 0 else normalized.find(words)
    return found - start if found >= 0 else None


def match(sentence: Sentence) -> None:
    """Pair system with gold events of one sentence: overlap first, then type alone."""
    free = list(range(len(sentence.gold)))
    unpaired = []
    for event in sentence.system:
        hit = next((g for g in free if sentence.gold[g].type == event.type
                    and sentence.gold[g].trigger[0] < event.trigger[1]
                    and event.trigger[0] < sentence.gold[g].trigger[1]), None)
        if hit is None:
            unpaired.append(event)
        else:
            free.remove(hit)
            sentence.pairs.append((sentence.gold[hit], event, MATCHED))
    for event in unpaired:
        hit = next((g for g in free if sentence.gold[g].type == event.type), None)
        if hit is not None:
            free.remove(hit)
            sentence.pairs.append((sentence.gold[hit], event, TYPE_ONLY))


def code_agrees(gold: str | None, system: str | None) -> bool:
    """A bare country compares its three letters; a sector, IGO or IMG code compares whole;
    a null gold code agrees only with null."""
    if gold is None or system is None:
        return gold is system
    return system[:3] == gold if len(gold) == 3 else system == gold


def country_agrees(gold: str | None, system: str | None) -> bool:
    if gold is None or system is None:
        return gold is system
    return gold[:3] == system[:3]


def extract_stories(stories: list[dict[str, Any]], stories_path: Path, model: str
                    ) -> dict[str, Any]:
    """Each story id -> its Document, or the reason it failed."""
    from ..config import load_settings
    from ..ingest import Failure
    from ..ingest.jsonl import article_from_mapping
    from ..model import Document
    from ..pipeline import extract_documents

    raws, found = [], {}
    for story in stories:
        origin = f"{stories_path}#{story.get('id')}"
        try:
            raws.append(article_from_mapping(story, origin))
        except InputError as err:
            found[str(story.get("id"))] = str(err)
    ids = {f"{stories_path}#{s.get('id')}": str(s.get("id")) for s in stories}
    settings = load_settings().with_overrides(model=model)
    for origin, outcome in extract_documents(raws, settings):
        if isinstance(outcome, Document | Failure):
            found[ids[origin]] = outcome if isinstance(outcome, Document) else outcome.reason
    return found


def _coded(event: Any, text: str, shift: int) -> Coded:
    start, end = event.trigger
    return Coded(event.type, (start - shift, end - shift), text[start:end], event.source,
                 event.target, event.modality)


def evaluate_sentences(data: Path, model: str, limit: int | None = None,
                       stories: Path | None = None, errors: Path | None = None
                       ) -> dict[str, Any]:
    from ..model import Document

    gold_path = data / "events_dev.jsonl" if data.is_dir() else data
    sentences = read_gold(gold_path)
    order = list(dict.fromkeys(s.story for s in sentences))[:limit]
    sentences = [s for s in sentences if s.story in order]
    stories_path = stories or gold_path.parent / STORIES
    if not stories_path.is_file():
        raise InputError(f"{stories_path}: no such stories file (give --stories)")
    records = read_stories(stories_path, set(order))
    for sentence in sentences:
        text = records[sentence.story]["text"]
        if sentence.text and text[sentence.start:sentence.end] != sentence.text:
            raise InputError(f"{gold_path}: story {sentence.story} sentence {sentence.n}: "
                             "the offsets do not give the sentence")
    extracted = extract_stories([records[i] for i in order], stories_path, model)
    failed = []
    by_story: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_story[sentence.story].append(sentence)
    for story, members in by_story.items():
        document = extracted.get(story)
        if not isinstance(document, Document):
            failed.append(story)
            continue
        original, text = records[story]["text"], document.article.text
        for sentence in members:
            shift = _shift(original, text, sentence.start, sentence.end)
            if shift is None:
                continue  # its gold events count as missed
            start, end = sentence.start + shift, sentence.end + shift
            sentence.system = [_coded(e, text, shift) for e in document.events
                               if start <= e.trigger[0] < end]
            match(sentence)
    figures = score(sentences)
    figures = {"task": "sentences", "data": str(data), "documents": len(order),
               "failed_documents": len(failed), **figures}
    if errors is not None:
        write_errors(sentences, errors)
    return figures


def score(sentences: list[Sentence]) -> dict[str, Any]:
    pairs = [(g, s) for sentence in sentences for g, s, _ in sentence.pairs]
    gold = Counter(e.type for s in sentences for e in s.gold)
    system = Counter(e.type for s in sentences for e in s.system)
    hits = Counter(g.type for g, _ in pairs)
    p, r = ratio(len(pairs), system.total()), ratio(len(pairs), gold.total())
    per_type = {}
    for kind in sorted(gold | system):
        tp, tr = ratio(hits[kind], system[kind]), ratio(hits[kind], gold[kind])
        per_type[kind] = {"gold": gold[kind], "system": system[kind], "matched": hits[kind],
                          "precision": tp, "recall": tr,
                          "f1": 2 * tp * tr / (tp + tr) if tp + tr else 0.0}
    return {
        "sentences": len(sentences),
        "type_precision": p, "type_recall": r,
        "type_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "source_country_accuracy": ratio(sum(country_agrees(g.source, s.source)
                                             for g, s in pairs), len(pairs)),
        "target_country_accuracy": ratio(sum(country_agrees(g.target, s.target)
                                             for g, s in pairs), len(pairs)),
        "source_code_accuracy": ratio(sum(code_agrees(g.source, s.source) for g, s in pairs),
                                      len(pairs)),
        "target_code_accuracy": ratio(sum(code_agrees(g.target, s.target) for g, s in pairs),
                                      len(pairs)),
        "modality_accuracy": ratio(sum(g.modality == s.modality for g, s in pairs),
                                   len(pairs)),
        "matched_events": len(pairs),
        "trigger_overlap_matches": sum(how == MATCHED for s in sentences
                                       for *_, how in s.pairs),
        "gold_events": gold.total(), "system_events": system.total(),
        "per_type": per_type,
    }


ERROR_FIELDS = ("story", "n", "status", "differs", "gold_type", "gold_trigger", "gold_source",
                "gold_target", "gold_modality", "system_type", "system_trigger",
                "system_source", "system_target", "system_modality", "sentence")


def _row(sentence: Sentence, status: str, gold: Coded | None, system: Coded | None
         ) -> dict[str, Any]:
    differs = []
    if gold and system:
        differs += ["source"] * (not code_agrees(gold.source, system.source))
        differs += ["target"] * (not code_agrees(gold.target, system.target))
        differs += ["modality"] * (gold.modality != system.modality)
    line: dict[str, Any] = {"story": sentence.story, "n": sentence.n, "status": status,
                            "differs": " ".join(differs)}
    for side, event in (("gold", gold), ("system", system)):
        line |= {f"{side}_type": event.type if event else None,
                 f"{side}_trigger": event.trigger_text if event else None,
                 f"{side}_source": event.source if event else None,
                 f"{side}_target": event.target if event else None,
                 f"{side}_modality": event.modality if event else None}
    line["sentence"] = sentence.text
    return line


def error_rows(sentences: list[Sentence]) -> list[dict[str, Any]]:
    """Every sentence with its gold and system events side by side: matched pairs (and which
    fields differ), false positives, misses, and a line for a sentence with neither."""
    rows = []
    for sentence in sentences:
        paired_gold = {id(g) for g, _, _ in sentence.pairs}
        paired_system = {id(s) for _, s, _ in sentence.pairs}
        lines = [_row(sentence, how, g, s) for g, s, how in sentence.pairs]
        lines += [_row(sentence, MISSED, g, None) for g in sentence.gold
                  if id(g) not in paired_gold]
        lines += [_row(sentence, FALSE_POSITIVE, None, s) for s in sentence.system
                  if id(s) not in paired_system]
        rows += lines or [_row(sentence, "no events", None, None)]
    return rows


def write_errors(sentences: list[Sentence], path: Path) -> None:
    """JSONL when the file name ends in .jsonl, else plain TSV (one event a line, an empty
    cell for null, white space in a cell made single spaces)."""
    rows = error_rows(sentences)
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            if path.suffix == ".jsonl":
                handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
                return
            handle.write("\t".join(ERROR_FIELDS) + "\n")
            handle.writelines("\t".join("" if r[k] is None else " ".join(str(r[k]).split())
                                        for k in ERROR_FIELDS) + "\n" for r in rows)
    except OSError as err:
        raise InputError(f"--errors {path}: cannot write ({err.strerror})") from None
