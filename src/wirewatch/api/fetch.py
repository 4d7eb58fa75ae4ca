"""Fetching a submitted ``url`` without letting a client reach the server's own network.

A client that may write could otherwise make the server fetch ``http://169.254.169.254/``
(a cloud's metadata service, with its credentials), ``http://127.0.0.1:5432/`` or any host
inside the server's network, and read the answer back as an article. So the fetch is done
here, step by step, rather than by a library whose guard can be switched off by the
environment (trafilatura's goes through ``http_proxy``):

* the host is resolved with ``socket.getaddrinfo`` and every address it has is checked with
  ``ipaddress``: loopback, private, link-local (metadata), shared, multicast, reserved and
  unspecified addresses are refused, also inside IPv6 forms (``::ffff:127.0.0.1``, 6to4,
  Teredo, NAT64), unless the configuration allows private addresses;
* the connection goes to an address that was checked, never to a second lookup of the name
  (which a hostile DNS server could answer differently);
* redirects are followed by hand, each hop's URL and addresses checked again;
* proxy variables are never read: ``http.client`` connects directly.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urljoin, urlsplit

from ..errors import WirewatchError
from ..urls import http_url

MAX_REDIRECTS = 5
TIMEOUT_S = 10.0
REDIRECTS = frozenset({301, 302, 303, 307, 308})
NAT64 = ipaddress.ip_network("64:ff9b::/96")
USER_AGENT = "wirewatch"


class FetchRefused(WirewatchError):
    """The URL may not be fetched: its scheme, its address, its size (the client's fault)."""


class FetchFailed(WirewatchError):
    """The URL could not be fetched: no answer, an error status, too many redirects."""


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this to stay off the network)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def open_socket(address: str, port: int, timeout: float) -> socket.socket:
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


def fetch_page(url: str, *, allow_private: bool, max_bytes: int,
               timeout: float = TIMEOUT_S) -> str:
    """The HTML at ``url``, following at most ``MAX_REDIRECTS`` redirects, each checked."""
    for _ in range(MAX_REDIRECTS + 1):
        status, location, charset, body = _get(url, allow_private, max_bytes, timeout)
        if status in REDIRECTS:
            if not location:
                raise FetchFailed(f"{url} redirects without a Location")
            url = urljoin(url, location)
            continue
        if status != 200:
            raise FetchFailed(f"{url} answered HTTP {status}")
        return _decode(body, url, charset)
    raise FetchFailed(f"more than {MAX_REDIRECTS} redirects")


def _checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
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
                    "(allow_private_urls allows others)")
    return addresses


def _get(url: str, allow_private: bool, max_bytes: int,
         timeout: float) -> tuple[int, str | None, str | None, bytes]:
    """One GET: the status, the redirect's Location, the declared charset and the body."""
    if http_url(url) is None:
        raise FetchRefused(f"{url!r} is not an http(s) URL")
    parts = urlsplit(url)
    if parts.username or parts.password:
        raise FetchRefused("a URL with a user name or password is not fetched")
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    addresses = _checked_addresses(host, port, allow_private)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    with _connection(host, port, https, addresses, timeout) as conn:
        try:
            conn.request("GET", target, headers={
                "Host": parts.netloc.rpartition("@")[2], "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "identity"})
            response = conn.getresponse()
            body = response.read(max_bytes + 1)
        except (OSError, http.client.HTTPException) as err:
            raise FetchFailed(f"could not fetch {url} ({type(err).__name__})") from None
    if len(body) > max_bytes:
        raise FetchRefused(f"the page at {url} is over {max_bytes} bytes")
    return (response.status, response.getheader("Location"), response.msg.get_content_charset(),
            body)


@contextmanager
def _connection(host: str, port: int, https: bool, addresses: list[str],
                timeout: float) -> Iterator[http.client.HTTPConnection]:
    """An HTTP(S) connection to the first of the checked addresses that answers; TLS checks
    the certificate against ``host``."""
    sock = None
    for address in addresses:
        try:
            sock = open_socket(address, port, timeout)
            break
        except OSError:
            continue
    if sock is None:
        raise FetchFailed(f"could not connect to {host}:{port}")
    conn: http.client.HTTPConnection
    try:
        if https:
            context = ssl.create_default_context()
            sock = context.wrap_socket(sock, server_hostname=host)
            conn = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
        else:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
    except (OSError, ssl.SSLError) as err:
        sock.close()
        raise FetchFailed(f"could not connect to {host}:{port} ({type(err).__name__})") from None
    conn.sock = sock  # already connected: http.client neither resolves nor reads proxies
    try:
        yield conn
    finally:
        conn.close()


def _decode(body: bytes, url: str, charset: str | None) -> str:
    """The page's text, by the charset its header or markup declares, as files are read."""
    from ..errors import InputError
    from ..ingest.decode import decode_bytes

    if not body.strip():
        raise FetchFailed(f"{url} answered with an empty page")
    try:
        return decode_bytes(body, url, declared=charset, markup=True)
    except InputError as err:
        raise FetchRefused(str(err)) from None
