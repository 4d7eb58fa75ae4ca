"""Nothing the server sends points a browser at another host: every page and every asset is
the server's own, so the desk works offline and tells no third party who reads what.

What counts as a reference, decided file by file:

* A rendered page (every GET page route, each path parameter filled from the ledger) may hold
  no ``http://`` or ``https://`` URL at all, in an attribute or in its text, except the link
  to an article's original (``<a rel="noopener noreferrer">``, the stored URL of the article
  the analyst is reading): that is data, followed only by a click, never loaded by the page.
* Our own static files (``app.js``, ``style.css``, …) hold no such URL at all.
* A stylesheet's ``url(...)`` is always fetched, so in every stylesheet, vendored or not, it
  must be a ``data:`` URI or a path on the server.
* A vendored bundle is minified code we do not edit, so its URLs are listed host by host
  below with why each is inert: an XML namespace or JSON-Schema dialect is an identifier
  compared as a string, a licence or error-decoder address is only printed, a social-media
  address is a link Swagger UI's Markdown would make from a hashtag. The online validator
  badge (validator.swagger.io) is drawn only by Swagger UI's standalone layout, which is not
  vendored, and ``swagger-init.js`` sets ``validatorUrl: null`` besides; the browser test
  ``test_docs_asks_no_other_host`` loads /docs under a host name that is not 127.0.0.1 and
  sees no request leave. A URL on a host not listed fails until someone reads
  the code around it and adds it with a reason; a listed host no longer present fails too,
  so the list stays the truth.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from wirewatch.api import pages

STATIC = Path(pages.__file__).resolve().parent / "static"
URL = re.compile(r"""https?://[^\s"'`<>()\\]+""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]*)""", re.IGNORECASE)
BINARY = {".png"}
SERVER_HOST = "testserver"  # what TestClient's requests go to

NAMESPACES = "XML namespace names (createElementNS, xmlns), never fetched"
DIALECTS = "JSON Schema and OpenAPI dialect identifiers, compared as strings"
PRINTED = "only in messages, comments or licence fields, never requested"
EXAMPLES = "example values shown for a schema's uri and iri formats, as text"
SOCIAL = "links autolinker would make from @mentions or #hashtags in Markdown, followed " \
         "only by a click; the schema holds none"
INERT: dict[str, dict[str, str]] = {
    "leaflet/leaflet.js": {
        "www.w3.org": NAMESPACES,
        "leafletjs.com": "the attribution control's link, followed only by a click",
    },
    "leaflet/leaflet.css": {"bugzilla.mozilla.org": PRINTED, "bugs.chromium.org": PRINTED},
    "leaflet/LICENSE": {},
    "swagger-ui/LICENSE": {"www.apache.org": PRINTED},
    "swagger-ui/NOTICE": {},
    "swagger-ui/swagger-ui.css": {"www.w3.org": NAMESPACES + " (inside data: SVG icons)"},
    "swagger-ui/swagger-ui-bundle.js": {
        "www.w3.org": NAMESPACES,
        "spec.openapis.org": DIALECTS, "json-schema.org": DIALECTS,
        "datatracker.ietf.org": PRINTED, "www.rfc-editor.org": PRINTED,
        "reactjs.org": PRINTED, "redux.js.org": PRINTED, "github.com": PRINTED,
        "fb.me": PRINTED,
        "example.com": EXAMPLES, "실례.com": EXAMPLES,
        "base${string": "a random dummy base for new URL() in sanitizeUrl; nothing is "
                        "requested",
        "spdx.org": "a licence link built from the schema's licence identifier; ours has none",
        "swagger.io": "the default base for resolving relative references in a schema "
                      "fetched without a URL; ours is fetched from /openapi.json",
        "vladimirgorej.com": "a dummy base for new URL() when checking that a server URL "
                             "parses; nothing is requested",
        "validator.swagger.io": "the online validator badge: only the standalone layout "
                                "draws it, and validatorUrl is null in swagger-init.js",
        "twitter.com": SOCIAL, "www.facebook.com": SOCIAL, "instagram.com": SOCIAL,
        "www.tiktok.com": SOCIAL, "soundcloud.com": SOCIAL,
    },
}


