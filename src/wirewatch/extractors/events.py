"""Who did what to whom: PLOVER events coded over the dependency parse.

A trigger (a verb or an event noun) is looked up in ``resources/event_triggers.tsv`` by its
lemma and the words it governs ("send" + a delegation is CONSULT, + troops MOBILIZE, + arms
AID). Source and target come from the trigger's arguments (subject, object, by/with/to
phrases, possessives, passives, the subject of a verb that controls it), resolved to the
actor mentions already found; each event is then linked to its time, place, quantity and
statement, and given its modality.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Generic, TypeVar

from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Span, Token

from ..errors import ResourceError
from ..model import EVENT_TYPES
from ..resources import bundled_table
from .annotations import (
    ActorMention,
    Annotations,
    EntityHit,
    EventHit,
    PlaceHit,
    QuantityHit,
    SpeakerHit,
    StatementHit,
    TimeHit,
    split_code,
)
from .modality import chain as governing_chain
from .modality import denied_report, is_purpose, modality_cues, modality_of, occurs
from .reporting import cues as reporting_cues
from .reporting import doc_quotes
from .spans import SpanIndex, lower_lemmas, lower_words, token_strings

OBJECTS = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "xcomp"})
NP_LINKS = frozenset({"poss", "compound", "amod", "nmod", "appos", "npadvmod"})
CONTROLLERS = frozenset({"xcomp", "advcl", "conj", "pcomp", "csubj", "csubjpass", "acomp"})
MEMBER_OF = frozenset({"of", "in", "from", "throughout", "by"})  # "rebels in the Ivory Coast"
VENUE_PREPS = frozenset({"in", "throughout"})  # where an event noun happens ("talks in Doha")
DATED_KINDS = {"date": "day", "time": "day", "week": "week", "month": "month", "year": "year"}
INTENT_TYPES = frozenset({"AGREE"})
# Force an actor may say it will use: a threat (forces it says it will move are a plan).
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT"})
UNREAL = frozenset({"planned", "hypothetical"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "'d"})
ROLES = frozenset({"agent", "recipient", "force"})
# Sectors that speak for a country's state: what they say it will do is its word.
STATE_ROLES = frozenset({"", "GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
T = TypeVar("T", TimeHit, QuantityHit, PlaceHit, StatementHit)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
FEARED_PREPS = frozenset({"about", "over", "of", "against"})  # "concerned about aggression"
NOT_PERSONS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})  # entity labels no "he" names
SINGULAR_PRONOUNS = frozenset({"it", "its"})
OBJECT_PRONOUNS = frozenset({"them", "him", "her", "it"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
WH_TAGS = frozenset({"WRB", "WP", "WDT"})
# How many sentences back "the group" or "their detention" may point, and "the foreign
# ministers" to a group named by the same title.
SENTENCES_BACK = 3
GROUP_SENTENCES_BACK = 5
# How many back "the attack" may point to an act told by the same word: a story retells its
# main act after a paragraph of detail.
SAME_WORD_BACK = 6
ORGANISATION_PREFIXES = frozenset({"IGO", "IMG", "NGO"})
SAID_TYPES = frozenset({"CONSULT", "DEMAND", "SUPPORT", "THREATEN"})
"""Acts done by speaking or meeting, which only an actor does, never another act (where a
lawsuit or a report may allege)."""
NOT_A_GROUPS_OWN = frozenset({"CVL", "OPP"})
"""Sectors of people named by whose they are who are not that one's members."""
ORGANISATION_ROLES = frozenset({"REB", "INS", "OPP", "PTY", "SEP", "RAD", "UAF", "NGO",
                                "CRM"})
# Types whose nouns name what was done to someone: their "of" phrase is the target.
PATIENT_TYPES = frozenset({"COERCE", "ASSAULT", "INVESTIGATE", "DISAPPROVE", "SUPPORT",
                           "REJECT", "THREATEN", "SANCTION", "CRIME"})
# Types whose act two conjoined actors can do to each other ("Israel and Lebanon renewed
# talks").
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
# Types whose noun, with only the other party named, is spoken of by a party to it ("Pakistan
# said discussions with the IMF are progressing").
PARTY_TYPES = frozenset({"CONSULT", "COOPERATE"})
# Material acts: said in the simple present with no time, they are a standing practice
# ("the government provides new immigrants with specialists"), not an act the story reports.
MATERIAL_TYPES = frozenset({"AID", "COOPERATE", "ASSAULT", "COERCE", "MOBILIZE", "RETREAT",
                            "SANCTION", "CONCEDE"})
REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "ourselves", "myself"})
# Types whose "over" or "about" phrase names the act complained of, and so its doer.
GRIEVANCE_TYPES = frozenset({"DISAPPROVE", "PROTEST"})
# Acts made of someone, whom the one who answers them is ("rejected Kenya's request").
ADDRESSED_TYPES = frozenset({"DEMAND", "THREATEN"})
# a stance its holder keeps: in the simple present, told by the reporter, a standing position
STANCE_TYPES = frozenset({"SUPPORT", "REJECT"})
# Types whose act done to people no actor names is done to civilians ("killed 10 people").
VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
# Types whose act, when no one is named, is aimed at the country where it happens.
PLACE_TARGET_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "CONCEDE", "RETREAT", "AID",
                                "INVESTIGATE"})
# Places that, acted on, stand for their country ("bombed Gaza City"): not a demonym, a sea
# or the place in an organisation's name.
AIMED_PLACE_FEATURES = frozenset({"city", "adm1", "region", "country", "facility"})
# Prepositions whose object is what a verb's act is about or done with ("agreed to a
# ceasefire"), not when it happened ("following talks").
THEME_PREPS = frozenset({"in", "with", "to", "for", "on", "over", "about", "of", "against"})
TRIGGER_MEMO = "wirewatch_triggers"
THEME_MEMO = "wirewatch_themes"
AROUND_MEMO = "wirewatch_around"
MAX_DEPTH = 3  # how far into a phrase's modifiers (and pronouns) an actor is looked for


@dataclass(frozen=True, slots=True)
class Pattern:
    head: str
    pos: str
    needs: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str | None
    roles: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    patterns: dict[tuple[str, str], tuple[Pattern, ...]]
    classes: dict[str, frozenset[str]]
    preps: dict[tuple[str, str], frozenset[str]]  # (preposition, pos) -> roles
    groups: dict[str, str | None]  # "nations" -> None, "leaders" -> "GOV"
    modes: dict[str, str]  # adjective -> PLOVER mode ("military aid")
    # ("provide", "VERB") -> "aid": done to someone, or aid given
    needs_target: dict[tuple[str, str], str | None]
    other_senses: dict[str, frozenset[str]]  # "meet" -> {"reaction"}: "met with opposition"
    words: dict[str, frozenset[str]]  # the other kinds of event_arguments.tsv, by kind
    # every lemma a pattern starts with: a token whose lemma is none of them is no trigger
    heads: frozenset[str] = frozenset()
    force_roles: dict[str, str] = field(default_factory=dict)  # "troop" -> MIL


@cache
def cameo_plover() -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode) from PLOVER's CAMEO2PLOVER table: the authority a
    trigger's type and mode are checked against, so that a row cannot code one act under a
    CAMEO code that PLOVER files under another type."""
    return {row["code"]: (row["type"], None if row["mode"] == "-" else row["mode"])
            for row in bundled_table("cameo_plover.tsv")}


def contradiction(row: dict[str, str], table: dict[str, tuple[str, str | None]]) -> str | None:
    """Why a trigger row disagrees with the CAMEO2PLOVER table, or None. A row's own mode may
    stand where the table gives none; any other difference needs a reason in ``departure``."""
    code, departed = row["cameo"], row.get("departure", "-") != "-"
    if code == "-":
        return None if row["type"] == "CRIME" else "has no CAMEO code"
    if code not in table:
        return f"has an unknown CAMEO code {code}"
    kind, mode = table[code]
    if departed:
        return None
    if row["type"] != kind:
        return f"is {row['type']} but CAMEO {code} is {kind}, and no departure is given"
    if mode is not None and row["mode"] != mode:
        return f"has mode {row['mode']} but CAMEO {code} is {mode}, and no departure is given"
    return None


def trigger_rows() -> list[tuple[str, dict[str, str]]]:
    """(file, row) of every trigger: the hand-written table, then the patterns generated from
    CAMEO's verb dictionary that it does not already state (the hand-written row wins)."""
    hand = bundled_table("event_triggers.tsv")
    stated = {(row["pattern"], row["pos"]) for row in hand}
    return [("event_triggers.tsv", row) for row in hand] + [
        ("event_patterns.tsv", row) for row in bundled_table("event_patterns.tsv")
        if (row["pattern"], row["pos"]) not in stated]


@cache
def lexicon() -> Lexicon:
    classes: dict[str, set[str]] = {}
    for row in bundled_table("event_objects.tsv"):
        classes.setdefault(row["class"], set()).add(row["lemma"])
    patterns: dict[tuple[str, str], list[Pattern]] = {}
    table = cameo_plover()
    for name, row in trigger_rows():
        if row["type"] not in EVENT_TYPES or row["roles"] not in ROLES:
            raise ResourceError(f"{name}: {row['pattern']!r} has an unknown type "
                                f"or roles ({row['type']}, {row['roles']})")
        if (problem := contradiction(row, table)) is not None:
            raise ResourceError(f"{name}: {row['pattern']!r} ({row['pos']}) {problem}")
        head, *needs = row["pattern"].split()
        pattern = Pattern(head, row["pos"], tuple(needs), row["type"],
                          None if row["mode"] == "-" else row["mode"],
                          None if row["cameo"] == "-" else row["cameo"], row["roles"])
        patterns.setdefault((head, row["pos"]), []).append(pattern)
    preps: dict[tuple[str, str], set[str]] = {}
    groups: dict[str, str | None] = {}
    words: dict[str, set[str]] = {}
    needs_target: dict[tuple[str, str], str | None] = {}
    modes: dict[str, str] = {}
    force_roles: dict[str, str] = {}
    other_senses: dict[str, set[str]] = {}
    for row in bundled_table("event_arguments.tsv"):
        if row["kind"] == "group":
            groups[row["word"]] = None if row["role"] == "pair" else row["role"]
            continue
        if row["kind"] == "needs-target":
            # "*" is the verb ("talk" needs someone; "talks" are talks)
            pos = "NOUN" if row["pos"] == "NOUN" else "VERB"
            needs_target[row["word"], pos] = None if row["role"] == "-" else row["role"]
            continue
        if row["kind"] == "mode":
            modes[row["word"]] = row["role"]
            continue
        if row["kind"] == "force-role":
            force_roles[row["word"]] = row["role"]
            continue
        if row["kind"] == "other-sense":
            other_senses.setdefault(row["word"], set()).add(row["role"])
            continue
        if row["kind"] != "prep":
            words.setdefault(row["kind"], set()).add(row["word"])
            continue
        for pos in (("VERB", "NOUN") if row["pos"] == "*" else (row["pos"],)):
            preps.setdefault((row["word"], pos), set()).add(row["role"])
    return Lexicon(
        # the longest pattern first; of equal length, named words before classes
        {k: tuple(sorted(v, key=lambda p: (-len(p.needs),
                                           sum(n.startswith("@") for n in p.needs))))
         for k, v in patterns.items()},
        {k: frozenset(v) for k, v in classes.items()},
        {k: frozenset(v) for k, v in preps.items()},
        groups, modes, needs_target,
        {word: frozenset(found) for word, found in other_senses.items()},
        {kind: frozenset(found) for kind, found in words.items()},
        frozenset(head for head, _ in patterns) | words.get("participation-verb", set()),
        force_roles)




# ---------------------------------------------------------------- matching


def _trigger_pos(token: Token) -> str | None:
    if token.dep_ == "amod" and token.lemma_.lower() in reporting_cues().verbs:
        return None  # "the alleged plot": the reporter's hedge, not an accusation
    if token.pos_ == "VERB" or (token.tag_ == "VBN" and token.dep_ == "amod"):
        return "VERB"
    if token.pos_ == "NOUN" and token.dep_ != "compound":
        return "NOUN"
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return "ADJ"  # "were critical of the deal": the copula's subject acts
    return None


def _themes(token: Token) -> list[Token]:
    """What the trigger acts on: its objects, or the noun a participle modifies (remembered
    in the Doc: every pattern of a trigger asks it again)."""
    memo = token.doc.user_data.setdefault(THEME_MEMO, {})
    if token.i not in memo:
        memo[token.i] = _find_themes(token)
    return memo[token.i]


