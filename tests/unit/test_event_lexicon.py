"""The trigger lexicon agrees with PLOVER's CAMEO2PLOVER table, row by row."""

import importlib.util
from pathlib import Path

import pytest

from wirewatch.errors import ResourceError
from wirewatch.extractors import events
from wirewatch.extractors.events import lexicon
from wirewatch.model import EVENT_TYPES
from wirewatch.resources import bundled_table, read_table

RESOURCES = Path(events.__file__).resolve().parents[1] / "resources"


def test_cameo_plover_table_codes_only_wirewatch_types():
    table = read_table(RESOURCES / "cameo_plover.tsv")
    assert len(table) > 200
    assert {row["type"] for row in table} <= set(EVENT_TYPES)
    by_code = {row["code"]: row for row in table}
    # the readings the project rests on: releasing persons, imposing sanctions, signing
    assert (by_code["0841"]["type"], by_code["0841"]["mode"]) == ("RETREAT", "release")
    assert (by_code["163"]["type"], by_code["163"]["mode"]) == ("COERCE", "restrict")
    assert by_code["057"]["type"] == "SUPPORT"
    assert by_code["090"]["type"] == "INVESTIGATE" and by_code["112"]["type"] == "DISAPPROVE"
    assert by_code["100"]["type"] == "DEMAND"


def _triggers() -> list[dict[str, str]]:
    """The hand-written rows, then the ones generated from CAMEO's verb dictionary."""
    return [*read_table(RESOURCES / "event_triggers.tsv"),
            *read_table(RESOURCES / "event_patterns.tsv")]


def test_every_trigger_row_follows_its_cameo_code_or_says_why_not():
    table = {row["code"]: row for row in read_table(RESOURCES / "cameo_plover.tsv")}
    rows = _triggers()
    assert len(rows) > 1000 and sum(row["departure"] == "-" for row in rows) > 500
    wrong = []
    for row in rows:
        where = f"{row['pattern']} ({row['pos']}, {row['cameo']})"
        if row["cameo"] == "-":
            if row["type"] != "CRIME":
                wrong.append(f"{where}: no CAMEO code")
            continue
        if row["cameo"] not in table:
            wrong.append(f"{where}: unknown CAMEO code")
            continue
        if row["departure"] != "-":
            continue
        code = table[row["cameo"]]
        if row["type"] != code["type"]:
            wrong.append(f"{where}: {row['type']}, table {code['type']}")
        elif code["mode"] != "-" and row["mode"] != code["mode"]:
            wrong.append(f"{where}: mode {row['mode']}, table {code['mode']}")
    assert not wrong


def _with_trigger(monkeypatch, row: dict[str, str]) -> None:
    """The bundled lexicon with one more trigger row, loaded afresh."""
    def patched(name: str):
        rows = bundled_table(name)
        return (*rows, row) if name == "event_triggers.tsv" else rows

    monkeypatch.setattr(events, "bundled_table", patched)
    lexicon.cache_clear()


@pytest.fixture
def fresh_lexicon():
    lexicon.cache_clear()
    yield
    lexicon.cache_clear()


ROW = {"pattern": "free", "pos": "VERB", "type": "RETREAT", "mode": "release",
       "cameo": "0841", "roles": "agent", "departure": "-"}


def test_loader_refuses_an_unknown_cameo_code(monkeypatch, fresh_lexicon):
    _with_trigger(monkeypatch, {**ROW, "cameo": "0999", "departure": "a reason"})
    with pytest.raises(ResourceError, match="unknown CAMEO code 0999"):
        lexicon()


def test_loader_refuses_a_type_that_contradicts_its_code(monkeypatch, fresh_lexicon):
    _with_trigger(monkeypatch, {**ROW, "cameo": "0353"})  # 0353 is AGREE: intent to release
    with pytest.raises(ResourceError, match="CAMEO 0353 is AGREE"):
        lexicon()


def test_a_marked_departure_loads(monkeypatch, fresh_lexicon):
    _with_trigger(monkeypatch, {**ROW, "cameo": "0353", "departure": "a reason"})
    assert any(p.type == "RETREAT" for p in lexicon().patterns[("free", "VERB")])


def _build_script_generic() -> frozenset[str]:
    """The generic verbs as the pattern builder names them (its one list)."""
    path = Path(__file__).resolve().parents[2] / "scripts" / "build_event_patterns.py"
    spec = importlib.util.spec_from_file_location("build_event_patterns", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GENERIC


GENERIC = _build_script_generic()


def test_a_generic_verb_never_triggers_alone():
    verbs = [row["pattern"] for row in _triggers() if row["pos"] == "VERB"]
    assert len(verbs) > 100
    assert any(pattern.split()[0] in GENERIC for pattern in verbs)  # only with more words
    alone = [pattern for pattern in verbs if pattern in GENERIC]
    assert not alone


def test_generated_patterns_leave_the_hand_written_verbs_their_types():
    hand = read_table(RESOURCES / "event_triggers.tsv")
    stated = {(row["pattern"], row["pos"]) for row in hand}
    types: dict[str, set[str]] = {}
    for row in hand:
        if row["pos"] == "VERB":
            types.setdefault(row["pattern"].split()[0], set()).add(row["type"])
    assert types
    generated = read_table(RESOURCES / "event_patterns.tsv")
    assert len(generated) > 1000
    assert all(len(row["pattern"].split()) > 1 for row in generated)  # never a bare verb
    assert not [row for row in generated if (row["pattern"], row["pos"]) in stated]
    assert not [row["pattern"] for row in generated
                if (verb := row["pattern"].split()[0]) in types and verb not in GENERIC
                and row["type"] not in types[verb]]


def test_a_cameo_verb_pattern_codes_a_verb_the_hand_written_table_lacks():
    import wirewatch

    doc = wirewatch.extract(
        "Iran airlifted weapons to Syria on Monday.", published="2024-06-14")
    (event,) = doc.events
    assert (event.type, event.cameo, event.source, event.target) == ("AID", "072", "IRN", "SYR")
