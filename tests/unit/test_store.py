
import os
import re
import sqlite3
from contextlib import closing

import pytest

from tests.conftest import open_test_store
from wirewatch.errors import InputError, MissingDatabase, StoreError
from wirewatch.store import database_url, open_store, read
from wirewatch.store.read import (
    ActorFilters,
    ArticleFilters,
    EventFilters,
    PageRequest,
    StatementFilters,
)
from wirewatch.store.read.paging import MAX_KEY_CHARS, Key, decode, encode


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, db_path):
    opened = open_test_store(request.param, db_path)
    yield opened
    opened.close()


def articles(store, limit=1000):
    return read.list_articles(store, ArticleFilters(), PageRequest(limit)).items


def actors(store, limit=1000):
    return read.list_actors(store, ActorFilters(), PageRequest(limit)).items


def events(store, limit=1000, **filters):
    return read.list_events(store, EventFilters(**filters), PageRequest(limit)).items


def sample(store, size, seed, **filters):
    return read.sample_events(store, EventFilters(**filters), size, seed)


def statements(store, limit=1000, **filters):
    return read.list_statements(store, StatementFilters(**filters), PageRequest(limit)).items


def test_database_urls():
    assert database_url("ledger.db") == "sqlite:///ledger.db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@127.0.0.1/w") == "postgresql+psycopg://u@127.0.0.1/w"


def test_save_is_idempotent_and_reads_back_exactly(sample_doc, store):
    assert store.save(sample_doc, "sample.txt") is True
    assert store.save(sample_doc, "sample.txt") is False
    assert store.document(sample_doc.article.id) == sample_doc
    (row,) = articles(store)
    article = sample_doc.article
    assert (row["id"], row["published"], row["source"], row["title"], row["url"]) == (
        article.id, article.published, "Yonhap News Agency", article.title, article.url)
    assert row["entities"] == len(sample_doc.entities)
    assert (row["actors"], row["events"]) == (len(sample_doc.actors), len(sample_doc.events))


def test_sqlite_runs_in_wal_mode(db_path):
    with open_store(db_path) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_actor_summary_counts_articles_and_mentions(sample_doc, store):
    store.save(sample_doc)
    rows = {r["code"]: r for r in actors(store)}
    expected = next(a for a in sample_doc.actors if a.code == "PRKMIL")
    assert rows["PRKMIL"]["articles"] == 1
    assert rows["PRKMIL"]["mentions"] == len(expected.mentions)
    assert (rows["PRKMIL"]["name"], rows["PRKMIL"]["country"], rows["PRKMIL"]["role"]) == (
        "North Korea military", "PRK", "MIL")
    # most articles first, then most mentions, then by code
    order = [(-r["articles"], -r["mentions"], r["code"]) for r in actors(store)]
    assert len(order) == len(sample_doc.actors) and order == sorted(order)
    assert len({mentions for _, mentions, _ in order}) > 1  # the mentions decide something
    assert len(actors(store, limit=2)) == 2
    assert set(actors(store)[0]) == {"code", "name", "country", "role", "articles", "mentions"}


def test_failures_are_one_row_per_item_and_reason(store):
    store.record_failure("bad.txt", "bad.txt: binary file, not text")
    (first,) = store.failures()
    assert first["origin"] == "bad.txt" and first["reason"] == "binary file, not text"
    store.record_failure("bad.txt", "binary file, not text")  # a rerun fails the same way
    store.record_failure("bad.txt", "the file is empty")  # the file changed
    store.record_failure("other.txt", "binary file, not text")
    rows = store.failures()
    assert [(f["origin"], f["reason"]) for f in rows] == [
        ("bad.txt", "binary file, not text"), ("bad.txt", "the file is empty"),
        ("other.txt", "binary file, not text")]
    assert rows[0]["at"] >= first["at"]


