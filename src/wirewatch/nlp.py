"""Build the spaCy pipeline once, by name, with the wirewatch component; parse in batches."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, minibatch

from .doc_rules import correct_verb_stems, run_rules_by_doc
from .errors import ModelNotFound, SettingError
from .extractors.actors import (
    ActorContext,
    ActorDictionary,
    affiliated_people,
    code_entities,
    find_actor_mentions,
    find_entities,
    same_person,
)
from .extractors.annotations import Annotations
from .extractors.casing import add_shouted_entities, name_forms
from .extractors.events import find_events
from .extractors.places import (
    agree_with_places,
    cities_read_as_people,
    code_named_organisations,
    find_places,
    places_after_prepositions,
)
from .extractors.quantities import find_quantities
from .extractors.scorelines import add_team_entities
from .extractors.spans import TEXT_KEY, token_strings
from .extractors.statements import find_statements
from .extractors.times import find_times
from .kinds import CONTRACT, added
from .normalize import PreparedArticle

COMPONENT = "wirewatch"
PIECE_CHARS = 100_000
"""Articles longer than this are parsed in pieces of at most this many characters."""
# Where a long text may be cut, best first: a blank line, a sentence end, any space.
_PIECE_BOUNDARIES = (re.compile(r"\n\s*\n\s*"), re.compile(r"[.!?][\"'”’)]*\s+"),
                     re.compile(r"\s+"))
PARAGRAPHS = "wirewatch_paragraphs"
EXTENSION = "wirewatch"
CONTEXT_KEY = "wirewatch"
CONTRACT_KEYS = tuple(kind.key for kind in CONTRACT)


class WirewatchComponent:
    """Runs every extractor over a parsed Doc and stores the result in ``doc._.wirewatch``.

    Article facts the text cannot give (publication date, publisher, dateline) are read from
    ``doc.user_data["wirewatch"]`` when present.
    """

    def __init__(self, nlp: Language, name: str, actors: Sequence[str] = ()) -> None:
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)
        self.name = name
        self.nlp = nlp
        self.book = ActorDictionary.load(tuple(actors))
        self.matcher = self.book.phrase_matcher(nlp)
        self.name_forms = name_forms(self.book.entries)

    def _model(self, text: str) -> Doc:
        """The statistical pipes before this component, on a text of their own."""
        doc = self.nlp.make_doc(text)
        for name, pipe in self.nlp.pipeline:
            if name == self.name:
                break
            doc = pipe(doc)
        return doc

    def context(self, doc: Doc) -> ActorContext:
        facts: dict[str, Any] = doc.user_data.get(CONTEXT_KEY, {})
        published = facts.get("published")
        return ActorContext(
            published=date.fromisoformat(published[:10]) if published else None,
            home_country=self.book.home_country(facts.get("source"), facts.get("dateline")),
            publisher=facts.get("source"),
        )

    def __call__(self, doc: Doc) -> Doc:
        try:
            index_sentences(doc)
            context = self.context(doc)
            shouted = add_shouted_entities(doc, self._model, self.name_forms)
            teams = add_team_entities(doc)
            entities = cities_read_as_people(places_after_prepositions(
                find_entities(doc, self.book, self.matcher, context, shouted, teams)))
            mentions = find_actor_mentions(doc, entities, self.book, context)
            times = find_times(doc, context.published)
            quantities = find_quantities(doc, [(t.start, t.end) for t in times])
            places = find_places(doc, entities, context.home_country)
            entities, mentions = code_named_organisations(
                *agree_with_places(entities, mentions, places), places, self.book.kind_roles)
            entities, mentions = same_person(*affiliated_people(
                code_entities(entities, mentions), mentions))
            statements = find_statements(
                doc, [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), m.code)
                      for m in mentions],
                [h.span for h in entities if h.label == "PERSON"], context.publisher)
            found = Annotations(entities, mentions, times, quantities, places, statements,
                                published=context.published)
            found.events = find_events(doc, found)
            for kind in added():  # each sees what the built-in extractors and those before
                seen = {key: getattr(found, key) for key in CONTRACT_KEYS} | found.extra
                found.extra[kind.key] = list(kind.extract(doc, seen) or ())
            doc._.set(EXTENSION, found)
        except Exception as err:  # one bad article must not stop a batch
            doc._.set(EXTENSION, Annotations(error=f"{type(err).__name__}: {err}"))
        return doc


def index_sentences(doc: Doc) -> None:
    """Answer ``token.sent`` and ``span.sent`` from one list of sentences: spaCy's own lookup
    scans the whole Doc each time, which makes extraction quadratic in the text's length."""
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]

    def containing(i: int) -> Span:
        return sentences[bisect_right(starts, i) - 1]

    doc.user_token_hooks["sent"] = lambda token: containing(token.i)
    doc.user_span_hooks["sent"] = lambda span: containing(span.start)


