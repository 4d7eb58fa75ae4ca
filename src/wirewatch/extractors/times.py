"""Temporal expressions, found by a grammar of news time phrases and resolved against the
publication date with news rules (a bare weekday is the most recent such day on or before
publication unless its verb is future; relative expressions stay unresolved without a date).

Values follow ISO 8601 / TimeML: ``2024-10-29``, ``2024-W44``, ``2024-10``, ``2024``,
``2024-Q3``, ``P2D``, ``XXXX-WXX-2`` for "every Tuesday", ``PRESENT_REF`` for "now".
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..resources import bundled_table
from .annotations import TimeHit
from .reporting import cues
from .spans import doc_text, literal_alternation

SET_RULES = frozenset({"set_word", "every", "frequency"})
DAY_RULES = frozenset({"weekday", "month_day", "month_day_comma", "day_month", "day_word",
                       "full_date", "full_date_dmy", "iso_date", "us_date"})
CLOCK_RULES = frozenset({"clock", "noon"})
# Days named without a year, which take the year a story has set ("In March 2019 ... On
# March 5").
STORY_RULES = frozenset({"month_day", "month_day_comma", "day_month", "weekday_date"})
# Dates written with their year that set the story's year, when a story preposition
# ("In March 2019, ...") makes them the time of their clause, not a name ("the August 1988
# cease-fire").
STORY_SETTERS = frozenset({"full_date", "full_date_dmy", "month_year", "iso_date", "us_date"})
CLOCK_JOIN = re.compile(r"\s*(?:[A-Z]{2,4}\s*)?,?\s*(?:on\s+)?")
# A clock time with another zone's in brackets before its day: "10:35 a.m. (0735 GMT) Friday".
CLOCK_ASIDE = re.compile(r"\s*\([^()]{1,20}\)\s*,?\s*(?:on\s+)?")
DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Rules that refer back to the period last mentioned ("a year earlier", "the quarter").
ANAPHORIC_RULES = frozenset({"year_ago", "the_period", "ago"})
QUARTER_VALUE = re.compile(r"(\d{4})-Q(\d)")
LATEST = re.compile(r"(?i)\b(?:latest|most\s+recent)\b")
# A day, a month or a year (not a week, a quarter or a season of one).
POINT_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?(?![\dWQHXSFAU])")
SEASON_CONTEXT = frozenset({"in", "the", "this", "last", "next", "by", "during", "until",
                            "since", "early", "late", "mid", "that", "through", "over"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
# Verbs whose infinitive complement looks forward: "plans to meet Friday".
FORWARD_VERBS = frozenset({"plan", "expect", "schedule", "set", "intend", "aim", "hope",
                           "prepare", "agree", "vow", "promise", "due"})
# Words before a time that point forward from the time of writing.
FORWARD_PHRASES = ("as soon as", "until", "till", "no later than")
# Verbs whose own time adjunct is the planned event's: "planned a rally on Saturday".
SCHEDULE_VERBS = frozenset({"plan", "schedule", "expect", "due"})
# A year is a point in time, never "at" one: "closed at 1990" is a figure.
FIGURE_PREPOSITIONS = frozenset({"at"})
PREPOSITIONS_BEFORE_YEAR = frozenset({"in", "since", "by", "of", "until", "till", "from",
                                      "to", "before", "after", "during", "through", "for",
                                      "early", "mid", "late", "around", "between", "and"})




@dataclass(frozen=True, slots=True)
class Words:
    """The vocabulary of ``time_words.tsv`` as lookup tables."""

    table: dict[str, dict[str, str]]

    def __getitem__(self, kind: str) -> dict[str, str]:
        return self.table.get(kind, {})


@cache
def words() -> Words:
    table: dict[str, dict[str, str]] = {}
    for row in bundled_table("time_words.tsv"):
        key = row["word"] if row["kind"] in ("month", "holiday") else row["word"].lower()
        table.setdefault(row["kind"], {})[key] = row["value"]
    return Words(table)


def _alt(items: list[str]) -> str:
    return literal_alternation(items)


# ---------------------------------------------------------------- value arithmetic

def _add_months(d: date, n: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + n
    return index // 12, index % 12 + 1


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(month: int) -> int:
    return (month - 1) // 3 + 1


def _number(text: str) -> float | str | None:
    """'twenty four' -> 24, '3' -> 3, 'a' -> 1, 'several' -> 'X', 'two thousand' -> 2000."""
    text = text.lower().replace("-", " ").strip()
    w = words()
    if text in w["vague"]:
        return "X"
    if re.fullmatch(r"\d+(?:\.\d+)?", text.replace(",", "")):
        return float(text.replace(",", ""))
    if half := re.fullmatch(r"(\d+)\s*(?:1/2|½)", text):  # "2 1/2 years"
        return int(half[1]) + 0.5
    if text in w["number"]:
        return float(w["number"][text])
    total = group = 0.0
    for part in text.split():
        if part in ("and", "of"):
            continue
        if part not in w["number"]:
            return None
        value = float(w["number"][part])
        if value == 100:
            group = (group or 1) * value
        elif value == 1000:
            total, group = total + (group or 1) * value, 0.0
        else:
            group += value
    return (total + group) or None


def _fmt_number(n: float | str) -> str:
    if isinstance(n, str):
        return n
    return str(int(n)) if n == int(n) else str(n)


def _duration(n: float | str, unit: str) -> str:
    code = words()["unit"][unit]
    if code == "2W":
        return f"P{_fmt_number(n * 2) if not isinstance(n, str) else 'X'}W"
    if code == "WE":
        return f"P{_fmt_number(n)}WE"
    if code.startswith("T"):
        return f"PT{_fmt_number(n)}{code[1:]}"
    if code in ("DE", "CE") and not isinstance(n, str):
        return f"P{_fmt_number(n * (10 if code == 'DE' else 100))}Y"
    return f"P{_fmt_number(n)}{code}"


def _year_value(year: int) -> str:
    """A year as TimeML writes it: four digits, ``BC`` before the common era ("0024",
    "BC0500"); year 0 is 1 BC."""
    return f"{year:04d}" if year > 0 else f"BC{1 - year:04d}"


def _century_value(year: int) -> str:
    """The century a year lies in, as its first two digits ("18" for 1824)."""
    return f"{year // 100:02d}" if year >= 0 else f"BC{(-year) // 100 + 1:02d}"


def _shift(anchor: date, n: int, unit: str) -> str | None:
    """The period ``n`` units from the anchor, at that unit's granularity."""
    code = words()["unit"].get(unit)
    if code in ("D",):
        return (anchor + timedelta(days=n)).isoformat()
    if code in ("W", "WE", "2W"):
        days = 14 if code == "2W" else 7
        target = anchor + timedelta(days=days * n)
        return _iso_week(target) + ("-WE" if code == "WE" else "")
    if code == "M":
        y, m = _add_months(anchor, n)
        return f"{y}-{m:02d}"
    if code == "Q":
        y, m = _add_months(anchor, 3 * n)
        return f"{y}-Q{_quarter(m)}"
    if code == "Y":
        return _year_value(anchor.year + n)
    if code == "DE":
        return _year_value(anchor.year + 10 * n)
    if code == "CE":
        return _century_value(anchor.year + 100 * n)
    if code and code.startswith("T"):
        return anchor.isoformat()
    return None


