from pathlib import Path

from wirewatch.extractors.scope import coding_note, decide_scope, url_section
from wirewatch.model import Article

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "events"


def test_a_sports_results_page_is_out_of_scope():
    decision = decide_scope((GOLDEN / "scope-sports-results.txt").read_text(encoding="utf-8"),
                            actors=2)
    assert not decision.in_scope and decision.topic == "sports"


def test_a_product_page_is_out_of_scope():
    decision = decide_scope((GOLDEN / "scope-product-page.txt").read_text(encoding="utf-8"),
                            actors=3)
    assert not decision.in_scope and decision.topic in {"commerce", "technology"}


def test_a_political_story_is_in_scope():
    text = (GOLDEN / "scope-political-story.txt").read_text(encoding="utf-8")
    assert decide_scope(text, actors=4).in_scope
    assert decide_scope(text, url="https://example.com/news/world/esper", actors=4).in_scope


def test_the_url_path_names_the_section():
    text = "Spain beat Russia 2-1 on Monday and Argentina defeated Chile."
    assert decide_scope(text, actors=4).in_scope
    decision = decide_scope(text, url="https://example.com/sport/tennis/spain-russia", actors=4)
    assert not decision.in_scope and "/sport/" in decision.reason
    assert url_section("https://example.com/lifestyle/recipes/jam")[1:] == ("out", "lifestyle")
    assert url_section("https://example.com/news/sport-story") is None  # the slug is no section
    assert url_section("http://[::1") is None and url_section(None) is None


def test_a_section_name_from_the_feed_counts_like_a_path():
    assert not decide_scope("Spain beat Russia.", section="Sport", actors=2).in_scope


def test_a_sports_section_story_about_politics_stays_in_when_politics_dominates():
    text = ("The government imposed sanctions on the federation after police arrested officials; "
            "prosecutors charged the minister, and protesters clashed with troops near the "
            "parliament while lawmakers demanded an investigation.")
    assert decide_scope(text, url="https://example.com/sport/doping", actors=3).in_scope


def test_a_long_story_with_no_actor_and_little_politics_is_out():
    story = ("A black cat missing for five years was found in Santa Fe, officials said. "
             "Shelter workers scanned her microchip and called the owner in Portland. " * 8)
    assert not decide_scope(story, actors=0).in_scope
    assert decide_scope(story, actors=None).in_scope  # the actor count is not known
    # A brief is judged kindly: a crime with no coded actor keeps its events.
    assert decide_scope("Police said smugglers looted a warehouse in Lagos.", actors=0).in_scope


def test_short_political_sentences_stay_in_scope():
    for text in ("Poland and Lithuania agreed on Monday to hold joint drills.",
                 "Sudanese army forces attacked rebel positions near Khartoum on Monday."):
        assert decide_scope(text, actors=2).in_scope


def test_bad_input_gives_a_decision():
    for text in ("", "\x00\ud800", "🏈" * 1000):
        decision = decide_scope(text, url="::not a url::")
        # nothing points to another topic and the url names no section: judged kindly
        assert decision.in_scope and decision.topic is None, text
        assert decision.reason.startswith("political interaction"), decision.reason


def test_the_coding_note_names_language_or_scope():
    article = Article("x", None, None, None, None, "ru", "Текст.")
    assert coding_note(article, 0) == "not coded: language ru; wirewatch codes English"
    sports = (GOLDEN / "scope-sports-results.txt").read_text(encoding="utf-8")
    note = coding_note(Article("x", None, None, None, None, "en", sports), 2)
    assert note and note.startswith("no events coded: out of PLOVER's scope, sports")
    assert coding_note(Article("x", None, None, None, None, None, "Poland and Lithuania "
                               "agreed to hold drills."), 2) is None
