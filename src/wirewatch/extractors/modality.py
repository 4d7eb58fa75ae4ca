"""Factuality of an event: asserted, negated, hedged, planned or hypothetical.

The cues (``resources/modality_cues.tsv``) are read on the event's trigger and on the verbs
that govern it, up to the clause a source reports: in "the official said troops were not
sent", "not" negates the sending, and in "he did not say troops were sent" the sending stays
asserted. A question answered in the same sentence ("asked whether X was considered, the
official said there was no request") takes the answer's polarity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from ..resources import bundled_table

# Strongest first: one negation outweighs a "will" in the same chain.
ORDER = ("negated", "hypothetical", "hedged", "planned")
FUTURE = ("will", "'ll", "would", "'d")
ASSERTED = "asserted"

# Dependencies along which a governing word's cues reach the event below it.
VERB_CHAIN = frozenset({"xcomp", "csubj", "csubjpass", "pcomp", "oprd", "acomp", "auxpass"})
NOUN_TO_VERB = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
COMPLEMENTS = frozenset({"xcomp", "ccomp", "csubj", "csubjpass", "acl", "pcomp", "advcl",
                         "pobj"})
ASK = frozenset({"ask", "question"})


@dataclass(frozen=True, slots=True)
class ModalityCues:
    aux: dict[str, str]
    neg: dict[str, str]
    det: dict[str, str]
    adverb: dict[str, str]
    governor: dict[str, str]
    mark: dict[str, str]
    prep: dict[str, str]
    phrase: dict[str, str]
    deontic: frozenset[str]
    boundary: frozenset[str]
    denial: frozenset[str]
    report: frozenset[str]
    occur: frozenset[str]
    request: frozenset[str] = frozenset()
    enabler: frozenset[str] = frozenset()
    forecast: frozenset[str] = frozenset()
    adjective: dict[str, str] = field(default_factory=dict)
    performative: frozenset[str] = frozenset()
    unrealized: frozenset[str] = frozenset()
    possible: dict[str, str] = field(default_factory=dict)
    gathering: frozenset[str] = frozenset()
    business: frozenset[str] = frozenset()


@cache
def modality_cues() -> ModalityCues:
    tables: dict[str, dict[str, str]] = {}
    for row in bundled_table("modality_cues.tsv"):
        tables.setdefault(row["kind"], {})[row["cue"]] = row["modality"]
    return ModalityCues(*(tables.get(k, {}) for k in (
        "aux", "neg", "det", "adverb", "governor", "mark", "prep", "phrase")),
        deontic=frozenset(tables.get("deontic", {})),
        boundary=frozenset(tables.get("boundary", {})),
        denial=frozenset(tables.get("denial", {})),
        report=frozenset(tables.get("report", {})),
        occur=frozenset(tables.get("occur", {})),
        request=frozenset(tables.get("request", {})),
        enabler=frozenset(tables.get("enabler", {})),
        forecast=frozenset(tables.get("forecast", {})),
        adjective=tables.get("adjective", {}),
        performative=frozenset(tables.get("performative", {})),
        unrealized=frozenset(tables.get("unrealized", {})),
        possible=tables.get("possible", {}),
        gathering=frozenset(tables.get("gathering", {})),
        business=frozenset(tables.get("business", {})))


def _governor_key(token: Token) -> str:
    """A governor's lemma, with its particle when it has one ("rule out"), or with the
    adverb the governor table names it with ("look forward")."""
    lemma = token.lemma_.lower()
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if particles:
        return f"{lemma} {particles[0]}"
    return next((key for c in token.children if c.dep_ == "advmod"
                 and (key := f"{lemma} {c.lower_}") in modality_cues().governor), lemma)


def _governor_cues(governor: Token, key: str | None, complement: Token,
                   cues: ModalityCues) -> set[str]:
    """What a governing verb (or noun) says of its complement's act: its own cue ("plans to
    send" planned), a forecast where the act is someone else's ("expects North Korea to
    launch", "hopes Somalia will withdraw"), and what an enabler that is not asserted only
    makes possible ("the law will allow China to seize ships")."""
    found = set()
    if key in cues.governor:
        cue = cues.governor[key]
        if cue == "planned" and (governor.pos_ != "NOUN" or key in cues.forecast) \
                and _another_doer(governor, complement):
            cue = "hypothetical"
        if cue == "hedged" and any(c.dep_ == "aux" and c.lower_ in FUTURE
                                   for c in complement.children):
            cue = "hypothetical"  # "believes the leaders will meet": a prediction
        found.add(cue)
    if _enabled_only(governor, cues):
        found.add("hypothetical")
    return found


def _another_doer(governor: Token, complement: Token) -> bool:
    """Whether a verb of plan or hope says what someone else will do: its object, or its
    complement's own subject, does it ("expecting North Korea to launch a missile"), where
    "plans to send" is its subject's own plan."""
    # a pronoun subject is mostly the planner itself ("Russia says it will", "we hope we'll")
    return any(c.dep_ in ("dobj", "dative") and c.i < complement.i
               for c in governor.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in complement.children)