def _find_themes(token: Token) -> list[Token]:
    book = lexicon()
    out = [c for c in token.children if c.dep_ in OBJECTS]
    # not where it happens: "returned to prison in Guatemala City" returns no city
    out += [g for c in token.children if c.dep_ in ("prep", "agent")
            and c.lower_ not in book.words["time-prep"]
            and book.preps.get((c.lower_, "VERB")) != {"place"}
            for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in ("amod", "acl") or (token.dep_ == "relcl" and any(
            c.dep_ == "nsubjpass" for c in token.children)):
        out.append(token.head)  # "deployed soldiers", "inhabitants who were expelled"
        if token.dep_ == "relcl" and token.head.dep_ == "pobj" and token.head.head.lower_ == "of":
            # "the inhabitants of the islands who were expelled": the parser hangs the clause
            # on the nearer noun, which may be either
            out.append(token.head.head.head)
    out += _named_objects(token)  # "imposed what officials called tariffs"
    out += [c for t in list(out) for c in t.conjuncts]
    # "lifted a state of emergency", "sent a team of inspectors"; "accepted $2 billion in
    # Chinese funding": a sum's "in" says what it is
    return out + [g for t in list(out) for c in t.children if c.dep_ == "prep"
                  and (c.lower_ == "of" or (c.lower_ == "in" and t.ent_type_ == "MONEY"))
                  for g in c.children if g.dep_ == "pobj"]


@dataclass(frozen=True, slots=True)
class _Around:
    """The words a trigger's patterns ask about, gathered once per token: a verb like "call"
    has dozens of patterns, each asking the same questions of the same dependents."""

    phrase: frozenset[str]  # lemmas and forms of its own dependents outside clauses
    clause: frozenset[str]  # of its clause dependents
    themes: frozenset[str]  # lemmas of what it acts on
    kinds: frozenset[str]  # those, their compounds, and a noun's own modifiers
    object_preps: frozenset[str]  # prepositions on its objects


def _around(token: Token) -> _Around:
    memo = token.doc.user_data.setdefault(AROUND_MEMO, {})
    if token.i not in memo:
        lemmas, lowers = lower_lemmas(token.doc), lower_words(token.doc)
        phrase: set[str] = set()
        clause: set[str] = set()
        for c in token.children:
            dep = c.dep_
            if dep in ("nsubj", "csubj"):
                continue  # "Modi's trip began" begins no trip: a pattern names what is acted on
            if dep == "prep" and c.i < token.i:
                continue  # "On Wednesday, Macron called subsidies unbearable" calls on no one
            if dep == "aux":
                continue  # the infinitive's "to" ("hopes to get loans") is no "get … to"
            words = clause if dep in CLAUSES else phrase
            words.update((lemmas[c.i], lowers[c.i]))
            if dep in CLAUSES:  # the mark opening it counts as the trigger's own word
                phrase.update(lowers[m.i] for m in c.children
                              if m.dep_ == "mark" and m.i > token.i)
        themes = _themes(token)
        theme_lemmas = frozenset(lemmas[t.i] for t in themes)
        kinds = set(theme_lemmas)
        kinds |= {lemmas[c.i] for t in themes for c in t.children if c.dep_ == "compound"}
        if token.pos_ == "NOUN":
            kinds |= {lemmas[c.i] for c in token.children if c.dep_ in ("compound", "amod")}
        memo[token.i] = _Around(
            frozenset(phrase), frozenset(clause), theme_lemmas, frozenset(kinds),
            frozenset(lowers[c.i] for o in token.children if o.dep_ == "dobj"
                      for t in (o, *o.conjuncts) for c in t.children if c.dep_ == "prep"))
    return memo[token.i]


def _satisfies(token: Token, need: str, book: Lexicon, after_object: bool = False,
               around: _Around | None = None) -> bool:
    around = around or _around(token)
    if need.startswith("@"):
        # what it acts on ("send troops", "the ceasefire agreement"), or what kind it is
        # ("a drone strike")
        return not book.classes.get(need[1:], frozenset()).isdisjoint(around.kinds)
    # a verb that is no event alone ("say") takes its word from its own phrase, never from
    # the clause it reports ("said [it would] support" is the support, not a saying); an
    # event verb may be named by the act in its clause ("demanded that Russia release"), and
    # "called for Russia to reciprocate" has the particle head the clause it calls for
    if need in around.phrase or (need in around.clause and any(
            not p.needs for p in book.patterns.get((token.lemma_.lower(), "VERB"), ()))):
        return True
    # "launched rocket fire against the camps": a preposition named after the object may hang
    # on the object rather than on the verb ("give in" names a particle, not this)
    return need in around.themes or (after_object and need in around.object_preps)


def match_trigger(token: Token, book: Lexicon) -> Pattern | None:
    """The trigger pattern a token matches, remembered in its Doc: the rules ask it of the
    same tokens many times (a trigger, then as the governor of others)."""
    memo = token.doc.user_data.setdefault(TRIGGER_MEMO, {})
    if token.i not in memo:
        memo[token.i] = _match_trigger(token, book)
    return memo[token.i]


def _match_trigger(token: Token, book: Lexicon) -> Pattern | None:
    pos = _trigger_pos(token)
    patterns = book.patterns.get((token.lemma_.lower(), pos), ()) if pos else ()
    if not patterns:
        return None
    particles = {c.lower_ for c in token.children
                 if c.dep_ == "prt"} & book.words["sense-particle"]
    around = None
    for pattern in patterns:
        if particles - set(pattern.needs):
            continue  # a phrasal verb means something else: "back off", "seize on"
        if pattern.needs and around is None:
            around = _around(token)
        # a pattern's first word hangs on the object only when it cannot be a particle:
        # "imported the ingredient from China" imports from it; "$200 million in aid" is
        # not "give in"
        if all(_satisfies(token, need, book, around=around,
                          after_object=k > 0 or need not in book.words["particle"])
               for k, need in enumerate(pattern.needs)):
            return pattern
    return None


# ---------------------------------------------------------------- actors


class ActorIndex:
    """Which actor each token belongs to, and how to find the actor a phrase stands for."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention], book: Lexicon,
                 entities: Sequence[EntityHit] = (),
                 statements: Sequence[StatementHit] = ()) -> None:
        self.doc = doc
        self.book = book
        self.pandemic: bool | None = None
        self.statements = ByPosition(statements)
        self.quotes: SpanIndex | None = None  # found when first asked
        # the entity labels as the actor tables corrected them ("Trump" read as an ORG is a
        # person), by token
        self.label_at = {i: h.label for h in entities for i in range(h.span.start, h.span.end)}
        self.code_at: dict[int, str] = {}
        self.one_word: set[int] = set()  # "leader", "officials": a role noun alone
        for m in mentions:
            for i in range(m.start, m.end):
                self.code_at[i] = m.code
            if m.end - m.start == 1:
                self.one_word.add(m.start)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.pacts = book.classes.get("agreement", frozenset())
        if (claimant := self._claimant()) is not None:
            # "al-Shabab claimed responsibility for the attack": the gunmen, attackers and
            # militants the story leaves unnamed are that group's
            unnamed = {i for m in self.mentions if self._unnamed_fighters(m)
                       for i in range(m.start, m.end)}
            self.code_at = {i: claimant if i in unnamed else code
                            for i, code in self.code_at.items()}
            self.mentions = [replace(m, code=claimant) if m.start in unnamed else m
                             for m in self.mentions]

    def _unnamed_fighters(self, mention: ActorMention) -> bool:
        """Armed men named only by what they do ("gunmen", "six attackers", "militants"),
        no name saying whose (not "clan militias", nor "BLA insurgents")."""
        last = self.doc[mention.end - 1]
        return mention.end - mention.start == 1 and split_code(mention.code)[1] in (
            "UAF", "REB") and last.lemma_.lower() in self.book.words["attacker-noun"]

    def _claimant(self) -> str | None:
        """The one armed group the text says claimed responsibility or took credit for an
        attack, if only one did ("The Islamist militant group al-Shabab claimed": the
        group's own name before the role noun's reading); where no group is said to claim
        or deny one, the one armed group the text names by name, if it names one."""
        claimants, deniers = set(), set()
        credit = self.book.words["credit-noun"]
        for i, lemma in enumerate(lower_lemmas(self.doc)):
            if lemma not in credit:
                continue
            token = self.doc[i]
            if token.dep_ != "dobj" or (subject := _subject(token.head)) is None:
                continue
            named = [self.code_at[i] for i in range(subject.left_edge.i,
                                                    subject.right_edge.i + 1)
                     if i in self.code_at and self.code_at[i].startswith("IMG")]
            code = named[0] if named else self.of_phrase(subject)
            if _armed_group(code):
                claimed = token.head.lemma_.lower() in self.book.words["credit-verb"]
                (claimants if claimed else deniers).add(code)
        if not claimants and not deniers:
            # no claim told: the one armed group the story names by name as the doer of an
            # attack ("Militants linked with the banned Baloch Liberation Army attacked a
            # passenger train"), else the one it names by name at all (al-Shabab)
            claimants = self._named_attackers() or {
                m.code for m in self.mentions
                if any(self.doc[i].pos_ == "PROPN" for i in range(m.start, m.end))
                and _armed_group(m.code)}
        return claimants.pop() if len(claimants) == 1 else None

    def _named_attackers(self) -> set[str]:
        """The armed groups named by name in the subject of a verb of attack."""
        found = set()
        for verb in self.doc:
            if verb.pos_ != "VERB" or (pattern := match_trigger(verb, self.book)) is None \
                    or pattern.type != "ASSAULT" or (subject := _subject(verb)) is None:
                continue
            found |= {code for i in range(subject.left_edge.i, subject.right_edge.i + 1)
                      if self.doc[i].pos_ == "PROPN" and _armed_group(code := self.code_at.get(i))}
        return found

    def of_phrase(self, head: Token, depth: int = 0) -> str | None:
        """The actor a noun phrase names: its head's mention, else a modifier's ("the
        Ukrainian side", "Kyiv's envoy", "leaders of Romania")."""
        if head.lemma_.lower() in self.book.words["media-anaphor"] and _definite(head) \
                and (named := self.organisation_before(head, media=True)):
            return named  # "a ban on the media outlet" after VOA, not the country's media
        if head.lower_ == "government" and _definite(head) \
                and (head.i in self.one_word or head.i not in self.code_at) \
                and (named := self.government_before(head)):
            return named  # "the Philippine government reported … The government"
        if head.i in self.code_at:
            if head.i in self.one_word and head.lemma_.lower() in self.book.words["anaphor"] \
                    and _definite(head) and (named := self.organisation_before(head)):
                return named  # "the court" after the International Court of Justice
            if head.i in self.one_word and depth < MAX_DEPTH \
                    and self.code_at[head.i][3:6] not in NOT_A_GROUPS_OWN and (group := next((
                    code for c in head.children
                    for g in ([c] if c.dep_ == "poss" else c.children
                              if c.dep_ == "prep" and c.lower_ == "of" else [])
                    if g.dep_ in ("poss", "pobj") and g.tag_ != "PRP$"
                    and (code := self.of_phrase(g, depth + 1)) and _organisation(code)),
                    None)):
                # "the leader of the Taliban insurgency" leads the Taliban; "the court's
                # president" presides over the court (but "Alinejad's relatives" and
                # "Berisha's opponents" are their own)
                return group
            return self.code_at[head.i]
        if head.tag_ in ("PRP", "PRP$"):
            # bounded: "its" inside the subject it would resolve to must not loop
            return self.antecedent(head, depth + 1) if depth < MAX_DEPTH else None
        if head.tag_ in ("WP", "WDT") and depth < MAX_DEPTH \
                and (named := _relative_antecedent(head)) is not None:
            # "demonstrators, some of whom threw rocks"; "which" and "that" only after an
            # actor's own name ("Russia, which invaded"): after a thing ("the bombing of a
            # French base that killed") the parser often hangs the clause on the wrong noun
            if head.tag_ == "WP" or named.i in self.code_at:
                return self.of_phrase(named, depth + 1)
            return None
        if self.pair_noun(head):
            pair = self.pair_of(head)
            return pair[0] if pair else None
        if depth >= MAX_DEPTH:
            return None
        if (carried := next((o for c in head.children if c.dep_ == "acl"
                             and c.lemma_.lower() in self.book.words["carrier-verb"]
                             for o in c.children if o.dep_ == "dobj"), None)) is not None:
            return self.of_phrase(carried, depth + 1)  # "a bus carrying soldiers": theirs
        if (origin := _origin(head, self.book)) is not None \
                and (code := self.of_phrase(origin, depth + 1)) is not None:
            return code[:3]  # "wines coming out of France", "steel made in China": France's
        # an owner before a modifier: "Iran's U.N. mission" is Iran's, but "Afghanistan's
        # Taliban insurgency" is the Taliban's, an actor of the owner's own country
        owner = None
        # an act, or a pact named by where it was made ("the Doha agreement"): a place
        # before it says where, not who
        event_noun = head.pos_ == "NOUN" and ((head.lemma_.lower(), "NOUN") in self.book.patterns
                                              or head.lemma_.lower() in self.pacts)
        relational = head.lemma_.lower() in self.book.words["relational-noun"]
        for child in sorted(head.children, key=lambda c: (c.dep_ != "poss", abs(c.i - head.i))):
            if relational and child.dep_ == "poss":
                continue  # "its European partners" are not its own
            if child.lemma_.lower() in self.book.words["seat-participle"]:
                continue  # "the U.S.-based lender" sits there, and is no one's there
            if child.dep_ in NP_LINKS and (code := self.of_phrase(child, depth + 1)):
                if event_noun and _names_a_place(child, code, self.label(child)):
                    continue  # "his White House meeting" was held there
                if owner is None and child.dep_ == "poss" and len(code) == 3:
                    owner = code
                elif owner is None or code[:3] == owner:
                    return self._peer(head, code, depth) or self._people(head, code)
        if owner is not None:
            return self._people(head, owner)
        if relational and head.tag_ == "NN" and (whose := next(
                (c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)):
            # "its northern neighbor" after "a trade war with Canada": the other country
            # named before in the sentence
            own = (self.antecedent(whose, depth + 1) or "")[:3]
            return next((m.code[:3] for m in reversed(self.mentions)
                         if head.sent.start <= m.start and m.end <= whose.i
                         and m.code[:3] not in (own, *ORGANISATION_PREFIXES)), None) \
                if own else None
        for child in head.children:
            if event_noun and child.lower_ in VENUE_PREPS:
                continue  # "a meeting in Beijing" is held there, not by Beijing
            if child.dep_ == "prep" and child.lower_ in MEMBER_OF:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (code := self.of_phrase(pobj, depth + 1)):
                        if child.lower_ in VENUE_PREPS and code[:3] not in \
                                ORGANISATION_PREFIXES and (pobj.ent_type_ in ("GPE", "LOC")
                                                           or _the_capital_of(pobj)):
                            # "people in Kabul", "sellers in Cameroon's capital": the
                            # country's, not its rulers'
                            code = code[:3]
                        return self._people(head, code)
        definite = _definite(head)
        if definite and head.lemma_.lower() in self.book.words["anaphor"]:
            return self.organisation_before(head)
        if definite and head.lemma_.lower() in self.book.words["country-anaphor"] \
                and head.tag_ == "NN":
            return self.story_country(head.i)  # "troops leaving the country"
        if definite and head.lemma_.lower() in self.book.words["island-anaphor"]:
            return self.islands_before(head)  # "the inhabitants of the islands"
        return None

    def _peer(self, head: Token, code: str, depth: int) -> str | None:
        """One's counterpart of a country holds the same kind of office in it: "Blinken met
        his Chinese counterpart" is China's government, as Blinken is his own; "my Chinese
        colleague" is the speaker's."""
        if len(code) != 3 or code in ORGANISATION_PREFIXES \
                or head.lemma_.lower() not in self.book.words["peer-noun"]:
            return None
        whose = next((c for c in head.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if whose is None:
            return None
        if whose.lower_ in FIRST_PERSON:
            own = (speaker := self.quoted_speaker(whose.idx)) and speaker.actor
        else:
            own = self.antecedent(whose, depth + 1)
        sector = split_code(own)[1] if own else ""
        return code + sector if sector else None

    def _people(self, head: Token, code: str) -> str:
        """People of a country no role names are its civilians: "affected people in Malawi",
        "Afghan families"; its capital is its government, as a capital's name is ("trips to
        the Afghan capital"). A bare country code otherwise stands for the country itself."""
        if len(code) != 3 or code in ORGANISATION_PREFIXES:
            return code
        if head.lemma_.lower() in self.book.words["civilian-noun"]:
            return code + "CVL"
        return code + "GOV" if _the_capital_of(head) else code

    def all_of_phrase(self, head: Token) -> list[str]:
        """The actors of a phrase and its conjuncts ("Iran and Libya"), in order."""
        if self.pair_noun(head):
            return self.pair_of(head)
        if (members := self.officials_of_several(head)):
            return members
        if (joined := self.joined_antecedent(head)) is not None:
            head = joined  # "Duterte and Suga are off to a good start … their phone call"
        codes = [c for t in (head, *head.conjuncts) if (c := self.of_phrase(t))]
        return list(dict.fromkeys(codes))

    @staticmethod
    def joined_antecedent(pronoun: Token) -> Token | None:
        """The joined subject a plural pronoun stands for: the first of "Duterte and Suga"
        in the clause above "their"."""
        if pronoun.lower_ not in ("their", "they", "them") or pronoun.tag_ not in ("PRP", "PRP$"):
            return None
        node = pronoun
        while node.head.i != node.i:
            node = node.head
            subject = next((c for c in node.children
                            if c.dep_ in SUBJECTS and c.i < pronoun.i), None)
            if subject is not None:
                return subject if subject.conjuncts else None
        return None

    def officials_of_several(self, head: Token) -> list[str]:
        """"the leaders of Japan and South Korea", "foreign ministers of Iran and Iraq": a
        plural role noun over conjoined countries stands for each country's officials."""
        code = self.code_at.get(head.i)
        if code is None or head.tag_ != "NNS" or len(code) < 6:
            return []
        owners = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                  for o in p.children if o.dep_ == "pobj"]
        owners += [m for m in head.children if m.dep_ in ("compound", "amod", "nmod")
                   and m.conjuncts]  # "Cameroon and C.A.R. officials"
        # the first country may be in the role's own code ("leaders of Japan": JPNGOV)
        countries = list(dict.fromkeys(
            (self.code_at.get(t.i) or self.of_phrase(t) or code)[:3]
            for o in owners for t in (o, *o.conjuncts)))
        return [c + code[3:] for c in countries] if len(countries) > 1 else []

    def pair_noun(self, head: Token) -> bool:
        """"the two nations", "both leaders", "the prime ministers" (plural, with nothing
        else to say which): the last two countries named."""
        if head.lemma_.lower() not in self.book.groups or head.i in self.code_at:
            return False
        if any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in ("two", "both")
               for c in head.children):
            return True
        # "the foreign ministers": a title's own words, nothing naming whose
        return head.tag_ == "NNS" and [c.lower_ for c in head.children
                                       if c.dep_ == "det"] == ["the"] and all(
            c.dep_ in ("det", "amod", "compound") and not c.ent_type_
            and c.i not in self.code_at for c in head.children)

    def pair_of(self, head: Token) -> list[str]:
        """The two actors a pair noun stands for: the last two countries named, as their
        governments when the noun names officials ("both leaders")."""
        if (named := self.group_before(head)) is not None:
            return [named]  # "G7 foreign ministers met … the foreign ministers said"
        role = self.book.groups[head.lemma_.lower()]
        return [country + (role or "") for country in self.last_two_countries(head.i)]

    def group_before(self, head: Token) -> str | None:
        """The actor of the last mention, in this sentence or the five before it, whose
        own head is the same plural noun ("G7 foreign ministers" for "the foreign
        ministers"): a group's title said again names the group further back than a
        pronoun does."""
        first = self._sentences_back(head, GROUP_SENTENCES_BACK)
        return next((m.code for m in reversed(self.mentions)
                     if first <= m.start and m.end <= head.left_edge.i
                     and self.doc[m.end - 1].tag_ == "NNS"
                     and self.doc[m.end - 1].lemma_ == head.lemma_), None)

    def _sentences_back(self, token: Token, back: int = SENTENCES_BACK) -> int:
        """The first token of the sentence ``back`` sentences before the token's."""
        first = token.sent.start
        for _ in range(back):
            if first > 0:
                first = self.doc[first - 1].sent.start
        return first

    def pandemic_story(self) -> bool:
        """Whether the story is told around a pandemic: two or more of its words are health
        words ("pandemic", "COVID-19", "vaccination")."""
        if self.pandemic is None:
            self.pandemic = sum(_health_word(w, self.book)
                                for w in lower_words(self.doc)) >= 2
        return self.pandemic

    def names_anyone(self, heads: Sequence[Token]) -> bool:
        """Whether any of the phrases names an actor the tables code."""
        return any(self.of_phrase(h) for h in heads)

    def label(self, token: Token) -> str:
        """The token's entity label, as the actor tables corrected it where they did."""
        return self.label_at.get(token.i, token.ent_type_)

    def many(self, head: Token) -> bool:
        """Whether a phrase's head names several: a plural, or a people ("Uyghurs", which
        the tagger may read as one name), which no "it" stands for."""
        return _plural(head) or self.label(head) == "NORP"

    def unknown_person(self, token: Token) -> bool:
        """Whether the token names a person whom no actor table knows."""
        return self.label_at.get(token.i) == "PERSON" and token.i not in self.code_at

    def one_person(self, token: Token) -> bool:
        """Whether the token names a single person ("Governor Bello Matawalle"), not one of
        several ("Duterte and Suga")."""
        return self.label(token) == "PERSON" and not _plural(token) and not token.conjuncts

    def not_a_person(self, token: Token) -> bool:
        """Whether the token's entity is one no "he" names (an organisation, a place)."""
        return self.label(token) in NOT_PERSONS

    def antecedent(self, pronoun: Token, depth: int = 0) -> str | None:
        """A pronoun's actor: the subject of the nearest clause above it that has one, else
        the last actor named before it in the sentence. In a quotation, "they", "he" or "it"
        is never its speaker ("“They attacked the hotel at dawn,” Jesow said")."""
        code = self._antecedent(pronoun, depth)
        if code is not None and pronoun.lower_ not in FIRST_PERSON and any(
                code == statement.speaker.actor and self.quoted(pronoun.idx)
                for _, statement in self.statements.within(pronoun.idx, pronoun.idx + 1)
                if statement.direct and statement.speaker is not None):
            return None
        return code

    def interviewee(self, pronoun: Token) -> str | None:
        """The actor who answers the interview turn a "you" is asked in: the speaker of
        the next turn by someone else."""
        asked = next((i for i, s in self.statements.within(pronoun.idx, pronoun.idx + 1)
                      if s.cue == ":" and s.speaker is not None), None)
        if asked is None:
            return None
        asker = self.statements.all[asked].speaker.text
        return next((s.speaker.actor for s in self.statements.all[asked + 1:]
                     if s.cue == ":" and s.speaker is not None and s.speaker.text != asker),
                    None)

    def quoted_speaker(self, at: int) -> SpeakerHit | None:
        """The speaker of the direct quotation a character lies in, if one is named."""
        return next((s.speaker for _, s in self.statements.within(at, at + 1)
                     if s.direct and s.speaker is not None), None)

    def quoted(self, at: int) -> bool:
        """Whether a character lies inside quotation marks."""
        if self.quotes is None:
            self.quotes = SpanIndex(doc_quotes(self.doc))
        return bool(self.quotes.overlapping(at, at + 1))

    def _antecedent(self, pronoun: Token, depth: int = 0) -> str | None:
        if pronoun.lower_ in ("you", "your"):
            # the one addressed is not the asker, but in an interview whom the answer is
            # from ("VOA: During your visit … Armitage: I had met Dr. Lai before")
            return self.interviewee(pronoun)
        if _expletive(pronoun):
            return None  # "it was decided that …" stands for no one
        singular = pronoun.lower_ in SINGULAR_PRONOUNS
        # "they" and "their" never stand for one person ("Governor Matawalle addressed the
        # girls and said their release …")
        plural = pronoun.lower_ in PLURAL_PRONOUNS
        # "his" and "she" stand for a person, never for an organisation or a place ("VOA
        # spoke with Armitage about his trip" is not VOA's trip)
        person = pronoun.lower_ in PERSON_PRONOUNS
        # an object pronoun is not the subject that acts on it: in "Trump keeps tariffs in
        # place to pressure them", "them" is not Trump
        # and an act another's subject answers is not that subject's country's either:
        # "Tehran rejected its offer" after "offered Iran talks"
        if pronoun.dep_ == "poss" and any(c.lower_ == "own" for c in pronoun.head.children):
            # "Europe retaliated with its own tariffs": the subject of its clause, whoever
            # that is, even no actor the tables know
            subject = next((c for a in pronoun.ancestors for c in a.children
                            if c.dep_ in SUBJECTS and c.i < pronoun.i), None)
            if subject is not None:
                return self.antecedent(subject, depth + 1) if subject.pos_ == "PRON" \
                    else self.of_phrase(subject, depth)
        answered = self.taken_up(pronoun)
        bound = answered or (pronoun.tag_ == "PRP" and pronoun.dep_ in ("dobj", "dative")
                             and pronoun.lower_ in OBJECT_PRONOUNS)
        other = None
        node = pronoun
        while node.head.i != node.i:
            # "asked by a reporter whether he might back off, Trump said": a clause put
            # before its verb may name that verb's subject before the subject comes
            fronted = node.dep_ == "advcl" and node.i < node.head.i
            node = node.head
            for child in node.children:
                if person and not bound and child.dep_ in SUBJECTS and child.i < pronoun.i \
                        and self.unknown_person(child):
                    return None  # "Mehdiyev said he is cooperating": a person no table knows
                if pronoun.lower_ == "it" and not bound and child.dep_ in SUBJECTS \
                        and child.i < pronoun.i and child.tag_ in ("NN", "NNP") \
                        and self.of_phrase(child, depth) is None:
                    # "the convoy was passing when it came under attack": that thing; but
                    # "the train, with 450 people on board": the people it carries
                    return next((self.carried(g, depth) for p in child.children
                                 if p.dep_ == "prep" and p.lower_ == "with"
                                 for g in p.children if g.dep_ == "pobj"), None)
                if (child.dep_ in SUBJECTS and (child.i < pronoun.i or fronted)
                        and child.pos_ != "PRON" and _addressee(child) is None
                        and not ((singular or person) and _plural(child))
                        # and "it" never for a person either ("suggesting Macron needed
                        # treatment, prompting France to recall its ambassador": France's)
                        and not ((plural or singular) and self.one_person(child))
                        and not (person and self.not_a_person(child))
                        and (code := self.of_phrase(child, depth))):
                    if not bound:
                        return code
                    other = other or code
        if pronoun.lower_ in FIRST_PERSON:
            return None  # a speaker's own voice: whose it is, the statement says
        sent_start = pronoun.sent.start
        for m in reversed(self.mentions):
            if sent_start <= m.start and m.end <= pronoun.i and not (
                    (singular or person) and self.many(_named_by(self.doc[m.end - 1]))) \
                    and m.code != other and not (answered and m.code[:3] == (other or "")[:3]) \
                    and not (person and self.not_a_person(self.doc[m.end - 1])) \
                    and not ((plural or singular) and self.one_person(self.doc[m.end - 1])):
                return m.code
        if bound:
            return None
        # "Police arrested Mhlanga. His arrest …": whose arrest is whom the sentence
        # before acted on, not who acted
        undergone = pronoun.dep_ == "poss" \
            and pronoun.head.lemma_.lower() in self.book.words["patient-noun"]
        return self.previous_subject(pronoun, person=person, singular=singular,
                                     acted_on=undergone, plural=plural, depth=depth)

    def taken_up(self, pronoun: Token) -> bool:
        """Whether a possessive pronoun owns an act that its clause's subject answers
        ("Tehran rejected its offer", "Bangkok complied with its request"): the act is
        another's, so the pronoun does not stand for that subject."""
        if pronoun.tag_ != "PRP$" or pronoun.dep_ != "poss":
            return False
        owned = pronoun.head
        if (owned.lemma_.lower(), "NOUN") not in self.book.patterns:
            return False
        verb = owned.head.head if owned.dep_ == "pobj" and owned.head.dep_ == "prep" \
            else owned.head if owned.dep_ == "dobj" else None
        return verb is not None and verb.pos_ == "VERB" \
            and verb.lemma_.lower() in self.book.words["uptake-verb"]

    def previous_subject(self, token: Token, person: bool, singular: bool = False,
                         acted_on: bool = False, plural: bool = False,
                         depth: int = 0) -> str | None:
        """The actor a sentence-initial reference points back to: the subject of the
        sentence before, else its first actor; a person for "he" and "she", one for "it"
        ("rights groups" are no "it"), and people together for "they" ("Trump met with Kim.
        Their second summit": the first of them). One ``acted_on`` is never that sentence's
        subject. Where that sentence's subject is itself "he" ("'We condemn it,' he
        tweeted. Earlier, he was criticized"), it is whom that "he" stands for."""
        sent = token.sent
        if sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        if plural and not acted_on and (together := next((
                m for m in self.mentions if before.start <= m.start and m.end <= before.end
                and self.label(self.doc[m.start]) == "PERSON"
                and self._with_another(self.doc[m.end - 1])), None)):
            return together.code
        if person and any(c.dep_ in SUBJECTS and self.unknown_person(c)
                          for c in before.root.children):
            return None  # "Wine says he has trouble …" "he said": Wine, whom no table knows
        found = [m for m in self.mentions if before.start <= m.start and m.end <= before.end
                 and (self.label(self.doc[m.start]) == "PERSON") == person
                 and not (singular and self.many(self.doc[m.end - 1]))]
        subjects = [m for m in found if any(self.doc[i].dep_ in SUBJECTS
                                            for i in range(m.start, m.end))]
        if acted_on:
            chosen = [m for m in found if m not in subjects][-1:]
        else:
            chosen = (subjects or found)[:1]
        if not chosen and person and not acted_on and depth < MAX_DEPTH and (said_by := next(
                (c for c in before.root.children
                 if c.dep_ in SUBJECTS and c.lower_ in ("he", "she")), None)) is not None:
            return self.antecedent(said_by, depth + 1)
        return chosen[0].code if chosen else None

    def _with_another(self, person: Token) -> bool:
        """Whether a person is the subject of a clause that joins them with another person:
        "Putin and Xi met", "Trump met with Kim"."""
        if person.dep_ not in SUBJECTS:
            return False
        return any(self.label(c) == "PERSON" for c in person.conjuncts) or any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                g.dep_ == "pobj" and self.label(g) == "PERSON" for g in c.children)
            for c in person.head.children)

    def organisation_before(self, token: Token, media: bool = False) -> str | None:
        """"the group", "the militants" ("the outlet": ``media``): the last organisation
        (news organisation) named before, in this sentence or the three before it."""
        first = self._sentences_back(token)
        before = token.left_edge.i  # not the noun's own words ("the media outlet")
        for m in reversed(self.mentions):
            if first <= m.start and m.end <= before and (
                    m.code.endswith("MED") if media else _organisation(m.code)) \
                    and not (token.tag_ == "NN" and self.doc[m.end - 1].tag_ == "NNS"):
                # "the group" is one body, never "political prisoners" named before it
                return m.code
        return None

    def government_before(self, token: Token) -> str | None:
        """"the government" with no word of its own saying whose: the last government named
        as one ("the Philippine government", "Kenya's government") in this sentence or the
        two before it."""
        if any(c.dep_ in ("poss", "amod", "compound", "nmod", "prep") for c in token.children):
            return None  # "the government of Pakistan", "the Afghan government"
        first = self._sentences_back(token, 2)
        return next((m.code for m in reversed(self.mentions)
                     if first <= m.start and m.end <= token.left_edge.i
                     and m.code.endswith("GOV")
                     and self.doc[m.end - 1].lower_ in ("government", "administration")), None)

    def islands_before(self, token: Token) -> str | None:
        """The last actor before a token whose name ends in the token's word ("the Chagos
        Islands" for "the islands")."""
        lemma = token.lemma_.lower()
        return next((m.code for m in reversed(self.mentions) if m.end <= token.i
                     and self.doc[m.end - 1].lower_.removesuffix("s") == lemma), None)

    def last_two_countries(self, before: int) -> list[str]:
        """The last two different countries named before a token, as country codes (an
        IGO, an armed group or an NGO is no country), in the order the story first named
        them: of a joint act ("the prime ministers signed eight pacts"), the first is the
        source."""
        seen: list[str] = []
        for m in reversed(self.mentions):
            if m.end > before or m.code[:3] in ORGANISATION_PREFIXES:
                continue
            country = m.code[:3]
            if country not in seen:
                seen.append(country)
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return []
        first = {c: next(m.start for m in self.mentions if m.code[:3] == c) for c in seen}
        return sorted(seen, key=first.__getitem__)

    def carried(self, people: Token, depth: int = 0) -> str | None:
        """Who a thing "with 450 people on board" carries: the phrase's actor, or for people
        no role names, the civilians of the story's country."""
        code = self.of_phrase(people, depth)
        if code is None and people.lemma_.lower() in self.book.words["civilian-noun"] \
                and (country := self.story_country(people.i)) is not None:
            code = country + "CVL"
        return code

    def story_country(self, before: int) -> str | None:
        """The country the text is about so far: the one its actors before a token belong
        to most often (of equal counts, the one named last)."""
        counts: Counter[str] = Counter()
        last: dict[str, int] = {}
        for m in self.mentions:
            if m.end <= before and m.code[:3] not in ORGANISATION_PREFIXES:
                counts[m.code[:3]] += 1
                last[m.code[:3]] = m.start
        return max(counts, key=lambda c: (counts[c], last[c])) if counts else None


# ---------------------------------------------------------------- arguments


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _bare_passive(verb: Token) -> bool:
    """A passive participle without its auxiliary ("a senior leader is dead, killed in an
    airstrike", "was arrested and jailed", "being abused or tortured"): the subject of the
    clause it hangs on, if any, is the one acted on."""
    return verb.tag_ == "VBN" and (_found_oneself(verb) or (not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children) and (
        verb.dep_ == "advcl" or _passive_before(verb) is not None)))


def _found_oneself(verb: Token) -> bool:
    """A participle after a reflexive ("Turkey could find itself excluded from the
    exercises"): the one who finds itself so is acted on."""
    return verb.dep_ in ("xcomp", "oprd", "ccomp") and any(
        c.dep_ in ("dobj", "nsubj") and c.lower_ in REFLEXIVES
        for c in (*verb.head.children, *verb.children))


def _passive_before(verb: Token) -> Token | None:
    """The passive verb a bare participle is joined to: its first conjunct ("was arrested and
    jailed"), or the passive that the gerund it is wrongly joined to hangs on ("have been
    harassed while covering events and briefly detained")."""
    if verb.dep_ != "conj":
        return None
    first = _first_conjunct(verb)
    if first.tag_ == "VBG" and first.dep_ == "advcl":
        first = _first_conjunct(first.head)
    return first if _is_passive(first) else None


def _struck(verb: Token, book: Lexicon) -> list[Token]:
    """Whom an attack struck, told in a clause after it: what its -ing clause kills or aims
    at ("attacked a convoy, killing five soldiers", "claimed several attacks, targeting
    security forces") or inflicts harm "on" ("intensified attacks, inflicting heavy
    casualties on government forces")."""
    out = []
    # "an operation conducted by NISA, which resulted in the deaths of 16 al-Shabab
    # militants": the toll of the operation the verb describes
    # (the parser may hang the "which" on the doer: "conducted by NISA, which resulted")
    told = [verb, *(o for o in verb.children if o.dep_ == "dobj"),
            *(g for a in verb.children if a.dep_ == "agent" for g in a.children)] + (
        [verb.head] if verb.dep_ == "acl" else [])
    for clause in (c for h in told for c in h.children if c.dep_ in ("relcl", "advcl")
                   and c.lemma_.lower() == "result"):
        out += [g for p in clause.children if p.dep_ == "prep" and p.lower_ == "in"
                for d in p.children if d.dep_ == "pobj"
                and d.lemma_.lower() in book.words["death-noun"] for g in _of_objects(d)]
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                   and not any(s.dep_ in SUBJECTS for s in c.children)):
        if clause.lemma_.lower() in book.words["harm-verb"]:
            # the "on" hangs on the verb or on its object ("casualties on government forces")
            out += [g for h in (clause, *(o for o in clause.children if o.dep_ == "dobj"))
                    for p in h.children if p.dep_ == "prep" and p.lower_ == "on"
                    for g in p.children if g.dep_ == "pobj"]
        elif ((harm := match_trigger(clause, book)) is not None and harm.type == "ASSAULT") \
                or clause.lemma_.lower() in book.words["aim-participle"]:
            # "claimed several attacks, primarily targeting security forces"
            out += [o for o in clause.children if o.dep_ == "dobj"]
    return out


def _passive_subjects(verb: Token) -> list[Token]:
    """Who a passive verb befalls: its own subject, or for a bare participle ("if hit by
    sanctions") the subject of the clause it hangs on."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own or not _bare_passive(verb):
        return own
    if (passive := _passive_before(verb)) is not None and passive.i != verb.head.i:
        return [c for c in passive.children if c.dep_ == "nsubjpass"]
    return [c for c in verb.head.children if c.dep_ in SUBJECTS][:1]


def _first_conjunct(token: Token) -> Token:
    """The first of the words joined with this one by "and", "or" or a comma: the one that
    carries what they share ("were blocked or harassed … and detained and assaulted")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _prep_objects(token: Token, role: str, pos: str, book: Lexicon) -> list[Token]:
    out = []
    # a particle may carry the phrase ("kidnapped up to 16 advisers" parses "up" so)
    holders = [token, *(c for c in token.children if c.dep_ == "prt")]
    for child in (c for h in holders for c in h.children):
        if child.dep_ in ("prep", "dative") and role in book.preps.get((child.lower_, pos), ()):
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def _participle_targets(noun: Token, book: Lexicon) -> list[Token]:
    """What a participle on an act's noun says it is aimed at: "tariffs targeting Canada",
    "sanctions aimed at Russian banks"."""
    out = []
    for clause in (c for c in noun.children if c.dep_ == "acl"
                   and c.lemma_.lower() in book.words["aim-participle"]):
        if clause.tag_ == "VBG":
            out += [g for g in clause.children if g.dep_ == "dobj"]
        out += [g for p in clause.children if p.dep_ == "prep" and p.lower_ in ("at", "against")
                for g in p.children if g.dep_ == "pobj"]
    return out


def _past_a_label(subject: Token) -> Token:
    """A speaker's label opening an interview's turn is no subject ("VOA: Russia's President
    Vladimir Putin recently visited China", parsed with Putin as the label's apposition): the
    name after the colon is."""
    if subject.i != subject.sent.start or subject.i + 1 >= len(subject.doc) \
            or subject.nbor(1).text != ":":
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i + 1),
                subject)


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, or the subject of the verb that controls it ("X agreed to send",
    "X sent troops to fight", "X made plans to visit")."""
    node = verb
    for _ in range(6):
        # a controlling verb's passive subject does what follows: "he was inclined to support"
        kinds = ("nsubj", "agent") if node is verb else ("nsubj", "agent", "nsubjpass")
        subjects = [c for c in node.children if c.dep_ in kinds]
        if subjects:
            # of two, the one next to the verb: a heading run into the sentence ("Recent
            # attacks Since January, the BLA has ramped up attacks") parses as a second
            subject = max((c for c in subjects if c.i < node.i), default=subjects[0],
                          key=lambda c: c.i)
            if subject.dep_ == "agent":
                return next((g for g in subject.children if g.dep_ == "pobj"), None)
            subject = _past_a_label(subject)
            return _addressee(subject) or subject
        if (for_subject := _for_subject(node)) is not None:
            return for_subject
        if node.dep_ == "xcomp" and node.head.lemma_.lower() not in lexicon().words[
                "subject-control"] and (objects := _called_on(node)):
            # "urged Russia to accept", "called on the government to allow": Russia, the
            # government is the one to act
            return objects[0]
        if node.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children) \
                and modality_cues().governor.get(node.head.lemma_.lower()) == "hypothetical" \
                and (objects := _called_on(node)) \
                and match_trigger(objects[0], lexicon()) is None:
            # "to lobby the EU to abandon the tariffs", parsed as a purpose (but "called a
            # meeting to discuss" convenes it)
            return objects[0]
        if node.dep_ == "acl" and is_purpose(node) \
                and (addressee := _addressee(node.head, ("to", "on"))) is not None:
            return addressee  # "its call to the authorities to drop all charges"
        if node.dep_ == "acl" and (owner := next((
                g for c in node.head.children
                for g in ([c] if c.dep_ == "poss" else c.children if c.dep_ == "prep"
                          and c.lower_ == "of" and c.i < node.i else [])
                if g.dep_ in ("poss", "pobj") and g.pos_ in ("PROPN", "NOUN")), None)):
            return owner  # "the decision of Kenya not to participate", "Kenya's decision to"
        if node.dep_ == "acl" and (holder := _in_clause(node.head)).dep_ == "dobj" \
                and holder.head.pos_ == "VERB":
            # "X finalized a plan to visit": X is the one to visit; "Pyongyang issued a
            # series of warnings demanding that …": Pyongyang demands
            node = holder.head
            continue
        if node.dep_ == "pcomp" and node.head.lower_ == "for" and (blamed := next((
                c for c in node.head.head.children if c.dep_ == "dobj"
                and c.i < node.i), None)) is not None and (judged := match_trigger(
                    node.head.head, lexicon())) is not None \
                and judged.type in (*GRIEVANCE_TYPES, "SUPPORT"):
            # "condemned Thailand for sending Uyghurs back", "thanked Ethiopia for sending
            # troops": the one judged did it
            return blamed
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head  # "retaliated by announcing", "look forward to discussing"
            while node.pos_ == "NOUN" and node.dep_ == "pobj" and node.head.lower_ == "of":
                node = node.head.head  # "cited a mix of reasons for not participating"
            if node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.pos_ == "VERB":
                node = node.head  # "finalize a deal on handing sovereignty": who finalizes
            continue
        if node.dep_ not in CONTROLLERS:
            return None
        node = node.head
    return None


def _shared_objects(verb: Token) -> list[Token]:
    """"killed and injured 1,000 fighters": the object the parser hangs on the next of two
    verbs joined by nothing but "and", "or" or a comma is the first verb's too."""
    for conj in verb.conjuncts:
        if conj.i > verb.i and conj.pos_ == "VERB" and all(
                t.dep_ in ("cc", "punct") for t in verb.doc[verb.i + 1:conj.i]):
            return [c for c in conj.children if c.dep_ in ("dobj", "dative")]
    return []


