"""What the dashboard, the timeline and the map draw: counts and points over all events."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select

from ..repository import Store
from ..schema import annotation_tables, articles
from .columns import EVENTS

PLACES = annotation_tables["places"]


def event_counts(store: Store) -> dict[str, Any]:
    """Events by type and modality, and by month and modality; the number of articles."""
    with store.engine.connect() as conn:
        by_type = conn.execute(select(EVENTS.c.type, EVENTS.c.modality, func.count())
                               .group_by(EVENTS.c.type, EVENTS.c.modality)).all()
        by_month = conn.execute(select(func.substr(EVENTS.c.day, 1, 7).label("month"),
                                       EVENTS.c.modality, func.count())
                                .where(EVENTS.c.day.is_not(None))
                                .group_by("month", EVENTS.c.modality)).all()
        n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for type_, modality, n in by_type:
        types[type_][modality] = n
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for month, modality, n in by_month:
        months[month][modality] = n
    return {"types": dict(sorted(types.items())), "months": dict(sorted(months.items())),
            "articles": n_articles}


def dated_events(store: Store, limit: int, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    """Events with a day (from ``since`` to ``until``, both included, when given), oldest
    first: what a timeline places. ``date`` is the date as written (``2024-W44``), ``day``
    its first day."""
    query = (select(EVENTS.c.article_id, EVENTS.c.idx, EVENTS.c.type, EVENTS.c.modality,
                    EVENTS.c.date, EVENTS.c.day, EVENTS.c.source, EVENTS.c.target)
             .where(*_day_range(since, until))
             .order_by(EVENTS.c.day, EVENTS.c.article_id, EVENTS.c.idx).limit(limit))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def event_days(store: Store, since: str | None = None,
               until: str | None = None) -> dict[str, Any]:
    """The first and last day of the dated events (from ``since`` to ``until`` when given)
    and how many there are: a timeline's whole range, and whether it shows every event."""
    query = select(func.min(EVENTS.c.day), func.max(EVENTS.c.day), func.count()) \
        .where(*_day_range(since, until))
    with store.engine.connect() as conn:
        first, last, count = conn.execute(query).one()
    return {"first": first, "last": last, "count": count}


def _day_range(since: str | None, until: str | None) -> list[Any]:
    where = [EVENTS.c.day.is_not(None)]
    if since:
        where.append(EVENTS.c.day >= since)
    if until:
        where.append(EVENTS.c.day <= until)
    return where


def placed_events(store: Store, limit: int) -> list[dict[str, Any]]:
    """Events whose place has coordinates: what a map marks."""
    query = (select(EVENTS.c.article_id, EVENTS.c.type, EVENTS.c.modality,
                    PLACES.c.name.label("place"), PLACES.c.lat, PLACES.c.lon)
             .join(PLACES, (PLACES.c.article_id == EVENTS.c.article_id)
                   & (PLACES.c.idx == EVENTS.c.place_idx))
             .where(PLACES.c.lat.is_not(None))
             .order_by(EVENTS.c.article_id, EVENTS.c.idx).limit(limit))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
