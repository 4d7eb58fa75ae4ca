"""The one HTTP client of wirewatch: every URL the project fetches (a page given to ``ingest``,
a feed and its entries' pages, the API's submitted ``url``) goes through ``Fetcher``.

It is polite and bounded, because a watcher runs all day against other people's servers:
a timeout on every step, a size cap on every body (counted after gzip/deflate, so a small
compressed answer cannot unpack into gigabytes), a redirect limit, a User-Agent naming
wirewatch, robots.txt obeyed (fetched once per host and cached), a minimum delay between
two requests to one host, conditional GET (ETag / Last-Modified) so an unchanged feed costs
one empty answer, and retries with exponential backoff on 429 and 5xx that honour
Retry-After.

And it cannot be turned against the network it runs in. A URL could otherwise make wirewatch
fetch ``http://169.254.169.254/`` (a cloud's metadata service, with its credentials),
``http://127.0.0.1:5432/`` or any host inside the network, and store the answer as an
article. So:

* every host is resolved with ``socket.getaddrinfo`` and each of its addresses checked with
  ``ipaddress``: loopback, private, link-local (metadata), shared, multicast, reserved and
  unspecified addresses are refused, also inside IPv6 forms (``::ffff:127.0.0.1``, 6to4,
  Teredo, NAT64), unless ``allow_private`` is set;
* the connection goes to an address that was checked, never to a second lookup of the name
  (which a hostile DNS server could answer differently): the check sits in httpcore's
  network backend, under every connection httpx opens;
* redirects are followed by hand, each hop's URL checked again (and its address, by the
  backend, when it needs a new connection);
* proxy variables are never read (``trust_env=False``).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import InputError
from ..urls import http_url

# The project has no public home page yet; when pyproject.toml gains [project.urls] Homepage,
# its address belongs here ("+URL"), so that a site's operator can find who is fetching.
USER_AGENT = "wirewatch/0.1 (news evidence ledger; polite crawler obeying robots.txt)"
ROBOTS_AGENT = "wirewatch"
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
NAT64 = ipaddress.ip_network("64:ff9b::/96")
ROBOTS_TTL_S = 3600.0
ROBOTS_MAX_BYTES = 512_000
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "text/html", "text/plain")
ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_FEED = ("application/rss+xml,application/atom+xml,application/xml;q=0.9,"
               "text/xml;q=0.9,*/*;q=0.5")


class FetchRefused(InputError):
    """The URL may not be fetched: its scheme, its address, its size, robots.txt (what the
    URL asks for is refused, and asking again changes nothing)."""


class FetchFailed(InputError):
    """The URL could not be fetched: no answer, a timeout, an error status, too many
    redirects (asking again later may work)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How a fetcher behaves; the command line and the API fill it from the settings."""

    allow_private: bool = False
    timeout: float = 10.0
    """Seconds for each step (connect, each read), and four times that for a whole fetch."""
    max_bytes: int = 10_000_000
    delay: float = 1.0
    """Least seconds between the starts of two requests to one host."""
    retries: int = 2
    """Retries after a 429, a 5xx or a lost connection; 0 asks once."""
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each one after."""
    max_wait: float = 60.0
    """A Retry-After longer than this ends the fetch as failed rather than waiting."""
    obey_robots: bool = True
    user_agent: str = USER_AGENT


def options_from(settings: Any, **overrides: Any) -> FetchOptions:
    """The fetch options of a ``Settings`` object (read by name, so ingest stays below it)."""
    values = {"allow_private": settings.allow_private, "timeout": settings.fetch_timeout,
              "max_bytes": settings.max_page_bytes, "delay": settings.fetch_delay,
              "retries": settings.fetch_retries}
    return FetchOptions(**(values | overrides))


@dataclass(frozen=True, slots=True)
class Page:
    """What one GET answered: the final URL after redirects, the status (200, or 304 for
    an unchanged resource asked for conditionally), the body and the validators."""

    url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def text(self) -> str:
        """The body as text, by the charset the header or the markup declares."""
        from .decode import charset_of, decode_bytes

        if not self.content.strip():
            raise FetchFailed(f"{self.url} answered with an empty page")
        return decode_bytes(self.content, self.url, declared=charset_of(self.content_type),
                            markup=True)


# ------------------------------------------------------------------ the address check

def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this to stay off the network)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def open_socket(address: str, port: int, timeout: float | None) -> socket.socket:
    """A TCP connection to one checked address (tests replace this too)."""
    return socket.create_connection((address, port), timeout=timeout)


