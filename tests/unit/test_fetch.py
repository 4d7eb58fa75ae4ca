"""The one fetcher (ingest/fetch.py) against a web site on 127.0.0.1: bounded, polite, and
never reaching an inside address unless allowed. Delays and timeouts are tiny to stay fast."""

from __future__ import annotations

import gzip
from itertools import pairwise

import pytest

from tests.live import PUBLIC, Route, article_page, public_network
from wirewatch.ingest.fetch import (
    USER_AGENT,
    Fetcher,
    FetchFailed,
    FetchOptions,
    FetchRefused,
    options_from,
)

# a timeout a busy machine's local server always meets (the timeout test sets its own)
FAST = FetchOptions(allow_private=True, timeout=2.0, delay=0.0, retries=0, backoff=0.01,
                    obey_robots=False)
PAGE = article_page("Talks in Geneva", ["Negotiators met in Geneva on Friday."], "2024-11-01")


def _fetcher(**changes) -> Fetcher:
    from dataclasses import replace

    return Fetcher(replace(FAST, **changes))


def test_a_page_is_fetched_with_the_user_agent(web):
    web.routes["/a"] = Route(body=PAGE)
    with _fetcher() as fetcher:
        page = fetcher.get(web.url("/a"))
    assert page.status == 200 and "Negotiators met in Geneva" in page.text
    assert web.requests[-1].user_agent == USER_AGENT and "wirewatch" in USER_AGENT


def test_a_loopback_url_is_refused_without_the_allow_setting(web):
    web.routes["/a"] = Route(body=PAGE)
    with _fetcher(allow_private=False) as fetcher, pytest.raises(FetchRefused, match="loopback"):
        fetcher.get(web.url("/a"))
    assert web.requests == []


def test_a_redirect_to_a_private_address_is_refused(web, monkeypatch):
    opened = public_network(monkeypatch, web)
    web.routes["/hop"] = Route(302, headers={"Location": "http://10.0.0.5/secret"})
    with _fetcher(allow_private=False) as fetcher, pytest.raises(FetchRefused, match="private"):
        fetcher.get("http://news.example/hop")
    assert web.paths() == ["/hop"] and opened == [(PUBLIC, 80)]


def test_a_conditional_get_costs_nothing_when_unchanged(web):
    web.routes["/feed"] = Route(body=b"<rss/>", etag='"v1"',
                                last_modified="Wed, 30 Oct 2024 08:00:00 GMT",
                                headers={"Content-Type": "application/rss+xml"})
    with _fetcher() as fetcher:
        first = fetcher.get(web.url("/feed"), types=None)
        second = fetcher.get(web.url("/feed"), etag=first.etag,
                             last_modified=first.last_modified, types=None)
    assert first.status == 200 and first.etag == '"v1"'
    assert second.not_modified and second.content == b""
    assert web.requests[-1].if_none_match == '"v1"'
    assert web.requests[-1].if_modified_since == "Wed, 30 Oct 2024 08:00:00 GMT"


def test_robots_txt_is_obeyed_and_asked_once_per_host(web):
    web.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n",
                                      headers={"Content-Type": "text/plain"})
    web.routes["/private/a"] = Route(body=PAGE)
    web.routes["/a"] = Route(body=PAGE)
    with _fetcher(obey_robots=True) as fetcher:
        with pytest.raises(FetchRefused, match=r"robots\.txt"):
            fetcher.get(web.url("/private/a"))
        fetcher.get(web.url("/a"))
        fetcher.get(web.url("/a"))
    assert [r.path for r in web.requests] == ["/robots.txt", "/a", "/a"]


def test_a_missing_robots_txt_allows_everything(web):
    web.routes["/a"] = Route(body=PAGE)
    with _fetcher(obey_robots=True) as fetcher:
        assert fetcher.get(web.url("/a")).status == 200


def test_the_rate_limit_spaces_requests_to_one_host(web):
    web.routes["/a"] = Route(body=PAGE)
    with _fetcher(delay=0.15) as fetcher:
        for _ in range(4):
            fetcher.get(web.url("/a"))
    times = [r.at for r in web.requests]
    gaps = [b - a for a, b in pairwise(times)]
    assert len(gaps) == 3 and min(gaps) >= 0.13, gaps
    sent = [at for at, _ in fetcher.requests]
    assert min(b - a for a, b in pairwise(sent)) >= 0.15


