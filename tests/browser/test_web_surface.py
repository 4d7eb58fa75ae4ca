"""In a real browser: markup stored in any field never runs, and the read token closes the
pages until the analyst logs in."""

from tests.api.conftest import HOSTILE_FIELDS, hostile_documents, payload
from tests.browser.conftest import READ_TOKEN


def test_markup_in_stored_fields_never_runs(page, hostile_server):
    (doc,) = hostile_documents()
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda err: errors.append(str(err)))
    codes = sorted({e.source for e in doc.events if e.source})
    shown = []
    for path in ["/", "/articles", f"/articles/{doc.article.id}", "/events", "/timeline",
                 "/map", "/claims", *(f"/actors/{code}" for code in codes)]:
        assert page.goto(hostile_server + path).status == 200, path
        page.wait_for_load_state("networkidle")
        if path == "/map":
            page.locator("#map path.leaflet-interactive").last.click()  # a marker's popup
        assert page.locator("img").count() == 0, path
        inline = page.evaluate("[...document.scripts].filter(s => !s.src"
                               " && s.type !== 'application/json').length")
        assert inline == 0, path
        shown.append(page.locator("body").inner_text())
        shown.append(page.title())
        shown.extend(page.eval_on_selector_all(
            "[href]", "els => els.map(e => typeof e.href === 'string' ? e.href"
            " : e.getAttribute('href'))"))
    assert dialogs == [] and errors == []
    everything = "\n".join(shown)
    for field in ("text", "title", "publisher", "actor", "speaker", "place"):
        assert field in HOSTILE_FIELDS and payload(field) in everything, field
    assert "example.com/%3Cscript%3E" in everything  # the URL, as a link's address


def test_pages_need_the_read_token_and_a_login_opens_them(page, closed_server):
    response = page.goto(closed_server + "/events?type=CONSULT")
    assert response.status == 401
    assert "Kenyan" not in page.content()
    page.fill("#login input[name=token]", "a guess")
    page.click("#login button")
    assert page.locator("#login").count() == 1  # still shut
    page.fill("#login input[name=token]", READ_TOKEN)
    page.click("#login button")
    page.wait_for_load_state("networkidle")
    assert page.url == closed_server + "/events?type=CONSULT"
    types = page.locator("#event-table tbody tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"CONSULT"}
    assert page.goto(closed_server + "/map").status == 200
    cookies = page.context.cookies()
    assert [c["httpOnly"] for c in cookies] == [True]
    assert READ_TOKEN not in cookies[0]["value"]