def _hosts(text: str) -> set[str]:
    return {urlsplit(u).hostname or "" for u in URL.findall(text)}


def _text_files() -> list[Path]:
    return sorted(p for p in STATIC.rglob("*") if p.is_file() and p.suffix not in BINARY)


def _vendored(path: Path) -> bool:
    return path.parent != STATIC  # vendored packages each live in a folder of their own


def test_our_own_static_files_name_no_host():
    own = [p for p in _text_files() if not _vendored(p)]
    assert {p.name for p in own} >= {"app.js", "map.js", "style.css", "swagger-init.js",
                                     "timeline.js"}
    for path in own:
        if path.name == "README.md":
            continue  # the list of sources, read by people, never served to a page as code
        assert _hosts(path.read_text(encoding="utf-8")) == set(), path.name


def test_every_url_in_a_vendored_file_is_listed_as_inert():
    vendored = {p.relative_to(STATIC).as_posix(): p for p in _text_files() if _vendored(p)}
    assert set(vendored) == set(INERT), "a vendored file was added or removed: list its URLs"
    for name, path in vendored.items():
        found = _hosts(path.read_text(encoding="utf-8", errors="replace"))
        assert found - set(INERT[name]) == set(), f"{name}: unlisted hosts"
        assert set(INERT[name]) - found == set(), f"{name}: listed hosts no longer there"


def test_the_swagger_validator_badge_is_off():
    assert re.search(r"validatorUrl:\s*null", (STATIC / "swagger-init.js").read_text())


@pytest.mark.parametrize("path", [p for p in sorted(STATIC.rglob("*.css"))],
                         ids=lambda p: p.relative_to(STATIC).as_posix())
def test_stylesheets_fetch_only_data_or_local_urls(path):
    for target in CSS_URL.findall(path.read_text(encoding="utf-8")):
        target = target.strip()
        parts = urlsplit(target)
        local = not parts.scheme and not parts.netloc
        assert target.startswith("data:") or local, f"{path.name}: url({target})"


class _Links(HTMLParser):
    """Every attribute value of a page, with the original-article links set apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []
        self.originals: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        rel = (named.get("rel") or "").split()
        for key, value in attrs:
            if tag == "a" and key == "href" and {"noopener", "noreferrer"} <= set(rel):
                self.originals.append(value or "")
            else:
                self.values.append(value or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page_paths(client) -> list[str]:
    """Every GET page of the router, with its path parameters taken from the ledger."""
    articles = [a["id"] for a in client.get("/api/v1/articles?limit=500").json()["items"]]
    events = client.get("/api/v1/events?limit=500").json()["items"]
    actors = sorted({e["source"] for e in events if e["source"]})[:5]
    fill = {"article_id": articles, "code": actors}
    # an event mention is an article and an index together (the timeline's evidence)
    mentions = [{"article_id": e["article_id"], "idx": str(e["idx"])} for e in events[:5]]
    paths = []
    for route in pages.router.routes:
        if "GET" not in getattr(route, "methods", ()):
            continue
        names = re.findall(r"{(\w+)}", route.path)
        if not names:
            paths.append(route.path)
        elif "idx" in names:
            paths.extend(_filled(route.path, m) for m in mentions)
        for name in [] if "idx" in names else names:
            paths.extend(route.path.replace(f"{{{name}}}", value) for value in fill[name])
    return paths


def _filled(path: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        path = path.replace(f"{{{name}}}", value)
    return path


def test_no_rendered_page_names_another_host(client):
    paths = _page_paths(client)
    assert {"/", "/events", "/claims", "/timeline", "/map", "/docs"} <= set(paths)
    assert any(p.startswith("/articles/") for p in paths)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        parser = _Links()
        parser.feed(response.text)
        hosts = _hosts("\n".join(parser.values + parser.text)) - {SERVER_HOST}
        assert hosts == set(), f"{path} names {hosts}"
        for original in parser.originals:
            assert original.startswith(("http://", "https://", "/")), (path, original)
