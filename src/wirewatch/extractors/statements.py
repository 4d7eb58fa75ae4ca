"""Reported speech: direct quotes and indirect statements with their speakers, cues,
anonymity and the chain of sources that passed them on.

Direct quotes are found in the text (curly or straight marks, across paragraphs, unbalanced
marks closed at the paragraph end); indirect statements from the parse (a reporting verb's
clausal complement, "according to X", "the assessment that ..."). Speakers resolve to the
nearest compatible earlier mention ("he", "the official") and carry its actor code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import numpy
from spacy.attrs import POS
from spacy.symbols import NOUN
from spacy.tokens import Doc, Span, Token

from .annotations import SpeakerHit, StatementHit
from .reporting import CLOSING, OPENING, Cues, cues, doc_quotes
from .spans import SpanIndex, doc_text, lower_lemmas

MIN_QUOTE_WORDS = 4
MAX_CUE_GAP = 80  # characters between a statement and a quotation its speaker goes on with
NAME = r"[A-Z][\w.'’-]*(?:[ \t\u00a0]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin))*"
# "NAME: what they said" at the start of a line (transcripts, headlines: "Poll: ...").
_LABELLED = re.compile(
    rf"^[ \t]*[\"“]?(?P<name>{NAME})[ \t]*(?P<cue>:)[ \t]+(?P<content>\S[^\n]*)", re.MULTILINE)
# "… there? Richard Armitage, former deputy secretary of state: The obvious message …": a
# question-and-answer interview run into one paragraph, each turn opened by its speaker.
_TURN = re.compile(rf"(?:^|(?<=[.?!”\"\]])[ \t]+)(?P<name>{NAME})"
                   r"(?P<role>,[ \t]+[^:?!\n]{3,80}?)?[ \t]*(?P<cue>:)[ \t]+(?=[\"“\[]?[A-Z])")
MIN_TURNS_OF_ONE_SPEAKER = 2  # an interviewer labels several questions with one name
# "… .” ― Sonya Herridge": a quote signed with a dash.
_SIGNED = re.compile(rf"[”\"»]?[ \t\u00a0]*(?P<cue>[―—–])[ \t\u00a0]*(?P<name>{NAME})")
# Cue verbs whose object is a listener, a thing gained or an item added, not what was said.
OBJECT_IS_NOT_CONTENT = frozenset({"tell", "ask", "learn", "find", "add"})
TOPIC_PREPOSITIONS = frozenset({"for", "on", "about", "against", "to"})
COMPLEMENTIZERS = frozenset({"that"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
PERSON_PRONOUNS = frozenset({"he", "she"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
# What a reporting verb says through, beside its object: "called it [a disgrace]",
# "criticized him [for the delay]".
COMPLEMENTS = frozenset({"dobj", "dative", "oprd", "xcomp", "ccomp", "attr", "acomp", "prep"})
TIME_PREPOSITIONS = frozenset({"on", "at", "in", "after", "before", "during", "since", "until"})
# A reporting verb's dependents that belong to its cue when they stand before the content.
CUE_MODIFIERS = frozenset({"npadvmod", "advmod", "prep", "prt", "punct"})
DASHES = frozenset({"-", "--", "–", "—", "―"})






def _labels_a_speaker(label: Span, content: str, transcript: bool) -> bool:
    """A line label that names who speaks ("WALLACE:", "Poll:"), not a headline with a
    verb ("Clinton Wades In:"), a shouted tag ("BOOM:") or a tally ("Sanders: 1,547"). A label
    in capitals is a speaker in a transcript (where some label opens several lines) or where
    the text names it otherwise."""
    if any(t.pos_ in ("VERB", "AUX") for t in label):
        return False
    if label.text.isupper() and not transcript and label.text.title() not in doc_text(label.doc):
        return False
    return len(re.findall(r"[^\W\d_]+", content)) >= 2


def _name_bounds(match: re.Match[str]) -> tuple[int, int]:
    """A matched name without the full stop that ends its sentence ("― Steve Quinlan.")."""
    start, end = match.span("name")
    last = match["name"].split()[-1]
    return start, end - (last.endswith(".") and len(last) > 3)


# ---------------------------------------------------------------- speakers

def _subject(verb: Token) -> Span | None:
    """Who speaks: the verb's subject with everything that describes it (titles,
    appositions, "(D-N.C.)"), or the subject of the verb it is coordinated with."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "agent":  # "it was announced by the ministry"
            objects = [o for o in child.children if o.dep_ == "pobj"]
            return _phrase(objects[0]) if objects else None
    # the subject nearest the verb: a misparsed quote before it can hang a second one on it
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ == "nsubjpass":
            return None  # "X is expected to ...": X is what is said, not who says it
        if child.dep_ == "nsubj":
            if child.tag_ in RELATIVE_TAGS:
                if verb.dep_ != "relcl":
                    return None
                # "an architect who said ...", "rules that promise ...": the relative
                # pronoun, resolved by the speaker resolver to the noun the clause describes
                return doc[child.i:child.i + 1]
            return _phrase(child)
    if verb.head.i == verb.i:
        return None
    head = verb.head
    if _goes_with_reporting_verb(verb):
        return _subject(head.head)
    if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (
            verb.tag_ == "VBG" or any(c.lower_ == "to" for c in verb.children
                                      if c.dep_ == "aux"))):
        # "..., saying that ...", "met with them to discuss ...", "was able to tout ..."
        return _subject(head.head if head.dep_ == "acomp" else head)
    if verb.dep_ == "pcomp" and head.lower_ == "by":  # "started by emphasizing ..."
        return _subject(head.head)
    return None