def _alternative(token: Token) -> bool:
    """The act set against the one taken or preferred, which does not take place: "rather than
    attack", "would sooner sanction them than negotiate", "instead of attacking", "more
    interested in trade than in protecting rights"."""
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "than"
                                     for c in token.children):
        return True
    if token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "than"
                                    and token.head.i < c.i < token.i for c in token.head.children):
        return True
    node = token
    for _ in range(3):  # up through "in" to "than", through "of" to "instead"
        if node.dep_ not in ("pcomp", "pobj", "prep"):
            return False
        node = node.head
        if node.lower_ == "than" or (node.lower_ == "of" and node.i > 0
                                     and node.nbor(-1).lower_ == "instead"):
            return True
    return False


def _call_noun(word: Token) -> bool:
    """A noun for a call, appeal or request, whose act it asks for is only hoped for."""
    return word.pos_ == "NOUN" \
        and modality_cues().governor.get(word.lemma_.lower()) == "hypothetical"


def _addressee(call: Token, preps: tuple[str, ...] = ("to",)) -> Token | None:
    """Whom a call, appeal or request is addressed to ("its call to the authorities"), when
    the word is one: the one it asks to act."""
    if not _call_noun(call):
        return None
    return next((g for p in call.children if p.dep_ == "prep" and p.lower_ in preps
                 for g in p.children if g.dep_ == "pobj"), None)


def _called_on(clause: Token) -> list[Token]:
    """Whom the verb above an infinitive asks to do it: its object or the object of its
    "on" ("urged Russia to accept", "called on the government to allow"), or the one a call
    that is its object is addressed to."""
    verb = clause.head
    # "reiterated its call to the authorities to drop all charges": the call's addressee
    objects = [_addressee(c) or c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
    return objects + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        and verb.i < c.i < clause.i for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]  # not "on Saturday"


