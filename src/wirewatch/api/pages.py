"""The analyst's pages: server-rendered Jinja2 templates over the same queries as the API.

Every stored field (text, title, URL, publisher, names) reaches the page only through Jinja2's
autoescaping, so markup inside an article is shown as text and never runs; a URL becomes a
link only when it is http(s) (``is web_url``), and the pages run no inline script or style,
which the content-security policy forbids.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from fastapi.templating import Jinja2Templates

from ..errors import InputError, StoreError
from ..extractors.scope import coding_note
from ..kinds import KINDS, Kind
from ..model import EVENT_TYPES, MODALITIES, Document
from ..store import read
from ..store.read import PageRequest
from ..urls import http_url
from .charts import BOUND_SIGN, claim_chart, rank_series, timeline_chart
from .v1 import DAY, StoreDep, _one_of

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.tests["web_url"] = lambda value: http_url(value) is not None
router = APIRouter(include_in_schema=False)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
IRREGULAR = {"story": "stories", "quantity": "quantities", "country": "countries",
             "series": "series"}


def plural(n: int, noun: str) -> str:
    """ "1 article", "2 articles", "1,234 stories": a count with its noun agreeing."""
    word = noun if n == 1 else IRREGULAR.get(noun, noun + "s")
    return f"{n:,} {word}"


def as_written(value: str | None) -> str:
    """A date at the precision the text gave it: a week stays ``2024-W44``, a month reads
    ``Oct 2024``, a day ``2024-10-29``; an event without a date is ``undated``."""
    if not value:
        return "undated"
    year, _, rest = value.partition("-")
    if len(rest) == 2 and rest.isdigit() and 1 <= int(rest) <= 12 and year.isdigit():
        return f"{MONTHS[int(rest) - 1]} {year}"
    return value


templates.env.filters["plural"] = plural
templates.env.filters["as_written"] = as_written


def marked_kinds() -> list[Kind]:
    """The kinds the article page marks (those with a title), in the registry's order."""
    return [kind for kind in KINDS.values() if kind.title is not None]



def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"modalities": MODALITIES,
                                                      "types": EVENT_TYPES, **context})