def _edges(doc: Doc, start: int, end: int, skip_first: frozenset[str] = frozenset()
           ) -> tuple[int, int]:
    """Token bounds without punctuation and space at either edge (nor leading words in
    ``skip_first``)."""
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or doc[start].lower_ in skip_first):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _trim(span: Span) -> Span | None:
    start, end = _edges(span.doc, span.start, span.end)
    return span.doc[start:end] if end > start else None


def _phrase(token: Token) -> Span:
    """A source as written: the token's subtree within its paragraph, without participle
    clauses ("Trump, speaking to veterans, ..."), keeping a closing parenthesis and the comma
    that closes an apposition ("Brian Fallon, the press secretary,")."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ in ("acl", "advcl") and child.tag_ in ("VBG", "VBN") and \
                doc[child.left_edge.i - 1].text == ",":
            end = child.left_edge.i - 1
            break
        if child.dep_ == "relcl" and token.left_edge.i == token.i and \
                doc[child.left_edge.i - 1].text == ",":
            end = child.left_edge.i - 1  # "Trump, who leads the polls,": an aside on a
            break  # name already known, where a full name's relative clause introduces it
        if _when(child):  # "an arbitration panel in 2001", "the campaign on Monday"
            end = child.left_edge.i
            break
    while start < token.i and doc[start].dep_ in ("advmod", "cc", "preconj") and \
            doc[start].head == token:
        start += 1  # "Even China", "But Mr. Morrison"
    for i in range(token.i - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws or (doc[i].text in DASHES and doc[i].whitespace_):
            start = i + 1  # a dateline ("BRUSSELS -") or a time stamp is not the source
            break
    dash = next((i for i in range(start + 1, min(end, start + 6)) if doc[i].text in DASHES
                 and doc[i].whitespace_), None)
    if dash is not None and all(t.is_upper or t.is_punct or t.is_space
                                for t in doc[start:dash]):
        start = dash + 1  # "WASHINGTON -- President Obama": a dateline the parser took in
    while start > 0 and not doc[start - 1].whitespace_ and "-" in (doc[start - 1].text,
                                                                   doc[start].text):
        start = min(start - 1, doc[start - 1].left_edge.i)  # whole hyphenated words with
        # what describes them: "his ex-wife", never "wife"
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end - 1].text,
                                                                      doc[end].text):
        end += 1
    start, end = _edges(doc, start, end)
    span = doc[start:end]
    if span.text.count("(") > span.text.count(")"):  # "Sen. Bernie Sanders (I-Vt.)"
        end = next((i + 1 for i in range(end, min(end + 3, len(doc))) if doc[i].text == ")"),
                   end)
        return doc[start:end]
    return _with_closing_mark(span)


def _with_closing_mark(span: Span) -> Span:
    """A source with the comma or dash that closes its apposition: "Jason Sims — a
    teacher —", "Brian Fallon, the press secretary,"."""
    doc, end = span.doc, span.end
    after = doc[end].text if end < len(doc) else ""
    if (after == "," or after in DASHES) and any(t.text == after for t in span):
        return doc[span.start:end + 1]
    return span


def _reported_clause(clause: Token) -> bool:
    """A clause the parser hung on a reporting verb as an adverbial one though it is what
    was said: it has a subject and no conjunction of time, cause or condition ("said after
    the convention [he would not accept]", "have not said [when they would act]")."""
    return clause.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in clause.children) and \
        all(c.lower_ in ("that", "whether") for c in clause.children if c.dep_ == "mark")


def _completion(verb: Token, vocab: Cues) -> Token | None:
    """The particle, preposition or object that makes a verb a reporting phrase: "took
    [issue] with", "spoke [about]", "weighed [in]"."""
    lemma = verb.lemma_.lower()
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in ("prt", "prep", "dobj")
                 and f"{lemma} {c.lemma_.lower()}" in vocab.verb_phrases), None)


def _says_something(content: Span) -> bool:
    """Two words or more, or one that is not a personal pronoun: "backed [Trump]",
    "said [no]", "said [so]"."""
    return len(content) >= 2 or (len(content) == 1 and content[0].tag_ not in ("PRP", "PRP$")
                                 and not content[0].is_punct)


