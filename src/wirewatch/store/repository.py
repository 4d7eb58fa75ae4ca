"""Repository functions over the schema: idempotent saves, failures, reading back."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    event,
    func,
    inspect,
    make_url,
    select,
    text,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from ..errors import MissingDatabase, StoreError
from ..ingest.base import without_origin
from ..kinds import KINDS, document_from_plain
from ..model import Document
from .schema import article_links, articles, derived, failures, kind_tables, metadata
from .write import failure_key, insert_document, record_failure


def database_url(db: str) -> str:
    """A bare path means an SQLite file; ``postgresql://`` uses psycopg 3."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


# Seconds to wait for a PostgreSQL server before saying it cannot be reached.
POSTGRES_CONNECT_TIMEOUT = 10
# Milliseconds an SQLite connection waits for another's write lock before giving up: a
# writer holds it for one article, so a reader-writer or two writers never see "locked".
SQLITE_BUSY_TIMEOUT_MS = 30_000
# The execution option naming how an SQLite transaction begins (DEFERRED or IMMEDIATE).
BEGIN_OPTION = "wirewatch_sqlite_begin"
# The PostgreSQL advisory lock that a store's write transactions hold (any fixed number).
WRITE_LOCK = 0x77697265  # "wire"





class Store:
    """One database holding articles, their annotations and the failures of past runs.

    ``close()`` (or leaving a ``with`` block) closes its connections: a pooled connection left
    to the garbage collector is an unclosed socket on PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection; the store opens new ones if it is used again."""
        self.engine.dispose()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def save(self, document: Document, origin: str | None = None) -> bool:
        """Store a document unless an article with its id is there; True if it was new.
        Storing and linking in one transaction is ``wirewatch.link.store_and_link``: the
        store sits below linking and never calls it."""
        with self.writing() as conn:
            return insert_document(conn, document, origin)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction that excludes every other writer of the ledger from its start:
        linking reads counts and neighbours and writes them back, so two writers at once
        would lose updates or store one article twice. SQLite takes its write lock (BEGIN
        IMMEDIATE, which waits for another writer rather than failing at its first write);
        PostgreSQL takes a transaction-level advisory lock. Readers are never blocked."""
        with self._writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
            yield conn

    def unlinked(self) -> list[str]:
        """Ids of stored articles not linked yet, oldest publication first."""
        query = (select(articles.c.id).outerjoin(
            article_links, article_links.c.article_id == articles.c.id)
            .where(article_links.c.article_id.is_(None))
            .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id))
        with self.engine.connect() as conn:
            return [r.id for r in conn.execute(query)]

    def record_failure(self, origin: str, reason: str) -> None:
        """Record why an item failed: one row per item and reason, so a rerun that fails the
        same way only updates the row's time."""
        with self.writing() as conn:
            record_failure(conn, origin, reason)

    def failures(self) -> list[dict[str, Any]]:
        query = select(failures.c.origin, failures.c.reason, failures.c.at).order_by(failures.c.id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def find_article_id(self, prefix: str) -> str:
        """The full id of the one article whose id starts with ``prefix``; ids are hex digests,
        so anything else (a LIKE wildcard such as ``%``) names no article."""
        if not re.fullmatch(r"[0-9a-f]{1,64}", prefix.lower()):
            raise StoreError(f"no article with id {prefix!r} in {self.url}")
        query = (select(articles.c.id)
                 .where(articles.c.id.startswith(prefix.lower(), autoescape=True)).limit(2))
        with self.engine.connect() as conn:
            ids = [r.id for r in conn.execute(query)]
        if not ids:
            raise StoreError(f"no article with id {prefix!r} in {self.url}")
        if len(ids) > 1:
            raise StoreError(f"id {prefix!r} is ambiguous: give more characters")
        return ids[0]

    def document(self, article_id: str) -> Document:
        with self.engine.connect() as conn:
            return load_document(conn, article_id, self.url)


_LINKED = select(article_links.c.article_id).where(article_links.c.article_id == bindparam("id"))


def is_linked(conn: Connection, article_id: str) -> bool:
    """Whether a stored article has been linked (it has its row in ``article_links``)."""
    return conn.execute(_LINKED, {"id": article_id}).first() is not None


def load_document(conn: Connection, article_id: str, shown: str | None = None) -> Document:
    """A stored document as it was extracted, read in the caller's transaction."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        where = f" in {shown}" if shown else ""
        raise StoreError(f"no article with id {article_id!r}{where}")
    data: dict[str, Any] = {"article": dict(row._mapping)}
    for name, table in kind_tables().items():
        query = select(table.c.data).where(table.c.article_id == article_id).order_by(table.c.idx)
        data[name] = [r.data for r in conn.execute(query)]
    return document_from_plain(data)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL (readers never wait for the writer), a busy timeout, and transactions that SQLAlchemy
    begins itself: the driver's own would begin only at the first write, so reads would not
    see one snapshot and savepoints would not nest (see ``_sqlite_begin``)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """Begin SQLite transactions explicitly; a store's writes begin IMMEDIATE, taking the
    write lock first, since a deferred one that reads and then writes fails at once (no busy
    wait) when another writer committed in between."""
    mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _add_missing_columns(engine: Engine) -> None:
    """Bring a database made by an earlier version up to the schema: new columns are added,
    filled from the stored items where they are derived from them, and nothing is dropped."""
    inspector = inspect(engine)
    for table in metadata.sorted_tables:
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in have:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            derive = derived(KINDS[table.name]).get(column.name) if table.name in KINDS \
                else None
            with engine.begin() as conn:
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" '
                                  f"{kind}"))
                if derive is None:
                    continue
                for row in conn.execute(select(table.c.article_id, table.c.idx,
                                               table.c.data)).all():
                    conn.execute(update(table).where(table.c.article_id == row.article_id,
                                                     table.c.idx == row.idx)
                                 .values({column.name: _derived(derive, row.data)}))


def _add_missing_indexes(engine: Engine) -> None:
    """Make the indexes a database made by an earlier version lacks."""
    for table in metadata.sorted_tables:
        for index in table.indexes:
            index.create(engine, checkfirst=True)


def _derived(derive: Callable[[dict[str, Any]], Any], data: Any) -> Any:
    """A derived column's value for a stored item, empty where the item lacks its source."""
    try:
        return derive(data)
    except (KeyError, TypeError, IndexError, AttributeError):
        return None


def _full_text_index(engine: Engine) -> None:
    """SQLite's FTS5 index of article text, filled for articles stored before it existed."""
    with engine.begin() as conn:
        conn.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts "
                          "USING fts5(id UNINDEXED, text)"))
        indexed = conn.execute(text("SELECT count(*) FROM articles_fts")).scalar_one()
        stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        if indexed != stored:
            conn.execute(text("DELETE FROM articles_fts"))
            conn.execute(text("INSERT INTO articles_fts (id, text) SELECT id, text FROM articles"))


