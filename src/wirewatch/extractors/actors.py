"""Entities and CAMEO-style actor codes from a parsed Doc and the actor dictionary.

The dictionary overrides the statistical NER where they disagree (a capital tagged PERSON, a
leader's name cut short); role nouns combine with their country qualifier through the parse
("North Korean troops" -> PRKMIL); national offices without a qualifier belong to the
publisher's country ("the presidential office" in a Seoul wire -> KORGOV).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..errors import ResourceError
from ..resources import bundled_table, read_table
from .annotations import ActorMention, EntityHit, split_code
from .spans import SpanIndex, is_common_word, lower_lemmas, lower_words, token_strings

GOVERNMENT = "GOV"
FORMER_LEADER = "ELI"
OPPOSITION = "OPP"
PRIVATE_SECTORS = frozenset({"CVL"})
# Codes of organisations that belong to no one country: international organisations, NGOs
# and international militant groups (CAMEO's IGO, NGO and IMG).
# Kinds of entry that name a person: their code holds only while they are in office.
PERSON_KINDS = frozenset({"leader", "person"})
# Kinds of entry that name a country and can qualify a role ("Russian" in "Russian Defense
# Ministry"); a named organisation around them is read through them only by its role or kind.
COUNTRY_KINDS = frozenset({"country", "demonym", "capital"})
# Words inside a name that the dictionary matches without regard to their case.
NAME_PARTICLES = frozenset({"al", "el", "bin", "bint", "ibn", "de", "da", "del", "der", "van",
                            "von", "du", "la", "le", "of", "the", "and", "for", "in", "on",
                            "ul", "wa", "y", "-", "'", "’", "."})
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
# Each token's lower-cased lemma, lower-cased text and part of speech, read once per Doc.
Words = tuple[list[str], list[str], list[str]]
# Roles that, unqualified, belong to the country the article is about ("authorities said").
# Unaligned armed forces ("gunmen", "militias") are of the place too, as CAMEO codes them.
STATE_OFFICES = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY"})
LOCAL_ROLES = frozenset({"GOV", "COP", "JUD", "LEG", "CVL", "OPP", "LAB", "EDU", "REB", "MED",
                         "UAF", "CRM"})
FOCUS_MIN = 3
# A surname read after a title has at least this many letters ("President Mugabe").
SURNAME_MIN = 3
# A one-word organisation name of the Phoenix tables this long or shorter may be an acronym
# the tables recased ("Unhcr"): it also matches in capitals.
ACRONYM_MAX = 7
FOCUS_SHARE = 0.5
# After a noun of kind "stance", these make it the act of opposing, not the party.
STANCE_PREPS = frozenset({"to", "from", "against"})
QUALIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary reading of a surface form."""

    code: str
    label: str
    kind: str  # country, demonym, capital, named, leader (curated), person (from Phoenix)
    name: str
    country: str | None
    start: date | None = None
    end: date | None = None
    short: bool = False  # a short form such as a surname
    needs_country: bool = False  # taken only where the article names the country too

    def in_office(self, on: date | None) -> bool:
        """Whether this reading holds on the date (a role, a group's status, an office)."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    kind: str  # noun, office, title, group, local, stance


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
    folded: set[str] = field(default_factory=set)
    """Surfaces matched without regard to case (multi-word names from the large tables)."""
    kind_roles: dict[str, str] = field(default_factory=dict)
    """Head words that say what kind of organisation a name is ("Post" -> MED)."""
    former: dict[str, str] = field(default_factory=dict)
    """Words that make a role's holder a former office holder ("former", "ex-"), and the
    role code such a holder takes."""
    foreign: set[str] = field(default_factory=set)
    """Words that make a local role another country's ("foreign troops")."""
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    """The people of the tables by the last word of their name, for a surname after a
    title ("President Mugabe")."""

    def add(self, surface: str, entry: Entry) -> None:
        self.entries.setdefault(surface, []).append(entry)

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
            book._add_surname(full)
            for alias in _split(row["aliases"]):
                short = len(alias.split()) == 1 and alias.upper() != alias
                book.add(alias, Entry(full.code, "PERSON", "leader", row["name"], full.country,
                                      start, end, short))
        for row in bundled_table("actors.tsv"):
            _add_named(book, row, "actors.tsv")
        curated = set(book.named)
        book._add_large_table("phoenix_actors.tsv")
        for row in bundled_table("roles.tsv"):
            if row["kind"] == "former":
                book.former[row["phrase"].lower()] = row["role"]
                continue
            if row["kind"] == "foreign":
                book.foreign.add(row["phrase"].lower())
                continue
            book.roles[tuple(row["phrase"].lower().split())] = Role(row["role"], row["kind"])
            if row["kind"] == "group" and row["role"] not in curated:
                # a code many organisations share is named by its kind, not by the first
                # of them ("human rights group", not "Aapso")
                book.named[row["role"]] = row["phrase"]
                curated.add(row["role"])
        # "European leaders", "African officials": of a continent, so not the story country's
        book.foreign.update(row["demonym"].lower()
                            for row in bundled_table("continent_demonyms.tsv"))
        for row in bundled_table("agents.tsv"):  # the generated table never overrides
            book.roles.setdefault(tuple(row["phrase"].lower().split()),
                                  Role(row["role"], row["kind"]))
        book.kind_roles = {row["word"].lower(): row["role"]
                           for row in bundled_table("organisation_kinds.tsv")}
        book.role_starts = frozenset(key[0] for key in book.roles)
        book.max_role_len = max(len(key) for key in book.roles)
        book.role_names = {row["code"]: row["name"] for row in bundled_table("role_codes.tsv")}
        book.publishers = {row["name"].lower(): row["country"] or None
                           for row in bundled_table("publishers.tsv")}
        replaced: set[str] = set()
        for path in extra_files:
            rows = read_table(path)
            if rows and not {"name", "code", "label"} <= set(rows[0]):
                raise ResourceError(f"{path}: an actor file needs the columns name, code, label")
            for row in rows:
                for surface in [row["name"], *_split(row.get("aliases")),
                                *_split(row.get("short"))]:
                    if surface not in replaced:  # the user's rows replace bundled readings
                        book.entries.pop(surface, None)
                        replaced.add(surface)
                _add_named(book, row, str(path))
        return book

    def _add_surname(self, entry: Entry) -> None:
        words = entry.name.split()
        if len(words) > 1 and len(words[-1]) >= SURNAME_MIN and words[-1][:1].isupper():
            self.surnames.setdefault(words[-1], []).append(entry)

    def surname_reading(self, surname: str, on: date | None) -> Entry | None:
        """The person a titled surname names: the one of that surname in office on the date,
        else the latest reading of the one person of that surname, or of several who all
        belong to one country; none where the surname is shared across countries."""
        people: dict[str, list[Entry]] = {}
        for entry in self.surnames.get(surname, ()):
            people.setdefault(entry.name, []).append(entry)
        if on is not None:
            serving = [e for entries in people.values() for e in entries
                       if e.in_office(on) and e.dated]
            if len({e.code for e in serving}) == 1:
                return serving[0]
        if len({e.country for entries in people.values() for e in entries}) != 1:
            return None
        readings = [r for entries in people.values() if (r := _choose(entries, on))]
        return max(readings, key=lambda e: e.start or date.min) if readings else None

    def _add_large_table(self, name: str) -> None:
        """A generated table (people with dated roles, groups, organisations): its names
        never replace a curated one, multi-word names match in any case, and a single-word
        alias (a surname, an acronym) needs the context a short form needs."""
        curated = {surface.lower() for surface in self.entries}
        for row in bundled_table(name):
            code = row["code"]
            country, _ = split_code(code)
            kind = "person" if row["label"] == "PERSON" else "named"
            start, end = _date(row["start"], name), _date(row["end"], name)
            # the large table's people include many common names ("Abdul Qadir"): one
            # counts only in an article that names their country
            needs_country = kind == "person" and country is not None
            full = Entry(code, row["label"], kind, row["name"], country, start, end, False,
                         needs_country)
            if kind == "named":
                self.named.setdefault(code, row["name"])
            else:
                self._add_surname(full)
            surfaces = [row["name"], *_split(row["aliases"])]
            upper = row["name"].upper()
            if kind == "named" and len(row["name"]) <= ACRONYM_MAX and upper != row["name"] \
                    and " " not in row["name"]:
                # the dictionaries write names in capitals: "Unhcr" is also "UNHCR"
                surfaces.insert(1, upper)
            short_entry = None
            for i, surface in enumerate(surfaces):
                if surface.lower() in curated:
                    continue
                single = " " not in surface and "-" not in surface
                if single and ((i > 0 and surface != upper) or kind == "person"):
                    short_entry = short_entry or Entry(code, row["label"], kind, row["name"],
                                                       country, start, end, True, needs_country)
                    self.add(surface, short_entry)
                else:
                    self.add(surface, full)
                if not single:
                    self.folded.add(surface)

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

    def phrase_matcher(self, nlp: Language) -> NameMatcher:
        """A matcher over every surface, built once per pipeline."""
        return NameMatcher(nlp, self.entries, self.folded)