def _for_subject(verb: Token) -> Token | None:
    """"time for the Ukrainian side to designate": the subject of an infinitive is the object
    of the "for" just before it."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and verb.head.i < prep.i < verb.i:
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


@dataclass(slots=True)
class Arguments:
    source: str | None = None
    target: str | None = None
    place_tokens: tuple[Token, ...] = ()
    phrases: tuple[Token, ...] = ()  # argument heads, for finding quantities
    target_tokens: tuple[Token, ...] = ()  # where a target was looked for


def verb_arguments(trigger: Token, pattern: Pattern, actors: ActorIndex) -> Arguments:
    book = actors.book
    passive = _is_passive(trigger)
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative", "attr")] \
        or _shared_objects(trigger)
    objects += _named_objects(trigger)  # "imposed what officials called tariffs on Canada"
    # the object of a preposition the pattern names is the verb's object: "called for an
    # inclusive government in Syria", "pushed for Russia's withdrawal"
    objects += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in pattern.needs
                for g in c.children if g.dep_ == "pobj"]
    # "denounced as an ugly crime Serbia's suppression of the unrest"
    objects += [a for c in trigger.children if c.dep_ == "prep" and c.lower_ == "as"
                for g in c.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"]
    if (said_by := _trailing_report(trigger)) is not None:
        # "Agents abused immigrants, a rights group charged": the group charges the agents
        clause = trigger.sent.root
        return _resolve([said_by], [c for c in clause.children if c.dep_ in SUBJECTS], [],
                        actors, (said_by, *clause.children), mutual=False)
    # "An official Syrian newspaper called Thursday on Arabs to unite": the sentence has no
    # verb but this one, so its noun is the subject, not what the verb acts on
    misread = _main_verb_read_as_modifier(trigger)
    doer = _name_before_verb_read_as_modifier(trigger)
    if (gapped := _gapped_relative(trigger, actors)) is not None:
        doer = gapped[0]
    if misread:
        passive = False
    elif gapped is not None:
        objects.append(gapped[1])
        passive = False
    elif trigger.dep_ in ("acl", "amod") and trigger.tag_ == "VBG" and trigger.head.pos_ in (
            "NOUN", "PROPN") and doer is None and actors.of_phrase(trigger.head) is not None:
        # "intelligence officers talking together", "the protesting farmers": they act
        doer = trigger.head
    elif trigger.dep_ in ("amod", "acl") and trigger.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in SUBJECTS for c in trigger.children):
        # "deployed soldiers", "troops sent to" (but "a report that Britain will cede" tells
        # a clause of its own)
        objects.append(trigger.head)
        if doer is not None:
            passive = False  # "Trump hosted Erdogan" read as one name: Trump hosted him
    # "was arrested and jailed by the police": conjoined passives share their agent
    agents = [g for v in (trigger, *trigger.conjuncts) for c in v.children if c.dep_ == "agent"
              for g in c.children if g.dep_ == "pobj"]
    patients = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if passive and not agents:
        # "threatened with economic consequences by China": the parser hangs the agent on
        # the object of the verb's phrase
        agents = [g for c in trigger.children if c.dep_ == "prep"
                  for o in c.children if o.dep_ == "pobj"
                  for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                  for g in b.children if g.dep_ == "pobj"][:1]
    if not passive and agents and trigger.tag_ == "VBN" and trigger.dep_ in ("amod", "acl"):
        passive = True  # "Somali forces backed by Djiboutian soldiers": the soldiers back them
    if not passive and _bare_passive(trigger):
        passive = True
        patients = _passive_subjects(trigger)
    elif passive and not patients and trigger.dep_ == "pcomp":
        # "thanked his supporters after being freed": the clause's subject was freed
        patients = [c for c in trigger.head.head.children if c.dep_ in SUBJECTS][:1]
    subject = None if passive else trigger.head if misread else doer or _subject(trigger)
    if passive and not agents and patients \
            and trigger.lemma_.lower() in book.words["stance-participle"]:
        # "Israel is opposed to French mediation", "Vietnam is committed to opening up": a
        # stance its subject takes, towards the object of its "to"
        passive, subject, patients = False, patients[0], []
        objects += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children if g.dep_ == "pobj"]
    elif passive:
        subject = agents[0] if agents else None
        objects = patients + objects
    # what can be moved (troops, arms, aid); people held or driven out are acted on, never
    # the doer
    things = frozenset().union(*(v for k, v in book.classes.items()
                                 if k not in ("captive", "population", "held")))
    if subject is None and pattern.type in VICTIM_TYPES and (passive or (
            trigger.tag_ == "VBN" and trigger.dep_ in ("amod", "acl"))):
        # "were injured in clashes with police", "Palestinians injured in clashes with …"
        subject = _harmed_in(trigger, actors)
    elif passive and subject is None:
        # "Iranian drones were shipped to Russia": what was moved says whose it was
        subject = next((p for p in patients if p.lemma_.lower() in things), None)
        patients = [p for p in patients if p is not subject]
        objects = [o for o in objects if o is not subject]
    source_heads = [subject] if subject is not None else []
    homes: list[Token] = []  # where a verb sending people home sends them
    target_heads: list[Token] = []
    places = _prep_objects(trigger, "place", "VERB", book)
    if pattern.roles == "recipient":
        target_heads, source_heads = source_heads, _prep_objects(trigger, "source", "NOUN",
                                                                 book)
        # "received Chinese funding", "accepted $2 billion in Chinese funding": the giver
        # named on what is given
        source_heads += [m for t in _themes(trigger) for m in t.children
                         if m.dep_ in ("amod", "compound")]
    elif pattern.roles == "force":
        if not source_heads:
            source_heads = objects[:1]
        # "deploy troops against Ukraine": the parser may hang the aim on the force
        target_heads = [t for t in _prep_objects(trigger, "target", "VERB", book)
                        + [a for o in objects for a in _prep_objects(o, "target", "NOUN", book)]
                        if "place" not in book.preps.get((t.head.lower_, "VERB"), ())]
        objects = []
        target_heads += _left(trigger)
        # "mobilized reservists for a possible war against Iraq": whom the purpose is aimed at
        target_heads += [t for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for"
                         for g in c.children if g.dep_ == "pobj"
                         for t in _prep_objects(g, "target", "NOUN", book)]
    else:
        # in the passive, "from" says where from, not whom ("was freed from prison"), and
        # where people are sent is no party to it ("deported 40 Uyghurs to China")
        # "sent 109 back to China": whoever is sent back goes home (forces are deployed)
        back = [c for c in trigger.children if c.lower_ == "back" and c.dep_ in ("advmod", "prt")
                and not any(o.lemma_.lower() in book.classes["troops"] for o in objects)]
        sends = trigger.lemma_.lower() in book.words["destination-verb"] or bool(back)
        if pattern.type == "CONSULT" and trigger.lemma_.lower() in book.words["topic-verb"]:
            # "G7 ministers discussed China's role": what is discussed is no party to it
            objects = [o for o in objects if o.dep_ != "dobj" or o.head.i != trigger.i
                       or o.lemma_.lower() in book.classes.get("talks", ())]
        if pattern.mode == "visit":
            # "sent a U.S. delegation to Beijing": the envoys are the visitor's own, who with no
            # subject coded stand for the visitor; where they go is whom they visit
            envoys = [o for o in objects if o.lemma_.lower() in book.classes["delegation"]]
            objects = [o for o in objects if o not in envoys] + [
                g for e in envoys for c in e.children if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children if g.dep_ == "pobj"]
            if not actors.names_anyone(source_heads):
                source_heads += [e for e in envoys if any(
                    c.dep_ in ("amod", "compound", "poss") and c.i in actors.code_at
                    for c in e.children)]
        if pattern.type == "MOBILIZE":
            # "Ankara testing a Russian anti-aircraft weapon system": whoever made a weapon
            # one's own forces test or deploy is no party to it
            objects = [o for o in objects if not _a_weapon(o, book)]
        if pattern.type in ("RETREAT", "CONCEDE"):
            # "will cede sovereignty of the Chagos Islands": the land given up is no party;
            # whom it goes to is ("to Mauritius")
            objects = [o for o in objects if o.lemma_.lower() not in book.classes["territory"]]
        target_heads = [o for o in objects if not _patient_owned(o, book)
                        and not _frees_whom_it_names(o, book)] + [
            t for t in _prep_objects(trigger, "target", "VERB", book)
                                  if not (passive and t.head.lower_ == "from")
                                  # "were meeting at the Qahira Hotel": where, not with
                                  # whom; "met on the crisis": what about
                                  and not (pattern.type == "CONSULT"
                                           and t.head.lower_ in ("at", "on"))
                                  and not (sends and t.head.lower_ in ("to", "into"))]
        if pattern.type in ("RETREAT", "CONCEDE", "COERCE"):
            # "lift sanctions placed on North Korea's exports": whom the measure is on
            target_heads += [g for o in objects for a in o.children
                             if a.dep_ == "acl" and a.tag_ == "VBN"
                             for p in a.children if p.dep_ == "prep"
                             and p.lower_ in ("on", "against")
                             for g in p.children if g.dep_ == "pobj"]
        if pattern.type in VICTIM_TYPES and trigger.dep_ == "conj" and any(
                o.lemma_.lower() == "other" and o.tag_ == "NNS" for o in objects):
            # "killing one security worker and injuring four others": others of the kind
            target_heads += [o for o in trigger.head.children if o.dep_ == "dobj"]
        if pattern.type in VICTIM_TYPES and trigger.dep_ in ("advcl", "conj") and objects \
                and all(o.lower_ in book.words["share-word"] and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in o.children) for o in objects):
            # "singled out security personnel and passengers, shooting many": many of those
            target_heads += [g for o in trigger.head.children if o.dep_ == "dobj"
                             for g in (o, *o.conjuncts)]
        if sends and (trigger.lemma_.lower() in book.words["homeward-verb"] or back):
            homes = [t for h in (trigger, *back) for c in h.children
                     if c.dep_ == "prep" and c.lower_ == "to"
                     for t in c.children if t.dep_ == "pobj"]
        if pattern.type in GRIEVANCE_TYPES:
            # "complained to the United Nations over Israeli air raids": whose act the
            # complaint is about, before whom it is made to
            target_heads = _grievance_doers(trigger, book) + target_heads
        # "launched artillery, mortar and rocket fire against the camps"
        # "suspended part of an aid program for Bosnia": a share stands for what it is of
        wholes = [w for o in objects if o.lemma_.lower() in book.words["partitive"]
                  for w in _of_objects(o)]
        for obj in [c for o in (*objects, *wholes) for c in (
                (o, *o.conjuncts) if pattern.type != "CONSULT" else (o,))]:
            if not _patient_owned(obj, book):
                target_heads += [c for c in obj.children if c.dep_ == "poss"]
            target_heads += _prep_objects(obj, "target", "NOUN", book)
            target_heads += _participle_targets(obj, book)
            # "fired tear gas and stun grenades at demonstrators": the verb's "at", hung on
            # its object (a place or a body there is where it happened: "a base at Incirlik",
            # "blocked the resolution at the U.N. Security Council")
            target_heads += [t for c in obj.children if c.dep_ == "prep" and c.lower_ == "at"
                             for t in c.children if t.dep_ == "pobj"
                             and t.ent_type_ not in ("GPE", "LOC", "FAC", "ORG")]
            # whose offer was rejected, whose attack condemned: "an offer from Kabul",
            # "calls by Kofi Annan", "the removal of President Habyarimana"
            target_heads += _prep_objects(obj, "source", "NOUN", book)
            # "condemned the sanctions imposed by the European Union": whose sanctions
            target_heads += [g for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                             and not _is_passive(c) for a in c.children if a.dep_ == "agent"
                             for g in a.children if g.dep_ == "pobj"]
            if not _frees_whom_it_names(obj, book):
                target_heads += _of_objects(obj)
            # "welcomed the announcement that Ukraine had agreed": who the news is about;
            # "issued a series of warnings demanding that Washington change": whom they ask
            target_heads += [s for c in obj.children if c.dep_ in ("acl", "ccomp")
                             for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            target_heads += [s for n in (obj, *_of_objects(obj)) for c in n.children
                             if c.dep_ == "acl" and c.tag_ == "VBG" for cc in c.children
                             if cc.dep_ == "ccomp" for s in cc.children if s.dep_ in SUBJECTS]
        if pattern.mode == "allege":
            # whom the allegation accuses, then what the alleged wrong is done to ("alleging
            # the moves violate U.S. law"), never those it befell
            target_heads += [a for c in trigger.children if c.dep_ == "ccomp"
                             for a in _accused(c)] + [
                t for t in _complement_targets(trigger, book) if t.dep_ != "nsubjpass"]
        elif pattern.type != "CONSULT":  # "discussed imposing costs on Russia": a topic
            target_heads += _complement_targets(trigger, book)
        elif not target_heads:
            # "sent a delegation to attend the inauguration of Taiwan's new president": whom
            # a visit is paid to, said by what it is for
            target_heads += [t for c in trigger.children if c.dep_ == "advcl" and is_purpose(c)
                             and c.lemma_.lower() in book.words["attend-verb"]
                             for t in _acted_on(c, book)] or (
                _ties_sought(trigger, book) if pattern.mode == "visit" else [])
        if pattern.type == "REJECT" and trigger.dep_ == "relcl" \
                and trigger.head.lemma_.lower() in book.words["claim-noun"] \
                and (claimant := _subject(trigger.sent.root)) is not None:
            # "Pakistani officials blamed India …, a charge New Delhi rejected": the charge is
            # the main clause's, its maker the one answered
            target_heads.append(claimant)
        target_heads += _condition_subjects(trigger) if pattern.type == "THREATEN" else []
    if pattern.type in ("COOPERATE", "AID"):
        # "will cooperate in building a new parliament for Mauritius": whom the work is for
        target_heads += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "in"
                         for v in c.children if v.dep_ == "pcomp"
                         for t in (v, *(o for o in v.children if o.dep_ == "dobj"))
                         for p in t.children if p.dep_ == "prep" and p.lower_ == "for"
                         for g in p.children if g.dep_ == "pobj"]
    if not actors.names_anyone(target_heads):
        # "to launch a missile as a 'Christmas gift' to the U.S.": whom it is meant for
        target_heads += [g for h in (trigger, *objects) for c in h.children
                         if c.dep_ == "prep" and c.lower_ == "as"
                         for n in c.children if n.dep_ == "pobj"
                         for p in n.children if p.dep_ == "prep" and p.lower_ == "to"
                         for g in p.children if g.dep_ == "pobj"]
    if pattern.type == "REJECT" and not any(
            (code := actors.of_phrase(h)) and not _the_doers_own(code, source_heads, actors)
            for h in target_heads) \
            and trigger.dep_ == "acl" and trigger.head.dep_ == "dobj" \
            and trigger.head.head.lemma_.lower() in book.words["regret-verb"] \
            and (regretting := _subject(trigger.head.head)) is not None \
            and not _the_doers_own(actors.of_phrase(regretting), source_heads, actors):
        # "The court regrets the decision of Kenya not to participate": whom it refused
        target_heads.insert(0, regretting)
    if pattern.type == "ASSAULT" and not actors.names_anyone(target_heads):
        # "attacked a hotel where elders and security officials were meeting": those there
        target_heads += [s for o in objects for c in o.children if c.dep_ == "relcl"
                         and any(w.lower_ == "where" for w in c.children)
                         for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if pattern.type == "AID" and not actors.names_anyone(target_heads):
        # "provided training and equipment … to assist the HNP": whom the aid is to help
        target_heads += [o for v in (trigger, *trigger.conjuncts) for c in v.children
                        if is_purpose(c) and c.lemma_.lower() in book.words["help-verb"]
                        for o in c.children if o.dep_ == "dobj"]
    if pattern.type == "DEMAND":
        # "called for an inclusive government", "for the creation of a transitional
        # government": what is called for comes into being; it is no one asked
        target_heads = [h for h in target_heads if not _to_be_formed(h, book)]
    if "@territory" in pattern.needs:
        # "handing sovereignty of the Chagos Islands to Mauritius": who receives it is acted on
        given = [t for t in target_heads if t.dep_ == "pobj" and t.head.lower_ == "to"]
        target_heads = given + [t for t in target_heads if t not in given]
    if ("@territory" in pattern.needs or pattern.mode == "return") \
            and not actors.names_anyone(target_heads):
        # "will cede sovereignty of the Chagos Islands and lease back Diego Garcia from
        # Mauritius", "… and pay Mauritius": the other party of the same deal (not a part
        # of the land itself)
        ceded = {code[:3] for o in objects for t in o.subtree if (code := actors.of_phrase(t))}
        target_heads += [o for v in trigger.conjuncts if not any(
            c.dep_ in SUBJECTS for c in v.children) for c in v.children
            for o in ([c] if c.dep_ in ("dobj", "dative") else
                      [g for g in c.children if g.dep_ == "pobj"]
                      if c.dep_ == "prep" and c.lower_ in ("from", "to") else [])
            if (code := actors.of_phrase(o)) is not None and code[:3] not in ceded
            and actors.label(o) not in ("LOC", "FAC")
            and (c.dep_ != "dobj" or len(code) == 3)]  # "and keep Diego Garcia" is land
    # whom the attack struck, told in a clause of its own: the toll there is that clause's
    struck = _struck(trigger, book) if pattern.type == "ASSAULT" else []
    found = _resolve(source_heads, target_heads + struck, places, actors,
                     (*source_heads, *target_heads, *objects, *patients),
                     mutual=(not passive and pattern.type in MUTUAL_TYPES)
                     or _reciprocal(trigger.sent), withdraws=pattern.mode == "withdraw")
    home = actors.of_phrase(homes[0]) if homes else None
    homeward = trigger.lemma_.lower() in book.words["homeward-verb"]
    if home is not None and home[:3] not in ORGANISATION_PREFIXES \
            and (found.source is not None or homeward) \
            and home[:3] != (found.source or "")[:3] \
            and (found.target is None or (found.target[3:] == "CVL" and found.target[:3] != home[:3]
                                          and not _named_people(objects, actors))):
        # "deported 40 others to China", "sent 109 back to China": people sent home are that
        # country's people, whatever country the story's people would otherwise be
        return replace(found, target=home[:3] + "CVL")
    return found


def _harmed_in(verb: Token, actors: ActorIndex) -> Token | None:
    """Who harmed those a passive verb says were harmed in a fight: the fight's doer ("killed
    in the Taliban attack", "in an Israeli strike"), else the side it was fought with
    ("killed in a gun battle with police", "in the attack and the ensuing battle with
    militants"), else the doer of the violent act it follows in one sentence ("the police
    returned fire and Joseph was killed")."""
    for fight in (n for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                  for n in (g, *g.conjuncts)):
        # a noun whose verb fights ("a gun battle") names a fight too; a strike people are
        # killed in is a military one, as _reread reads it
        harm = match_trigger(fight, actors.book) or next(
            (p for p in actors.book.patterns.get((fight.lemma_.lower(), "VERB"), ())
             if not p.needs), None)
        if harm is None or harm.type not in ("ASSAULT", "PROTEST"):
            continue
        if actors.of_phrase(fight):
            return fight
        if (side := next((g for c in fight.children if c.dep_ == "prep" and c.lower_ == "with"
                          for g in c.children if g.dep_ == "pobj" and actors.of_phrase(g)),
                         None)) is not None:
            return side
    first = verb.head
    if verb.dep_ == "conj" and first.i < verb.i \
            and (harm := match_trigger(first, actors.book)) is not None \
            and harm.type == "ASSAULT" and not _is_passive(first) \
            and (doer := _subject(first)) is not None and actors.of_phrase(doer):
        return doer  # "the police returned fire and Arnel Joseph was killed": by the police
    return None


def _to_be_formed(noun: Token, book: Lexicon) -> bool:
    """An institution named as one to come ("a new caretaker government", "accountable
    leadership", "the creation of a transitional government"), not one that exists."""
    if noun.lemma_.lower() in book.words["creation-noun"]:
        return True  # "the creation of a transitional government" asks no one
    if noun.lemma_.lower() not in book.words["institution-noun"]:
        return False
    dets = [c.lower_ for c in noun.children if c.dep_ == "det"]
    if dets in (["a"], ["an"]) or (not dets and any(c.dep_ == "amod" for c in noun.children)):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" \
        and noun.head.head.lemma_.lower() in book.words["creation-noun"]


def _main_verb_read_as_modifier(verb: Token) -> bool:
    """A past-tense verb the parser hung on the noun before it as a participle, leaving the
    sentence with a noun for its root ("An official newspaper called Thursday on Arabs …")."""
    noun = verb.head
    # a participle that takes an object is active ("a journalist arrested last week" is not)
    active = verb.tag_ == "VBD" or any(c.dep_ in ("dobj", "oprd", "dative", "ccomp")
                                       for c in verb.children)
    # "Trump at first imposed tariffs": the verb read as what the name says, with no subject
    # (but "British media report that Britain will cede" has its own)
    return verb.dep_ in ("acl", "ccomp") and not any(
        c.dep_ in SUBJECTS for c in verb.children) and active and noun.dep_ == "ROOT" \
        and noun.pos_ in ("NOUN", "PROPN") and noun.i < verb.i


def _name_before_verb_read_as_modifier(verb: Token) -> Token | None:
    """The name before a past-tense verb that the parser read, with the name after it, as one
    noun phrase that is the sentence's root ("Trump hosted Erdogan in the White House"), or
    as the root noun whose object the verb modifies ("Trump imposed tariffs on Canada"):
    that name is the subject."""
    noun = verb.head
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or noun.i < verb.i \
            or verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if noun.dep_ == "dobj" and noun.head.i == name.i and name.dep_ == "ROOT" \
            and name.pos_ in ("NOUN", "PROPN") and name.is_title:
        # "Trump imposed tariffs on Canada" read as the noun "Trump" with "imposed tariffs"
        # for its object: the name is the subject
        return name
    if noun.dep_ != "ROOT" or noun.pos_ != "PROPN":
        return None
    return name if name.head.i == noun.i and name.dep_ in ("nmod", "compound") \
        and name.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") else None


def _gapped_relative(verb: Token, actors: ActorIndex) -> tuple[Token, Token] | None:
    """A relative clause with no "that" whose object is the noun it follows ("a charge the
    Afghan spokesman Balkhi rejected", "the deal Trump signed"), which the parser hangs with
    no subject on the noun or reads the name as the noun's apposition: the name right
    before the verb and the noun, as subject and object."""
    if verb.dep_ not in ("acl", "relcl") or verb.tag_ not in ("VBD", "VBN") or verb.i == 0 \
            or verb.head.i >= verb.i or any(c.dep_ in (*SUBJECTS, "dobj", "agent", "auxpass")
                                             for c in verb.children):
        return None
    name, noun = verb.doc[verb.i - 1], verb.head
    if name.i == noun.i:
        if name.dep_ != "appos" or name.head.pos_ != "NOUN" or name.head.i > name.i:
            return None
        noun = name.head
    return (name, noun) if name.pos_ == "PROPN" and name.i in actors.code_at else None


def _trailing_report(verb: Token) -> Token | None:
    """The speaker of a report put after its content (", a human rights group charged on
    Saturday."), which the parser reads as a noun with a participle after a comma: the noun,
    when the verb has no object and ends the sentence."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.i >= verb.i or noun.pos_ not in ("NOUN", "PROPN") \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    before = noun.left_edge.i - 1
    after = verb.right_edge.i + 1
    sent = verb.sent
    if before < sent.start or verb.doc[before].text != "," or (
            after < sent.end and not verb.doc[after].is_punct):
        return None
    return noun


def _doers(noun: Token) -> list[Token]:
    """The words of a noun phrase that can name who did it: its owner, modifiers and "by"
    phrase ("Israeli air raids", "the army's raids", "raids by the army")."""
    return [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")] + [
        g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
        for g in c.children if g.dep_ == "pobj"]


def _grievance_doers(trigger: Token, book: Lexicon) -> list[Token]:
    """Who did the act a complaint or a protest is about ("complained over Israeli air
    raids", "in protest of Israeli police actions"; but not "the protest of students")."""
    return [d for g in _prep_objects(trigger, "grievance", trigger.pos_, book)
            if g.head.lower_ != "of" or match_trigger(g, book) is not None
            or g.lemma_.lower() in book.words["act-noun"]
            for d in _doers(g)]


def _left(trigger: Token) -> list[Token]:
    """Where a force leaves: the object of "from" on a withdrawal, on it or on its force."""
    holders = [trigger, *(o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children if o.dep_ == "pobj"),
               *(c for c in trigger.children if c.dep_ == "dobj")]
    return [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj"]


def _condition_subjects(verb: Token) -> list[Token]:
    """Whom a threat is aimed at: the subject of its condition ("threatened to stop the
    talks if the United States goes ahead", "unless Baghdad accepted")."""
    return [s for clause in verb.subtree if _is_condition(clause)
            for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]


def _is_condition(clause: Token) -> bool:
    """A clause opened by "if" or "unless"."""
    return clause.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)


def _named_people(objects: Sequence[Token], actors: ActorIndex) -> bool:
    """Whether people acted on are named with their country ("deported 173 Uyghurs",
    "Afghan refugees"), not only by a role the story's country fills in ("109 men")."""
    return any(t.ent_type_ in ("NORP", "GPE") and t.i in actors.code_at
               for o in objects for t in o.subtree)


def _accused(clause: Token) -> list[Token]:
    """Whom an allegation's clause accuses: its subject ("alleged that Afghanistan supported
    the militants"), or whom a participle ties the act to; in the passive, its agent, or
    whoever those it befell live under ("alleged that women under Taliban rule are being
    persecuted": the Taliban), never the victims."""
    if clause.tag_ == "VBG" and clause.lemma_.lower() in lexicon().words["link-verb"]:
        # "allegations linking the attack with Afghanistan": whom the act is tied to
        # (the parser may hang the phrase on a noun of the act's: "attack on a train in
        # Balochistan province with Afghanistan")
        return [g for c in clause.subtree if c.dep_ == "prep" and c.lower_ in ("with", "to")
                for g in c.children if g.dep_ == "pobj"]
    if not _is_passive(clause):
        return [c for c in clause.children if c.dep_ == "nsubj"]
    agents = [g for c in clause.children if c.dep_ == "agent" for g in c.children
              if g.dep_ == "pobj"]
    return agents or [g for s in clause.children if s.dep_ == "nsubjpass"
                      for p in s.children if p.dep_ == "prep" and p.lower_ == "under"
                      for g in p.children if g.dep_ == "pobj"]


def _complement_targets(verb: Token, book: Lexicon) -> list[Token]:
    """Whom a demand or a promise is about, named in its complement: "demanded that the US
    cancel ...", "promised to continue aid to Mozambique"; last, whom its purpose is for
    ("provided training to assist the Haitian police")."""
    out: list[Token] = []
    purposes: list[Token] = []
    for clause in verb.children:
        if clause.dep_ == "ccomp" or any(m.dep_ == "mark" and m.lower_ in ("for", "with")
                                         for m in clause.children):
            # "demanded that the US cancel", "called for Russia to reciprocate", "pleading
            # with authorities to drop the restrictions"; after them,
            # what the clause acts on, for when its subject is the speaker itself ("warned
            # that it will exert pressure on Iran")
            out += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if clause.dep_ == "ccomp":
                # "will continue to exert pressure on Iran": through the infinitive too
                for verb in (clause, *(c for c in clause.children if c.dep_ == "xcomp")):
                    out += _acted_on(verb, book)
        elif clause.dep_ == "advcl" and is_purpose(clause):
            purposes += [c for c in clause.children if c.dep_ in ("dobj", "dative")]
        elif clause.dep_ == "xcomp":
            # "threatened to close or suspend U.S. operations": the object of either verb
            for verb in (clause, *clause.conjuncts):
                out += _acted_on(verb, book)
    return out + purposes


def _acted_on(verb: Token, book: Lexicon) -> list[Token]:
    """Whom a verb acts on: its objects with their own targets ("sanctions on Russia"), then
    its target phrases."""
    out = []
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
        out.append(obj)
        out += _prep_objects(obj, "target", "NOUN", book)
    return out + _prep_objects(verb, "target", "VERB", book)


def _the_doers_own(code: str | None, source_heads: Sequence[Token], actors: ActorIndex) -> bool:
    """Whether a code names the act's doer, a country standing for its own government (one's
    own answer or regret says nothing of whom an act was made)."""
    return code is not None and any(
        (doer := actors.of_phrase(h)) is not None
        and (code == doer or code == doer[:3] or doer == code[:3]) for h in source_heads)


def _a_weapon(noun: Token, book: Lexicon) -> bool:
    """Whether a noun names arms ("missiles", "a weapon system", "the S-400 air defense
    system" by its compound)."""
    return any(t.lemma_.lower() in book.classes["arms"] for t in (noun, *noun.children)
               if t is noun or t.dep_ == "compound")


def _ties_sought(trigger: Token, book: Lexicon) -> list[Token]:
    """Whom a visit or talks are said to be for ties with: "Suga's visit is aimed at boosting
    cooperation with India", "will visit Nairobi to strengthen ties with Kenya"."""
    clause = trigger.head if trigger.pos_ == "NOUN" else trigger
    own = {t.i for t in trigger.subtree} if trigger.pos_ == "NOUN" else set()
    return [g for t in clause.subtree if t.i not in own
            and t.lemma_.lower() in book.words["bond-noun"]
            for p in t.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj" for g in (o, *o.conjuncts)]


def _the_one_before(noun: Token, book: Lexicon) -> Token | None:
    """The earlier act of the same name that "a second summit", "another meeting" repeats,
    in its sentence or the one before."""
    if not any(c.lower_ in book.words["repeat-word"] for c in noun.children
               if c.dep_ in ("amod", "det")):
        return None
    doc = noun.doc
    first = doc[noun.sent.start - 1].sent.start if noun.sent.start > 0 else 0
    return next((t for t in reversed(doc[first:noun.i]) if t.lemma_ == noun.lemma_), None)


def _answerer(act: Token, book: Lexicon) -> Token | None:
    """Who answers a demand or a threat is whom it was made of: "Officials have not
    responded to BLA's demands", "the court rejected Kenya's request", "the request was
    rejected by Nairobi"."""
    verb = act.head.head if act.dep_ == "pobj" and act.head.dep_ == "prep" else act.head
    if act.dep_ not in ("dobj", "pobj", "nsubjpass") or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in book.words["uptake-verb"]:
        return None
    return _subject(verb)


def noun_arguments(trigger: Token, pattern: Pattern, actors: ActorIndex) -> Arguments:
    book = actors.book
    # "a U.N.-organized meeting", "a Qatar-brokered truce": who arranged it is no party
    source_heads = [c for c in trigger.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                    and (code := actors.of_phrase(c))
                    and not _names_a_place(c, code, actors.label(c))
                    and not _venue(c, pattern, actors)
                    and not (c.dep_ == "amod" and c.lower_.endswith("ed") and c.i > 0
                             and c.nbor(-1).text == "-")]
    target_heads = _prep_objects(trigger, "target", "NOUN", book) \
        + _participle_targets(trigger, book)
    if pattern.type == "CONSULT":
        # "a Security Council meeting on Afghanistan": what it is about, not with whom
        target_heads = [t for t in target_heads if t.head.lower_ != "on"
                        or t.ent_type_ in ("DATE", "TIME")]
    if not target_heads and pattern.type in ADDRESSED_TYPES \
            and (answerer := _answerer(trigger, book)) is not None \
            and not _the_doers_own(actors.of_phrase(answerer), source_heads, actors):
        target_heads = [answerer]
    if pattern.type in GRIEVANCE_TYPES:
        target_heads = _grievance_doers(trigger, book) + target_heads
    if _patient_owned(trigger, book):
        # "Mhlanga's arrest": the possessor is the one arrested
        target_heads += [h for h in source_heads if h.dep_ == "poss"]
        source_heads = [h for h in source_heads if h.dep_ != "poss"]
    if not source_heads and trigger.dep_ == "dobj" and trigger.head.dep_ == "acl" \
            and trigger.head.tag_ == "VBG" \
            and (trigger.head.head.lemma_.lower(), "NOUN") not in book.patterns:
        # "the groups bringing the lawsuits": theirs (but "allegations linking the attack
        # with Afghanistan" make no one its doer)
        source_heads = [trigger.head.head]
    # "an offer from Kabul"; but a force's "from" is where it leaves ("the withdrawal of
    # U.S. troops from Afghanistan")
    source_heads += [h for h in _prep_objects(trigger, "source", "NOUN", book)
                     if not (pattern.roles == "force" and h.head.lower_ == "from")]
    pairs = _prep_objects(trigger, "pair", "NOUN", book)
    places = _prep_objects(trigger, "place", "NOUN", book)
    of_objects = _of_objects(trigger)
    if pattern.roles == "force":
        target_heads = _left(trigger)  # "the withdrawal of U.S. troops from the country"
        # "the withdrawal of U.S. troops"; "of forces from Panama" leave Panama, so the
        # force is read from the verb's subject instead
        source_heads += [o for o in of_objects if not any(
            c.dep_ == "prep" and c.lower_ == "from" for c in o.children)]
        forces = of_objects
    else:
        forces = []
    if pattern.type in PATIENT_TYPES and pattern.roles != "force":
        target_heads += of_objects  # "the arrest of Mahmoud Khalil", "an invasion of Ukraine"
    if pattern.mode == "allege":
        # "allegations that Afghanistan supported the militants": who is accused
        target_heads += [a for c in trigger.children if c.dep_ in ("acl", "ccomp")
                         for a in _accused(c)]
    if pattern.type in ("REJECT", "THREATEN"):
        # "its reluctance to endorse the U.S. proposal", "a threat to impose tariffs on Canada"
        for clause in (c for c in trigger.children if c.dep_ == "acl" and is_purpose(c)):
            target_heads += _acted_on(clause, book)
    if not target_heads and pattern.type == "ASSAULT" and trigger.dep_ == "nsubj" \
            and (harm := match_trigger(trigger.head, book)) is not None \
            and harm.type == "ASSAULT":
        # "airstrikes by the army killed 50 militants": the attack struck whom it killed
        target_heads = [c for c in trigger.head.children if c.dep_ == "dobj"]
    if not target_heads and pattern.type in PATIENT_TYPES and trigger.dep_ == "pobj" \
            and trigger.head.dep_ == "agent":
        # "Iran was hit by new sanctions", "Ankara threatens retaliation if hit by sanctions":
        # what the passive befalls is what the act is aimed at
        target_heads = _passive_subjects(trigger.head.head)
    if not target_heads and pattern.type == "CONSULT" \
            and (first := _the_one_before(trigger, book)) is not None:
        # "praised his first summit with Kim … working on a second summit": with Kim again
        target_heads = [t for t in _prep_objects(first, "target", "NOUN", book)
                        if t.head.lower_ not in ("on", "at")]
    if not target_heads and pattern.mode == "visit":
        target_heads = _ties_sought(trigger, book)
    if pairs and not source_heads:
        pair_codes = actors.all_of_phrase(pairs[0])
        if len(pair_codes) >= 2:
            return Arguments(pair_codes[0], pair_codes[1], tuple(places), tuple(pairs))
    if pattern.type in MUTUAL_TYPES and (pair := _hyphened_pair(source_heads, actors)):
        return Arguments(*pair, tuple(places), tuple(source_heads))  # "U.S.-China talks"
    claim = credit.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" \
        and (credit := trigger.head.head).lemma_.lower() in book.words["credit-noun"] \
        and credit.dep_ == "dobj" and credit.head.lemma_.lower() in book.words["credit-verb"] \
        else None
    if not source_heads and claim is not None and (claimant := _subject(claim)) is not None:
        source_heads = [claimant]  # "al-Shabab claimed responsibility for the attack"
    governor = _governing_verb(trigger)
    # "following talks with Ramgoolam, both leaders reaffirmed": who held them is the
    # clause's subject, whatever the clause then says they did
    sequence = pattern.type in PARTY_TYPES and trigger.dep_ == "pobj" \
        and trigger.head.lower_ in book.words["sequence-prep"] \
        and trigger.head.head.pos_ in ("VERB", "AUX")
    if sequence:
        governor = trigger.head.head
    if governor is not None:
        places += _prep_objects(governor, "place", "VERB", book)
    elif not source_heads:
        # "Trump imposed tariffs" read as the noun "Trump" whose object is "imposed tariffs"
        source_heads = [name for c in trigger.children if c.dep_ == "amod"
                        and (name := _name_before_verb_read_as_modifier(c)) is not None][:1]
    # "spoke with Armitage about his trip": what is talked about is not the talker's act,
    # nor is what one weeps or frets "over" ("Erdogan wept over the crackdown against …")
    topic = trigger.dep_ == "pobj" and trigger.head.lower_ in TOPIC_PREPS | {"over"}
    subject = _subject(governor) if governor is not None and not topic else None
    if subject is not None and subject.pos_ == "NOUN" and match_trigger(subject, book):
        subject = None  # "Mech Dara's arrest drew condemnation": an act does not condemn
    if subject is not None and pattern.type in PATIENT_TYPES and trigger.dep_ == "pobj" \
            and trigger.head.lower_ in book.words["time-prep"]:
        subject = None  # "taking photos during the arrest of a lawmaker": not the arrester
    if pattern.type == "AID" and subject is not None and not source_heads \
            and noun_is_object(trigger) and match_trigger(governor, book) is None \
            and (givers := [g for c in governor.children if c.dep_ == "prep"
                            and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]):
        # "could tease out more aid from Beijing": Beijing gives, the subject gets
        source_heads, target_heads, subject = givers, target_heads or [subject], None
    # "a Turkish convoy came under attack": the subject undergoes it
    comes_under = governor is not None and governor.lemma_.lower() == "come" \
        and trigger.head.lower_ == "under"
    if subject is not None and (noun_is_object(trigger) or target_heads
                                or trigger.head.lower_ in book.words["state-prep"]
                                or comes_under) \
            and (match_trigger(governor, book) is None
                 or governor.lemma_.lower() in book.words["response-verb"] or sequence):
        # "held talks", "launched an attack": the verb's subject acts; "during the trip, it
        # made a stop" says nothing about who the trip was with, and "rights groups condemned
        # Mhlanga's arrest" nothing about who arrested him; "Kenyan troops survived an
        # ambush": the subject undergoes it, and "residents hear gunfire" only perceive it
        lemma = governor.lemma_.lower()
        if lemma in book.words["undergo-verb"] or comes_under:
            # "Kenyan troops survived an ambush", "a Turkish convoy came under attack"
            target_heads = target_heads or [subject]
        elif lemma not in book.words["witness-verb"] \
                and lemma not in book.words["pursuit-verb"] and (
                not source_heads or _narrows(subject, source_heads, actors)):
            # "Trump doubled the U.S. tariff": the president, not the bare country, acts
            source_heads = [subject]
    if not target_heads and governor is not None and trigger.dep_ == "dobj":
        # "doubling the tariff on its neighbor's steel": the parser hangs the noun's "on"
        # on the verb it is the object of (or on the "termed" of "what it termed strikes")
        target_heads = [g for c in trigger.head.children if c.dep_ == "prep"
                        and c.lower_ in ("on", "against") for g in c.children
                        if g.dep_ == "pobj"]
    if pattern.type == "CONSULT" and not actors.names_anyone(target_heads) \
            and trigger.dep_ == "pobj" and not any(  # "during a visit to Quetta": there
                c.dep_ == "prep" and c.lower_ == "to" for c in trigger.children) \
            and trigger.head.lower_ in ("in", "during") \
            and (told := trigger.head.head).lemma_.lower() in reporting_cues().verbs:
        # "told Trump in phone conversations", "Trump told Starmer during the visit": whom
        # something was told to is whom the talks or the visit were with
        target_heads = [c for c in told.children if c.dep_ in ("dobj", "dative")]
    # "intensified attacks, inflicting heavy casualties on government forces"
    # ("claimed responsibility for several attacks, targeting security forces")
    struck = _struck(struck_by, book) if pattern.type == "ASSAULT" \
        and (struck_by := governor or claim) is not None else []
    found = _resolve(source_heads, target_heads + struck, places, actors,
                     (*source_heads, *target_heads, trigger),
                     mutual=pattern.type in MUTUAL_TYPES or _reciprocal(trigger.sent))
    return replace(found, source=_force_source(found.source, forces, actors)) if forces \
        else found


def _force_source(source: str | None, forces: Sequence[Token], actors: ActorIndex
                  ) -> str | None:
    """The force an event noun says a country moves, as its doer: the force's own code where
    it is that country's, else the country with the force's sector ("the withdrawal of forces
    by America": USAMIL). A verb's subject stays its doer ("Vietnam plans to send
    peacekeepers")."""
    if source is None or len(source) != 3 or source in ORGANISATION_PREFIXES:
        return source
    for force in forces:
        own = actors.all_of_phrase(force)[:1]
        if own:
            if own[0][:3] == source and len(own[0]) > 3:
                return own[0]
            continue
        if (role := actors.book.force_roles.get(force.lemma_.lower())) is not None:
            return source + role
    return source


def _hyphened_pair(modifiers: Sequence[Token], actors: ActorIndex) -> tuple[str, str] | None:
    """The two parties of "U.S.-China talks", "the Russia-Ukraine agreement": a modifier and
    the actor joined to it before by a hyphen."""
    for head in modifiers:
        for first in head.children:
            if first.i + 2 == head.i and head.nbor(-1).text == "-" \
                    and (one := actors.of_phrase(first)) and (other := actors.of_phrase(head)) \
                    and one[:3] != other[:3]:
                return one, other
    return None


def _patient_owned(noun: Token, book: Lexicon) -> bool:
    """An act's noun whose possessor is the one it is done to ("Lai's release", "Khalil's
    arrest"; but not "Russia's release of the prisoners"): the possessor is not whom a verb
    that names the act ("called for Lai's release") acts on."""
    return noun.lemma_.lower() in book.words["patient-noun"] and not _of_objects(noun) \
        and any(c.dep_ == "poss" for c in noun.children)


def _frees_whom_it_names(noun: Token, book: Lexicon) -> bool:
    """A release named with whom it frees ("the release of political prisoners"): those
    freed are not whom a verb that names the release ("demanded the release of …") acts on,
    as the one to be arrested in "ordered the arrest of Dodik" is."""
    return noun.lemma_.lower() in book.words["patient-noun"] and bool(_of_objects(noun)) \
        and not any(c.dep_ == "poss" for c in noun.children) \
        and (pattern := match_trigger(noun, book)) is not None and pattern.type == "RETREAT"


def _of_objects(token: Token) -> list[Token]:
    """The objects of a phrase's "of": "the arrest of Khalil", "the removal of the president"."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def noun_is_object(noun: Token) -> bool:
    return _in_clause(noun).dep_ in ("dobj", "attr", "nsubjpass")


def _in_clause(noun: Token) -> Token:
    """The noun that stands for an event noun in its clause: the measure that counts it
    ("led eight hours of talks", "launched a wave of strikes"), else the noun itself."""
    measure = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and measure.pos_ == "NOUN":
        book = lexicon()
        if measure.lemma_.lower() in book.words["measure-noun"] \
                or measure.lemma_.lower() in book.words["time-unit"]:
            return measure
    return noun


def _names_a_place(modifier: Token, code: str, label: str) -> bool:
    """"the Doha agreement", "the Copenhagen Charter", "his White House meeting": a capital
    or a seat of government before the noun names where, not who (it is coded as its
    government; a country before the noun stays its actor), and so does any name beside an
    owner, who is the doer. ``label`` is the modifier's entity label as the actor tables
    give it, where the model gives none."""
    if modifier.dep_ != "compound":
        return False
    if (label or modifier.ent_type_) in ("GPE", "FAC", "LOC") and code.endswith("GOV"):
        return True
    return any(c.dep_ == "poss" for c in modifier.head.children)


def _venue(modifier: Token, pattern: Pattern, actors: ActorIndex) -> bool:
    """"the Singapore summit": a place before a meeting held at a third place, with no one
    it is held with, names where it was (but "the U.S. summit with Russia" is the U.S.'s)."""
    return pattern.mode == "third-party" and modifier.dep_ == "compound" \
        and (actors.label(modifier) or modifier.ent_type_) in ("GPE", "LOC", "FAC") \
        and not any(c.dep_ == "prep" and c.lower_ in ("with", "between")
                    for c in modifier.head.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger is the object of ("held talks") or hangs from ("during a call,
    X said")."""
    noun = _in_clause(noun)
    if (outer := _named_in_a_what_clause(noun)) is not None:
        return outer
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if (noun.dep_ == "pobj" and noun.head.dep_ == "prep"
            and noun.head.head.pos_ in ("VERB", "AUX")
            and noun.head.lower_ not in modality_cues().boundary):
        return noun.head.head
    return None


def _labels(verb: Token) -> bool:
    """A verb that only names what a "what" before it stands for ("what officials called
    tariffs", "what it termed strikes"), or the "was" of "what he said was a tariff"."""
    if not any(c.lower_ == "what" and c.i < verb.i for c in verb.children):
        return False
    if verb.lemma_ == "be":
        return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in reporting_cues().verbs
    return verb.lemma_.lower() in lexicon().words["label-verb"]


def _what_names(clause: Token) -> list[Token]:
    """The nouns a "what" clause names ("what officials called tariffs", "what Ukraine
    described as an attack", "what he said was a tariff")."""
    namers = [clause] + [c for c in clause.children if c.dep_ == "ccomp" and c.lemma_ == "be"]
    return [n for namer in namers if _labels(namer) for c in namer.children
            for n in ([g for g in c.children if g.dep_ == "pobj"] if c.lower_ == "as"
                      else [c] if c.dep_ in ("dobj", "attr", "oprd") and c.lower_ != "what"
                      else [])]


def _named_objects(verb: Token) -> list[Token]:
    """What a verb acts on through a "what" clause that names it ("imposed what officials
    called tariffs")."""
    return [n for c in verb.children if c.dep_ in ("ccomp", "dobj") for n in _what_names(c)]


def _named_in_a_what_clause(noun: Token) -> Token | None:
    """The verb that acts on a noun a "what" clause names: "the EU levied what he said was a
    tariff", "Russia launched what Ukraine described as an attack"."""
    namer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    clause = namer.head if namer.lemma_ == "be" else namer
    verb = clause.head
    return verb if clause.dep_ in ("ccomp", "dobj") and verb.pos_ in ("VERB", "AUX") \
        and noun in _named_objects(verb) else None


def _own(head: Token, code: str, source: str | None) -> bool:
    """A phrase for the source's own people or things ("its troops" of Syria's offer)."""
    return source is not None and code[:3] == source[:3] and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)


def _narrows(subject: Token, heads: Sequence[Token], actors: ActorIndex) -> bool:
    """Whether the verb's subject is an actor of the very country the noun's modifier names
    alone ("Trump" USAGOV against the "U.S." of "the U.S. tariff")."""
    named = next((codes[0] for h in heads if (codes := actors.all_of_phrase(h))), None)
    doer = actors.all_of_phrase(subject)[:1]
    return named is not None and len(named) == 3 and bool(doer) \
        and doer[0].startswith(named) and len(doer[0]) > 3


def _resolve(source_heads: Sequence[Token], target_heads: Sequence[Token],
             places: Sequence[Token], actors: ActorIndex,
             phrases: Sequence[Token], mutual: bool = True,
             withdraws: bool = False) -> Arguments:
    """The codes of the first source phrase with an actor and of the first target; conjoined
    sources act on each other only where the act can be ``mutual`` (talks, not criticism by
    several: "he was criticized by U.N., U.S. and French representatives"). What the source
    ``withdraws`` of its own is never the target ("France recalled its ambassador")."""
    source_codes: list[str] = []
    for head in source_heads:
        source_codes = actors.all_of_phrase(head)
        if source_codes:
            break
    source = source_codes[0] if source_codes else None
    found = [(code, h) for h in target_heads for code in actors.all_of_phrase(h)[:1]]
    targets = [code for code, _ in found]
    if withdraws:
        found = [(c, h) for c, h in found if not _own(h, c, source)]
        targets = [code for code, _ in found]
    # the first target that is another actor and not the source's own ("offered its troops
    # to Lebanon's president"), else the first that is another actor
    target = next((c for c, h in found if c != source and not _own(h, c, source)),
                  next((c for c in targets if c != source), targets[0] if targets else None))
    if target in (None, source) and len(source_codes) > 1 and mutual:
        # "Israel and Lebanon renewed talks", "India and Mauritius upgraded their ties":
        # each with the other
        target = source_codes[1]
    return Arguments(source, target, tuple(places), tuple(phrases), tuple(target_heads))


# ---------------------------------------------------------------- linking


def _own_tokens(token: Token) -> set[int]:
    """The trigger's phrase without the clauses inside it."""
    keep = {token.i}
    stack = [c for c in token.children if c.dep_ not in CLAUSES]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSES)
    return keep


def _scope(trigger: Token) -> set[int]:
    scope = _own_tokens(trigger)
    governor = _governing_verb(trigger) if trigger.pos_ == "NOUN" else None
    if governor is not None:
        scope |= _own_tokens(governor)
    return scope


def _char_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a word stands in (the root for a word of the main one)."""
    while not (token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSES) \
            and token.head.i != token.i:
        token = token.head
    return token


def _in_the_clause_of(trigger: Token, word: Token) -> bool:
    """Whether a word stands in the trigger's clause or in one above it, not in a clause of
    its own below or beside it, which tells of another act."""
    clause = _clause_head(word)
    return clause == _clause_head(trigger) or clause.is_ancestor(trigger)


def _nearest(trigger: Token, candidates: list[tuple[int, int]]) -> int | None:
    """The index of the candidate (index, token) nearest the trigger."""
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c[1] - trigger.i))[0]


def _a_time_on(doc: Doc, known: Found, sent: Span, tokens: set[int],
               fits: Callable[[TimeHit], bool]) -> bool:
    """Whether a time of the sentence that ``fits`` lies on one of ``tokens`` (the cheap
    test first: finding a time's tokens builds a span)."""
    return any(fits(t) and _in(doc, t.start, t.end, tokens) is not None
               for _, t in known.times.within(sent.start_char, sent.end_char))


def _in(doc: Doc, start: int, end: int, tokens: set[int]) -> int | None:
    span = _char_tokens(doc, start, end)
    if span is None or not any(t.i in tokens for t in span):
        return None
    return span.root.i


class ByPosition(Generic[T]):
    """Annotations found by the stretch of text they lie in: linking looks only at those of
    the event's sentence."""

    def __init__(self, items: Sequence[T]) -> None:
        self.all = items
        self.index = SpanIndex([(item.start, item.end) for item in items])

    def within(self, start: int, end: int) -> list[tuple[int, T]]:
        """(index, item) of the items overlapping [start, end), in their order."""
        return [(i, self.all[i]) for i in self.index.overlapping(start, end)]


@dataclass(frozen=True, slots=True)
class Found:
    """What an event is linked to, each findable by position."""

    times: ByPosition[TimeHit]
    quantities: ByPosition[QuantityHit]
    places: ByPosition[PlaceHit]
    statements: ByPosition[StatementHit]
    published: date | None = None


def find_events(doc: Doc, article: Annotations) -> list[EventHit]:
    """Every coded event of the Doc, in text order, from what the other extractors found in
    the article (its actor mentions, times, quantities, places and statements)."""
    book = lexicon()
    actors = ActorIndex(doc, article.actors, book, article.entities, article.statements)
    found = Found(ByPosition(article.times), ByPosition(article.quantities),
                  ByPosition(article.places), ByPosition(article.statements),
                  article.published)
    blocked = {i for m in article.actors for i in range(m.start, m.end)}
    blocked |= {t.i for ent in doc.ents if ent.label_ not in ("DATE", "TIME", "CARDINAL")
                for t in ent}
    events: list[EventHit] = []
    lemmas = lower_lemmas(doc)
    heads = book.heads
    # what can be said to be an act: a reported clause, or a verb with "we" or "I" before it
    # (read from spaCy's arrays: asking every token builds a Token)
    deps, lowers = token_strings(doc, DEP, str), lower_words(doc)
    offsets = doc.to_array(HEAD).astype("int64").tolist()  # head minus token, signed
    going_on = book.words["continue-verb"]
    sayable = {i for i, dep in enumerate(deps) if dep == "ccomp" or (
        dep == "xcomp" and deps[i + offsets[i]] == "ccomp"
        and lemmas[i + offsets[i]] in going_on)} | {
        i + offsets[i] for i, dep in enumerate(deps) if dep == "nsubj" and lowers[i] in ("we", "i")}
    # a quotation's own main verb, which only an accusation reads ("“The military continues
    # to defy calls,” …")
    quoted_roots = {i for i, dep in enumerate(deps) if dep == "ROOT" or (
        dep == "xcomp" and deps[i + offsets[i]] == "ROOT" and lemmas[i + offsets[i]] in going_on)}
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            if i in blocked or (i not in sayable and lemmas[i] not in heads):
                continue
            token = doc[i]
            said = None
            if token.i in sayable and not _asked(token):
                said = _reported_demand(token, actors) or _proposal(token, book) \
                    or _reported_accusation(token, actors)
            elif token.i in quoted_roots and not _asked(token):
                said = _reported_accusation(token, actors)
            if said is not None:
                events.append(_link(doc, token, said, sent, found, actors))
                if said[0] is ACCUSATION:
                    continue  # "said Iran is defying the council": the wrong is the charge
            if lemmas[token.i] not in heads:
                continue
            if _refusal(token, book):
                events.append(_link(doc, token, (REFUSAL, verb_arguments(token, REFUSAL, actors)),
                                    sent, found, actors))
                continue
            pattern = match_trigger(token, book)
            if pattern is not None and (ultimatum := _ultimatum(token, pattern, actors)):
                events.append(_link(doc, token, ultimatum, sent, found, actors))
                continue
            if (pattern is None or _intent_with_event(token, pattern, book)
                    or _asked(token) or _proposed(token, book)
                    or _object_of_trigger(token, actors) or _denies_a_report(token)
                    or _refused(token, book)
                    or _not_an_occurrence(token, pattern, actors)):
                continue
            pattern = _reread(token, pattern, actors)
            arguments = (noun_arguments if _trigger_pos(token) == "NOUN" else verb_arguments)(
                token, pattern, actors)
            if _wants_a_target(token, pattern, arguments, book) or _repeated(doc, token, found) \
                    or _violence_of_the_unarmed(pattern, arguments) \
                    or _concurring_speech(token, pattern, found) \
                    or _named_by_an_earlier_year(doc, token, found) \
                    or _tally(doc, token, pattern, found) \
                    or (arguments.source is None and _commentators(token, book)):
                continue  # "unable to provide details", "released a report", "each year"
            events.append(_link(doc, token, (pattern, arguments), sent, found, actors))
    events = _sides_told_before(doc, events)
    return _one_per_act(doc, [e for e in events if not _unclaimed(e) and not _journalism(e)
                              and not _mobilized_by_the_unarmed(e)])


def _names_again(event: EventHit, earlier: EventHit, same_word: bool) -> bool:
    """Whether an earlier event can be the one a noun names again and give it its missing
    side: by the same word, when the side it has agrees ("the release" after "released the
    journalist"); by the same mode only ("their detention" after "detained"), when the
    earlier one has both sides and one of them is that side."""
    if same_word:
        return (event.source or earlier.source) == (earlier.source or event.source) \
            and (event.target or earlier.target) == (earlier.target or event.target) \
            and (earlier.source if event.source is None else earlier.target) is not None
    return earlier.mode is not None and earlier.mode == event.mode \
        and earlier.source is not None and earlier.target is not None \
        and (earlier.source == event.source or earlier.target == event.target)


def _sides_told_before(doc: Doc, events: list[EventHit]) -> list[EventHit]:
    """"Militants attacked a passenger train … The BLA claimed responsibility for the
    attack": an event noun with "the", "this", "that" or a possessive pronoun, and one side,
    names again an event of its type in its sentence or the three before (``_names_again``)
    and takes from it the side it leaves unsaid; a noun with no side at all stays a mention,
    no event ("some believe the attack was a blunder"). So does a verb whose subject is such
    a noun ("the airstrikes killed a senior leader")."""
    starts = [sent.start for sent in doc.sents]
    sentence_of = {e.token: bisect_right(starts, e.token) for e in events}
    told: list[EventHit] = []
    for event in events:
        token = doc[event.token]
        # "the airstrikes killed Mansoor": the verb's doer is the act its subject names again
        clause = token.head if token.dep_ == "conj" and not any(
            c.dep_ in SUBJECTS for c in token.children) else token
        named = token if token.pos_ == "NOUN" else next(
            (c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), token)
        again = _definite(named) or any(c.dep_ == "poss" and c.tag_ == "PRP$"
                                        for c in named.children)  # "their detention"
        if named.pos_ == "NOUN" and again and (event.source is None) != (event.target is None):
            earlier = next((e for e in reversed(told) if e.type == event.type
                            and (back := sentence_of[event.token] - sentence_of[e.token])
                            <= SAME_WORD_BACK
                            and _names_again(event, e, same := doc[e.token].lemma_.lower()
                                             == named.lemma_.lower())
                            and (same or back <= SENTENCES_BACK)), None)
            if earlier is not None:
                source = event.source or earlier.source
                target = event.target or (earlier.target if earlier.target != source else None)
                event = replace(event, source=source, target=target)
        told.append(event)
    return told


SPEECH_TYPES = frozenset({"AGREE", "CONCEDE"})
"""Types whose verb, as the cue of a quotation, only says how it was said."""


def _concurring_speech(token: Token, pattern: Pattern, known: Found) -> bool:
    """"“The danger is not passed yet,” agreed Polat Sayim": a verb of agreeing or conceding
    that only introduces a quotation tells how it was said, no political act ("reaffirmed
    their commitment to a “free … Indian Ocean”" does act)."""
    return pattern.type in SPEECH_TYPES and not any(
        c.dep_ in ("dobj", "prep", "xcomp") for c in token.children) and any(
        statement.direct and statement.cue_span is not None
        and statement.cue_span[0] <= token.idx < statement.cue_span[1]
        for statement in known.statements.all)


def _one_per_act(doc: Doc, events: list[EventHit]) -> list[EventHit]:
    """One attack told by two triggers is one event, the first: an attack noun and the verb
    it is the subject of ("airstrikes killed 50 militants"), joined verbs ("shot and killed
    them"), and the result a participle adds ("attacked the car, killing all inside"), when
    both say the same of who did it to whom and how sure. (Other joined acts are steps of
    their own: "arrested and jailed".)"""
    kept: list[EventHit] = []
    for event in events:
        told = event.type == "ASSAULT" and any(
            (k.type, k.source, k.target, k.modality)
            == (event.type, event.source, event.target, event.modality)
            and _same_act(doc[k.token], doc[event.token]) for k in kept)
        if not told:
            kept.append(event)
    return kept


def _same_act(first: Token, later: Token) -> bool:
    # joined verbs share one object ("shot and killed people"); each with its own object
    # ("deported 173 to Turkey but sent 109 back to China") tells of two acts
    shared = not any(c.dep_ in ("dobj", "dative") for c in first.children)
    return (later in first.conjuncts and shared) or (
        first.dep_ in ("nsubj", "nsubjpass") and first.head.i == later.i) or (
        later.dep_ == "advcl" and later.tag_ == "VBG" and later.head.i == first.i)


def _commentators(token: Token, book: Lexicon) -> bool:
    """"Security analysts are praising ECOWAS", "some commenters praised the efforts": what
    commentators no table codes say or think is commentary, no political act."""
    subject = _subject(token) if token.pos_ in ("VERB", "AUX") else None
    return subject is not None and subject.lemma_.lower() in book.words["commentator-noun"]


def _unclaimed(event: EventHit) -> bool:
    """An act that no one is said to do and that may or may not come ("the decision to
    evacuate migrants", "after meeting with the president" in a visit expected): without a
    doer or the fact of it, there is no who-did-what to record."""
    return event.source is None and event.modality in ("hypothetical", "planned")


def _armed(code: str | None) -> bool:
    """An actor that bears arms: a military, rebels, militias, or an armed group."""
    return code is not None and (code[:3] == "IMG" or split_code(code)[1] in ARMED_ROLES)


def _expletive(pronoun: Token) -> bool:
    """An "it" that holds a clause's place ("it was decided that …", "it is for Russia to
    accept", "it is clear that …"): it points to nothing before it."""
    verb = pronoun.head
    return pronoun.lower_ == "it" and pronoun.dep_ in ("nsubj", "nsubjpass") and (
        pronoun.dep_ == "nsubjpass" or verb.lemma_ == "be") and any(
        c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > verb.i for c in verb.children)


def _origin(goods: Token, book: Lexicon) -> Token | None:
    """Where goods a participle describes come from: "wines coming out of France", "steel
    made in China", "products exported from Canada"."""
    for clause in (c for c in goods.children if c.dep_ == "acl"
                   and c.lemma_.lower() in book.words["origin-participle"]):
        preps = [p for p in clause.children if p.dep_ == "prep"]
        preps += [q for p in preps if p.lower_ == "out" for q in p.children if q.dep_ == "prep"]
        for prep in (p for p in preps if p.lower_ in ("from", "in", "of")):
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _backed_by_troops(verb: Token, book: Lexicon) -> bool:
    """A passive backing whose agent is troops ("soldiers backed by African Union troops"),
    whatever code the troops' body has."""
    return any(g.lemma_.lower() in book.classes["troops"] for a in verb.children
               if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")


def _armed_group(code: str | None) -> bool:
    """An armed group: armed, and neither a state's forces, unidentified men nor criminals."""
    return _armed(code) and split_code(code or "")[1] not in ("MIL", "UAF", "CRM")


def _violence_of_the_unarmed(pattern: Pattern, arguments: Arguments) -> bool:
    """Violence against no one by people who bear no arms and hold no office ("he's still
    fighting", said of a jailed publisher): a figure of speech, or the victims misread as the
    doers ("journalists have been detained and assaulted")."""
    if pattern.type != "ASSAULT" or arguments.target is not None or arguments.source is None:
        return False
    country, sector = split_code(arguments.source)
    return bool(country) and sector is not None and sector not in STATE_ROLES \
        and not _armed(arguments.source)


UNARMED_SECTORS = frozenset({"NGO", "BUS", "EDU", "MED", "HLH", "REL", "LAB", "AGR", "ENV"})
"""Sectors whose people command no forces to mobilize."""


def _mobilized_by_the_unarmed(event: EventHit) -> bool:
    """Forces moved by a company, a school, an outlet or a charity ("we're deploying them",
    said of renewable energy by an environmental group): no mobilization (PLOVER MOBILIZE is
    armed forces or police put in place)."""
    return event.type == "MOBILIZE" and event.source is not None \
        and split_code(event.source)[1] in UNARMED_SECTORS


def _journalism(event: EventHit) -> bool:
    """News media looking into something ("VOA examined the facts", "a Post investigation")
    do their work; an inquiry is a political act when a state or a body does it."""
    return event.type == "INVESTIGATE" and split_code(event.source or "")[1] == "MED"


EARLIER_YEARS = 2
"""An event noun named by a year at least this many years before publication ("the 2004
bombing") refers to an earlier act."""


def _named_by_an_earlier_year(doc: Doc, token: Token, known: Found) -> bool:
    """"A trial opened over the 2004 bombing", "the 2018 protests", "life under the
    occupation in the early 20th century": an event noun whose own modifier, or the time in
    its own (or its verb's) "in", "of" or "during", lies wholly EARLIER_YEARS or more before
    publication names an earlier act for reference; it is not an act this report tells of.
    So do a "since" clause dated so long before and a clause set off to say who a name is."""
    published = known.published
    if published is None:
        return False
    latest = published.year - EARLIER_YEARS

    def long_before(time: TimeHit) -> bool:
        return (last := _last_year(time.value)) is not None and last <= latest

    if token.pos_ == "VERB" and token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "since" for c in token.children):
        # "has not recognized the Taliban since they seized control in 2021": the start of
        # a state, long before
        return _a_time_on(doc, known, token.sent, {t.i for t in token.subtree}, long_before)
    if token.pos_ == "VERB" and token.dep_ == "relcl" and token.head.pos_ == "PROPN" \
            and any(c.dep_ == "punct" and c.i == token.head.i + 1 for c in token.head.children):
        # "The Taliban, who seized power in August 2021, have imposed …": who they are, told
        # by an act long before
        return _a_time_on(doc, known, token.sent, {t.i for t in token.subtree}, long_before)
    if token.pos_ != "NOUN":
        return False
    modifiers = {c.i for c in token.children if c.dep_ in ("nummod", "compound", "amod")}
    # its own "in 2008", or that of the verb it hangs from ("photos depicted life under the
    # occupation in the early 20th century"; but "held talks in 2019" tells of the talks)
    governor = None if noun_is_object(token) else _governing_verb(token)
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":
        governor = token.head  # "their second summit was in February 2019"
    modifiers |= {g.i for h in (token, governor) if h is not None for c in h.children
                  if c.dep_ == "prep" and c.lower_ in ("in", "of", "during")
                  for g in c.children if g.dep_ == "pobj"}
    return _a_time_on(doc, known, token.sent, modifiers, long_before)


TALLY_MIN = 10
"""Acts counted at least this many times over a year, a month or longer are a tally."""


def _tally(doc: Doc, token: Token, pattern: Pattern, known: Found) -> bool:
    """"Launched 504 attacks in 2024", "carried out more than 100 strikes last year": many
    acts counted over a whole year or month are a statistic, not an act this report tells of
    (a day's "20 airstrikes overnight" is one); so are many people killed or held over a year
    or months ("1,250 terrorists have been killed in the last 15 months")."""
    nouns = [token] if token.pos_ == "NOUN" else [  # "launched 504 attacks"
        c for c in token.children if c.dep_ == "dobj" and match_trigger(c, lexicon())]
    periods = r"\d{4}(?:-\d{2}|-Q\d)?|\d{2,3}X"
    if token.pos_ == "VERB" and pattern.type in VICTIM_TYPES and not nouns:
        nouns = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        periods = r"\d{4}|\d{2,3}X|P\d+[YM]"  # a month's count of people may be one act
    if not any(n.tag_ == "NNS" and any(c.dep_ == "nummod" and _number(c) >= TALLY_MIN
                                       for c in n.children) for n in nouns):
        return False
    governor = _governing_verb(token) if token.pos_ == "NOUN" else token
    scope = {t.i for h in (token, governor) if h is not None for t in h.subtree}
    return _a_time_on(doc, known, token.sent, scope,
                      lambda t: re.fullmatch(periods, t.value or "") is not None)


def _number(token: Token) -> float:
    """A numeral's value ("504", "1,200"), 0 for one written in words or unreadable."""
    try:
        return float(token.text.replace(",", ""))
    except ValueError:
        return 0.0


def _last_year(value: str | None) -> int | None:
    """The last year a time value covers: "2004" and "2004-05-01" 2004, the decade "199X"
    1999, the century "19" 1999; None for a duration, a set or a relative value."""
    found = re.match(r"(\d{2,4})(X*)(?:$|-)", value or "")
    if found is None or len(found.group(1)) + len(found.group(2)) not in (2, 3, 4):
        return None
    return int(found.group(1).ljust(4, "9"))


def _repeated(doc: Doc, token: Token, known: Found) -> bool:
    """An act said to recur ("prisoners pardoned by the king each year", "meets every
    week"): a time that sets a repetition in the trigger's own phrase makes it a habit."""
    return _a_time_on(doc, known, token.sent, _scope(token), lambda t: t.kind == "set")


THREAT = Pattern("", "VERB", (), "THREATEN", None, "130", "agent")
VERBAL_PROTEST = Pattern("", "VERB", (), "DISAPPROVE", "disapprove", "111", "agent")
MILITARY_ACT = Pattern("", "NOUN", (), "ASSAULT", None, "190", "agent")
MILITARY_COOPERATION = Pattern("", "VERB", (), "COOPERATE", "military", "062", "agent")
LEAVING_A_BODY = Pattern("", "VERB", (), "SANCTION", "withdraw", "161", "agent")
FORCE_USED = Pattern("", "VERB", (), "ASSAULT", None, "190", "agent")
COURT_ORDER = Pattern("", "VERB", (), "DEMAND", None, "100", "agent")
RIOT = Pattern("", "VERB", (), "PROTEST", "riot", "145", "agent")
# Sectors whose attack on the press is made in words.
SPEAKING_ROLES = frozenset({"GOV", "ELI", "LEG", "OPP", "PTY", "JUD", "MED"})
# Sectors that bear arms: forces backing forces cooperate militarily.
ARMED_ROLES = frozenset({"MIL", "REB", "INS", "UAF", "SEP", "CRM"})


@cache
def _media_words() -> frozenset[str]:
    """Words that end a news organisation's name ("Journal", "Times", "Post")."""
    return frozenset(row["word"] for row in bundled_table("organisation_kinds.tsv")
                     if row["role"] == "MED")


def _reread(token: Token, pattern: Pattern, actors: ActorIndex) -> Pattern:
    """What the sentence makes of the act: one to be done "unless" the other side acts is a
    threat ("will withdraw its force unless the president arranges a ceasefire"); a protest
    that is said, not staged, is criticism ("…, a human rights group protested"); a strike
    that kills, or in which people are killed, is a military one ("the Russian strike
    targeted civilians", "killed in an Israeli strike"); an attack on a news organisation
    is words ("Trump also attacked The Wall Street Journal"), and a blow an attack deals is
    force; withdrawing from an intergovernmental body cuts relations with it; measures one
    could retaliate with are a threat."""
    book = actors.book
    if pattern.type == "ASSAULT" and token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.ent_type_ == "ORG" and (
                c.lower_ in _media_words() or (actors.of_phrase(c) or "").endswith("MED"))
            for c in token.children):
        return VERBAL_PROTEST
    if pattern.type == "PROTEST" and pattern.pos == "NOUN" and (
            token.dep_ in ("nsubj", "agent") or (
                token.dep_ == "pobj" and token.head.lower_ in ("in", "by"))) \
            and (harm := match_trigger(token.head if token.dep_ == "nsubj" else token.head.head,
                                       book)) is not None and harm.type == "ASSAULT":
        return MILITARY_ACT
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                     for m in c.children) for c in token.children):
        return THREAT
    if pattern.type in ("COERCE", "SANCTION") and token.pos_ == "NOUN" and token.dep_ == "pobj" \
            and token.head.lower_ == "with" \
            and (answer := token.head.head).lemma_.lower() in book.words["retaliate-verb"] \
            and any(c.dep_ == "aux" and modality_cues().aux.get(c.lower_) in UNREAL | {"hedged"}
                    for c in answer.children):
        return THREAT  # "Beijing hinted it could retaliate with tariffs": a veiled threat
    if pattern.type == "DISAPPROVE" and pattern.pos == "VERB" and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and (
                harm.type == "ASSAULT" if (harm := match_trigger(c, book)) is not None
                else c.lemma_.lower() in book.words["campaign-noun"])
            for c in token.children):
        # "the airstrikes dealt a heavy blow to al-Shabab", "the operation dealt a blow to
        # al-Shabab": by force
        return FORCE_USED
    if pattern.type == "RETREAT" and pattern.pos == "VERB" \
            and not any(c.dep_ == "dobj" for c in token.children) and any(
            (actors.of_phrase(g) or "").startswith("IGO")
            for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj"):
        # "Burkina Faso, Mali and Niger withdrew from ECOWAS": relations cut (CAMEO 161),
        # no force pulled back
        return LEAVING_A_BODY
    if pattern.type == "PROTEST" and pattern.pos == "VERB" and (
            token.dep_ == "parataxis" or _trailing_report(token) is not None
            or any(c.dep_ in ("ccomp", "parataxis") for c in token.children)):
        return VERBAL_PROTEST
    return pattern


def _wants_a_target(token: Token, pattern: Pattern, arguments: Arguments, book: Lexicon
                    ) -> bool:
    """A generic verb (or noun) that names no one it is done to and nothing of the kind it
    gives ("provide details", "release a report", "help if", "road trips") is no event, nor
    is one country's people meeting among themselves."""
    key = (token.lemma_.lower(), pattern.pos)
    if pattern.type == "CONSULT" and pattern.pos == "VERB" and arguments.target is None \
            and token.lemma_.lower() in book.words["assembly-verb"] \
            and (subject := _subject(token)) is not None and _plural(subject) \
            and not subject.conjuncts and not any(
                c.dep_ == "nummod" or c.lower_ in ("both", "two") for c in subject.children) \
            and arguments.source and arguments.source[:3] not in ORGANISATION_PREFIXES:
        return True  # "U.S. officials would convene this weekend": among themselves
    if pattern.needs or key not in book.needs_target:
        return False
    kind = book.needs_target[key]
    return arguments.target in (None, arguments.source) and not (
        kind and _satisfies(token, "@" + kind, book))


def _object_of_trigger(token: Token, actors: ActorIndex) -> bool:
    """"Imposed sanctions", "signed an agreement", "blocking aid": the noun is what the verb's
    event acts on, not an event of its own. One that names who did it is another actor's act
    that the verb answers ("rejected Kenya's request", "praised the withdrawal of U.S.
    troops")."""
    if token.pos_ != "NOUN" or _names_its_actor(token, actors):
        return False
    head = token.head
    if (outer := _named_in_a_what_clause(token)) is not None:
        head = outer  # "launched what Ukraine called an attack"
    elif token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in THEME_PREPS:
        head = head.head  # "killed in an attack", "threatened the EU with tariffs"
    elif token.dep_ not in ("dobj", "nsubjpass", "attr"):
        return False
    if head.lemma_.lower() in actors.book.words["response-verb"]:
        return False  # "retaliated with its own tariffs": the tariffs are the act
    # "met with opposition from China": the verb means something else, the noun is the act
    return head.i != token.i and _trigger_pos(head) == "VERB" and match_trigger(
        head, actors.book) is not None and not _other_sense(head, actors.book)


def _other_sense(token: Token, book: Lexicon) -> bool:
    """The trigger acts on a thing that gives it another sense ("met with opposition",
    "requests for comment", "released a report"; kind ``other-sense``)."""
    return any(_satisfies(token, "@" + kind, book)
               for kind in book.other_senses.get(token.lemma_.lower(), ()))


def _names_its_actor(noun: Token, actors: ActorIndex) -> bool:
    """An event noun with its own doer: an actor's possessive or an "of"/"by" phrase."""
    return any(c.dep_ == "poss" and c.i in actors.code_at for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ in ("of", "by") and any(
            g.dep_ == "pobj" and actors.of_phrase(g) for g in c.children)
        for c in noun.children)


def _caution(warning: Token, actors: ActorIndex) -> bool:
    """A warning that threatens no one: of a danger foreseen ("warned in July of a possible
    IS resurgence"; but "warned Israel of a crushing response" is aimed at someone), of a
    state with no modal in its clause ("warning that internet use is hurting minors"), or
    of what a third party will do (``_foretells``)."""
    objects = {c.dep_ for c in warning.children} & {"dobj", "dative"}
    clauses = [c for c in warning.children if c.dep_ == "ccomp"]
    if not objects and not clauses and any(
            p.dep_ == "prep" and p.lower_ in ("of", "about")
            for c in (warning, *(g for c in warning.children if c.dep_ in ("prep", "npadvmod")
                                 for g in (c, *c.children)))
            for p in c.children):
        return True
    if not objects and any(not any(a.dep_ == "aux" and a.lower_ in modality_cues().aux
                                   for a in c.children) for c in clauses):
        return True
    return _foretells(warning, actors)


def _foretells(warning: Token, actors: ActorIndex) -> bool:
    """A warning of what a third party will do is a forecast, no threat: its clause's subject
    is a noun of its own (not a pronoun, not an act, not of the warner's side), and its verb
    is neither a state nor an act the subject undergoes ("warned that Israel would face
    consequences", "that NATO troops would be legitimate targets" threaten)."""
    book = actors.book
    warner = _subject(warning)
    side = (actors.of_phrase(warner) or "")[:3] if warner is not None else ""
    for clause in (c for c in warning.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON" or match_trigger(subject, book) \
                or clause.lemma_.lower() in book.words["undergo-verb"] \
                or clause.lemma_ == "be":
            continue
        if (actors.of_phrase(subject) or "")[:3] != side or not side:
            return True
    return False


def _aimed_at(token: Token) -> bool:
    """Whether the act is what something is "aimed at", through the acts listed with it and
    the verb it is the object of: "aimed at raising revenue, protecting jobs and to curb the
    flow", "a visit aimed at boosting cooperation"."""
    node = token
    for _ in range(6):
        if node.dep_ == "pcomp" and node.head.lower_ == "at":
            return node.head.head.lemma_.lower() == "aim"
        if node.head.i == node.i or not (
                node.dep_ in ("conj", "xcomp")
                or (node.dep_ == "advcl" and node.tag_ == "VBG")
                or (node.dep_ == "dobj" and node.pos_ == "NOUN" and node.head.tag_ == "VBG")):
            return False
        node = node.head
    return False


HEADING_TOKENS = 8
"""The longest heading that names its paragraph's topic."""


def _named_in_a_verbless_answer(token: Token) -> bool:
    """An event noun with no verb above it in an interview's answer after its speaker's
    label ("Armitage: Probably the Russia attack on Ukraine"): a topic named, no act told."""
    if token.pos_ != "NOUN" or any(a.pos_ in ("VERB", "AUX") for a in token.ancestors):
        return False
    label = token.sent.root
    return label.pos_ in ("PROPN", "NOUN") and label.i == token.sent.start \
        and label.i + 1 < len(label.doc) and label.nbor(1).text == ":"


def _heading(sent: Span) -> bool:
    """A heading in a story's body: a few words with no verb and no closing stop."""
    return len(sent) <= HEADING_TOKENS and sent[-1].text not in (".", "!", "?") \
        and not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _counterfactual(verb: Token) -> bool:
    """A past that did not happen: a verb in an "if ... had" clause, or the "would have"
    clause it conditions ("If the EU had allowed milder rules, Brexit would never have
    happened")."""
    def past_perfect_condition(clause: Token) -> bool:
        return clause.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "if"
                                            for c in clause.children) \
            and any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)
    if verb.pos_ != "VERB":
        return False
    if past_perfect_condition(verb):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have"
                                      for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might")
                for c in verb.children) \
        and any(c.dep_ == "advcl" and past_perfect_condition(c) for c in verb.children)


