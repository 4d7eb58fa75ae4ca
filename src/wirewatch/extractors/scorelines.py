"""Sports results and standings in wire copy: the names on a line of scores are teams.

"Leicester 2 Oxford 0", "CHICAGO 65 66 .496 5", "Birmingham v Barnsley": a model reads such
names as places or people, but on a line of scores a town's or a county's name names its
team, an organisation. A country's name stays a place ("Italy 2 England 1"), as news style
and the CoNLL annotation both keep national sides, and a name that is no place (a golfer's
in a leaderboard) keeps what the model read.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.util import filter_spans

from .gazetteer import open_gazetteer
from .spans import doc_text

NAME = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*)*"
_LINES = (
    re.compile(rf"^(?P<a>{NAME}) \d+ (?P<b>{NAME}) \d+$"),  # a result
    re.compile(rf"^(?P<a>{NAME})(?: (?:\d*\.?\d+|-)){{3,}}$"),  # a row of a table
    re.compile(rf"^(?P<a>{NAME}) (?:v|vs\.?|at|AT) (?P<b>{NAME})$"),  # a fixture
)


def team_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the team names on the text's lines of scores."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        for pattern in _LINES:
            match = pattern.match(stripped)
            if match:
                spans.extend((offset + match.start(g), offset + match.end(g))
                             for g in ("a", "b") if g in match.groupdict() and match[g])
                break
        offset += len(line) + 1
    return spans


def _town(name: str) -> bool:
    """A town's or a region's name, not a country's; a name that is no place at all
    ("Ernie Els 66 67 133") keeps what the model read."""
    places = open_gazetteer().lookup(name)
    return bool(places) and not any(c.feature == "country" for c in places)


def add_team_entities(doc: Doc) -> list[tuple[int, int]]:
    """Label the team names of score lines ORG, replacing what the model read there;
    returns their character spans."""
    text = doc_text(doc)
    teams = []
    for start, end in team_spans(text):
        span = doc.char_span(start, end, label="ORG")
        if span is not None and _town(text[start:end]):
            teams.append(span)
    if teams:
        taken = {i for span in teams for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans([*teams, *kept])
    return [(span.start_char, span.end_char) for span in teams]


__all__ = ["add_team_entities", "team_spans"]