def _kind(value: str | None, fallback: str = "date") -> str:
    if value is None or value.endswith("_REF"):
        return fallback
    if value.startswith("P"):
        return "duration"
    if value.startswith("XXXX"):
        return "set"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "date"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
        return "time"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "date"


# ---------------------------------------------------------------- the grammar

Resolved = tuple[str | None, str | None]  # value, mod
Piece = tuple[int, int, str | None, str | None]  # start, end, value, mod
Handler = Callable[[re.Match[str], date | None, str | None], Resolved | list[Piece] | None]
"""A rule's resolver: (match, anchor, tense) -> (value, mod), or one (start, end, value, mod)
per time where a match names several ("2009-2010"); tense is past, future or None."""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Handler
    relative: bool = True  # needs the anchor
    needs: tuple[tuple[str, ...], ...] = ()
    """Words every match holds (lowercased): one of each group. A text without them is not
    scanned with the rule's pattern, a cheap test that saves most of the grammar's scans."""
    lowered: re.Pattern[str] | None = None
    """The same pattern without case folding, for the lower-cased text, where the rule
    ignores case throughout: ``re`` skips a branch by its first character only when the
    branch is matched case-sensitively, so this form scans two to three times faster."""

    def may_match(self, lowered: str) -> bool:
        return all(any(word in lowered for word in group) for group in self.needs)


def _month(text: str) -> int:
    return int(words()["month"][text])


def _mod(text: str | None) -> str | None:
    if not text:
        return None
    return words()["mod"].get(text.lower().rstrip("- ").strip())


# News reports look back: a month named without a year is the latest one up to this many
# months before publication, else the next one.
LOOK_BACK_MONTHS = 7


def _year_for_month(month: int, anchor: date, tense: str | None) -> int:
    """The year of a month named without one, by the verb's tense or the look-back rule."""
    back = (anchor.month - month) % 12  # months since its latest occurrence
    latest = anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "past" or (tense is None and back <= LOOK_BACK_MONTHS):
        return latest
    return latest + 1 if back else latest


def _weekday(wd: int, anchor: date, direction: str) -> date:
    """direction: 'past' (on or before), 'future' (on or after), 'last', 'next' (strict)."""
    aw = anchor.isoweekday()
    if direction in ("past", "last"):
        delta = (aw - wd) % 7
        if direction == "last" and delta == 0:
            delta = 7
        return anchor - timedelta(days=delta)
    delta = (wd - aw) % 7
    if direction == "next" and delta == 0:
        delta = 7
    return anchor + timedelta(days=delta)


def _daypart(word: str | None) -> str:
    """``T`` + the TimeML part-of-day code ("Tuesday night" -> ``2024-10-29TNI``)."""
    return f"T{words()['daypart'][word.lower()]}" if word else ""


