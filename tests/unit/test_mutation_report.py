"""The mutation report: which mutants a slice takes, how the score counts, and how its section
replaces the old one in docs/reliability.md (mutmut itself runs only under make mutation)."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("mutation", ROOT / "scripts" / "mutation.py")
mutation = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("mutation", mutation)  # dataclasses look their module up
_spec.loader.exec_module(mutation)


def test_a_slice_takes_the_mutants_numbered_with_its_digits():
    globs = mutation.patterns("05")
    assert len(globs) == 2 * len(mutation.TARGETS)
    taken = [f"wirewatch.convert.x_to_document__mutmut_{n}" for n in (5, 10, 100, 205)]
    left = [f"wirewatch.convert.x_to_document__mutmut_{n}" for n in (1, 11, 101, 59)]
    assert all(mutation.selected(name, globs) for name in taken)
    assert not any(mutation.selected(name, globs) for name in left)


def test_only_the_reads_of_the_store_and_the_auth_of_the_api():
    globs = mutation.patterns("0123456789")
    assert mutation.selected("wirewatch.store.read.events.x_list_events__mutmut_3", globs)
    assert mutation.selected("wirewatch.store.repository.xǁStoreǁdocument__mutmut_3", globs)
    assert mutation.selected("wirewatch.api.guard.x_bearer__mutmut_3", globs)
    assert not mutation.selected("wirewatch.store.repository.xǁStoreǁsave__mutmut_3", globs)
    assert not mutation.selected("wirewatch.store.repository.x_open_store__mutmut_3", globs)
    assert not mutation.selected("wirewatch.api.guard.x__with_security_headers__mutmut_3",
                                 globs)
    assert not mutation.selected("wirewatch.extractors.events.x_code__mutmut_3", globs)


def test_results_and_score():
    listed = ("    wirewatch.convert.x_to_document__mutmut_1: killed\n"
              "    wirewatch.convert.x_to_document__mutmut_2: survived\n"
              "    wirewatch.convert.x_check_offsets__mutmut_1: no tests\n"
              "    wirewatch.convert.x_check_offsets__mutmut_2: timeout\n"
              "some other line\n")
    results = mutation.parse_results(listed)
    assert results == {"wirewatch.convert.x_to_document__mutmut_1": "killed",
                       "wirewatch.convert.x_to_document__mutmut_2": "survived",
                       "wirewatch.convert.x_check_offsets__mutmut_1": "no tests",
                       "wirewatch.convert.x_check_offsets__mutmut_2": "timeout"}
    score = mutation.score(results)
    assert (score.killed, score.total, score.percent) == (2, 4, 50.0)  # no tests: survived
    assert score.by_status == {"killed": 1, "no tests": 1, "survived": 1, "timeout": 1}


def test_the_section_is_replaced_in_place_or_appended():
    section = "## Mutation testing\n\nnew\n"
    assert mutation.replace_section("", section) == section
    assert mutation.replace_section("# Reliability\n", section) == (
        "# Reliability\n\n## Mutation testing\n\nnew\n")
    doc = "# R\n\n## Crashes\n\nx\n\n## Mutation testing\n\nold\n\n## Concurrency\n\ny\n"
    assert mutation.replace_section(doc, section) == (
        "# R\n\n## Crashes\n\nx\n\n## Mutation testing\n\nnew\n\n## Concurrency\n\ny\n")
    last = "# R\n\n## Mutation testing\n\nold\n"
    assert mutation.replace_section(last, section) == "# R\n\n" + section


def test_reasons_are_read_from_a_tsv(tmp_path):
    path = tmp_path / "survivors.tsv"
    path.write_text('# kept by hand\nmutant\treason\nwirewatch.a.x_b__mutmut_1\t"no" is no cue\n',
                    encoding="utf-8")
    assert mutation.read_reasons(path) == {"wirewatch.a.x_b__mutmut_1": '"no" is no cue'}
    assert mutation.read_reasons(tmp_path / "none.tsv") == {}


def test_each_slice_is_scored_apart():
    results = {"wirewatch.a.x_f__mutmut_10": "killed", "wirewatch.a.x_f__mutmut_20": "survived",
               "wirewatch.a.x_f__mutmut_5": "killed", "wirewatch.a.x_f__mutmut_15": "killed"}
    slices = mutation.by_slice(results)
    assert {d: (s.killed, s.total) for d, s in slices.items()} == {"0": (1, 2), "5": (2, 2)}
    section = mutation.render(mutation.score(results), [], "05", 3.0, slices, "A note.", 2950)
    assert "By slice: …0 50.0% (1 of 2); …5 100.0% (2 of 2).\n\nA note.\n" in section
    assert "a whole run of all 2,950 mutants" in section
    assert "**Score: 75.0% of mutants killed** (3 of 4;" in section
