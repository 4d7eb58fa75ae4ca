"""Pages of a listing: a keyset cursor over the listing's own order, and filter values
normalized once for the command line, the API and the pages alike.

A cursor names the last row a page ended on, so a page's rows never shift when articles are
added while a client pages through (an offset would).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, and_, func, literal, or_, select

from ...errors import InputError
from ..repository import Store

MAX_CURSOR_CHARS = 400
"""Far longer than any cursor this server gives out (three keys, one a 64-character id)."""
MAX_KEY_CHARS = 100
INT64 = 2**63
LAST = "9999"
"""Where a missing date sorts in ascending order: after every date, in any collation."""
FIRST = ""
"""Where a missing date sorts in descending order: after every date too."""


@dataclass(frozen=True, slots=True)
class Key:
    """One column of a listing's order; the keys of a listing together name one row.
    ``missing`` is the value a NULL sorts as (None where the column is never NULL)."""

    name: str
    kind: type = str
    descending: bool = False
    missing: str | None = None


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int = 50
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next: str | None


def code(value: str | None) -> str | None:
    """An actor or country code as stored: upper case; empty means no filter."""
    value = (value or "").strip()
    return value.upper() or None


def encode(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def decode(cursor: str, keys: Sequence[Key]) -> list[Any]:
    """The key values a cursor holds, each checked against its key's type, so that a forged
    cursor is a clear error and never reaches the database as a bad comparison."""
    forged = InputError("cursor: not one this server gave out")
    if len(cursor) > MAX_CURSOR_CHARS:
        raise forged
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, RecursionError):  # bad base64, bad UTF-8 or bad JSON
        raise forged from None
    if not isinstance(values, list) or len(values) != len(keys):
        raise forged
    for value, key in zip(values, keys, strict=True):
        if value is None and key.missing is not None:
            continue
        if key.kind is int:
            if type(value) is not int or not -INT64 <= value < INT64:
                raise forged
        elif not isinstance(value, str) or len(value) > MAX_KEY_CHARS or "\x00" in value:
            raise forged
    return values


def _sorted_as(column: ColumnElement[Any], key: Key) -> ColumnElement[Any]:
    return column if key.missing is None else func.coalesce(column, key.missing)


def _after(columns: list[ColumnElement[Any]], keys: Sequence[Key],
           values: list[Any]) -> ColumnElement[bool]:
    """Rows that come after ``values`` in the order of ``keys``, each key in its own
    direction: the first key past its value, or equal to it and the rest after theirs."""
    # integer keys are compared as 64-bit, the range a cursor may hold, so that a cursor at
    # its edge is a comparison and not an overflow of a 32-bit column's type
    bounds = [key.missing if value is None else literal(value, BigInteger())
              if key.kind is int else value for key, value in zip(keys, values, strict=True)]
    later = []
    for i, (column, key) in enumerate(zip(columns, keys, strict=True)):
        past = column < bounds[i] if key.descending else column > bounds[i]
        later.append(and_(*(columns[j] == bounds[j] for j in range(i)), past))
    return or_(*later)


def fetch_page(store: Store, query: Select, keys: Sequence[Key], request: PageRequest) -> Page:
    """The rows of ``query`` in the order of ``keys`` (unique together) that follow the
    request's cursor, at most ``request.limit`` of them, and the cursor of the next page."""
    rows = query.subquery("listing")
    columns = [_sorted_as(rows.c[key.name], key) for key in keys]
    paged = select(rows)
    if request.cursor:
        paged = paged.where(_after(columns, keys, decode(request.cursor, keys)))
    order = [c.desc() if k.descending else c for c, k in zip(columns, keys, strict=True)]
    with store.engine.connect() as conn:
        found = [dict(r._mapping) for r in
                 conn.execute(paged.order_by(*order).limit(request.limit + 1))]
    more = len(found) > request.limit
    found = found[:request.limit]
    token = encode([found[-1][k.name] for k in keys]) if more and found else None
    return Page(found, token)
