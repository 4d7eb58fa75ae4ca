"""Is an article about political interaction, the only thing PLOVER codes?

A match report, a product review or a recipe still names countries and people and uses verbs
such as "beat", "attack" or "agree", so an event coder run over it invents political events.
Out of scope needs evidence; an article is in scope by default. The signals, each from a data
file in ``resources/``:

- the section it was filed under, from the caller or the URL path (``/sport/``, ``/recipes/``);
- Phoenix's discard phrases (``scope_discards.tsv``): a story-level one ("world cup",
  "wimbledon") marks a whole story, a sentence-level sports or entertainment one counts as
  one off-topic word;
- the density of political words against sports, commerce, technology, entertainment,
  lifestyle and science words (``scope_vocabulary.tsv``);
- whether the coder found any political actor at all (the caller passes the count).

Only ``text``, ``title``, ``url`` and the actor count are read, all of them stored, so the
decision can be made again for a stored article to say why it has no events.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from ..model import Article
from ..normalize import is_english
from ..resources import bundled_table
from .spans import literal_alternation

# Off-topic words needed before the vocabulary alone puts a story out, and how many times
# the political words they must outnumber.
MIN_OFF_TOPIC = 5
OFF_TOPIC_RATIO = 1.5
# A word counts at most this many times: "dog" 31 times is one topic word, not 31.
MAX_PER_TERM = 3
# A story-level Phoenix phrase weighs as much as this many off-topic words.
STORY_DISCARD_WEIGHT = 3
# A story of at least LONG_STORY_WORDS words with fewer political words than this is out:
# political news cannot be told without them.
MIN_POLITICAL_IN_LONG_STORY = 3
LONG_STORY_WORDS = 150
# A long story naming no actor is out unless it has at least this many political words.
MIN_POLITICAL_WITHOUT_ACTORS = 5
# A story filed under an "out" section stays in only when political words dominate this much.
# The editors' section is strong evidence: the text must be overwhelmingly political.
SECTION_OVERRIDE_POLITICAL = 8
SECTION_OVERRIDE_RATIO = 3.0
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class ScopeDecision:
    in_scope: bool
    reason: str
    """Why, in words a user reads: "sports vocabulary (23 words against 2 political)"."""
    topic: str | None = None
    """The kind of story when it is out of scope: sports, commerce, lifestyle, ..."""


@cache
def _vocabulary() -> tuple[re.Pattern[str], dict[str, str]]:
    topics = {row["term"].replace("_", " "): row["topic"]
              for row in bundled_table("scope_vocabulary.tsv")}
    return _alternation(topics), topics


@cache
def _discards() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = {row["phrase"]: (row["level"], row["topic"])
            for row in bundled_table("scope_discards.tsv")}
    return _alternation(rows), rows


@cache
def _sections() -> dict[str, tuple[str, str]]:
    return {row["section"]: (row["scope"], row["topic"])
            for row in bundled_table("scope_sections.tsv")}


def _alternation(terms: dict[str, object]) -> re.Pattern[str]:
    """One pattern for every term, longest first, each matched as whole words."""
    body = literal_alternation(terms, space=r"\s+")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def url_section(url: str | None) -> tuple[str, str, str] | None:
    """``(segment, scope, topic)`` for the first path segment of ``url`` that names a known
    section; ``None`` when none does or the URL cannot be read."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    sections = _sections()
    for segment in path.lower().split("/")[:-1]:  # the last segment is the story's slug
        if segment in sections:
            return (segment, *sections[segment])
        # A compound section ("science-and-health") whose every word is one kind of section.
        parts = [p for p in segment.split("-") if p not in ("and", "n")]
        if len(parts) > 1 and all(p in sections for p in parts) \
                and len({sections[p][0] for p in parts}) == 1:
            return (segment, *sections[parts[0]])
    return None


def _section(section: str | None, url: str | None) -> tuple[str, str, str] | None:
    if section:
        key = section.strip().lower().replace(" ", "-")
        if key in _sections():
            return (key, *_sections()[key])
    return url_section(url)


def decide_scope(text: str, *, title: str | None = None, url: str | None = None,
                 section: str | None = None, actors: int | None = None) -> ScopeDecision:
    """Whether PLOVER events should be coded from this article, with the reason.

    ``actors`` is the number of political actors the coder found (``None``: not known).
    """
    body = f"{title or ''}\n{text}".lower()
    pattern, topics = _vocabulary()
    terms = Counter(" ".join(m.group(0).split()) for m in pattern.finditer(body))
    counts: Counter[str] = Counter()
    for term, n in terms.items():  # a story's kind shows in many words, not one repeated
        counts[topics[term]] += min(n, MAX_PER_TERM)
    discard_pattern, discards = _discards()
    story_discard = None
    for match in discard_pattern.finditer(body):
        level, topic = discards[" ".join(match.group(0).split())]
        if level == "story":
            story_discard = story_discard or match.group(0)
            counts[topic if topic != "other" else "sports"] += STORY_DISCARD_WEIGHT
        elif topic != "other":
            counts[topic] += 1
    political = counts.pop("politics", 0)
    off_total = sum(counts.values())
    top = counts.most_common(1)[0][0] if counts else None
    words = f"{off_total} {top or 'off-topic'} words against {political} political"

    filed = _section(section, url)
    if filed is not None and filed[1] == "out":
        if political >= max(SECTION_OVERRIDE_POLITICAL, SECTION_OVERRIDE_RATIO * off_total):
            return ScopeDecision(True, f"filed under /{filed[0]}/ but political ({words})")
        return ScopeDecision(False, f"{filed[2]} (filed under /{filed[0]}/)", filed[2])
    if story_discard and off_total >= political:
        return ScopeDecision(False, f"{top} (Phoenix story discard {story_discard!r}; {words})",
                             top)
    # Filed under a political section, the off-topic words must outnumber twice as much.
    ratio = OFF_TOPIC_RATIO if filed is None else 2 * OFF_TOPIC_RATIO
    if off_total >= MIN_OFF_TOPIC and off_total >= ratio * max(political, 1):
        return ScopeDecision(False, f"{top} vocabulary ({words})", top)
    long_story = len(_WORD.findall(body)) >= LONG_STORY_WORDS  # a brief is judged kindly
    if long_story and political < MIN_POLITICAL_IN_LONG_STORY:
        return ScopeDecision(False, f"hardly any political vocabulary ({words})", top)
    if long_story and actors == 0 and political < MIN_POLITICAL_WITHOUT_ACTORS:
        return ScopeDecision(False, f"names no political actor ({words})", None)
    if filed is not None:
        return ScopeDecision(True, f"filed under /{filed[0]}/ ({words})")
    return ScopeDecision(True, f"political interaction ({words})")


def coding_note(article: Article, actors: int) -> str | None:
    """Why a stored article has no events though it was stored: its language or its scope;
    ``None`` when it was coded."""
    if not is_english(article.language):
        return f"not coded: language {article.language}; wirewatch codes English"
    decision = decide_scope(article.text, title=article.title, url=article.url, actors=actors)
    if decision.in_scope:
        return None
    return f"no events coded: out of PLOVER's scope, {decision.reason}"
