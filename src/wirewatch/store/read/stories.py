"""The stories listing: articles about one developing story, most recently active first."""

from __future__ import annotations

from sqlalchemy import func, select

from ..repository import Store
from ..schema import article_links, stories
from .paging import FIRST, Key, Page, PageRequest, fetch_page

KEYS = (Key("last_published", descending=True, missing=FIRST), Key("id", int, descending=True))


def list_stories(store: Store, request: PageRequest) -> Page:
    """Stories, most recently active first, with how many articles and copies."""
    copies = (select(func.count()).where(article_links.c.story_id == stories.c.id,
                                         article_links.c.canonical_id
                                         != article_links.c.article_id)
              .scalar_subquery())
    query = select(stories.c.id, stories.c.title, stories.c.first_published,
                   stories.c.last_published, stories.c.articles, copies.label("copies"),
                   stories.c.actors)
    return fetch_page(store, query, KEYS, request)
