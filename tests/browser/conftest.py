"""A real server on 127.0.0.1 and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest

from tests.api.conftest import ledger  # noqa: F401  (the shared ledger fixture)

CHROMIUM = "/usr/bin/chromium"
TEST_HOST = "wirewatch.test"
# Chromium's own background traffic is refused on a closed network: keep it quiet.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync",
                 # a name for the test server other than 127.0.0.1 (test_docs_asks_no_other_host)
                 f"--host-resolver-rules=MAP {TEST_HOST} 127.0.0.1"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(app):
    """Run ``app`` with uvicorn on a free port of 127.0.0.1; yields its base URL."""
    import uvicorn

    port = _free_port()
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                             log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=5)
    app.state.store.close()


@pytest.fixture(scope="session")
def server(ledger):  # noqa: F811
    from wirewatch.api import create_app
    from wirewatch.config import Settings

    yield from _serve(create_app(Settings(db=ledger)))


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory):
    """A server over a ledger whose every shown field carries markup."""
    from tests.api.conftest import fill_ledger, hostile_documents
    from wirewatch.api import create_app
    from wirewatch.config import Settings

    path = str(tmp_path_factory.mktemp("hostile") / "ledger.db")
    yield from _serve(create_app(Settings(db=fill_ledger("sqlite", path, hostile_documents()))))


PUBLISHERS = ("Agence France-Presse", "The Associated Press", "Yonhap News Agency",
              "Sudan Tribune", "Al Jazeera English", "British Broadcasting Corporation")


def many_documents(copies: int = 12):
    """The shared ledger's articles many times over, each copy a new article (its text
    marked, so its id differs) under another publisher and another month: a desk of
    ~100 articles and months of events, without extracting anything again."""
    import hashlib
    from dataclasses import replace

    from tests.api.conftest import _documents

    docs = []
    for n in range(copies):
        for doc in _documents():
            text = f"{doc.article.text}\n\nCopy {n}."
            published = f"{2023 + n // 6}-{1 + 2 * (n % 6):02d}-{10 + n:02d}"
            article = replace(doc.article, text=text, published=published,
                              source=PUBLISHERS[n % len(PUBLISHERS)],
                              id=hashlib.sha256(text.encode()).hexdigest())
            docs.append(replace(doc, article=article))
    return docs


@pytest.fixture(scope="session")
def many_server(tmp_path_factory):
    """A server over a ledger of many articles, for the layout checks."""
    from tests.conftest import open_test_store
    from wirewatch.api import create_app
    from wirewatch.config import Settings

    path = str(tmp_path_factory.mktemp("many") / "ledger.db")
    store = open_test_store("sqlite", path)
    for doc in many_documents():
        store.save(doc)
    store.close()
    yield from _serve(create_app(Settings(db=path)))


READ_TOKEN = "r3ad-t0ken"


@pytest.fixture(scope="session")
def closed_server(ledger):  # noqa: F811
    """A server whose pages need the read token."""
    from wirewatch.api import create_app
    from wirewatch.config import Settings

    yield from _serve(create_app(Settings(db=ledger), read_token=READ_TOKEN))


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium (make test does, with apt-get)")
        pytest.skip("no /usr/bin/chromium: run make test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
