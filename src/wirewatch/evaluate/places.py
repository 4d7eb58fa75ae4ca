"""Geoparsing scores over LGL and GeoWebNews XML (told apart by their tags).

Resolution: every gold toponym with coordinates is resolved from its span, in its article's
context (the article's other toponyms), as Mordecai3 reports it: accuracy within 161 km and
median error. Detection: the system's own toponyms against gold spans. End to end: each gold
toponym counts as right only when the system found an overlapping place within 161 km. Both
accuracies are also given by the gold toponym's feature class (from its GeoNames class and
code: country, region, city, physical, facility) and, for GeoWebNews, by its type.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import Counts, ratio

ACCURATE_KM = 161.0
UNRESOLVED_KM = 20037.5  # half the Earth's circumference: a miss is as wrong as can be
GWN_RESOLVED_TYPES = frozenset({"Literal", "Literal_Modifier", "Embedded_Literal", "Coercion",
                                "Mixed", "Metonymic", "Non_Literal_Modifier",
                                "Embedded_Non_Lit"})


# GeoNames feature classes (https://www.geonames.org/export/codes.html) as the classes the
# evaluation reports: A administrative, P populated place, H water, T terrain, V vegetation,
# U undersea, S spot (buildings, facilities), L area (parks, regions, continents).
FEATURE_CLASSES = {"A": "region", "P": "city", "H": "physical", "T": "physical",
                   "V": "physical", "U": "physical", "S": "facility", "L": "region"}


def feature_class(fclass: str | None, fcode: str | None) -> str | None:
    """The reported class of a GeoNames class and code: "PCLI" is a country."""
    if fcode and fcode.startswith("PCL"):
        return "country"
    return FEATURE_CLASSES.get(fclass or "")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    feature_class: str | None = None  # country, region, city, physical, facility
    gwn_type: str | None = None  # GeoWebNews' type ("Literal", "Demonym", …)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def read_geo_corpus(path: Path) -> list[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise InputError(f"{path}: not a readable LGL or GeoWebNews XML file ({err})") from None
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            if t.find("gaztag") is not None:  # LGL
                tag = t.find("gaztag")
                lat, lon = _float(tag.find("lat")), _float(tag.find("lon"))
                phrase = t.findtext("phrase") or text[start:end]
                kind = feature_class(tag.findtext("fclass"), tag.findtext("fcode"))
                gwn_type = None
            else:  # GeoWebNews
                lat, lon = _float(t.find("latitude")), _float(t.find("longitude"))
                kind = feature_class(t.findtext("fclass") or t.findtext("featureClass"),
                                     t.findtext("fcode") or t.findtext("featureCode"))
                gwn_type = t.findtext("type") or None
                if t.findtext("type") not in GWN_RESOLVED_TYPES:
                    lat = lon = None
                phrase = t.findtext("extractedName") or text[start:end]
                if t.findtext("type", "").endswith("Expression") or t.findtext("type") in (
                        "Demonym", "Language", "Homonym", "Non_Toponym"):
                    continue
            toponyms.append(GoldToponym(start, end, phrase, lat, lon, kind, gwn_type))
        articles.append(GoldArticle(text, tuple(toponyms)))
    if not articles:
        raise InputError(f"{path}: no <article> elements")
    return articles


def evaluate_places(data: Path, model: str, limit: int | None = None) -> dict[str, Any]:
    from ..extractors.places import haversine_km, qualified_by, resolve_all
    from ..nlp import EXTENSION, load_pipeline

    articles = read_geo_corpus(data)[:limit]
    errors: list[float] = []
    # per gold toponym with coordinates: (feature class, type, resolved right, end to end right)
    scored: list[tuple[str | None, str | None, bool, bool]] = []
    resolved_right: list[bool] = []
    for article in articles:
        spans = [(t.start, t.end) for t in article.toponyms]
        resolved = resolve_all([t.phrase for t in article.toponyms],
                               qualifiers=qualified_by(spans, article.text))
        for gold, place in zip(article.toponyms, resolved, strict=True):
            if gold.lat is None or gold.lon is None:
                continue
            if place is None or place.lat is None or place.lon is None:
                errors.append(UNRESOLVED_KM)
            else:
                errors.append(haversine_km(gold.lat, gold.lon, place.lat, place.lon))
            resolved_right.append(errors[-1] <= ACCURATE_KM)

    nlp = load_pipeline(model)
    detection = Counts()
    end_to_end = hits = 0
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16),
                            strict=True):
        found = doc._.get(EXTENSION)
        places = found.places if found is not None else []
        detection.add([(p.start, p.end) for p in places],
                      [(t.start, t.end) for t in article.toponyms], strict=True)
        for gold in article.toponyms:
            if gold.lat is None or gold.lon is None:
                continue
            found = [p for p in places if p.start < gold.end and gold.start < p.end
                     and p.lat is not None and p.lon is not None]
            right = bool(found) and haversine_km(gold.lat, gold.lon, found[0].lat,
                                                 found[0].lon) <= ACCURATE_KM
            scored.append((gold.feature_class, gold.gwn_type, resolved_right[hits], right))
            hits += 1
            end_to_end += right
    return {
        "task": "places", "data": str(data), "documents": len(articles),
        "gold_toponyms": int(detection.gold), "resolvable_toponyms": len(errors),
        "detection_precision": detection.precision, "detection_recall": detection.recall,
        "detection_f1": detection.f1,
        "acc_161km": ratio(sum(e <= ACCURATE_KM for e in errors), len(errors)),
        "median_error_km": statistics.median(errors) if errors else 0.0,
        "end_to_end_acc_161km": ratio(end_to_end, hits),
        "by_feature_class": _breakdown(scored, 0),
        "by_gwn_type": _breakdown(scored, 1),
    }


def _breakdown(scored: list[tuple[str | None, str | None, bool, bool]], at: int
               ) -> dict[str, dict[str, float | int]]:
    """Both accuracies for each label of one kind (feature class or type), largest first."""
    groups: dict[str, list[tuple[bool, bool]]] = {}
    for row in scored:
        if row[at] is not None:
            groups.setdefault(str(row[at]), []).append((row[2], row[3]))
    return {label: {"toponyms": len(rows),
                    "acc_161km": ratio(sum(r for r, _ in rows), len(rows)),
                    "end_to_end_acc_161km": ratio(sum(e for _, e in rows), len(rows))}
            for label, rows in sorted(groups.items(), key=lambda kv: -len(kv[1]))}
