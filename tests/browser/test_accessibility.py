"""Every page through axe-core (vendored from npm, tests/browser/vendor/): no serious or
critical violation, on the pages as they load and with their evidence unfolded."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SERIOUS = ("serious", "critical")
# (path, what to open before the check): every page of the desk, and what a click unfolds
PAGES = [("/", None), ("/articles", None), ("/articles?q=Zelenskyy", None),
         ("/article", "#articles tbody a"), ("/events", "#event-table button.expand"),
         ("/timeline", "#timeline a.event-dot"), ("/timeline?lanes=actor", None),
         ("/map", None), ("/claims", None), ("/actors/SDNMIL", None), ("/docs", None)]


def violations(tab) -> list[dict]:
    """axe-core's violations of the page as it is now, serious and critical ones only."""
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    found = tab.evaluate("""async () => {
      const result = await axe.run(document, {resultTypes: ['violations']});
      return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in found if v["impact"] in SERIOUS]


@pytest.fixture()
def tab(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("path", "open_first"), PAGES)
def test_no_serious_accessibility_violation(tab, server, path, open_first):
    if path == "/article":
        tab.goto(server + "/articles")
        tab.locator(open_first).first.click()
    else:
        tab.goto(server + path)
        if open_first:
            tab.locator(open_first).last.click()
    tab.wait_for_load_state("networkidle")
    if path == "/docs":
        tab.wait_for_selector(".swagger-ui .opblock")
    if path == "/timeline":
        tab.wait_for_selector("#evidence:not([hidden]) mark")
    found = violations(tab)
    assert found == [], "\n".join(f"{path}: {v['impact']} {v['id']} ({v['help']}) at "
                                   f"{'; '.join(v['nodes'])}" for v in found)


def test_the_check_sees_a_violation(tab, server):
    """The check itself: a button without a name is caught."""
    tab.goto(server + "/")
    tab.evaluate("""() => { const b = document.createElement('button');
      document.querySelector('main').appendChild(b); }""")
    assert [v["id"] for v in violations(tab)] == ["button-name"]


def test_the_login_page_has_no_serious_violation(tab, closed_server):
    """The one page a server with a read token shows before its token is given."""
    tab.goto(closed_server + "/events")
    assert tab.locator("form#login").count() == 1
    found = violations(tab)
    assert found == [], found


def test_an_error_page_has_no_serious_violation(tab, server):
    """What a mistyped address shows: a page of its own, checked like the others."""
    assert tab.goto(server + "/articles/no-such-article").status == 404
    found = violations(tab)
    assert found == [], found
