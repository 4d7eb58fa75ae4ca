"""Events out of the ledger in the formats other tools read: GDELT 2.0's event table,
ACLED's columns, PLOVER's JSON records, and plain CSV, JSON Lines or Parquet.

The events are chosen by the same filters as ``wirewatch events`` and the API (one
``store.read`` listing), read page by page, and each is joined to its article (sentence,
place, figure, actor names) so that every exported row still leads back to its words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Document, Event
from ..store import Store
from ..store.read import EventFilters, PageRequest, list_events
from ..store.read.events import corroboration

PAGE = 500


@dataclass(frozen=True, slots=True)
class Evidence:
    """One stored event with what an export needs from around it."""

    event: Event
    idx: int
    document: Document
    merged_id: int | None
    corroboration: dict[str, Any]

    @property
    def text(self) -> str:
        return self.document.article.text

    @property
    def trigger(self) -> str:
        return self.text[self.event.trigger[0]:self.event.trigger[1]]

    @property
    def sentence(self) -> str:
        return " ".join(self.text[self.event.sentence[0]:self.event.sentence[1]].split())

    def actor_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        return next((a.name for a in self.document.actors if a.code == code), None)


def evidence(store: Store, filters: EventFilters) -> Iterator[Evidence]:
    """Every stored event that passes the filters, in the listing's order (oldest day
    first), each with its article's document."""
    cursor: str | None = None
    loaded: dict[str, Document] = {}  # the articles of the last page: events of one day
    while True:
        page = list_events(store, filters, PageRequest(PAGE, cursor))
        stats = corroboration(store, [r["merged_id"] for r in page.items
                                      if r["merged_id"] is not None])
        for row in page.items:
            if row["article_id"] not in loaded:
                loaded[row["article_id"]] = store.document(row["article_id"])
            document = loaded[row["article_id"]]
            yield Evidence(document.events[row["idx"]], row["idx"], document,
                           row["merged_id"], stats.get(row["merged_id"], {}))
        if page.next is None:
            return
        cursor = page.next
        loaded = {row["article_id"]: loaded[row["article_id"]] for row in page.items[-1:]}
