"""URLs: only http(s) ones are stored or linked, and a submitted ``url`` is never fetched from
a loopback, private, link-local or metadata address, whatever redirects or proxy variables
say. Nothing here leaves the machine: names resolve through a table, and the one "public"
address connects to a server on 127.0.0.1."""

from __future__ import annotations

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from tests.conftest import SAMPLE
from tests.live import NAMES as LIVE_NAMES
from tests.live import PUBLIC, public_network
from wirewatch.api import create_app
from wirewatch.config import Settings
from wirewatch.ingest import RawArticle, fetch
from wirewatch.ingest.jsonl import article_from_mapping
from wirewatch.normalize import prepare
from wirewatch.store import open_store
from wirewatch.store.schema import articles

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PARAGRAPHS = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
PAGE = ("<html><head><title>Seoul says North Korean troops are in Russia</title></head><body>"
        "<article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")


class Recorder(ThreadingHTTPServer):
    """A web server on 127.0.0.1 that answers from a table and remembers what it was asked."""

    def __init__(self, routes: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        self.routes = routes
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", 0), _Handler)
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"no"))
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def site():
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {
        "/article": (200, {}, PAGE.encode()),
        "/big": (200, {}, b"<p>" + b"x" * 5000 + b"</p>"),
        "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/to-internal": (301, {"Location": "http://intranet.example/secret"}, b""),
        "/to-public": (307, {"Location": "http://news.example/article"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
    }
    server = Recorder(routes)
    routes["/to-loopback"] = (302, {"Location": f"http://127.0.0.1:{server.port}/article"}, b"")
    routes["/to-ipv6-mapped"] = (
        303, {"Location": f"http://[::ffff:127.0.0.1]:{server.port}/article"}, b"")
    yield server
    server.shutdown()
    server.server_close()


NAMES = {**LIVE_NAMES, "metadata.google.internal": ["169.254.169.254"],
         "split.example": [PUBLIC, "192.168.1.20"], "v6.example": ["fd00:ec2::254"]}


@pytest.fixture()
def network(monkeypatch, site):
    """Names resolve through NAMES, numbers as themselves; a connection to PUBLIC reaches the
    test site, one to 127.0.0.1 is real, and any other would fail the test."""
    return public_network(monkeypatch, site, NAMES)


def _server(ledger, tmp_path, **settings) -> TestClient:
    copy = tmp_path / "ledger.db"
    shutil.copy(ledger, copy)
    return TestClient(create_app(Settings(db=str(copy), **settings), token=TOKEN))


def _submit(client, url: str):
    return client.post("/api/v1/articles", json={"url": url, "published": "2024-10-30"},
                       headers=AUTH)


def test_a_loopback_url_is_refused_without_a_request(ledger, tmp_path, site, network):
    response = _submit(_server(ledger, tmp_path), f"http://127.0.0.1:{site.port}/article")
    assert response.status_code == 422
    assert "loopback" in response.json()["error"]["message"]
    assert site.requests == [] and network == []


def test_private_addresses_are_fetched_when_the_configuration_allows(ledger, tmp_path, site,
                                                                      network):
    client = _server(ledger, tmp_path, allow_private=True)
    response = _submit(client, f"http://127.0.0.1:{site.port}/article")
    assert response.status_code == 201, response.text
    assert site.requests == ["/article"]
    stored = client.get(f"/api/v1/articles/{response.json()['id']}").json()["article"]
    assert stored["url"] == f"http://127.0.0.1:{site.port}/article"
    assert stored["title"] == "Seoul says North Korean troops are in Russia"


@pytest.mark.parametrize(("path", "reason"), [
    ("/to-metadata", "link-local"), ("/to-internal", "private"), ("/to-loopback", "loopback"),
    ("/to-ipv6-mapped", "loopback"),
])
def test_a_redirect_to_an_inside_address_is_refused(ledger, tmp_path, site, network, path,
                                                    reason):
    response = _submit(_server(ledger, tmp_path), f"http://news.example{path}")
    assert response.status_code == 422, response.text
    assert reason in response.json()["error"]["message"]
    assert site.requests == [path]  # the first hop only: the inside address was never asked
    assert network == [(PUBLIC, 80)]


def test_a_redirect_between_public_hosts_is_followed(ledger, tmp_path, site, network):
    response = _submit(_server(ledger, tmp_path), "http://news.example/to-public")
    assert response.status_code == 201, response.text
    assert site.requests == ["/to-public", "/article"]


def test_endless_redirects_end(ledger, tmp_path, site, network):
    response = _submit(_server(ledger, tmp_path), "http://news.example/loop")
    assert response.status_code == 502 and "redirects" in response.json()["error"]["message"]
    assert len(site.requests) == fetch.MAX_REDIRECTS + 1


@pytest.mark.parametrize(("host", "reason"), [
    ("intranet.example", "private"), ("metadata.google.internal", "link-local"),
    ("split.example", "private"), ("v6.example", "private"), ("nowhere.example", "resolved"),
])
def test_names_that_resolve_inside_are_refused(ledger, tmp_path, site, network, host, reason):
    response = _submit(_server(ledger, tmp_path), f"http://{host}/article")
    assert response.status_code == 422 and reason in response.json()["error"]["message"]
    assert site.requests == [] and network == []


def test_a_page_over_the_body_limit_is_refused(ledger, tmp_path, site, network):
    response = _submit(_server(ledger, tmp_path, max_body_bytes=1000), "http://news.example/big")
    assert response.status_code == 422 and "over 1000 bytes" in response.json()["error"]["message"]


@pytest.mark.parametrize("variable", ["http_proxy", "HTTP_PROXY", "https_proxy", "ALL_PROXY"])
def test_proxy_variables_change_nothing(ledger, tmp_path, site, network, monkeypatch,
                                        variable):
    proxy = Recorder({})
    try:
        monkeypatch.setenv(variable, f"http://127.0.0.1:{proxy.port}")
        monkeypatch.setenv("no_proxy", "")
        refused = _submit(_server(ledger, tmp_path), f"http://127.0.0.1:{site.port}/article")
        assert refused.status_code == 422
        redirected = _submit(_server(ledger, tmp_path), "http://news.example/to-metadata")
        assert redirected.status_code == 422
        allowed = _submit(_server(ledger, tmp_path, allow_private=True),
                          f"http://127.0.0.1:{site.port}/article")
        assert allowed.status_code in (200, 201), allowed.text
        assert proxy.requests == []  # fetched directly, never through the proxy
        assert site.requests == ["/to-metadata", "/article"]
    finally:
        proxy.shutdown()
        proxy.server_close()


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://2130706433/", "http://0x7f.1/", "http://127.1/",
    "http://[::1]/", "http://localhost/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://10.1.2.3/",
])
def test_inside_addresses_are_refused_through_the_real_resolver(ledger, tmp_path, monkeypatch,
                                                                 url):
    """Numeric hosts and localhost resolve without a name server, so the real
    ``getaddrinfo`` is used; no connection may be opened."""
    monkeypatch.setattr(fetch, "open_socket", lambda *a: pytest.fail(f"connected for {url}"))
    response = _submit(_server(ledger, tmp_path), url)
    assert response.status_code == 422, response.text


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "0.0.0.0",
    "::", "169.254.169.254", "fe80::1", "fd00:ec2::254", "100.64.0.1", "100.100.100.200",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
    "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:f5ff:fffe",
    "fe80::1%eth0",
])
def test_inside_addresses(address):
    assert fetch.refusal(address) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700::6810:84e5",
                                     "2a00:1450:4001:80e::200e"])