def _looked_to(verb: Token) -> Token | None:
    """Whom "X is looking to Y to do" hopes will do it: Y (the parser may hang the
    infinitive on "look" with Y in a "to" phrase, or on Y itself)."""
    # "… to either veto any sanctions or use his influence to water them down": each
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i \
            and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() != "look" \
            and not verb.head.text[:1].isupper():
        verb = verb.head
    if verb.dep_ not in ("advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head.lemma_.lower() == "look":
        return next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
                     for g in c.children if g.dep_ == "pobj"), None)
    if head.dep_ == "xcomp" and head.head.lemma_.lower() == "look" and head.text[:1].isupper() \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return head  # "looking to Trump to veto", the name read as a verb
    return None


def _health_measure(trigger: Token, book: Lexicon) -> bool:
    """Whether the restriction a trigger names or acts on is a health measure by its own
    modifiers ("pandemic restrictions", "COVID-19-related travel restrictions", "relaxing
    some of its pandemic restrictions")."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else [
        c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns = [g for n in nouns
             for g in ([n] if n.pos_ in ("NOUN", "PROPN") else _of_objects(n))]
    modifiers = [w for n in nouns for c in n.children if c.dep_ in ("amod", "compound", "nmod")
                 for w in (c, *(g for g in c.children if g.dep_ in ("npadvmod", "compound")))]
    return any(_health_word(w.lower_, book) for w in modifiers)


def _health_word(word: str, book: Lexicon) -> bool:
    """Whether a lower-cased word, or a part of it between hyphens, is a health word
    ("covid-19-related")."""
    return any(part in book.words["health-word"] for part in (word, *word.split("-")))


def _generic_rule(trigger: Token) -> bool:
    """What a rule says must or can be done whenever someone unnamed is in some case ("if a
    person cannot afford an attorney, the government must provide a public defender"): a
    condition on "a person" or "anyone" makes the act a general rule, not one done."""
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "can", "may") for c in trigger.children):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "when")
                                         for m in c.children)
               and any(s.dep_ in SUBJECTS and (s.lower_ in ("anyone", "someone") or any(
                   d.dep_ == "det" and d.lower_ in ("a", "an", "any") for d in s.children))
                       for s in c.children)
               for c in trigger.children)


def _cited_as_an_example(trigger: Token, book: Lexicon) -> bool:
    """Whether the trigger lies in what a speaker cites "as an example" or "as a case in
    point": an act that illustrates an argument is cited, not reported."""
    citing = next((v for v in trigger.ancestors if v.pos_ == "VERB"
                   and v.lemma_.lower() in book.words["example-verb"]), None)
    return citing is not None and any(
        t.dep_ == "prep" and t.lower_ == "as" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in book.words["example-noun"]
            for g in t.children)
        for t in citing.subtree)


