"""Toponyms and where they are: entity spans resolved offline against GeoNames.

Resolution is its own function (a name plus the article's context -> a place), so spans
found by anyone can be resolved. Candidates are weighed by population, feature class, the
other places the article names and the country it reports from. A name that cannot be
resolved keeps its span with null coordinates and never removes the others.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Span

from ..resources import bundled_table
from .annotations import ActorMention, EntityHit, PlaceHit, split_code
from .gazetteer import Candidate, Gazetteer, fold, open_gazetteer
from .spans import doc_text

TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
DEMONYM_LABELS = frozenset({"NORP"})  # "Russian forces", "Japanese officials"
ORGANISATION_LABELS = frozenset({"ORG"})  # "Oakland Police Department", "the Washington Post"
ORGANISATION_PLACE_TOKENS = 4  # the longest place name read inside an organisation's name
# A town this large is a place in an organisation's name on its own ("University of
# Chicago"); a smaller one ("Commerce" in "Chamber of Commerce", "Story" in "Story Elementary
# School") only with its first-order region among the article's other places.
LARGE_TOWN = 50_000
# A dateline opens a report with its place in capitals: "KYIV, Ukraine (AP) —",
# "VANCOUVER, B.C. --", "MOSCOW, Oct. 3 (Reuters) -".
_DATELINE = re.compile(r"\s*(?P<name>[A-Z][A-Z'’.-]*(?:[ ][A-Z][A-Z'’.-]*){0,3})"
                       r"(?=\s*(?:,|\(|—|–|--|-\s))")
FEATURE_PRIOR = {"country": 3.0, "adm1": 1.5, "region": 0.5, "city": 0.0, "physical": 8.0}
POPULATION = 1.0  # weight of log10(population)
CONTEXT_COUNTRY = 4.0
CONTEXT_ADMIN1 = 5.0
ADMIN1_SATURATION = 1.0  # region mentions beyond this many add nothing more
HOME_COUNTRY = 1.5
SURE_MARGIN = 2.0  # a reading this far ahead of the next counts fully as context
UNSURE_WEIGHT = 0.3  # what a closer call counts for
QUALIFIED = 6.0  # inside the place named right after it: "Dublin, Ohio"
NEIGHBOURS = 5.0  # another name of the article could lie in the same region
# Other names of the article could lie this close (km): the towns, townships and counties of
# local news cluster ("Huntsville" and "Walker County", Texas). The first such name counts
# NEARBY, each further one NEARBY_DECAY of the one before; chosen on LGL where both halves of
# the corpus agree (see docs/accuracy.md).
NEARBY = 10.0
NEARBY_KM = 60.0
NEARBY_DECAY = 0.5
# A name of a first-order region or a country this populous ("California", "Ohio") is that
# region, whatever towns named so lie near the article's other places.
LARGE_REGION = 1_000_000
PRIMARY_NAME = 2.0
# A region named like a city that holds this share of its people means the city ("Moscow"),
# not a small town of the same name ("Virginia, Minnesota" beside the state).
CITY_SHARE = 0.1
CAPITAL = 4.5  # a national capital is what a bare "Berlin" means in the news
# "Russia's western region", "eastern Ukraine": a part of a country, placed in that country.
DIRECTIONS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)" \
             r"(?:ern)?"
_PART_OF = re.compile(rf"^['’]s\s+(?P<dir>{DIRECTIONS})\s+(?:border\s+)?"
                      r"(?P<part>region|regions|part|parts|provinces?|areas?|border|flank|front)\b",
                      re.IGNORECASE)
# Words that open organisations' names as adjectives though a town or region is named so.
_NO_PLACE_ALONE = re.compile(rf"{DIRECTIONS}|Federal|National|Metro|Superior|Supreme|Central"
                             r"|Providence|Independence", re.IGNORECASE)




@dataclass(slots=True)
class PlaceContext:
    """What the rest of the article says about where it is."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    home_country: str | None = None

    def add(self, candidate: Candidate, weight: float = 1.0) -> None:
        if candidate.country:
            self.countries[candidate.country] += weight
            if candidate.admin1 and candidate.feature in ("adm1", "region", "city"):
                self.admin1[(candidate.country, candidate.admin1)] += weight

    def without(self, candidate: Candidate | None, weight: float = 1.0) -> PlaceContext:
        if candidate is None:
            return self
        other = PlaceContext(self.countries.copy(), self.admin1.copy(), self.home_country)
        other.add(candidate, -weight)
        return other


