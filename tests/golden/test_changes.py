"""The golden summary names each added, removed and changed value, and the check mode fails on
any difference without touching the committed goldens."""

from __future__ import annotations

import io
import json
from pathlib import Path

from tests.golden import PARTS, cases
from tests.golden.changes import Change, changes, counts, describe, regenerate, render

OLD = {
    "times": [{"start": 0, "end": 7, "text": "Tuesday", "value": "2024-10-29"}],
    "events": [
        {"type": "AID", "trigger": [6, 10], "modality": "asserted", "confidence": 0.9},
        {"type": "CONSULT", "trigger": [20, 25], "modality": "planned", "confidence": 0.8},
    ],
}


def test_every_golden_folder_has_cases():
    assert {case.parent.name for case in cases()} == set(PARTS)


def test_identical_goldens_have_no_changes():
    assert changes(OLD, json.loads(json.dumps(OLD))) == []
    assert describe("events/x.expected.json", OLD, OLD) == []


def test_a_changed_value_is_named_by_its_path():
    new = json.loads(json.dumps(OLD))
    new["events"][1]["modality"] = "negated"
    new["events"][0]["trigger"][1] = 11
    assert changes(OLD, new) == [
        Change("changed", "events[0].trigger[1]", 10, 11),
        Change("changed", "events[1].modality", "planned", "negated"),
    ]


def test_an_inserted_item_is_one_addition_not_a_shift():
    new = json.loads(json.dumps(OLD))
    inserted = {"type": "REJECT", "trigger": [12, 18], "modality": "asserted",
                "confidence": 0.9}
    new["events"].insert(1, inserted)
    assert changes(OLD, new) == [Change("added", "events[1]", new=inserted)]
    assert changes(new, OLD) == [Change("removed", "events[1]", old=inserted)]


def test_added_and_removed_keys_and_lists():
    new = {"times": [], "events": OLD["events"], "places": [{"text": "Kyiv"}]}
    found = changes(OLD, new)
    assert found == [Change("removed", "times[0]", old=OLD["times"][0]),
                     Change("added", "places", new=[{"text": "Kyiv"}])]
    assert counts(found) == {"added": 1, "removed": 1, "changed": 0}


def test_a_change_of_json_type_is_a_change():
    assert changes({"x": 1}, {"x": 1.0}) == [Change("changed", "x", 1, 1.0)]
    assert changes({"x": 1}, {"x": True}) == [Change("changed", "x", 1, True)]
    assert changes({"x": None}, {"x": 0}) == [Change("changed", "x", None, 0)]


def test_the_summary_counts_and_lists_each_change():
    new = json.loads(json.dumps(OLD))
    new["events"][1]["modality"] = "negated"
    del new["times"][0]
    lines = describe("events/x.expected.json", OLD, new)
    assert lines == [
        "changed events/x.expected.json: 0 added, 1 removed, 1 changed",
        '  removed times[0]: "Tuesday" [0, 7]',
        '  changed events[1].modality: "planned" -> "negated"',
    ]
    assert describe("events/y.expected.json", None, new) == ["new     events/y.expected.json"]


def _fake_goldens(tmp_path: Path) -> tuple[list[Path], Path]:
    folder = tmp_path / "events"
    folder.mkdir()
    same, moved = folder / "same.txt", folder / "moved.txt"
    for case in (same, moved):
        case.write_text("text", encoding="utf-8")
        case.with_suffix(".expected.json").write_text(render(OLD), encoding="utf-8")
    return [moved, same], folder / "moved.expected.json"


def _produce(case: Path) -> dict:
    data = json.loads(json.dumps(OLD))
    if case.name.startswith("moved."):
        data["events"][0]["modality"] = "hedged"
    return data


def _expected(case: Path) -> Path:
    return case.with_suffix(".expected.json")


def test_check_fails_on_a_difference_and_leaves_the_goldens(tmp_path):
    found, moved = _fake_goldens(tmp_path)
    out = io.StringIO()
    assert regenerate(found, _produce, _expected, tmp_path, True, out) == 1
    assert moved.read_text(encoding="utf-8") == render(OLD)  # not rewritten
    printed = out.getvalue().splitlines()
    assert printed[:2] == ["changed events/moved.expected.json: 0 added, 0 removed, 1 changed",
                           '  changed events[0].modality: "asserted" -> "hedged"']
    assert printed[2] == "2 goldens: 1 would change, 1 unchanged"
    assert "events/same" not in out.getvalue()
    written = Path(printed[3].split(" is in ")[1].split(";")[0])
    assert json.loads((written / "events" / "moved.expected.json").read_text(
        encoding="utf-8")) == _produce(moved)


def test_check_passes_when_nothing_differs(tmp_path):
    found, _ = _fake_goldens(tmp_path)
    out = io.StringIO()
    assert regenerate(found, lambda case: OLD, _expected, tmp_path, True, out) == 0
    assert out.getvalue() == "2 goldens: 0 would change, 2 unchanged\n"


def test_regenerating_rewrites_and_reports(tmp_path):
    found, moved = _fake_goldens(tmp_path)
    moved.write_text(json.dumps(_produce(moved)), encoding="utf-8")  # same values, other form
    out = io.StringIO()
    assert regenerate(found, _produce, _expected, tmp_path, False, out) == 0
    assert moved.read_text(encoding="utf-8") == render(_produce(moved))
    assert out.getvalue().splitlines() == ["changed events/moved.expected.json: formatting only",
                                           "2 goldens: 1 changed, 1 unchanged"]