def test_failures_of_an_older_database_are_keyed(tmp_path):
    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as conn, conn:  # no key column, reasons repeat origins
        conn.execute("CREATE TABLE failures (id INTEGER PRIMARY KEY, origin TEXT NOT NULL,"
                     " reason TEXT NOT NULL, at VARCHAR(32) NOT NULL)")
        conn.executemany("INSERT INTO failures (origin, reason, at) VALUES (?, ?, ?)", [
            ("a.txt", "a.txt: binary file, not text", "2024-01-01T00:00:00+00:00"),
            ("b.txt", "b.txt: the file is empty", "2024-01-01T00:00:01+00:00"),
            ("a.txt", "a.txt: binary file, not text", "2024-01-02T00:00:00+00:00")])
    with open_store(str(path)) as store:
        assert [(f["origin"], f["reason"], f["at"][:10]) for f in store.failures()] == [
            ("a.txt", "binary file, not text", "2024-01-02"),
            ("b.txt", "the file is empty", "2024-01-01")]
        store.record_failure("a.txt", "binary file, not text")
        assert len(store.failures()) == 2
    with open_store(str(path)) as store:  # opening it again changes nothing
        assert len(store.failures()) == 2


def test_a_missing_database_is_refused_and_not_made(tmp_path):
    path = tmp_path / "typo.db"
    with pytest.raises(MissingDatabase, match=f"^no such database: {re.escape(str(path))}$"):
        open_store(str(path), create=False)
    with pytest.raises(MissingDatabase):
        open_store(f"sqlite:///{path}", create=False)
    assert not path.exists()
    open_store(str(path)).close()  # ingest's way: made when missing
    open_store(str(path), create=False).close()


def test_postgresql_that_cannot_be_reached_is_one_line_without_the_password():
    with pytest.raises(StoreError) as raised:
        open_store("postgresql://wire:s3cret@127.0.0.1:1/ledger", create=False)
    message = str(raised.value)
    assert message.startswith("cannot open database postgresql://wire:***@127.0.0.1:1/ledger: ")
    assert "\n" not in message and "s3cret" not in message


def test_a_postgresql_database_the_server_lacks_is_missing():
    url = os.environ.get("WIREWATCH_TEST_POSTGRES")
    if not url:
        pytest.skip("no PostgreSQL server: set WIREWATCH_TEST_POSTGRES or run make test")
    typo = url.rsplit("/", 1)[0] + "/no_such_ledger"
    with pytest.raises(MissingDatabase, match=r"^no such database: postgresql://"):
        open_store(typo, create=False)


def test_closing_the_store_closes_its_connections(store):
    articles(store)
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
    store.close()
    if store.engine.dialect.name == "postgresql":
        assert raw.closed
    else:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            raw.execute("SELECT 1")
    assert articles(store) == []  # used again, it opens new connections


def test_id_prefixes(sample_doc, store):
    store.save(sample_doc)
    assert store.find_article_id(sample_doc.article.id[:8]) == sample_doc.article.id
    with pytest.raises(StoreError, match="no article"):
        store.find_article_id("ffffffffff")
    with pytest.raises(StoreError, match=f"^no article with id '{'f' * 64}' in "
                                         f"{re.escape(store.url)}$"):
        store.document("f" * 64)


def test_unopenable_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(str(tmp_path / "no" / "such" / "folder" / "x.db"))