def _pandemic_travel_rule(trigger: Token, actors: ActorIndex) -> bool:
    """Whether, in a story told around a pandemic, the trigger restricts or eases travel: the
    rule it names or acts on is on travel ("tightened restrictions on all travel from
    India", "refused to relax strict rules on international travel") or travel is what it
    lets happen ("allow tourism to resume"). Such rules are health policy."""
    if not actors.pandemic_story():
        return False
    travel = actors.book.words["travel-word"]
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    nouns = [n for v in verbs for n in ([v] if v.pos_ == "NOUN" else (
        c for c in v.children if c.dep_ in ("dobj", "nsubjpass")))]
    nouns += [s for v in verbs for c in v.children if c.dep_ == "ccomp"
              for s in c.children if s.dep_ in SUBJECTS]
    on = [t for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "on"
          for o in p.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
    if any(t.i in actors.code_at for t in on):
        return False  # "a travel ban on U.S. officials": a sanction on someone
    words = [*on, *(w for n in nouns for w in (
        n, *(c for c in n.children if c.dep_ in ("amod", "compound"))))]
    return any(w.lemma_.lower() in travel for w in words)


def _not_an_occurrence(token: Token, pattern: Pattern, actors: ActorIndex) -> bool:
    """Words that name an act without anyone doing it here: the purpose of another act
    ("ceded the islands to allow the base to remain"), what a refusal refuses, an accusation
    alleges or a threat threatens ("refused to attend the hearing": the refusal is the
    event), a state that is posed or faced ("poses a threat"), an earlier act that dates the
    sentence."""
    book = actors.book
    if token.tag_ == "VBN" and token.i > 0 and token.nbor(-1).lower_ == "as" \
            and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
        return True  # "as opposed to", "as compared to": a preposition, no act
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("more", "fewer")
                                    for c in token.children) \
            and any(t.lower_ == "than" for t in token.sent if t.i > token.i):
        return True  # "has suffered more terrorist attacks than any other": a comparison
    if _indirect_question(token, book) or _question_left_unanswered(token, actors):
        return True  # "asked Lai if he agreed", "whether he might back off"
    if _named_in_a_verbless_answer(token):
        return True  # "Armitage: Probably the Russia attack on Ukraine": a topic named
    if pattern.type == "DEMAND" and token.tag_ == "NN" and any(
            c.dep_ == "amod" and c.lower_ in book.words["market-adjective"]
            for c in token.children) and not any(
            match_trigger(g, book) for g in _prep_objects(token, "target", "NOUN", book)):
        return True  # "an increased demand for books": a market's, no call on anyone
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and (
            token.head.lower_ == "like" or (token.head.lower_ == "as" and token.head.i > 0
                                            and token.head.nbor(-1).lower_ == "such")):
        return True  # "Turkey's wrong policy, like supporting the Muslim Brotherhood": an example
    if token.dep_ in ("xcomp", "advcl") and token.head.lemma_ == "have" and any(
            c.dep_ == "prep" and c.lower_ in ("until", "till") for c in token.head.children):
        return True  # "they have until Feb. 4 to appeal": a deadline for an act not yet done
    if token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in book.words["aim-noun"]
            for c in token.head.children):
        return True  # "whose only concern is to protect their homes": a wish, no act
    if token.pos_ == "VERB" and pattern.type in SAID_TYPES \
            and (subject := next((c for c in token.children if c.dep_ == "nsubj"), None)) \
            and subject.pos_ == "NOUN" and not subject.ent_type_ \
            and match_trigger(subject, book) is not None:
        return True  # "the arrest of Mhlanga sent a chilling message": an act says nothing
    if pattern.type == "RETREAT" and token.lemma_.lower() in book.words["rescue-freed"] \
            and (_is_passive(token) or token.dep_ == "acl") \
            and not any(c.dep_ == "agent" for c in token.children) \
            and any(lemma in book.words["rescue-verb"] for lemma in lower_lemmas(token.doc)):
        # "354 passengers were freed", "rescued all the passengers freed so far" in a story
        # of a rescue: rescued, not released
        return True
    if pattern.type == "AGREE" and token.lemma_.lower() == "agree" and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                g.dep_ == "pobj" and g.pos_ == "NOUN" and g.i not in actors.code_at
                and not g.ent_type_ and g.lemma_.lower() not in book.words["offer-noun"]
                and g.lemma_.lower() not in actors.pacts for g in c.children)
            for c in token.children):
        # "they agree with the removal of Gachagua": a view shared, no pact (but "agree
        # with the U.S. proposal of a ceasefire" accepts an offer)
        return True
    if token.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.tag_ == "JJ" and c.i == c.sent.start
                                    for c in token.children):
        return True  # a subheading read as a clause: "Chinese demand The changes … have come"
    if pattern.type == "REJECT" and token.lemma_.lower() == "oppose" and any(
            c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "any" for d in c.children)
            for c in token.children):
        return True  # "strongly opposing any unilateral attempts to alter the status quo"
    if any(c.dep_ == "mark" and c.lower_ == "like" for c in token.children):
        return True  # "it's kind of like the government is prosecuting a case": an analogy
    if _generic_rule(token):
        return True  # "if a person cannot afford an attorney, the government must provide one"
    if token.tag_ == "VBG" and any(c.dep_ == "advmod" and c.lower_ == "already"
                                   for c in token.children) \
            and any(c.dep_ == "aux" and c.tag_ == "VBD" for c in token.children):
        return True  # "the U.N. was already providing assistance before the coup": a baseline
    if pattern.mode == "restrict" and token.pos_ == "NOUN" and token.dep_ == "dobj" \
            and token.head.lemma_ == "have":
        return True  # "having zero-for-zero tariffs since 1997": measures in force, held
    if _cited_as_an_example(token, book):
        return True  # "pointed to China's measures against Australia as a case in point"
    if _counterfactual(token):
        return True  # "if the EU had allowed milder rules, Brexit would never have happened"
    if pattern.type in ("COERCE", "CONCEDE") and _health_measure(token, book):
        return True  # "relaxing its pandemic restrictions": health policy, no political act
    if pattern.type in ("COERCE", "CONCEDE", "REJECT", "RETREAT") \
            and _pandemic_travel_rule(token, actors):
        return True  # "Italy has now tightened restrictions on all travel from India"
    if pattern.type == "ASSAULT" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in book.words["hazard-noun"]
            for c in token.children):
        return True  # "collapsing buildings injured 15 people": no one attacked them
    if token.lemma_.lower() in book.words["commitment-verb"] and (values := [
            t for p in token.children if p.dep_ == "prep" and p.lower_ == "to"
            for g in p.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]) and all(
            t.pos_ == "NOUN" and match_trigger(t, book) is None
            and t.lemma_.lower() not in book.classes["agreement"] for t in values):
        return True  # "insists it is committed to peace and respect for …": a value held
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_ == "have" and any(
            p.dep_ == "prep" and p.lower_ == "in" and any(g.lower_ == "place" for g in p.children)
            for h in (token, token.head) for p in h.children):
        return True  # "the EU still has a ban in place": a measure standing, no act now
    if token.pos_ == "NOUN" and token.dep_ == "pobj" \
            and token.head.lower_ in ("over", "about", "on") \
            and token.head.head.lemma_.lower() in book.words["dispute-verb"]:
        return True  # "publicly disagreed over U.S. aid to Ukraine": what they argue about
    if token.pos_ not in ("VERB", "AUX") and _heading(token.sent):
        return True  # "US ban on advanced chips": a heading names the topic below it
    if pattern.type == "DEMAND" and token.lemma_.lower() in book.words["question-verb"] \
            and not pattern.needs and not any(c.dep_ == "xcomp" for c in token.children):
        return True  # "asked Trump whether he would meet Putin": a question; only "asked
        # Thailand to return" asks for an act
    if _labels(token):
        return True  # "what officials called tariffs on Canada": a name, no call
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.dep_ == "acl" \
            and token.head.head.lemma_.lower() in book.words["label-verb"]:
        return True  # "peace talks, known as intra-Afghan negotiations": the talks' name
    if token.pos_ == "NOUN" and any(c.dep_ in ("amod", "advmod") and c.lower_ == "much"
                                    for c in token.children):
        return True  # "too much killing and too much destruction": an amount, no act
    if pattern.type == "CONSULT" and token.pos_ == "NOUN" and token.dep_ == "pobj" \
            and token.head.lower_ == "at" and token.head.head.pos_ in ("NOUN", "PROPN"):
        # "criticized by U.S. representatives at a Security Council meeting", "conversations
        # at China's annual political meetings": where someone was, a setting (but "a
        # statement issued at their meeting" tells of the meeting)
        return True
    if token.lemma_.lower() in book.words["plea-verb"] and any(
            c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in book.words["plea-word"]
            for c in token.children):
        return True  # "have pleaded not guilty": a plea in court, no appeal to anyone
    # "sent troops to try to curb the flow": what is tried is the purpose
    clause = token.head if token.dep_ == "xcomp" \
        and token.head.lemma_.lower() in book.words["attempt"] else token
    if clause.dep_ == "advcl" and is_purpose(clause) and any(
            match_trigger(verb, book) is not None or verb.lemma_.lower() in book.words[
                "need-verb"] for verb in (
                clause.head, *([clause.head.head] if clause.head.dep_ == "conj" else []))):
        return True  # … and "needs a billion dollars to provide support": what it is for
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.dep_ == "advcl" \
            and is_purpose(token.head) and match_trigger(token.head.head, book) is not None:
        return True  # "signed eight pacts to boost cooperation": the pacts' purpose
    if token.pos_ == "NOUN" and token.dep_ == "dobj" \
            and token.head.lemma_.lower() in modality_cues().denial \
            and not _names_its_actor(token, actors):
        # "Beijing denies the allegations": the denial answers, it alleges nothing; but
        # "rejected Kenya's request" answers Kenya's act, which took place
        return True
    # the state, or a participle describing it ("overcoming restrictions imposed by the U.S.")
    stated = token.head if token.tag_ == "VBN" and token.dep_ == "acl" else token
    stated = _listed_under(stated)
    if stated.pos_ == "NOUN" and stated.dep_ in ("dobj", "attr") \
            and stated.head.lemma_.lower() in book.words["state-verb"]:
        return True
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" \
            and token.head.lemma_.lower() in book.words["held-state-verb"]:
        return True  # "sanctions against Turkey enjoy bipartisan support": a standing state
    if pattern.type == "COERCE" and token.pos_ == "NOUN" and token.dep_ == "nsubj" \
            and token.head.lemma_ == "be" and any(c.dep_ == "acomp" for c in token.head.children):
        return True  # "Zamora's detention is arbitrary": a measure or a detention judged
    if (pattern.mode == "restrict" or token.lemma_.lower() in book.words["campaign-noun"]) \
            and (token.pos_ == "NOUN" or (token.tag_ == "VBG" and not any(
                c.dep_ in (*SUBJECTS, "dobj") for c in token.children))) \
            and token.dep_ == "nsubj" \
            and match_trigger(token.head, book) is None and not occurs(token.head):
        # "the Taliban's restrictions have sparked resistance", "the U.K. ban is going to be
        # bad", "their crackdown on human rights is ongoing": a measure or a campaign in
        # force, cited for what it does or is (but "the tariffs take effect", "the offensive
        # killed 200 people")
        return True
    if token.dep_ == "acl" and is_purpose(token) and (found := match_trigger(
            token.head, book)) is not None and found.pos == "NOUN" and (
            found.type in ("REJECT", "THREATEN", "CONSULT") or found.mode == "allege"):
        # "Trump's threat to impose tariffs": what the threat threatens; "held talks with
        # Kyiv to reach an agreement": what the talks are for
        return True
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("on", "against") \
            and (found := match_trigger(token.head.head, book)) is not None \
            and (found.mode == "restrict" or (
                pattern.type == "PROTEST" and found.type in ("COERCE", "ASSAULT"))):
        # "a ban on public rallies": what is forbidden, not what took place; "the crackdown
        # on protests": what is put down, told as its target
        return True
    # the clause an act is told in: its own verb, or the verb an event noun is the subject
    # or object of ("the claim that Tuesday's attack was orchestrated by militants")
    told = token.head if token.pos_ == "NOUN" and token.dep_ in (
        *SUBJECTS, "dobj") else token
    if told.dep_ in ("acl", "ccomp") and (claim := told.head).pos_ == "NOUN" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in told.children) and (
            claim.lemma_.lower() in book.words["claim-noun"]
            or ((found := match_trigger(claim, book)) is not None and found.mode == "allege")) \
            and claim.head.lemma_.lower() not in modality_cues().denial:
        return True  # "repeated allegations that Afghanistan supported the militants"
    if pattern.type == "DEMAND" and token.tag_ == "VBN" and token.dep_ == "advcl" \
            and token.i < token.head.i and token.head.lemma_.lower() in reporting_cues().verbs \
            and not any(c.dep_ == "agent" for c in token.children):
        return True  # "Pressed on how sure he was, Exantus said": a question put to him
    if _charged_act(token, book):
        return True  # "charged him with kidnapping and attacking motorists"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and (
            threat := token.head.head).pos_ == "NOUN" and (
            threat.lemma_.lower() in book.words["relation-noun"]
            or ((found := match_trigger(threat, book)) is not None
                and (found.type in ("REJECT", "THREATEN") or found.mode == "allege"))):
        return True  # "the threat of new measures", "allegations of torture"
    if token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.lemma_.lower() in book.words["anniversary-noun"]:
        return True  # "the 20th anniversary of the terrorist strikes": a date recalled
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and (
            token.head.lower_ in book.words["standing-prep"]
            or (token.head.lower_ == "in" and pattern.type == "COERCE")) and (
                token.head.head.pos_ in ("AUX", "NOUN", "PROPN")
                or token.head.head.lemma_.lower() in book.words["state-verb"]):
        # "which is under U.S. sanctions", "life under the occupation", "had been in
        # pretrial detention" ("put under investigation" is an act)
        return True
    marks = [c.i for c in token.children if c.dep_ == "mark"]
    if token.dep_ == "advcl" and marks and any(
            c.dep_ == "npadvmod" and c.i < marks[0]
            and c.lemma_.lower() in book.words["time-unit"] for c in token.children):
        return True  # "a year after the Taliban returned to power" dates something else
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in book.words[
            "background-mark"] for c in token.children):
        return True  # "before Russia invaded Ukraine", "until the army took power"
    if _background_when(token, book):
        return True  # "since 2011, when the government sent soldiers": dates a state
    if _habitual(token, book):
        return True  # "the group frequently conducts bombings": a habit, not an act
    if pattern.type in MATERIAL_TYPES and token.pos_ == "NOUN" and any(
            c.dep_ == "amod" and c.lower_ in book.words["habitual"] for c in token.children):
        return True  # "regular attacks by Christian militias" (but "a frequent demand" is made)
    if (pattern.type in MATERIAL_TYPES or (pattern.type in STANCE_TYPES and _narrated(token))) \
            and _standing_practice(token):
        return True  # "the Japanese government provides immigrants with specialists"
    if token.lemma_.lower() in book.words["response-verb"] and any(
            c.dep_ == "prep" and any(
                (c.lower_ == "by" and g.dep_ == "pcomp") or (
                    c.lower_ == "with" and g.dep_ == "pobj" and match_trigger(g, book))
                for g in c.children) for c in token.children):
        # "retaliated by announcing tariffs", "retaliated with its own tariffs": the tariffs
        # are the act
        return True
    if pattern.type == "ASSAULT" and any(
            c.dep_ in ("prep", "agent") and c.lower_ in ("in", "during", "by") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in book.words["accident-noun"]
                for g in c.children) for v in (token, *token.conjuncts) for c in v.children):
        # "five people were killed in the crash", "houses were destroyed or submerged by
        # floods": an accident or a disaster, not an attack
        return True
    if _aimed_at(token):
        return True  # "tariffs aimed at protecting U.S. jobs": what they are for
    if _potential(token, book):
        return True  # "the need to protect Taiwan", "the importance of detaining prisoners"
    if token.tag_ == "VBN" and token.dep_ == "amod" and token.i < token.head.i \
            and _name_before_verb_read_as_modifier(token) is None:
        return True  # "its newly acquired Russian S-400 system": the system as it is
    if token.tag_ == "NNS" and token.dep_ == "pobj" and token.head.lower_ == "for" \
            and token.head.head.pos_ == "NOUN" and match_trigger(token.head.head, book) is None \
            and token.head.head.lemma_.lower() not in book.words["credit-noun"] \
            and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
        # "combat vehicles for terrorist attacks", "leverage for future negotiations": what
        # a thing is for, acts of a kind, none of them told (but "a request for talks" asks
        # for them, "responsibility for attacks" claims them)
        return True
    if token.tag_ == "VBG" and token.dep_ == "amod" and token.i < token.head.i \
            and token.head.pos_ == "NOUN" and not token.head.ent_type_ \
            and token.head.i not in actors.code_at:
        return True  # "their negotiating stance", "its negotiating team": a kind, no act
    if _asked_of_no_one(token):
        return True  # "add to calls in Congress to impose sanctions": asked of no one named
    if token.dep_ == "acl" and is_purpose(token) and token.head.dep_ in SUBJECTS \
            and token.head.lemma_.lower() in book.words["attempt"]:
        return True  # "Turkey's efforts to improve ties could provide impetus": an aim cited
    # the parser may read the gerund as an adjective on its object ("releasing Lai")
    weighed = token.head if token.dep_ == "amod" and token.i < token.head.i else token
    if token.tag_ == "VBG" and weighed.dep_ in ("csubj", "nsubj") \
            and weighed.head.lemma_.lower() == "be" \
            and not any(c.dep_ in SUBJECTS for c in token.children):
        # "releasing Lai may be in Beijing's interest": an option weighed, no one's act
        # (but "South Korea sending arms was under consideration" is Seoul's)
        return True
    if token.dep_ == "xcomp" and token.head.pos_ == "ADJ" \
            and token.head.lemma_.lower() in book.words["offer-word"] \
            and any(c.dep_ == "auxpass" for c in token.children):
        return True  # "I am not ready to be repatriated": how the one it befalls feels
    if (token.dep_ == "xcomp" or (token.dep_ == "dobj" and token.pos_ == "NOUN")) \
            and token.head.lemma_.lower() in book.words["cessation"] \
            and modality_of(token.head)[0] == "hypothetical":
        # "they must stop killing civilians", "urged Russia to stop the shelling of the port":
        # the stop is what is asked for, and the act it would end is no event of its own
        return True
    if token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and modality_cues().governor.get(c.lemma_.lower()) == "planned"
            and any(a.dep_ in ("acl", "relcl") and a.pos_ in ("VERB", "AUX")
                    and any(t.dep_ == "aux" and t.tag_ == "TO" for t in a.children)
                    for a in c.children)
            for c in token.children):
        # "announced plans to hold migrants at Guantanamo": the plan is what it plans, coded
        # from its own verb, whatever act that is
        return True
    if pattern.mode == "visit" and token.pos_ == "VERB" and any(
            c.lemma_.lower() not in book.classes["delegation"] and (
                c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and token.lemma_.lower()
                                          in book.words["carrier-verb"]))
            for c in token.children):
        # "40 detainees were flown to Louisiana", "flying them to the U.S.": carried there,
        # no visit paid
        return True
    if pattern.type == "SUPPORT" and token.pos_ == "VERB" \
            and (doer := _subject(token)) is not None \
            and (own := actors.of_phrase(doer)) is not None and any(
                c.dep_ == "dobj" and c.lemma_.lower() in book.classes["stance"] and any(
                    p.dep_ == "poss" and p.tag_ == "PRP$" and actors.of_phrase(p) in (own, None)
                    for p in c.children)
                for c in token.children):
        return True  # "cites records to back its claims", "defended its decision": a case
    if token.pos_ == "NOUN" and token.dep_ in SUBJECTS and any(
            c.dep_ == "aux" and c.lower_ in modality_cues().deontic
            for c in token.head.children) and not _names_its_actor(token, actors) \
            and not any(c.dep_ == "poss" for c in token.children):
        # "talks with China must continue", "the attacks must stop": a call on no one named,
        # which the call itself stands for (but "their attacks on Kyiv must stop" are theirs)
        return True
    if token.tag_ == "VBG" and token.dep_ == "conj" and token.head.dep_ == "acomp":
        return True  # "the Japanese are friendly and accepting": an adjective, no act
    if token.lemma_.lower() in book.words["assertion-verb"] and any(
            c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ in modality_cues().deontic
                                          for a in c.children) for c in token.children):
        return True  # "insists it is committed to peace": a claim, not a demand
    if token.lemma_.lower() in book.words["caution-verb"] and _caution(token, actors):
        return True  # "warned of a possible IS resurgence": no threat made
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ == "nsubj" \
            and token.head.head.lemma_.lower() in book.words["citing-verb"]:
        return True  # "intelligence shared by the U.N. indicated": the source cited
    if _describes_people(token, book):
        return True  # "figures supporting Gbagbo", "officials involved in negotiations"
    if _generic(token, actors):
        return True  # "foreign influencers cooperate with the government": a generalization
    if _standing_passive(token) or ((pattern.mode in ("restrict", "arrest")
                                     or pattern.type == "INVESTIGATE"
                                     or (pattern.type in STANCE_TYPES and token.dep_ == "relcl"))
                                    and _present_passive(token)):
        # "which itself is sanctioned", "both ships are sanctioned by the U.S. Treasury",
        # "the alleged coup plotters are also detained there", "a ceasefire that is
        # supported by Ukrainians": a state the noun is in
        return True
    if pattern.type == "CONCEDE" and _present_passive(token) and not any(
            c.dep_ == "agent" for c in token.children):
        return True  # "only citizens are allowed to enter": a rule in force, not a concession
    if token.pos_ == "NOUN" and token.dep_ in ("dobj", "dative") \
            and token.head.lemma_.lower() in book.words["audience-verb"]:
        return True  # "told a cabinet meeting": the audience of a statement
    if token.lemma_.lower() in book.words["attempt"] and any(
            c.dep_ == "xcomp" for c in token.children):
        return True  # "sought to make their way": an attempt, not a request
    if token.pos_ == "NOUN" and token.lemma_.lower() in book.words["relation-noun"]:
        return True  # "U.S. support for the island": a standing relation
    if _other_sense(token, book):
        return True  # "met with opposition", "requests for comment", "released a report"
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.i > 0 \
            and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
        return True  # "the Iran-backed Houthis", "China-funded projects": an attribute
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.i < token.head.i \
            and (pattern.type in ("COERCE", "SANCTION") or pattern.mode == "release"):
        # "jailed publisher Jimmy Lai", "the banned militant group", "another freed
        # passenger": a state
        return True
    if token.dep_ in ("csubj", "csubjpass") and (any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in token.children) or (
            token.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "poss") for c in token.children)
            and token.head.lemma_.lower() not in modality_cues().governor)):
        # "to collaborate with a terrorist is making you one", "allowing Western companies
        # back doesn't change his hostility": a general truth, an option weighed (but
        # "providing arms to Ukraine is not being discussed" is an act not in view)
        return True
    if (pattern.type in STANCE_TYPES and _forecast(token, book)) \
            or (pattern.type == "AGREE" and _forecast(token, book, foreseen=False)):
        # "analysts say Tehran would welcome the closure": a guess at a stance (a forecast
        # act, "analysts said Moscow could retaliate", is a hypothetical event)
        return True
    if _wished(token, book):
        return True  # "Kenya wants to close the camps", "interested in talking to the U.S."
    if _feared(token, book):
        return True  # "for fear that China might retaliate": a danger foreseen
    if _argued(token, book):
        return True  # "Prosecutors say Amirov hired Mehdiyev to kill Alinejad": a case made
    if _procedure(token):
        return True  # "in serious cases, they may be arrested": what can happen in a case
    if _alternative(token):
        return True  # "negotiate rather than attack", "instead of attacking the rebels"
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in book.words[
            "past-modifier"] for c in token.children):
        return True  # "triggered by previous U.S. sanctions": a reference to earlier acts
    clause = token
    while (clause.dep_ == "xcomp" or (clause.dep_ == "ccomp" and clause.head.lemma_.lower()
                                      in book.words["causative-verb"])) \
            and clause.head.i != clause.i:
        # "in an effort to pressure the U.S. to grant relief", "in an effort to make the
        # country give up its weapons"
        clause = clause.head
    if is_purpose(clause) \
            and clause.head.lemma_.lower() in book.words["purpose-noun"] \
            and clause.head.dep_ == "pobj" and clause.head.head.lower_ in ("in", "as"):
        return True  # "tested missiles in an effort to pressure the U.S.", "as a way to"
    if _standing(token, book):
        return True  # "Lai stands accused of collusion": a charge that stands, not an act
    if _topic_of_talks(token, book):
        return True  # "discussed how we can continue to support Ukraine": a topic
    if token.lemma_.lower() in book.words["enabling"] and _done_by_a_thing(token, actors):
        return True  # "a provision in the law allows", "choices that allow them"
    if pattern.type == "CONCEDE" and token.lemma_.lower() in book.words["enabling"] \
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) \
            and not any(c.dep_ == "agent" for c in token.children):
        return True  # "I'm not allowed in the courtroom": a rule in force, allowed by no one
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "NOUN" \
            and token.lemma_.lower() in book.words["origin-participle"] \
            and token.head.i not in actors.code_at \
            and not any(c.dep_ == "agent" for c in token.children):
        return True  # "a tariff on all products exported to the United States": which goods
    if pattern.type == "ASSAULT" and _toll_of_a_war(token, actors):
        return True  # "a war that lasted three years and killed 100,000 people"
    if token.lemma_.lower() in book.words["change-verb"] and pattern.pos == "VERB" and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass") for c in token.children):
        return True  # "as the population continues to decline": an amount, no refusal
    if token.lemma_.lower() in book.words["intransitive"] and any(
            c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        # "demonstrate the added value": showing, not a protest; "the technology could be
        # compromised": put at risk, no concession
        return True
    if pattern.type == "REJECT" and any(c.dep_ == "xcomp" and c.lemma_.lower()
                                        in reporting_cues().verbs for c in token.children):
        return True  # "declined to comment" refuses no one anything
    node = token
    step = 0
    while step < 3:  # up through the complement and object links of its own clause
        if node.dep_ == "conj" and node.head.dep_ in ("xcomp", "ccomp", "pcomp") \
                and node.head.i != node.i:
            node = node.head  # "accused him of undermining democracy and allowing graft"
            continue
        if node.dep_ not in ("xcomp", "ccomp", "pcomp", "dobj", "pobj", "prep") \
                or node.head.i == node.i:
            return False
        node = node.head
        step += 1 if node.pos_ != "ADP" else 0
        if node.pos_ in ("VERB", "ADJ") and (found := match_trigger(node, book)) is not None:
            if step == 1 and _names_its_actor(token, actors):
                return False  # "rejected Kenya's request": another actor's act, answered
            # what is refused, alleged or threatened is that event's content ("accused
            # China of supporting propaganda", "threatened to suspend operations"), also
            # through an act inside it ("accused the government of allowing police to
            # attack protesters")
            if found.type in ("REJECT", "THREATEN") or found.mode == "allege":
                return True
    return False


def _charged_act(token: Token, book: Lexicon) -> bool:
    """"Charged with attacking motorists", "arrested for attacking a police station": the
    act a charge or an arrest is for is alleged, and its doer is the one charged, not who
    charges."""
    first = _first_conjunct(token)
    if not (token.tag_ == "VBG" or token.pos_ == "NOUN") or first.dep_ not in ("pcomp", "pobj") \
            or first.head.lower_ not in ("with", "for", "of", "over"):
        return False
    found = match_trigger(first.head.head, book)
    return found is not None and (found.type == "COERCE" or found.mode == "allege")


def _wished(token: Token, book: Lexicon) -> bool:
    """What someone wants or is keen to see done ("Kenya wants to close the camps",
    "interested in talking to the U.S.", "wishes that the talks would resume"): a wish."""
    node = token
    while node.dep_ in ("nsubj", "nsubjpass", "dobj") and node.head.i != node.i:
        node = node.head  # the clause the noun is an argument of
    words = book.words["desire-verb"]
    if node.dep_ == "pcomp" and node.head.dep_ == "prep":
        node = node.head
        # "voiced interest in making aid conditional": the parser hangs the "in" on the verb
        # instead of the noun before it
        if any(c.dep_ == "dobj" and c.i == node.i - 1 and c.lemma_.lower() in words
               for c in node.head.children):
            return True
    elif node.dep_ not in ("xcomp", "ccomp"):
        return False
    # the word as written too: the lemmatizer reads "hopes" as "hop"
    return not words.isdisjoint((node.head.lemma_.lower(), node.head.lower_))


def _feared(token: Token, book: Lexicon) -> bool:
    """An act in the clause of a fear, said with a modal ("for fear that China might
    retaliate", "rebuffed fears that the tariffs would cause a recession", "over concerns
    the technology could be compromised"): a danger someone foresees, not an act; so is an
    act someone is concerned or afraid about, or a deterrent is against ("concerned about
    Chinese aggression", "deterrence against Russian aggression")."""
    head = token.head.head
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in FEARED_PREPS \
            and ((head.pos_ == "ADJ" and head.lemma_.lower() in book.words["fear-word"])
                 or head.lemma_.lower() in book.words["deterrent-noun"]):
        # a fear felt, not one voiced: "voiced concern over the killing of 12 protesters by
        # police on Monday" tells of the killing
        return True
    node = token
    while node.dep_ in ("nsubj", "nsubjpass", "dobj") and node.head.i != node.i:
        node = node.head  # the clause a noun is an argument of ("the tariffs would cause")
    return node.dep_ in ("acl", "ccomp") and node.head.lemma_.lower() in book.words[
        "fear-word"] and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"
                             for c in node.children)


