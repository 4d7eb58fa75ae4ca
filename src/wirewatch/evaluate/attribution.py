"""Attribution scoring over PolNeAR (brat standoff): source, cue and content spans, exact
and overlapping, and the share of gold contents linked to the right source.

Each ``attributions/<article>_<annotator>.ann`` is scored against the system's statements on
``text/<article>.txt``; where an article has several annotators, it is scored against each and
the article's counts are the mean of theirs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import Counts, ratio

Span = tuple[int, int]


@dataclass(slots=True)
class GoldAttribution:
    content: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)


def _spans(offsets: str) -> list[Span]:
    return [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attribution relations of one brat file, each with its spans."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    relations: list[GoldAttribution] = []
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    for args in events:
        relation = GoldAttribution()
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            role = re.sub(r"\d+$", "", role)
            if ref in spans and role in ("Content", "Source", "Cue"):
                getattr(relation, role.lower()).extend(spans[ref][1])
        relations.append(relation)
    return relations


def _cover(spans: list[Span]) -> Span | None:
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def _gold_span(spans: list[Span], text: str) -> Span | None:
    """The stretch a gold element covers, without the spaces an annotator's selection took
    in at either edge."""
    cover = _cover(spans)
    if cover is None:
        return None
    start, end = cover
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def evaluate_attribution(data: Path, model: str, limit: int | None = None) -> dict[str, Any]:
    from ..nlp import EXTENSION, load_pipeline

    folder = data / "dev" if (data / "dev" / "attributions").is_dir() else data
    ann_dir, text_dir = folder / "attributions", folder / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise InputError(f"{data}: expected attributions/ and text/ (or dev/ holding them)")
    by_article: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(ann_dir.glob("*.ann")):
        by_article[path.stem.rsplit("_", 1)[0]].append(path)
    articles = [a for a in sorted(by_article) if (text_dir / f"{a}.txt").exists()][:limit]
    if not articles:
        raise InputError(f"{data}: no .ann files with a matching text file")
    texts = [(text_dir / f"{a}.txt").read_text(encoding="utf-8") for a in articles]
    nlp = load_pipeline(model)
    counts = {name: Counts() for name in ("source_exact", "source_overlap", "cue_exact",
                                          "content_exact", "content_overlap")}
    linked = gold_contents = 0.0
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        text = doc.text
        found = doc._.get(EXTENSION)
        statements = found.statements if found and not found.error else []
        system_content = [(s.start, s.end) for s in statements]
        system_source = [(s.speaker.start, s.speaker.end) for s in statements if s.speaker]
        system_cue = [s.cue_span for s in statements if s.cue_span]
        weight = 1 / len(by_article[article])
        for ann in by_article[article]:
            gold = read_ann(ann)
            g_content = [c for g in gold if (c := _gold_span(g.content, text))]
            g_source = [c for g in gold if (c := _gold_span(g.source, text))]
            g_cue = [c for g in gold if (c := _gold_span(g.cue, text))]
            counts["source_exact"].add(system_source, g_source, True, weight)
            counts["source_overlap"].add(system_source, g_source, False, weight)
            counts["cue_exact"].add(system_cue, g_cue, True, weight)
            counts["content_exact"].add(system_content, g_content, True, weight)
            counts["content_overlap"].add(system_content, g_content, False, weight)
            for g in gold:
                content, source = _gold_span(g.content, text), _gold_span(g.source, text)
                if content is None or source is None:
                    continue
                gold_contents += weight
                linked += weight * any(
                    s.start < content[1] and content[0] < s.end and s.speaker is not None
                    and s.speaker.start < source[1] and source[0] < s.speaker.end
                    for s in statements)
    figures: dict[str, Any] = {"task": "attribution", "data": str(data),
                               "documents": len(articles),
                               "annotation_files": sum(len(by_article[a]) for a in articles)}
    for name, c in counts.items():
        figures[f"{name}_precision"] = c.precision
        figures[f"{name}_recall"] = c.recall
        figures[f"{name}_f1"] = c.f1
    figures["linked_source_share"] = ratio(linked, gold_contents)
    return figures