def test_events_filter_by_type_actor_modality_and_day(sample_doc, store):
    store.save(sample_doc)
    rows = events(store)
    assert len(rows) == len(sample_doc.events)
    days = [r["date"] for r in rows if r["date"]]
    assert days and rows[0]["date"] is not None  # dated events first, oldest first
    call = events(store, type="CONSULT", actor="KORGOV", since="2024-10-29", until="2024-10-29")
    assert [(r["trigger"], r["modality"]) for r in call] == [("call", "asserted")]
    negated = events(store, modality="negated")
    assert negated and all(r["modality"] == "negated" for r in negated)
    assert len(negated) == sum(e.modality == "negated" for e in sample_doc.events)
    drawn = sample(store, 100, 1, modality="negated")
    assert sorted(r["trigger"] for r in drawn) == sorted(r["trigger"] for r in negated)
    assert {r["modality"] for r in drawn} == {"negated"}
    for row in drawn:  # the sentence on one line, its trigger marked
        event, text = sample_doc.events[row["event"]], sample_doc.article.text
        (start, end), (first, last) = event.trigger, event.sentence
        assert row["sentence"] == " ".join(
            f"{text[first:start]}[[{text[start:end]}]]{text[end:last]}".split())
    assert {r["type"] for r in events(store, actor="UKR", type="AID")} == {"AID"}
    assert events(store, actor="korgov") == events(store, actor="KORGOV") != []  # any case
    assert events(store, actor="%") == events(store, actor="_") == []  # no LIKE wildcards
    in_ukraine = sorted(i for i, e in enumerate(sample_doc.events)
                        if e.place is not None and sample_doc.places[e.place].country == "UKR")
    assert in_ukraine and len(in_ukraine) < len(rows)  # by the event's own place
    assert sorted(r["idx"] for r in events(store, place="ukr")) == in_ukraine
    assert len(events(store, limit=2)) == 2
    assert set(rows[0]) == {"article_id", "idx", "date", "day", "type", "mode", "source",
                            "target", "modality", "trigger", "sentence_start", "sentence_end",
                            "trigger_start", "trigger_end", "publisher", "published",
                            "merged_id"}
    text = sample_doc.article.text
    assert all(text[r["trigger_start"]:r["trigger_end"]] == r["trigger"] for r in rows)
    assert {r["mode"] for r in events(store, type="AID")} >= {"military"}
    korea = events(store, actor="KORGOV")
    assert sorted(r["trigger"] for r in sample(store, 100, 1, actor="KORGOV")) == sorted(
        r["trigger"] for r in korea)
    since = events(store, since="2024-10-28")  # the first days of W44 and of the 29th
    assert since and len(since) < len(days)
    assert sorted(r["trigger"] for r in sample(store, 100, 1, since="2024-10-28")) == \
        sorted(r["trigger"] for r in since)


def test_statements_filter_by_speaker_and_anonymity(sample_doc, store):
    store.save(sample_doc)
    unnamed = statements(store, speaker="korgov", anonymous=True)
    assert unnamed and all(r["anonymous"] and r["actor"] == "KORGOV" for r in unnamed)
    named = statements(store, anonymous=False)
    assert {"Volodymyr Zelenskyy", "Yoon Suk Yeol"} <= {r["speaker"] for r in named}
    assert len(unnamed) + len(named) <= len(statements(store))  # and those with no speaker
    assert len(statements(store, limit=2)) == 2
    text = sample_doc.article.text  # each statement's content is exactly its span
    rows = statements(store)
    assert set(rows[0]) == {"article_id", "idx", "published", "speaker", "actor", "anonymous",
                            "cue", "direct", "content", "via", "start", "end", "cue_start",
                            "cue_end", "speaker_start", "speaker_end"}
    assert {r["published"] for r in rows} == {"2024-10-30"}
    assert ["Yonhap News Agency", "A senior presidential official",
            "the intelligence assessment"] in [r["via"] for r in rows]
    assert sorted(r["content"] for r in rows) == sorted(
        text[s.start:s.end] for s in sample_doc.statements)
    for row in rows:  # and its offsets lead back to its words
        assert text[row["start"]:row["end"]] == row["content"]
    told = next(r for r in rows if r["cue"] == "told")
    assert text[told["cue_start"]:told["cue_end"]] == "told"
    assert text[told["speaker_start"]:told["speaker_end"]] == "the official"


def test_articles_list_newest_first_then_by_id(sample_doc, store):
    from dataclasses import replace

    later = replace(sample_doc, article=replace(sample_doc.article, id="0" * 64,
                                                published="2024-10-31"))
    same_day = replace(sample_doc, article=replace(sample_doc.article, id="1" * 64))
    for doc in (same_day, later, sample_doc):
        store.save(doc)
    first = sorted([sample_doc.article.id, "1" * 64])  # one day: by id
    assert [r["id"] for r in articles(store)] == ["0" * 64, *first]
    assert [r["id"] for r in articles(store, limit=1)] == ["0" * 64]
    undated = replace(sample_doc, article=replace(sample_doc.article, id="2" * 64,
                                                  published=None))
    store.save(undated)
    # nothing is linked yet: the oldest publication first, the undated last
    assert store.unlinked() == [*first, "0" * 64, "2" * 64]


