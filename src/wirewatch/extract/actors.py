"""Entities and CAMEO-style actor codes from a parsed Doc and the actor dictionary.

The dictionary overrides the statistical NER where they disagree (a capital tagged PERSON, a
leader's name cut short); role nouns combine with their country qualifier through the parse
("North Korean troops" -> PRKMIL); national offices without a qualifier belong to the
publisher's country ("the presidential office" in a Seoul wire -> KORGOV).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import ResourceError
from ..resources import bundled_table, read_table

GOVERNMENT = "GOV"
FORMER_LEADER = "ELI"
IGO_PREFIX = "IGO"
# Labels whose spans stand for actors; a LOC or EVENT naming a country ("South China Sea")
# is not that country acting.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Entity spans spaCy finds that keep their own label when they contain a dictionary name
# ("George Washington University" stays ORG around "Washington", "New Jersey" GPE around
# "Jersey").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "LOC", "EVENT", "LAW", "WORK_OF_ART",
                              "PRODUCT", "PERSON", "GPE"})
# A place whose name contains another place's is a different place: no actor from inside.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUALIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary reading of a surface form."""

    code: str
    label: str
    kind: str  # country, demonym, capital, named, leader
    name: str
    country: str | None
    start: date | None = None
    end: date | None = None
    short: bool = False  # a short form such as a surname

    def in_office(self, on: date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    kind: str  # noun, office, title


@dataclass(slots=True)
class ActorDictionary:
    """Every name, role noun and publisher the actor coder knows, loaded once."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)
    roles: dict[tuple[str, ...], Role] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    role_names: dict[str, str] = field(default_factory=dict)
    publishers: dict[str, str | None] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    named: dict[str, str] = field(default_factory=dict)
    """Codes without a country (IGOs) and the name they were first listed under."""

    role_starts: frozenset[str] = frozenset()
    max_role_len: int = 1

    def add(self, surface: str, entry: Entry) -> None:
        self.entries.setdefault(surface, []).append(entry)

    def override(self, surface: str, entry: Entry) -> None:
        self.entries[surface] = [entry]

    @classmethod
    def load(cls, extra_files: Sequence[str] = ()) -> ActorDictionary:
        """The bundled tables, then the user's files over them."""
        book = cls()
        for row in bundled_table("countries.tsv"):
            code, name = row["code"], row["name"]
            book.country_names[code] = name
            for surface in _split(row["names"]):
                book.add(surface, Entry(code, "GPE", "country", name, code))
            for surface in _split(row["demonyms"]):
                book.add(surface, Entry(code, "NORP", "demonym", name, code))
                if surface[-1:].isalpha() and surface[-1] not in "sh":
                    # the people: "Israelis", "Algerians" ("Chinese", "Swiss" have no plural)
                    book.add(surface + "s", Entry(code, "NORP", "demonym", name, code))
            for surface in _split(row["capitals"]):
                book.add(surface, Entry(code + GOVERNMENT, "GPE", "capital", surface, code))
                book.capitals.setdefault(surface.upper(), code)
        for row in bundled_table("leaders.tsv"):
            start, end = _date(row["start"], "leaders.tsv"), _date(row["end"], "leaders.tsv")
            full = Entry(row["country"] + GOVERNMENT, "PERSON", "leader", row["name"],
                         row["country"], start, end)
            book.add(row["name"], full)
            for alias in _split(row["aliases"]):
                short = len(alias.split()) == 1 and alias.upper() != alias
                book.add(alias, Entry(full.code, "PERSON", "leader", row["name"], full.country,
                                      start, end, short))
        for row in bundled_table("actors.tsv"):
            _add_named(book, row, "actors.tsv", override=False)
        for row in bundled_table("roles.tsv"):
            book.roles[tuple(row["phrase"].lower().split())] = Role(row["role"], row["kind"])
        book.role_starts = frozenset(key[0] for key in book.roles)
        book.max_role_len = max(len(key) for key in book.roles)
        book.role_names = {row["code"]: row["name"] for row in bundled_table("role_codes.tsv")}
        book.publishers = {row["name"].lower(): row["country"] or None
                           for row in bundled_table("publishers.tsv")}
        for path in extra_files:
            rows = read_table(path)
            if rows and not {"name", "code", "label"} <= set(rows[0]):
                raise ResourceError(f"{path}: an actor file needs the columns name, code, label")
            for row in rows:
                _add_named(book, row, str(path), override=True)
        return book

    def home_country(self, publisher: str | None, dateline: str | None) -> str | None:
        """The country an article reports from: its publisher's, else its dateline's."""
        if publisher:
            key = publisher.lower()
            if key in self.publishers:
                return self.publishers[key]
            for name, country in self.publishers.items():
                if country and name in key:
                    return country
        if dateline:
            return self.capitals.get(dateline.upper())
        return None

    def actor_name(self, code: str) -> str:
        country, role = split_code(code)
        if country is None:
            return self.named.get(code, code)
        base = self.country_names.get(country, country)
        return f"{base} {self.role_names.get(role, role)}" if role else base

    def phrase_matcher(self, nlp: Language) -> PhraseMatcher:
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = list(self.entries)
        for surface, doc in zip(surfaces, nlp.tokenizer.pipe(surfaces), strict=True):
            matcher.add(surface, [doc])
        return matcher


def _add_named(book: ActorDictionary, row: dict[str, str], origin: str, override: bool) -> None:
    code = row["code"].upper()
    country, _ = split_code(code)
    entry = Entry(code, row["label"] or "ORG", "named", row["name"], country,
                  _date(row.get("start", ""), origin), _date(row.get("end", ""), origin))
    book.named.setdefault(code, row["name"])
    add = book.override if override else book.add
    for surface in [row["name"], *_split(row.get("aliases", ""))]:
        add(surface, entry)


def split_code(code: str) -> tuple[str | None, str | None]:
    """``PRKMIL`` -> (``PRK``, ``MIL``); ``IGOUNO`` -> (None, ``IGO``)."""
    if code.startswith(IGO_PREFIX):
        return None, IGO_PREFIX
    return code[:3], (code[3:6] or None)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _date(value: str | None, origin: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ResourceError(f"{origin}: {value!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True, slots=True)
class EntityHit:
    span: Span
    label: str
    actor: str | None


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # token offsets into the Doc
    end: int
    code: str


@dataclass(frozen=True, slots=True)
class ActorContext:
    """What the coder needs to know about the article beyond its text."""

    published: date | None = None
    home_country: str | None = None
    publisher: str | None = None


def find_entities(doc: Doc, book: ActorDictionary, matcher: PhraseMatcher,
                  context: ActorContext,
                  shouted: Sequence[tuple[int, int]] = (),
                  teams: Sequence[tuple[int, int]] = ()) -> list[EntityHit]:
    """spaCy's entities, corrected and completed by the dictionary, each with its actor;
    a team on a line of scores ("Hamilton 0") is not the place it is named after."""
    matches = [(span, entry) for span, entry in _dictionary_matches(doc, book, matcher, context)
               if not any(s < span.end_char and span.start_char < e for s, e in teams)]
    hits: list[EntityHit] = []
    taken = [False] * len(doc)
    model_ents = [_trim(ent) for ent in doc.ents]
    for span, entry in matches:
        container = next((e for e in model_ents if e is not None
                          and e.label_ in CONTAINER_LABELS
                          and e.start <= span.start and span.end <= e.end
                          and (e.start, e.end) != (span.start, span.end)), None)
        if container is not None and entry.kind != "leader":
            continue  # the larger named thing wins; its actor is read from inside below
        hits.append(EntityHit(span, entry.label, _entry_code(entry, context)))
        for i in range(span.start, span.end):
            taken[i] = True
    for ent in model_ents:
        if ent is None or any(taken[i] for i in range(ent.start, ent.end)):
            continue
        actor = None
        if ent.label_ in ACTOR_LABELS:
            inner = [(s, e) for s, e in matches if ent.start <= s.start and s.end <= ent.end
                     and ent.label_ not in PLACE_LABELS]
            entry = inner[0][1] if inner else None
            if entry is None and any(s <= ent.start_char < e for s, e in shouted):
                # a headline's "PUTIN", "BEIJING"; a dateline city stays a place
                entry = _choose(book.entries.get(ent.text.title(), []), context.published)
            actor = _entry_code(entry, context) if entry else None
        hits.append(EntityHit(ent, ent.label_, actor))
    return sorted(hits, key=lambda h: h.span.start)


def _dictionary_matches(doc: Doc, book: ActorDictionary, matcher: PhraseMatcher,
                        context: ActorContext) -> list[tuple[Span, Entry]]:
    spans = filter_spans(Span(doc, s, e, label=m) for m, s, e in matcher(doc))
    full_names = {entry.name for span in spans for entry in book.entries[span.label_]
                  if entry.kind == "leader" and not entry.short}
    model_ent_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out = []
    for span in spans:
        entry = _choose(book.entries[span.label_], context.published)
        if entry is None:
            continue
        if entry.short and not (entry.name in full_names or span.start in model_ent_tokens
                                or _after_title(span, book)):
            continue
        out.append((span, entry))
    return out


def _choose(entries: list[Entry], on: date | None) -> Entry | None:
    """The reading that fits the article's date; short forms only for people in office."""
    leaders = [e for e in entries if e.kind == "leader"]
    others = [e for e in entries if e.kind != "leader"]
    if others:
        return others[0]
    current = [e for e in leaders if e.in_office(on)]
    if current:
        return current[0]
    full = [e for e in leaders if not e.short]
    return max(full, key=lambda e: e.start or date.min) if full else None


def _entry_code(entry: Entry, context: ActorContext) -> str:
    if entry.kind == "leader" and entry.country and not entry.in_office(context.published):
        return entry.country + FORMER_LEADER
    return entry.code


def _after_title(span: Span, book: ActorDictionary) -> bool:
    if span.start == 0:
        return False
    before = span.doc[span.start - 1].lemma_.lower()
    role = book.roles.get((before,))
    return role is not None and role.kind == "title"


def _trim(ent: Span) -> Span | None:
    """Drop possessive endings, edge punctuation and a leading "the" that spaCy sometimes
    includes ("The United States" at a sentence start is the country "United States")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or doc[start].lower_ == "the"):
        start += 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def find_actor_mentions(doc: Doc, entities: Iterable[EntityHit], book: ActorDictionary,
                        context: ActorContext) -> list[ActorMention]:
    """Actor mentions: coded entities, and role nouns joined with their country qualifier."""
    coded = [h for h in entities if h.actor]
    owner = {i: h for h in coded for i in range(h.span.start, h.span.end)}
    consumed: set[int] = set()
    mentions: list[ActorMention] = []
    i = 0
    while i < len(doc):
        found = _role_at(doc, i, book)
        if found is None or (i in owner and split_code(owner[i].actor or "")[1]):
            i += 1
            continue
        length, role = found
        last = doc[i + length - 1]
        qualifier = _qualifier(last, owner)
        if role.kind == "title" and last.head.i in owner:
            # "Chinese leader Xi Jinping": the person carries the code, the title's country
            # qualifier is part of that mention, not an actor of its own
            if qualifier is not None and qualifier is not owner[last.head.i]:
                consumed.add(id(qualifier))
            i += length
            continue
        code = None
        start = i
        if qualifier is not None:
            country, _ = split_code(qualifier.actor or "")
            if country:
                code = country + role.role
                start = min(i, qualifier.span.start)
                consumed.add(id(qualifier))
        elif role.kind == "office" and context.home_country:
            code = context.home_country + role.role
        if code:
            mentions.append(ActorMention(start, i + length, code))
        i += length
    mentions += [ActorMention(h.span.start, h.span.end, h.actor) for h in coded
                 if id(h) not in consumed]
    return sorted(set(mentions), key=lambda m: (m.start, m.end))


def code_entities(entities: list[EntityHit], mentions: list[ActorMention]) -> list[EntityHit]:
    """Give an uncoded actor-like entity the code of the role mention that covers it, and an
    entity coded with a bare country the role it names itself ("the Russian Defense
    Ministry" -> RUSMIL; "North Korean" in "North Korean troops" stays PRK)."""
    out = []
    for hit in entities:
        bare_country = hit.actor is not None and split_code(hit.actor)[1] is None
        if (hit.actor is None or bare_country) and hit.label in ACTOR_LABELS:
            cover = next((m for m in mentions
                          if m.start <= hit.span.start and hit.span.end <= m.end
                          and (hit.actor is None or (m.code.startswith(hit.actor)
                                                     and m.end <= hit.span.end))), None)
            if cover is not None:
                hit = EntityHit(hit.span, hit.label, cover.code)
        out.append(hit)
    return out


def _role_at(doc: Doc, i: int, book: ActorDictionary) -> tuple[int, Role] | None:
    token = doc[i]
    if token.pos_ not in ("NOUN", "PROPN", "ADJ") or (
            token.lower_ not in book.role_starts and token.lemma_.lower() not in book.role_starts):
        return None
    for length in range(min(book.max_role_len, len(doc) - i), 0, -1):
        tokens = doc[i:i + length]
        # lemmas catch plurals ("troops"); the lower-cased words catch lemmatizer slips
        # ("media" -> "medium")
        for key in (tuple(t.lemma_.lower() for t in tokens), tuple(t.lower_ for t in tokens)):
            role = book.roles.get(key)
            if role is not None:
                return length, role
    return None


def _qualifier(token: Token, owner: dict[int, EntityHit]) -> EntityHit | None:
    """The coded entity that says whose this role is: a modifier, possessor or 'of' object."""
    heads = [token]
    if token.dep_ in ("compound", "amod") and token.head.i != token.i:
        heads.append(token.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in QUALIFIER_DEPS and child.i in owner:
                return owner[child.i]
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in owner:
                        return owner[obj.i]
    return None
