"""CoNLL-2003 entity scoring (PER, LOC, ORG) of wirewatch's entities against the bare model.

Both run on the same documents in the same process; spaCy labels map to CoNLL types
(PERSON -> PER; GPE, LOC, FAC -> LOC; ORG -> ORG). Exact span and type match.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import Counts

LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
SCORED = ("PER", "LOC", "ORG")

Mention = tuple[int, int, str]
# Without -DOCSTART- markers, sentences are grouped into pseudo-documents of this size.
SENTENCES_PER_DOCUMENT = 40


@dataclass(frozen=True, slots=True)
class ConllDocument:
    text: str
    entities: tuple[Mention, ...]


def read_conll(path: Path) -> list[ConllDocument]:
    """Documents (split at -DOCSTART-) as text with one sentence a line, and gold mentions."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read CoNLL file ({err})") from None
    documents: list[ConllDocument] = []
    text: list[str] = []
    mentions: list[Mention] = []
    offset = 0
    open_entity: list | None = None
    sentence_started = False

    def close() -> None:
        nonlocal open_entity
        if open_entity is not None:
            mentions.append((open_entity[0], open_entity[1], open_entity[2]))
            open_entity = None

    sentences = 0

    def flush() -> None:
        nonlocal text, mentions, offset, sentence_started
        close()
        if text:
            documents.append(ConllDocument("".join(text), tuple(mentions)))
        text, mentions, offset, sentence_started = [], [], 0, False
        nonlocal sentences
        sentences = 0

    for line in lines:
        if line.startswith("-DOCSTART-"):
            flush()
            continue
        if not line.strip():
            close()
            if sentence_started:
                text.append("\n")
                offset += 1
                sentence_started = False
                sentences += 1
                if sentences >= SENTENCES_PER_DOCUMENT:
                    flush()
            continue
        parts = line.split()
        token, tag = parts[0], parts[-1]
        if sentence_started:
            text.append(" ")
            offset += 1
        start, end = offset, offset + len(token)
        text.append(token)
        offset = end
        sentence_started = True
        kind = tag[2:] if len(tag) > 2 else None
        if tag.startswith("B-") or (tag.startswith("I-") and (
                open_entity is None or open_entity[2] != kind)):
            close()
            open_entity = [start, end, kind]
        elif tag.startswith("I-") and open_entity is not None:
            open_entity[1] = end
        else:
            close()
    flush()
    if not documents:
        raise InputError(f"{path}: no sentences found")
    return documents


def _score(gold: list[set[Mention]], system: list[set[Mention]]) -> dict[str, float]:
    out: dict[str, float] = {}
    total = Counts()
    for kind in SCORED:
        counts = Counts()
        for g, s in zip(gold, system, strict=True):
            gk = [(a, b) for a, b, k in g if k == kind]
            sk = [(a, b) for a, b, k in s if k == kind]
            counts.add(sk, gk, strict=True)
            total.add(sk, gk, strict=True)
        out[f"{kind.lower()}_f1"] = counts.f1
    out.update(precision=total.precision, recall=total.recall, f1=total.f1)
    return out


def evaluate_entities(data: Path, model: str, limit: int | None = None) -> dict[str, Any]:
    import spacy

    from ..nlp import EXTENSION, load_pipeline

    documents = read_conll(data)[:limit]
    texts = [d.text for d in documents]
    gold = [set(d.entities) for d in documents]
    ours = [{(h.span.start_char, h.span.end_char, LABEL_MAP[h.label])
             for h in doc._.get(EXTENSION).entities if h.label in LABEL_MAP}
            for doc in load_pipeline(model).pipe(texts, batch_size=16)]
    bare = [{(e.start_char, e.end_char, LABEL_MAP[e.label_]) for e in doc.ents
             if e.label_ in LABEL_MAP}
            for doc in spacy.load(model).pipe(texts, batch_size=16)]
    system, baseline = _score(gold, ours), _score(gold, bare)
    return {"task": "entities", "data": str(data), "documents": len(documents),
            "gold_entities": sum(1 for g in gold for m in g if m[2] in SCORED),
            **system, **{f"baseline_{k}": v for k, v in baseline.items()}}