def _enabled_only(governor: Token, cues: ModalityCues) -> bool:
    """A verb that would make its complement possible ("will allow", "may enable"): the act
    it enables is only possible, whatever the enabler's own cue says of the enabling."""
    if governor.lemma_.lower() not in cues.enabler:
        return False
    own: set[str] = set()
    _local_cues(governor, cues, own)
    return bool(own - {"negated"})


def _local_cues(token: Token, cues: ModalityCues, found: set[str],
                skip_negation: bool = False, own_event: bool = False,
                verbal: bool = False) -> None:
    """Cues standing on one token of the chain: its negation, auxiliaries, adverbs, marks.
    With ``own_event`` the token is the event itself, not a word governing it; ``verbal``
    says the event is a verb (an act that may come), not a noun a verb says something of
    ("may indicate their integration" hedges)."""
    for child in token.children:
        word = child.lower_
        dep = child.dep_
        if dep == "neg" and word in cues.neg:
            if skip_negation:
                continue
            # "shouldn't give these people back": what a call forbids is supposed, not denied
            found.add("hypothetical" if any(
                a.dep_ == "aux" and a.lower_ in cues.deontic for a in token.children)
                else cues.neg[word])
        elif dep in ("aux", "auxpass") and verbal and word in cues.possible \
                and token.tag_ == "VB" \
                and not any(a.dep_ in ("aux", "auxpass") and a.i > child.i
                            for a in token.children):
            found.add(cues.possible[word])  # "may try to buy": an act that may come
        elif dep in ("aux", "auxpass") and word in cues.aux:
            found.add(cues.aux[word])
        elif dep == "det" and word in cues.det:
            found.add(cues.det[word])
        elif dep == "advmod" and word in cues.adverb:
            found.add(cues.adverb[word])
        elif dep == "amod" and word in cues.adjective and token.pos_ == "NOUN":
            found.add(cues.adjective[word])  # "the proposed ban", "a planned visit"
        elif dep == "advmod" and word in cues.neg:
            found.add(cues.neg[word])
        elif own_event and dep == "advmod" and word == "longer" \
                and any(g.dep_ == "neg" for g in child.children):
            found.add("negated")  # "will no longer grant me access"
        elif dep == "mark" and word in cues.mark:
            found.add(cues.mark[word])
        elif dep in ("prep", "advcl", "acl") and word in cues.prep:
            found.add(cues.prep[word])
        elif dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.mark
                                    and cues.mark[m.lower_] == "hypothetical"
                                    and m.lower_ != "whether" for m in child.children) \
                and not (own_event and _asks_before(token, child, cues)):
            found.add("hypothetical")  # "if they agree, troops would leave"
    if cues.phrase:
        words = " ".join(t.lower_ for t in token.subtree if t.head.i == token.i
                         or t.head.head.i == token.i)
        found.update(m for p, m in cues.phrase.items() if p in words)


def _asks_before(call: Token, condition: Token, cues: ModalityCues) -> bool:
    """A condition after what a call asks for is the asked act's ("urged Russia to withdraw
    if it wants peace"): the call itself was made."""
    return _governor_key(call) in cues.request and any(
        c.dep_ in ("xcomp", "ccomp") and c.i < condition.i for c in call.children)


def _main_clause_read_as_report(clause: Token) -> bool:
    """A sentence's main clause that the parser hung, as what it reports, on the verb of a
    clause put after it ("X had called for shuttering Dadaab, after intelligence reports
    indicated …"): that verb is a subordinate's, whose cue is not the main clause's."""
    verb = clause.head
    return clause.i < verb.i and any(c.dep_ == "mark" and c.i < verb.i and c.i > clause.i
                                     for c in verb.children)


def _answered_negatively(ask: Token, cues: ModalityCues) -> bool:
    """In "asked whether ..., X said NEG", does the reply negate?"""
    reply = ask.head if ask.dep_ == "advcl" else None
    if reply is None:
        return False
    for clause in reply.children:
        if clause.dep_ != "ccomp":
            continue
        for t in clause.subtree:
            if (t.dep_ == "neg" and t.lower_ in cues.neg) or (
                    t.dep_ == "det" and t.lower_ in cues.det):
                return True
    return False