def _specific(noun: Token) -> bool:
    """"a new poll", "the Gallup polls": one document or named ones, not "in the polls"."""
    return noun.tag_ != "NNS" or any(t.pos_ == "PROPN" for t in noun.subtree)


def _predicate_span(verb: Token, first: Token) -> Span:
    """What follows the verb from its first complement on: "called [it a disgrace]",
    "urged [Congress to act]"."""
    rights = [c for c in verb.rights if c.i >= first.i and c.dep_ in COMPLEMENTS
              and not (c.dep_ == "prep" and c.lower_ in TIME_PREPOSITIONS)]
    end = max(c.right_edge.i for c in rights) + 1 if rights else first.right_edge.i + 1
    start, end = _edges(verb.doc, first.left_edge.i, end)
    return verb.doc[start:end]


def _when(token: Token) -> bool:
    """A time modifier: "on Monday", "in 2001", "last week"."""
    if token.dep_ == "prep":
        return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)
    return token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME")


def _np(token: Token, with_conjuncts: bool = False) -> Span:
    """The noun phrase of a token without relative clauses or appositions after a comma;
    with its conjuncts when asked ("South Korea and its allies")."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    stop = ("relcl", "appos", "punct", "acl", "advcl") + (() if with_conjuncts
                                                          else ("cc", "conj"))
    for child in token.rights:
        if child.dep_ in stop:
            break
        right = child.right_edge.i
    while left < token.i and doc[left].is_punct:
        left += 1
    return doc[left:right + 1]


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves speakers to actors, names and anonymity, remembering earlier speakers."""

    doc: Doc
    actor_spans: list[tuple[int, int, str]]  # character spans of actor mentions
    persons: list[Span]
    publisher: str | None
    history: list[SpeakerHit] = field(default_factory=list)
    nouns: dict[str, list[int]] = field(init=False)
    """Where each noun lemma occurs, in token order, so earlier mentions are found at once."""

    names_with: dict[str, set[str]] = field(init=False)
    """The person names holding each word."""
    first_seen: dict[str, int] = field(init=False)

    actor_index: SpanIndex = field(init=False)
    person_index: SpanIndex = field(init=False)
    person_ends: list[int] = field(init=False)  # persons do not overlap: ends are in order

    def __post_init__(self) -> None:
        self.actor_index = SpanIndex([(s, e) for s, e, _ in self.actor_spans])
        self.person_index = SpanIndex([(p.start_char, p.end_char) for p in self.persons])
        self.person_ends = [p.end_char for p in self.persons]
        self.names_with = {}
        self.first_seen = {}
        for i, person in enumerate(self.persons):
            self.first_seen.setdefault(person.text, i)
            for word in person.text.split():
                self.names_with.setdefault(word, set()).add(person.text)
        self.nouns = {}
        lemmas = lower_lemmas(self.doc)
        for i in numpy.flatnonzero(self.doc.to_array(POS) == NOUN).tolist():
            self.nouns.setdefault(lemmas[i], []).append(i)

    def actor_in(self, start: int, end: int) -> str | None:
        codes = [self.actor_spans[i][2] for i in self.actor_index.overlapping(start, end)]
        return codes[-1] if codes else None

    def person_in(self, start: int, end: int) -> Span | None:
        found = self.person_index.overlapping(start, end)
        return self.persons[found[0]] if found else None

    def resolve(self, span: Span, sentence: Span) -> SpeakerHit | None:
        text = span.text
        if self.publisher and text.lower() in (self.publisher.lower(), "reporters"):
            return None
        head = span.root
        if head.tag_ in RELATIVE_TAGS:
            return self._relative(span, sentence)
        # "Many believe", "Three in 10 said"
        standalone = head.dep_ == "nsubj" and head.pos_ in ("ADJ", "DET", "NUM")
        if not (head.pos_ in ("PROPN", "NOUN", "PRON") or standalone):
            return None  # "'s", "12:15 p.m.": not a source
        actor = self.actor_in(span.start_char, span.end_char)
        person = self.person_in(span.start_char, span.end_char)
        named = person is not None
        name = None
        anonymous = not named and head.lemma_.lower() in cues().anonymous_nouns
        antecedent = None
        if head.lower_ in PRONOUNS and len(span) == 1:
            antecedent = self._antecedent(span, person=head.lower_ in PERSON_PRONOUNS,
                                          plural=head.lower_ == "they")
        elif actor is None or (not named and head.lemma_.lower() in cues().anonymous_nouns):
            antecedent = self._same_head(span)
        if antecedent is not None:
            actor = actor or antecedent.actor
            anonymous = antecedent.anonymous if head.lower_ in PRONOUNS else anonymous
            name = antecedent.name
        if person is not None:
            name = self._full_name(person)
        if cues().anonymity.search(sentence.text):
            anonymous = True
        hit = SpeakerHit(span.start_char, span.end_char, text, actor, anonymous, name,
                         head.lemma_.lower())
        self.history.append(hit)
        return hit

    def _relative(self, span: Span, sentence: Span) -> SpeakerHit | None:
        """"an architect who said": the pronoun as written, speaking for the noun it follows;
        "which may indicate" with no noun phrase to speak for is not a source."""
        clause = span.root.head
        described = self.resolve(_np(clause.head), sentence) if clause.dep_ == "relcl" \
            and clause.head.pos_ in ("PROPN", "NOUN", "PRON") else None
        if described is None:
            return None
        hit = SpeakerHit(span.start_char, span.end_char, span.text, described.actor,
                         described.anonymous, described.name, described.head)
        self.history.append(hit)
        return hit

    def _antecedent(self, span: Span, person: bool, plural: bool = False
                    ) -> SpeakerHit | None:
        # "they wrote" is never one person named before ("Milorad Dodik"), nor "he" the
        # "Taliban authorities" quoted before
        earlier = [h for h in self.history if h.end <= span.start_char
                   and not (plural and h.name is not None)
                   and not (person and h.name is None and self._plural(h))]
        before = bisect_right(self.person_ends, span.start_char)
        last_person = self.persons[before - 1] if before else None
        last_speaker = earlier[-1] if earlier else None
        if person and last_person is not None and (
                last_speaker is None or last_person.start_char > last_speaker.start):
            return SpeakerHit(last_person.start_char, last_person.end_char, last_person.text,
                              self.actor_in(last_person.start_char, last_person.end_char),
                              False, self._full_name(last_person), last_person.root.lemma_)
        return last_speaker

    def _plural(self, hit: SpeakerHit) -> bool:
        """Whether a speaker is many people ("Taliban authorities", "officials")."""
        words = self.doc.char_span(hit.start, hit.end, alignment_mode="expand")
        return words is not None and words.root.tag_ in ("NNS", "NNPS")

    def _same_head(self, span: Span) -> SpeakerHit | None:
        """"the official" -> the last earlier speaker or mention headed by "official"."""
        lemma = span.root.lemma_.lower()
        for hit in reversed(self.history):
            if hit.end <= span.start_char and hit.head == lemma:
                return hit
        earlier = self.nouns.get(lemma, [])
        for i in reversed(earlier[:bisect_left(earlier, span.start)]):
            np = _np(self.doc[i])
            actor = self.actor_in(np.start_char, np.end_char)
            anonymous = lemma in cues().anonymous_nouns and self.person_in(
                np.start_char, np.end_char) is None
            return SpeakerHit(np.start_char, np.end_char, np.text, actor, anonymous, None, lemma)
        return None

    def _full_name(self, person: Span) -> str:
        """The longest earlier or same name that contains this one ("Yoon" -> "Yoon Suk Yeol")."""
        words = person.text.split()
        fuller = set.intersection(*(self.names_with.get(w, set()) for w in words)) \
            if words else set()
        return max(fuller, key=lambda n: (len(n), -self.first_seen[n])) if fuller \
            else person.text