def world_feature(candidate: Candidate) -> bool:
    """A sea, a strait, a river, a range, a continent or a macro-region ("the Sahel")."""
    return candidate.feature == "physical" or (
        candidate.feature == "region" and candidate.admin1 is None)


def named_like_a_world_feature(rivals: Sequence[Candidate]) -> bool:
    """Among a name's readings, a sea or a macro-region ("Pacific", "Middle East")."""
    return any(world_feature(r) for r in rivals)


def score(candidate: Candidate, context: PlaceContext, rivals: Sequence[Candidate],
          world_namesake: bool) -> float:
    """How likely a reading is, in this context, among its ``rivals``; ``world_namesake``
    says whether one of them is a sea or a macro-region (worked out once per name)."""
    return prior(candidate, rivals) + context_score(candidate, context, world_namesake)


def prior(candidate: Candidate, rivals: Sequence[Candidate]) -> float:
    """What a reading is worth among its ``rivals`` before the article says anything: the
    part of its score that each round of ``resolve_all`` would otherwise work out again."""
    value = POPULATION * math.log10(candidate.population + 1) \
        + FEATURE_PRIOR.get(candidate.feature, 0.0)
    if candidate.primary:
        value += PRIMARY_NAME
    if candidate.capital:
        value += CAPITAL
    if candidate.feature in ("adm1", "region") and any(
            r.feature == "city" and r.country == candidate.country and r.name == candidate.name
            and r.population >= CITY_SHARE * candidate.population for r in rivals):
        value -= 3.0  # "Moscow", "Seoul": the city, not the region around it
    return value


def context_score(candidate: Candidate, context: PlaceContext, world_namesake: bool) -> float:
    """What the article's other places add to a reading."""
    value = 0.0
    # a town named like a sea or a macro-region ("Pacific", "Middle East") needs its own
    # region named in the article: its country's other places are no support for it
    namesake = candidate.feature == "city" and world_namesake
    if candidate.country and context.countries[candidate.country] > 0 and not namesake:
        value += CONTEXT_COUNTRY * min(context.countries[candidate.country], 3) / 3 + 1
    if candidate.country and candidate.admin1 and \
            context.admin1[(candidate.country, candidate.admin1)] > 0:
        value += CONTEXT_ADMIN1 * min(context.admin1[(candidate.country, candidate.admin1)],
                                      ADMIN1_SATURATION) / ADMIN1_SATURATION
    if candidate.country and candidate.country == context.home_country and not namesake:
        value += HOME_COUNTRY
    return value


def clean_name(text: str) -> str:
    """Drop a leading article, a possessive and edge punctuation; keep abbreviation dots."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"['’]s?$", "", text).strip(" ,;:")


@cache
def _facility_kinds() -> tuple[tuple[str, str], ...]:
    """(words, position) of facility_kinds.tsv, the longest words first."""
    rows = bundled_table("facility_kinds.tsv")
    return tuple(sorted(((r["words"], r["position"]) for r in rows), key=lambda r: -len(r[0])))


def lookup(name: str, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """The gazetteer's places of a name; a facility named after its place ("Kharkiv
    International Airport", "Port of Odesa") is at that place, with feature ``facility``."""
    gazetteer = gazetteer or open_gazetteer()
    found = gazetteer.lookup(name)
    if found:
        return found
    for words, position in _facility_kinds():
        if position == "suffix" and name.endswith(" " + words):
            base = name[: -len(words) - 1]
        elif position == "prefix" and name.startswith(words + " "):
            base = name[len(words) + 1:]
        else:
            continue
        if len(base) > 2 and (found := gazetteer.lookup(base)):
            return [replace(c, feature="facility", capital=False) for c in found]
        return []
    return []