def _two_digit_year(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 1900 + n if n >= 50 else 2000 + n


YEAR_NUMBER = re.compile(r"(?:1[89]|20)\d\d")


def _spoken_year(text: str) -> int:
    """A year as it is said: "nineteen ninety-four" -> 1994."""
    first, rest = text.lower().replace("-", " ").split(maxsplit=1)
    within = _number(rest)
    return int(float(words()["number"][first]) * 100 + (within if isinstance(within, float) else 0))


def _year_of(m: re.Match[str]) -> str | None:
    """The year a match names, in digits or in words."""
    groups = m.groupdict()
    if groups.get("year"):
        return groups["year"]
    spoken = groups.get("syear")
    return str(_spoken_year(spoken)) if spoken else None


@cache
def _unit_forms() -> dict[str, str]:
    """Each unit word and its plural ("century", "centuries") -> the unit."""
    forms: dict[str, str] = {}
    for unit in words()["unit"]:
        if unit == "night":
            continue  # "night" is a part of the day, not a unit of duration
        plural = unit[:-1] + "ies" if unit.endswith("y") and unit[-2] not in "aeiou" \
            else unit + "s"
        forms[unit] = forms[plural] = unit
    return forms


def _unit(form: str) -> str:
    """The unit a written unit word names: "centuries" -> "century", "Weeks" -> "week"."""
    return _unit_forms().get(form.lower(), form.lower())


# A duration with half a unit more ("a year and a half") in the next smaller unit.
HALF_UNITS = {"Y": "6M", "D": "T12H", "TH": "30M", "TM": "30S"}


def _half_duration(n: float, unit: str) -> str:
    code = words()["unit"][unit]
    if code in HALF_UNITS:
        rest = HALF_UNITS[code]
        whole = _fmt_number(n)
        if code.startswith("T"):
            return f"PT{whole}{code[1:]}{rest}"
        return f"P{whole}{code}{rest}"
    return _duration(n + 0.5, unit)


# Units in the order a compound duration names them ("two hours and 30 minutes").
COMPOUND_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _compound_duration(parts: list[tuple[float, str]]) -> str | None:
    """``P2Y6M``, ``PT2H30M``, ``P1DT6H``: parts of whole counts, largest unit first."""
    codes = [words()["unit"][u] for _, u in parts]
    if any(c not in COMPOUND_ORDER for c in codes) or \
            [COMPOUND_ORDER.index(c) for c in codes] != sorted(
                {COMPOUND_ORDER.index(c) for c in codes}):
        return None
    date_part = "".join(f"{_fmt_number(n)}{c}" for (n, _), c in zip(parts, codes, strict=True)
                        if not c.startswith("T"))
    time_part = "".join(f"{_fmt_number(n)}{c[1:]}" for (n, _), c in zip(parts, codes,
                                                                          strict=True)
                        if c.startswith("T"))
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _two_digit_end(first: int, end: str) -> int:
    """The year a range's second half names: "1957-58" -> 1958, "1999-00" -> 2000."""
    if len(end) == 4:
        return int(end)
    year = first // 100 * 100 + int(end)
    return year + 100 if year <= first else year


def _season_year(code: str, anchor: date, tense: str | None) -> int:
    """The year of a season named without one: next year's for a future verb once this
    year's has ended, last year's for a past verb before this year's has begun."""
    start = int(words()["season_start"].get(code.lower(), "0"))
    if not start or start == 12:
        return anchor.year  # winter spans two years: its year as written
    if tense == "future" and anchor.month > start + 2:  # a season lasts three months
        return anchor.year + 1
    if tense == "past" and anchor.month < start:
        return anchor.year - 1
    return anchor.year


@cache
def rules() -> tuple[Rule, ...]:
    w = words()
    MONTH = f"(?P<month>{_alt(list(w['month']))})(?![\\w])"
    WD = f"(?i:(?P<wd>{_alt(list(w['weekday']))})s?)"
    DP = f"(?i:(?P<dp>{_alt(list(w['daypart']))}))"
    def unit(name: str = "unit") -> str:
        return f"(?i:(?P<{name}>{_alt(list(_unit_forms()))}))(?![\\w])"

    UNIT = unit()
    TENS = ("(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
            "four|five|six|seven|eight|nine))?")
    # "1,000 days" and "three hundred and fifty years" are one number each, not "000 days"
    # and "fifty years"
    HUNDREDS = ("(?:a|one|two|three|four|five|six|seven|eight|nine)\\s+hundred(?:\\s+(?:and\\s+)?"
                f"(?:{TENS}|{_alt([k for k, v in w['number'].items() if float(v) < 20])}))?")
    SMALL = _alt([k for k, v in w["number"].items() if k not in ("a", "an", "half")
                  and float(v) < 100])
    # "two thousand", "two thousand five hundred": one number
    THOUSANDS = (f"(?:{HUNDREDS}|{TENS}|{SMALL})\\s+thousand(?:\\s+(?:and\\s+)?"
                 f"(?:{HUNDREDS}|{TENS}|{SMALL}))?")

    def num(name: str = "num", vague: bool = True) -> str:
        words_ = [k for k in (*w["number"], *(w["vague"] if vague else ()))
                  if k not in ("half",) and (vague or k not in ("a", "an"))]
        return (f"(?i:(?P<{name}>\\d{{1,3}}(?:,\\d{{3}})+|\\d+(?:\\s+1/2|½)|\\d+(?:\\.\\d+)?|" +
                THOUSANDS + "|" +
                HUNDREDS + "|" + TENS + ("|a couple of|a few|couple of|" if vague else "|") +
                _alt(words_) + "))")

    NUMW = num()
    # a year said in words, as broadcast transcripts write it: "nineteen ninety-four"
    CENTURIES = _alt([k for k, v in w["number"].items() if v in ("18", "19", "20")])
    TEENS = _alt([k for k, v in w["number"].items() if 10 <= float(v) < 20])
    SPOKEN = f"(?i:(?P<syear>(?:{CENTURIES})[- ](?:{TENS}|{TEENS})))(?![\\w-])"
    DMOD = ("(?i:(?P<dmod>" + _alt([k for k, v in w["mod"].items()
                                     if v not in ("START", "MID", "END")]) +
            ")\\s+(?!the\\b))")
    ORDINAL = f"(?P<cent>\\d{{1,2}}(?:st|nd|rd|th)|(?i:{_alt(list(w['ordinal']))}))"
    MOD = "(?i:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of)" \
          "[- ]?\\s*)"
    REL = "(?i:(?P<rel>this|last|next|coming|the coming|past|the past|previous|the previous|" \
          "current|the current|following|the following|the same))"
    DAYWORD = "(?i:(?P<day>today|tonight|yesterday|tomorrow))"
    ORD = "(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
    SEASON = f"(?i:(?P<season>{_alt(list(w['season']))}))"
    B = "(?<![\\w])"

    def full_date(m, anchor, tense):
        y = int(m["year"])
        return f"{y:04d}-{_month(m['month']):02d}-{int(m['dom']):02d}", None

    def iso_date(m, anchor, tense):
        return f"{m['y']}-{m['m']}-{m['d']}", None

    def us_date(m, anchor, tense):
        mo, d, y = int(m["m"]), int(m["d"]), _two_digit_year(m["y"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}", None

    def month_day(m, anchor, tense):
        if anchor is None:
            return None, None
        mo = _month(m["month"])
        rel = (m.groupdict().get("mrel") or "").lower()  # "last Oct. 23"
        y = _year_for_month(mo, anchor, {"last": "past", "next": "future"}.get(rel, tense))
        return f"{y:04d}-{mo:02d}-{int(m['dom']):02d}", None

    def month_year(m, anchor, tense):
        return f"{int(_year_of(m) or 0):04d}-{_month(m['month']):02d}", _mod(m["mod"])

    def month_only(m, anchor, tense):
        if anchor is None:
            return None, _mod(m["mod"])
        mo = _month(m["month"])
        rel = (m["rel"] or "").lower()
        if rel == "last":
            y = anchor.year - 1 if mo >= anchor.month else anchor.year
        elif rel == "next":
            y = anchor.year + 1 if mo <= anchor.month else anchor.year
        elif rel == "this":
            y = anchor.year
        else:
            y = _year_for_month(mo, anchor, tense)
        return f"{y:04d}-{mo:02d}", _mod(m["mod"])

    def year(m, anchor, tense):
        return m["year"], _mod(m["mod"])

    def spoken_year(m, anchor, tense):
        return _year_of(m), None

    def decade(m, anchor, tense):
        return m["dec"] + "X", _mod(m["mod"])

    def quarter(m, anchor, tense):
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4}[m["ord"].lower()]
        if m["year"] or m["pyear"]:  # "the second quarter of 1988", "the 1988 second quarter"
            return f"{m['year'] or m['pyear']}-Q{q}", None
        if anchor is None:
            return None, None
        if m["yrel"]:
            return f"{anchor.year + {'last': -1, 'next': 1}.get(m['yrel'].lower(), 0)}-Q{q}", None
        y = anchor.year
        if (m["rel"] or "").lower() == "last" or (tense != "future"
                                                    and q > _quarter(anchor.month)):
            y -= 1
        return f"{y}-Q{q}", None

    def season(m, anchor, tense):
        code = words()["season"][m["season"].lower()]
        if _year_of(m):
            return f"{_year_of(m)}-{code}", _mod(m["mod"])
        if anchor is None:
            return None, _mod(m["mod"])
        rel = (m["rel"] or "").lower()
        if rel in ("last", "next"):
            y = anchor.year + {"last": -1, "next": 1}[rel]
        elif rel:
            y = anchor.year
        else:
            y = _season_year(code, anchor, tense)
        return f"{y}-{code}", _mod(m["mod"])

    def day_word(m, anchor, tense):
        if anchor is None:
            return None, None
        word = m["day"].lower()
        shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        part = "TNI" if word == "tonight" else _daypart(m["dp"])
        return (anchor + timedelta(days=shift)).isoformat() + part, None

    def weekday_date(m, anchor, tense):  # "Monday, Oct. 26": the date written out decides
        return full_date(m, anchor, tense) if m["year"] else month_day(m, anchor, tense)

    def weekday(m, anchor, tense):
        if anchor is None:
            return None, None
        wd = int(words()["weekday"][m["wd"].lower()])
        rel = (m["rel"] or "").lower()
        default = "future" if tense == "future" else "past"
        direction = {"last": "last", "past": "last", "next": "next", "coming": "future"}.get(
            rel, default)
        return _weekday(wd, anchor, direction).isoformat() + _daypart(m["dp"]), None

    def relative_period(m, anchor, tense):
        rel = (m["rel"] or "").lower()
        unit = _unit(m["unit"])
        mod = _mod(m["mod"])
        if m["unit"].lower() != unit:
            return _duration("X", unit), mod  # "coming weeks", "the past years": some of them
        if rel in ("the past", "past", "the previous", "the coming", "the following"):
            return _duration(1, unit), mod  # "the past week" is a stretch of time
        if anchor is None:
            return None, mod
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
        return _shift(anchor, step, unit), mod

    def ago(m, anchor, tense):
        n = _number(m["num"])
        unit = _unit(m["unit"])
        if anchor is None or n is None:
            return None, None
        if n == "X":
            return {"ago": "PAST_REF", "earlier": "PAST_REF"}.get(
                m["dir"].lower(), "FUTURE_REF"), None
        sign = -1 if m["dir"].lower() in ("ago", "earlier") else 1
        return _shift(anchor, sign * int(n), unit), _mod(m["dmod"])

    def duration(m, anchor, tense):
        unit = _unit(m["unit"])
        plural = m["unit"].lower() != unit
        if not m["num"] and not m["qual"] and not plural and (
                not m["art"] or unit in words()["bare_unit"]):
            return None  # "day", "the second", "a second term": no stretch of time
        if not m["num"] and plural and unit in words()["bare_plural"]:
            return None  # "quarters" alone are lodgings
        n = _number(m["num"]) if m["num"] else ("X" if plural else 1)
        if m["num"] and YEAR_NUMBER.fullmatch(m["num"]):
            return None  # "the 1988 quarter": a year, not a count of quarters
        if n is None or unit not in words()["unit"]:
            return None
        if (m["qual"] or "").lower() == "full" and unit == "year" and not m["num"] and anchor:
            return str(anchor.year), None  # "results for the full year": this (fiscal) year
        if m["half"] and not isinstance(n, str):
            return _half_duration(n, unit), _mod(m["dmod"])
        if not isinstance(n, str) and n - int(n) == 0.5 and n > 1:  # "2 1/2 years"
            return _half_duration(int(n), unit), _mod(m["dmod"])
        return _duration(n, unit), _mod(m["dmod"])

    def range_duration(m, anchor, tense):
        n = _number(m["num2"])
        unit = _unit(m["unit"])
        if n is None or unit not in words()["unit"]:
            return None
        return _duration(n, unit), None

    def number_range(m, anchor, tense):
        """"between 12 and 18 months", "two to six days ago": each number its own time."""
        unit = _unit(m["unit"])
        low, high = _number(m["low"]), _number(m["num"])
        if not isinstance(low, float) or not isinstance(high, float) or low >= high:
            return None
        if m["dir"]:
            if anchor is None:
                values: list[str | None] = [None, None]
            else:
                sign = -1 if m["dir"].lower() in ("ago", "earlier") else 1
                values = [_shift(anchor, sign * int(n), unit) for n in (low, high)]
        else:
            values = [_duration(n, unit) for n in (low, high)]
        return [(m.start("low"), m.end("low"), values[0], None),
                (m.start("num"), m.end(), values[1], None)]

    def compound_duration(m, anchor, tense):
        n1, n2 = _number(m["num"]), _number(m["num2"])
        if not isinstance(n1, float) or not isinstance(n2, float) or n1 != int(n1) or \
                n2 != int(n2):
            return None
        value = _compound_duration([(n1, _unit(m["unit"])), (n2, _unit(m["unit2"]))])
        return (value, _mod(m["dmod"])) if value else None

    def clock_duration(m, anchor, tense):
        hours, minutes = int(m["h"]), int(m["min"])
        return f"PT{hours}H" + (f"{minutes}M" if minutes else ""), _mod(m["dmod"])

    def year_range(m, anchor, tense):
        """"2009-2010", "1957-58": both years, each its own time."""
        first = int(m["y1"])
        last = _two_digit_end(first, m["y2"])
        if not first < last <= first + 100 or last > 2099:
            return None
        return [(m.start("y1"), m.end("y1"), str(first), None),
                (m.start("y2"), m.end("y2"), str(last), None)]

    def century(m, anchor, tense):
        word = m["cent"].lower()
        n = int(word[:-2]) if word[:1].isdigit() else int(words()["ordinal"][word])
        if not 1 <= n <= 21:
            return None
        return ("BC" if m["bc"] else "") + f"{n - 1:02d}", _mod(m["mod"])

    def plural_units(m, anchor, tense):
        unit = _unit(m["unit"])
        return (_duration("X", unit), None) if unit in words()["unit"] else None

    def every(m, anchor, tense):
        if m["wd"]:
            return f"XXXX-WXX-{words()['weekday'][m['wd'].lower()]}", None
        if m["dp"]:
            return f"XXXX-XX-XX{_daypart(m['dp'])}", None
        if m["season"]:
            return f"XXXX-{words()['season'][m['season'].lower()]}", None
        unit = _unit(m["unit"])
        n = _number(m["num"]) if m["num"] else (2 if m["other"] else 1)
        return (_duration(n, unit) if unit in words()["unit"] and n is not None else None), None

    def frequency(m, anchor, tense):
        unit = _unit(m["unit"])
        return (_duration(1, unit), None) if unit in words()["unit"] else None

    def set_word(m, anchor, tense):
        return words()["set"][m["set"].lower()], None

    def ref(m, anchor, tense):
        return words()["ref"][m["ref"].lower()], None

    def clock(m, anchor, tense):
        h = int(m["h"])
        minute = int(m["min"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        if ampm == "am" and h == 12:
            h = 0
        if h > 24 or minute > 59:
            return None
        if anchor is None:
            return None, None
        return f"{anchor.isoformat()}T{h:02d}:{minute:02d}", None

    def noon(m, anchor, tense):
        if anchor is None:
            return None, None
        return f"{anchor.isoformat()}T{'12:00' if m['noon'].lower() == 'noon' else '24:00'}", \
            None

    def holiday(m, anchor, tense):
        mmdd = words()["holiday"][m["hol"]]
        y = m["year"] or (str(anchor.year) if anchor else None)
        return (f"{y}-{mmdd}" if y else None), None

    def year_ago(m, anchor, tense):
        if anchor is None:
            return None, None
        return str(anchor.year - 1), None

    def the_period(m, anchor, tense):
        if anchor is None:
            return None, None
        if m["unit"].lower() == "year":
            return "P1Y", None  # "for the year": a stretch of time
        y, mo = _add_months(anchor, -3)  # the last complete quarter before publication
        return f"{y}-Q{_quarter(mo)}", None

    def spelled_year(m, anchor, tense):
        rest = re.split(r"\s+and\s+", m["spelled"].lower())[1:]  # "two thousand and one"
        return str(2000 + int(_number(rest[0]) or 0) if rest else 2000), None

    def daypart(m, anchor, tense):
        if anchor is None:
            return None, None
        shift = -1 if m["rel"].lower() == "last" and m["dp"].lower() == "night" else 0
        return (anchor + timedelta(days=shift)).isoformat() + _daypart(m["dp"]), None

    HOLIDAY = f"(?P<hol>{_alt(list(w['holiday']))})"
    SETW = f"(?i:(?P<set>{_alt(list(w['set']))}))"
    REFW = f"(?i:(?P<ref>{_alt(list(w['ref']))}))"
    specs: list[tuple[str, str, Handler, bool]] = [
        ("full_date", f"{B}{MONTH}\\s+(?P<dom>\\d{{1,2}})(?:st|nd|rd|th)?,?\\s+"
         f"(?P<year>\\d{{4}})(?!\\d)", full_date, False),
        ("full_date_dmy", f"{B}(?P<dom>\\d{{1,2}})\\s+{MONTH},?\\s+(?P<year>\\d{{4}})(?!\\d)",
         full_date, False),
        ("iso_date", f"{B}(?P<y>\\d{{4}})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\\d|3[01])(?!\\d)",
         iso_date, False),
        ("us_date", f"{B}(?P<m>\\d{{1,2}})/(?P<d>\\d{{1,2}})/(?P<y>\\d{{4}}|\\d{{2}})(?![\\d/])",
         us_date, False),
        ("month_day", f"{B}(?:(?i:(?P<mrel>last|next)\\s+))?{MONTH}\\s+"
         "(?P<dom>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?(?![\\d,])", month_day, True),
        ("month_day_comma", f"{B}{MONTH}\\s+(?P<dom>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?"
         "(?=,(?!\\s*\\d{4}))", month_day, True),
        ("day_month", f"{B}(?P<dom>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?{MONTH}"
         "(?!,?\\s*\\d{4})", month_day, True),
        ("month_year", f"{B}{MOD}?{MONTH},?\\s+(?:of\\s+)?(?:(?P<year>(?:1[89]|20)\\d\\d)(?!\\d)|"
         f"{SPOKEN})", month_year, False),
        ("spoken_year", f"{B}{SPOKEN}", spoken_year, False),
        ("month", f"{B}(?:{REL}\\s+)?{MOD}?{MONTH}", month_only, True),
        ("decade", f"{B}(?i:the\\s+)?{MOD}?(?P<dec>1[89]\\d|20\\d)0(?:'s|s)(?![\\w])", decade,
         False),
        ("year", f"{B}{MOD}?(?i:(?:fiscal|calendar)\\s+(?:year\\s+)?)?(?P<year>(?:1[89]|20)\\d\\d)"
         "(?![\\w-])", year, False),
        ("quarter", f"{B}(?i:(?:the\\s+)?(?:(?P<yrel>this|last|next)\\s+year['’]s\\s+)?"
         f"(?:(?P<pyear>(?:1[89]|20)\\d\\d)\\s+)?(?:{REL}\\s+)?{ORD}[- ](?:fiscal[- ])?quarter"
         f"(?:\\s+of\\s+(?:fiscal\\s+)?(?P<year>(?:1[89]|20)\\d\\d))?)(?![\\w])", quarter, True),
        ("season", f"{B}(?:(?i:{REL})\\s+)?{MOD}?{SEASON}(?:\\s+(?:of\\s+)?"
         f"(?:(?P<year>(?:1[89]|20)\\d\\d)|{SPOKEN}))?(?![\\w])", season, True),
        ("day_word", f"{B}{DAYWORD}(?:\\s+{DP})?(?![\\w])", day_word, True),
        ("daypart", f"{B}(?i:(?P<rel>this|last|that))\\s+{DP}(?![\\w])", daypart, True),
        ("spelled_year", f"{B}(?i:the\\s+year\\s+(?P<spelled>two\\s+thousand(?:\\s+and\\s+"
         "(?:one|two|three|four|five|six|seven|eight|nine|ten))?))(?![\\w-])", spelled_year,
         False),
        ("the_period", f"{B}(?i:the\\s+(?:latest\\s+|most\\s+recent\\s+|same\\s+)?"
         "(?P<unit>quarter|period|year))(?![\\w-])", the_period, True),
        ("weekday_date", f"{B}{WD},?\\s+{MONTH}\\s+(?P<dom>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?"
         "(?:,\\s+(?P<year>\\d{4}))?(?![\\d])", weekday_date, True),
        ("weekday", f"{B}(?:(?i:{REL})\\s+)?{WD}(?:\\s+{DP})?(?![\\w])", weekday, True),
        ("relative_period", f"{B}(?i:(?:(?P<pre>earlier|later)\\s+)?{MOD}?{REL}\\s+"
         f"(?:fiscal\\s+)?){UNIT}", relative_period, True),
        ("year_ago", f"{B}(?i:(?:the\\s+)?year-(?:ago|earlier)(?:\\s+(?:quarter|period))?)"
         "(?![\\w])", year_ago, True),
        ("ago", f"{B}{DMOD}?{NUMW}[- ]{UNIT}(?i:\\s+or\\s+so)?\\s+"
         "(?i:(?P<dir>ago|earlier|later|from now|hence))"
         "(?![\\w])", ago, True),
        ("range_duration", f"{B}(?i:(?:a|an|one)\\s+){UNIT}\\s+(?i:or)\\s+"
         "(?i:(?P<num2>two|three|four|five|six|\\d+))(?![\\w])", range_duration, False),
        ("duration", f"{B}{DMOD}?(?i:(?:the\\s+|(?P<art>a|an)\\s+)?(?:(?P<qual>past|last|next|"
         "coming|first|previous|following|final|latest|entire|full|additional|extra)\\s+)?)"
         f"(?:{NUMW}[- ](?i:(?:more|additional|further|extra|trading|business|working|"
         f"calendar)\\s+)?)?{UNIT}"
         "(?P<half>(?i:\\s+and\\s+a\\s+half))?(?![\\w-]*(?i:old))", duration, False),
        ("number_range", f"{B}{num('low', vague=False)}\\s*(?:-|–|(?i:to|and|or))\\s*"
         f"{num(vague=False)}[- ]{UNIT}(?:\\s+(?i:(?P<dir>ago|earlier|later|from now)))?"
         "(?![\\w-]*(?i:old))", number_range, False),
        ("compound_duration", f"{B}{DMOD}?{NUMW}[- ]{UNIT}(?:,\\s*|\\s+(?i:and)\\s+)"
         f"{num('num2')}[- ]{unit('unit2')}", compound_duration, False),
        ("clock_duration", f"{B}{DMOD}?(?P<h>\\d{{1,2}}):(?P<min>[0-5]\\d)\\s*"
         "(?i:hours?|hrs?)(?![\\w])", clock_duration, False),
        ("year_range", f"{B}(?P<y1>(?:1[89]|20)\\d\\d)\\s*[-–]\\s*(?P<y2>(?:1[89]|20)?\\d\\d)"
         "(?![\\w-])", year_range, False),
        ("century", f"{B}(?i:the\\s+)?{MOD}?{ORDINAL}[- ](?i:century)"
         "(?P<bc>\\s+(?:BC|B\\.C\\.|BCE))?(?![\\w-])", century, False),
        ("every", f"{B}(?i:(?:every|each)\\s+(?P<other>other\\s+)?)"
         f"(?:{WD}|{DP}|{SEASON}|(?:{NUMW}\\s+)?{UNIT})", every, False),
        ("frequency", f"{B}(?i:(?:once|twice|thrice|{num('times', vague=False)}\\s+times)\\s+"
         f"(?:a|an|per|each|every)\\s+){UNIT}", frequency, False),
        ("set_word", f"{B}{SETW}(?![\\w])", set_word, False),
        ("plural_units", f"{B}(?i:(?P<recent>recent\\s+)?)(?i:(?P<unit>days|weeks|months|years|"
         "decades|hours))(?![\\w])", plural_units, False),
        ("ref", f"{B}{REFW}(?![\\w])", ref, False),
        ("clock", f"{B}(?P<h>\\d{{1,2}})(?::(?P<min>\\d{{2}}))?\\s*"
         "(?P<ampm>a\\.m\\.|p\\.m\\.|am|pm|AM|PM)(?![\\w])", clock, True),
        ("noon", f"{B}(?i:(?P<noon>noon|midnight))(?![\\w])", noon, True),
        ("holiday", f"{B}{HOLIDAY}(?:\\s+(?P<year>(?:1[89]|20)\\d\\d))?(?![\\w])", holiday,
         True),
    ]
    weekdays = tuple(w["weekday"])
    needs: dict[str, tuple[tuple[str, ...], ...]] = {
        "us_date": (("/",),),
        "decade": (("0s", "0's"),),
        "quarter": (("quarter",),),
        "season": (tuple(w["season"]),),
        "daypart": (tuple(w["daypart"]),),
        "spelled_year": (("thousand",),),
        "spoken_year": (("eighteen", "nineteen", "twenty"),),
        "weekday_date": (weekdays,),
        "weekday": (weekdays,),
        "year_ago": (("year-ago", "year-earlier"),),
        "ago": (("ago", "earlier", "later", "from now", "hence"),),
        "clock_duration": ((":",), ("hour", "hr")),
        "century": (("century",),),
        "every": (("every", "each"),),
        "frequency": (("once", "twice", "thrice", "times"),),
        "set_word": (tuple(w["set"]),),
        "noon": (("noon", "midnight"),),
        "holiday": (tuple(h.lower() for h in w["holiday"]),),
    }
    return tuple(Rule(name, re.compile(pattern), handler, relative, needs.get(name, ()),
                      _compiled(case_free_form(pattern)))
                 for name, pattern, handler, relative in specs)


def _compiled(pattern: str | None) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern is not None else None


_GROUP_OPENINGS = ("(?:", "(?!", "(?=", "(?<!", "(?<=")


def case_free_form(pattern: str) -> str | None:
    """``pattern`` with each ``(?i:`` group made case-sensitive, when that matches the
    lower-cased text exactly where ``pattern`` matches the text: every letter it matches
    literally lies inside a ``(?i:`` group and is lower-case. None when it is not so, or when
    the pattern holds a construct this reading does not know (an inline flag, an escape that
    names a character)."""
    out: list[str] = []
    folding: list[bool] = []  # per open group: whether case is ignored inside it
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if pattern[i + 1:i + 2] in ("", "x", "u", "U", "N") or pattern[i + 1].isdigit():
                return None
            out.append(pattern[i:i + 2])
            i += 2
            continue
        ignoring = bool(folding) and folding[-1]
        if in_class:
            in_class = char != "]" or pattern[i - 1] == "["
        elif char == "[":
            in_class = True
        elif char == "(":
            if pattern.startswith("(?i:", i):
                folding.append(True)
                out.append("(?:")
                i += 4
                continue
            header = re.match(r"\(\?P<\w+>", pattern[i:])
            opening = header.group() if header else next(
                (o for o in _GROUP_OPENINGS if pattern.startswith(o, i)), "(")
            if opening == "(" and pattern.startswith("(?", i):
                return None
            folding.append(ignoring)
            out.append(opening)
            i += len(opening)
            continue
        elif char == ")":
            folding.pop()
        if char.isalpha() and (not ignoring or not char.islower()):
            return None
        out.append(char)
        i += 1
    return "".join(out)


# ---------------------------------------------------------------- finding and resolving

@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


# Characters that IGNORECASE matching takes for an ASCII letter though ``str.lower`` does not
# turn them into it ("ſ" for "s"): in a text holding one, every rule is scanned.
_CASE_ODDITIES = re.compile("[\u0130\u0131\u017f]")


def find_matches(text: str) -> list[Match]:
    """Every grammar match, longest first where they overlap."""
    lowered = text.lower()
    odd = _CASE_ODDITIES.search(text) is not None
    found = [Match(m.start(), m.end(), rule, m) for rule in rules()
             if odd or rule.may_match(lowered)
             for m in _scan(rule, text, lowered, odd) if m.end() > m.start()]
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    # what is taken never overlaps, so its start-ordered neighbours are all a candidate can
    # overlap: each is checked in log time, not against everything taken before it
    taken: list[Match] = []
    starts: list[int] = []
    for cand in found:
        at = bisect_left(starts, cand.start)
        if ((at == 0 or taken[at - 1].end <= cand.start)
                and (at == len(taken) or cand.end <= taken[at].start)):
            taken.insert(at, cand)
            insort(starts, cand.start)
    return taken


def _scan(rule: Rule, text: str, lowered: str, odd: bool) -> Iterator[re.Match[str]]:
    """The rule's matches in ``text``, found in the lower-cased text where the rule has a
    case-free form (then read again at the same place, so that groups hold the text's own
    letters)."""
    if rule.lowered is None or odd:
        yield from rule.pattern.finditer(text)
        return
    for found in rule.lowered.finditer(lowered):
        match = rule.pattern.match(text, found.start())
        if match is not None:
            yield match


def resolve(match: Match, anchor: date | None, tense: str | None = None) -> TimeHit | None:
    """The value of one match (the first time it names); relative values are null without
    an anchor."""
    hits = resolve_all(match, anchor, tense)
    return hits[0] if hits else None


DURATION_RULES = frozenset({"duration", "plural_units", "number_range", "compound_duration",
                            "clock_duration"})


def resolve_all(match: Match, anchor: date | None, tense: str | None = None) -> list[TimeHit]:
    """Every time one match names: one, or each end of a range."""
    result = match.rule.resolve(match.match, anchor, tense)
    if result is None:
        return []
    pieces = result if isinstance(result, list) else [(match.start, match.end, *result)]
    hits = []
    for start, end, value, mod in pieces:
        if value is not None and DAY_VALUE.match(value) and not _is_day(value[:10]):
            continue  # "Feb. 30", "Feb. 29, 2023", "2024-13-01": no such day, so no date
        relative = match.rule.relative or (value is not None and value.endswith("_REF"))
        if match.rule.name in SET_RULES:
            kind = "set"
        else:
            kind = _kind(value, "duration" if match.rule.name in DURATION_RULES else "date")
        hits.append(TimeHit(start, end, value, kind,
                            anchor.isoformat() if (anchor and relative and value) else None,
                            mod))
    return hits


def _is_day(value: str) -> bool:
    """Whether ``YYYY-MM-DD`` names a day of the calendar."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def normalize_expression(text: str, anchor: date | None, tense: str | None = None
                         ) -> TimeHit | None:
    """Resolve one temporal expression on its own (the longest match in ``text``)."""
    matches = find_matches(text)
    if not matches:
        return None
    return resolve(max(matches, key=lambda m: m.end - m.start), anchor, tense)


def _tense(span: Span) -> str | None:
    """``future``, ``past`` or None for the verb that the expression directly modifies.

    The expression must hang off the verb itself (through a preposition at most): in
    "payable Dec. 7" the date belongs to "payable", not to the past-tense "declared".
    """
    verb = span.root.head
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    clause_verb = verb.pos_ in ("VERB", "AUX") and verb.i != span.root.i
    if clause_verb and (_past_perfect(verb) or (verb.dep_ == "xcomp" and _past_perfect(
            verb.head.head if verb.head.dep_ == "acomp" else verb.head))):
        return "past"  # "until Thursday they had not called", "had been due to expire Friday"
    before = span.doc[max(0, span.start - 3):span.start].text.lower()
    if before.endswith(FORWARD_PHRASES):
        return "future"  # "as soon as Tuesday", "postponed until Friday"
    if before.endswith(_tense_cues("forward_unless_past")) and not _past_clause(span):
        return "future"  # "could come as early as Tuesday", not "as early as Monday, ... knew"
    if not clause_verb:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if any(c.lower_ in _tense_cues("future") for c in auxiliaries) and not any(
            c.lemma_ == "have" for c in auxiliaries):
        return "future"  # "would be traveling Thursday", not "would have met Tuesday"
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in verb.children):
        return "future"
    if verb.lemma_ in SCHEDULE_VERBS:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in FORWARD_VERBS:
        return "future"
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX
                                    for c in verb.head.children):
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return "future"  # "is to resume trading Tuesday"
    if verb.tag_ in ("VBP", "VBZ") and verb.lemma_ not in _reporting_verbs() and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return "future"  # the scheduled present: "the ministers meet Monday"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
        return "past"
    return None


@cache
def _tense_cues(kind: str) -> tuple[str, ...]:
    """The words ``time_words.tsv`` lists as tense cues of one kind."""
    return tuple(word for word, value in words()["tense_cue"].items() if value == kind)


def _word_before(text: str, start: int) -> str:
    """The word just before a position, lowercased ("" at the start of the text)."""
    before = text[max(0, start - 20):start].split()
    return before[-1].lower() if before else ""


def _past_clause(span: Span) -> bool:
    """Whether the verb of the clause a time stands in is in the past tense."""
    verb = span.root.head
    while verb.pos_ in ("ADP", "ADV") and verb.head.i != verb.i:
        verb = verb.head
    return verb.tag_ == "VBD" or _past_perfect(verb)


def _past_perfect(verb: Token) -> bool:
    """Whether a verb is in the past perfect ("had called", "had been scheduled")."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _reporting_verbs() -> dict[str, float]:
    return cues().verbs


def _year_is_date(doc: Doc, match: Match) -> bool:
    """A bare four-digit number is a year only in a date context, not '2000 troops'."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    if not _not_a_count(doc, match):
        return False  # a count of plural things
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in FIGURE_PREPOSITIONS:
        return False  # a figure: "the index closed at 1990"
    if span[0].ent_type_ == "DATE" and all(
            t.ent_type_ == "DATE" and t.ent_iob_ == "I" for t in span[1:]):
        return True  # inside one DATE entity
    return before is not None and before.lower_ in PREPOSITIONS_BEFORE_YEAR


def _not_a_count(doc: Doc, match: Match) -> bool:
    """Whether the number is not followed by what it counts ("2000 troops")."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or not (after.like_num or after.tag_ == "NNS")


def find_times(doc: Doc, published: date | None) -> list[TimeHit]:
    """Temporal expressions of a parsed Doc, resolved against the publication date."""
    hits: list[TimeHit] = []
    quarter: str | None = None  # the last quarter the text spoke of
    day: date | None = None  # the last day it spoke of, for "two days later"
    point: re.Match[str] | None = None  # the last day, month or year it spoke of
    story: int | None = None  # the year the story has set, while it holds
    previous_rule = ""
    text = doc_text(doc)
    for match in find_matches(text):
        if not _plausible(doc, text, match):
            continue
        name = match.rule.name
        after_clock = name in DAY_RULES and previous_rule in CLOCK_RULES and bool(hits)
        joined = after_clock and CLOCK_JOIN.fullmatch(text[hits[-1].end:match.start]) is not None
        aside = after_clock and CLOCK_ASIDE.fullmatch(text[hits[-1].end:match.start]) is not None
        # "until 9 a.m. Tuesday": the day takes its tense from where the clock time stands
        span = doc.char_span(hits[-1].start if joined else match.start, match.end,
                             alignment_mode="expand")
        tense = _tense(span) if span is not None else None
        anchor = published
        if name in STORY_RULES and story is not None and published is not None and \
                story < published.year and not match.match.groupdict().get("year") and \
                tense != "future":
            # "In March 2019, ... On March 5": a day named without its year is in the
            # year the story has set, not in the year of publication
            anchor, tense = date(story, 12, 31), "past"
        for hit in resolve_all(match, anchor, tense):
            if anchor is not published:
                hit = TimeHit(hit.start, hit.end, hit.value, hit.kind,
                              published.isoformat() if published else None, hit.mod)
            if name == "the_period" and match.match["unit"].lower() == "year" and \
                    _point_preposition_before(text, match.start) and published is not None:
                hit = TimeHit(hit.start, hit.end, str(published.year), "year",
                              published.isoformat(), hit.mod)  # "earlier in the year"
            if name in ANAPHORIC_RULES:
                hit = _refer_back(hit, match, quarter, day)
                if name == "the_period" and hit.value and QUARTER_VALUE.fullmatch(hit.value):
                    quarter = hit.value  # "the latest quarter" in place of a later one named
            elif name in ("relative_period", "weekday") and point is not None:
                hit = _after_or_before(hit, match, point)
            elif hit.value and QUARTER_VALUE.fullmatch(hit.value):
                quarter = hit.value
            if hit.value and DAY_VALUE.match(hit.value) and name not in ANAPHORIC_RULES:
                day = date.fromisoformat(hit.value[:10])
            if joined and hit.value and CLOCK_JOIN.fullmatch(text[hits[-1].end:hit.start]):
                clock = hits.pop()  # "9 a.m. Tuesday", "5 p.m. EST Nov. 9": one time
                hit = TimeHit(clock.start, hit.end, hit.value[:10] + (clock.value or "")[10:],
                              "time", hit.anchor or clock.anchor)
            elif aside and hit.value and DAY_VALUE.match(hit.value) and hits[-1].value:
                clock = hits[-1]  # the clock time is on that day, each its own time
                hits[-1] = TimeHit(clock.start, clock.end, hit.value[:10] + clock.value[10:],
                                   clock.kind, clock.anchor, clock.mod)
            hits.append(hit)
            previous_rule = name
            if hit.value and (named := POINT_VALUE.match(hit.value)):
                point = named
            # the story's own year: a month or a day written with its year sets it, the days
            # that follow keep it, and the first time counted from publication ends it
            if name in STORY_SETTERS and point is not None and point["month"] and \
                    _word_before(text, hit.start) in words()["story_preposition"]:
                story = int(point["year"])
            elif match.rule.relative and anchor is published:
                story = None
    return hits


def _point_preposition_before(text: str, start: int) -> bool:
    """"in the year", "by the end of the year": the year as a date, not "for the year"."""
    return _word_before(text, start) in ("in", "of", "by", "until", "since")


def _after_or_before(hit: TimeHit, match: Match, point: re.Match[str]) -> TimeHit:
    """"The following year" and "the previous Friday" count from the time the text last
    named ("On May 22, 1995, ...; the following year" is 1996), not from publication."""
    rel = (match.match["rel"] or "").lower().removeprefix("the ")
    if rel not in ("following", "previous"):
        return hit
    year, month, dom = point["year"], point["month"], point["day"]
    base = date(int(year), int(month or 1), int(dom or 1))
    value: str | None = hit.value
    if match.rule.name == "weekday":
        if not dom:
            return hit
        wd = int(words()["weekday"][match.match["wd"].lower()])
        direction = "last" if rel == "previous" else "next"
        value = _weekday(wd, base, direction).isoformat() + _daypart(match.match["dp"])
    else:
        unit = _unit(match.match["unit"])
        code = words()["unit"].get(unit)
        if unit != match.match["unit"].lower() or code not in ("Y", "M", "D") or \
                (code == "M" and not month) or (code == "D" and not dom):
            return hit
        value = _shift(base, 1 if rel == "following" else -1, unit)
    return TimeHit(hit.start, hit.end, value, _kind(value), hit.anchor, hit.mod)


def _refer_back(hit: TimeHit, match: Match, quarter: str | None, day: date | None
                ) -> TimeHit:
    """Expressions that count from the time the text last spoke of, not from publication:
    in a quarterly report "the period" is that quarter and "a year earlier" the same quarter
    a year before; in a narrative "two days later" counts from the last day mentioned."""
    name = match.rule.name
    groups = match.match.groupdict()
    unit = _unit(groups.get("unit") or "")
    direction = (groups.get("dir") or "").lower()
    value = hit.value
    if quarter is not None:
        year, q = QUARTER_VALUE.fullmatch(quarter).groups()  # type: ignore[union-attr]
        if name == "the_period" and unit in ("quarter", "period") and not (
                LATEST.search(match.match[0]) and hit.value and hit.value < quarter):
            value = quarter  # but "the latest quarter" is one that has ended
        elif name == "year_ago" or (name == "ago" and direction in ("earlier", "ago")
                                    and unit == "year"
                                    and _number(groups.get("num") or "") == 1):
            value = f"{int(year) - 1}-Q{q}"
    if value == hit.value and name == "ago" and direction in ("earlier", "later") and \
            day is not None and unit in ("day", "week"):
        n = _number(groups.get("num") or "")
        if isinstance(n, float):
            value = _shift(day, int(n) * (-1 if direction == "earlier" else 1), unit)
    return TimeHit(hit.start, hit.end, value, hit.kind, hit.anchor, hit.mod)


@cache
def _after_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a duration that makes it an age ("six months old") or a distance
    ("a five-minute walk")."""
    w = words()
    return (re.compile(f"\\s+(?:{_alt(list(w['age_word']))})(?![\\w])", re.IGNORECASE),
            re.compile(f"\\s+(?:{_alt(list(w['measure_noun']))})s?(?![\\w])", re.IGNORECASE))


FRACTION = re.compile(r"\w-(?i:quarters?)$")
MEASURED_RULES = frozenset({"duration", "number_range", "compound_duration", "plural_units"})


def _plausible(doc: Doc, text: str, match: Match) -> bool:
    """Context checks for words that are times only in some uses."""
    name = match.rule.name
    if name == "year" and not match.match["mod"]:
        return _year_is_date(doc, match)
    if name in MEASURED_RULES:
        age, measure = _after_patterns()
        if age.match(text, match.end):
            return False  # an age: "six months old", "52 years of age"
        unit = match.match["unit"]
        if measure.match(text, match.end) and unit.lower() == _unit(unit):
            return False  # a distance: "a five-minute walk", "a two-hour drive"
        if FRACTION.search(match.match[0]) and text.startswith(" of ", match.end):
            return False  # a share: "three-quarters of its food"
    if name == "year_range":
        return _not_a_count(doc, match)
    if name == "set_word":
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        return span is None or span.root.dep_ != "amod"  # "quarterly dividend": a kind
    if name == "season" and not (match.match["rel"] or match.match["mod"]
                                 or match.match["year"]):
        before = text[max(0, match.start - 30):match.start].split()
        return bool(before) and before[-1].lower() in SEASON_CONTEXT
    return True