def with_evidence(store: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows with what ``store.read.event_evidence`` finds for each: the sentence around
    the trigger, the speaker, and the names beside the actor codes."""
    found = read.event_evidence(store, [(r["article_id"], r["idx"]) for r in rows])
    return [r | {"evidence": found.get((r["article_id"], r["idx"]), {})} for r in rows]


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, store: StoreDep) -> HTMLResponse:
    counts = read.event_counts(store)
    peak = max((sum(c.values()) for c in counts["months"].values()), default=1)
    total = sum(sum(by.values()) for by in counts["types"].values())
    dated = sum(sum(by.values()) for by in counts["months"].values())
    return page(request, "dashboard.html", counts=counts["types"], months=counts["months"],
                peak=peak, latest=with_evidence(store, read.latest_events(store, 12)),
                actors=read.list_actors(store, read.ActorFilters(), PageRequest(10)).items,
                n_articles=counts["articles"], n_events=total, undated=total - dated)


@router.get("/articles", response_class=HTMLResponse)
def article_list(request: Request, store: StoreDep,
                 q: Annotated[str | None, Query()] = None,
                 cursor: Annotated[str | None, Query()] = None) -> HTMLResponse:
    try:
        found = read.list_articles(store, read.ArticleFilters(q=q), PageRequest(50, cursor))
    except InputError as err:
        raise HTTPException(422, str(err)) from None
    return page(request, "articles.html", rows=found.items, next=found.next, q=q or "")


def segments(document: Document) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The text cut at every annotation boundary; each piece lists the annotations over it."""
    text = document.article.text
    spans: list[tuple[str, str, int, int, str]] = []
    for kind in marked_kinds():
        for i, item in enumerate(document.annotations(kind.key)):
            start, end = kind.marked(item)
            spans.append((kind.page_class, f"{kind.name}-{i}", start, end, kind.title(item)))
    cuts = sorted({0, len(text), *(s[2] for s in spans), *(s[3] for s in spans)})
    pieces = []
    for start, end in pairwise(cuts):
        over = [s for s in spans if s[2] <= start and end <= s[3]]
        pieces.append({"text": text[start:end], "kinds": sorted({s[0] for s in over}),
                       "ids": [s[1] for s in over], "titles": "; ".join(s[4] for s in over)})
    events = []
    for i, ev in enumerate(document.events):
        events.append({"id": f"event-{i}", "event": ev,
                       "trigger": text[ev.trigger[0]:ev.trigger[1]],
                       "sentence": text[ev.sentence[0]:ev.sentence[1]],
                       "place": document.places[ev.place].text if ev.place is not None
                       else None,
                       "quantity": document.quantities[ev.quantity].text
                       if ev.quantity is not None else None})
    return pieces, events


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_view(article_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    try:
        document = store.document(store.find_article_id(article_id))
    except StoreError:
        raise HTTPException(404, f"no article with id {article_id!r}") from None
    pieces, events = segments(document)
    return page(request, "article.html", article=document.article, pieces=pieces,
                events=events, kinds=[kind.page_class for kind in marked_kinds()],
                note=coding_note(document.article, len(document.actors)))


def event_filters(type: Annotated[str | None, Query()] = None,
                  actor: Annotated[str | None, Query()] = None,
                  modality: Annotated[str | None, Query()] = None,
                  since: Annotated[str | None, Query()] = None,
                  until: Annotated[str | None, Query()] = None,
                  publisher: Annotated[str | None, Query()] = None,
                  country: Annotated[str | None, Query()] = None,
                  place: Annotated[str | None, Query()] = None) -> dict[str, str | None]:
    """The events table's filters from the URL, as the API reads them (an empty field
    means no filter), so the table, its downloads and ``/api/v1/events`` agree."""
    filters = {"type": _one_of("type", type, EVENT_TYPES), "actor": actor or None,
               "modality": _one_of("modality", modality, MODALITIES),
               "since": since or None, "until": until or None, "publisher": publisher or None,
               "country": country or None, "place": place or None}
    for name in ("since", "until"):
        if filters[name] and not re.fullmatch(DAY, filters[name] or ""):
            raise HTTPException(422, f"{name}: {filters[name]!r} is not a day (YYYY-MM-DD)")
    return filters


EventFiltersDep = Annotated[dict[str, str | None], Depends(event_filters)]


@router.get("/events", response_class=HTMLResponse)
def event_table(request: Request, store: StoreDep, filters: EventFiltersDep,
                cursor: Annotated[str | None, Query()] = None) -> HTMLResponse:
    """The events table with the API's filters, each row with its evidence to unfold."""
    try:
        found = read.list_events(store, read.EventFilters(**filters), PageRequest(200, cursor))
    except InputError as err:
        raise HTTPException(422, str(err)) from None
    chosen = {k: v for k, v in filters.items() if v}
    return page(request, "events.html", rows=with_evidence(store, found.items),
                next=found.next, filters={k: v or "" for k, v in filters.items()},
                chosen=chosen)


def all_events(store: Any, filters: dict[str, str | None]) -> Iterator[dict[str, Any]]:
    """Every event row that passes the filters, a page of the read layer at a time."""
    cursor = None
    while True:
        found = read.list_events(store, read.EventFilters(**filters), PageRequest(500, cursor))
        yield from found.items
        if found.next is None:
            return
        cursor = found.next


def _first(store: Any, filters: dict[str, str | None]
           ) -> tuple[Iterator[dict[str, Any]], dict[str, Any] | None]:
    """The rows and the first of them, read before the response starts, so that a filter the
    read layer refuses is still a 422 and not a broken download."""
    rows = all_events(store, filters)
    try:
        return rows, next(rows, None)
    except InputError as err:
        raise HTTPException(422, str(err)) from None


def _download(name: str, media: str, body: Iterator[str]) -> StreamingResponse:
    return StreamingResponse(body, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/events.csv")
def events_csv(store: StoreDep, filters: EventFiltersDep) -> StreamingResponse:
    """The filtered events as CSV: the API's fields, a list as one cell joined by "; "."""
    rows, first = _first(store, filters)

    def lines() -> Iterator[str]:
        if first is None:
            return
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(first), extrasaction="ignore")
        writer.writeheader()
        writer.writerow(_cells(first))
        yield buffer.getvalue()
        for row in rows:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(_cells(row))
            yield buffer.getvalue()

    return _download("events.csv", "text/csv; charset=utf-8", lines())


def _cells(row: dict[str, Any]) -> dict[str, Any]:
    return {k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}


@router.get("/events.json")
def events_json(store: StoreDep, filters: EventFiltersDep) -> StreamingResponse:
    """The filtered events as one JSON array of the API's items."""
    rows, first = _first(store, filters)

    def chunks() -> Iterator[str]:
        if first is None:
            yield "[]\n"
            return
        yield "[\n" + json.dumps(first, ensure_ascii=False)
        for row in rows:
            yield ",\n" + json.dumps(row, ensure_ascii=False)
        yield "\n]\n"

    return _download("events.json", "application/json", chunks())


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API's interactive documentation, from the vendored Swagger UI (no CDN)."""
    return page(request, "docs.html")


TIMELINE_LIMIT = 2000
"""Most events one view of the timeline draws; past it the page says so (zoom in)."""
LANES = ("type", "actor")
MIN_DAYS = 3
"""The shortest range the timeline zooms to."""


def view_range(whole: tuple[date, date], since: date | None, until: date | None
               ) -> tuple[date, date]:
    """The days a timeline shows: ``since`` to ``until`` where given (either may be left
    out), else the whole range of dated events with a little room either side; never fewer
    than ``MIN_DAYS``, earliest first."""
    first, last = whole
    pad = timedelta(days=max(1, round((last - first).days * 0.03)))
    start = since or first - pad
    end = until or last + pad
    start, end = min(start, end), max(start, end)
    short = MIN_DAYS - 1 - (end - start).days
    if short > 0:
        start -= timedelta(days=short // 2)
        end += timedelta(days=short - short // 2)
    return start, end


def _range_url(lanes: str, start: date | None = None, end: date | None = None) -> str:
    query = {"lanes": lanes} if lanes != "type" else {}
    if start and end:
        query |= {"since": start.isoformat(), "until": end.isoformat()}
    return "/timeline" + (f"?{urlencode(query)}" if query else "")


def _day(name: str, value: str | None) -> date | None:
    """A day from the URL; an empty field is none, anything but a calendar day a 422."""
    if not value:
        return None
    try:
        if re.fullmatch(DAY, value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise HTTPException(422, f"{name}: {value!r} is not a day (YYYY-MM-DD)")


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, store: StoreDep,
             since: Annotated[str | None, Query()] = None,
             until: Annotated[str | None, Query()] = None,
             lanes: Annotated[str, Query()] = "type") -> HTMLResponse:
    """Events on a real time axis, one lane per type or actor, coloured by modality; the
    range shown is in the URL (``since``, ``until``), so zooming, panning and a shared link
    all say which days they show."""
    if lanes not in LANES:
        raise HTTPException(422, f"lanes: {lanes!r} is not one of {', '.join(LANES)}")
    since, until = _day("since", since), _day("until", until)
    whole = read.event_days(store)
    if whole["first"] is None:
        return page(request, "timeline.html", chart=None, lanes=lanes, lane_choices=LANES)
    first, last = view_range((date.fromisoformat(whole["first"]),
                              date.fromisoformat(whole["last"])), since, until)
    rows = read.dated_events(store, TIMELINE_LIMIT, first.isoformat(), last.isoformat())
    shown = read.event_days(store, first.isoformat(), last.isoformat())["count"]
    span = (last - first).days + 1
    quarter, half = timedelta(days=span // 4), timedelta(days=max(1, span // 2))
    moves = {"zoom in": _range_url(lanes, first + quarter, last - quarter)
             if span > MIN_DAYS else None,
             "zoom out": _range_url(lanes, first - half, last + half),
             "earlier": _range_url(lanes, first - half, last - half),
             "later": _range_url(lanes, first + half, last + half),
             "whole range": _range_url(lanes) if since or until else None}
    return page(request, "timeline.html", chart=timeline_chart(rows, first, last, lanes),
                lanes=lanes, lane_choices=LANES, shown=shown, drawn=len(rows), whole=whole,
                moves=moves, since=first.isoformat(), until=last.isoformat())


@router.get("/timeline/evidence/{article_id}/{idx}", response_class=HTMLResponse)
def timeline_evidence(article_id: str, idx: int, request: Request,
                      store: StoreDep) -> HTMLResponse:
    """One event mention's evidence, as the timeline shows it where an event is clicked: its
    sentence with the trigger marked, its actors by name, the speaker and the article."""
    found = read.event_evidence(store, [(article_id, idx)]).get((article_id, idx))
    if found is None:
        raise HTTPException(404, f"no event {idx} in article {article_id!r}")
    return templates.TemplateResponse(request, "_evidence.html", {
        "e": found, "article_id": article_id, "idx": idx})


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request, store: StoreDep) -> HTMLResponse:
    return page(request, "map.html", markers=read.placed_events(store, 2000))


@router.get("/claims", response_class=HTMLResponse)
def claim_charts(request: Request, store: StoreDep) -> HTMLResponse:
    """Series reported more than once as charts, most independently reported first; figures
    reported once in a table below."""
    rows = read.list_claims(store, read.ClaimFilters(), PageRequest(2000)).items
    series, alone = rank_series(rows)
    for chart in series:
        chart["chart"] = claim_chart(chart["rows"])
    return page(request, "claims.html", series=series, alone=alone, signs=BOUND_SIGN)


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(code: str, request: Request, store: StoreDep) -> HTMLResponse:
    code = code.upper()
    events = with_evidence(store, [r for r in read.list_events(
        store, read.EventFilters(actor=code), PageRequest(500)).items
        if code in (r["source"], r["target"])])
    as_source = [r for r in events if r["source"] == code]
    as_target = [r for r in events if r["target"] == code]
    partners = Counter(r["target"] if r["source"] == code else r["source"] for r in events)
    partners.pop(None, None)
    statements = read.list_statements(store, read.StatementFilters(speaker=code),
                                      PageRequest(100)).items
    if not events and not statements:
        raise HTTPException(404, f"no events or statements for actor {code}")
    return page(request, "actor.html", code=code, as_source=as_source, as_target=as_target,
                partners=partners.most_common(15), statements=statements)