def _gathering_for(trigger: Token, cues: ModalityCues) -> Token | None:
    """The meeting or trip whose business the trigger's purpose clause names ("called a
    meeting Wednesday to discuss Iran", "met in Paris to discuss the war"): what is done
    there happens when it does, so the trigger is as sure as the gathering."""
    if trigger.lemma_.lower() not in cues.business or not is_purpose(trigger):
        return None
    head = trigger.head
    if head.pos_ == "NOUN":
        return head if head.lemma_.lower() in cues.gathering else None
    return next((c for c in head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                 and c.lemma_.lower() in cues.gathering),
                head if head.lemma_.lower() in cues.gathering else None)


def _asked_of_another(infinitive: Token, cues: ModalityCues) -> bool:
    """Whether an infinitive is what a proposal or a call asks of the one its "for" phrase
    names ("a proposal made on Monday for the U.N. Security Council to lift sanctions"): an
    act put to someone else, not one intended ("it will take a day for the Ukrainian side to
    designate an envoy" is the side's own)."""
    head = infinitive.head
    asking = [head, head.head] if head.dep_ == "acl" else [head, *(
        c for c in head.children if c.dep_ == "dobj")]
    if not any(w.pos_ == "NOUN" and cues.governor.get(w.lemma_.lower()) == "hypothetical"
               for w in asking):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in infinitive.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" and c.i < infinitive.i
        and any(g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") for g in c.children)
        for c in head.children)


def is_purpose(token: Token) -> bool:
    """An infinitive that says what its head is for or about: "a plan to visit" (the parser
    takes some for relative clauses: "a way to push for his release")."""
    return token.dep_ in ("acl", "advcl", "relcl") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def denied_report(clause: Token, cues: ModalityCues | None = None) -> Token | None:
    """The denying verb when a clause is what a denied report says: "denied reports that its
    forces attacked", "dismissed claims that it shipped drones"."""
    cues = cues or modality_cues()
    noun = clause.head
    if clause.dep_ not in ("acl", "ccomp", "relcl") or noun.i == clause.i \
            or noun.lemma_.lower() not in cues.report:
        return None
    return _denier(noun, cues)


def _denier(report: Token, cues: ModalityCues) -> Token | None:
    """The verb that denies a report noun it takes as its object ("denied reports …")."""
    verb = report.head
    if report.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in cues.denial:
        return verb
    return None


def _performed(verb: Token, cues: ModalityCues) -> bool:
    """A thanks or greeting the speaker performs by saying "I would like to" or "we wish
    to" do it: done, not wished."""
    wish = verb.head
    return verb.lemma_.lower() in cues.performative and verb.dep_ == "xcomp" \
        and wish.lemma_.lower() in ("like", "wish") and any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in wish.children)