class NameMatcher:
    """Finds every dictionary surface in a Doc: exact spelling through a PhraseMatcher, and
    the multi-word names of the named-actor tables in any case ("al-Shabab", "Al-Shabab")
    through a hash of their lower-cased words, longest name first at each token.

    The tens of thousands of table names are split into words with the tokenizer's rules for
    names (spaces, hyphens and slashes between letters, edge punctuation) rather than by the
    tokenizer itself: building a Doc per name would cost seconds at start-up.
    """

    def __init__(self, nlp: Language, entries: dict[str, list[Entry]],
                 folded: set[str]) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.exact_keys: dict[tuple[str, ...], str] = {}
        surfaces = [s for s in entries if s not in folded]
        docs = list(nlp.tokenizer.pipe(surfaces))
        for surface, doc in zip(surfaces, docs, strict=True):
            self.exact_keys.setdefault(tuple(t.text for t in doc), surface)
        self.exact.add("EXACT", docs)
        self.lower_keys: dict[tuple[str, ...], str] = {}
        self.longest: dict[str, int] = {}
        for surface in entries:
            if surface in folded:
                words = tuple(_fold(w) for w in name_words(surface))
                self.lower_keys.setdefault(words, surface)
                self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))

    def __call__(self, doc: Doc) -> list[Span]:
        """Every match as a span labelled with its surface (overlaps kept)."""
        spans = []
        for _, start, end in self.exact(doc):
            surface = self.exact_keys.get(tuple(t.text for t in doc[start:end]))
            if surface is not None:
                spans.append(Span(doc, start, end, label=surface))
        lowers = token_strings(doc, LOWER, _fold)
        for start, word in enumerate(lowers):
            longest = self.longest.get(word)
            if not longest:
                continue
            # every length, not only the longest: "State Department Official" written
            # "a State Department official" is no name, but "State Department" still is
            for end in range(min(len(lowers), start + longest), start, -1):
                surface = self.lower_keys.get(tuple(lowers[start:end]))
                if surface is not None:
                    spans.append(Span(doc, start, end, label=surface))
        return spans


