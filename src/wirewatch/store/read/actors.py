"""The actors listing: each actor code with how many articles and mentions name it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..repository import Store
from ..schema import annotation_tables
from .paging import Key, Page, PageRequest, code, fetch_page

ACTORS = annotation_tables["actors"]
KEYS = (Key("articles", int, descending=True), Key("mentions", int, descending=True),
        Key("code"))


@dataclass(frozen=True, slots=True)
class ActorFilters:
    country: str | None = None
    """The actor's country (alpha-3), in any case."""


def list_actors(store: Store, filters: ActorFilters, request: PageRequest) -> Page:
    """Actors by the number of articles, then mentions, that name them."""
    query = (select(ACTORS.c.code, func.max(ACTORS.c.name).label("name"),
                    func.max(ACTORS.c.country).label("country"),
                    func.max(ACTORS.c.role).label("role"),
                    func.count(func.distinct(ACTORS.c.article_id)).label("articles"),
                    func.coalesce(func.sum(ACTORS.c.mention_count), 0).label("mentions"))
             .group_by(ACTORS.c.code))
    if code(filters.country):
        query = query.where(ACTORS.c.country == code(filters.country))
    return fetch_page(store, query, KEYS, request)
