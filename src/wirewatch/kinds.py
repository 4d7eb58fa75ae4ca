"""The kinds of annotation, declared once: for each, its model class, its JSON key (also its
``Document`` field and its table), the columns its table indexes for filters, the spans it
claims, and how ``show`` and the article page present it.

The store makes each kind's table from here, ``show`` lists its rows and the article page
marks its spans, so a new kind is its extractor, its model class and one ``register`` call:
a kind beyond the contract's own also names its extractor (``extract``), which runs after
the built-in ones and sees what they found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from .model import (
    Actor,
    Document,
    Entity,
    Event,
    Place,
    Quantity,
    Statement,
    TimeExpression,
    from_plain,
)

Shown = tuple[int, int, str, str]
"""One span as a person reads it: start, end, a label (what it is) and a code (what it
resolves to)."""


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a kind's table beside the whole item (``data``): named after the item's
    field, or computed from the item's JSON by ``derive``. ``type`` is ``int``, ``float``,
    ``bool``, ``text`` or ``str<N>`` (a string of at most N characters)."""

    name: str
    type: str
    indexed: bool = False
    derive: Callable[[dict[str, Any]], Any] | None = None


@dataclass(frozen=True, slots=True)
class Kind:
    key: str
    """The JSON key, the ``Document`` field (or its ``extra`` key) and the table's name."""
    model: type
    name: str
    """One item, as ``show``'s rows and the article page's legend call it."""
    columns: tuple[Column, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    """Indexes over several columns, for the filters that combine them."""
    spans: Callable[[Any], Iterable[tuple[str, int, int]]] | None = None
    """Every span an item claims, named; by default its ``start`` and ``end``."""
    rows: Callable[[Any, str], Iterable[Shown]] | None = None
    """What ``show`` lists of an item (None: nothing)."""
    title: Callable[[Any], str] | None = None
    """The title of an item's mark on the article page (None: not marked there)."""
    css: str | None = None
    """The class of its marks on the page (its colour, in ``style.css``); by default its
    name."""
    mark: Callable[[Any], tuple[int, int]] | None = None
    """The span the page marks; by default ``start`` and ``end``."""
    extract: Callable[[Any, dict[str, list[Any]]], list[Any]] | None = None
    """For a kind beyond the contract: its items in a parsed ``Doc``, given what the
    built-in extractors found (by key); the items are model objects."""

    def claimed(self, item: Any) -> Iterator[tuple[str, int, int]]:
        if self.spans is not None:
            yield from self.spans(item)
        else:
            yield self.key, item.start, item.end

    @property
    def page_class(self) -> str:
        return self.css or self.name

    def marked(self, item: Any) -> tuple[int, int]:
        return self.mark(item) if self.mark is not None else (item.start, item.end)


def first_day(value: str | None) -> str | None:
    """The first calendar day an ISO date, week, month or year covers, so that events of
    every precision sort and filter by day ("2024-W44" -> "2024-10-28")."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if "-W" in value:
            year, week = value[:4], value[6:8]
            return date.fromisocalendar(int(year), int(week), 1).isoformat()
        if len(value) >= 10:
            return date.fromisoformat(value[:10]).isoformat()
        if len(value) == 7:
            return date.fromisoformat(value + "-01").isoformat()
        if len(value) == 4:
            return f"{value}-01-01"
    except ValueError:
        return None
    return None


def _span_columns() -> tuple[Column, ...]:
    return Column("start", "int"), Column("end", "int"), Column("text", "text")


def _statement_spans(st: Statement) -> Iterator[tuple[str, int, int]]:
    yield "statements", st.start, st.end
    if st.speaker is not None:
        yield "speaker", st.speaker.start, st.speaker.end
    if st.cue_span is not None:
        yield "cue", *st.cue_span


def _said(st: Statement) -> str:
    said = st.cue or "statement"
    if st.speaker is None:
        return said
    return (f"{said} by {st.speaker.name or st.speaker.text}"
            + (f" ({st.speaker.actor})" if st.speaker.actor else "")
            + (", anonymous" if st.speaker.anonymous else ""))


CONTRACT: tuple[Kind, ...] = (
    Kind("entities", Entity, "entity",
         columns=(*_span_columns(), Column("label", "str32", indexed=True),
                  Column("actor", "str16", indexed=True)),
         rows=lambda e, _: [(e.start, e.end, e.label, e.actor or "")],
         title=lambda e: f"{e.label} {e.actor or ''}"),
    Kind("actors", Actor, "actor",
         columns=(Column("code", "str16", indexed=True), Column("name", "text"),
                  Column("country", "str3", indexed=True), Column("role", "str8"),
                  Column("mention_count", "int", derive=lambda item: len(item["mentions"]))),
         spans=lambda a: (("actors", s, e) for s, e in a.mentions),
         rows=lambda a, _: [(s, e, a.name, a.code) for s, e in a.mentions]),
    Kind("times", TimeExpression, "time",
         columns=(*_span_columns(), Column("value", "str64", indexed=True),
                  Column("kind", "str16")),
         rows=lambda t, _: [(t.start, t.end, t.kind, t.value or "")],
         title=lambda t: t.value or "unresolved"),
    Kind("places", Place, "place",
         columns=(*_span_columns(), Column("name", "text"), Column("country", "str3"),
                  Column("lat", "float"), Column("lon", "float")),
         rows=lambda p, _: [(p.start, p.end, p.feature or "", p.country or "")],
         title=lambda p: f"{p.name} {p.country or ''}"),
    Kind("quantities", Quantity, "quantity",
         columns=(*_span_columns(), Column("value", "float"), Column("bound", "str8"),
                  Column("unit", "str64"), Column("kind", "str16")),
         rows=lambda q, _: [(q.start, q.end, f"{q.bound} {q.unit or ''}".strip(),
                             f"{q.value:g}")],
         title=lambda q: f"{q.bound} {q.value:g} {q.unit or ''}"),
    Kind("statements", Statement, "statement",
         columns=(Column("start", "int"), Column("end", "int"), Column("cue", "text"),
                  Column("direct", "bool"),
                  Column("speaker_actor", "str16", indexed=True,
                         derive=lambda item: (item["speaker"] or {}).get("actor")),
                  Column("anonymous", "bool", indexed=True,
                         derive=lambda item: (item["speaker"] or {}).get("anonymous"))),
         spans=_statement_spans,
         rows=lambda st, _: [(st.start, st.end, st.cue or "",
                              (st.speaker.actor or "") if st.speaker else "")],
         title=_said),
    Kind("events", Event, "event",
         columns=(Column("type", "str16", indexed=True), Column("mode", "str32"),
                  Column("source", "str16", indexed=True),
                  Column("target", "str16", indexed=True),
                  Column("modality", "str16", indexed=True),
                  Column("date", "str32", indexed=True),
                  Column("day", "str10", indexed=True,
                         derive=lambda item: first_day(item["date"])),
                  Column("trigger_start", "int", derive=lambda item: item["trigger"][0]),
                  Column("trigger_end", "int", derive=lambda item: item["trigger"][1]),
                  Column("sentence_start", "int", derive=lambda item: item["sentence"][0]),
                  Column("sentence_end", "int", derive=lambda item: item["sentence"][1]),
                  Column("place_idx", "int", derive=lambda item: item["place"]),
                  Column("quantity_idx", "int", derive=lambda item: item["quantity"])),
         indexes=(("type", "day"),),  # a type over a range of days, the commonest listing
         spans=lambda ev: (("trigger", *ev.trigger), ("sentence", *ev.sentence)),
         title=lambda ev: f"{ev.type} {ev.modality}", css="trigger",
         mark=lambda ev: ev.trigger),
)
"""The contract's kinds, in the order of its keys (DESIGN.md)."""

KINDS: dict[str, Kind] = {kind.key: kind for kind in CONTRACT}


def register(kind: Kind) -> None:
    """Add a kind beyond the contract's: its items go in ``Document.extra[kind.key]``, its
    JSON under that key, its rows in a table of that name. Register it before a store is
    opened, so that its table is made."""
    if kind.key in KINDS and KINDS[kind.key] is not kind:
        raise ValueError(f"an annotation kind named {kind.key!r} is registered already")
    if kind.extract is None:
        raise ValueError(f"{kind.key}: a kind beyond the contract needs its extractor")
    KINDS[kind.key] = kind


def unregister(key: str) -> None:
    """Remove a kind added by ``register`` (the contract's own stay)."""
    if key in {kind.key for kind in CONTRACT}:
        raise ValueError(f"{key} is a kind of the contract")
    KINDS.pop(key, None)


def added() -> list[Kind]:
    """The kinds registered beyond the contract's, in the order they were added."""
    contract = {kind.key for kind in CONTRACT}
    return [kind for key, kind in KINDS.items() if key not in contract]


def spans(document: Document) -> list[tuple[str, int, int]]:
    """Every character span a document claims, named, for offset checks."""
    return [span for kind in KINDS.values() for item in document.annotations(kind.key)
            for span in kind.claimed(item)]


def document_from_plain(data: dict[str, Any]) -> Document:
    """A document from its JSON data, with the items of registered kinds beyond the
    contract's in ``extra``."""
    document = from_plain(Document, data)
    extra = {kind.key: tuple(from_plain(kind.model, item) for item in data[kind.key])
             for kind in added() if data.get(kind.key)}
    return replace(document, extra=extra) if extra else document
