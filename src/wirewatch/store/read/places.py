"""The places listing: every resolved place, with the words that name it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..repository import Store
from ..schema import annotation_tables, articles
from .columns import span_text
from .paging import Key, Page, PageRequest, code, fetch_page

PLACES = annotation_tables["places"]
KEYS = (Key("article_id"), Key("idx", int))


@dataclass(frozen=True, slots=True)
class PlaceFilters:
    country: str | None = None
    """The place's country (alpha-3), in any case."""


def list_places(store: Store, filters: PlaceFilters, request: PageRequest) -> Page:
    """Places across articles, each as its whole JSON item with the text it spans."""
    query = (select(PLACES.c.article_id, PLACES.c.idx, PLACES.c.data, span_text(PLACES))
             .join(articles, articles.c.id == PLACES.c.article_id))
    if code(filters.country):
        query = query.where(PLACES.c.country == code(filters.country))
    page = fetch_page(store, query, KEYS, request)
    return Page([{"article_id": r["article_id"], "idx": r["idx"], "content": r["content"],
                  **r["data"]} for r in page.items], page.next)