@Language.factory(
    COMPONENT,
    default_config={"actors": []},
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
    assigns=[f"doc._.{EXTENSION}"],
)
def make_wirewatch_component(nlp: Language, name: str, actors: list[str]) -> WirewatchComponent:
    return WirewatchComponent(nlp, name, actors)


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the parser then never joins a heading, a time stamp or
    a dateline to the paragraph below it; nor a heading that lost its line break."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    words, tags = token_strings(doc, ORTH, str), token_strings(doc, TAG, str)
    run_in_headings(doc, words, tags)
    letter_names_at_sentence_end(doc, words, tags)
    return doc


def letter_names_at_sentence_end(doc: Doc, words: Sequence[str], tags: Sequence[str]) -> None:
    """A one-letter name ending a sentence keeps its full stop in one token, which the
    parser reads as an initial ("said in a statement posted on X. Militants …"): after a
    preposition and before a capitalised word, a new sentence starts there."""
    for i in range(1, len(doc) - 1):
        word = words[i]
        if len(word) == 2 and word[0].isupper() and word[1] == "." \
                and tags[i - 1] == "IN" and words[i + 1][:1].isupper():
            doc[i + 1].is_sent_start = True


HEADING_WORDS = 6
"""The longest heading read as run into the paragraph after it."""
# Words that open a sentence, not a name ("The", "If", "It", "While"), and opening quotes.
OPENING_TAGS = frozenset({"DT", "IN", "PRP", "WRB", "WDT", "WP"})
OPENING_QUOTES = frozenset({'"', "\u201c"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
FINITE_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})


def run_in_headings(doc: Doc, words: Sequence[str], tags: Sequence[str]) -> None:
    """A text that lost its line breaks runs each heading into its paragraph ("… reserves. The
    attack The Jaffar Express came under …", "Recent attacks Since January, the BLA …"): a
    sentence that opens with a few capitalised, verbless words ending in a lower-case one,
    then a capitalised word that opens sentences (or an opening quote), starts again there."""
    marked = doc.to_array(SENT_START).tolist()  # the blank lines' starts, set just before
    start = 0
    for i in range(1, len(doc)):
        before = words[i - 1]
        if before in SENTENCE_ENDS or marked[i] == 1:
            start = i
            continue
        if not 1 <= i - start <= HEADING_WORDS or not words[start][:1].isupper() \
                or not before[:1].islower():
            continue
        opens = (words[i][:1].isupper() and tags[i] in OPENING_TAGS) or (
            words[i] in OPENING_QUOTES and i + 1 < len(doc) and words[i + 1][:1].isupper())
        if opens and all(words[k][:1].isalpha() and tags[k] not in FINITE_VERB_TAGS
                         for k in range(start, i)):
            doc[i].is_sent_start = True
            start = i


def installed_models() -> list[str]:
    return sorted(spacy.util.get_installed_models())