def _one_row_per_failure(engine: Engine) -> None:
    """Key the failures of a database made before they were kept one row per item and reason:
    reasons lose the origin they repeated, repeats of a row go (it keeps the latest time),
    and the unique index is made."""
    if any(ix["name"] == "ux_failures_key" for ix in inspect(engine).get_indexes("failures")):
        return
    with engine.begin() as conn:
        kept: dict[str, tuple[int, str]] = {}
        for row in conn.execute(select(failures).order_by(failures.c.id)).all():
            reason = without_origin(row.reason, row.origin)
            key = failure_key(row.origin, reason)
            if key in kept:
                conn.execute(failures.delete().where(failures.c.id == row.id))
                first, _ = kept[key]
                kept[key] = (first, max(row.at, kept[key][1]))
            else:
                kept[key] = (row.id, row.at)
                conn.execute(update(failures).where(failures.c.id == row.id)
                             .values(reason=reason, key=key))
        for first, at in kept.values():
            conn.execute(update(failures).where(failures.c.id == first).values(at=at))
        (index,) = (ix for ix in failures.indexes if ix.name == "ux_failures_key")
        index.create(conn, checkfirst=True)


def _shown(db: str) -> str:
    """The database as messages name it: its path, or its URL without the password."""
    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return db.split("://", 1)[0] + "://…"


def _require_database(url: str, db: str) -> None:
    """Refuse an SQLite file that does not exist, rather than make an empty one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if parsed.query.get("uri") or parsed.database.startswith("file:"):
        return  # SQLite's own URI syntax: its options say whether it may create the file
    if not Path(parsed.database).exists():
        raise MissingDatabase(f"no such database: {_shown(db)}")


def _cannot_open(db: str, err: Exception) -> StoreError:
    """One line for a database that cannot be opened; a PostgreSQL database the server does
    not have is missing, as a missing SQLite file is."""
    cause = getattr(err, "orig", None) or err
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    message = lines[0] if lines else type(cause).__name__
    if re.search(r'database "[^"]*" does not exist', message):
        return MissingDatabase(f"no such database: {_shown(db)}")
    return StoreError(f"cannot open database {_shown(db)}: {message}")


def open_store(db: str, create: bool = True) -> Store:
    """Open the database named by a path or SQLAlchemy URL, made and brought up to the schema
    if needed; with ``create=False`` a missing SQLite file is refused (``MissingDatabase``)
    instead of being made empty."""
    url = database_url(db)
    engine = None
    try:
        if not create:
            _require_database(url, db)
        connect_args = {}
        if make_url(url).get_backend_name() == "postgresql" and "connect_timeout" not in url:
            connect_args["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT
        engine = create_engine(url, connect_args=connect_args)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
        kind_tables()  # the tables of kinds registered since the schema was loaded
        metadata.create_all(engine)
        _add_missing_columns(engine)
        _one_row_per_failure(engine)  # makes the failures' key index once they are keyed
        _add_missing_indexes(engine)
        if engine.dialect.name == "sqlite":
            _full_text_index(engine)
    except BaseException as err:
        if engine is not None:
            engine.dispose()
        if isinstance(err, SQLAlchemyError | ModuleNotFoundError | ValueError):
            raise _cannot_open(db, err) from None
        raise
    return Store(engine)