def _fold(word: str) -> str:
    """A word as the any-case matcher compares it: lower case, one kind of apostrophe."""
    return word.lower().replace("’", "'")


_NAME_SPLIT = re.compile(r"(?<=[^\W\d_])([-–/])(?=[^\W\d_])|([(),:;\"])")


def name_words(surface: str) -> list[str]:
    """A name's words as spaCy's tokenizer splits them: on spaces, around a hyphen or slash
    between letters ("al-Shabab" -> al, -, Shabab) and around brackets and commas."""
    words = []
    for chunk in surface.split():
        parts = [w for w in _NAME_SPLIT.split(chunk) if w]
        last = parts[-1] if parts else ""
        if last[-1:] in ("'", "’") or last[-2:-1] in ("'", "’"):
            # a possessive ending is a token of its own: "People's" -> People, 's;
            # "Workers'" -> Workers, '
            if len(last) > 2 and last[-2:].lower() in ("'s", "’s") and last[-3].isalpha():
                parts[-1:] = [last[:-2], last[-2:]]
            elif len(last) > 1 and last[-1] in "'’" and last[-2].isalpha():
                parts[-1:] = [last[:-1], last[-1]]
        words += parts
    return words


def _add_named(book: ActorDictionary, row: dict[str, str], origin: str) -> None:
    """One row of a named-actor table: a person's code holds only while in office; aliases
    in the ``short`` column need context; multi-word names match in any case."""
    code = row["code"].upper()
    country, _ = split_code(code)
    label = row["label"] or "ORG"
    kind = "person" if label == "PERSON" else "named"
    start, end = _date(row.get("start", ""), origin), _date(row.get("end", ""), origin)
    entry = Entry(code, label, kind, row["name"], country, start, end)
    if kind == "named":
        book.named.setdefault(code, row["name"])
    surfaces = [(s, False) for s in [row["name"], *_split(row.get("aliases", ""))]]
    surfaces += [(s, True) for s in _split(row.get("short", ""))]
    for surface, short in surfaces:
        book.add(surface, Entry(code, label, kind, row["name"], country, start, end, short)
                 if short else entry)
        if len(surface.split()) > 1:
            book.folded.add(surface)




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
class ActorContext:
    """What the coder needs to know about the article beyond its text."""

    published: date | None = None
    home_country: str | None = None
    publisher: str | None = None


def find_entities(doc: Doc, book: ActorDictionary, matcher: NameMatcher,
                  context: ActorContext,
                  shouted: Sequence[tuple[int, int]] = (),
                  teams: Sequence[tuple[int, int]] = ()) -> list[EntityHit]:
    """spaCy's entities, corrected and completed by the dictionary, each with its actor;
    a team on a line of scores ("Hamilton 0") is not the place it is named after."""
    team_index = SpanIndex(teams)
    matches = [(span, entry) for span, entry in _dictionary_matches(doc, book, matcher, context)
               if not team_index.overlapping(span.start_char, span.end_char)]
    hits: list[EntityHit] = []
    taken = [False] * len(doc)
    model_ents = [ent for ent in map(_trim, doc.ents) if ent is not None]
    ent_index = SpanIndex([(e.start, e.end) for e in model_ents])
    match_index = SpanIndex([(span.start, span.end) for span, _ in matches])
    shouted_index = SpanIndex(shouted)
    for span, entry in matches:
        around = (model_ents[i] for i in ent_index.overlapping(span.start, span.end))
        container = next((e for e in around if e.label_ in CONTAINER_LABELS
                          and e.start <= span.start and span.end <= e.end
                          and (e.start, e.end) != (span.start, span.end)), None)
        if container is not None and entry.kind not in PERSON_KINDS:
            continue  # the larger named thing wins; its actor is read from inside below
        hits.append(EntityHit(span, entry.label, _entry_code(entry, context)))
        for i in range(span.start, span.end):
            taken[i] = True
    for ent in model_ents:
        if any(taken[i] for i in range(ent.start, ent.end)):
            continue
        actor = None
        if ent.label_ in ACTOR_LABELS:
            inner = [(s, e) for s, e in (matches[i] for i in match_index.overlapping(
                ent.start, ent.end)) if ent.start <= s.start and s.end <= ent.end
                     and ent.label_ not in PLACE_LABELS]
            if inner:
                actor = _read_inside(ent, inner, book, context)
            elif ent.label_ == "PERSON" and _after_title(ent, book):
                # "President Mugabe": a surname the tables know after a title, unless the
                # given name says it is someone else ("Attorney General Maria Consuelo
                # Porras" is not Gisela Alvarez de Porras)
                entry = book.surname_reading(ent[-1].text, context.published)
                if entry is not None and len(ent) > 1 \
                        and ent[0].lower_ != entry.name.split()[0].lower():
                    entry = None
                actor = _entry_code(entry, context) if entry else None
            elif shouted_index.overlapping(ent.start_char, ent.start_char + 1):
                # a headline's "PUTIN", "BEIJING"; a dateline city stays a place
                entry = _choose(book.entries.get(ent.text.title(), []), context.published)
                actor = _entry_code(entry, context) if entry else None
        hits.append(EntityHit(ent, ent.label_, actor))
    return sorted(hits, key=lambda h: h.span.start)


