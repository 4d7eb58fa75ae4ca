"""The claims listing: figures reported for merged events, each series in publication order,
with the figures that cannot both be true flagged."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select

from ..conflicts import flag_conflicts
from ..repository import Store
from ..schema import annotation_tables, article_links, claims, merged_events
from .columns import EVENTS, actor_filter, event_offsets
from .paging import LAST, Key, Page, PageRequest, code, fetch_page

QUANTITIES = annotation_tables["quantities"]
KEYS = (Key("event", int), Key("published", missing=LAST), Key("id", int))


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    actor: str | None = None
    """The event's source or target, or the claim's actor: a code or its start."""
    unit: str | None = None
    """What the figure counts (troops, people, USD …)."""


def list_claims(store: Store, filters: ClaimFilters, request: PageRequest) -> Page:
    """Figures on merged events, each with the event's type, actors and place, who reported
    it, and where the figure, its sentence and its trigger are in its article; a syndicated
    copy's figure is its original's and is listed once. ``conflicts_with`` lists the figures
    of the page that cannot stand with it."""
    me = merged_events
    query = (select(claims.c.id, claims.c.merged_id.label("event"), me.c.type, me.c.source,
                    me.c.target, me.c.place_country.label("place"), claims.c.actor,
                    claims.c.published, claims.c.bound, claims.c.value, claims.c.unit,
                    claims.c.attributed_to, claims.c.article_id, *event_offsets(),
                    QUANTITIES.c.start.label("quantity_start"),
                    QUANTITIES.c.end.label("quantity_end"))
             .join(me, me.c.id == claims.c.merged_id)
             # originals only: a copy's row in article_links names another canonical
             .join(article_links, (article_links.c.article_id == claims.c.article_id)
                   & (article_links.c.canonical_id == claims.c.article_id))
             .join(EVENTS, and_(EVENTS.c.article_id == claims.c.article_id,
                                EVENTS.c.idx == claims.c.event_idx))
             .outerjoin(QUANTITIES, and_(QUANTITIES.c.article_id == claims.c.article_id,
                                         QUANTITIES.c.idx == EVENTS.c.quantity_idx)))
    if code(filters.actor):
        query = query.where(actor_filter([me.c.source, me.c.target, claims.c.actor],
                                         code(filters.actor)))
    if filters.unit:
        query = query.where(claims.c.unit == filters.unit)
    page = fetch_page(store, query, KEYS, request)
    return Page(flag_conflicts([r | {"value": whole(r["value"])} for r in page.items]),
                page.next)


def whole(value: float | None) -> float | int | None:
    """A figure as an integer when it is one: 3,000 troops print as 3000, not 3000.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value