def resolve_place(name: str, context: PlaceContext | None = None,
                  gazetteer: Gazetteer | None = None) -> Candidate | None:
    """The most likely place a name refers to, given what the article says around it."""
    gazetteer = gazetteer or open_gazetteer()
    context = context or PlaceContext()
    candidates = lookup(clean_name(name), gazetteer)
    if not candidates:
        return None
    return best_reading(candidates, context)


def best_reading(candidates: Sequence[Candidate], context: PlaceContext) -> Candidate:
    """The highest-scoring of a name's readings, alone in the given context."""
    world = named_like_a_world_feature(candidates)
    return max(candidates, key=lambda c: score(c, context, candidates, world))


def qualified_by(spans: Sequence[tuple[int, int]], text: str) -> dict[int, int]:
    """Pairs written "Dublin, Ohio": toponym i is inside toponym j that follows its comma."""
    starts = {start: j for j, (start, _) in enumerate(spans)}
    pairs = {}
    for i, (_, end) in enumerate(spans):
        for gap in (", ", ","):
            if text.startswith(gap, end) and (j := starts.get(end + len(gap))) is not None:
                pairs[i] = j
                break
    return pairs


def _inside(candidate: Candidate, container: Candidate | None) -> bool:
    if container is None or candidate.country != container.country:
        return False
    return container.feature == "country" or candidate.admin1 == container.admin1


def _neighbours(keys: Sequence[str], cached: dict[str, list[Candidate]]
                ) -> Callable[[str, Candidate], float]:
    """Readings that could lie in one region support each other before any is chosen:
    "Columbus" beside "Muscogee County" is the Columbus that has a Muscogee County in its
    state. A name found in many regions ("Springfield") supports each of them only a little;
    a town is supported only under its own name, and the name of a country or a capital
    ("Russia", "Moscow") is left to the country and the capital unless the article's
    context says otherwise or a county of the article lies close to a namesake town. Names
    whose readings lie close together support each other (``_nearby``); that and a region
    shared count as one piece of evidence, the larger."""
    def named(c: Candidate) -> bool:  # a town under its own name, not a former one
        return bool(c.admin1) and (c.primary or c.feature != "city")

    prominent = {k for k in keys if any(c.feature == "country" or c.capital or world_feature(c)
                                        for c in cached[k])}
    regions = {k: {(c.country, c.admin1) for c in cached[k] if named(c)} for k in keys}
    # a town named like a country or a capital supports only a reading that leads on its
    # own: "Paris" beside "Dallas" confirms Dallas, Texas, but "China" beside "West" is no
    # sign of China and West, both in Texas (a state named so supports as any name does)
    lent = {k: {(c.country, c.admin1) for c in cached[k] if named(c) and c.feature != "city"}
            if k in prominent else regions[k] for k in keys}
    leaders = {k: best_reading(cached[k], PlaceContext()) for k in keys if cached[k]}
    nearby = _nearby(keys, cached, prominent, named, regions)

    def support(key: str, candidate: Candidate) -> float:
        if not named(candidate):
            return 0.0
        if key in prominent:
            return nearby(key, candidate) if candidate.feature == "city" else 0.0
        region = (candidate.country, candidate.admin1)
        lending = regions if candidate == leaders.get(key) else lent
        # a neighbour in the same region and one close by are one piece of evidence
        return max(NEIGHBOURS * max((1 / math.sqrt(len(regions[other])) for other in keys
                                     if other != key and region in lending[other]),
                                    default=0.0), nearby(key, candidate))

    return support


def _county(candidate: Candidate) -> bool:
    """A second-order region ("Henry County"): a region inside a first-order one."""
    return candidate.feature == "region" and bool(candidate.admin1)