def _procedure(token: Token) -> bool:
    """A step of a procedure, said with a modal of what happens "in" a kind of case ("in
    serious cases, they may be arrested and detained", "In a case like Khalil's, ICE
    attorneys will ask for deportation"): how things go, not an act that took place."""
    clause = governing_chain(token)[-1]
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children) and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lemma_.lower() == "case" for g in c.children)
        for c in clause.children)


def _argued(token: Token, book: Lexicon) -> bool:
    """An act told as the prosecution's case or as an argument: in the clause of a verb whose
    subject is a prosecutor or an indictment ("Prosecutors say Amirov hired Mehdiyev to kill
    Alinejad"), or of "argue" ("Mauritius argues it was forced to give up the islands"). A
    defence lawyer's news is news ("his lawyer said he has been released on bail")."""
    node = governing_chain(token)[-1]
    for _ in range(3):
        if node.dep_ != "ccomp" or node.head.i == node.i:
            return False
        governor = node.head
        if governor.lemma_.lower() in book.words["argue-verb"]:
            return True
        subject = next((c for c in governor.children if c.dep_ in SUBJECTS), None)
        if subject is not None and any(t.lemma_.lower() in book.words["accuser-noun"]
                                       for t in subject.subtree):
            return True
        node = governing_chain(governor)[-1]
    return False


def _standing(token: Token, book: Lexicon) -> bool:
    """A participle after "stand" or "remain", or what it is of ("stands accused of the
    bombing", "remains banned"): a state that lasts, and what it holds, not an act."""
    node = token
    for _ in range(3):
        if (node.dep_ in ("acomp", "xcomp", "oprd") and node.pos_ in ("VERB", "ADJ")) or (
                node.dep_ == "advcl" and node.tag_ == "VBN" and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children)):
            # "stand accused" parsed as a participle clause of its own too; "remain in
            # custody since the authorities deported others" is no participle
            return node.head.lemma_.lower() in book.words["standing-verb"]
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _topic_of_talks(token: Token, book: Lexicon) -> bool:
    """An act that talks are about ("discussed imposing costs on Russia in case a ceasefire is
    not agreed", "look forward to discussing how we can support Ukraine") or that a plan lists
    ("It includes relaxing fiscal rules"), not one done. What a trip or an act includes
    ("his travels will include meeting Modi") is part of it, and "including" only adds to
    what it hangs on."""
    node = token
    for _ in range(4):
        if node.dep_ not in ("ccomp", "xcomp", "pcomp", "advcl", "conj", "prep", "pobj",
                             "dobj", "csubj") or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in book.words["topic-verb"]:
            return node.dep_ != "prep" and not any(
                c.dep_ in SUBJECTS and match_trigger(c, book) is not None
                for c in node.children)
    return False


def _listed_under(token: Token) -> Token:
    """The word a listed item stands in for: the first of its conjuncts, or the noun whose
    examples it gives ("overcoming challenges such as a slowdown and U.S. restrictions" lists
    the restrictions as challenges overcome)."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ == "NOUN" \
            and any(c.lower_ == "such" for c in (*token.head.children,
                                                  *token.head.head.children)):
        return token.head.head
    return token


def _done_by_a_thing(verb: Token, actors: ActorIndex) -> bool:
    """The verb's subject is a thing, not an actor: a common noun that is no actor nor people (a
    law, a provision, a project), a relative pronoun standing for one, or a clause ("ending
    the conflict would allow")."""
    if any(c.dep_ in ("csubj", "csubjpass") for c in verb.children):
        return True
    if verb.dep_ == "relcl" and verb.head.i not in actors.code_at and any(
            c.dep_ == "nsubj" and c.lower_ == "which" for c in verb.children):
        return True  # "the Chinese Exclusion Act, which allowed": "which" is never a person
    subject = _thing_subject(verb)
    if subject is None:
        return False
    # "the new Egyptian law allows": a thing, whoever's it is; but "warnings demanding" and
    # "a declaration demanding" are their speaker's, and "the government" named before is
    # that government
    lemma = subject.lemma_.lower()
    if lemma in reporting_cues().nouns or lemma in actors.book.classes["document"] or (
            lemma == "government" and actors.government_before(subject)):
        return False
    return subject.pos_ == "NOUN" and subject.i not in actors.code_at \
        and not actors.pair_noun(subject) and lemma not in actors.book.words["anaphor"] \
        and lemma not in actors.book.words["country-anaphor"] \
        and lemma not in actors.book.words["victim"]  # people and countries are no things


def _asked_of_no_one(verb: Token) -> bool:
    """An infinitive the parser hung on the verb before a call it belongs to ("will add to
    calls in Congress to impose sanctions"): the act the call asks for, of no one named."""
    if verb.dep_ != "advcl" or not is_purpose(verb):
        return False
    calls = [g for c in verb.head.children if c.dep_ == "prep" and c.i < verb.i
             for g in c.children if g.dep_ == "pobj" and _call_noun(g)]
    return any(call.right_edge.i + 1 == verb.left_edge.i for call in calls)


def _thing_subject(verb: Token) -> Token | None:
    """The noun a verb's subject stands for: its own, a conjunct's ("this law is aimed at X
    and allows"), the noun a "that" or "which" clause or a participle hangs on ("an
    agreement that allows", "bills proposing"), or the subject of the clause an "-ing"
    clause follows ("camps opened, offering havens")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
        verb = verb.head
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subject = verb.head  # "sanctions bills proposing draconian measures"
    if subject is None and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # "both camps opened in the 1990s, offering havens": the clause's subject does it
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def _toll_of_a_war(verb: Token, actors: ActorIndex) -> bool:
    """Killing done by a war, a conflict or violence that no one named wages ("a war that
    lasted three years and killed 100,000 people", "the war in Sudan has killed"): its
    toll, a reference, not an attack by anyone."""
    if verb.pos_ != "VERB":
        return False
    subject = _thing_subject(verb)
    return subject is not None and subject.pos_ == "NOUN" \
        and subject.lemma_.lower() in actors.book.words["war-noun"] \
        and not any(c.dep_ in ("poss", "amod", "compound") and actors.of_phrase(c)
                    for c in subject.children)


def _background_when(token: Token, book: Lexicon) -> bool:
    """A "when" clause on a date that another clause is measured from ("relations have been
    frozen since 2013, when both countries withdrew their ambassadors")."""
    if token.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "when"
                                        for c in token.children):
        return False
    date = token.head
    return date.dep_ == "pobj" and date.head.lower_ in book.words["background-prep"]


def _habitual(token: Token, book: Lexicon) -> bool:
    """An act said to happen as a habit ("frequently conducts bombings", "is usually
    deported", "mainly targets security vehicles"): an adverb of frequency (or, in the simple
    present, of generality) on the trigger or on the verb an event noun is the object of."""
    holders = [token]
    if token.pos_ == "NOUN" and noun_is_object(token) and token.head.pos_ in ("VERB", "AUX"):
        holders.append(token.head)
    if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") \
            and token.tag_ == token.head.tag_ and not _dated_here(token):
        holders.append(token.head)  # "seldom criticized China and instead accepted funding"
    if token.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in ("when", "whenever")
                                     for c in token.children):
        # "rebels regularly escape to Cameroon when attacked", "traditionally attempt to pass
        # through when attacked"
        holders += [token.head] + ([token.head.head] if token.head.dep_ == "xcomp" else [])
    return any(c.dep_ == "advmod" and (c.lower_ in book.words["habitual"] or (
        c.lower_ in book.words["generic-adverb"] and (h.tag_ in ("VBZ", "VBP") or (
            h.tag_ == "VBG" and h.dep_ in ("advcl", "acl")))))
        for h in holders for c in h.children)


def _standing_practice(token: Token) -> bool:
    """A verb in the simple present with no auxiliary and no date or time on it, in a
    sentence that ends as a sentence does (a headline's "Airstrikes kill 50" has no full
    stop): what its subject does as a rule, not an act of the story's time."""
    # "does not recognize the court" is a standing refusal as "opposes" is a standing stance
    negated_present = token.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in ("does", "do") for c in token.children) and any(
        c.dep_ == "neg" for c in token.children)
    if (token.tag_ not in ("VBZ", "VBP") and not negated_present) or any(
            (c.dep_ in ("aux", "auxpass", "neg") and not negated_present)
            or (c.dep_ == "mark" and c.lower_ != "that") for c in token.children):
        return False  # "if Iran attacks Israel" is a condition, no practice
    last = token.sent[-1]
    if not last.is_punct or last.text in (":", "-", "\u2013", "\u2014"):
        return False
    return not _dated_here(token)


def _narrated(token: Token) -> bool:
    """Told by the reporter, not said by someone: no quotation in the sentence and the verb
    no clause of another. "The group also opposes Chinese investment" tells a standing
    stance; "Putin said Russia supports the proposal" is Putin stating it."""
    return token.dep_ not in ("ccomp", "parataxis") and not any(
        t.is_quote for t in token.sent)


def _dated_here(verb: Token) -> bool:
    """A date or time in the verb's own phrase ("attacked Kyiv on Monday"), not in a clause
    under it."""
    return any(verb.doc[i].ent_type_ in ("DATE", "TIME") for i in _own_tokens(verb))


def _describes_people(token: Token, book: Lexicon) -> bool:
    """A participle after a noun that says who its people are: where they stand ("opposition
    figures supporting Gbagbo"; kind relation-verb) or what field they work in ("officials
    involved in negotiations with North Korea"; kind descriptor-participle)."""
    if token.dep_ == "acl" and token.tag_ == "VBG" \
            and token.lemma_.lower() in book.words["relation-verb"]:
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" \
            and token.lemma_.lower() in book.words["affiliation-participle"]:
        return True  # "militants linked with the banned Baloch Liberation Army"
    holder = token.head.head
    return token.dep_ == "pobj" and token.head.lower_ == "in" and holder.dep_ == "acl" \
        and holder.lemma_.lower() in book.words["descriptor-participle"]


def _forecast(token: Token, book: Lexicon, foreseen: bool = True) -> bool:
    """What commentators say another is doing now ("analysts suggest Erdogan is looking for
    a way", "analysts point out that India backs the base") or, when ``foreseen`` counts,
    would or could do ("analysts say Tehran would especially welcome the closure"): their
    reading, not an act reported."""
    present = token.tag_ in ("VBZ", "VBP") or (token.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in token.children))
    if not present and not foreseen:
        return False
    if not present and not any(
            c.dep_ == "aux" and modality_cues().aux.get(c.lower_) in ("hypothetical", "hedged")
            for c in token.children):
        return False
    node = token
    while node.dep_ in ("ccomp", "conj") and node.head.i != node.i:
        node = node.head
        if (subject := _subject(node)) is not None \
                and subject.lemma_.lower() in book.words["commentator-noun"]:
            return True
    return False


def _generic(token: Token, actors: ActorIndex) -> bool:
    """An act in the simple present whose subject is a bare plural that names no actor
    ("foreign influencers cooperate with the Chinese government"): what such people do, not
    an act that took place."""
    if token.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and token.dep_ == "relcl" and subject.tag_ in ("WP", "WDT"):
        subject = token.head  # "armed fighters who fight to control villages"
    # an act for subject is a headline's ("Airstrikes kill 50 militants")
    return subject is not None and subject.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod", "predet") for c in subject.children) \
        and actors.of_phrase(subject) is None and match_trigger(subject, actors.book) is None


def _present_passive(token: Token) -> bool:
    """"Are sanctioned", "is banned" (not "are being sanctioned"): the simple present
    passive."""
    return token.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in token.children)


def _standing_passive(token: Token) -> bool:
    """A relative clause in the present passive with no one named who acts ("a shipping
    line, which itself is sanctioned"): it says what state its noun is in."""
    return token.dep_ == "relcl" and _present_passive(token) and not any(
        c.dep_ == "agent" for c in token.children)


def _answered(token: Token, actors: ActorIndex) -> bool:
    """Another actor's named act that a denial or refusal answers ("rejected Kenya's
    request"), or that a negated verb leaves unanswered ("have not responded to the BLA's
    demands"): the refusal negates granting it, not that it was made."""
    if token.pos_ != "NOUN" or any(c.dep_ in ("neg", "det") and c.lower_ in ("no", "not", "never")
                                   for c in token.children) \
            or not _names_its_actor(token, actors):
        return False
    if token.dep_ == "dobj" and token.head.lemma_.lower() in modality_cues().denial:
        return True
    verb = _governing_verb(token)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _denies_a_report(token: Token) -> bool:
    """"Denied reports that its forces attacked": the denial is the speaker's word on the
    reported event (negated), not an event of its own."""
    return any((verb := denied_report(clause)) is not None and verb.i == token.i
               for obj in token.children if obj.dep_ == "dobj" for clause in obj.children)


def _intent_with_event(token: Token, pattern: Pattern, book: Lexicon) -> bool:
    """"Agreed to send aid", "announced plans to deploy police", "announcing plans that Modi
    will visit": the aid, the deployment, the visit is the event (planned); the agreeing or
    announcing only says so."""
    if pattern.type not in INTENT_TYPES:
        return False
    said = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    said += [a for c in token.children if c.dep_ == "dobj" for a in c.children
             if is_purpose(a) or (a.dep_ in ("acl", "ccomp") and any(
                 m.dep_ == "mark" and m.lower_ == "that" for m in a.children))]
    said += [x for c in said for x in c.children if x.dep_ == "xcomp"]
    return any(match_trigger(c, book) for c in said)


REFUSAL = Pattern("", "VERB", (), "REJECT", None, "120", "agent")
DEMAND = Pattern("", "VERB", (), "DEMAND", None, "100", "agent")
ACCUSATION = Pattern("", "VERB", (), "DISAPPROVE", "disapprove", "112", "agent")
PROPOSAL = Pattern("", "VERB", (), "DEMAND", None, "100", "agent")
INTENT = Pattern("", "VERB", (), "AGREE", None, "030", "agent")
# Acts made by saying something: their modality is the saying's.
SAYINGS = (DEMAND, PROPOSAL, ACCUSATION)
# What an actor may say it will do that CAMEO files under "express intent" (03): cooperation,
# aid, yielding.
INTENDED = frozenset({"COOPERATE", "AID", "RETREAT", "CONCEDE"})
# What an actor may offer to do (CAMEO 03 also files offers to meet and to back others).
OFFERED = INTENDED | {"SUPPORT", "CONSULT"}


