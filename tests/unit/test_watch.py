"""`wirewatch watch` and `ingest URL` end to end against a web site on 127.0.0.1: feeds
polled, each new entry's page fetched, extracted, stored and linked; every way a fetch can
go wrong recorded as that item's failure while the others are stored; conditional GET on
the next poll; a watcher killed and restarted fetches nothing twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.live import (
    BILLION_LAUGHS,
    BOILERPLATE,
    PARAGRAPHS,
    Route,
    article_page,
    http_date,
    public_network,
    rss,
)
from tests.unit.test_cli import run

DATES = {"seoul": "2024-10-30", "nairobi": "2024-10-28", "geneva": "2024-11-01"}
# a timeout a busy machine's local server always meets, and a slow page that never does
FETCH_TIMEOUT = 2
FAST_ENV = {"WIREWATCH_FETCH_DELAY": "0", "WIREWATCH_FETCH_TIMEOUT": str(FETCH_TIMEOUT),
            "WIREWATCH_FETCH_RETRIES": "0", "WIREWATCH_MAX_PAGE_BYTES": "20000"}


def _site_routes(web, base: str, bad: bool) -> None:
    """A feed of three good articles (and, with ``bad``, one of each failure)."""
    items = [{"title": k.title(), "link": f"{base}/news/{k}", "pubDate": http_date(2024, 1, 1)}
             for k in PARAGRAPHS]
    for key, paragraphs in PARAGRAPHS.items():
        web.routes[f"/news/{key}"] = Route(body=article_page(key.title(), paragraphs,
                                                             DATES[key]))
    if bad:
        web.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n",
                                          headers={"Content-Type": "text/plain"})
        web.routes["/news/down"] = Route(500, b"down")
        web.routes["/news/slow"] = Route(body=article_page("Slow", PARAGRAPHS["seoul"],
                                                           "2024-10-30"),
                                         delay=FETCH_TIMEOUT + 3)
        web.routes["/news/huge"] = Route(body=article_page("Huge", PARAGRAPHS["seoul"] * 200,
                                                           "2024-10-30"))
        web.routes["/news/hop"] = Route(302, headers={"Location": "http://10.0.0.5/secret"})
        web.routes["/private/memo"] = Route(body=article_page("Memo", PARAGRAPHS["seoul"],
                                                              "2024-10-30"))
        web.routes["/bomb.xml"] = Route(body=BILLION_LAUGHS,
                                        headers={"Content-Type": "application/rss+xml"})
        items += [{"title": k, "link": f"{base}{path}"} for k, path in (
            ("down", "/news/down"), ("slow", "/news/slow"), ("huge", "/news/huge"),
            ("hop", "/news/hop"), ("memo", "/private/memo"))]
    web.routes["/feed.xml"] = Route(body=rss("Test Wire Feed", items), etag='"feed-v1"',
                                    headers={"Content-Type": "application/rss+xml"})


def _feeds_file(tmp_path: Path, *urls: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text("".join(f'[[feeds]]\nurl = "{u}"\nname = "feed {i}"\ninterval = 600\n\n'
                            for i, u in enumerate(urls)), encoding="utf-8")
    return path


def _rows(db: str, query: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


@pytest.fixture()
def fast(monkeypatch):
    for name, value in FAST_ENV.items():
        monkeypatch.setenv(name, value)


def test_watch_once_stores_the_articles_and_records_each_failure(web, tmp_path, monkeypatch,
                                                                   capsys, fast):
    public_network(monkeypatch, web)
    _site_routes(web, "http://news.example", bad=True)
    feeds = _feeds_file(tmp_path, "http://news.example/feed.xml", "http://news.example/bomb.xml")
    db = str(tmp_path / "ledger.db")
    code, out, err = run(capsys, "watch", feeds, "--once", "--db", db)
    assert code == 0, err
    assert "feed 0: 8 entries, 0 seen before; stored 3, unchanged 0, failed 5" in out
    assert "feed 1: failed" in out and "entities" in out

    stored = _rows(db, "SELECT url, published, source, text FROM articles ORDER BY url")
    assert [(u, p) for u, p, _, _ in stored] == [
        (f"http://news.example/news/{k}", DATES[k]) for k in sorted(PARAGRAPHS)]
    for _, _, source, text in stored:
        assert source == "Test Wire"
        assert BOILERPLATE not in text and "Copyright" not in text and "Home" not in text
    failures = dict(_rows(db, "SELECT origin, reason FROM failures"))
    assert "HTTP 500" in failures["http://news.example/news/down"]
    assert f"did not answer within {FETCH_TIMEOUT} s" in failures[
        "http://news.example/news/slow"]
    assert "over 20000 bytes" in failures["http://news.example/news/huge"]
    assert "private address" in failures["http://news.example/news/hop"]
    assert "robots.txt" in failures["http://news.example/private/memo"]
    assert "entities" in failures["http://news.example/bomb.xml"]
    assert "/private/memo" not in web.paths()

    # the second poll asks conditionally and fetches nothing new
    before = len(web.requests)
    code, out, err = run(capsys, "watch", feeds, "--once", "--db", db)
    assert code == 0, err
    assert "feed 0: not modified" in out
    again = [r for r in web.requests[before:] if r.path != "/robots.txt"]
    assert [r.path for r in again] == ["/feed.xml", "/bomb.xml"]
    assert again[0].if_none_match == '"feed-v1"'
    assert len(_rows(db, "SELECT id FROM articles")) == 3


def test_a_changed_feed_fetches_only_its_new_entries(web, tmp_path, monkeypatch, capsys, fast):
    public_network(monkeypatch, web)
    _site_routes(web, "http://news.example", bad=False)
    feeds = _feeds_file(tmp_path, "http://news.example/feed.xml")
    db = str(tmp_path / "ledger.db")
    assert run(capsys, "watch", feeds, "--once", "--db", db)[0] == 0
    web.routes["/feed.xml"].etag = '"feed-v2"'  # the feed changed, its entries did not
    before = len(web.requests)
    code, out, _ = run(capsys, "watch", feeds, "--once", "--db", db)
    assert code == 0 and "3 entries, 3 seen before; stored 0" in out
    assert [r.path for r in web.requests[before:] if r.path != "/robots.txt"] == ["/feed.xml"]


def test_without_the_allow_setting_loopback_urls_are_refused(web, tmp_path, capsys, fast):
    _site_routes(web, web.base, bad=False)
    db = str(tmp_path / "ledger.db")
    code, out, err = run(capsys, "ingest", web.url("/news/seoul"), "--db", db)
    assert code == 1 and "loopback address" in " ".join(err.split())
    assert "Traceback" not in err
    feeds = _feeds_file(tmp_path, web.url("/feed.xml"))
    code, out, err = run(capsys, "watch", feeds, "--once", "--db", db)
    assert code == 1 and "loopback address" in " ".join(out.split())
    assert web.requests == []
    reasons = [r for (r,) in _rows(db, "SELECT reason FROM failures")]
    assert len(reasons) == 2 and all("loopback" in r for r in reasons)


def test_ingest_fetches_urls_and_url_lists(web, tmp_path, capsys, fast, monkeypatch):
    monkeypatch.setenv("WIREWATCH_ALLOW_PRIVATE", "1")
    _site_routes(web, web.base, bad=False)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# two pages\n{web.url('/news/nairobi')}\n\n{web.url('/news/geneva')}\n",
                    encoding="utf-8")
    db = str(tmp_path / "ledger.db")
    code, out, err = run(capsys, "ingest", web.url("/news/seoul"), "--urls", urls, "--db", db)
    assert code == 0, err
    assert "stored 3" in out
    assert sorted(p for (p,) in _rows(db, "SELECT published FROM articles")) == sorted(
        DATES.values())
    code, out, err = run(capsys, "ingest", web.url("/feed.xml"), "--db", db)
    assert code == 0 and "unchanged 3" in out  # a feed URL gives its entries


def test_a_bad_url_list_is_one_line(tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text("javascript:alert(1)\n", encoding="utf-8")
    code, _, err = run(capsys, "ingest", "--urls", urls, "--db", str(tmp_path / "x.db"))
    assert code == 2 and "line 1" in err and len(err.strip().splitlines()) == 1


def test_a_bad_feeds_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "feeds.toml"
    bad.write_text('[[feeds]]\nurl = "file:///etc/passwd"\n', encoding="utf-8")
    code, _, err = run(capsys, "watch", bad, "--once", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "no http(s) url" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_watcher_killed_and_restarted_fetches_nothing_twice(web, tmp_path):
    _site_routes(web, web.base, bad=False)
    for key in PARAGRAPHS:
        web.routes[f"/news/{key}"].delay = 0.2
    feeds = _feeds_file(tmp_path, web.url("/feed.xml"))
    db = str(tmp_path / "ledger.db")
    env = {**os.environ, **FAST_ENV, "WIREWATCH_ALLOW_PRIVATE": "1",
           "WIREWATCH_FETCH_TIMEOUT": "5"}
    command = [str(Path(sys.executable).parent / "wirewatch"), "watch", str(feeds), "--db", db]
    watcher = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if Path(db).exists() and _count(db) >= 1:
                break
            time.sleep(0.05)
        watcher.send_signal(signal.SIGKILL)
    finally:
        watcher.wait(30)
    recorded = {e for (e,) in _rows(db, "SELECT entry FROM feed_entries")}
    assert recorded
    before = len(web.requests)
    result = subprocess.run([*command, "--once"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert _count(db) == 3 and len(_rows(db, "SELECT id FROM articles")) == 3
    # what was recorded before the kill is never asked for again; only a page in flight at
    # the moment of the kill (fetched, not yet stored) may be
    again = {web.url(r.path) for r in web.requests[before:] if r.path.startswith("/news/")}
    assert not again & recorded
    assert again | recorded == {web.url(f"/news/{k}") for k in PARAGRAPHS}


def _count(db: str) -> int:
    try:
        return _rows(db, "SELECT count(*) FROM feed_entries")[0][0]
    except sqlite3.OperationalError:  # the watcher has not made its tables yet
        return 0


def test_the_bundled_feeds_file_loads():
    from wirewatch.watch import load_feeds

    sources = load_feeds(Path(__file__).resolve().parents[2] / "feeds" / "world.toml")
    assert len(sources) >= 6
    assert all(s.url.startswith("https://") and s.name and s.interval >= 60 for s in sources)
