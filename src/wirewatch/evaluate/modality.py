"""Event modality against MEANTIME's event mentions (certainty, polarity, time).

MEANTIME's attributes map to wirewatch's modalities: NEG polarity is negated; PROBABLE or
POSSIBLE certainty is hedged or hypothetical (either counts); FUTURE time is planned; CERTAIN,
POS and NON_FUTURE is asserted. Only events wirewatch finds whose trigger overlaps a gold
mention are scored; how many gold mentions were matched is reported beside the accuracy.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import ratio

JSONL = Path("derived") / "meantime_en_plaintext.jsonl"


def gold_modalities(attributes: dict[str, str]) -> frozenset[str]:
    """The wirewatch modalities a MEANTIME mention's attributes allow."""
    if attributes.get("polarity") == "NEG":
        return frozenset({"negated"})
    if attributes.get("certainty") in ("PROBABLE", "POSSIBLE"):
        return frozenset({"hedged", "hypothetical"})
    if attributes.get("time") == "FUTURE":
        return frozenset({"planned"})
    return frozenset({"asserted"})


def read_mentions(xml_path: Path, offsets: dict[str, list[int]]
                  ) -> list[tuple[int, int, frozenset[str]]]:
    """Each gold event mention as a character span of the plain text and its modalities."""
    try:
        root = ET.parse(xml_path).getroot()
    except (OSError, ET.ParseError) as err:
        raise InputError(f"{xml_path}: cannot read MEANTIME XML ({err})") from None
    mentions = []
    for mention in root.iter("EVENT_MENTION"):
        tokens = [offsets[a.get("t_id", "")] for a in mention.iter("token_anchor")
                  if a.get("t_id") in offsets]
        if tokens:
            mentions.append((min(s for s, _ in tokens), max(e for _, e in tokens),
                             gold_modalities(mention.attrib)))
    return mentions


def evaluate_modality(data: Path, model: str, limit: int | None = None) -> dict[str, Any]:
    from ..nlp import EXTENSION, load_pipeline

    jsonl = data / JSONL if data.is_dir() else data
    if not jsonl.exists():
        raise InputError(f"{data}: expected {JSONL} (MEANTIME's plain-text export)")
    folder = jsonl.parent.parent
    articles = []
    for number, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            articles.append((row, folder / row["source_file"]))
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise InputError(f"{jsonl}:{number}: bad record ({err})") from None
    articles = [(row, xml) for row, xml in articles if xml.exists()][:limit]
    if not articles:
        raise InputError(f"{data}: no articles with their annotation XML")
    nlp = load_pipeline(model)
    from ..nlp import CONTEXT_KEY

    docs = []
    for row, _ in articles:
        doc = nlp.make_doc(row["text"])
        doc.user_data[CONTEXT_KEY] = {"published": row.get("dct"), "source": None,
                                      "dateline": None}
        docs.append(doc)
    gold_total = matched_gold = scored = correct = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for (row, xml), doc in zip(articles, nlp.pipe(docs, batch_size=16), strict=True):
        mentions = read_mentions(xml, row["token_offsets"])
        gold_total += len(mentions)
        annotations = doc._.get(EXTENSION)
        events = annotations.events if annotations and not annotations.error else []
        hit_mentions: set[int] = set()
        for event in events:
            start, end = event.trigger
            overlapping = [i for i, (a, b, _) in enumerate(mentions) if start < b and a < end]
            if not overlapping:
                continue
            hit_mentions.update(overlapping)
            allowed = mentions[overlapping[0]][2]
            scored += 1
            correct += event.modality in allowed
            confusion[(sorted(allowed)[0], event.modality)] += 1
        matched_gold += len(hit_mentions)
    figures: dict[str, Any] = {
        "task": "modality", "data": str(data), "documents": len(articles),
        "accuracy": ratio(correct, scored), "scored_events": scored,
        "matched_mentions": matched_gold, "gold_mentions": gold_total,
    }
    for (gold, system), n in sorted(confusion.items()):
        figures[f"gold_{gold}_as_{system}"] = n
    return figures