def test_public_addresses(address):
    assert fetch.refusal(address) is None


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>x</script>",
                                 "file:///etc/passwd", "ftp://example.com/a", "//example.com/a",
                                 "vbscript:msgbox", "http://", "news.example/article"])
def test_only_http_urls_are_accepted_by_the_api(ledger, tmp_path, url):
    client = _server(ledger, tmp_path)
    with_text = client.post("/api/v1/articles", headers=AUTH, json={
        "text": "Kenya hosted Somalia's president in Nairobi on Tuesday.", "url": url})
    assert with_text.status_code == 422, url
    assert "url" in with_text.json()["error"]["message"]
    assert _submit(client, url).status_code == 422


@pytest.mark.parametrize(("url", "kept"), [
    ("javascript:alert(1)", None), ("data:text/html,x", None), ("java\nscript:alert(1)", None),
    ("file:///etc/passwd", None), ("https://example.com/a", "https://example.com/a"),
    ("HTTP://Example.com/", "HTTP://Example.com/"),
])
def test_ingest_keeps_only_http_urls(url, kept):
    raw = article_from_mapping({"text": "Kenya hosted Somalia's president.", "url": url}, "x:1")
    assert prepare(raw).article.url == kept
    assert prepare(RawArticle("Kenya hosted Somalia's president.", "x", raw.meta)).article.url \
        == kept


def test_pages_link_only_http_urls(ledger, tmp_path):
    """A ledger written before URLs were checked may hold any scheme: no link is made."""
    client = _server(ledger, tmp_path)
    store = open_store(str(tmp_path / "ledger.db"))
    found = client.get("/api/v1/articles", params={"source": "Test Wire"}).json()["items"]
    article = found[0]["id"]
    for url, linked in (("javascript:alert(1)", False), (" JAVASCRIPT:alert(1)", False),
                        ("data:text/html,x", False), ("https://example.com/a?b=1&c=2", True)):
        with store.engine.begin() as conn:
            conn.execute(update(articles).where(articles.c.id == article).values(url=url))
        page = client.get(f"/articles/{article}").text
        assert ">original</a>" in page if linked else ">original</a>" not in page, url
        assert "javascript:" not in page.lower() and "data:text" not in page
    assert 'href="https://example.com/a?b=1&amp;c=2"' in page
    store.engine.dispose()
