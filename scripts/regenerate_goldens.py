"""Regenerate tests/golden/*/*.expected.json from the current extractors, saying what changed.

``make goldens`` rewrites every golden and prints, per file, the values added, removed and
changed (``events[2].modality: "asserted" -> "negated"``): read it, and ``git diff
tests/golden``, before committing; a golden changes only when the new output is right.

``make goldens-check`` (``--check``) writes the new output to a temporary folder instead,
prints the same summary and exits 1 when any golden would change, leaving the committed
goldens as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.golden import GOLDEN, cases, expected_path, produce
from tests.golden.changes import regenerate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare only: exit 1 if any golden would change")
    args = parser.parse_args(argv)
    return regenerate(cases(), produce, expected_path, GOLDEN, args.check, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