def _report_of(noun: Token, cues: ModalityCues) -> Token | None:
    """The report noun an event noun is the "of" object of ("reports of violence",
    "allegations of torture and killings")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in cues.report and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


def occurs(verb: Token, cues: ModalityCues | None = None) -> bool:
    """A verb saying that its subject takes place: "begin", "take place" (with its object)."""
    cues = cues or modality_cues()
    objects = [c.lower_ for c in verb.children if c.dep_ == "dobj"]
    return _governor_key(verb) in cues.occur or any(
        f"{verb.lemma_.lower()} {o}" in cues.occur for o in objects)


def chain(trigger: Token) -> list[Token]:
    """The trigger and the words that govern it within its own clause, lowest first."""
    cues = modality_cues()
    nodes = [trigger]
    node = trigger
    while node.head.i != node.i:
        dep, head = node.dep_, node.head
        if node.pos_ in ("NOUN", "PROPN"):
            if (dep in NOUN_TO_VERB or (dep == "nsubj" and occurs(head, cues))
                    ) and head.pos_ in ("VERB", "AUX"):
                node = head  # "imposed sanctions", "a ceasefire could take place"
            elif (dep == "pobj" and head.dep_ in ("prep", "agent")
                  and head.head.pos_ in ("VERB", "AUX") and head.lower_ not in cues.boundary):
                node = head.head  # "agreed to a ceasefire", "if hit by sanctions"
            elif (dep == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "of")
                  and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in cues.governor):
                node = head.head  # "no request for talks": the talks were not requested
            else:
                break
        elif node.pos_ == "ADP" and dep == "prep" and len(nodes) > 1 \
                and nodes[-2].dep_ == "pcomp":
            node = head  # "called for Russia to reciprocate by agreeing": on to "reciprocate"
        elif dep == "pcomp" and head.lower_ == "with" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break  # "could accelerate with Cavusoglu warning that …": his warning was made
        elif dep in VERB_CHAIN or (dep == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children)):
            node = head
        elif is_purpose(node):
            node = head  # "a plan to visit", "sent troops to fight": purpose or intent
        elif dep == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in cues.forecast \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            node = head  # "in hopes that the United States can help"
        else:
            break
        nodes.append(node)
    return nodes


def modality_of(trigger: Token, own_negation: bool = True) -> tuple[str, tuple[Token, ...]]:
    """The event's modality and the governing words it was read from. Without
    ``own_negation`` the trigger's own "not" is left out: it is part of what was done ("chose
    not to attend" is a refusal, as sure as the choosing)."""
    cues = modality_cues()
    found: set[str] = set()
    nodes = chain(trigger)
    if _performed(trigger, cues):
        return ASSERTED, tuple(nodes)  # "I would like to thank everyone": thanked
    if (gathering := _gathering_for(trigger, cues)) is not None:
        return modality_of(gathering)[0], tuple(nodes)  # "called a meeting to discuss Iran"
    if trigger.dep_ == "ROOT" and any(c.dep_ == "aux" and c.tag_ == "TO"
                                      for c in trigger.children):
        found.add("planned")  # a headline's "Apple to give refunds"
    for position, node in enumerate(nodes):
        _local_cues(node, cues, found, skip_negation=not (position or own_negation),
                    own_event=not position, verbal=trigger.pos_ == "VERB")
        if position and is_purpose(nodes[position - 1]):
            # "sent envoys to mediate": the mediation is intended; but "a proposal made for
            # the Council to lift sanctions" asks another to act
            found.add("hypothetical" if _asked_of_another(nodes[position - 1], cues)
                      else "planned")
        below = nodes[position - 1] if position else None
        if below is not None and below.lower_ in ("to", "on", "toward", "towards") \
                and below.pos_ == "ADP" and position > 1:
            # "look forward to discussing", "working on a second summit": the act after it
            below = nodes[position - 2]
        if below is not None and below.dep_ in COMPLEMENTS:
            # "plans to send", "considering sending": only a complement takes its governor's
            # cue; "threatened ... after the drills" leaves the drills as they were
            key = _governor_key(node) if node.pos_ != "NOUN" else node.lemma_.lower()
            found |= _governor_cues(node, key, below, cues)
            if key in cues.unrealized and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                              for c in node.children):
                found.add("negated")  # "were supposed to sign a minerals deal": did not
        elif (below is not None and below.dep_ == "dobj" and below.pos_ == "NOUN"
              and _governor_key(node) in cues.request):
            found.add("hypothetical")  # "ordered the arrest of Dodik": asked for, not done
        elif (below is not None and below.dep_ in ("dobj", "nsubjpass")
              and cues.governor.get(_governor_key(node)) == "negated"):
            # "prevent unrest", "cancelled the visit": only a verb that stops its object
            # changes it ("discussed the agreement" leaves the agreement as it is)
            found.add("negated")
    top = nodes[-1]
    if top.dep_ == "ccomp" and top.head.i != top.i and not _main_clause_read_as_report(top):
        governor = top.head
        key = _governor_key(governor) if governor.lemma_.lower() not in ASK else None
        found |= _governor_cues(governor, key, top, cues)
        if governor.lemma_.lower() in ASK and any(
                c.dep_ == "mark" and c.lower_ in cues.mark for c in top.children):
            found.add("negated" if _answered_negatively(governor, cues) else "hypothetical")
    if denied_report(top, cues) is not None:
        found.add("negated")
    if (report := _report_of(trigger, cues)) is not None:
        # "reports of sexual violence against detainees": told, not seen; "denied reports
        # of attacks": not so
        found.add("negated" if _denier(report, cues) is not None else "hedged")
    if "negated" in found and any(
            c.dep_ == "mark" and c.lower_ != "whether" and cues.mark.get(c.lower_) == "hypothetical"
            for node in nodes for c in node.children):
        # "if other tariffs are not dropped by Canada": a condition supposes the act, done or
        # not, and asserts neither
        return "hypothetical", tuple(nodes)
    for name in ORDER:
        if name in found:
            return name, tuple(nodes)
    return ASSERTED, tuple(nodes)