# ---------------------------------------------------------------- statements

def _goes_with_reporting_verb(verb: Token) -> bool:
    """"Rendell said he'd battled pneumonia and called it ...", "May said the country would
    leave, citing ...": the parser hangs on the reported clause a verb that goes with the
    verb reporting it, as its tense or its participle tells."""
    head = verb.head
    return head.dep_ == "ccomp" and head.head.pos_ == "VERB" and (
        (verb.dep_ == "conj" and head.tag_ != verb.tag_ == head.head.tag_)
        or (verb.dep_ == "advcl" and verb.tag_ == "VBG"))


def _clause_span(token: Token) -> Span:
    """A clause's subtree with its complementizer ("that ..."), without edge punctuation,
    up to a verb that goes with the reporting verb rather than with the clause."""
    end = next((c.left_edge.i for c in token.rights if _goes_with_reporting_verb(c)),
               token.right_edge.i + 1)
    while end > token.i + 1 and token.doc[end - 1].dep_ == "cc":
        end -= 1
    start, end = _edges(token.doc, token.left_edge.i, end)
    return token.doc[start:end]


def _head_clause_without(verb: Token, drop: Span) -> Span | None:
    """The clause the cue is tucked into ("X, the official said." -> X)."""
    doc = verb.doc
    sentence = verb.sent
    start, end = sentence.start, drop.start
    if drop.start - sentence.start < 3:  # the cue comes first: the content follows it
        start, end = drop.end, sentence.end
    start, end = _edges(doc, start, end, skip_first=COMPLEMENTIZERS)
    return doc[start:end] if end - start >= 2 else None


@dataclass(slots=True)
class Attribution:
    """What one cue attributes, before its source is resolved to a speaker."""

    content: Span
    source: Span
    cue: Span
    relays: list[str] = field(default_factory=list)
    attitude: bool = False