def refusal(address: str) -> str | None:
    """Why ``address`` is not a public internet address, or ``None`` when it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and (why := refusal(str(embedded))):
            return why
    for test, why in ((ip.is_loopback, "a loopback"), (ip.is_link_local, "a link-local"),
                      (ip.is_unspecified, "an unspecified"), (ip.is_multicast, "a multicast"),
                      (ip.is_private, "a private"), (ip.is_reserved, "a reserved"),
                      (not ip.is_global, "a non-public")):
        if test:
            return f"{why} address ({ip})"
    return None


def checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses of ``host``, each a public one unless ``allow_private``."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        raise FetchRefused(f"the host {host!r} cannot be resolved") from None
    if not addresses:
        raise FetchRefused(f"the host {host!r} has no address")
    if not allow_private:
        for address in addresses:
            why = refusal(address)
            if why:
                raise FetchRefused(
                    f"{host} resolves to {why}: only public addresses are fetched "
                    "(the allow_private setting allows others)")
    return addresses


def _guarded_transport(options: FetchOptions) -> Any:
    """An httpx transport whose every connection goes to a checked address of its host."""
    import httpcore
    import httpx
    from httpcore._backends.sync import SyncStream

    class GuardedBackend(httpcore.SyncBackend):
        def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                        local_address: str | None = None,
                        socket_options: Iterable[Any] | None = None) -> Any:
            addresses = checked_addresses(host.strip("[]"), port, options.allow_private)
            for address in addresses:
                try:
                    sock = open_socket(address, port, timeout)
                except OSError:
                    continue
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return SyncStream(sock)
            raise httpcore.ConnectError(f"could not connect to {host}:{port}")

    transport = httpx.HTTPTransport(trust_env=False)
    pool = transport._pool
    transport._pool = httpcore.ConnectionPool(
        ssl_context=pool._ssl_context, max_connections=10, max_keepalive_connections=10,
        keepalive_expiry=5.0, network_backend=GuardedBackend())
    return transport


# ------------------------------------------------------------------ the fetcher

@dataclass(slots=True)
class _Robots:
    rules: RobotFileParser | None  # None: everything allowed
    until: float


@dataclass
class Fetcher:
    """One polite, guarded HTTP client; use it in a ``with`` block (it holds connections).

    ``requests`` keeps ``(monotonic time, url)`` of every request sent, robots.txt included,
    so the spacing per host can be checked."""

    options: FetchOptions = field(default_factory=FetchOptions)
    sleep: Callable[[float], None] = time.sleep
    requests: list[tuple[float, str]] = field(default_factory=list)
    _client: Any = None
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> Any:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                transport=_guarded_transport(self.options), trust_env=False,
                follow_redirects=False, timeout=httpx.Timeout(self.options.timeout),
                headers={"User-Agent": self.options.user_agent})
        return self._client

    def get(self, url: str, *, accept: str = ACCEPT_PAGE, etag: str | None = None,
            last_modified: str | None = None,
            types: tuple[str, ...] | None = PAGE_TYPES) -> Page:
        """GET ``url``, following redirects (each hop checked, robots.txt asked for each);
        a conditional GET when validators are given (a 304 comes back as a ``Page`` whose
        ``not_modified`` is true). ``types`` are the content types taken (None: any)."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        start = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_url(url)
            if self.options.obey_robots and not self.allowed(url):
                raise FetchRefused(f"{url} is disallowed by its site's robots.txt")
            page, location = self._get_with_retries(url, headers, types)
            if location is None:
                return page
            url = location
        raise FetchFailed(f"{start}: more than {MAX_REDIRECTS} redirects")

    def text(self, url: str) -> str:
        """The decoded HTML (or text) at ``url``."""
        return self.get(url).text

    # -------------------------------------------------------------- robots.txt

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets wirewatch fetch ``url`` (RFC 9309: a missing
        robots.txt or any 4xx allows everything; a 5xx or no answer allows nothing for now)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if parts.path == "/robots.txt":
            return True
        cached = self._robots.get(origin)
        if cached is None or cached.until < time.monotonic():
            cached = self._fetch_robots(origin)
            self._robots[origin] = cached
        return cached.rules is None or cached.rules.can_fetch(ROBOTS_AGENT, url)

    def _fetch_robots(self, origin: str) -> _Robots:
        until = time.monotonic() + ROBOTS_TTL_S
        url = f"{origin}/robots.txt"
        try:
            for _ in range(MAX_REDIRECTS + 1):
                self._check_url(url)
                page, location = self._get_with_retries(url, {"Accept": "text/plain"}, None,
                                                        ROBOTS_MAX_BYTES)
                if location is None:
                    break
                url = location
            else:
                return _Robots(None, until)
        except FetchFailed as err:
            if err.status is not None and 400 <= err.status < 500:
                return _Robots(None, until)
            return _Robots(_disallow_all(), time.monotonic() + 60.0)
        rules = RobotFileParser()
        rules.parse(page.content.decode("utf-8", "replace").splitlines())
        return _Robots(rules, until)

    # -------------------------------------------------------------- one request

    def _check_url(self, url: str) -> None:
        if http_url(url) is None:
            raise FetchRefused(f"{url!r} is not an http(s) URL")
        parts = urlsplit(url)
        if parts.username or parts.password:
            raise FetchRefused("a URL with a user name or password is not fetched")

    def _wait_turn(self, url: str) -> None:
        """Sleep until the host's last request is ``delay`` seconds old, then claim it."""
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            last = self._last.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.options.delay:
                self.sleep(self.options.delay - (now - last))
            self._last[host] = time.monotonic()
            self.requests.append((self._last[host], url))

    def _get_with_retries(self, url: str, headers: dict[str, str],
                          types: tuple[str, ...] | None,
                          max_bytes: int | None = None) -> tuple[Page, str | None]:
        """One hop: the page, or the redirect's target; 429, 5xx and lost connections are
        asked again after a backoff (or the server's Retry-After)."""
        attempt = 0
        while True:
            try:
                return self._get_once(url, headers, types, max_bytes)
            except _Retry as retry:
                if attempt >= self.options.retries:
                    raise FetchFailed(retry.reason, retry.status) from None
                wait = max(retry.after or 0.0, self.options.backoff * 2 ** attempt)
                if wait > self.options.max_wait:
                    raise FetchFailed(f"{retry.reason}, and asks to wait {wait:.0f} s",
                                      retry.status) from None
                self.sleep(wait)
                attempt += 1

    def _get_once(self, url: str, headers: dict[str, str], types: tuple[str, ...] | None,
                  max_bytes: int | None) -> tuple[Page, str | None]:
        import httpx

        limit = max_bytes or self.options.max_bytes
        client = self.client  # made before the turn is claimed: the wait is the request's
        self._wait_turn(url)
        deadline = time.monotonic() + 4 * self.options.timeout
        try:
            with client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchFailed(f"{url} redirects without a Location")
                    return Page(url, status), urljoin(url, location)
                if status == 304:
                    return Page(url, 304, etag=response.headers.get("ETag"),
                                last_modified=response.headers.get("Last-Modified")), None
                if status in RETRY_STATUSES:
                    raise _Retry(f"{url} answered HTTP {status}",
                                 _retry_after(response.headers.get("Retry-After")), status)
                if status != 200:
                    raise FetchFailed(f"{url} answered HTTP {status}", status)
                content_type = response.headers.get("Content-Type")
                _check_type(url, content_type, types)
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchRefused(f"the page at {url} is over {limit} bytes")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchRefused(f"the page at {url} is over {limit} bytes")
                    if time.monotonic() > deadline:
                        raise FetchFailed(f"{url} took longer than "
                                          f"{4 * self.options.timeout:g} s to send")
                return Page(url, 200, bytes(body), content_type,
                            response.headers.get("ETag"),
                            response.headers.get("Last-Modified")), None
        except httpx.TimeoutException:
            raise FetchFailed(f"{url} did not answer within {self.options.timeout:g} s"
                              ) from None
        except httpx.InvalidURL:
            raise FetchRefused(f"{url!r} is not a valid URL") from None
        except (httpx.TransportError, httpx.DecodingError) as err:
            raise _Retry(f"could not fetch {url} ({type(err).__name__})", None, None) from None


class _Retry(Exception):
    """A try that may work later: its reason and the seconds the server asked to wait."""

    def __init__(self, reason: str, after: float | None, status: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.after = after
        self.status = status


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _check_type(url: str, content_type: str | None, types: tuple[str, ...] | None) -> None:
    if types is None or not content_type:
        return
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind not in types and not kind.endswith("+xml"):
        raise FetchRefused(f"{url} is {kind}, not a page wirewatch reads")


def _disallow_all() -> RobotFileParser:
    rules = RobotFileParser()
    rules.parse(["User-agent: *", "Disallow: /"])
    return rules


def fetch_page(url: str, *, allow_private: bool, max_bytes: int,
               timeout: float = 10.0) -> str:
    """The HTML at ``url`` for one request a person made (the API's POST): checked and
    bounded as every fetch, with no robots.txt (it is no crawl) and no retries."""
    options = FetchOptions(allow_private=allow_private, max_bytes=max_bytes, timeout=timeout,
                           delay=0.0, retries=0, obey_robots=False)
    with Fetcher(options) as fetcher:
        return fetcher.get(url).text
