"""Rewrite every tests/golden/*/*.expected.json from the current extractors.

Run ``make goldens``, then read ``git diff tests/golden`` before committing: a golden changes
only when the new output is right.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.golden import cases, expected_path, produce


def main() -> None:
    for case in cases():
        path = expected_path(case)
        text = json.dumps(produce(case), ensure_ascii=False, indent=1) + "\n"
        changed = not path.exists() or path.read_text(encoding="utf-8") != text
        path.write_text(text, encoding="utf-8")
        print(f"{'changed' if changed else 'same   '} {path.relative_to(path.parents[2])}")


if __name__ == "__main__":
    main()
