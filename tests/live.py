"""A web site on 127.0.0.1 for the tests of live sources: feeds, pages, robots.txt and
misbehaving answers, written here, so that nothing in the tests needs the internet.

Each route is a ``Route``: a status, headers and a body, optionally a delay before the
answer, and an ETag / Last-Modified that make a conditional GET answer 304. The server
keeps every request (path, the headers that matter, the monotonic time it arrived)."""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.hostile import corpus as hostile

BOILERPLATE = "Subscribe to our newsletter for the latest updates and exclusive offers"


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Request:
    path: str
    at: float
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None


class Site(ThreadingHTTPServer):
    """The test site; ``url(path)`` is a route's address."""

    daemon_threads = True

    def __init__(self) -> None:
        # a route, or a list of them answered in turn (the last one again and again)
        self.routes: dict[str, Route | list[Route]] = {}
        self.requests: list[Request] = []
        super().__init__(("127.0.0.1", 0), _Handler)
        self.port = self.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        """A client that gave up waiting (a fetch's timeout on a slow route) closes the socket
        while the answer is written: expected, not an error of the site."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def paths(self) -> list[str]:
        """The paths asked for, robots.txt left out."""
        return [r.path for r in self.requests if r.path != "/robots.txt"]

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        site: Site = self.server  # type: ignore[assignment]
        site.requests.append(Request(self.path, time.monotonic(),
                                     self.headers.get("If-None-Match"),
                                     self.headers.get("If-Modified-Since"),
                                     self.headers.get("User-Agent")))
        route = site.routes.get(self.path, Route(404, b"not here"))
        if isinstance(route, list):
            route = route.pop(0) if len(route) > 1 else route[0]
        if route.delay:
            time.sleep(route.delay)
        headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        unchanged = ((route.etag and self.headers.get("If-None-Match") == route.etag)
                     or (route.last_modified
                         and self.headers.get("If-Modified-Since") == route.last_modified))
        status, body = (304, b"") if unchanged and route.status == 200 else (route.status,
                                                                              route.body)
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (a timeout test)
            pass

    def log_message(self, *args: object) -> None:
        pass


PUBLIC = "93.184.215.14"  # stands for a public host; connections to it reach the test site
NAMES = {"news.example": [PUBLIC], "intranet.example": ["10.0.0.5"]}


def public_network(monkeypatch, site: Any, names: dict[str, list[str]] = NAMES
                   ) -> list[tuple[str, int]]:
    """Names resolve through ``names`` (numbers as themselves) and a connection to PUBLIC
    reaches ``site`` (a server with a ``port``), so the site can be fetched as a public host
    without ``allow_private``; any other connection but to 127.0.0.1 fails the test. Returns
    the connections opened."""
    import ipaddress
    import socket

    from wirewatch.ingest import fetch

    opened: list[tuple[str, int]] = []

    def resolve(host: str, port: int) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        if host not in names:
            raise socket.gaierror(socket.EAI_NONAME, "unknown name")
        return names[host]

    def open_socket(address: str, port: int, timeout: float | None) -> socket.socket:
        opened.append((address, port))
        if address == PUBLIC:
            return socket.create_connection(("127.0.0.1", site.port), timeout=timeout)
        if address == "127.0.0.1":
            return socket.create_connection((address, port), timeout=timeout)
        raise AssertionError(f"the test would have connected to {address}")

    monkeypatch.setattr(fetch, "resolve", resolve)
    monkeypatch.setattr(fetch, "open_socket", open_socket)
    return opened


def http_date(year: int, month: int, day: int) -> str:
    import calendar

    return formatdate(calendar.timegm((year, month, day, 8, 0, 0)), usegmt=True)


PARAGRAPHS = {
    "seoul": [
        "South Korea's spy agency said on Wednesday that at least 11,000 North Korean troops "
        "have been deployed to Russia, and that some of them have moved to the front.",
        "The National Intelligence Service told lawmakers in Seoul that the soldiers appear "
        "to be wearing Russian military uniforms and carrying forged identity papers.",
        "President Yoon Suk Yeol spoke with Ukrainian President Volodymyr Zelenskyy by "
        "telephone on Tuesday and agreed to keep sharing intelligence on the deployment.",
    ],
    "nairobi": [
        "Kenya's president hosted Somalia's president in Nairobi on Monday for talks on "
        "border security and trade between the two neighbours.",
        "The two leaders signed an agreement to reopen a border crossing that has been "
        "closed for more than a decade, officials in Nairobi said.",
        "Kenyan officials said the talks also covered the fight against al-Shabaab militants "
        "along the frontier and the return of refugees from camps in the north.",
    ],
    "geneva": [
        "Negotiators from Armenia and Azerbaijan met in Geneva on Friday for a new round of "
        "talks on a peace treaty, Swiss officials said.",
        "The foreign ministers discussed the delimitation of their shared border and the "
        "opening of transport routes across the region, a statement said.",
        "Both delegations said further meetings would follow in the coming weeks, while "
        "observers cautioned that several issues remained unresolved.",
    ],
}


def article_page(title: str, paragraphs: list[str], published: str,
                 publisher: str | None = "Test Wire") -> bytes:
    """A news page with its navigation, share links and a newsletter box around the text."""
    meta = f'<meta property="og:site_name" content="{publisher}">' if publisher else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{meta}"
            f'<meta property="article:published_time" content="{published}">'
            "</head><body><header><nav><a href='/'>Home</a> <a href='/world'>World</a> "
            "<a href='/sport'>Sport</a></nav></header><main><article>"
            f"<h1>{title}</h1><time datetime='{published}'>{published}</time>{body}"
            "</article><aside><p>{boiler}</p><a href='/share'>Share on social media</a>"
            "</aside></main><footer><p>Copyright Test Wire. All rights reserved. "
            "Terms of use. Privacy policy.</p></footer></body></html>"
            ).replace("{boiler}", BOILERPLATE).encode("utf-8")


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    """An RSS 2.0 feed of ``items`` (``title``, ``link``, ``pubDate``, ``description``)."""
    entries = "".join(
        "<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>"
        for item in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://example.org/</link>"
            f"<description>test</description>{entries}</channel></rss>").encode()


BILLION_LAUGHS = hostile.BILLION_LAUGHS.encode()
"""The hostile corpus's feed of nested entities, as a server sends it."""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&secret;</title><description>&secret;</description></item></channel></rss>"""
