"""Web archives: a WARC written here with HTML and non-HTML records ingests exactly the HTML
articles; the other records are skipped and counted."""

from __future__ import annotations

import io
import sqlite3

import pytest

from tests.live import PARAGRAPHS, article_page
from tests.unit.test_cli import run
from wirewatch.ingest import RawArticle, Skipped, read_paths


def _write_warc(path, gzip: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)

        def response(uri: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), length=len(body),
                http_headers=headers))

        def record(uri: str, kind: str, body: bytes) -> None:
            writer.write_record(writer.create_warc_record(uri, kind, payload=io.BytesIO(body),
                                                          length=len(body)))

        record("", "warcinfo", b"software: test")
        for key, paragraphs in PARAGRAPHS.items():
            response(f"https://news.example/{key}", "200 OK", "text/html; charset=utf-8",
                     article_page(key.title(), paragraphs, "2024-10-30"))
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        response("https://news.example/old", "301 Moved Permanently", "text/html", b"")
        record("https://news.example/seoul", "request", b"GET /seoul HTTP/1.1\r\n\r\n")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_warc_gives_exactly_its_html_articles(tmp_path, name):
    _write_warc(tmp_path / name, gzip=name.endswith(".gz"))
    items = list(read_paths([tmp_path]))
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert sorted(a.meta.url for a in articles) == sorted(
        f"https://news.example/{k}" for k in PARAGRAPHS)
    assert all(a.meta.published == "2024-10-30" for a in articles)
    assert len([i for i in items if isinstance(i, Skipped)]) == 4  # info, image, redirect, request


def test_ingest_stores_the_warc_articles_and_counts_the_rest(tmp_path, capsys):
    _write_warc(tmp_path / "crawl.warc.gz", gzip=True)
    db = str(tmp_path / "ledger.db")
    code, out, err = run(capsys, "ingest", tmp_path / "crawl.warc.gz", "--db", db)
    assert code == 0, err
    assert "stored 3" in out and "skipped 4" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_a_file_that_is_no_warc_is_one_failure(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"this is not an archive\n" * 10)
    (item,) = read_paths([tmp_path / "bad.warc"])
    assert "not a WARC archive" in item.reason