def _read_inside(ent: Span, inner: list[tuple[Span, Entry]], book: ActorDictionary,
                 context: ActorContext) -> str | None:
    """The actor of a named thing that contains dictionary names, by where they stand in it.

    A known name that opens it, or stands with only common words and its own country around
    it, names it ("Xinhua News Agency", "U.N. Security Council", "U.S. State Department",
    "the Islamic State group"). A country, demonym or capital in a qualifier's place
    (opening the name, or after "of") gives its country, with the sector a kind word makes
    clear ("Phnom Penh Post" -> KHMMED, "University of Nairobi" -> KENEDU, "Chinese
    Communist Party" -> CHN, "Russian Defense Ministry" -> RUS, its role added later). A name
    inside other capitalised words is another organisation that merely bears it ("World
    Uyghur Congress", "Jamestown Foundation", "George Washington University"): no actor.
    """
    covered = {i for span, _ in inner for i in range(span.start, span.end)}
    # a sentence's first word is capitalized whatever it is: "Radical French farmers"
    opening = ent.start + 1 if ent[0].is_sent_start and len(ent) > 1 \
        and ent.start + 1 in covered and is_common_word(ent[0].lower_) else ent.start
    plain = all(t.is_lower or t.i < opening for t in ent if t.i not in covered and t.is_alpha)
    places = [(s, e) for s, e in inner if e.kind in COUNTRY_KINDS]
    for span, entry in inner:
        if entry.kind in COUNTRY_KINDS:
            continue
        if span.start == opening or (plain and all(e.country == entry.country
                                                    for _, e in places)):
            return _entry_code(entry, context)
    kind = book.kind_roles.get(ent[-1].lower_) or book.kind_roles.get(ent[0].lower_)
    for span, entry in places:
        if entry.country is None:
            continue
        if plain:
            return _entry_code(entry, context)
        leading = span.start == opening or ent.doc[span.start - 1].lower_ == "of"
        if leading and kind:
            return entry.country + kind
        if _role_in([t for t in ent if t.i >= span.end], book) or (
                leading and entry.kind != "capital"):
            return entry.country
    return None


def _role_in(words: Sequence[Token], book: ActorDictionary) -> bool:
    """Whether the words end in a role phrase ("Defense Ministry", "Special Forces")."""
    for start in range(len(words)):
        tail = words[start:]
        for key in (tuple(t.lemma_.lower() for t in tail), tuple(t.lower_ for t in tail)):
            if key in book.roles and book.roles[key].kind != "title":
                return True
    return False


def _dictionary_matches(doc: Doc, book: ActorDictionary, matcher: NameMatcher,
                        context: ActorContext) -> list[tuple[Span, Entry]]:
    # "The Kremlin" at a sentence start is the name "Kremlin", as for spaCy's entities
    found = [Span(doc, s.start + 1, s.end, label=s.label_)
             if len(s) > 1 and s[0].text == "The" else s for s in matcher(doc)]
    spans = filter_spans(s for s in found
                         if s.label_ not in book.folded or _written_as_name(s, s.label_))
    readings = {span.label_: _choose(book.entries[span.label_], context.published)
                for span in spans}
    full_names = {entry.name for entry in readings.values() if entry and not entry.short}
    countries = {entry.country for entry in readings.values()
                 if entry and entry.kind in COUNTRY_KINDS}
    model_ent_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    # "Jimmy Lai" is not Lai Ching-te: a surname that another person of the article bears
    # under another given name
    borne = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
             and any(e.short for e in book.entries.get(ent[-1].text, ()))
             and not any(ent[0].text in e.name for e in book.entries.get(ent[-1].text, ()))}
    out = []
    for span in spans:
        entry = readings[span.label_]
        if entry is None or (entry.needs_country and entry.country not in countries
                             and not _after_title(span, book)):
            continue  # a common name needs its country named, or a title before it
        if entry.short and span.label_ in borne and entry.name not in full_names:
            continue
        if entry.short and not (entry.name in full_names or (span.start in model_ent_tokens
                                and (entry.kind == "leader" or entry.country in countries))
                                or _after_title(span, book)):
            # a surname or an acronym alone: only with the full name in the article, or
            # tagged as a name where its country is named too (a curated leader needs no
            # more: the office is current)
            continue
        out.append((span, entry))
    return out


