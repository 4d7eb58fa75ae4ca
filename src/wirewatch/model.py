"""The document model: the JSON contract of DESIGN.md as frozen dataclasses.

Every span is ``[start, end)`` in characters of ``Article.text``. This module has no spaCy
import, so exports, the store and the API can use it without loading a pipeline.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

Span = tuple[int, int]

# PLOVER's event types and the factuality values of an event, as DESIGN.md fixes them.
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION",
               "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT")
MODALITIES = ("asserted", "negated", "hedged", "planned", "hypothetical")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    url: str | None
    title: str | None
    source: str | None
    published: str | None
    language: str | None
    text: str
    trailers: tuple[str, ...] = ()
    """Bylines, source and copyright lines kept out of ``text`` but recorded."""


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    actor: str | None


@dataclass(frozen=True, slots=True)
class Actor:
    code: str
    name: str
    country: str | None
    role: str | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None
    kind: str
    anchor: str | None


@dataclass(frozen=True, slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    bound: str
    unit: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str
    start: int
    end: int
    actor: str | None
    anonymous: bool
    name: str | None = None
    """The full name of a person speaker ("Yoon" -> "Yoon Suk Yeol"), resolved in the text."""


@dataclass(frozen=True, slots=True)
class Statement:
    start: int
    end: int
    speaker: Speaker | None
    cue: str | None
    direct: bool
    source_chain: tuple[str, ...]
    cue_span: Span | None = None
    """Where the cue is: [start, end)."""


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    mode: str | None
    cameo: str | None
    source: str | None
    target: str | None
    trigger: Span
    sentence: Span
    modality: str
    date: str | None
    date_precision: str | None
    place: int | None
    quantity: int | None
    statement: int | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Document:
    article: Article
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    places: tuple[Place, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()
    extra: Mapping[str, tuple[Any, ...]] = field(default_factory=dict,
                                                 metadata={"contract": False})
    """Items of kinds registered beyond the contract's (``kinds.register``), by their key;
    in JSON each is a key of its own beside the contract's."""

    def annotations(self, key: str) -> tuple[Any, ...]:
        """The items of one kind, by its JSON key, of the contract or registered."""
        if key not in ("article", "extra") and key in self.__dataclass_fields__:
            return getattr(self, key)
        return tuple(self.extra.get(key, ()))

    def to_dict(self) -> dict[str, Any]:
        plain = to_plain(self)
        return plain | plain.pop("extra")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return from_plain(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Document:
        return cls.from_dict(json.loads(text))


def to_plain(value: Any) -> Any:
    """Dataclasses to dicts and tuples to lists, recursively: JSON-ready data."""
    if is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    return value


def from_plain(tp: Any, value: Any, **given: Any) -> Any:
    """Build a model value of type ``tp`` from JSON data, or from an object that has the
    type's fields by name (an extractor's hit), following the type hints; ``given`` are
    fields of ``tp`` the value lacks."""
    return _reader(tp)(value, **given)


Reader = Callable[..., Any]


@cache
def _reader(tp: Any) -> Reader:
    """How to read a value of ``tp``, worked out once per type."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = _reader(next(a for a in get_args(tp) if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if isinstance(tp, type) and is_dataclass(tp):
        hints = _hints(tp)
        steps = [(f.name, _reader(hints[f.name])) for f in fields(tp)]

        def read(value: Any, **given: Any) -> Any:
            if is_dataclass(value):
                have = value.__dataclass_fields__
                return tp(**{name: step(getattr(value, name)) for name, step in steps
                             if name in have}, **given)
            return tp(**{name: step(value[name]) for name, step in steps if name in value},
                      **given)

        return read
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            each = _reader(args[0])
            return lambda value: tuple(each(v) for v in value)
        parts = [_reader(a) for a in args]
        return lambda value: tuple(p(v) for p, v in zip(parts, value, strict=True))
    if tp is float:
        return lambda value: float(value) if isinstance(value, int) else value
    return _same


def _same(value: Any) -> Any:
    return value


@cache
def _hints(tp: type) -> dict[str, Any]:
    return get_type_hints(tp)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one line of ``wirewatch extract``, derived from the dataclasses."""
    defs: dict[str, Any] = {}
    _schema_of(Document, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "wirewatch document",
        **defs.pop("Document"),
        "$defs": defs,
    }


_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _contract(tp: type) -> list[Any]:
    """The fields of a model class that the contract fixes (not ``Document.extra``)."""
    return [f for f in fields(tp) if f.metadata.get("contract", True)]


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return {"anyOf": [_schema_of(inner[0], defs), {"type": "null"}]}
    if isinstance(tp, type) and is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # reserve against recursion
            hints = get_type_hints(tp)
            defs[name] = {
                "type": "object",
                "properties": {f.name: _schema_of(hints[f.name], defs) for f in _contract(tp)},
                "required": [f.name for f in _contract(tp)],
                "description": (tp.__doc__ or "").strip(),
            }
        return {"$ref": f"#/$defs/{name}"}
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema_of(args[0], defs)}
        return {"type": "array", "prefixItems": [_schema_of(a, defs) for a in args],
                "minItems": len(args), "maxItems": len(args)}
    if tp is float:
        return {"type": "number"}
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    raise TypeError(f"no JSON Schema for {tp!r}")


__all__ = [
    "EVENT_TYPES",
    "MODALITIES",
    "Actor",
    "Article",
    "Document",
    "Entity",
    "Event",
    "Place",
    "Quantity",
    "Speaker",
    "Statement",
    "TimeExpression",
    "json_schema",
]
