"""Screenshots of every page of the desk at 1366 px, for docs/screenshots/ (`make screenshots`).

A demo ledger (the test fixtures' articles, copied across months and publishers so that the
tables and the timeline have something to show) is served by ``wirewatch serve`` on
127.0.0.1, and Debian's Chromium, driven by Playwright, saves each page whole. The same
ledger and width give the same pictures, so a change in them is a change in the pages.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
TALLEST = 2000
"""Pixels of a page kept at most: the top of a long table shows what it is like, and the
pictures stay small enough to keep in the repository."""
# (file name, path, what to do on the page before the picture): every page of the desk, its
# path parameters filled from the demo ledger (tests/api/test_screenshots.py checks that no
# page is left out)
PAGES = [("dashboard", "/", None), ("articles", "/articles", None),
         ("article", "/articles/{article_id}", None), ("events", "/events", "evidence-row"),
         ("timeline", "/timeline", "evidence-dot"),
         ("timeline-by-actor", "/timeline?lanes=actor", None), ("map", "/map", None),
         ("claims", "/claims", None), ("actor", "/actors/{code}", None),
         ("api-docs", "/docs", "swagger")]
ACTOR = "SDNMIL"


def demo_ledger(path: Path) -> str:
    """The browser tests' ledger of many articles, linked (claim series, stories)."""
    sys.path.insert(0, str(ROOT))
    from tests.api.conftest import fill_ledger
    from tests.browser.conftest import many_documents

    return fill_ledger("sqlite", str(path), many_documents())


PORT = 8765
"""The demo server's port where it is free (/docs prints its address, so one port keeps the
pictures the same from run to run); any free port otherwise."""


def _port() -> int:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", PORT))
        except OSError:
            s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _prepare(tab, action: str | None) -> None:
    if action == "evidence-row":
        tab.locator("#event-table button.expand").first.click()
    elif action == "evidence-dot":
        tab.locator("#timeline a.event-dot").last.click()  # the one drawn on top
        tab.wait_for_selector("#evidence:not([hidden]) mark")
    elif action == "swagger":
        tab.wait_for_selector(".swagger-ui .opblock")
        # the schema section comes after the operations; a moment later than them
        tab.wait_for_selector(".swagger-ui .models .json-schema-2020-12")
        tab.wait_for_load_state("networkidle")


def shoot(base: str, out: Path, width: int) -> list[Path]:
    """Each page of ``PAGES`` under ``base`` saved as ``out/<name>.png``, whole up to
    ``TALLEST`` pixels."""
    from playwright.sync_api import sync_playwright

    fill = {"article_id": _first_article(base), "code": ACTOR}
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu",
                                                   "--font-render-hinting=none"])
        context = browser.new_context(viewport={"width": width, "height": 900})
        tab = context.new_page()
        for name, path, action in PAGES:
            tab.goto(base + path.format(**fill))
            tab.wait_for_load_state("networkidle")
            _prepare(tab, action)
            tab.mouse.move(0, 0)  # nothing hovered
            target = out / f"{name}.png"
            height = min(TALLEST, tab.evaluate("document.documentElement.scrollHeight"))
            tab.screenshot(path=str(target), full_page=True, animations="disabled",
                           clip={"x": 0, "y": 0, "width": width, "height": height})
            saved.append(target)
        browser.close()
    return saved


def _first_article(base: str) -> str:
    import json

    with urllib.request.urlopen(base + "/api/v1/articles?limit=50") as response:
        items = json.load(response)["items"]
    # the running example: the Yonhap story's first copy
    chosen = next((i for i in items if (i.get("source") or "").startswith("Yonhap")), items[0])
    return chosen["id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1366)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = demo_ledger(Path(tmp) / "demo.db")
        port = _port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items()
               if k not in ("WIREWATCH_TOKEN", "WIREWATCH_READ_TOKEN")}
        command = [str(Path(sys.executable).with_name("wirewatch")), "serve", "--db", db,
                   "--host", "127.0.0.1", "--port", str(port)]
        server = subprocess.Popen(command, env=env)
        try:
            _wait(base + "/")
            for path in shoot(base, args.out, args.width):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
