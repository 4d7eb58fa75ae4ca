from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SAMPLE
from wirewatch.errors import InputError, SettingError, UnsupportedFormat
from wirewatch.ingest import (
    ArticleMeta,
    Failure,
    RawArticle,
    Skipped,
    parse_published,
    read_file,
    read_paths,
)


def test_text_file_takes_metadata_from_its_sidecar():
    (item,) = read_file(SAMPLE)
    assert isinstance(item, RawArticle)
    assert item.meta.published == "2024-10-30"
    assert item.meta.source == "Yonhap News Agency"
    assert "pote\nntial" in item.text  # repair happens in normalize, not in the reader


def test_command_line_metadata_fills_in_only_what_the_file_does_not_say(tmp_path):
    given = ArticleMeta(published="2024-11-01", url="https://x.example", source="Wire")
    (item,) = read_paths([SAMPLE], given)
    assert item.meta.published == "2024-10-30"  # the sidecar's date stands
    assert item.meta.source == "Yonhap News Agency"
    assert item.meta.url == "https://x.example"  # the sidecar names no address
    (page,) = read_paths([FIXTURES / "envoy.html"], given)
    assert (page.meta.published, page.meta.source) == ("2024-11-02", "Harbor Ledger")
    records = [i for i in read_paths([FIXTURES / "mixed.jsonl"], given)
               if isinstance(i, RawArticle)]
    assert records[0].meta.published == "2024-05-16"  # the record's own date
    bare = tmp_path / "bare.txt"
    bare.write_text("Troops moved north on Monday.", encoding="utf-8")
    (item,) = read_paths([bare], given)
    assert (item.meta.published, item.meta.source) == ("2024-11-01", "Wire")


def test_html_main_text_and_metadata():
    (item,) = read_file(FIXTURES / "envoy.html")
    assert item.text.startswith("South Korea's foreign ministry said Saturday")
    assert "Privacy" not in item.text and "Sport" not in item.text
    assert item.meta.title == "Seoul weighs envoy visit"
    assert item.meta.source == "Harbor Ledger"
    assert item.meta.published == "2024-11-02"
    assert item.meta.url == "https://harbor-ledger.example/world/seoul-envoy"


def test_jsonl_bad_lines_fail_alone():
    items = list(read_file(FIXTURES / "mixed.jsonl"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["RawArticle", "Failure", "Failure", "RawArticle", "Failure"]
    assert items[0].meta.title == "Putin meets Xi" and items[0].meta.published == "2024-05-16"
    assert "not valid JSON" in items[1].reason and items[1].origin.endswith("mixed.jsonl:2")
    assert "needs a non-empty 'text' or 'html'" in items[2].reason
    assert items[3].text.startswith("Japanese Prime Minister Fumio Kishida")
    assert items[3].meta.url == "https://harbor-ledger.example/asia/kishida-seoul"
    assert "'May 5th' is not an ISO 8601 date" in items[4].reason


def test_folder_reads_recursively_and_records_bad_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Troops moved north on Monday.")
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / ".hidden.txt").write_text("hidden")
    items = {type(i).__name__ + ":" + i.origin.rsplit("/", 1)[-1]: i
             for i in read_paths([tmp_path])}
    assert set(items) == {"RawArticle:one.txt", "Failure:empty.txt", "Failure:blob.txt",
                          "Skipped:notes.md"}
    assert "empty" in items["Failure:empty.txt"].reason
    assert "binary" in items["Failure:blob.txt"].reason
    assert isinstance(items["Skipped:notes.md"], Skipped)


def test_a_named_file_with_an_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(UnsupportedFormat, match=r"unsupported file type '\.pdf'"):
        list(read_file(path))
    (failure,) = read_paths([path])
    assert isinstance(failure, Failure)


def test_missing_file():
    with pytest.raises(InputError, match="no such file"):
        list(read_file(FIXTURES / "missing.txt"))


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-10-30", "2024-10-30"),
    ("2024-10-30T08:30:00+09:00", "2024-10-30T08:30:00+09:00"),
    ("2024-10-30T08:30:00Z", "2024-10-30T08:30:00+00:00"),
    (None, None),
])
def test_published_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "30/10/2024"])
def test_bad_published_dates(value):
    with pytest.raises(SettingError, match="not an ISO 8601 date"):
        parse_published(value)


def test_a_text_file_without_a_date_takes_the_one_in_its_name(tmp_path):
    from wirewatch.ingest.text import date_in_name

    named = tmp_path / "wire-2024-10-30.txt"
    named.write_text("The ministry said talks would resume.", encoding="utf-8")
    (item,) = read_file(named)
    assert item.meta.published == "2024-10-30"
    assert date_in_name(Path("notes-2024-13-45.txt")) is None  # not a date
    assert date_in_name(Path("from-2024-01-02-to-2024-01-09.txt")) is None  # which one?
    (item,) = read_paths([named], ArticleMeta(published="2024-11-01"))
    assert item.meta.published == "2024-11-01"  # the command line counts for more than a name
