"""Each page in a real browser: it loads, it works, and article markup stays text."""

import time

import pytest

from tests.browser.conftest import TEST_HOST

PAGES = ["/", "/articles", "/events", "/timeline", "/map", "/claims", "/actors/SDNMIL", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_errors(page, server, path, tmp_path):
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    # what the content-security policy blocks is reported on the console
    page.on("console", lambda message: errors.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    page.on("request", lambda r: errors.append(f"left 127.0.0.1: {r.url}")
            if not r.url.startswith((server, "data:")) else None)
    response = page.goto(server + path)
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("header nav").is_visible()
    page.screenshot(path=str(tmp_path / f"{path.strip('/').replace('/', '_') or 'home'}.png"),
                    full_page=True)
    assert errors == []


def test_the_api_documentation_renders_from_local_files(page, server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() == 9  # every route, POST included
    assert requests and all(url.startswith(server) for url in requests)


def test_docs_asks_no_other_host(page, server):
    """Swagger UI treats a loopback address apart from a server name (its validator badge,
    for one): under a name that is not 127.0.0.1, /docs still asks no other host, and the
    content-security policy has nothing to refuse."""
    named = server.replace("127.0.0.1", TEST_HOST)
    asked, settled, refused = [], [], []
    page.on("request", lambda request: asked.append(request))
    page.on("requestfinished", lambda request: settled.append(request))
    page.on("requestfailed", lambda request: settled.append(request))
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(named + "/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    # wait until every request asked has settled and no new one came for half a second
    # (at most 15 s): a request to the server left open is no reason to fail, one to
    # another host is, whether or not it settled
    deadline, quiet_since, seen = time.monotonic() + 15, time.monotonic(), len(asked)
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if len(asked) != seen or len(settled) < len(asked):
            quiet_since, seen = time.monotonic(), len(asked)
        elif time.monotonic() - quiet_since >= 0.5:
            break
    urls = [request.url for request in asked]
    assert urls and [url for url in urls if not url.startswith(named)] == []
    assert refused == []


def test_map_draws_the_bundled_outline_and_markers(page, server):
    page.goto(server + "/map")
    page.wait_for_load_state("networkidle")
    assert page.locator("#map path.leaflet-interactive").count() >= 2  # land and markers


def _open_article(page, server, words):
    page.goto(f"{server}/articles?q={words}")
    page.locator("#articles tbody a").first.click()
    page.wait_for_load_state("networkidle")


def test_clicking_an_annotation_highlights_its_span(page, server, tmp_path):
    _open_article(page, server, "Zelenskyy")
    trigger = page.locator("#text .ann.trigger", has_text="call").first
    trigger.click()
    assert "active" in trigger.get_attribute("class")
    ids = trigger.get_attribute("data-ann").split()
    active = page.locator("#text .ann.active")
    assert active.count() >= 1
    for i in range(active.count()):
        assert set(active.nth(i).get_attribute("data-ann").split()) & set(ids)
    card = page.locator("#events .event-card").first
    card.click()
    assert "active" in card.get_attribute("class")
    target = card.get_attribute("data-target")
    assert page.locator(f'#text .ann.active[data-ann~="{target}"]').count() >= 1
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)


def test_events_table_filters_and_sorts(page, server):
    page.goto(server + "/events")
    page.select_option("#event-filters select[name=type]", "CONSULT")
    page.click("#event-filters button")
    page.wait_for_load_state("networkidle")
    types = page.locator("#event-table tr.event-row td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"CONSULT"}
    page.click("#event-table th:nth-child(1)")
    # dates read as written (2024-W44, Oct 2024) and sort by their first day
    days = page.locator("#event-table tr.event-row td:nth-child(1)").evaluate_all(
        "cells => cells.map(c => c.dataset.sort)")
    assert len(days) > 1 and days == sorted(days)


def test_script_inside_an_article_is_shown_as_text(page, server):
    _open_article(page, server, "owned")
    assert page.title() != "owned"
    assert "<script>document.title='owned'</script>" in page.locator("#text").inner_text()