def _nearby(keys: Sequence[str], cached: dict[str, list[Candidate]], prominent: set[str],
            named: Callable[[Candidate], bool],
            regions: dict[str, set[tuple[str | None, str | None]]]
            ) -> Callable[[str, Candidate], float]:
    """Readings of different names that lie within NEARBY_KM of each other support each
    other: local news names a town with its neighbours and its county, and a coincidence of
    two namesakes this close is rare. A supporter found in many regions counts less. The name
    of a country or a capital ("Paris", "Athens") takes and lends such support only through a
    county ("Paris" beside "Henry County" is Paris, Tennessee; "Damascus" beside "Washington"
    stays in Syria); the name of a large first-order region or country ("California") takes
    none and lends its towns only to a county."""
    same = {k: fold(k) for k in keys}  # "BELGRADE" and "Belgrade" are one name
    spread = {k: max(1, len(regions[k])) for k in keys}  # the regions a name is found in
    regional = {k for k in keys if any(c.feature in ("adm1", "country")
                                       and c.population >= LARGE_REGION for c in cached[k])}
    cells: dict[tuple[int, int], dict[str, list[Candidate]]] = {}
    for k in keys:
        for c in cached[k]:
            if named(c) and c.lat is not None and c.lon is not None \
                    and (c.feature == "city" or _county(c)):
                cells.setdefault((math.floor(c.lat), math.floor(c.lon)), {}) \
                    .setdefault(k, []).append(c)

    def linked(key: str, other: str, candidate: Candidate, c: Candidate) -> bool:
        if (key in prominent or other in prominent or other in regional) \
                and not (_county(c) or _county(candidate)):
            return False
        return haversine_km(candidate.lat, candidate.lon, c.lat, c.lon) <= NEARBY_KM

    memo: dict[tuple[str, int], float] = {}

    def support(key: str, candidate: Candidate) -> float:
        if (key, id(candidate)) not in memo:
            memo[(key, id(candidate))] = _support(key, candidate)
        return memo[(key, id(candidate))]

    def _support(key: str, candidate: Candidate) -> float:
        if key in regional or candidate.lat is None or candidate.lon is None \
                or not (candidate.feature == "city" or _county(candidate)):
            return 0.0
        y, x = math.floor(candidate.lat), math.floor(candidate.lon)
        found: set[str] = set()
        for dy in (-1, 0, 1):  # a degree is at least NEARBY_KM up to 57 degrees of latitude
            for dx in (-1, 0, 1):
                for other, near in cells.get((y + dy, x + dx), {}).items():
                    if same[other] != same[key] and other not in found \
                            and any(linked(key, other, candidate, c) for c in near):
                        found.add(other)
        weights = sorted((1 / math.sqrt(spread[o]) for o in found), reverse=True)
        return NEARBY * sum(w * NEARBY_DECAY ** i for i, w in enumerate(weights))

    return support


def resolve_all(names: Sequence[str], home_country: str | None = None,
                gazetteer: Gazetteer | None = None, rounds: int = 3,
                qualifiers: dict[int, int] | None = None) -> list[Candidate | None]:
    """Resolve an article's toponyms together: each reading of a distinct name adds its
    country and region to the context of the other names, weighted by how sure it is, and
    the context settles the ambiguous names. A name repeated is one piece of evidence; a
    name qualified in the text ("Paris, Texas") must lie inside its qualifier."""
    gazetteer = gazetteer or open_gazetteer()
    keys = list(dict.fromkeys(clean_name(n) for n in names))
    cached = {k: lookup(k, gazetteer) for k in keys}
    inside: dict[str, list[str]] = {}
    for i, j in (qualifiers or {}).items():
        inside.setdefault(clean_name(names[i]), []).append(clean_name(names[j]))
    chosen: dict[str, tuple[Candidate | None, float]] = {}
    contexts = {k: PlaceContext(home_country=home_country) for k in keys}
    neighbours = _neighbours(keys, cached)
    world = {k: named_like_a_world_feature(cached[k]) for k in keys}
    priors = {(k, i): prior(c, cached[k]) for k in keys for i, c in enumerate(cached[k])}
    for _ in range(rounds):
        for key in keys:
            candidates = cached[key]
            containers = [chosen.get(k, (None, 0))[0] for k in inside.get(key, [])]
            ranked = sorted(((priors[key, i] + context_score(c, contexts[key], world[key])
                              + neighbours(key, c)
                              + QUALIFIED * any(_inside(c, box) for box in containers), c)
                             for i, c in enumerate(candidates)), key=lambda pair: -pair[0])
            if not ranked:
                chosen[key] = (None, 0.0)
                continue
            margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else SURE_MARGIN
            chosen[key] = (ranked[0][1], 1.0 if margin >= SURE_MARGIN else UNSURE_WEIGHT)
        total = PlaceContext(home_country=home_country)
        for candidate, weight in chosen.values():
            if candidate is not None:
                total.add(candidate, weight)
        contexts = {k: total.without(*chosen[k]) for k in keys}
    return [chosen[clean_name(n)][0] for n in names]


@cache
def _locatives() -> frozenset[str]:
    """Prepositions of place at rest ("in", "near"), not of motion ("to", "into")."""
    return frozenset(row["word"] for row in bundled_table("event_arguments.tsv")
                     if row["kind"] == "prep" and row["role"] == "place"
                     and row["word"] not in ("to", "into"))


def places_after_prepositions(entities: list[EntityHit]) -> list[EntityHit]:
    """A name the model read as a person or an organisation is a place when a preposition of
    place stands before it and the gazetteer knows it as a town or region: "in Fargo", "near
    Roswell". Names the actor dictionary codes keep their reading."""
    out = []
    for hit in entities:
        span = hit.span
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        if hit.label in ("PERSON", "ORG") and hit.actor is None and len(span) <= 3 \
                and before in _locatives() and _town(span.text):
            hit = EntityHit(span, "GPE", None)
        out.append(hit)
    return out


BIG_CITY = 300_000
"""People a city must have for its name, read as a person's, to be taken for the city."""


def cities_read_as_people(entities: list[EntityHit]) -> list[EntityHit]:
    """A name the model read as a person is a city when something is done to it or said of it
    (an object: "struck Kharkiv", "shelling of Kyiv and Odesa"), the gazetteer knows a city of
    at least ``BIG_CITY`` people by that name, and no person of the article bears it in a
    longer name ("Lloyd Austin ... met Austin" stays a person)."""
    in_names = {word for hit in entities if hit.label == "PERSON" and len(hit.span) > 1
                for word in hit.span.text.split()}
    out = []
    for hit in entities:
        span = hit.span
        if hit.label == "PERSON" and hit.actor is None and len(span) <= 2 \
                and span.root.dep_ in ("dobj", "pobj", "conj") \
                and not set(span.text.split()) & in_names \
                and _town(span.text, ("city",), BIG_CITY):
            hit = EntityHit(span, "GPE", None)
        out.append(hit)
    return out


def _town(name: str, features: tuple[str, ...] = ("city", "adm1", "region"),
          population: int = 0) -> bool:
    """Whether the gazetteer holds a place of one of ``features``, of at least
    ``population`` people, under ``name`` as its own name."""
    return any(c.primary and c.feature in features and c.population >= population
               for c in open_gazetteer().lookup(name))


def dateline_span(text: str, entities: Sequence[EntityHit]) -> tuple[int, int] | None:
    """The place of an ALL-CAPS dateline that no toponym entity covers, when the gazetteer
    knows it: "KYIV, Ukraine (AP) —" though the model read no place there, or read
    "VANCOUVER" as an organisation."""
    m = _DATELINE.match(text)
    if m is None or len(m["name"].strip(".")) < 3:
        return None
    start, end = m.span("name")
    if any(h.label in TOPONYM_LABELS and h.span.start_char < end and start < h.span.end_char
           for h in entities):
        return None
    if not any(c.feature in ("city", "adm1", "country") and c.primary
               for c in open_gazetteer().lookup(m["name"])):
        return None
    return start, end


@cache
def _organisation_heads() -> frozenset[str]:
    """Head words of organisation names that carry a place (organisation_heads.tsv)."""
    return frozenset(row["word"] for row in bundled_table("organisation_heads.tsv"))


def _place_name(name: str, towns: bool = True) -> bool:
    """A country, region or town the gazetteer holds under this name (a town only under its
    own name; with ``towns`` false only a large one), or a demonym of a country or
    first-order region ("Kenyan")."""
    return any((c.feature != "city" or (c.primary and (towns or c.population >= LARGE_TOWN)))
               and c.feature in ("country", "adm1", "region", "city")
               and (not c.demonym or c.feature in ("country", "adm1"))
               for c in open_gazetteer().lookup(name))


def _head_among(tokens: Span) -> bool:
    heads = _organisation_heads()
    return any(t.lower_.replace("’", "'").rstrip(".") in heads for t in tokens)


def organisation_place(span: Span, surnames: frozenset[str] = frozenset()
                       ) -> tuple[int, int] | None:
    """The characters of the place an organisation's name carries: "Oakland" in "Oakland
    Police Department", "Colorado" in "Colorado State University", "Kenyan" in "Kenyan
    Ministry of Health", "Florida" in "University of Florida". Only a place the gazetteer
    knows with an organisation's head word (organisation_heads.tsv) among the other words;
    a name the article gives a person ("the Clinton Foundation" beside "Bill Clinton") is
    the person's."""
    start = 1 if len(span) > 1 and span[0].lower_ == "the" else 0
    words = span[start:]
    if len(words) < 2 or _place_name(words.text):
        return None  # a place's own name ("Rock Hill"), not an organisation's

    for size in range(min(ORGANISATION_PLACE_TOKENS, len(words) - 1), 0, -1):
        part = words[:size]
        if size > 1 and part[-1].lower_ in ("state", "town", "village"):
            continue  # "Colorado State University", "Groton Town Council": the place's name
        if size == 1 and _NO_PLACE_ALONE.fullmatch(part.text):
            continue  # "Western State Hospital", "Federal Aviation Administration"
        if part[0].is_alpha and (part[0].is_title or part[0].is_upper) \
                and part[-1].whitespace_ and not _head_among(part) \
                and part.text not in surnames and _head_among(words[size:]) \
                and _place_name(part.text):
            return part.start_char, part.end_char
    # "University of Florida", "Hospital of the University of Pennsylvania"
    of = max((t.i for t in words if t.lower_ == "of"), default=None)
    if of is None or of == words.end - 1:
        return None
    at = of + 1 + (span.doc[of + 1].lower_ == "the")
    part = span.doc[at:words.end]
    if 0 < len(part) <= ORGANISATION_PLACE_TOKENS and part[0].is_title \
            and part.text not in surnames and _head_among(span.doc[words.start:of]) \
            and not _head_among(part) and _place_name(part.text, towns=False):
        return part.start_char, part.end_char
    # "Officers of the Oakland Police Department": the organisation after "of"
    return organisation_place(part, surnames) if len(part) < len(words) else None


def demonym_place(name: str) -> Candidate | None:
    """The country or region a demonym or place adjective names ("Russian", "Ohioans"),
    or None for a word the gazetteer holds not as a demonym but as a place's name or another
    name of it: "Christian" is no place, though a county is named so."""
    found = [c for c in open_gazetteer().lookup(clean_name(name))
             if c.demonym and c.feature in ("country", "adm1", "region")]
    return max(found, key=lambda c: (c.feature == "country", c.population), default=None)


def find_places(doc: Doc, entities: Iterable[EntityHit], home_country: str | None
                ) -> list[PlaceHit]:
    """Toponyms among the entities, resolved together; unresolved ones keep their span; an
    ALL-CAPS dateline's place; demonyms and place adjectives as places of feature
    ``demonym`` at their country or region; the place inside an organisation's name
    ("Oakland Police Department") as a place of feature ``organisation``, after those."""
    entities = list(entities)
    text = doc_text(doc)
    offsets = [(h.span.start_char, h.span.end_char) for h in entities
               if h.label in TOPONYM_LABELS]
    actors = [h.actor for h in entities if h.label in TOPONYM_LABELS]
    if (dateline := dateline_span(text, entities)) is not None:
        offsets.insert(0, dateline)
        actors.insert(0, None)
    # places inside organisations' names are listed last
    surnames = frozenset(h.span[-1].text for h in entities if h.label == "PERSON")
    inside = [found for h in entities if h.label in ORGANISATION_LABELS
              and not any(s < h.span.end_char and h.span.start_char < e for s, e in offsets)
              and (found := organisation_place(h.span, surnames)) is not None]
    # the toponyms are read on their own, and the places in names with them: a town in a
    # newspaper's name ("the Washington Post") is no evidence of where the story's places lie
    resolved = resolve_all([text[s:e] for s, e in offsets], home_country,
                           qualifiers=qualified_by(offsets, text)) if offsets else []
    together = offsets + inside
    in_names = resolve_all([text[s:e] for s, e in together], home_country,
                           qualifiers=qualified_by(together, text))[len(offsets):] \
        if inside else []
    hits = []
    for (start, end), actor, candidate in zip(offsets, actors, resolved, strict=True):
        name_end = end
        part = _PART_OF.match(text[end:end + 60])
        country_code, _ = split_code(actor) if actor else (None, None)
        if part and (candidate is None or candidate.feature == "country"):
            # "Russia's western region": in Russia, not a city or a neighbour
            end += part.end()
            name = f"{part['dir'].lower()} {text[start:name_end]}"
            hits.append(PlaceHit(start, end, name,
                                 candidate.country if candidate else country_code,
                                 candidate.lat if candidate else None,
                                 candidate.lon if candidate else None, None, "region"))
        elif candidate is None:
            hits.append(PlaceHit(start, end, None, country_code, None, None, None, None))
        else:
            hits.append(PlaceHit(start, end, candidate.name, candidate.country, candidate.lat,
                                 candidate.lon, candidate.geonameid, candidate.feature))
    # demonyms follow the toponyms, so that what indexes the toponyms keeps its indexes
    hits += [PlaceHit(hit.span.start_char, hit.span.end_char, place.name, place.country,
                      place.lat, place.lon, place.geonameid, "demonym")
             for hit in entities
             if hit.label in DEMONYM_LABELS and (place := demonym_place(hit.span.text))]
    regions = {(c.country, c.admin1) for c in resolved if c is not None and c.admin1}
    hits += [PlaceHit(start, end, place.name, place.country, place.lat, place.lon,
                      place.geonameid, "organisation")
             for (start, end), place in zip(inside, in_names, strict=True)
             if place is not None and (place.feature != "city" or place.population >= LARGE_TOWN
                                       or (place.country, place.admin1) in regions)]
    return hits


def agree_with_places(entities: list[EntityHit], mentions: list[ActorMention],
                      places: list[PlaceHit]) -> tuple[list[EntityHit], list[ActorMention]]:
    """Drop a country's actor code from a name the article places elsewhere: "Georgia" read
    as the US state in an article about Atlanta is not the country Georgia."""
    elsewhere = {(p.start, p.end): p.country for p in places
                 if p.feature in ("adm1", "region", "city") and p.country}
    wrong = [h for h in entities if h.actor and h.actor == split_code(h.actor)[0]
             and elsewhere.get((h.span.start_char, h.span.end_char), h.actor) != h.actor]
    if not wrong:
        return entities, mentions
    spans = {(h.span.start, h.span.end) for h in wrong}
    return ([EntityHit(h.span, h.label, None) if h in wrong else h for h in entities],
            [m for m in mentions if (m.start, m.end) not in spans])


def code_named_organisations(entities: list[EntityHit], mentions: list[ActorMention],
                             places: list[PlaceHit], kinds: Mapping[str, str]
                             ) -> tuple[list[EntityHit], list[ActorMention]]:
    """An organisation named after a place that the article also names as a place, of a
    kind whose sector is clear (``organisation_kinds.tsv``), is of that place's country:
    "Blantyre Girls Primary School" under a BLANTYRE dateline -> MWIEDU ("George Washington
    University" in a story from Cape Town is not in George, South Africa). A name with a
    code keeps it."""
    placed = {p.geonameid for p in places if p.feature != "organisation"}
    inside = [(p.start, p.end, p.country) for p in places if p.feature == "organisation"
              and p.country and p.geonameid is not None and p.geonameid in placed]
    if not inside:
        return entities, mentions
    out, added = [], []
    for hit in entities:
        role = kinds.get(hit.span[-1].lower_) if hit.label == "ORG" and hit.actor is None \
            else None
        country = next((c for start, end, c in inside if hit.span.start_char <= start
                        and end <= hit.span.end_char), None) if role else None
        if country:
            hit = EntityHit(hit.span, hit.label, country + role)
            added.append(ActorMention(hit.span.start, hit.span.end, country + role))
        out.append(hit)
    return out, sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))
