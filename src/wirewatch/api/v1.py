"""The JSON API under ``/api/v1``: the ledger to read, and articles to submit."""

from __future__ import annotations

import hmac
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..errors import InputError, StoreError
from ..extract.scope import coding_note
from ..model import EVENT_TYPES, MODALITIES
from ..store import Store
from . import queries


def reader(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Reading is open unless the server was started with WIREWATCH_READ_TOKEN."""
    token = request.app.state.read_token
    if token and not _bearer_matches(authorization, token):
        raise HTTPException(401, "a valid bearer token is needed to read this server")


def _bearer_matches(authorization: str | None, token: str) -> bool:
    given = (authorization or "").removeprefix("Bearer ").strip()
    return hmac.compare_digest(given.encode(), token.encode())


router = APIRouter(prefix="/api/v1", dependencies=[Depends(reader)])

EventType = StrEnum("EventType", {t: t for t in EVENT_TYPES})
Modality = StrEnum("Modality", {m: m for m in MODALITIES})
DAY = r"^\d{4}-\d{2}-\d{2}$"

Cursor = Annotated[str | None, Query(description="The `next` value of the previous page")]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page")]


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    next: str | None = Field(description="Cursor of the next page; null on the last page")


class Submission(BaseModel):
    """An article to extract and store: ``text``, ``html`` or a ``url`` to fetch."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or datetime")


class Stored(BaseModel):
    id: str
    new: bool
    events: int
    story: int | None = None
    copy_of: str | None = None


def store_of(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store_of)]


def _paged(call: Any, *args: Any) -> PageOut:
    try:
        page = call(*args)
    except InputError as err:
        raise HTTPException(422, str(err)) from None
    return PageOut(items=page.items, next=page.next)


@router.get("/articles", response_model=PageOut, tags=["articles"])
def list_articles(store: StoreDep, q: Annotated[str | None, Query(
        description="Words the text must contain")] = None,
        source: Annotated[str | None, Query(description="Publisher")] = None,
        cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Stored articles, most recently ingested first."""
    return _paged(queries.article_page, store, q, source, cursor, limit)


@router.get("/articles/{article_id}", tags=["articles"])
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """One article with all its annotations (the JSON contract), by id or unique prefix, and
    ``not_coded``: why it has no events when it was not coded (its language or its scope)."""
    try:
        document = store.document(store.find_article_id(article_id))
    except StoreError:
        raise HTTPException(404, f"no article with id {article_id!r}") from None
    # Beside the contract: why an article has no events (its language, or out of scope).
    return {**document.to_dict(),
            "not_coded": coding_note(document.article, len(document.actors))}


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writing needs ``Authorization: Bearer <WIREWATCH_TOKEN>``."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writing is disabled: start the server with WIREWATCH_TOKEN")
    if not _bearer_matches(authorization, token):
        raise HTTPException(401, "a valid bearer token is needed to write")


@router.post("/articles", response_model=Stored, status_code=201, tags=["articles"],
             dependencies=[Depends(writer)])
def submit_article(submission: Submission, request: Request, store: StoreDep) -> Stored:
    """Extract an article from text, HTML or a URL, store it and link it."""
    from ..batch import extract_documents
    from ..ingest import Failure
    from ..ingest.jsonl import article_from_mapping
    from ..model import Document

    record = submission.model_dump()
    if not (record["text"] or record["html"]):
        if not record["url"]:
            raise HTTPException(422, "give one of text, html or url")
        record["html"] = _fetch(record["url"])
    try:
        raw = article_from_mapping(record, "submitted article")
    except InputError as err:
        raise HTTPException(422, str(err)) from None
    settings = request.app.state.settings
    ((_, outcome),) = list(extract_documents([raw], settings))
    if isinstance(outcome, Failure) or not isinstance(outcome, Document):
        raise HTTPException(422, getattr(outcome, "reason", "the article could not be read"))
    new = store.save(outcome, "api")
    linked = store.link(outcome) if new else None
    return Stored(id=outcome.article.id, new=new, events=len(outcome.events),
                  story=(linked or {}).get("story"), copy_of=(linked or {}).get("copy_of"))


def _fetch(url: str) -> str:
    if not url.startswith(("http://", "https://")):
        raise HTTPException(422, f"{url!r} is not an http(s) URL")
    import trafilatura

    html = trafilatura.fetch_url(url)
    if not html:
        raise HTTPException(502, f"could not fetch {url}")
    return html


def _filters(type: EventType | None, actor: str | None, country: str | None,
             modality: Modality | None, since: str | None, until: str | None,
             place: str | None, publisher: str | None) -> dict[str, Any]:
    return {"type": type.value if type else None, "actor": actor, "country": country,
            "modality": modality.value if modality else None, "since": since,
            "until": until, "place": place, "publisher": publisher}


@router.get("/events", response_model=PageOut, tags=["events"])
def list_events(
    store: StoreDep,
    type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,
    actor: Annotated[str | None, Query(description="Source or target code, or its start")]
    = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$",
                                         description="Source or target country (alpha-3)")]
    = None,
    modality: Annotated[Modality | None, Query()] = None,
    since: Annotated[str | None, Query(pattern=DAY, description="First day (YYYY-MM-DD)")]
    = None,
    until: Annotated[str | None, Query(pattern=DAY, description="Last day (YYYY-MM-DD)")]
    = None,
    place: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$",
                                       description="Country of the event's place")]
    = None,
    publisher: Annotated[str | None, Query()] = None,
    merged: Annotated[bool, Query(description="Merged events instead of mentions")] = False,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut:
    """Event mentions (or, with ``merged``, real events merged across articles with their
    corroboration), oldest day first."""
    filters = _filters(type, actor, country, modality, since, until, place, publisher)
    if merged:
        return _paged(queries.merged_page, store, filters, cursor, limit)
    return _paged(queries.event_page, store, filters, cursor, limit)


@router.get("/actors", response_model=PageOut, tags=["ledger"])
def list_actors(store: StoreDep, country: Annotated[str | None, Query(
        pattern=r"^[A-Za-z]{3}$")] = None, cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Actors with the number of articles and mentions, by code."""
    return _paged(queries.actor_page, store, country, cursor, limit)


@router.get("/places", response_model=PageOut, tags=["ledger"])
def list_places(store: StoreDep, country: Annotated[str | None, Query(
        pattern=r"^[A-Z]{3}$")] = None, cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Resolved places across articles."""
    return _paged(queries.annotation_page, store, "places", {"country": country}, cursor,
                  limit)


@router.get("/statements", response_model=PageOut, tags=["ledger"])
def list_statements(store: StoreDep, speaker: Annotated[str | None, Query(
        description="Speaker's actor code")] = None, anonymous: Annotated[bool | None, Query(
        description="Only statements of unnamed sources (true) or of named ones (false)")]
        = None, cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Quotes and reported speech across articles."""
    return _paged(queries.annotation_page, store, "statements",
                  {"speaker_actor": speaker, "anonymous": anonymous}, cursor, limit)


@router.get("/stories", response_model=PageOut, tags=["ledger"])
def list_stories(store: StoreDep, cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Stories, newest first."""
    return _paged(queries.story_page, store, cursor, limit)


@router.get("/claims", response_model=PageOut, tags=["ledger"])
def list_claims(store: StoreDep, actor: Annotated[str | None, Query()] = None,
                unit: Annotated[str | None, Query()] = None, cursor: Cursor = None,
                limit: Limit = 50) -> PageOut:
    """Figures reported for merged events, with conflicts flagged within each page."""
    return _paged(queries.claim_page, store, actor, unit, cursor, limit)