def test_an_older_database_gains_new_columns(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as conn, conn:  # events from before the day column
        conn.execute("CREATE TABLE events (article_id VARCHAR(64), idx INTEGER, type VARCHAR(16),"
                     " data JSON, PRIMARY KEY (article_id, idx))")
        conn.execute("INSERT INTO events VALUES ('a', 0, 'AID', '{}')")
    with open_store(str(path)) as store:
        with closing(sqlite3.connect(path)) as conn:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
            assert {"day", "trigger_start", "source"} <= columns
            assert conn.execute("SELECT type FROM events").fetchall() == [("AID",)]
        assert events(store) == []  # the old row has no article: nothing listed, nothing lost


def test_a_new_derived_column_is_filled_from_the_stored_items(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as conn, conn:  # from before the anonymous column
        conn.execute("CREATE TABLE statements (article_id VARCHAR(64), idx INTEGER, data JSON,"
                     " PRIMARY KEY (article_id, idx))")
        conn.executemany("INSERT INTO statements VALUES ('a', ?, ?)", [
            (0, '{"speaker": {"text": "the official", "anonymous": true}}'),
            (1, '{"speaker": null}'), (2, '{}')])
    open_store(str(path)).close()
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT idx, anonymous FROM statements ORDER BY idx").fetchall()
    assert rows == [(0, 1), (1, None), (2, None)]



def test_an_older_ledger_gains_the_offsets_its_listings_show(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    with closing(sqlite3.connect(path)) as conn, conn:  # from before the sentence columns
        conn.execute("CREATE TABLE events (article_id VARCHAR(64), idx INTEGER, data JSON,"
                     " PRIMARY KEY (article_id, idx))")
        conn.execute("INSERT INTO events VALUES ('a', 0, ?)", (
            '{"trigger": [12, 16], "sentence": [0, 40], "place": null, "quantity": 2,'
            ' "date": null}',))
    open_store(str(path)).close()
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute("SELECT sentence_start, sentence_end, trigger_start, trigger_end,"
                           " quantity_idx FROM events").fetchone()
    assert row == (0, 40, 12, 16, 2)

def test_full_text_search_on_each_backend(sample_doc, store):
    def article_page(q):
        return read.list_articles(store, ArticleFilters(q=q), PageRequest(10))

    store.save(sample_doc)
    assert [a["id"] for a in article_page("Zelenskyy delegation").items] == [
        sample_doc.article.id]
    assert article_page("Zelenskyy submarine").items == []
    assert article_page("Zelensky").items == []  # words, not substrings


def test_an_older_database_gains_the_indexes_of_its_listings(db_path):
    open_store(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("DROP INDEX ix_events_type_day")
    open_store(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn:
        indexes = {row[1] for row in conn.execute("PRAGMA index_list(events)")}
    assert "ix_events_type_day" in indexes


def test_articles_show_their_opening_words_and_filter_by_publisher(sample_doc, store):
    store.save(sample_doc)
    (row,) = articles(store)
    assert len(sample_doc.article.text) > 240
    assert row["snippet"] == sample_doc.article.text[:240]

    def published_by(source):
        return read.list_articles(store, ArticleFilters(source=source), PageRequest(10)).items

    assert [r["id"] for r in published_by("Yonhap News Agency")] == [sample_doc.article.id]
    assert published_by("Reuters") == []


def test_the_country_filter_takes_the_source_or_the_target(sample_doc, store):
    store.save(sample_doc)
    def country(code):
        return (code or "")[:3]

    expected = sorted(i for i, e in enumerate(sample_doc.events)
                      if "PRK" in (country(e.source), country(e.target)))
    # a North Korean source without a target, and a North Korean target: both count
    assert any(country(sample_doc.events[i].source) == "PRK" and not sample_doc.events[i].target
               for i in expected)
    assert any(country(sample_doc.events[i].target) == "PRK" for i in expected)
    assert sorted(r["idx"] for r in events(store, country="prk")) == expected


def test_a_cursor_holds_only_values_of_its_keys_types():
    number, word = [Key("idx", int)], [Key("id")]
    assert decode(encode([7]), number) == [7]
    assert decode(encode([-2**63]), number) == [-2**63]  # the 64-bit range, both ends
    assert decode(encode([2**63 - 1]), number) == [2**63 - 1]
    for forged in (["7"], [7.5], [True], [None], [2**63], [-2**63 - 1]):
        with pytest.raises(InputError, match=r"^cursor: "):
            decode(encode(forged), number)
    day = [Key("day", missing="9999")]  # a key that may be NULL takes null, else a string
    assert decode(encode([None]), day) == [None]
    for forged in ([7], ["a" * (MAX_KEY_CHARS + 1)]):
        with pytest.raises(InputError, match=r"^cursor: "):
            decode(encode(forged), day)
    three = [Key("a"), Key("b"), Key("c")]  # the longest cursor there may be: 400 characters
    widest = encode(["a" * 96] * 3)
    assert len(widest) == 400 and decode(widest, three) == ["a" * 96] * 3
    with pytest.raises(InputError, match=r"^cursor: "):
        decode(encode(["a" * 97] * 3), three)
    longest = "a" * MAX_KEY_CHARS
    assert decode(encode([longest]), word) == [longest]
    for forged in ([longest + "a"], ["a\x00"], [7], [7, "a"], ["a", "b"], []):
        with pytest.raises(InputError, match=r"^cursor: "):
            decode(encode(forged), word)


def test_event_evidence_is_the_sentence_around_the_trigger_with_names_and_speaker(
        sample_doc, store):
    store.save(sample_doc)
    article, text = sample_doc.article.id, sample_doc.article.text
    found = read.event_evidence(store, [(article, len(sample_doc.events) - 1), (article, 4),
                                        (article, 5), (article, 7), ("f" * 64, 0)])
    assert sorted(found) == [(article, 4), (article, 5), (article, 7),
                             (article, len(sample_doc.events) - 1)]  # only those asked for
    for (_, idx), evidence in found.items():
        event = sample_doc.events[idx]
        (start, end), (first, last) = event.trigger, event.sentence
        assert (evidence["before"], evidence["trigger"], evidence["after"]) == (
            text[min(first, start):start], text[start:end], text[end:max(last, end)])
        assert (evidence["type"], evidence["mode"], evidence["modality"], evidence["date"],
                evidence["precision"], evidence["source"], evidence["target"]) == (
            event.type, event.mode, event.modality, event.date, event.date_precision,
            event.source, event.target)
    # the people the sentence names stand for their actors; the actor's name otherwise
    assert found[(article, 4)]["names"] == {"UKRGOV": "Volodymyr Zelenskyy",
                                            "KORGOV": "Yoon Suk Yeol"}
    assert found[(article, 4)]["speaker"] is None  # not from a statement
    assert found[(article, 5)]["names"]["KOR"] == "South Korea"
    assert (found[(article, 5)]["speaker"], found[(article, 5)]["anonymous"]) == (
        "Volodymyr Zelenskyy", False)  # the speaker's name
    assert (found[(article, 7)]["speaker"], found[(article, 7)]["anonymous"]) == (
        "the official", True)  # no name: the words that name the speaker
    assert found[(article, 5)]["date"] and found[(article, 5)]["mode"] == "visit"


def test_places_list_the_words_that_name_them(sample_doc, store):
    store.save(sample_doc)
    rows = read.list_places(store, read.PlaceFilters(), PageRequest(1000)).items
    assert len(rows) == len(sample_doc.places) > 1
    text = sample_doc.article.text
    for row, place in zip(rows, sample_doc.places, strict=True):
        assert row["article_id"] == sample_doc.article.id
        assert row["content"] == text[place.start:place.end]
    korea = read.list_places(store, read.PlaceFilters(country="kor"), PageRequest(1000)).items
    assert korea and len(korea) < len(rows) and {r["country"] for r in korea} == {"KOR"}