@cache
def load_pipeline(model: str, actors: tuple[str, ...] = ()) -> Language:
    """The named spaCy pipeline with the wirewatch component added; built once per process."""
    try:
        nlp = spacy.load(model)
    except OSError:
        have = ", ".join(installed_models()) or "none"
        raise ModelNotFound(f"spaCy model {model!r} is not installed (installed: {have})"
                            ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise SettingError(f"spaCy model {model!r} lacks {', '.join(sorted(missing))},"
                           " which wirewatch needs")
    split_abbreviated_compounds(nlp)
    run_rules_by_doc(nlp)
    correct_verb_stems(nlp)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.add_pipe(COMPONENT, config={"actors": list(actors)})
    return nlp


ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"
"""A hyphen after an abbreviation's full stop ("U.S.-led", "U.N.-backed", "U.S.-China"),
which the model's tokenizer leaves inside one token, hiding the actor it names."""


def split_abbreviated_compounds(nlp: Language) -> None:
    """Split "U.S.-proposed" into "U.S.", "-", "proposed", as "Russia-backed" is split."""
    infix = nlp.tokenizer.infix_finditer
    found = getattr(infix, "__self__", None)  # the model's own infix pattern, when it has one
    own = found.pattern if isinstance(found, re.Pattern) else None
    nlp.tokenizer.infix_finditer = (
        re.compile(f"{own}|{ABBREVIATION_HYPHEN}") if own else
        compile_infix_regex([*nlp.Defaults.infixes, ABBREVIATION_HYPHEN])).finditer


def make_doc(nlp: Language, item: PreparedArticle) -> Doc:
    doc = nlp.make_doc(item.article.text)
    _keep_facts(doc, item)
    return doc


def _keep_facts(doc: Doc, item: PreparedArticle) -> None:
    """The article's facts beside its Doc, and its text: a Doc's text equals the text it was
    made from, which spaCy would otherwise rebuild from the tokens (3 ms an article)."""
    doc.user_data[CONTEXT_KEY] = _facts(item)
    doc.user_data[TEXT_KEY] = item.article.text


def _facts(item: PreparedArticle) -> dict[str, Any]:
    return {
        "published": item.article.published,
        "source": item.article.source,
        "dateline": item.dateline,
    }


def parse(nlp: Language, items: Iterable[PreparedArticle], batch_size: int = 16,
          piece_chars: int = PIECE_CHARS) -> Iterator[tuple[PreparedArticle, Doc]]:
    """Parse every article once with ``nlp.pipe``, keeping each article beside its Doc.

    An article longer than ``piece_chars`` is parsed in pieces (the model has a length limit
    and its memory grows with the text) and read by the wirewatch component as one Doc.
    """
    for batch in minibatch(items, batch_size):
        short = [(make_doc(nlp, item), item) for item in batch
                 if len(item.article.text) <= piece_chars]
        parsed = {id(item): doc for doc, item in
                  nlp.pipe(short, as_tuples=True, batch_size=batch_size)}
        for item in batch:
            doc = parsed.get(id(item))
            yield item, doc if doc is not None else _parse_long(nlp, item, piece_chars)


def _parse_long(nlp: Language, item: PreparedArticle, piece_chars: int) -> Doc:
    docs = []
    for piece in nlp.pipe(split_pieces(item.article.text, piece_chars), batch_size=1,
                          disable=[COMPONENT]):
        piece.tensor = numpy.zeros((0,), dtype="float32")  # the parse is kept, not its vectors
        docs.append(piece)
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    _keep_facts(doc, item)
    return nlp.get_pipe(COMPONENT)(doc)


def split_pieces(text: str, size: int) -> list[str]:
    """Cut a text into pieces of at most ``size`` characters that join back into it, each
    ending at a paragraph break where one is near, else after a sentence, else at a space."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for boundary in _PIECE_BOUNDARIES:
            found = [m.end() for m in boundary.finditer(window, size // 2)]
            if found:
                cut = found[-1]
                break
        cut = cut or size
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces
