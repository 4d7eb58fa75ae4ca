"""Build wirewatch's Phoenix-derived actor tables from the PETRARCH2 dictionaries.

Reads the Phoenix dictionaries (Open Event Data Alliance, openeventdata/petrarch2, MIT
licence) and writes two tables into ``src/wirewatch/resources/``:

- ``phoenix_actors.tsv``: named people, armed groups, parties, agencies and international
  organisations with their aliases and dated CAMEO codes (one row per dated role);
- ``agents.tsv``: role nouns ("soldier", "riot police") with their CAMEO sector code, read
  after ``roles.tsv`` (which wins where both list a phrase).

Only facts are taken (names, aliases, dates, codes); names are recased from the dictionaries'
ALL CAPS to the way news copy writes them. What is dropped, and why:

- country blocks (a bare country code such as ``[AFG]``): ``countries.tsv`` already names
  countries, and their Phoenix aliases include cities and provinces, which are places;
- multinational companies (``MNC`` codes, ~4,400 names): not political actors, and they would
  slow loading for nothing in conflict and political news;
- codes whose first three letters are neither a country in ``countries.tsv`` nor an
  organisation prefix (IGO, NGO, IMG): regional pseudo-codes such as ``KKL`` or ``SAS``;
- names and aliases of fewer than 3 letters, and aliases with a comma or a quotation mark;
- aliases that begin with a title or a nationality ("PRESIDENT_YELTSIN",
  "RUSSIAN_FOREIGN_MINISTER_LAVROV"): the coder reads titles and nationalities itself, and
  such an alias would swallow them into the person's name; also possessive phrases
  ("SYRIA'S_GOVERNMENT"), which the role nouns handle;
- single-word aliases that are common English words (Zipf frequency >= 4.5 in wordfreq:
  "Brown", "Rice", "May"), which would turn ordinary words into actors;
- a surface form claimed by two blocks with different countries (two ministers who share a
  name): neither reading can be trusted without more context;
- agents whose code is not one of wirewatch's role codes (religions, ethnic groups), agents
  that are single common words with a more frequent non-role sense (listed in AMBIGUOUS_AGENTS
  below), agents that would code people by immigration status (UNCODED_AGENTS), and agent
  phrases with substitution markers other than ``!PERSON!``.

Dates: ``yymmdd`` years above 15 are read as 19yy, others as 20yy (the dictionaries stop in
2015); ``>date`` (from a date, no end) for a person ends at SNAPSHOT, the day the
dictionaries were last revised, since whether the person still holds the office after it is
unknown (newer roles are in the curated ``leaders.tsv`` and ``actors.tsv``, which take
precedence). Undated codes next to dated ones are the person's code outside those dates.

Run: ``.venv/bin/python scripts/build_actors.py [PHOENIX_DIR]`` (default
``../shared/lexicons/phoenix``).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "src" / "wirewatch" / "resources"
DEFAULT_SOURCE = ROOT.parent / "shared" / "lexicons" / "phoenix"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
SNAPSHOT = date(2015, 6, 30)
ORG_PREFIXES = ("IGO", "NGO", "IMG")
COMMON_ZIPF = 4.5
MIN_LETTERS = 3
# Codes the dictionaries use where wirewatch follows another convention.
RENAMED = {"IMGMUSISI": "IMGISL", "IMGMUSISL": "IMGISL"}
# Countries the dictionaries code otherwise than countries.tsv (Kosovo: KSV there, XKX here).
RENAMED_COUNTRIES = {"KSV": "XKX"}
# Words news copy keeps in lower case inside a name.
PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "bint", "ibn",
                       "de", "da", "del", "della", "der", "den", "des", "di", "do", "dos",
                       "du", "la", "le", "van", "von", "ul", "ud", "wa", "wal", "y", "e",
                       "of", "the", "and", "for", "in", "on", "to", "fi", "an", "a"})
ROMAN = re.compile(r"^(?=[IVXL]+$)X{0,3}(IX|IV|V?I{0,3})$")
# Words that open an alias naming a title, not the person ("PRESIDENT_YELTSIN").
TITLE_WORDS = frozenset({
    "president", "prime", "premier", "minister", "foreign", "defense", "defence", "interior",
    "ambassador", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "secretary",
    "secretary-general", "general", "gen", "gen.", "king", "queen", "prince", "princess",
    "sheikh", "sheik", "emir", "sultan", "chancellor", "chief", "leader", "former", "senator",
    "sen.", "rep.", "governor", "gov.", "mayor", "colonel", "col.", "lt.", "major", "maj.",
    "commander", "marshal", "admiral", "adm.", "vice", "deputy", "speaker", "spokesman",
    "envoy", "party", "opposition", "rebel", "moscow", "un", "u.n.", "united", "head",
    "crown", "pope", "cardinal", "archbishop", "bishop", "rev.", "ayatollah", "mullah"})
# Single-word agents with a more frequent sense than the role ("party" is also a celebration,
# "force" a physical one that the role table already lists, "cabinet" furniture, "prison" the
# place one is sent to).
AMBIGUOUS_AGENTS = frozenset({
    "boss", "business", "employer", "bargainer", "cabinetmaker", "airway", "aerospace",
    "party", "member", "state", "house", "board", "bank", "body", "staff", "side", "camp",
    "guard", "unit", "wing", "cell", "ring", "gang", "mob", "crowd", "people", "person", "man",
    "deputy", "woman", "men", "women", "group", "organization", "organisation", "association",
    "agency", "office", "bureau", "department", "division", "service", "services",
    "administration", "minister", "ministry", "source", "sources", "expert", "analyst",
    "observer", "official", "officials", "press", "paper", "post", "times", "bar", "chair",
    "head", "chief", "director", "manager", "executive", "owner", "worker", "host",
    "father", "mother", "brother", "sister", "son", "daughter", "child", "children", "family",
    "elder", "youth", "student", "teacher", "driver", "passenger", "victim", "resident",
    "citizen", "national", "native", "public", "population", "majority", "minority",
    "conservative", "liberal", "moderate", "radical", "left", "right", "center", "centre",
    "independent", "green", "red", "white", "black", "blue", "order", "law", "justice",
    "court", "media", "general", "major", "captain", "private", "marshal",
    "commander", "colonel", "lieutenant", "sergeant", "corporal", "admiral", "cadet",
    "president", "premier", "chancellor", "king", "queen", "prince", "leader", "prison",
    "jail",
})
# Agent phrases that would code people by their immigration status, which is no role in a
# political interaction.
UNCODED_AGENTS = frozenset({"illegal immigrant", "illegal migrant"})


@dataclass
class Block:
    """One dictionary entry: its names and its (possibly dated) codes."""

    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, date | None, date | None]] = field(default_factory=list)
    open_ended: set[int] = field(default_factory=set)
    origin: str = ""
    person: bool = False  # CountryInfo rows are people


def parse_date(text: str) -> date | None:
    text = text.strip()
    try:
        if len(text) == 6:
            yy = int(text[:2])
            return date(1900 + yy if yy > 15 else 2000 + yy, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return None


CODE = re.compile(r"\[([A-Z~]+)((?:\s+[<>]?\d+(?:-\d+)?)?)\s*\]")


def parse_codes(text: str, block: Block) -> None:
    for match in CODE.finditer(text):
        code, dates = match.group(1), match.group(2).strip()
        start = end = None
        if dates.startswith(">"):
            start = parse_date(dates[1:])
            block.open_ended.add(len(block.codes))
        elif dates.startswith("<"):
            end = parse_date(dates[1:])
        elif "-" in dates:
            first, last = dates.split("-", 1)
            start, end = parse_date(first), parse_date(last)
        block.codes.append((code, start, end))


def read_blocks(path: Path) -> list[Block]:
    """Blocks of an actor file: name lines (and ``+`` aliases) followed by code lines; names
    written one after another without a code share the codes that follow them."""
    blocks: list[Block] = []
    current: Block | None = None
    coded = False
    for raw in read_text(path).splitlines():
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            if current is not None:
                parse_codes(stripped, current)
                coded = True
            continue
        is_alias = stripped.startswith("+")
        name_part = stripped.split("[", 1)[0]
        names = [n for n in re.split(r"\s+\+|^\+", name_part) if n.strip()]
        if not is_alias and (current is None or coded):
            current = Block(origin=path.name)
            blocks.append(current)
            coded = False
        if current is None:
            continue
        current.names.extend(n.strip() for n in names)
        current.person = current.person or "CountryInfo" in comment
        if "[" in stripped:
            parse_codes(stripped[stripped.index("["):], current)
            coded = True
    return blocks


def read_text(path: Path) -> str:
    """The dictionaries are mostly ASCII with some UTF-8 names and a few Latin-1 bytes."""
    data = path.read_bytes()
    return "\n".join(_decode(line) for line in data.split(b"\n"))


def _decode(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def recase_word(word: str, first: bool) -> str:
    if "." in word or ROMAN.match(word) or not any(c in "AEIOUY" for c in word):
        return word  # "U.S.", "II", "PKK"
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        low = part.lower()
        if low in PARTICLES and (i < len(parts) - 1 or not first) and len(parts) > 1:
            out.append(low)  # "al-Assad", "Harakat ul-Mujahidin"
        elif low in PARTICLES and not first and len(parts) == 1:
            out.append(low)
        elif low.startswith("mc") and len(low) > 3:
            out.append("Mc" + low[2:].capitalize())
        elif "'" in low:
            head, _, tail = low.partition("'")
            out.append(head.capitalize() + "'" + (tail.capitalize() if len(head) == 1
                                                  else tail))
        else:
            out.append(low.capitalize())
    return "-".join(out)


def news_case(raw: str) -> tuple[str, list[str]]:
    """``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` -> ("Aden Abyan Islamic Army", ["AAIA"])."""
    acronyms = [a.strip("_ ") for a in re.findall(r"\(([^)]*)\)", raw)]
    text = re.sub(r"\([^)]*\)", " ", raw).replace("_", " ")
    words = text.split()
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]  # "THE_ISLAMIC_STATE": the article is not part of the name
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isalpha():
        return words[0], acronyms  # "ISIL", "PKK"
    name = " ".join(recase_word(w, i == 0) for i, w in enumerate(words))
    return name, [a for a in acronyms if a.isalpha() and len(a) <= 8]  # not "(SOUTH_AFRICA)"


def letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def usable(surface: str, nationals: frozenset[str]) -> bool:
    if letters(surface) < MIN_LETTERS or any(c in surface for c in ",\"") \
            or "'s " in surface.lower() + " ":
        return False
    words = surface.split()
    first = words[0].lower()
    if first in TITLE_WORDS or first in nationals:
        return False
    if len(words) == 1 and not surface.isupper() \
            and zipf_frequency(surface.lower(), "en") >= COMMON_ZIPF:
        return False
    return not (len(words) == 1 and surface.isupper() and surface.lower() in PARTICLES)


def country_codes() -> tuple[set[str], frozenset[str]]:
    """Known countries and the lower-cased country names and demonyms (an alias opening with
    one is a title phrase: "RUSSIAN_PRESIDENT_YELTSIN")."""
    codes, words = set(), set()
    for row in read_tsv(RESOURCES / "countries.tsv"):
        codes.add(row["code"])
        for value in (row["names"], row["demonyms"]):
            for v in value.replace(",", "|").split("|"):
                if v.strip() and " " not in v.strip():
                    words.add(v.strip().lower())
    return codes, frozenset(words)


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def normal_code(code: str, countries: set[str]) -> str | None:
    code = RENAMED.get(code, code)
    code = RENAMED_COUNTRIES.get(code[:3], code[:3]) + code[3:]
    if code[:3] in ORG_PREFIXES:
        if code[:3] == "IMG" and len(code) > 6:
            return "IMG" + code[-3:]  # IMGMUSALQ -> IMGALQ: the group, not its religion
        return code[:6] if len(code) >= 6 else None
    if code[:3] in countries:
        return code[:6]
    return None


def actor_rows(source: Path) -> tuple[list[list[str]], dict[str, int]]:
    countries, nationals = country_codes()
    dropped: dict[str, int] = defaultdict(int)
    kept: list[tuple[str, str, list[str], list[tuple[str, str, str]]]] = []
    for filename in ACTOR_FILES:
        for block in read_blocks(source / filename):
            if not block.codes or not block.names:
                dropped["no code"] += 1
                continue
            codes = []
            for i, (code, start, end) in enumerate(block.codes):
                if code.startswith("MNC"):
                    dropped["multinational company"] += 1
                    codes = []
                    break
                if len(code) == 3 and code in countries and len(block.codes) == 1:
                    dropped["country block"] += 1
                    codes = []
                    break
                fixed = normal_code(code, countries)
                if fixed is None:
                    continue
                if i in block.open_ended and fixed[:3] not in ORG_PREFIXES:
                    end = SNAPSHOT if start is None or start < SNAPSHOT else None
                codes.append((fixed, start.isoformat() if start else "",
                              end.isoformat() if end else ""))
            if not codes:
                dropped["unknown or dropped code"] += 1
                continue
            surfaces: list[str] = []
            for raw in block.names:
                name, acronyms = news_case(raw)
                for surface in [name, *acronyms]:
                    if usable(surface, nationals):
                        if surface not in surfaces:
                            surfaces.append(surface)
                    else:
                        dropped["unusable name or alias"] += 1
            if not surfaces:
                continue
            label = "PERSON" if block.person else "ORG"
            kept.append((label, surfaces[0], surfaces[1:], codes))
    # surfaces claimed by blocks of different countries are ambiguous: drop them
    owners: dict[str, set[str]] = defaultdict(set)
    for _, name, aliases, codes in kept:
        for surface in [name, *aliases]:
            owners[surface.lower()].update(c[:3] for c, _, _ in codes)
    rows = []
    for label, name, aliases, codes in kept:
        surfaces = [s for s in [name, *aliases] if len(owners[s.lower()]) == 1]
        dropped["ambiguous surface"] += len([name, *aliases]) - len(surfaces)
        if not surfaces:
            continue
        for code, start, end in codes:
            rows.append([surfaces[0], code, label, "|".join(surfaces[1:]), start, end])
    return rows, dropped


def agent_rows(source: Path) -> tuple[list[list[str]], dict[str, int]]:
    roles = {row["code"] for row in read_tsv(RESOURCES / "role_codes.tsv")}
    known = {row["phrase"].lower() for row in read_tsv(RESOURCES / "roles.tsv")}
    dropped: dict[str, int] = defaultdict(int)
    rows: dict[str, str] = {}
    text = read_text(source / AGENT_FILE)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        match = re.match(r"^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not match:
            continue
        phrase, code = match.group(1).strip(), match.group(3)
        role = code[:3]
        if role not in roles or role in ("ELI", "IGO"):
            dropped["role code wirewatch does not use"] += 1
            continue
        phrases = [phrase.replace("!PERSON!", f"_{p}")
                   for p in ("MAN", "WOMAN", "PERSON")] if "!PERSON!" in phrase else [phrase]
        for item in phrases:
            words = item.replace("_", " ").lower().split()
            text_phrase = " ".join(words)
            if "!" in item or any(ch.isdigit() for ch in item) or not words \
                    or letters(text_phrase) < MIN_LETTERS:
                dropped["markers or too short"] += 1
            elif text_phrase in known or text_phrase in rows:
                dropped["already listed"] += 1
            elif text_phrase in UNCODED_AGENTS:
                dropped["immigration status"] += 1
            elif len(words) == 1 and (text_phrase in AMBIGUOUS_AGENTS
                                      or zipf_frequency(text_phrase, "en") >= 5.0):
                dropped["ambiguous single word"] += 1
            else:
                rows[text_phrase] = role
    return [[p, r, "noun"] for p, r in sorted(rows.items())], dropped


HEADER_ACTORS = """\
# Named actors from the Phoenix/PETRARCH2 dictionaries: people with dated CAMEO codes (one row
# per role; start/end empty: open), armed groups, parties, agencies and international
# organisations, with aliases. A person outside every dated role is coded as a former leader
# (country + ELI). Names are recased from the dictionaries' capitals; dropped entries are
# listed in scripts/build_actors.py. The curated leaders.tsv and actors.tsv win over a name
# listed here.
# Source: Phoenix.Countries/International/MilNonState.actors.txt of the PETRARCH2 coder
# (Open Event Data Alliance, github.com/openeventdata/petrarch2 @ 676801c), MIT licence,
# Copyright (c) 2014 Open Event Data Alliance. Built by scripts/build_actors.py; do not edit
# by hand: change the script and rebuild.
"""

HEADER_AGENTS = """\
# Role nouns ("agents") mapped to CAMEO sector codes, all of kind "noun" (a role that needs a
# country qualifier: "Iraqi special forces" -> IRQMIL). Read after roles.tsv, which wins.
# Source: Phoenix.agents.txt of the PETRARCH2 coder (Open Event Data Alliance,
# github.com/openeventdata/petrarch2 @ 676801c), MIT licence, Copyright (c) 2014 Open Event
# Data Alliance. Built by scripts/build_actors.py (ambiguous and unused codes dropped, listed
# there); do not edit by hand.
"""


def write(path: Path, header: str, columns: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(header)
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    actors, dropped_actors = actor_rows(source)
    write(RESOURCES / "phoenix_actors.tsv", HEADER_ACTORS,
          ["name", "code", "label", "aliases", "start", "end"], actors)
    agents, dropped_agents = agent_rows(source)
    write(RESOURCES / "agents.tsv", HEADER_AGENTS, ["phrase", "role", "kind"], agents)
    print(f"phoenix_actors.tsv: {len(actors)} rows; dropped {dict(dropped_actors)}")
    print(f"agents.tsv: {len(agents)} rows; dropped {dict(dropped_agents)}")


if __name__ == "__main__":
    main()
