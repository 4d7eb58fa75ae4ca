"""The model's rule components (attribute ruler, lemmatizer) run a Doc at a time.

spaCy applies them token by token in Python: on news text the attribute ruler takes about a
sixth of the parse and the lemmatizer, on words it has not seen, another tenth. Both answer
from a few attributes of each token, so their answers are worked out once per distinct key
and written for the whole Doc through its arrays; a Doc comes out as spaCy's own components
would leave it (tests/unit/test_doc_rules.py compares every token). A model whose rules use
anything else keeps spaCy's components. One correction follows them: a rule lemmatizer's
"hop" for "hopes" (VerbStems).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import VERB as VERB_POS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

ATTRIBUTES = "wirewatch_attribute_ruler"
LEMMAS = "wirewatch_lemmatizer"
# What a one-token rule may test, by the attribute the Doc's array holds for it.
TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# What a rule may set through the Doc's arrays.
WRITTEN = (POS, MORPH, LEMMA, TAG)

Test = Callable[[Any], bool]
KNOWN_LIMIT = 200_000
"""Answers kept per component; past this many (a long run over a large corpus) they are
forgotten and worked out again, so memory stays bounded."""


def _test(condition: Any) -> Test | None:
    """A one-token pattern's condition on one attribute, or None where it is of a kind this
    module does not read (the model's own component is kept)."""
    if isinstance(condition, str | bool):
        return lambda value: value == condition
    if not isinstance(condition, dict) or len(condition) != 1:
        return None
    (kind, argument), = condition.items()
    if kind == "IN" and isinstance(argument, list):
        allowed = frozenset(argument)
        return lambda value: value in allowed
    if kind == "NOT_IN" and isinstance(argument, list):
        refused = frozenset(argument)
        return lambda value: value not in refused
    if kind == "REGEX" and isinstance(argument, str):
        pattern = re.compile(argument)
        return lambda value: isinstance(value, str) and pattern.search(value) is not None
    return None


Pattern = tuple[dict[str, Test], frozenset[str] | None]
"""A one-token pattern's tests, and the tags it allows (None: any)."""


def _allowed_tags(condition: Any) -> frozenset[str] | None:
    if isinstance(condition, str):
        return frozenset((condition,))
    if isinstance(condition, dict) and isinstance(found := condition.get("IN"), list) \
            and len(condition) == 1:
        return frozenset(found)
    return None


class DocAttributeRuler:
    """The attribute ruler's rules: those of one token tested on TAG, LOWER, DEP and
    IS_SPACE are answered per distinct tuple of those four; the rest by a matcher of their
    own. As in spaCy, a later rule's value wins."""

    def __init__(self, ruler: AttributeRuler, single: list[tuple[int, list[Pattern]]],
                 matcher: Matcher) -> None:
        self.ruler = ruler
        self.matcher = matcher
        self.known: dict[tuple[str, str, str, bool], tuple[int, ...]] = {}
        # each one-token pattern filed under the tags it allows, so that a new word is
        # tried against a handful of patterns rather than every rule's
        self.by_tag: dict[str, list[tuple[int, dict[str, Test]]]] = {}
        self.any_tag: list[tuple[int, dict[str, Test]]] = []
        for rule, patterns in single:
            for pattern, tags in patterns:
                if tags is None:
                    self.any_tag.append((rule, pattern))
                for tag in tags or ():
                    self.by_tag.setdefault(tag, []).append((rule, pattern))

    @classmethod
    def of(cls, ruler: AttributeRuler) -> DocAttributeRuler | None:
        """The Doc-at-a-time ruler for these rules, or None where one cannot be made."""
        single: list[tuple[int, list[Pattern]]] = []
        matcher = Matcher(ruler.vocab)
        for rule, entry in enumerate(ruler.patterns):
            if any(key not in (*WRITTEN, DEP) for key in ruler.attrs[rule]):
                return None
            patterns = entry["patterns"]
            if all(len(pattern) == 1 for pattern in patterns):
                tests = [{key: test for key, condition in pattern[0].items()
                          if (test := _test(condition)) is not None and key in TESTED}
                         for pattern in patterns]
                if any(len(t) != len(p[0]) for t, p in zip(tests, patterns, strict=True)):
                    return None
                single.append((rule, [(test, _allowed_tags(pattern[0].get("TAG")))
                                      for test, pattern in zip(tests, patterns, strict=True)]))
            else:
                matcher.add(str(rule), patterns)
        return cls(ruler, single, matcher)

    def _rules(self, key: tuple[str, str, str, bool]) -> tuple[int, ...]:
        found = self.known.get(key)
        if found is None:
            if len(self.known) >= KNOWN_LIMIT:
                self.known.clear()
            values = dict(zip(TESTED, key, strict=True))
            found = self.known[key] = tuple(sorted({
                rule for rule, pattern in (*self.by_tag.get(key[0], ()), *self.any_tag)
                if all(test(values[name]) for name, test in pattern.items())}))
        return found

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        tags, lowers, deps = ([strings[h] for h in doc.to_array(attr).tolist()]
                              for attr in (TAG, LOWER, DEP))
        spaces = doc.to_array(IS_SPACE).tolist()
        applied: list[list[int]] = [list(self._rules(key)) for key in zip(
            tags, lowers, deps, map(bool, spaces), strict=True)]
        for match_id, start, end in cast(Sequence[tuple[int, int, int]], self.matcher(
                doc, allow_missing=True)):
            rule = int(strings[match_id])
            applied[range(start, end)[self.ruler.indices[rule]]].append(rule)
        columns = doc.to_array(list(WRITTEN))
        for i, rules in enumerate(applied):
            for rule in sorted(rules):
                for attr, value in self.ruler.attrs[rule].items():
                    if attr == DEP:
                        doc[i].dep = value
                    else:
                        columns[i, WRITTEN.index(attr)] = value
        doc.from_array(list(WRITTEN), columns)
        return doc


class DocLemmatizer:
    """The model's lemmatizer, asked once per distinct word, part of speech and morphology
    (the key of its own cache)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatize, overwrite = self.lemmatizer.lemmatize, self.lemmatizer.overwrite
        strings = doc.vocab.strings
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = self.known.get(key)
            if found is None:
                if len(self.known) >= KNOWN_LIMIT:
                    self.known.clear()
                found = self.known[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(ATTRIBUTES, requires=["token.tag", "token.dep"],
                  assigns=["token.pos", "token.morph", "token.lemma"])
def make_doc_attribute_ruler(nlp: Language, name: str) -> DocAttributeRuler:
    made = DocAttributeRuler.of(cast(AttributeRuler, nlp.get_pipe("attribute_ruler")))
    if made is None:
        raise ValueError("the attribute ruler's rules cannot be read a Doc at a time")
    return made


@Language.factory(LEMMAS, requires=["token.pos", "token.morph"], assigns=["token.lemma"])
def make_doc_lemmatizer(nlp: Language, name: str) -> DocLemmatizer:
    return DocLemmatizer(cast(Lemmatizer, nlp.get_pipe("lemmatizer")))


def run_rules_by_doc(nlp: Language) -> None:
    """Put the Doc-at-a-time components in place of the model's attribute ruler and its rule
    or lookup lemmatizer, where their rules allow it."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and DocAttributeRuler.of(ruler) is not None:
        nlp.add_pipe(ATTRIBUTES, after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in ("rule", "lookup"):
        nlp.add_pipe(LEMMAS, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")


E_STEMS = "wirewatch_e_stems"
SIBILANT_ENDS = ("s", "x", "z", "ch", "sh", "o")
VOWELS = frozenset("aeiou")


class VerbStems:
    """The rule lemmatizer takes the last of its rules' answers that it knows as a verb, so
    "hopes", "hoped" and "hoping" come out as "hop", "rated" as "rat". A verb whose stem is
    one consonant after a vowel doubles it before -ed and -ing ("hopped") and takes -es only
    after a hiss or an o ("taxes", "goes"): where the form shows neither and the stem with
    an "e" is a verb too, that is the lemma."""

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs

    def lemma(self, word: str, lemma: str) -> str:
        fuller = lemma + "e"
        if fuller not in self.verbs or len(lemma) < 2:
            return lemma
        if word == lemma + "es":
            return lemma if lemma.endswith(SIBILANT_ENDS) else fuller
        if word in (lemma + "ed", lemma + "ing") and lemma[-1] not in VOWELS \
                and lemma[-2] in VOWELS and lemma[-3:-2] not in VOWELS:
            return fuller  # one consonant after one vowel: "hop" would be "hopped"
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        columns = doc.to_array([POS, LEMMA, LOWER])
        changed = False
        for i in (columns[:, 0] == VERB_POS).nonzero()[0].tolist():
            lemma = strings[columns[i, 1]]
            if (better := self.lemma(strings[columns[i, 2]], lemma)) != lemma:
                columns[i, 1] = strings.add(better)
                changed = True
        if changed:
            doc.from_array([LEMMA], columns[:, 1:2].copy())
        return doc


@Language.factory(E_STEMS, requires=["token.lemma", "token.pos"], assigns=["token.lemma"])
def make_verb_stems(nlp: Language, name: str) -> VerbStems:
    lemmatizer = cast(Lemmatizer, nlp.get_pipe("lemmatizer"))
    index = lemmatizer.lookups.get_table("lemma_index", {}).get("verb", [])
    return VerbStems(frozenset(index))


def correct_verb_stems(nlp: Language) -> None:
    """Add VerbStems after a rule lemmatizer (a lookup or trained one needs no help)."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        nlp.add_pipe(E_STEMS, after=LEMMAS if LEMMAS in nlp.pipe_names else "lemmatizer")
