"""What the extractors find in one article, as one object they share.

Each extractor reads what those before it found from the article's ``Annotations`` (actor
mentions, times, places …), never from another extractor's module: the hit classes live
here, each with the fields of its model class by name (and maybe more for the extractors'
own use), so that ``convert.from_hit`` turns any of them into the contract's item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Span

ORG_PREFIXES = ("IGO", "NGO", "IMG")


def split_code(code: str) -> tuple[str | None, str | None]:
    """``PRKMIL`` -> (``PRK``, ``MIL``); ``IGOUNO`` -> (None, ``IGO``); ``IMGISL`` -> (None,
    ``IMG``)."""
    if code.startswith(ORG_PREFIXES):
        return None, code[:3]
    return code[:3], (code[3:6] or None)


@dataclass(frozen=True, slots=True)
class EntityHit:
    span: Span
    label: str
    actor: str | None


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # token offsets into the Doc
    end: int
    code: str


@dataclass(frozen=True, slots=True)
class TimeHit:
    start: int  # character offsets into the Doc text
    end: int
    value: str | None
    kind: str
    anchor: str | None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class QuantityHit:
    start: int  # character offsets into the Doc text
    end: int
    value: float
    bound: str
    unit: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int
    end: int
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None


@dataclass(frozen=True, slots=True)
class SpeakerHit:
    start: int
    end: int
    text: str
    actor: str | None
    anonymous: bool
    name: str | None
    head: str = ""  # lemma of the phrase's head, to match "the official" to "an official"


@dataclass(slots=True)
class StatementHit:
    start: int  # content span, characters
    end: int
    speaker: SpeakerHit | None
    cue: str | None
    cue_span: tuple[int, int] | None
    direct: bool
    source_chain: list[str] = field(default_factory=list)
    relays: list[str] = field(default_factory=list)
    """Sources between the outer statements and the speaker: "the official shared the
    assessment" relays the assessment through the official."""


@dataclass(frozen=True, slots=True)
class EventHit:
    type: str
    mode: str | None
    cameo: str | None
    source: str | None
    target: str | None
    trigger: tuple[int, int]  # characters
    sentence: tuple[int, int]
    modality: str
    date: str | None
    date_precision: str | None
    place: int | None
    quantity: int | None
    statement: int | None
    confidence: float
    token: int  # the trigger's token, for scorers that work on the parse


@dataclass(slots=True)
class Annotations:
    """What the wirewatch component found in one Doc (spaCy objects, token offsets), filled
    in extractor by extractor."""

    entities: list[EntityHit] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    times: list[TimeHit] = field(default_factory=list)
    quantities: list[QuantityHit] = field(default_factory=list)
    places: list[PlaceHit] = field(default_factory=list)
    statements: list[StatementHit] = field(default_factory=list)
    events: list[EventHit] = field(default_factory=list)
    extra: dict[str, list[Any]] = field(default_factory=dict)
    """Model items of the kinds registered beyond the contract's, by key."""
    error: str | None = None
    published: date | None = None
    """The article's publication date, which rules that weigh how long ago something was read."""
