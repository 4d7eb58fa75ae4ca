"""The import rules of docs/architecture.md: every module under src/wirewatch is parsed and
each of its imports (at the top, inside functions, under TYPE_CHECKING) is checked against
the layers, so that a lower layer never reaches up and the read and write paths stay apart.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "wirewatch"

# The foundation: plain data and helpers that any part may import.
BASE = frozenset({"errors", "model", "kinds", "config", "resources", "urls"})
# Each part of the package (a top-level module or subpackage) and the other parts it may
# import. "wirewatch" is the package itself: the public API of ``wirewatch/__init__.py``.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "model": frozenset(),
    "kinds": frozenset({"model"}),
    "urls": frozenset(),
    "config": frozenset({"errors"}),
    "resources": frozenset({"errors"}),
    "ingest": BASE,
    "normalize": BASE | {"ingest"},
    "extractors": BASE | {"normalize"},
    # the model's rule components run a Doc at a time
    "doc_rules": frozenset(),
    "nlp": BASE | {"normalize", "extractors", "doc_rules"},
    "convert": BASE | {"normalize", "extractors", "nlp"},
    # the per-article pipeline: items in, Documents or Failures out
    "pipeline": BASE | {"ingest", "normalize", "extractors", "nlp", "convert"},
    "store": BASE | {"ingest"},
    "link": BASE | {"ingest", "store"},
    "evaluate": BASE | {"ingest", "normalize", "extractors", "nlp", "convert", "pipeline",
                        "store", "link"},
    "api": BASE | {"ingest", "normalize", "extractors", "pipeline", "store", "link"},
    # batch extraction of shards to Parquet, on local processes or Ray
    "batch": BASE | {"ingest", "pipeline", "nlp"},
    # events out in other tools' formats, read through store.read
    "export": BASE | {"store"},
    # polling feeds: fetches through ingest, writes through pipeline and link
    "watch": BASE | {"ingest", "pipeline", "store", "link"},
    # the top: the package's public API (its version) included
    "cli": BASE | {"wirewatch", "ingest", "normalize", "extractors", "nlp", "convert",
                   "pipeline", "store", "link", "api", "evaluate", "export", "batch", "watch"},
    "wirewatch": BASE | {"ingest", "pipeline"},
}
# Third-party libraries kept to their layers: SQLAlchemy is the store's (and linking's,
# which writes through the store's transaction); spaCy never loads for parts that work on
# stored data or plain files.
SQL_ONLY_IN = frozenset({"store", "link"})
NO_SPACY_IN = frozenset({"errors", "model", "kinds", "config", "resources", "urls", "ingest",
                         "normalize", "store", "api", "cli", "wirewatch", "export", "watch"})
# The store's own modules; the parts that serve the ledger read it through ``wirewatch.store``
# and ``wirewatch.store.read``, not through its tables and SQL.
STORE_INTERNALS = frozenset({"wirewatch.store.schema", "wirewatch.store.repository",
                             "wirewatch.store.conflicts"})
SERVING = frozenset({"api", "cli"})
# Modules of ``extractors`` that extractors share (what one article's extractors found, the
# vocabulary of reported speech and of factuality, places, offsets); an extractor imports
# these and no other extractor.
SHARED_EXTRACT = frozenset({"wirewatch.extractors.spans", "wirewatch.extractors.gazetteer",
                            "wirewatch.extractors.reporting", "wirewatch.extractors.annotations",
                            "wirewatch.extractors.modality"})

def module_names() -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


MODULES = module_names()


def imported(name: str, path: Path) -> Iterator[str]:
    """The modules ``name`` imports: wirewatch modules by their full name (a name imported
    from a package that is itself a module counts as that module), others by their
    top-level package."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name if alias.name.startswith("wirewatch") \
                    else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("wirewatch"):
                yield target.split(".")[0]
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                yield sub if sub in MODULES else target


def part(name: str) -> str:
    """The part of the package a wirewatch module belongs to."""
    return name.split(".")[1] if "." in name else name


def breaks_a_rule(name: str, target: str) -> bool:
    """Whether module ``name`` importing ``target`` goes against the layers."""
    mine = part(name)
    if not target.startswith("wirewatch"):
        return (target == "sqlalchemy" and mine not in SQL_ONLY_IN) or (
            target == "spacy" and mine in NO_SPACY_IN)
    theirs = part(target)
    if theirs != mine and theirs not in MAY_IMPORT[mine]:
        return True
    if mine in SERVING and target in STORE_INTERNALS:
        return True
    return mine == theirs == "extractors" and target not in SHARED_EXTRACT | {
        "wirewatch.extractors"}


def violations() -> set[str]:
    """Every import against the rules, as "module -> imported"."""
    return {f"{name} -> {target}" for name, path in MODULES.items()
            for target in set(imported(name, path)) if breaks_a_rule(name, target)}


def test_every_part_of_the_package_has_its_layer() -> None:
    parts = {part(name) for name in MODULES}
    assert parts - set(MAY_IMPORT) == set(), \
        "a new part of the package: give it its layer here and in docs/architecture.md"
    for allowed in MAY_IMPORT.values():
        assert allowed <= set(MAY_IMPORT)


def test_imports_go_down_the_layers() -> None:
    found = violations()
    assert not found, "imports against docs/architecture.md:\n" + "\n".join(sorted(found))


@pytest.mark.parametrize(("name", "target"), [
    ("wirewatch.store.repository", "wirewatch.link"),
    ("wirewatch.extractors.times", "wirewatch.extractors.statements"),
    ("wirewatch.model", "spacy"),
    ("wirewatch.api.v1", "sqlalchemy"),
    ("wirewatch.api.pages", "sqlalchemy"),
])
def test_the_fixed_layering_stays_fixed(name: str, target: str) -> None:
    assert target not in set(imported(name, MODULES[name]))


def test_the_checker_sees_relative_and_late_imports(tmp_path: Path) -> None:
    source = tmp_path / "v1.py"
    source.write_text("from ..store import schema\nfrom . import guard\n"
                      "def f():\n    from ..link import merge\n    import sqlalchemy.orm\n",
                      encoding="utf-8")
    assert set(imported("wirewatch.api.v1", source)) == {
        "wirewatch.store.schema", "wirewatch.api.guard", "wirewatch.link.merge",
        "sqlalchemy"}


def test_the_api_reads_only_through_store_read() -> None:
    """Neither SQLAlchemy nor an engine anywhere in the API's code: every read is a
    ``store.read`` listing, every write the pipeline's."""
    for path in sorted((PACKAGE / "api").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "sqlalchemy" not in source.lower() and ".engine" not in source, path.name