def _verb_attribution(token: Token, vocab: Cues) -> Attribution | None:
    """A reporting verb or verb phrase with what it reports: its clause, its object or
    infinitive, the topic of its preposition, or the clause it is tucked into."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    doc = token.doc
    lemma = token.lemma_.lower()
    completion = _completion(token, vocab) if lemma not in vocab.verbs else None
    if lemma not in vocab.verbs and completion is None:
        return None
    # the clause after the verb when there is one ("While X, he said Y" reports Y)
    complement = next((c for c in token.rights if c.dep_ == "ccomp"),
                      next((c for c in token.lefts if c.dep_ == "ccomp"),
                           next((c for c in token.rights if _reported_clause(c)), None)))
    # what is wanted, called for or criticised: the infinitive or the object
    secondary = next((c for c in token.children if c.dep_ in ("xcomp", "dobj")
                      and not c.is_punct), None)
    topic = next((o for c in token.children if c.dep_ == "prep"
                  and (c.lower_ in TOPIC_PREPOSITIONS or c is completion)
                  for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
    if completion is not None and completion.dep_ == "dobj":
        # "took issue [with the audit]", "made the case [for new taxes]"
        secondary, topic = None, next(
            (o for c in (*completion.rights, *token.rights) if c.dep_ == "prep"
             and c.i > completion.i for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
    content: Span | None = None
    if complement is not None:
        content = _clause_span(complement)
    elif secondary is not None and (lemma not in OBJECT_IS_NOT_CONTENT or any(
            c.dep_ == "xcomp" for c in token.children)):
        # "asked [the court to block the rule]": the listener with what it was asked
        content = _predicate_span(token, secondary)
    elif topic is not None:  # "called for an inquiry", "pointed to the polls"
        content = _clause_span(topic)
    elif (token.dep_ in ("parataxis", "ccomp") and token.head.lemma_.lower() not in vocab.verbs) \
            or (token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)
                and token.i > token.sent.start + 3):
        content = _head_clause_without(token, doc[token.left_edge.i:token.right_edge.i + 1])
    source = _subject(token)
    if content is None or source is None:
        return None
    key = lemma if completion is None else f"{lemma} {completion.lemma_.lower()}"
    last = completion.i if completion is not None else token.i
    return Attribution(content, source,
                       doc[_verb_group_start(token):_cue_end(token, last + 1, content.start)],
                       attitude=key in vocab.attitudes)


def _cue_end(verb: Token, end: int, content_start: int) -> int:
    """A cue that runs on to what it reports over its own modifiers in between: "said
    Friday", "said in a statement:", never over a listener ("told [reporters]"), a comma or
    the "that" that opens the content."""
    doc = verb.doc
    modifiers = [c for c in verb.rights if c.dep_ in CUE_MODIFIERS]
    if content_start <= end or any(
            not (t.is_punct or t.is_space) and not any(t in m.subtree for m in modifiers)
            for t in doc[end:content_start]):
        return end
    stop = content_start
    while stop > end and (doc[stop - 1].is_space or doc[stop - 1].lower_ == "that"
                          or (doc[stop - 1].is_punct and doc[stop - 1].text != ":")):
        stop -= 1
    return stop


def _verb_group_start(verb: Token) -> int:
    """Where a verb's group begins: its auxiliaries, negation and adverbs right before it
    ("has repeatedly wondered", "did not immediately respond")."""
    start = verb.i
    while start > 0 and verb.doc[start - 1].head == verb and \
            verb.doc[start - 1].dep_ in ("aux", "auxpass", "neg", "advmod"):
        start -= 1
    return start


def _according_to(token: Token) -> Attribution | None:
    """"according to X": X is the source of the clause around the phrase."""
    doc = token.doc
    if token.lemma_.lower() != "accord" or token.i + 1 >= len(doc) or \
            doc[token.i + 1].lower_ != "to":
        return None
    objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = _phrase(objects[0])
    content = _head_clause_without(token, doc[token.i:source.end])
    return Attribution(content, source, doc[token.i:token.i + 2]) if content is not None else None


def _noun_attribution(token: Token, vocab: Cues) -> Attribution | None:
    """A reporting noun with a that-clause ("the assessment that …"), held by its "by" or
    possessive phrase, else speaking for itself, relayed by whoever passes it on."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in vocab.nouns:
        return None
    clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp")
                   and any(m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    doc = token.doc
    source: Span | None = None
    by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    holder = next((c for c in token.children if c.dep_ == "poss"), None)
    if by is not None:
        obj = next((c for c in by.children if c.dep_ == "pobj"), None)
        source = _phrase(obj) if obj is not None else None
    elif holder is not None:
        source = _phrase(holder)
    if source is None:
        source = doc[token.left_edge.i:token.i + 1]
    relays = []
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and token.head.pos_ == "VERB":
        teller = _subject(token.head)
        if teller is not None:
            relays.append(teller.text)
    relays.append(doc[token.left_edge.i:token.i + 1].text)
    return Attribution(_clause_span(clause), source, doc[token.i:token.i + 1], relays,
                       lemma in vocab.attitudes)


def _document_attribution(token: Token, vocab: Cues) -> Attribution | None:
    """"In the latest poll, Clinton leads": the document speaks for itself."""
    if token.dep_ != "prep" or token.lemma_.lower() != "in" or \
            token.head.pos_ not in ("VERB", "AUX") or token.head.lemma_.lower() in vocab.verbs:
        return None
    document = next((c for c in token.children if c.dep_ == "pobj"
                     and c.lemma_.lower() in vocab.documents and _specific(c)), None)
    if document is None:
        return None
    doc = token.doc
    content = _head_clause_without(token, doc[token.i:token.right_edge.i + 1])
    return Attribution(content, _phrase(document), doc[token.i:token.i + 1]) \
        if content is not None else None


@cache
def _cue_lemmas() -> frozenset[str]:
    """Every lemma that can open an attribution: a reporting verb, the first word(s) of a
    reporting phrase, a reporting noun, "accord" and "in". The four attribution tests are
    skipped for every other token, which is nearly all of them."""
    vocab = cues()
    prefixes = {phrase[:i] for phrase in vocab.verb_phrases
                for i, char in enumerate(phrase) if char == " "}
    return frozenset({*vocab.verbs, *prefixes, *vocab.nouns, "accord", "in"})


def find_statements(doc: Doc, actor_spans: list[tuple[int, int, str]], persons: list[Span],
                    publisher: str | None) -> list[StatementHit]:
    """Every attributed statement of the Doc, direct and indirect, with its source chain."""
    vocab = cues()
    resolver = SpeakerResolver(doc, actor_spans, persons, publisher)
    text = doc_text(doc)
    quotes = doc_quotes(doc)
    in_quote = [False] * len(doc)
    for s, e in quotes:
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is not None and len(span) >= MIN_QUOTE_WORDS:
            for i in range(span.start, span.end):
                in_quote[i] = True
    labelled = _labelled_statements(doc, resolver, vocab)
    labelled += [t for t in _interview_turns(doc, resolver, vocab) if not any(
        h.start < t.end and t.start < h.end for h in labelled)]
    direct = _quote_statements(doc, resolver, vocab, quotes, in_quote, labelled)
    used_cues = {cue.i for cue, _ in direct if cue is not None}
    hits = labelled + [hit for _, hit in direct]
    attitudes: list[StatementHit] = []
    candidates = _cue_lemmas()
    for i, lemma in enumerate(lower_lemmas(doc)):
        if lemma not in candidates or i in used_cues or in_quote[i]:
            continue
        token = doc[i]
        found = (_verb_attribution(token, vocab) or _according_to(token)
                 or _noun_attribution(token, vocab) or _document_attribution(token, vocab))
        if found is None:
            continue
        content, source, cue_span = found.content, found.source, found.cue
        if not len(source):
            continue  # "according to »": the phrase held only marks, so there is no source
        if not _says_something(content) or in_quote[source.root.i] or (
                len(source) == 1 and source[0].lower_ in FIRST_SECOND_PERSON):
            continue  # "I think" outside quotes: the writer's own view, or a speaker's aside
        speaker = resolver.resolve(source, token.sent)
        if speaker is None:
            continue
        hit = StatementHit(content.start_char, _closing(text, content.start_char,
                                                        content.end_char),
                           speaker, cue_span.text, (cue_span.start_char, cue_span.end_char),
                           False, relays=found.relays)
        hits.append(hit)
        if found.attitude:
            attitudes.append(hit)

    # "Trump said Clinton wants to raise taxes": a thought or wish inside another speaker's
    # reported content is that speaker's claim, not a statement of its own
    holding = SpanIndex([(h.start, h.end) for h in hits])
    nested = {id(a) for a in attitudes if a.cue_span is not None and any(
        hits[i] is not a for i in holding.overlapping(a.cue_span[0], a.cue_span[0] + 1))}
    statements = sorted((h for h in hits if id(h) not in nested), key=lambda h: h.start)
    statements = _speaker_goes_on(statements, text)
    _chain(statements, publisher)
    return statements


def _labelled_statements(doc: Doc, resolver: SpeakerResolver, vocab: Cues
                         ) -> list[StatementHit]:
    """"WALLACE: ..." lines of a transcript, "Poll: ..." headlines."""
    text = doc_text(doc)
    labels = list(_LABELLED.finditer(text))
    capitals = Counter(m["name"] for m in labels if m["name"].isupper())
    transcript = any(n > 1 for n in capitals.values())
    found = []
    for m in labels:
        if m["name"].lower() in vocab.not_speakers or len(m["name"].split()) > 4:
            continue
        name = doc.char_span(*_name_bounds(m), alignment_mode="expand")
        if name is None or not _labels_a_speaker(name, m["content"], transcript):
            continue
        speaker = resolver.resolve(name, name.sent)
        if speaker is not None:
            found.append(StatementHit(m.start("content"), m.end("content"), speaker, ":",
                                      (m.start("cue"), m.end("cue")), False))
    return found


def _interview_turns(doc: Doc, resolver: SpeakerResolver, vocab: Cues) -> list[StatementHit]:
    """The turns of an interview printed as one run of text ("VOA: During your visit …?
    Armitage: I had met Dr. Lai before. …"): each turn, up to the next, is its speaker's, where
    one speaker (the interviewer) opens several turns."""
    text = doc_text(doc)
    turns = [m for m in _TURN.finditer(text) if m["name"].lower() not in vocab.not_speakers
             and not (m["role"] and re.search(r"[a-z]{2}[.!?][ \t]", m["role"]))]
    if max(Counter(m["name"] for m in turns).values(), default=0) < MIN_TURNS_OF_ONE_SPEAKER:
        return []
    found = []
    for m, following in zip(turns, [*turns[1:], None], strict=True):
        name = doc.char_span(*_name_bounds(m), alignment_mode="expand")
        if name is None or any(t.pos_ in ("VERB", "AUX") for t in name):
            continue
        speaker = resolver.resolve(name, name.sent)
        content_end = following.start("name") if following is not None else len(text)
        while content_end > m.end() and text[content_end - 1].isspace():
            content_end -= 1
        if speaker is not None and content_end > m.end():
            found.append(StatementHit(m.end(), content_end, speaker, ":",
                                      (m.start("cue"), m.end("cue")), True))
    return found


def _quote_statements(doc: Doc, resolver: SpeakerResolver, vocab: Cues,
                      quotes: list[tuple[int, int]], in_quote: list[bool],
                      labelled: list[StatementHit]) -> list[tuple[Token | None, StatementHit]]:
    """Direct quotations with the reporting verb beside them (or the name that signs them),
    each with its cue token; a quotation split by its cue, or going on without one, joins
    the statement before it."""
    text = doc_text(doc)
    found: list[tuple[Token | None, StatementHit]] = []
    for s, e in quotes:
        if any(h.start < e and s < h.end for h in labelled):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len([t for t in span if not t.is_punct]) < MIN_QUOTE_WORDS:
            continue  # a scare quote or a title, not a statement
        signed = _SIGNED.match(text, e, min(len(text), e + 80))
        if signed is not None:
            name = doc.char_span(*_name_bounds(signed), alignment_mode="expand")
            speaker = resolver.resolve(name, name.sent) if name is not None else None
            found.append((None, StatementHit(*_with_marks(text, s, e), speaker, signed["cue"],
                                             (signed.start("cue"), signed.end("cue")), True)))
            continue
        cue = _quote_cue(doc, span, in_quote, vocab)
        speaker = None
        if cue is not None:
            subject = _quote_speaker(cue, span)
            if subject is not None:
                speaker = resolver.resolve(subject, cue.sent)
        previous_cue, previous = found[-1] if found else (None, None)
        if cue is None and previous is not None and previous.direct and \
                "\n\n" not in text[previous.end:s]:
            previous.end = _with_marks(text, s, e)[1]  # the same speaker goes on
            continue
        start, end = _with_marks(text, s, e)
        if previous is not None and previous_cue is not None and cue is not None and \
                previous_cue.i == cue.i:
            previous.end = end  # a quote split by its cue: one statement
            continue
        if cue is not None and cue.i < span.start:
            start = _lead_in(doc, cue, span, quotes, start)
        group = doc[_verb_group_start(cue):cue.i + 1] if cue is not None else None
        found.append((cue, StatementHit(
            start, end, speaker, group.text if group is not None else None,
            (group.start_char, group.end_char) if group is not None else None, True)))
    return found


def _speaker_goes_on(statements: list[StatementHit], text: str) -> list[StatementHit]:
    """A quotation with no cue of its own right after a statement in the same paragraph goes
    on with that statement: '"It's heartbreaking," Ryan said. "And this country has to heal."'
    is one statement of Ryan's."""
    kept: list[StatementHit] = []
    longest = 0
    for hit in statements:
        # only a statement ending within MAX_CUE_GAP before the quotation can go on with it;
        # ``kept`` is in text order, so those are among the last ones kept
        near: list[StatementHit] = []
        for o in reversed(kept):
            if o.start < hit.start - MAX_CUE_GAP - longest - 2:  # marks moved by a merge
                break
            if o.speaker is not None and hit.start - MAX_CUE_GAP <= o.end <= hit.start:
                near.append(o)
        previous = max(reversed(near), key=lambda o: o.end, default=None)
        if hit.direct and hit.speaker is None and hit.cue is None and previous is not None \
                and hit.start - previous.end <= MAX_CUE_GAP \
                and "\n\n" not in text[previous.start:hit.start]:
            previous.start = _with_marks(text, previous.start, previous.start)[0]
            previous.end, previous.direct = hit.end, True
            longest = max(longest, previous.end - previous.start)
            continue
        kept.append(hit)
        longest = max(longest, hit.end - hit.start)
    return kept


def _lead_in(doc: Doc, cue: Token, quote: Span, quotes: list[tuple[int, int]],
             start: int) -> int:
    """Where a quotation whose cue comes first really starts: at a short piece quoted before
    the cue ("“On this basis,” Zero Hedge said, “…”") or at the reported clause the quotation
    finishes ("he would “introduce legislation …”")."""
    text = doc_text(doc)
    sentence = cue.sent
    piece = next((a for a, b in quotes if sentence.start_char <= a and b <= cue.idx
                  and not any(m in text[b:quote.start_char] for m in ".!?")), None)
    if piece is not None:
        return _with_marks(text, piece, piece)[0]
    clause = next((c for c in cue.rights if c.dep_ == "ccomp"), None)
    if clause is not None and clause.left_edge.i < quote.start <= clause.right_edge.i:
        return min(start, _clause_span(clause).start_char)
    return start


def _quote_speaker(cue: Token, quote: Span) -> Span | None:
    """Who speaks a quotation: its cue's subject, never words of the quote itself ("“….
    Full panic mode,” Leslie Wimes said"); where the cue follows the quote and the parser put
    the subject elsewhere, the words between them ("“…,” Flynn, a surrogate, said on “Fox and
    Friends.”")."""
    doc = cue.doc
    subject = _subject(cue)
    if subject is not None and subject.start < quote.end and quote.start < subject.end:
        subject = _trim(doc[quote.end:subject.end]) if subject.end > quote.end else None
    between = _trim(doc[quote.end:cue.i]) if cue.i >= quote.end else None
    if between is not None and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in between) and (
            subject is None or not between.start <= subject.root.i < between.end):
        return _with_closing_mark(between)
    return subject


