"""What differs between a committed golden and the extractors' output now, said by value path.

``make goldens`` prints this for every golden it rewrites and ``make goldens-check`` fails on
it, so that a change in the output is read value by value (``events[2].modality``) and never
slips in with a regeneration.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TextIO

VALUE_CHARS = 70  # a value longer than this is cut in the summary


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # "added", "removed" or "changed"
    path: str  # "events[2].modality"
    old: Any = None
    new: Any = None


def changes(old: Any, new: Any, path: str = "") -> list[Change]:
    """Every value added, removed or changed from ``old`` to ``new`` (parsed JSON).

    Lists are aligned on their equal items first, so one event inserted in the middle is one
    addition, not a change to every event after it."""
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[Change] = []
        for key in [*old, *(k for k in new if k not in old)]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in new:
                found.append(Change("removed", sub, old=old[key]))
            elif key not in old:
                found.append(Change("added", sub, new=new[key]))
            else:
                found += changes(old[key], new[key], sub)
        return found
    if isinstance(old, list) and isinstance(new, list):
        return _list_changes(old, new, path)
    # 1 and 1.0 and True are equal in Python but not the same JSON
    if type(old) is type(new) and old == new:
        return []
    return [Change("changed", path, old, new)]


def _list_changes(old: list[Any], new: list[Any], path: str) -> list[Change]:
    def key(item: Any) -> str:
        return json.dumps(item, sort_keys=True, ensure_ascii=False)

    matcher = SequenceMatcher(None, [key(x) for x in old], [key(x) for x in new],
                              autojunk=False)
    found: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):  # an item edited in place: say which of its values changed
            found += changes(old[i1 + k], new[j1 + k], f"{path}[{j1 + k}]")
        found += [Change("removed", f"{path}[{i}]", old=old[i]) for i in range(i1 + paired, i2)]
        found += [Change("added", f"{path}[{j}]", new=new[j]) for j in range(j1 + paired, j2)]
    return found


def show(value: Any) -> str:
    """A value as JSON on one line, cut to ``VALUE_CHARS``; a dict is named by its text, code
    or type and its span where it has them."""
    if isinstance(value, dict):
        name = next((value[k] for k in ("text", "code", "type") if value.get(k)), None)
        span = value.get("trigger") or (
            [value["start"], value["end"]] if "start" in value and "end" in value else None)
        if name is not None or span is not None:
            label = " ".join(json.dumps(x, ensure_ascii=False) for x in (name, span)
                             if x is not None)
            return _cut(label)
    return _cut(json.dumps(value, ensure_ascii=False))


def _cut(text: str) -> str:
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS - 1] + "…"


def counts(found: Iterable[Change]) -> dict[str, int]:
    tally = {"added": 0, "removed": 0, "changed": 0}
    for change in found:
        tally[change.kind] += 1
    return tally


def describe(name: str, old: Any | None, new: Any) -> list[str]:
    """The summary lines for one golden file: none when it is unchanged."""
    if old is None:
        return [f"new     {name}"]
    found = changes(old, new)
    if not found:
        return []
    tally = counts(found)
    lines = [f"changed {name}: {tally['added']} added, {tally['removed']} removed, "
             f"{tally['changed']} changed"]
    for change in found:
        if change.kind == "changed":
            lines.append(f"  changed {change.path}: {show(change.old)} -> {show(change.new)}")
        elif change.kind == "added":
            lines.append(f"  added   {change.path}: {show(change.new)}")
        else:
            lines.append(f"  removed {change.path}: {show(change.old)}")
    return lines


def render(data: Any) -> str:
    """A golden file's text: the format every committed golden is in."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def regenerate(cases: Iterable[Path], produce: Callable[[Path], Any],
               expected_path: Callable[[Path], Path], root: Path, check: bool,
               out: TextIO) -> int:
    """Write each case's output (into a temporary folder under ``check``, else over the
    committed golden), print what changed per golden, and return the exit status: 1 when
    checking finds any difference, else 0."""
    target_root = Path(tempfile.mkdtemp(prefix="goldens-")) if check else root
    differ = written = 0
    for case in cases:
        path = expected_path(case)
        name = str(path.relative_to(root))
        new = produce(case)
        text = render(new)
        old_text = path.read_text(encoding="utf-8") if path.exists() else None
        target = target_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
        if old_text == text:
            continue
        differ += 1
        lines = describe(name, None if old_text is None else json.loads(old_text), new)
        # the same values written differently (indentation, key order, escapes)
        for line in lines or [f"changed {name}: formatting only"]:
            print(line, file=out)
    verb = "would change" if check else "changed"
    print(f"{written} goldens: {differ} {verb}, {written - differ} unchanged", file=out)
    if check and differ:
        print(f"the new output is in {target_root}; run make goldens to take it", file=out)
        return 1
    if check:
        shutil.rmtree(target_root)
    return 0