def _written_as_name(span: Span, surface: str) -> bool:
    """A name matched regardless of case must still be written as one: every word the
    dictionary capitalises, bar particles, capitalised in the text ("al-Shabab", "Baloch
    Liberation Army", "Islamic State group"; not "islamic state")."""
    words = name_words(surface)
    return len(words) == len(span) and all(
        t.text[:1].isupper() or not w[:1].isupper() or t.lower_ in NAME_PARTICLES
        or not t.is_alpha for t, w in zip(span, words, strict=True))


def _choose(entries: list[Entry], on: date | None) -> Entry | None:
    """The reading in force on the article's date: places and organisations before people,
    a dated role before an undated one; else, for a person, the last role they held (coded
    as a former leader; nothing before their first). Short forms only for readings in
    force."""
    # an undated reading of a person is what their full name means outside their roles
    current = [e for e in entries if e.in_office(on)
               and not (e.short and e.kind in PERSON_KINDS and not e.dated)]
    if current:
        return min(current, key=lambda e: (e.kind in PERSON_KINDS, not e.dated))
    # not before a first role; a surname alone only where no date could rule it out
    past = [e for e in entries if e.kind in PERSON_KINDS and (not e.short or on is None)
            and (on is None or e.start is None or e.start <= on)]
    return max(past, key=lambda e: e.start or date.min) if past else None


def _entry_code(entry: Entry, context: ActorContext) -> str | None:
    if entry.kind in PERSON_KINDS and not entry.in_office(context.published):
        # a former office holder; one who held only an international office has no country
        return entry.country + FORMER_LEADER if entry.country else None
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
    entities = list(entities)
    coded = [h for h in entities if h.actor]
    # whose a role is may be a person named again by surname ("Berisha's opponents", "Berisha,
    # his wife"): such names, coded only later, qualify roles already here
    surnamed = [h for h in same_person(entities, [])[0] if h.actor and h not in coded]
    owner = {i: h for h in [*coded, *surnamed] for i in range(h.span.start, h.span.end)}
    # "journalist Blessed Mhlanga": the role's person, named right after it
    named = {h.span.root.i: h.span for h in entities if h.label == "PERSON" and not h.actor}
    consumed: set[int] = set()
    mentions: list[ActorMention] = []
    focus: tuple[str] | tuple[()] | None = None  # computed once, when a bare role needs it
    words = (lower_lemmas(doc), lower_words(doc), token_strings(doc, POS, str))
    i = 0
    while i < len(doc):
        found = _role_at(words, i, book)
        if found is None or (i in owner and split_code(owner[i].actor or "")[1]):
            i += 1
            continue
        length, role = found
        if role.kind == "none":
            i += length  # "social media": holds a role's word, names no one
            continue
        last = doc[i + length - 1]
        if role.kind == "stance" and any(c.dep_ == "prep" and c.lower_ in STANCE_PREPS
                                         for c in last.children):
            i += length  # "opposition from China's mission" is the act, not the party
            continue
        # "ambassador to", "embassy in": the role's noun is the word before, and the country
        # after the preposition is where it serves, never whose it is
        posted = last.pos_ == "ADP" and last.head.i >= i
        # a role of several words is qualified on its head word: "U.S. Secretary of State"
        qualifier = _qualifier(last.head if posted else doc[i:i + length].root, owner,
                               local=role.kind != "envoy" and not posted)
        if qualifier is not None and (qualifier.actor or "").startswith("IGO") \
                and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in last.children):
            qualifier = None  # "his U.N. mission": whose the pronoun says, not the U.N.'s
        if qualifier is None and i in owner and _bare_country(owner[i]):
            qualifier = owner[i]  # "the U.S. House of Representatives": the name's country
        if role.kind == "title" and last.head.i in owner:
            # "Chinese leader Xi Jinping": the person carries the code, the title's country
            # qualifier is part of that mention, not an actor of its own
            if qualifier is not None and qualifier is not owner[last.head.i]:
                consumed.add(id(qualifier))
            i += length
            continue
        code = None
        start = i
        if role.kind == "group" and (last.head.i in owner or i + length in owner or any(
                c.dep_ in ("appos", "compound") and c.i in owner for c in last.children)):
            i += length  # "the charity Oxfam": the organisation named carries its own code
            continue
        if role.kind == "group":
            code = role.role  # "rights groups", "Thai aid groups": coded by their kind
        elif qualifier is not None:
            country, sector = split_code(qualifier.actor or "")
            if country and (sector in (None, GOVERNMENT) or role.kind == "kin"
                            or role.role == OPPOSITION):
                # "North Korean troops", "the government's troops", "Alinejad's relatives",
                # and "Berisha's opponents", who are never Berisha
                code = country + role.role
            elif sector:
                # a group's own people are the group: "Hezbollah commanders", "U.N. monitors"
                code = qualifier.actor
            if code and sector not in (None, GOVERNMENT) and code != qualifier.actor:
                pass  # "Berisha's opponents": Berisha stays an actor of his own
            elif code and qualifier in surnamed:
                pass  # the surname becomes a mention of its own later
            elif code:
                start = min(i, qualifier.span.start)
                consumed.add(id(qualifier))
                if qualifier.span.start == i + length:
                    # "the rebel Kurdistan Workers' Party": the role and the name it qualifies
                    length = qualifier.span.end - i
        elif (whose := _pronoun_owner(last, owner)) is not None \
                and split_code(whose.actor or "")[1] in (None, GOVERNMENT) \
                and (country := split_code(whose.actor or "")[0]):
            code = country + role.role  # "the government ordered its military"
        elif role.kind == "office" and context.home_country:
            code = context.home_country + role.role
        elif role.role in STATE_OFFICES and _of_an_uncoded_body(last, entities):
            pass  # "the leader of the Village de Dieu gang" leads the gang, not the country
        elif (role.role in LOCAL_ROLES or role.kind == "local") and role.kind != "envoy" \
                and not posted \
                and not _foreign(doc, i, last, role, book) and not any(
                    c.dep_ in QUALIFIER_DEPS and c.i in owner and _backed(owner[c.i].span)
                    for c in last.children):  # "pro-Palestinian activists": whose, unsaid
            # "authorities", "police", "protesters" with no country named: the article's
            # own country, where one clearly dominates what it names (worked out once: ()
            # when none does)
            if focus is None:
                focus = _focus_country(coded, sum(1 for _ in doc.sents))
            if focus:
                code = focus[0] + role.role
        if code and split_code(code)[1] in STATE_OFFICES \
                and (former := _former(doc, start, book)) is not None:
            code = code[:3] + former  # "the former French foreign minister": no longer in office
        if code:
            end = i + length
            if last.dep_ == "compound" and (person := named.get(last.head.i)) is not None \
                    and person.start == end:
                end = person.end
            mentions.append(ActorMention(start, end, code))
        i += length
    mentions += [ActorMention(h.span.start, h.span.end, h.actor) for h in coded
                 if id(h) not in consumed and not _backed(h.span)]
    return sorted(set(mentions), key=lambda m: (m.start, m.end))


