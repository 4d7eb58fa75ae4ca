"""The JSON API under ``/api/v1``: the ledger to read, and articles to submit.

Who may read and write is checked for every request by ``guard.Guard`` before a route runs;
write routes also carry the ``writer`` dependency, so a route moved to another application
keeps its check.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator

from ..errors import InputError, StoreError
from ..extractors.scope import coding_note
from ..model import EVENT_TYPES, MODALITIES
from ..store import Store, read
from ..store.read import Page, PageRequest
from ..urls import http_url
from .guard import write_problem

# Declared for the schema, so that /docs offers "Authorize"; the guard does the checking.
bearer_token = HTTPBearer(auto_error=False, description="The read token (reading, when the "
                          "server has one) or the write token (writing and reading)")
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_token)]


def writer(request: Request, _: BearerDep) -> None:
    """Writing needs ``Authorization: Bearer <WIREWATCH_TOKEN>``, compared in constant time."""
    problem = write_problem(request.app.state, request.headers.get("authorization"))
    if problem is not None:
        raise HTTPException(*problem)


router = APIRouter(prefix="/api/v1", dependencies=[Depends(bearer_token)])
write_router = APIRouter(prefix="/api/v1", dependencies=[Depends(writer)])

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

    @field_validator("*")
    @classmethod
    def no_nul(cls, value: str | None) -> str | None:
        """A NUL character cannot be stored as text (PostgreSQL refuses it)."""
        if value is not None and "\x00" in value:
            raise ValueError("holds a NUL character")
        return value

    @field_validator("url")
    @classmethod
    def web_url(cls, value: str | None) -> str | None:
        """Only http(s) URLs are kept: any other scheme could run as a link on the pages."""
        if value is not None and value.strip() and http_url(value) is None:
            raise ValueError("only an absolute http:// or https:// URL is accepted")
        return http_url(value)


class Stored(BaseModel):
    id: str
    new: bool
    events: int
    story: int | None = None
    copy_of: str | None = None


def store_of(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(store_of)]


def _paged(listing: Any, store: Store, *filters: Any, cursor: str | None,
           limit: int) -> PageOut:
    """One page of a ``store.read`` listing, with a bad cursor or filter as a 422."""
    try:
        page: Page = listing(store, *filters, PageRequest(limit, cursor))
    except InputError as err:
        raise HTTPException(422, str(err)) from None
    return PageOut(items=page.items, next=page.next)


@router.get("/articles", response_model=PageOut, tags=["articles"])
def list_articles(store: StoreDep, q: Annotated[str | None, Query(
        description="Words the text must contain")] = None,
        source: Annotated[str | None, Query(description="Publisher")] = None,
        cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Stored articles, newest publication first (undated last)."""
    return _paged(read.list_articles, store, read.ArticleFilters(q, source), cursor=cursor,
                  limit=limit)


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


@write_router.post("/articles", response_model=Stored, status_code=201, tags=["articles"])
def submit_article(submission: Submission, request: Request, store: StoreDep) -> Stored:
    """Extract an article from text, HTML or a URL, store it and link it."""
    from ..ingest.jsonl import article_from_mapping
    from ..link import store_outcomes
    from ..pipeline import extract_documents

    settings = request.app.state.settings
    record = submission.model_dump()
    if record["text"] and len(record["text"]) > settings.max_chars:
        raise HTTPException(422, f"text: {len(record['text'])} characters, more than max_chars "
                            f"({settings.max_chars})")
    if not (record["text"] or record["html"]):
        if not record["url"]:
            raise HTTPException(422, "give one of text, html or url")
        record["html"] = _fetch(record["url"], settings)
    try:
        raw = article_from_mapping(record, "submitted article")
    except InputError as err:
        raise HTTPException(422, str(err)) from None
    ((_, outcome),) = extract_documents([raw], settings)
    (done,) = store_outcomes(store, [("api", outcome)])
    if done.document is None:
        raise HTTPException(422, done.reason or "the article could not be read")
    links = done.links or {}
    return Stored(id=done.document.article.id, new=done.status == "stored",
                  events=len(done.document.events), story=links.get("story"),
                  copy_of=links.get("copy_of"))


