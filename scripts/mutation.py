"""Mutation testing: do the tests catch small faults in the code they are meant to guard?

``make mutation`` runs mutmut (its settings are ``[tool.mutmut]`` in pyproject.toml) over
``convert``, the modality, quantity and time rules, the store's reads and the API's auth, on
one slice of the mutants, and writes the score and every surviving mutant, with the reason
it survives, to the "Mutation testing" section of docs/reliability.md.

A slice is every mutant whose number ends in the given digit: a fixed tenth of each
function's mutants, so that a run takes 5 to 10 minutes a slice on two cores. The reasons
are kept by hand in docs/mutation_survivors.tsv (mutant, reason); a survivor without one is
listed as "not yet explained". Not part of ``make test`` or CI.
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = Path(sys.executable).parent / "mutmut"
DOC = ROOT / "docs" / "reliability.md"
REASONS = ROOT / "docs" / "mutation_survivors.tsv"
SECTION = "## Mutation testing"
LOG = ROOT / "mutants" / "mutmut.log"

STORE_READS = ("failures", "find_article_id", "document", "unlinked")
AUTH = ("bearer", "matches", "session_value", "write_problem", "may_read", "safe_next")
TARGETS: tuple[tuple[str, str], ...] = (
    ("wirewatch.convert.*", "convert.py"),
    ("wirewatch.extractors.modality.*", "extractors/modality.py"),
    ("wirewatch.extractors.quantities.*", "extractors/quantities.py"),
    ("wirewatch.extractors.times.*", "extractors/times.py (the helpers; the grammar is data)"),
    ("wirewatch.store.read.*", "store/read/ (every listing)"),
    *((f"wirewatch.store.repository.xǁStoreǁ{name}", f"Store.{name}") for name in STORE_READS),
    *((f"wirewatch.api.guard.x_{name}", f"guard.{name}") for name in AUTH),
    ("wirewatch.api.guard.xǁGuardǁ_refusal", "Guard._refusal"),
    ("wirewatch.api.guard.xǁGuardǁ_login", "Guard._login"),
)
DETECTED = {"killed", "timeout", "caught by type check"}


@dataclass(frozen=True, slots=True)
class Score:
    killed: int
    total: int
    by_status: dict[str, int]

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 0.0


def patterns(digits: str) -> list[str]:
    """The mutant-name globs of the targets, restricted to mutants numbered ``...<digit>``."""
    return [f"{target}__mutmut_*{d}" for target, _ in TARGETS for d in digits]


def selected(name: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, g) for g in globs)


def parse_results(text: str) -> dict[str, str]:
    """``mutmut results --all true`` lines (``    name: status``) as {name: status}."""
    found = {}
    for line in text.splitlines():
        name, sep, status = line.strip().partition(": ")
        if sep and "__mutmut_" in name:
            found[name] = status.strip()
    return found


def score(results: dict[str, str]) -> Score:
    """Killed (or timed out) over all mutants: one without a test counts as surviving."""
    by_status = Counter(results.values())
    killed = sum(n for status, n in by_status.items() if status in DETECTED)
    return Score(killed, len(results), dict(sorted(by_status.items())))


def read_reasons(path: Path = REASONS) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["mutant"]: row["reason"] for row in csv.DictReader(
            (line for line in f if not line.startswith("#")), delimiter="\t",
            quoting=csv.QUOTE_NONE)}


def replace_section(document: str, section: str) -> str:
    """``document`` with its "Mutation testing" section (up to the next ``## `` heading)
    replaced by ``section``, or ``section`` appended when there is none."""
    start = document.find(SECTION + "\n")
    if start < 0:
        return document.rstrip("\n") + ("\n\n" if document.strip() else "") + section
    following = re.search(r"^## ", document[start + len(SECTION):], re.MULTILINE)
    end = start + len(SECTION) + following.start() if following else len(document)
    return document[:start] + section + ("\n" + document[end:] if following else "")


def mutant_change(name: str) -> str:
    """The mutant's changed line, as ``old → new`` (from ``mutmut show``)."""
    shown = subprocess.run([str(MUTMUT), "show", name], cwd=ROOT, capture_output=True,
                           text=True, check=False).stdout
    old = [ln[1:].strip() for ln in shown.splitlines()
           if ln.startswith("-") and not ln.startswith("---")]
    new = [ln[1:].strip() for ln in shown.splitlines()
           if ln.startswith("+") and not ln.startswith("+++")]
    def cell(lines: list[str]) -> str:  # a table cell: no pipe may end it early
        return "`" + " ".join(lines)[:90].replace("|", "\\|") + "`"

    return f"{cell(old)} → {cell(new)}"


def by_slice(results: dict[str, str]) -> dict[str, Score]:
    """The score of each slice (last digit of the mutant number) among ``results``."""
    digits = sorted({name[-1] for name in results})
    return {d: score({n: s for n, s in results.items() if n.endswith(d)}) for d in digits}


def render(result: Score, survivors: list[tuple[str, str, str]], digits: str,
           minutes: float, slices: dict[str, Score] | None = None, note: str = "",
           in_scope: int | None = None) -> str:
    statuses = ", ".join(f"{n} {status}" for status, n in result.by_status.items())
    lines = [
        SECTION, "",
        "Written by `make mutation` (`scripts/mutation.py`, mutmut "
        f"{_mutmut_version()}); not part of `make test` or CI.", "",
        f"**Score: {result.percent:.1f}% of mutants killed** ({result.killed} of "
        f"{result.total}; {statuses}); slice {digits} (every mutant numbered "
        + " or ".join(f"…{d}" for d in digits) + f"), {minutes:.0f} minutes on this machine.",
        "",
        *([("By slice: " + "; ".join(f"…{d} {sc.percent:.1f}% ({sc.killed} of {sc.total})"
                                     for d, sc in slices.items()) + "."), ""]
          if slices and len(slices) > 1 else []),
        *([note, ""] if note else []),
        "What is mutated: " + ", ".join(label for _, label in TARGETS) + ".",
        "The tests that run are the fast ones that exercise this code "
        "(`pytest_add_cli_args_test_selection` in pyproject.toml); for each mutant mutmut "
        "runs only those that call the mutated function.",
        "A slice is a fixed tenth of every function's mutants: a whole run of all "
        + (f"{in_scope:,} " if in_scope else "") + "mutants takes hours on two cores. "
        "`make mutation SLICE=37` runs two slices.",
        "",
    ]
    if survivors:
        lines += ["| surviving mutant | change | why it survives |", "| --- | --- | --- |"]
        lines += [f"| `{name.removeprefix('wirewatch.')}` | {change} | {reason} |"
                  for name, change, reason in survivors]
    else:
        lines.append("No mutant survived.")
    return "\n".join(lines) + "\n"


def _mutmut_version() -> str:
    """The installed mutmut's version (it is only in the ``mutation`` extra, not in CI's)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mutmut")
    except PackageNotFoundError:
        return "not installed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slice", default="0",
                        help="last digits of the mutant numbers to run (default 0: a tenth)")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite the section from the last run without running mutmut")
    parser.add_argument("--note", default="",
                        help="a paragraph to print under the score (how the slices were used)")
    args = parser.parse_args(argv)
    digits = "".join(sorted(set(args.slice)))
    if not digits.isdigit():
        parser.error("--slice takes digits, such as 0 or 37")
    globs = patterns(digits)
    started = time.monotonic()
    if not args.report_only:
        # a fresh copy: mutmut keeps an old copy of every file it does not mutate
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
        (ROOT / "mutants").mkdir()
        with LOG.open("w", encoding="utf-8") as log:
            run = subprocess.run([str(MUTMUT), "run", "--max-children", "2", *globs],
                                 cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False)
        if run.returncode != 0:
            print(f"mutmut failed (exit {run.returncode}); see {LOG}", file=sys.stderr)
            return 1
    minutes = (time.monotonic() - started) / 60
    listed = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    everything = parse_results(listed)
    results = {name: status for name, status in everything.items() if selected(name, globs)}
    in_scope = sum(selected(name, patterns("0123456789")) for name in everything)
    if not results:
        print("no results for this slice: run without --report-only first", file=sys.stderr)
        return 1
    result = score(results)
    reasons = read_reasons()
    survivors = [(name, mutant_change(name), reasons.get(name, "not yet explained"))
                 for name, status in sorted(results.items(), key=lambda x: _order(x[0]))
                 if status not in DETECTED]
    if args.report_only and DOC.exists():
        document = DOC.read_text(encoding="utf-8")
        old = re.search(r"(\d+) minutes on this machine", document[document.find(SECTION):])
        minutes = float(old.group(1)) if old else minutes
    section = render(result, survivors, digits, minutes, by_slice(results), args.note,
                     in_scope)
    DOC.write_text(replace_section(DOC.read_text(encoding="utf-8") if DOC.exists() else
                                   "# Reliability\n", section), encoding="utf-8")
    print(f"mutation score {result.percent:.1f}% ({result.killed} of {result.total} killed), "
          f"{len(survivors)} surviving; written to {DOC.relative_to(ROOT)}")
    return 0


def _order(name: str) -> tuple[str, int]:
    base, _, number = name.rpartition("__mutmut_")
    return base, int(number)


if __name__ == "__main__":
    sys.exit(main())
