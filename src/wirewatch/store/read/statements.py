"""The statements listing: who said what, how directly and through whom."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..repository import Store
from ..schema import annotation_tables, articles
from .columns import span_text
from .paging import FIRST, Key, Page, PageRequest, code, fetch_page

STATEMENTS = annotation_tables["statements"]
KEYS = (Key("published", descending=True, missing=FIRST), Key("article_id"), Key("idx", int))


@dataclass(frozen=True, slots=True)
class StatementFilters:
    speaker: str | None = None
    """The speaker's actor code, in any case."""
    anonymous: bool | None = None
    """Only unnamed sources (True) or only named ones (False)."""


def list_statements(store: Store, filters: StatementFilters, request: PageRequest) -> Page:
    """Statements, newest article first (undated last), each with its speaker, whom it
    came through (``via``: the reporting chain, outermost first) and the offsets of its
    content, cue and speaker in its article's text."""
    query = (select(STATEMENTS.c.article_id, STATEMENTS.c.idx, articles.c.published,
                    STATEMENTS.c.data, span_text(STATEMENTS))
             .join(articles, articles.c.id == STATEMENTS.c.article_id))
    if code(filters.speaker):
        query = query.where(STATEMENTS.c.speaker_actor == code(filters.speaker))
    if filters.anonymous is not None:
        query = query.where(STATEMENTS.c.anonymous == filters.anonymous)
    page = fetch_page(store, query, KEYS, request)
    return Page([_row(r) for r in page.items], page.next)


def _row(row: dict[str, Any]) -> dict[str, Any]:
    data = row["data"]
    speaker = data.get("speaker") or {}
    cue = data.get("cue_span") or (None, None)
    return {"article_id": row["article_id"], "idx": row["idx"],
            "published": row["published"],
            "speaker": speaker.get("name") or speaker.get("text"),
            "actor": speaker.get("actor"), "anonymous": speaker.get("anonymous"),
            "cue": data["cue"], "direct": data["direct"], "content": row["content"],
            "via": data["source_chain"],
            "start": data["start"], "end": data["end"], "cue_start": cue[0],
            "cue_end": cue[1], "speaker_start": speaker.get("start"),
            "speaker_end": speaker.get("end")}
