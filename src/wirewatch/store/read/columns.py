"""Columns and filters that several listings share, so that a word means the same in each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, or_

from ..schema import annotation_tables, articles

EVENTS = annotation_tables["events"]


def event_offsets() -> list[ColumnElement[int]]:
    """Where an event's sentence and trigger are in its article's text, so that a listed row
    leads back to its words (``text[trigger_start:trigger_end]``)."""
    return [EVENTS.c.sentence_start, EVENTS.c.sentence_end, EVENTS.c.trigger_start,
            EVENTS.c.trigger_end]


def trigger_text() -> ColumnElement[str]:
    """The words that name an event, cut from its article's text."""
    return func.substr(articles.c.text, EVENTS.c.trigger_start + 1,
                       EVENTS.c.trigger_end - EVENTS.c.trigger_start).label("trigger")


def span_text(table: Any) -> ColumnElement[str]:
    """The words an annotation spans (its ``start``/``end``), cut from its article's text."""
    return func.substr(articles.c.text, table.c.start + 1,
                       table.c.end - table.c.start).label("content")


def actor_filter(columns: Sequence[Any], code: str) -> ColumnElement[bool]:
    """Any of the columns holds an actor code starting with ``code`` ("KOR" finds KORGOV);
    ``%``, ``_`` and ``/`` in ``code`` are matched as themselves, not as LIKE wildcards."""
    return or_(*(c.startswith(code, autoescape=True) for c in columns))