_CLOSING_TAIL = re.compile(r"[.,!?]?(?:”|\"|''|»)")


def _closing(text: str, start: int, end: int) -> int:
    """The end of a content that stops inside a quotation it opened, moved past the closing
    mark and the stop before it: 'called it “a disgrace.”', never half a quotation."""
    content = text[start:end]
    opened = content.count("“") > content.count("”") or content.count('"') % 2 == 1 or \
        content.count("``") > content.count("''") or content.count("«") > content.count("»")
    tail = _CLOSING_TAIL.match(text, end)
    return tail.end() if opened and tail is not None else end


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation as written: with its opening and closing marks where they are there."""
    opening = next((m for m in OPENING if text.endswith(m, 0, start)), "")
    closing = next((m for m in CLOSING if text.startswith(m, end)), "")
    return start - len(opening), end + len(closing)


def _quote_cue(doc: Doc, quote: Span, in_quote: list[bool], vocab: Cues) -> Token | None:
    """The reporting verb next to a quote: one before it whose clause holds the quote ("she
    would “freeze …”"), else one after it ("…,” he said), else one before it ("He said: “…")."""
    before = None
    for token in reversed(doc[max(0, quote.start - 12):quote.start]):
        if "\n\n" in token.text and token.i > 0 and doc[token.i - 1].text == ":":
            continue  # "He said:" on a line of its own before the quotation
        if token.text in ".!?" or in_quote[token.i] or "\n\n" in token.text:
            break
        if _is_cue_verb(token, vocab):
            before = token
            break
    if before is not None and quote.root in before.subtree:
        return before
    for token in doc[quote.end:min(len(doc), quote.end + 12)]:
        if token.text in ".!?" or in_quote[token.i] or "\n\n" in token.text:
            break
        if _is_cue_verb(token, vocab):
            if any(c.dep_ == "ccomp" and c.i > token.i and not in_quote[_first_word(c).i]
                   for c in token.children):
                break  # "“….” The mayor said she would …": that verb reports something else
            return token
    return before


def _first_word(clause: Token) -> Token:
    """The first token of a clause that is not punctuation (an opening quotation mark)."""
    return next((t for t in clause.subtree if not t.is_punct), clause)


def _is_cue_verb(token: Token, vocab: Cues) -> bool:
    return token.lemma_.lower() in vocab.verbs and token.pos_ in ("VERB", "AUX")


def _chain(statements: list[StatementHit], publisher: str | None) -> None:
    """Outer sources, outside in: the publisher, then every speaker whose statement contains
    this one's cue."""
    base = [publisher] if publisher else []
    holding = SpanIndex([(h.start, h.end) for h in statements])
    for hit in statements:
        around = [statements[i] for i in holding.overlapping(hit.cue_span[0], hit.cue_span[0] + 1)
                  ] if hit.cue_span is not None else []
        outer = [o for o in around if o is not hit and o.speaker is not None
                 and (o.end - o.start) > (hit.end - hit.start)]
        outer.sort(key=lambda o: -(o.end - o.start))
        chain = base + [o.speaker.text for o in outer if o.speaker is not None] + hit.relays
        hit.source_chain = list(dict.fromkeys(chain))