def _of_an_uncoded_body(role: Token, entities: Sequence[EntityHit]) -> bool:
    """Whether the role's "of" phrase names an organisation the dictionaries do not know."""
    return any(t.ent_type_ in ("ORG", "NORP") and not any(
                   h.actor for h in entities if h.span.start <= t.i < h.span.end)
               for c in role.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj" for t in g.subtree)


def _focus_country(coded: Sequence[EntityHit], sentences: int) -> tuple[str] | tuple[()]:
    """The country an article is about: named at least FOCUS_MIN times (in a brief of
    fewer sentences, once a sentence), more often than any other and in at least
    FOCUS_SHARE of its country-coded names; () where none dominates."""
    countries = [c for h in coded if (c := split_code(h.actor or "")[0])]
    if not countries:
        return ()
    ranked = Counter(countries).most_common(2)
    (top, count), runner_up = ranked[0], ranked[1][1] if len(ranked) > 1 else 0
    return (top,) if count >= min(FOCUS_MIN, sentences) and count > runner_up \
        and count >= FOCUS_SHARE * len(countries) else ()


def code_entities(entities: list[EntityHit], mentions: list[ActorMention]) -> list[EntityHit]:
    """Give an uncoded actor-like entity the code of the role mention that covers it, and an
    entity coded with a bare country the role it names itself ("the Russian Defense
    Ministry" -> RUSMIL; "North Korean" in "North Korean troops" stays PRK)."""
    out = []
    index = SpanIndex([(m.start, m.end) for m in mentions])
    for hit in entities:
        bare_country = hit.actor is not None and split_code(hit.actor)[1] is None
        if (hit.actor is None or bare_country) and hit.label in ACTOR_LABELS:
            around = (mentions[i] for i in index.overlapping(hit.span.start, hit.span.end))
            cover = next((m for m in around
                          if m.start <= hit.span.start and hit.span.end <= m.end
                          and (hit.actor is None or (m.code.startswith(hit.actor)
                                                     and m.end <= hit.span.end))), None)
            if cover is not None:
                hit = EntityHit(hit.span, hit.label, cover.code)
        out.append(hit)
    return out


AFFILIATION_PREPS = frozenset({"at", "of", "with", "for"})


def affiliated_people(entities: list[EntityHit], mentions: list[ActorMention]
                      ) -> tuple[list[EntityHit], list[ActorMention]]:
    """A person the tables do not know, described by a role at a coded body ("Heather Barr,
    the associate director at Human Rights Watch", "a spokesman for the Kenyan government"),
    is that body's: the person takes its code, and so do later mentions by surname."""
    coded_at = {i: h.actor for h in entities if h.actor and split_code(h.actor)[1]
                for i in range(h.span.start, h.span.end)}
    coded_at.update({i: m.code for m in mentions if split_code(m.code)[1]
                     for i in range(m.start, m.end)})
    out, added = [], []
    for hit in entities:
        if hit.label == "PERSON" and hit.actor is None:
            body = next((code for role in hit.span.root.children if role.dep_ == "appos"
                         for c in role.children if c.dep_ == "prep"
                         and c.lower_ in AFFILIATION_PREPS
                         for g in c.children if g.dep_ == "pobj"
                         and (code := coded_at.get(g.i))), None) or _titled_by(hit, coded_at) \
                or next((code for role in hit.span.root.children if role.dep_ == "appos"
                         and (code := coded_at.get(role.i))
                         and split_code(code)[1] not in PRIVATE_SECTORS
                         and not any(c.dep_ == "poss" and c.i not in coded_at
                                     for c in role.children)), None)
            # "Richard Armitage, former deputy secretary of state": the office he is given
            # (but "his wife, Liri Berisha" says whose kin she is, not who she is, and of
            # "Doug Ford, Ontario's provincial leader" no table says whose Ontario is)
            if body is not None:
                hit = EntityHit(hit.span, hit.label, body)
                added.append(ActorMention(hit.span.start, hit.span.end, body))
        out.append(hit)
    return out, sorted([*mentions, *added], key=lambda m: (m.start, m.end))


TITLE_WORDS_MAX = 2
"""Common nouns a title may put between a body and a name ("spokesperson", "deputy chief")."""


def _titled_by(hit: EntityHit, coded_at: dict[int, str]) -> str | None:
    """The body a name's title names right before it ("Chinese Foreign Ministry spokesperson
    Mao Ning", "Human Rights Watch researcher …", "U.S. Homeland Security Secretary Kristi
    Noem"): its code, when the body is coded with a sector."""
    if any(i in coded_at for i in range(hit.span.start, hit.span.end)):
        return None  # "Jordan's King Abdullah": the title is the mention already
    span = hit.span
    doc = span.doc
    # the words before the name, each a modifier of the next ("Ministry spokesperson Mao
    # Ning"), not a verb the tagger read as a noun ("the Taliban barring Bennett")
    title = range(span.start, span.end)
    i = span.start - 1
    while i >= 0 and i not in coded_at and doc[i].pos_ == "NOUN" and not doc[i].ent_type_ \
            and doc[i].dep_ == "compound" and doc[i].head.i in title \
            and span.start - i <= TITLE_WORDS_MAX:
        title = range(i, span.end)
        i -= 1
    if i < 0 or i not in coded_at or doc[i].sent.start != span.sent.start:
        return None
    # a body right before the name titles it however the parser hangs it ("special
    # rapporteur Richard Bennett" read as the object of "United Nations-appointed")
    adjacent = i == span.start - 1
    if not adjacent and (doc[i].dep_ not in ("compound", "nmod", "poss")
                         or doc[i].head.i not in title):
        return None
    return coded_at[i]


def same_person(entities: list[EntityHit], mentions: list[ActorMention]
                ) -> tuple[list[EntityHit], list[ActorMention]]:
    """A person named again by surname alone is the person coded earlier ("Zimbabwean
    journalist Blessed Mhlanga" … "police arrested Mhlanga"): the later names take the code,
    where the surname belongs to one coded person of the article."""
    codes: dict[str, set[str]] = {}
    full_names = {_full_name(h.span) for h in entities if h.label == "PERSON" and h.actor}
    # East Asian names put the family name first ("Kim Jong Un" ... "Kim said"): a name
    # alone that opens one person's name, and no one else's, is that person too
    firsts: dict[str, set[str | None]] = {}
    for hit in entities:
        if hit.label == "PERSON" and hit.actor:
            codes.setdefault(_surname(hit.span), set()).add(hit.actor)
        words = [t.text for t in hit.span if t.is_alpha]
        if hit.label == "PERSON" and len(words) > 1:
            firsts.setdefault(words[0], set()).add(hit.actor)
    out, added = [], []
    for hit in entities:
        name = _surname(hit.span)
        # another full name is another person ("Hector Paul Joseph" is not "Arnel Joseph")
        alone = len([t for t in hit.span if t.is_alpha]) == 1 \
            or _full_name(hit.span) in full_names
        found = (codes.get(name) if alone else None) or (
            firsts.get(name, set()) - {None}
            if len(hit.span) == 1 and None not in firsts.get(name, ()) else set())
        # the model may read the name alone as a place or an organisation the second time
        if hit.label in ("PERSON", "ORG", "GPE") and hit.actor is None and len(found) == 1:
            hit = EntityHit(hit.span, "PERSON", next(iter(found)))
            added.append(ActorMention(hit.span.start, hit.span.end, hit.actor))
        out.append(hit)
    return out, sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def _full_name(span: Span) -> str:
    return " ".join(t.text for t in span if t.text not in POSSESSIVE)


def _surname(span: Span) -> str:
    words = [t.text for t in span if t.text not in POSSESSIVE]
    return words[-1] if words else ""


def _foreign(doc: Doc, start: int, last: Token, role: Role, book: ActorDictionary) -> bool:
    """A role the text says is not the country's own ("the foreign military", "international
    forces"), or a word that only describes another noun ("military-led nations", "military
    actions"; but "militant groups" are militants)."""
    return any(c.lower_ in book.foreign for c in last.children if c.i < start) \
        or (start > 0 and doc[start - 1].lower_ in book.foreign) \
        or (last.i + 1 < len(doc) and doc[last.i + 1].text == "-") \
        or (role.role == "MIL" and last.pos_ == "ADJ" and last.dep_ == "amod")


def _former(doc: Doc, start: int, book: ActorDictionary) -> str | None:
    """The role code for a former holder, when a word before the role phrase says so
    ("former", "ex-" with or without its hyphen)."""
    i = start - 1
    if i >= 0 and doc[i].text in ("-", "–"):
        i -= 1
    return book.former.get(doc[i].lower_) if i >= 0 else None


def _role_at(words: Words, i: int, book: ActorDictionary) -> tuple[int, Role] | None:
    lemmas, lowers, poses = words
    # a participle opens only a longer role ("organized crime", "armed group")
    shortest = 2 if poses[i] == "VERB" else 1
    if poses[i] not in ("NOUN", "PROPN", "ADJ", "VERB") or (
            lowers[i] not in book.role_starts and lemmas[i] not in book.role_starts):
        return None
    for length in range(min(book.max_role_len, len(lemmas) - i), shortest - 1, -1):
        # lemmas catch plurals ("troops"); the lower-cased words catch lemmatizer slips
        # ("media" -> "medium"); a phrase's plural is its last word's ("rights groups")
        for key in (tuple(lemmas[i:i + length]), tuple(lowers[i:i + length]),
                    (*lowers[i:i + length - 1], lemmas[i + length - 1])):
            role = book.roles.get(key)
            if role is not None:
                return length, role
    return None


def _bare_country(hit: EntityHit) -> bool:
    country, sector = split_code(hit.actor or "")
    return bool(country) and sector is None


def _pronoun_owner(token: Token, owner: dict[int, EntityHit]) -> EntityHit | None:
    """The coded entity a possessive pronoun on a role noun stands for: the subject of the
    role noun's clause, or that subject's own qualifier ("Putin ordered his army", "the
    Central African government ordered its military")."""
    if not any(c.dep_ == "poss" and c.tag_ == "PRP$" and c.lower_ not in ("my", "our")
               for c in token.children):
        return None
    subject = _clause_subject(token)
    if subject is None:
        return None
    return owner.get(subject.i) or _qualifier(subject, owner)


def _clause_subject(token: Token) -> Token | None:
    """The subject of the verb whose object or complement a noun is, where that subject
    is a noun phrase ("the government" in "the government ordered its military"), else of
    the verb reporting that clause."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    # a clause reported by its speaker: "Syria's authorities said their forces came under
    # attack" speak of their own forces
    for clause in (verb, verb.head) if verb.dep_ == "ccomp" else (verb,):
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < token.i
                        and c.pos_ in ("NOUN", "PROPN")), None)
        if subject is not None:
            return subject
    return None


def _backed(span: Span) -> bool:
    """Whether a name follows "pro-" or "anti-": whom a group backs or opposes, not whose it
    is ("pro-Palestinian activists", "pro-Russian separatists")."""
    doc, start = span.doc, span.start
    return start >= 2 and doc[start - 1].text in ("-", "–") \
        and doc[start - 2].lower_ in ("pro", "anti")


def _qualifier(token: Token, owner: dict[int, EntityHit], local: bool = False
               ) -> EntityHit | None:
    """The coded entity that says whose this role is: a modifier, possessor or 'of' object,
    or, when nothing else says whose and the role is not one held abroad (``local``), an
    'in' object or the country that owns it ("protesters in Baghdad", "forces in Somalia's
    Puntland region")."""
    preps = ("of", "from", "in") if local else ("of", "from")
    heads = [token]
    if token.dep_ in ("compound", "amod") and token.head.i != token.i:
        heads.append(token.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in QUALIFIER_DEPS and child.i in owner \
                    and not _backed(owner[child.i].span):
                return owner[child.i]
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i in owner:
                        return owner[obj.i]
                    if obj.dep_ == "pobj" and child.lower_ == "in" and (place := next((
                            owner[c.i] for c in obj.children if c.dep_ == "poss"
                            and c.i in owner and _bare_country(owner[c.i])), None)):
                        return place
    return None