def _refusal(token: Token, book: Lexicon) -> bool:
    """"The decision of Kenya not to participate", "reasons for not attending": taking part,
    negated in an infinitive or a gerund, is a choice not to take part, a refusal; "did not
    attend" and "is not participating" stay negated acts."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in book.words["participation-verb"] \
            or not any(c.dep_ == "neg" for c in token.children):
        return False
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if token.tag_ == "VBG":
        return not auxiliaries
    return token.tag_ == "VB" and any(c.tag_ == "TO" for c in auxiliaries)


def _refused(token: Token, book: Lexicon) -> bool:
    """"Decided not to attend the talks": the talks are what the refusal names, no act."""
    return (verb := _governing_verb(token)) is not None and _refusal(verb, book)


def _potential(token: Token, book: Lexicon) -> bool:
    """An act named as what someone needs, may or ought to do: the complement of a noun of
    need, ability or right ("sees the need to protect Taiwan", "has the capability to strike
    Israel", "the importance of detaining prisoners") is no act."""
    head = token.head
    if token.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        noun = head
    elif token.dep_ == "pcomp" and head.lower_ == "of" and head.dep_ == "prep":
        noun = head.head
    else:
        return False
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in book.words["potential-noun"]


def _indirect_question(token: Token, book: Lexicon) -> bool:
    """A clause that a question asks about: opened by "whether", by a phrase of "what" or
    "which" before its subject ("to what extent the U.S. will defend its ally"), or by "if" or
    a wh-word under a verb of asking ("asked the elder Lai if he agreed with them", "asked
    why"). The
    question a reply answers ("Asked whether Seoul would send arms, the official said …")
    takes its modality from the reply instead."""
    subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
    if subject is not None and any(
            c.dep_ == "prep" and c.i < subject.i and any(
                g.dep_ == "det" and g.lower_ in ("what", "which")
                for o in c.children if o.dep_ in ("pobj", "pcomp") for g in o.children)
            for c in token.children):
        return True  # "To what extent the U.S. will defend its ally … was not made clear"
    asker = token.head
    if asker.dep_ == "advcl" and asker.tag_ == "VBN":
        return False
    if token.dep_ not in ("ccomp", "advcl", "xcomp"):
        return False
    asking = token.head.lemma_.lower() in book.words["question-verb"]
    return (asking and token.dep_ == "ccomp" and token.left_edge.tag_ in WH_TAGS) or any(
        c.dep_ == "mark" and (c.lower_ == "whether" or (c.lower_ == "if" and asking))
        for c in token.children)


def _question_left_unanswered(token: Token, actors: ActorIndex) -> bool:
    """A question a reply goes on from without answering it ("Asked whether he might back
    off, Trump said, 'We've been ripped off'"; "asked if the U.S. was considering action,
    Rubio said the administration did not want a partition"): a reply in quotation marks,
    or one about an actor, says nothing of the asked act, which then reports no act. A reply
    about the matter itself ("the official said no decision had been made") answers it, and
    the act keeps the reply's modality."""
    asker = token.head
    if asker.dep_ != "advcl" or asker.tag_ != "VBN" \
            or asker.lemma_.lower() not in actors.book.words["question-verb"] \
            or token.dep_ not in ("ccomp", "advcl") \
            or not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
        return False
    said = asker.head
    reply = next((c for c in said.children if c.dep_ == "ccomp"), None)
    if reply is None:
        return not any(c.lower_ in ("no", "yes") for c in said.children)  # "Trump said no"
    if actors.quoted(reply.idx):
        return True
    subject = next((c for c in reply.children if c.dep_ in SUBJECTS), None)
    return subject is not None and subject.lower_ not in ("it", "this", "that") \
        and actors.names_anyone([subject])


def _asked(token: Token) -> bool:
    """A trigger in the clause a direct question asks about ("what kind of position does it
    put the U.S. in in terms of defending Taiwan?"): a question reports no act."""
    if _inverted_question(token):
        return True
    sent = token.sent
    last = sent[-1]
    while last.is_punct and last.text in ("\"", "\u201d", "'", "\u2019", ")") \
            and last.i > sent.start:
        last = last.nbor(-1)
    if last.text != "?":
        return False
    # the question is the root's clause, or the clause the quoted question is in
    return token.i < last.i and not any(
        t.dep_ in ("ccomp", "parataxis") and t.i > last.i for t in token.ancestors)


def _inverted_question(token: Token) -> bool:
    """A question told without its question mark, known by its order: a wh-word, then "do"
    before the subject ("So why doesn't the U.S. give us the Patriot missile," said …; "who
    do both sides trust to monitor"), or a "what" or "which" on the noun ("understand what
    concessions Ukraine might make")."""
    if token.pos_ == "NOUN" and token.dep_ != "nsubj" and any(
            c.dep_ == "det" and c.tag_ in ("WDT", "WP") and c.lower_ in ("what", "which")
            for c in token.children):
        return True
    clause = governing_chain(token)[-1]
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    return subject is not None and any(
        c.dep_ == "aux" and c.lemma_.lower() == "do" and c.i < subject.i
        for c in clause.children) and any(
        t.tag_ in ("WRB", "WP", "WDT") for t in clause.doc[clause.left_edge.i:subject.i])


def _proposer(token: Token, book: Lexicon) -> Token | None:
    """The verb of a first-person call for a policy ("we need to suspend immigration", "we
    must talk to our neighbours", "I think we should leave"): the holder of the need or the
    modal, when its subject is the speaker's "we" or "I"."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in ("we", "i") \
            or token.lemma_.lower() in reporting_cues().verbs:
        return None  # "or maybe I should say alone on the pitch" rephrases, asks nothing
    if token.dep_ in ("csubj", "ccomp") and token.left_edge.tag_ in WH_TAGS:
        return None  # "what we need to keep in mind is that …": a point made, no call
    if token.lemma_.lower() in book.words["need-verb"] and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
            for c in token.children):
        return token
    if _asks_for_an_act(token, book):
        return token
    return None


def _asks_for_an_act(verb: Token, book: Lexicon) -> bool:
    """A deontic modal on a verb of doing: "must leave", "should suspend" call for an act;
    "must understand", "should be seen as" call for a state of mind, and "must have given"
    guesses at the past."""
    deontic = modality_cues().deontic
    auxes = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    if not any(a.lower_ in deontic for a in auxes):
        return False
    if verb.lemma_.lower() in book.words["stative"] and not any(
            c.dep_ == "acomp" and any(g.dep_ == "xcomp" for g in c.children)
            for c in verb.children):
        return False  # but "must be ready to mediate" asks for the mediation
    if any(c.dep_ == "auxpass" for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) \
            and match_trigger(verb, book) is None:
        return False  # "the results should not be packaged as good news": how to see a thing
    modal = next(a.i for a in auxes if a.lower_ in deontic)
    return not any(a.lemma_.lower() == "have" and a.i > modal for a in auxes)


def _proposal(token: Token, book: Lexicon) -> tuple[Pattern, Arguments] | None:
    """A speaker's own call for a policy is a demand (CAMEO 10), made by the speaker's actor
    (found from the statement) on no one named."""
    if _proposer(token, book) is None:
        return None
    return PROPOSAL, Arguments(None, None, (), ())


def _proposed(token: Token, book: Lexicon) -> bool:
    """What a first-person call for a policy calls for ("we need to take some time and suspend
    immigration"): the call is the event, not the act it asks for."""
    node = token
    for _ in range(4):
        if _proposer(node, book) is not None:
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _reported_demand(token: Token, actors: ActorIndex) -> tuple[Pattern, Arguments] | None:
    """"X said Y must leave" is X demanding of Y: a reported clause under a deontic modal."""
    if token.dep_ != "ccomp" or token.head.lemma_.lower() not in reporting_cues().verbs \
            or match_trigger(token.head, actors.book) is not None:
        return None  # "agreed that they should cooperate": the agreeing is the event
    if not _asks_for_an_act(token, actors.book) \
            or token.head.lemma_.lower() in actors.book.words["position-verb"]:
        return None  # "Nairobi claims the frontier should head east": a stance held
    speaker = _subject(token.head)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.lower_ == "one" or any(
            c.dep_ == "det" and c.lower_ in ("each", "every", "any") for c in subject.children)):
        # "one should not read too much into the timing", "each company must fend for
        # itself": a rule for all, asked of no one
        return None
    source = actors.of_phrase(speaker) if speaker is not None else None
    # "the international community — and the U.N. — should respond": the first of them
    # a table codes
    target = next((code for t in (subject, *subject.conjuncts, *(
        c for c in subject.children if c.dep_ == "appos"))
        if (code := actors.of_phrase(t))), None) if subject is not None else None
    if source is None and target is None:
        return None
    heads = tuple(t for t in (speaker, subject) if t is not None)
    return DEMAND, Arguments(source, target, (), heads)


def _ultimatum(token: Token, pattern: Pattern, actors: ActorIndex
               ) -> tuple[Pattern, Arguments] | None:
    """"urged Russia to accept a ceasefire or face additional sanctions": the penalty of an
    ultimatum is a threat by who demands, against who is asked to act."""
    if pattern.type not in HOSTILE or token.pos_ != "NOUN":
        return None
    face = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else token
    face = face.head if face.dep_ == "dobj" else None
    if face is None or face.lemma_.lower() != "face" or face.dep_ != "conj" \
            or not any(c.dep_ == "cc" and c.lower_ == "or" for c in face.head.children):
        return None
    asked = _first_conjunct(face.head)
    demand = match_trigger(asked.head, actors.book) if asked.dep_ == "xcomp" else None
    if demand is None or demand.type != "DEMAND":
        return None
    demander, doer = _subject(asked.head), _subject(asked)
    source = actors.of_phrase(demander) if demander is not None else None
    target = actors.of_phrase(doer) if doer is not None else None
    if source is None and target is None:
        return None
    return THREAT, Arguments(source, target, (), tuple(t for t in (demander, doer) if t))


def _reported_accusation(token: Token, actors: ActorIndex
                         ) -> tuple[Pattern, Arguments] | None:
    """"They say it violates Thailand's obligations": a reported clause whose verb is a
    wrong done is the speaker's accusation (CAMEO 112) of the wrongdoer, the clause's subject
    or, when that is no actor, whoever owns what was wronged."""
    book = actors.book
    lemma = token.lemma_.lower()
    if lemma not in book.words["wrongdoing"] and lemma not in book.words["naming-verb"]:
        return None
    # "said the military continues to defy calls": the wrong the going-on is of
    clause = token.head if token.dep_ == "xcomp" \
        and token.head.lemma_.lower() in book.words["continue-verb"] else token
    # a quotation standing alone is its speaker's ("“The military continues to defy calls,”"
    # after "…, Dujarric told reporters.")
    quoted = clause.dep_ == "ROOT" and actors.quoted(token.idx) \
        and actors.quoted_speaker(token.idx)
    if clause.dep_ != "ccomp" and not quoted:
        return None
    if not (lemma in book.words["wrongdoing"] or (
            # "says their treatment may amount to crimes against humanity"
            lemma in book.words["naming-verb"] and _satisfies(token, "@wrong", book))) \
            or (not quoted and (clause.head.lemma_.lower() not in reporting_cues().verbs
                                or clause.head.lemma_.lower() in reporting_cues().attitudes
                                or match_trigger(clause.head, book) is not None)) \
            or ((found := match_trigger(token, book)) is not None
                and (lemma not in book.words["wrongdoing"] or found.needs)):
        return None  # "must show the person violated the law" accuses no one
    speaker = None if quoted else _subject(clause.head)
    source = quoted.actor if quoted else actors.of_phrase(speaker) if speaker is not None \
        else None
    wrongdoers = [c for c in clause.children if c.dep_ == "nsubj"] + [
        c for c in token.children if c.dep_ == "dobj"]
    target = next((code for c in wrongdoers if (code := actors.of_phrase(c)) not in (None, source)),
                  None)
    if source is None and target is None:
        return None
    heads = tuple(t for t in (speaker, *wrongdoers) if t is not None)
    return ACCUSATION, Arguments(source, target, (), heads)


def _link(doc: Doc, token: Token, found: tuple[Pattern, Arguments], sent: Span,
          known: Found, actors: ActorIndex) -> EventHit:
    pattern, arguments = found
    start = token.idx
    if pattern in SAYINGS:
        modality, chain = _demand_modality(token)
    else:
        modality, chain = modality_of(token, own_negation=pattern is not REFUSAL)
        if pattern is REFUSAL and modality == "planned" and token.dep_ in ("xcomp", "acl"):
            # "decided not to attend", "vowed not to join": the decision is the refusal
            modality = modality_of(token.head)[0]
    if modality == "asserted" and token.tag_ == "VBN" and _found_oneself(token):
        modality = modality_of(token.head)[0]  # "could find itself excluded": as it finds
    if modality == "negated" and _answered(token, actors):
        modality = "asserted"  # "rejected Kenya's request": the request was made
    elif modality in ("asserted", "planned") and token.dep_ in ("xcomp", "ccomp") \
            and token.head.lemma_.lower() in modality_cues().enabler \
            and _done_by_a_thing(token.head, actors):
        modality = "hypothetical"  # "the law allows the government to seize assets"
    elif modality == "asserted" and any(c.dep_ == "nsubj" and _addressee(c) is not None
                                        for c in token.children):
        modality = "hypothetical"  # "its call to the authorities to drop all charges"
    elif modality == "planned" and token.head.lemma_.lower() == "be" and (
            _for_subject(token) is not None
            or any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children)):
        modality = "hypothetical"  # "it is now for Russia to accept it": asked of Russia
    elif modality == "planned" and pattern.type == "PROTEST" and is_purpose(token) \
            and token.head.tag_ == "VBD" and modality_of(token.head)[0] == "asserted":
        modality = "asserted"  # "held a sit-in to protest the restrictions": protested so
    scope = _scope(token)
    bounds = (sent.start_char, sent.end_char)
    dated = [(i, root) for i, t in known.times.within(*bounds)
             if _dated(t) and (root := _in(doc, t.start, t.end, scope)) is not None]
    statement = _statement_of(start, known.statements)
    date = precision = None
    if (chosen := _nearest(token, dated)) is not None:
        chosen_time = known.times.all[chosen]
        date, precision = _date_part(chosen_time), DATED_KINDS[chosen_time.kind]
    elif statement is not None and (said := _statement_time(
            doc, known.statements.all[statement], known.times)):
        date, precision = said, "reported"
    if modality == "asserted" and token.pos_ == "VERB" and any(
            party.lower_ in ("nobody", "none") or any(
                c.dep_ == "det" and c.lower_ == "no" for c in party.children)
            for party in (_subject(token), *(c for c in token.children if c.dep_ == "nsubjpass"))
            if party is not None):
        # "no country has officially recognized the Taliban", "no passengers were killed"
        modality = "negated"
    elif modality == "hypothetical" and _scheduled(doc, chain, known):
        modality = "planned"  # "said the tariffs would take effect Wednesday"
    elif modality == "asserted" and chain and _reported_by_media(chain[-1], actors):
        modality = "hedged"  # "Reuters has reported that Australia offered": relayed
    place_scope = {t.i for h in arguments.place_tokens for t in h.subtree}
    located = [(i, root) for i, p in known.places.within(*bounds)
               if p.feature != "organisation"  # "the Washington Post" is no venue
               and (root := _in(doc, p.start, p.end, place_scope)) is not None]
    counted_scope = scope | {t.i for h in arguments.phrases for t in h.subtree}
    counted = [(i, root) for i, q in known.quantities.within(*bounds) if q.kind == "count"
               and (root := _in(doc, q.start, q.end, counted_scope)) is not None]
    source, target = arguments.source, arguments.target
    if (looked_to := _looked_to(token)) is not None \
            and (doer := actors.of_phrase(looked_to)) is not None:
        # "Ankara is looking to Trump to veto any sanctions": a hope that Trump will
        source, modality = doer, "hypothetical"
        target = target if target != doer else None
    if source is not None and (preventer := next((
            g for g in chain if g.lemma_.lower() in actors.book.words["prevent-verb"]), None)) \
            and (blocker := _subject(preventer)) is not None \
            and actors.of_phrase(blocker) == source:
        source = None  # "troops on alert to forestall violence" do not do the violence
    if source is None and statement is not None and (forces := _our_forces(token, actors.book)) \
            and (speaker := known.statements.all[statement].speaker) is not None \
            and (country := split_code(speaker.actor or "")[0]):
        # "“Our brave soldiers shot dead two militants,” he said": the speaker's country's
        source = country + ("COP" if forces in actors.book.classes["police"] else "MIL")
    if source is None and statement is not None and (_speaks_for_itself(token) or (
            target is not None and token.pos_ == "NOUN" and pattern.type in PARTY_TYPES
            and not (token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPS))):
        # "“We will retaliate,” the Turkish foreign minister said": the speaker's actor;
        # "Pakistan said discussions with the IMF are progressing": a party speaks of them
        speaker = known.statements.all[statement].speaker
        source = speaker.actor if speaker is not None and speaker.actor != target else None
    if modality in UNREAL and pattern.type in HOSTILE and source is not None \
            and _declared(token, chain, source, actors):
        if _announced(chain, actors.book) and not any(_is_condition(c) for c in token.children):
            # "the United States announced that it would cease military aid": a decision
            # made public, to be carried out, not a threat
            modality = "planned"
        else:
            # "we will retaliate", "Ankara said it would impose sanctions": force that its
            # doer says it will use is a threat (CAMEO 13), made now, even on a condition;
            # forces it says it will move are a plan ("would send police to Haiti")
            pattern = THREAT
            if target is None:  # "if they take negative steps, we will retaliate"
                target = next((code for s in _condition_subjects(token)
                               if (code := actors.of_phrase(s)) not in (None, source)), None)
    elif modality in UNREAL and source is not None and (pattern.type in INTENDED or (
            pattern.type == "SUPPORT" and token.lemma_.lower()
            in actors.book.words["backing-verb"])) and _declared(token, chain, source, actors):
        # "New Delhi would invest", "we will release them", "New Delhi would support the
        # deal": cooperation, aid, a concession or backing its doer says it will give is an
        # expressed intent (CAMEO 03), made now
        pattern, modality = INTENT, "asserted"
    elif modality == "hypothetical" and pattern.type == "DEMAND" and source is not None \
            and _declared(token, chain, source, actors):
        # "Sánchez said he would urge the Commission to reconsider": a call its maker says
        # it will make is planned, not one only imagined
        modality = "planned"
    elif pattern.type in OFFERED and source is not None and token.dep_ == "xcomp" \
            and token.head.lemma_.lower() in actors.book.words["offer-word"]:
        # "the UNHCR was ready to support Kenya", "China offered to mediate": an offer is an
        # expressed intent (CAMEO 03), made now
        pattern, modality = INTENT, "asserted"
    elif pattern.type == "ASSAULT" and token.lemma_.lower() in actors.book.words["riot-verb"] \
            and split_code(source or "")[1] in ("OPP", "CVL"):
        # "demonstrators, some of whom threw rocks at police": a protest turned violent, a
        # riot (CAMEO 145), not an armed attack
        pattern = RIOT
    elif pattern.type in ("SANCTION", "REJECT", "COERCE") and token.pos_ == "VERB" \
            and split_code(source or "")[1] == "JUD" \
            and token.lemma_.lower() in actors.book.words["stay-verb"]:
        # "the court suspended any further action until it could hear the case": a court
        # that halts something orders it halted (voa/EVENTS_DEV.md: court orders are DEMAND)
        pattern = COURT_ORDER
    elif pattern.type == "ASSAULT" and token.pos_ == "VERB" and source is not None \
            and split_code(source)[1] in SPEAKING_ROLES and split_code(target or "")[1] == "MED":
        # "Trump attacked The Wall Street Journal newspaper", "attacked the media": an
        # officeholder's attack on the press is words (gunmen who attack a journalist strike)
        pattern = VERBAL_PROTEST
    elif pattern.type == "SUPPORT" and token.lemma_.lower() in actors.book.words["backing-verb"] \
            and (_armed(source) or _backed_by_troops(token, actors.book)) and _armed(target):
        # "government soldiers, supported by clan militias and the U.S. military": forces
        # backing forces in the field cooperate militarily (CAMEO 062), they voice no support
        pattern = MILITARY_COOPERATION
    if (pattern is THREAT and modality in UNREAL) or (
            pattern.type == "THREATEN" and modality == "hypothetical" and _conditional(token)):
        # the threat is made, on a condition or not; what it threatens is what lies ahead
        modality = "asserted"
    if target == source and target is not None and token.dep_ == "conj" \
            and token.head.dep_ == "relcl" and (outer := token.head.head.head).pos_ == "VERB" \
            and (subject := _subject(outer)) is not None \
            and (code := actors.of_phrase(subject)) not in (None, target):
        # "they killed six attackers who laid siege to a hotel and later killed 50 militants":
        # the parser hung the second act on the relative clause, whose doer it is not
        source = code
    if target == source and not _reciprocal(sent):
        target = None  # "Trump said he might back off": one actor, not an act on itself
    place = _nearest(token, located)
    if target is None and pattern.type in PLACE_TARGET_TYPES:
        # "bombed Gaza City", "struck Kharkiv": a town or country acted on stands for its
        # country, as CAMEO codes it (not the doer's own: "Pakistani forces raided Quetta"
        # are after someone there)
        aimed = {t.i for h in arguments.target_tokens for t in (h, *h.conjuncts)}
        target = next((country for _, p in known.places.within(*bounds)
                       if p.feature in AIMED_PLACE_FEATURES
                       and (country := p.country) is not None
                       and country != (source or "")[:3]
                       and _in(doc, p.start, p.end, aimed) is not None), None)
    if target is not None and len(target) == 3 and pattern.type in VICTIM_TYPES and any(
            t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS") and actors.of_phrase(t) == target
            for t in arguments.target_tokens):
        target += "CVL"  # "deported hundreds of Venezuelans", "killed five Palestinians"
    if target is None and pattern.type in VICTIM_TYPES and (source or pattern.type == "ASSAULT") \
            and _victims(token, actors.book):
        # "killed 10 people", "the killing of civilians": the people of the country where it
        # happens, else of the attacker's own country ("the BLA killed 400 people")
        where = _nearest(token, [(i, span.start) for i, p in known.places.within(*bounds)
                                 # "Palestinian bombers", "the Kenyan Ministry of Health"
                                 if p.feature not in ("demonym", "organisation")
                                 and (span := _char_tokens(doc, p.start, p.end)) is not None
                                 # "killed 11 miners in the city, while the BLA attacked a
                                 # convoy for a company operated by China": not there
                                 and _in_the_clause_of(token, span.root)])
        country = known.places.all[where].country if where is not None else (
            source[:3] if source and source[:3] not in ORGANISATION_PREFIXES
            # "the group said it had killed 10 people": the people of the story's country
            else actors.story_country(token.i))
        target = _aboard(token, actors) or (country + "CVL" if country else None)
    if target is None and place is not None and pattern.type in PLACE_TARGET_TYPES and (
            source or (pattern.type == "ASSAULT" and token.lemma_.lower()
                       not in actors.book.words["disorder-noun"])) and not any(
                _a_named_person(t) for t in arguments.target_tokens):
        # "attacked a hospital in Kharkiv", "protested in Belgrade": no one named, so the
        # act is aimed at the country where it happens; an attack there by no one named
        # ("blasts outside a school in Kabul") struck that country still, but not a person
        # named ("the journalist Daphne Caruana Galizia, who was killed in Malta"), and
        # violence or clashes there by no one named are the place's state, not an attack
        country = known.places.all[place].country
        target = country if country != source else None
        if target is not None and len(target) == 3 and any(
                t.lemma_.lower() in actors.book.words["civilian-noun"]
                for t in arguments.target_tokens):
            target += "CVL"  # "distributed relief items to affected people in Mulanje"
    elif target is None and place is None and pattern.type in PLACE_TARGET_TYPES and (
            source or pattern.type == "ASSAULT") and any(
                _the_capital(t) for h in arguments.place_tokens for t in h.subtree):
        # "blasts outside a girls' school in the capital": the capital of the country the
        # story is about
        country = actors.story_country(token.i)
        target = country if country != (source or "")[:3] else None
    if source is not None and len(source) == 3 and pattern.type == "PROTEST" and any(
            t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS") and actors.of_phrase(t) == source
            for h in arguments.phrases for t in h.subtree):
        source += "CVL"  # "tens of thousands of Sudanese began protesting": its people
    if source is None and place is not None and pattern.type == "PROTEST" \
            and (country := known.places.all[place].country):
        source = country + "CVL"  # "demonstrators protesting in Monrovia": its people
    if target is None and source and pattern.type == "PROTEST" and source[3:6] != "GOV" \
            and source[:3] not in ORGANISATION_PREFIXES and not any(
                h.ent_type_ == "GPE" and actors.of_phrase(h) == source for h in arguments.phrases) \
            and not any(g.lemma_.lower() in actors.book.words["war-noun"]
                        for g in _prep_objects(token, "grievance", token.pos_, actors.book)):
        # "Sudanese began protesting": against their government (but "Kenya protested" is
        # the state's own protest, at no one named, and "protests over the war in Gaza" are
        # against the war)
        target = source[:3] + "GOV"
    if target == source and not _reciprocal(sent):
        target = None  # nor by the rules above ("they shot and killed people on the train")
    confidence = 0.5 + 0.1 * len(pattern.needs) + 0.15 * (source is not None) \
        + 0.15 * (target is not None)
    mode = pattern.mode or _mode_from_modifiers(token, actors.book.modes)
    return EventHit(
        type=pattern.type, mode=mode, cameo=pattern.cameo,
        source=source, target=target,
        trigger=(start, start + len(token.text)),
        sentence=(sent.start_char, sent.end_char), modality=modality,
        date=date, date_precision=precision,
        place=place, quantity=_nearest(token, counted),
        statement=statement, confidence=round(min(confidence, 0.95), 2), token=token.i)


def _a_named_person(word: Token) -> bool:
    """A person's name, or "who" after one ("Daphne Caruana Galizia, who was killed")."""
    if word.tag_ == "WP" and word.head.dep_ == "relcl":
        word = word.head.head
    return word.ent_type_ == "PERSON"


def _aboard(trigger: Token, actors: ActorIndex) -> str | None:
    """Who "those on board" were: whom a vehicle the sentence names carried ("ambushed a bus
    transporting a paramilitary force and killed 18 of those on board")."""
    if not any(t.lower_ == "board" and t.head.lower_ == "on" for c in trigger.children
               if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree):
        return None
    return next((code for t in trigger.sent if t.dep_ == "acl"
                 and t.lemma_.lower() in actors.book.words["carrier-verb"]
                 and (code := actors.of_phrase(t.head))), None)


def _victims(trigger: Token, book: Lexicon) -> bool:
    """The act is done to people named by no actor: "killed 10 people", "passengers were
    shot", "the killing of civilians", "injured in the attack, the driver died"."""
    done_to = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    # "was attacked with gunfire, killing all the civilians": whom the attack killed
    done_to += [g for c in trigger.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                and (harm := match_trigger(c, book)) is not None and harm.type == "ASSAULT"
                for g in c.children if g.dep_ == "dobj"]
    if trigger.pos_ == "NOUN":
        done_to += _of_objects(trigger)
    elif trigger.dep_ in ("amod", "acl"):
        done_to.append(trigger.head)  # "civilians killed in the strike"
    elif trigger.dep_ == "advcl" and trigger.tag_ == "VBN":
        # "Injured in the initial attack, the driver of the train has died"
        done_to += [c for c in trigger.head.children if c.dep_ in SUBJECTS]
    # "killing one person and arresting 12": a bare count of people
    return any(t.lemma_.lower() in book.words["victim"] or t.pos_ == "NUM" for t in done_to)


def _demand_modality(token: Token) -> tuple[str, tuple[Token, ...]]:
    """A demand is made when it is said: its modality is the saying's ("X said Y must leave":
    asserted), not that of the act it asks for, unless the demand itself is hedged ("we
    possibly need to"); a clause the parser hangs on another demand is not said by it."""
    hedged = any(c.dep_ == "advmod" and modality_cues().adverb.get(c.lower_) == "hedged"
                 for c in token.children)  # "we possibly need to put in stricter controls"
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in reporting_cues().verbs:
        said = modality_of(token.head)
        return ("hedged", said[1]) if hedged and said[0] == "asserted" else said
    if any(c.dep_ == "neg" for c in token.children):
        return "negated", (token,)  # "we don't need to leave"
    return ("hedged" if hedged else "asserted"), (token,)


def _declared(trigger: Token, chain: Sequence[Token], source: str, actors: ActorIndex
              ) -> bool:
    """The act is its doer's own word on what it will do: under "will" or "would", said in
    the first person or reported from a speaker of the same country (not a prediction)."""
    if not any(c.dep_ == "aux" and c.lower_ in FUTURE for c in trigger.children):
        return False
    if _speaks_for_itself(trigger):
        return True
    # "announced that X would invest … and that India will cooperate"
    top = _first_conjunct(chain[-1])
    if top.dep_ != "ccomp" or top.head.lemma_.lower() not in reporting_cues().verbs:
        return False
    speaker = _subject(top.head)
    said_by = actors.of_phrase(speaker) if speaker is not None else None
    # the doer's own side: not its press ("British media reported that Britain will cede")
    return said_by is not None and (said_by == source or (
        said_by[:3] == source[:3] and said_by[3:6] in STATE_ROLES))


def _announced(chain: Sequence[Token], book: Lexicon) -> bool:
    """Said by a verb that makes a decision public ("announced that it would")."""
    top = _first_conjunct(chain[-1])
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in book.words["decision-verb"]


def _reported_by_media(top: Token, actors: ActorIndex) -> bool:
    """A clause that news media report ("the Reuters news agency has reported that …",
    "local media reported that …"): wirewatch relays what another outlet says it learned,
    as "reportedly" does."""
    governor = top.head
    if top.dep_ != "ccomp" or governor.i == top.i or governor.lemma_.lower() != "report":
        return False
    subject = _subject(governor)
    return subject is not None and (
        subject.lemma_.lower() in actors.book.words["media-reporter"]
        or ((code := actors.of_phrase(subject)) is not None and code.endswith("MED")))


def _scheduled(doc: Doc, chain: Sequence[Token], known: Found) -> bool:
    """An act reported with "would" and a day or month not before publication in the same
    clause, on no condition ("the president said the tariffs would take effect Wednesday"):
    the "will" of the words reported, a plan with its date, not a supposition."""
    cued = next((node for node in chain if any(
        c.dep_ == "aux" and c.lower_ == "would" for c in node.children)), None)
    adverbs = modality_cues().adverb  # "would probably attack" stays a guess
    if cued is None or known.published is None or any(
            _is_condition(c) or c.lower_ in adverbs for node in chain for c in node.children):
        return False
    published = known.published.isoformat()
    return _a_time_on(doc, known, cued.sent, _own_tokens(cued), lambda t: (
        day := re.match(r"\d{4}-\d{2}(?:-\d{2})?", t.value or "")) is not None
        and day.group() >= published[:len(day.group())])


def _conditional(trigger: Token) -> bool:
    """Made on a condition ("threatening retaliation if hit by sanctions"), with no modal of
    its own ("could threaten" stays hypothetical)."""
    return any(_is_condition(c) for c in trigger.children) and not any(
        c.dep_ == "aux" and c.lower_ in modality_cues().aux for c in trigger.children)


def _named_by(word: Token) -> Token:
    """The noun a name modifies, or the name itself: "the Pakistani state" is one state,
    whatever "Pakistani" alone would name."""
    return word.head if word.dep_ in ("amod", "compound") and word.head.pos_ == "NOUN" \
        else word


def _plural(head: Token) -> bool:
    return head.tag_ in ("NNS", "NNPS")


def _definite(noun: Token) -> bool:
    """"The group", "this court": a noun that points back to one named before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)



def _the_capital(word: Token) -> bool:
    """"The capital" alone, naming no country of its own ("the capital of Kenya" is a place
    the gazetteer reads)."""
    return word.lemma_.lower() == "capital" and word.pos_ == "NOUN" and _definite(word) \
        and not any(c.dep_ in ("prep", "poss", "compound", "amod") for c in word.children)


def _the_capital_of(word: Token) -> bool:
    """"The Afghan capital", "Cameroon's capital": a country's capital city (not "Chinese
    capital", money)."""
    return word.lemma_.lower() == "capital" and word.pos_ == "NOUN" and (
        _definite(word) or any(c.dep_ == "poss" for c in word.children))


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative clause hangs on, for its pronoun ("who", or "whom" in "some of
    whom"): the pronoun is the clause's subject or stands within its subject."""
    node = pronoun
    for _ in range(4):
        if node.dep_ == "relcl":
            return node.head
        if node.head.i == node.i or (
                node is not pronoun and node.dep_ not in ("nsubj", "nsubjpass", "pobj", "prep")):
            return None
        node = node.head
    return None


def _organisation(code: str) -> bool:
    """An organisation's code: an international or non-state group, or a country's armed
    groups and parties."""
    return code[:3] in ORGANISATION_PREFIXES or code[3:6] in ORGANISATION_ROLES


def _speaks_for_itself(trigger: Token) -> bool:
    """The trigger's actor is "we" or "I" (or "our ..."): the one quoted."""
    subject = _subject(trigger) if trigger.pos_ == "VERB" else next(
        (c for c in trigger.children if c.dep_ == "poss"), None)
    return subject is not None and subject.lower_ in FIRST_PERSON


def _our_forces(trigger: Token, book: Lexicon) -> str | None:
    """The lemma of the trigger's subject when it is the speaker's own forces ("our
    soldiers", "our police")."""
    subject = _subject(trigger) if trigger.pos_ == "VERB" else None
    if subject is None or subject.lemma_.lower() not in book.classes["troops"] or not any(
            c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children):
        return None
    return subject.lemma_.lower()


def _reciprocal(sentence: Span) -> bool:
    """"each other", "one another": the text makes the act mutual."""
    lowers = lower_words(sentence.doc)
    return any(lowers[i] in ("each", "one") and lowers[i + 1] in ("other", "another")
               for i in range(sentence.start, sentence.end - 1))


def _mode_from_modifiers(token: Token, modes: dict[str, str]) -> str | None:
    """"military aid", "humanitarian assistance": the adjective on the trigger or its object."""
    for t in (token, *_themes(token)):
        for child in t.children:
            if child.dep_ == "amod" and child.lower_ in modes:
                return modes[child.lower_]
    return None


def _dated(time: TimeHit) -> bool:
    """A time that names a calendar date, week, month or year (not "now", not a duration)."""
    return bool(time.value) and time.kind in DATED_KINDS and time.value[:1].isdigit()


def _date_part(time: TimeHit) -> str | None:
    """An event's date is a day at the finest: "2024-06-09TNI" (Sunday night) -> the day."""
    return time.value[:10] if time.kind == "time" and time.value else time.value


def _statement_of(char: int, statements: ByPosition[StatementHit]) -> int | None:
    """The innermost statement whose content holds the character."""
    holding = [(s.end - s.start, i) for i, s in statements.within(char, char + 1)]
    return min(holding)[1] if holding else None


def _statement_time(doc: Doc, statement: StatementHit, times: ByPosition[TimeHit]
                    ) -> str | None:
    """When the statement was made: a date on its cue verb ("said Wednesday")."""
    if statement.cue_span is None:
        return None
    cue = _char_tokens(doc, *statement.cue_span)
    if cue is None:
        return None
    own = _own_tokens(cue.root)
    sentence = cue.root.sent
    for _, t in times.within(sentence.start_char, sentence.end_char):
        if _dated(t) and _in(doc, t.start, t.end, own) is not None:
            return _date_part(t)
    return None


__all__ = ["EventHit", "find_events", "lexicon", "match_trigger"]