def _fetch(url: str, settings: Any) -> str:
    """The page at ``url`` through the project's one fetcher (``ingest.fetch``), refused (422)
    when it is on a loopback, private, link-local or metadata address, after any redirect,
    unless ``allow_private`` is set."""
    from ..ingest.fetch import FetchFailed, fetch_page

    try:
        return fetch_page(url, allow_private=settings.allow_private,
                          max_bytes=min(settings.max_body_bytes, settings.max_page_bytes),
                          timeout=settings.fetch_timeout)
    except FetchFailed as err:
        raise HTTPException(502, str(err)) from None
    except InputError as err:  # refused: its address, size, type, or bytes that are no text
        raise HTTPException(422, f"url: {err}") from None


def _one_of(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """A value of a closed list given in any case, as the list spells it (422 if none)."""
    if not value:
        return None
    for choice in allowed:
        if choice.lower() == value.strip().lower():
            return choice
    raise HTTPException(422, f"{name}: {value[:40]!r} is not one of {', '.join(allowed)}")


@router.get("/events", response_model=PageOut, tags=["events"])
def list_events(
    store: StoreDep,
    type: Annotated[str | None, Query(description="PLOVER event type, in any case: "
                                      + ", ".join(EVENT_TYPES))] = None,
    actor: Annotated[str | None, Query(description="Source or target code, or its start")]
    = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$",
                                         description="Source or target country (alpha-3)")]
    = None,
    modality: Annotated[str | None, Query(description="In any case: "
                                          + ", ".join(MODALITIES))] = None,
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
    filters = read.EventFilters(type=_one_of("type", type, EVENT_TYPES), actor=actor,
                                country=country,
                                modality=_one_of("modality", modality, MODALITIES),
                                since=since, until=until, place=place, publisher=publisher)
    listing = read.list_merged_events if merged else read.list_events
    return _paged(listing, store, filters, cursor=cursor, limit=limit)


@router.get("/actors", response_model=PageOut, tags=["ledger"])
def list_actors(store: StoreDep, country: Annotated[str | None, Query(
        pattern=r"^[A-Za-z]{3}$")] = None, cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Actors with the number of articles and mentions that name them, most named first."""
    return _paged(read.list_actors, store, read.ActorFilters(country), cursor=cursor,
                  limit=limit)


@router.get("/places", response_model=PageOut, tags=["ledger"])
def list_places(store: StoreDep, country: Annotated[str | None, Query(
        pattern=r"^[A-Za-z]{3}$")] = None, cursor: Cursor = None, limit: Limit = 50
                ) -> PageOut:
    """Resolved places across articles."""
    return _paged(read.list_places, store, read.PlaceFilters(country), cursor=cursor,
                  limit=limit)


@router.get("/statements", response_model=PageOut, tags=["ledger"])
def list_statements(store: StoreDep, speaker: Annotated[str | None, Query(
        description="Speaker's actor code")] = None, anonymous: Annotated[bool | None, Query(
        description="Only statements of unnamed sources (true) or of named ones (false)")]
        = None, cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Quotes and reported speech across articles."""
    return _paged(read.list_statements, store, read.StatementFilters(speaker, anonymous),
                  cursor=cursor, limit=limit)


@router.get("/stories", response_model=PageOut, tags=["ledger"])
def list_stories(store: StoreDep, cursor: Cursor = None, limit: Limit = 50) -> PageOut:
    """Stories, most recently active first."""
    return _paged(read.list_stories, store, cursor=cursor, limit=limit)


@router.get("/claims", response_model=PageOut, tags=["ledger"])
def list_claims(store: StoreDep, actor: Annotated[str | None, Query()] = None,
                unit: Annotated[str | None, Query()] = None, cursor: Cursor = None,
                limit: Limit = 50) -> PageOut:
    """Figures reported for merged events, with conflicts flagged within each page."""
    return _paged(read.list_claims, store, read.ClaimFilters(actor, unit), cursor=cursor,
                  limit=limit)