def test_a_server_error_is_retried_with_backoff_then_fails(web):
    web.routes["/a"] = Route(500, b"down")
    slept: list[float] = []
    with Fetcher(FetchOptions(allow_private=True, delay=0, obey_robots=False,
                              retries=2, backoff=0.01),
                 sleep=slept.append) as fetcher, pytest.raises(FetchFailed, match="HTTP 500"):
        fetcher.get(web.url("/a"))
    assert len(web.requests) == 3 and slept == [0.01, 0.02]


def test_retry_after_is_honoured(web):
    web.routes["/a"] = [Route(429, b"slow down", headers={"Retry-After": "2"}),
                        Route(body=PAGE)]
    slept: list[float] = []
    with Fetcher(FetchOptions(allow_private=True, delay=0, obey_robots=False,
                              retries=1, backoff=0.01),
                 sleep=slept.append) as fetcher:
        assert fetcher.get(web.url("/a")).status == 200
    assert slept == [2.0]


def test_a_retry_after_beyond_the_limit_fails_at_once(web):
    web.routes["/a"] = Route(503, b"", headers={"Retry-After": "3600"})
    with Fetcher(FetchOptions(allow_private=True, delay=0, obey_robots=False,
                              retries=3, max_wait=5),
                 sleep=lambda s: pytest.fail("waited")) as fetcher, \
            pytest.raises(FetchFailed, match="wait 3600 s"):
        fetcher.get(web.url("/a"))


def test_a_timeout_ends_the_fetch(web):
    web.routes["/slow"] = Route(body=PAGE, delay=1.0)
    with _fetcher(timeout=0.2) as fetcher, pytest.raises(FetchFailed, match=r"within 0\.2 s"):
        fetcher.get(web.url("/slow"))


def test_an_oversized_page_is_refused(web):
    web.routes["/big"] = Route(body=b"<p>" + b"x" * 5000 + b"</p>")
    with _fetcher(max_bytes=1000) as fetcher, pytest.raises(FetchRefused, match="over 1000"):
        fetcher.get(web.url("/big"))


def test_a_gzip_bomb_is_cut_at_the_size_cap(web):
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")
    assert len(bomb) < 10_000
    web.routes["/bomb"] = Route(body=bomb, headers={"Content-Encoding": "gzip"})
    with _fetcher(max_bytes=100_000) as fetcher, pytest.raises(FetchRefused, match="over"):
        fetcher.get(web.url("/bomb"))


def test_gzip_and_a_declared_charset_are_read(web):
    html = "<html><body><p>Gen\u00e8ve talks \u2014 \u201cprogress\u201d</p></body></html>"
    web.routes["/a"] = Route(body=gzip.compress(html.encode("cp1252")), headers={
        "Content-Encoding": "gzip", "Content-Type": "text/html; charset=windows-1252"})
    with _fetcher() as fetcher:
        assert "Gen\u00e8ve talks \u2014 \u201cprogress\u201d" in fetcher.get(web.url("/a")).text


def test_too_many_redirects_end(web):
    web.routes["/loop"] = Route(302, headers={"Location": "/loop"})
    with _fetcher() as fetcher, pytest.raises(FetchFailed, match="redirects"):
        fetcher.get(web.url("/loop"))
    assert len(web.requests) == 6


def test_a_binary_answer_is_refused(web):
    web.routes["/img"] = Route(body=b"\x89PNG", headers={"Content-Type": "image/png"})
    with _fetcher() as fetcher, pytest.raises(FetchRefused, match="image/png"):
        fetcher.get(web.url("/img"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/", "http://u:p@x.org/"])
def test_only_plain_http_urls_are_fetched(url):
    with _fetcher() as fetcher, pytest.raises(FetchRefused):
        fetcher.get(url)


def test_options_come_from_the_settings():
    from wirewatch.config import Settings, load_settings

    settings = load_settings(env={"WIREWATCH_ALLOW_PRIVATE": "1",
                                  "WIREWATCH_FETCH_DELAY": "0.25"})
    options = options_from(settings)
    assert options.allow_private is True and options.delay == 0.25
    assert options_from(Settings()).allow_private is False
