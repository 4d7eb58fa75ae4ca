"""Pieces of SQL that the command line's listings and the API's pages share, so that a filter
means the same in both."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_

from .schema import annotation_tables, article_links, articles, claims

EVENTS = annotation_tables["events"]
QUANTITIES = annotation_tables["quantities"]


def event_offsets() -> list[ColumnElement[int]]:
    """Where an event's sentence and trigger are in its article's text, so that a listed row
    leads back to its words (``text[trigger_start:trigger_end]``)."""
    return [EVENTS.c.sentence_start, EVENTS.c.sentence_end, EVENTS.c.trigger_start,
            EVENTS.c.trigger_end]


def with_claim_evidence(query: Select) -> Select:
    """Claims joined to the event they were read from and its figure: the sentence, trigger
    and quantity offsets in the claim's article (``quantity_*`` empty where a ledger lost
    the link)."""
    return (query.add_columns(*event_offsets(), QUANTITIES.c.start.label("quantity_start"),
                              QUANTITIES.c.end.label("quantity_end"))
            .join(EVENTS, and_(EVENTS.c.article_id == claims.c.article_id,
                               EVENTS.c.idx == claims.c.event_idx))
            .outerjoin(QUANTITIES, and_(QUANTITIES.c.article_id == claims.c.article_id,
                                        QUANTITIES.c.idx == EVENTS.c.quantity_idx)))


def statement_offsets(item: dict[str, Any]) -> dict[str, int | None]:
    """A stored statement's content, cue and speaker offsets as flat fields (None where it
    has no cue span or no speaker), the same in every listing."""
    cue = item.get("cue_span") or (None, None)
    speaker = item.get("speaker") or {}
    return {"start": item["start"], "end": item["end"], "cue_start": cue[0],
            "cue_end": cue[1], "speaker_start": speaker.get("start"),
            "speaker_end": speaker.get("end")}


def whole(value: float | None) -> float | int | None:
    """A figure as an integer when it is one: 3,000 troops print as 3000, not 3000.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


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
    return or_(*(c.startswith(code.upper(), autoescape=True) for c in columns))


def event_filters(query: Select, table: Any, filters: dict[str, Any]) -> Select:
    """The filters events and merged events share: type, actor (source or target by code
    prefix), country, and since/until on the first day an event's date covers."""
    if filters.get("type"):
        query = query.where(table.c.type == filters["type"].upper())
    if filters.get("actor"):
        query = query.where(actor_filter([table.c.source, table.c.target], filters["actor"]))
    if filters.get("country"):
        country = filters["country"].upper()
        query = query.where(or_(func.substr(table.c.source, 1, 3) == country,
                                func.substr(table.c.target, 1, 3) == country))
    if filters.get("since"):
        query = query.where(table.c.day >= filters["since"])
    if filters.get("until"):
        query = query.where(table.c.day <= filters["until"])
    return query


def column_filters(query: Select, table: Any, filters: dict[str, Any]) -> Select:
    """Rows whose columns equal the given values; a value of None filters nothing
    (``{"speaker_actor": "KORGOV", "anonymous": True}``)."""
    for column, value in filters.items():
        if value is not None:
            query = query.where(table.c[column] == value)
    return query


def original_claims(query: Select) -> Select:
    """Claims of original articles only: a syndicated copy's figure is its original's."""
    return query.join(article_links, (article_links.c.article_id == claims.c.article_id)
                      & (article_links.c.canonical_id == claims.c.article_id))
