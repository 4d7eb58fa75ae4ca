"""Stories: articles about one developing story, grouped as they arrive.

An article is a TF-IDF vector over its content words plus its actors' countries, places,
names and months; it joins the story holding its nearest recent article within the time
window, or starts a new one. Candidate stories come from an index of the stories' actors,
places, names and leading terms, dated and capped, so the cost of placing an article does not
grow with the store.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from sqlalchemy import ColumnElement, Connection, Select, bindparam, insert, select, update
from wordfreq import zipf_frequency

from ..model import Document
from ..store.schema import article_links, stories, story_keys

WORD = re.compile(r"[^\W\d_][\w'-]{2,}")
VECTOR_TERMS = 40  # an article's strongest terms
KEY_TERMS = 6  # leading terms indexed for finding candidate stories
MAX_CANDIDATES = 30
ACTIVE_STORIES = 2000  # undated articles: how many of the newest stories they may join
MEMBERS = 10  # recent articles compared per candidate story
WINDOW = timedelta(days=7)
THRESHOLD = 0.15  # cosine to the nearest article of a story (ECB+ sweep: docs/linking.md)
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "LOC", "GPE", "EVENT", "NORP", "PRODUCT"})
MARKS = "@#$%"  # actor, place, name, month features
MAX_ZIPF = 8.0  # wordfreq's scale tops out near 8 ("the")
MIN_RARITY = 0.5
ACTOR_WEIGHT = 2.0  # an actor or place counts as much as two mentions of a word
NAME_WEIGHT = 3.0  # a name or a month tells stories apart best


def term_frequencies(document: Document) -> Counter[str]:
    text = document.article.text
    words = Counter(w.lower() for w in WORD.findall(text) if w.lower() not in STOP_WORDS)
    for actor in document.actors:
        words[f"@{actor.country or actor.code}"] += ACTOR_WEIGHT * len(actor.mentions)
    for place in document.places:
        if place.name:
            words[f"#{place.name.lower()}"] += ACTOR_WEIGHT
    for entity in document.entities:
        if entity.label in NAME_LABELS:
            words[f"${entity.text.lower()}"] += NAME_WEIGHT
    for time in document.times:
        if time.value and time.value[:4].isdigit():
            words[f"%{time.value[:7]}"] += NAME_WEIGHT  # the month a story happens in
    return words


def vector(tf: Counter[str]) -> dict[str, float]:
    """Log-scaled TF-IDF over the strongest terms, unit length. Inverse document frequency
    comes from general English (wordfreq's Zipf scale: "said" 6.6, "Kyiv" 3.5), so weighing an
    article costs no lookup in the store; names, places, actors and months weigh as the
    rarest words."""
    weights = {t: (1 + math.log(n)) * _rarity(t) for t, n in tf.items() if n > 0}
    top = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:VECTOR_TERMS])
    norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
    return {t: w / norm for t, w in top.items()}


@lru_cache(maxsize=65536)
def _rarity(term: str) -> float:
    if term[0] in MARKS:
        return MAX_ZIPF
    return max(MIN_RARITY, MAX_ZIPF - zipf_frequency(term, "en")) ** 2


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    norm = math.sqrt(sum(w * w for w in b.values())) or 1.0
    return dot / norm


def _keys(vec: dict[str, float]) -> list[str]:
    marked = [t for t in vec if t[0] in MARKS]
    words = [t for t in vec if t[0] not in MARKS][:KEY_TERMS]
    return [k[:96] for k in (*marked, *words)]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _candidates(*conditions: ColumnElement[bool]) -> Select:
    """Recent stories sharing a key with the article, newest first; each statement is built
    once, since building it anew cost more than running it."""
    sharing = select(story_keys.c.story_id).where(
        story_keys.c.key.in_(bindparam("keys", expanding=True)), *conditions)
    return (select(stories).where(stories.c.id.in_(sharing.distinct()))
            .order_by(stories.c.last_published.desc().nulls_last(), stories.c.id.desc())
            .limit(MAX_CANDIDATES))


# Keys are dated by the articles that brought them, so a key such as "@USA", which names
# stories without end, is read only for the days of the window.
_CANDIDATES_SINCE = _candidates(story_keys.c.day >= bindparam("since"))
_CANDIDATES_FROM = _candidates(story_keys.c.story_id >= bindparam("oldest"))
_CANDIDATES_ANY = _candidates()
_OLDEST_ACTIVE = (select(stories.c.id).order_by(stories.c.id.desc())
                  .offset(ACTIVE_STORIES - 1).limit(1))
_MEMBERS = (select(article_links.c.story_id, article_links.c.terms)
            .where(article_links.c.story_id.in_(bindparam("ids", expanding=True)),
                   article_links.c.terms.is_not(None))
            .order_by(article_links.c.linked_at.desc())
            .limit(bindparam("members")))
_STORY = select(stories).where(stories.c.id == bindparam("story"))
_COUNT = update(stories).where(stories.c.id == bindparam("story"))
_ADD_STORY = insert(stories)
_ADD_KEYS = insert(story_keys)


def assign_story(conn: Connection, document: Document, vec: dict[str, float]
                 ) -> tuple[int, float]:
    """The story the article belongs to (a new one if none is close), and its score."""
    keys = _keys(vec)
    published = _day(document.article.published)
    if published is not None:
        query, params = _CANDIDATES_SINCE, {"since": (published - WINDOW).isoformat()}
    else:
        # counted in stories, not in ids: PostgreSQL's ids have gaps where a transaction was
        # undone (a killed run), and a rerun must place the article as an unbroken run would
        oldest = conn.execute(_OLDEST_ACTIVE).scalar()
        query, params = ((_CANDIDATES_ANY, {}) if oldest is None
                         else (_CANDIDATES_FROM, {"oldest": oldest}))
    candidates = {}
    for row in conn.execute(query, {"keys": keys, **params}):
        first = _day(row.first_published)
        if published is None or first is None or first <= published + WINDOW:
            candidates[row.id] = row
    best, best_score = None, 0.0
    if candidates:
        # an article belongs with the story holding its nearest article: stories drift, and
        # their summed vector blurs into the next story on the same subject
        members = conn.execute(_MEMBERS, {"ids": list(candidates),
                                          "members": MEMBERS * len(candidates)})
        for member in members:
            score = cosine(vec, member.terms)
            if score > best_score:
                best, best_score = candidates[member.story_id], score
    stamp = document.article.published
    if best is not None and best_score >= THRESHOLD:
        count_member(conn, best.id, stamp, _actors(document))
        _index(conn, best.id, keys, published)
        return best.id, best_score
    title = document.article.title or document.article.text[:120].split("\n")[0]
    story_id = conn.execute(_ADD_STORY, {
        "title": title, "first_published": stamp, "last_published": stamp, "articles": 1,
        "actors": sorted(_actors(document))}).inserted_primary_key[0]
    _index(conn, story_id, keys, published)
    return story_id, 1.0


def count_member(conn: Connection, story_id: int, published: str | None,
                 actors: set[str] | None = None) -> None:
    """An article joins a story: it counts, it may widen the dates, and its actors join the
    story's (a syndicated copy brings none of its own)."""
    row = conn.execute(_STORY, {"story": story_id}).one()
    conn.execute(_COUNT, {
        "story": story_id, "articles": row.articles + 1,
        "actors": sorted(set(row.actors) | (actors or set())),
        "first_published": _earliest(row.first_published, published),
        "last_published": _latest(row.last_published, published)})


def _actors(document: Document) -> set[str]:
    return {a.code for a in document.actors}


def _index(conn: Connection, story_id: int, keys: list[str], day: date | None) -> None:
    if keys:
        conn.execute(_ADD_KEYS, [
            {"key": k, "day": day.isoformat() if day else None, "story_id": story_id}
            for k in dict.fromkeys(keys)])


def _earliest(a: str | None, b: str | None) -> str | None:
    return min(x for x in (a, b) if x) if (a or b) else None


def _latest(a: str | None, b: str | None) -> str | None:
    return max(x for x in (a, b) if x) if (a or b) else None
