"""One real event from many reports: event mentions merged across articles.

Two mentions denote the same event when they are of the same PLOVER type in the same story,
their actors agree (same country, or one side unknown), their dates overlap within each one's
precision, and their places are in the same country (or unknown). A mention without source
and target merges only with one that has the same trigger word; two modes that differ
(telephone, visit) keep events apart, and so do two modalities within one article.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from ..kinds import first_day
from ..model import Document, Event
from ..store.schema import event_links, merged_events

# Built once: building a statement anew cost more than running it.
_SAME_TYPE = select(merged_events).where(merged_events.c.story_id == bindparam("story"),
                                         merged_events.c.type == bindparam("type"))
_UPDATE = update(merged_events).where(merged_events.c.id == bindparam("merged"))
_ADD = insert(merged_events)
_ADD_LINK = insert(event_links)
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # "A met B" is "B met A"


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def date_range(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The days an event's date can stand for: a week is seven days, a date reported on a
    day is that day or any day before it."""
    start = first_day(value)
    if start is None:
        return None
    first = date.fromisoformat(start)
    if value and "-W" in value:
        last = first + timedelta(days=6)
    elif value and len(value) == 7:
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    elif value and len(value) == 4:
        last = first.replace(month=12, day=31)
    else:
        last = first
    if precision == "reported":
        first = date.min
    return first, last


def _dates_agree(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _actors_agree(event: Event, row: Any) -> bool:
    pairs = [(_country(event.source), _country(row.source)),
             (_country(event.target), _country(row.target))]
    if all(x is None or y is None or x == y for x, y in pairs):
        return True
    if event.type in SYMMETRIC:  # the same meeting told from the other side
        return all(x is None or y is None or x == y for x, y in (
            (_country(event.source), _country(row.target)),
            (_country(event.target), _country(row.source))))
    return False


def _agreement(event: Event, trigger: str, place: str | None, row: Any) -> int | None:
    """How many attributes support the match, or None if any contradicts it."""
    if not _actors_agree(event, row):
        return None
    if event.mode and row.mode and event.mode != row.mode:
        return None  # a phone call is not the visit
    if not _dates_agree(date_range(event.date, event.date_precision),
                        date_range(row.date, "reported" if row.day is None else None)):
        return None
    if place and row.place_country and place != row.place_country:
        return None
    if event.source is None and event.target is None and trigger != row.trigger:
        return None
    return sum((bool(event.source and row.source), bool(event.target and row.target),
                bool(event.date and row.date), bool(place and row.place_country),
                trigger == row.trigger))


def merge_events(conn: Connection, document: Document, story_id: int) -> list[int]:
    """Link each of the article's events to a merged event; return the merged ids in order."""
    text = document.article.text
    published = document.article.published
    merged_ids: list[int] = []
    # Within one article the writer keeps apart what happened and what is planned: mentions
    # of different modality there are different events.
    here: dict[int, str] = {}
    for idx, event in enumerate(document.events):
        trigger = text[event.trigger[0]:event.trigger[1]].lower()
        place = document.places[event.place].country if event.place is not None else None
        candidates = conn.execute(_SAME_TYPE, {"story": story_id, "type": event.type})
        scored = [(score, row) for row in candidates
                  if here.get(row.id, event.modality) == event.modality
                  and (score := _agreement(event, trigger, place, row)) is not None]
        if scored:
            _, row = max(scored, key=lambda sr: (sr[0], -sr[1].id))
            own_date = event.date if event.date_precision != "reported" else None
            conn.execute(_UPDATE, {
                "merged": row.id, "mentions": row.mentions + 1,
                "source": row.source or event.source, "target": row.target or event.target,
                "mode": row.mode or event.mode,
                "date": row.date if row.day else (own_date or row.date),
                "day": row.day or first_day(own_date),
                "place_country": row.place_country or place,
                "first_published": min(filter(None, (row.first_published, published)),
                                       default=None),
                "last_published": max(filter(None, (row.last_published, published)),
                                      default=None)})
            merged_id = row.id
        else:
            own_date = event.date if event.date_precision != "reported" else None
            merged_id = conn.execute(_ADD, {
                "story_id": story_id, "type": event.type, "mode": event.mode,
                "source": event.source, "target": event.target, "date": event.date,
                "day": first_day(own_date), "place_country": place, "trigger": trigger,
                "mentions": 1, "first_published": published, "last_published": published,
            }).inserted_primary_key[0]
        conn.execute(_ADD_LINK, {"article_id": document.article.id, "idx": idx,
                                 "merged_id": merged_id})
        merged_ids.append(merged_id)
        here[merged_id] = event.modality
    return merged_ids
