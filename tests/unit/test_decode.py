"""Bytes are read in the encoding they declare or show; what no encoding makes legible fails."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.errors import InputError
from wirewatch.ingest import Failure, RawArticle, read_paths
from wirewatch.ingest.decode import charset_of, declared_charset, decode_bytes

SENTENCE = "Kim Jong Un met Moon Jae-in in Seoul."
# windows-1252's own characters (curly quotes, euro sign, dash) beside latin-1's letters
WESTERN = "The ministry said “we will pay €5 million” — it’s final, in Genève and Zürich."
LATIN_1 = "Le président a visité Zürich et Genève à l'été, a dit le ministère."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le",
                                      "utf-16-be", "utf-32", "cp1252", "latin-1"])
def test_the_sentence_in_each_encoding(encoding):
    assert decode_bytes(SENTENCE.encode(encoding), "x.txt") == SENTENCE


@pytest.mark.parametrize(("text", "encoding"), [
    (WESTERN, "cp1252"), (WESTERN, "utf-8"), (WESTERN, "utf-16-le"), (WESTERN, "utf-16-be"),
    (LATIN_1, "latin-1"), ("“Peace” costs €5.", "cp1252"), ("Café in Zürich.", "latin-1"),
    ("김정은 위원장이 서울에서 문재인 대통령을 만났다.", "utf-16-le"),
    ("김정은 위원장이 서울에서 문재인 대통령을 만났다.", "euc-kr"),
    ("Президент России встретился с лидером Северной Кореи в Москве.", "cp1251"),
])
def test_undeclared_encodings_are_detected(text, encoding):
    assert decode_bytes(text.encode(encoding), "x.txt") == text


@pytest.mark.parametrize(("data", "reason"), [
    (b"Troops entered North Korea\xff\xfe on Monday, officials said.", "no encoding"),
    (b"Kim Jong Un met \xc3\x28 Moon \xa0\xa1 Jae-in \xe2\x82 in Seoul \xf0\x28\x8c\xbc.",
     "no encoding"),
    (bytes(range(0x80, 0x100)) * 4, "no encoding"),
    ("Moon Jae-in’s “sunshine” policy – ".encode() + b"\xff ended.",
     "not valid UTF-8 (byte 0xff at offset 42)"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00", "binary file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file"),
    (b"\xff\xfeK\x00i\x00m\x00\x00\xd8", "not valid UTF-16"),  # a lone surrogate
])
def test_undecodable_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(InputError, match=r"^x\.txt: ") as raised:
        decode_bytes(data, "x.txt")
    assert reason in str(raised.value)


def test_a_page_is_read_in_the_charset_it_declares():
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
            "</head><body><p>Москва</p></body></html>").encode("koi8-r")
    assert declared_charset(html) == "koi8-r"
    assert "<p>Москва</p>" in decode_bytes(html, "x.html", markup=True)
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?><p>“Zürich”</p>'.encode("cp1252")
    assert declared_charset(xml) == "ISO-8859-1"  # on the web latin-1 means windows-1252
    assert decode_bytes(xml, "x.html", markup=True).endswith("<p>“Zürich”</p>")
    assert decode_bytes(b"<meta charset=windows-1252><p>\x81\x93</p>", "x.html",
                        markup=True).endswith("<p>\x81“</p>")  # as a browser reads it


def test_an_http_header_charset_comes_before_the_page():
    assert charset_of('text/html; charset="ISO-8859-5"') == "ISO-8859-5"
    assert charset_of("text/html") is None and charset_of(None) is None
    page = '<meta charset="utf-8"><p>Москва</p>'.encode("iso-8859-5")
    assert decode_bytes(page, "x", declared=charset_of("text/html; charset=iso-8859-5"),
                        markup=True).endswith("<p>Москва</p>")


def test_valid_utf8_wins_over_a_wrong_declaration():
    page = '<meta charset="iso-8859-1"><p>“Zürich”</p>'.encode()
    assert decode_bytes(page, "x.html", markup=True).endswith("<p>“Zürich”</p>")


def test_readers_record_undecodable_files_and_go_on(tmp_path):
    files = {
        "utf16.txt": SENTENCE.encode("utf-16"),
        "utf16-nobom.txt": SENTENCE.encode("utf-16-le"),
        "western.txt": WESTERN.encode("cp1252"),
        "latin1.txt": LATIN_1.encode("latin-1"),
        "mojibake.txt": b"Troops entered North Korea\xff\xfe on Monday.",
        "page.html": (f"<html><head><meta charset='windows-1252'><title>Talks</title></head>"
                      f"<body><article><p>{WESTERN} {SENTENCE}</p></article></body></html>"
                      ).encode("cp1252"),
        "lines.jsonl": (f'{{"text": "{WESTERN}"}}\n').encode("utf-16"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    items = {i.origin.rsplit("/", 1)[-1]: i for i in read_paths([tmp_path])}
    assert items["utf16.txt"].text == items["utf16-nobom.txt"].text == SENTENCE
    assert items["western.txt"].text == WESTERN
    assert items["latin1.txt"].text == LATIN_1
    assert WESTERN in items["page.html"].text
    assert items["lines.jsonl:1"].text == WESTERN
    failed = items["mojibake.txt"]
    assert isinstance(failed, Failure) and "no encoding makes it legible" in failed.reason
    assert sum(isinstance(i, RawArticle) for i in items.values()) == len(files) - 1


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_text_or_a_reason(data):
    try:
        text = decode_bytes(data, "x.txt")
    except InputError as err:
        assert str(err).startswith("x.txt: ") and "\n" not in str(err)
    else:
        assert isinstance(text, str)
        if data and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) \
                and b"\x00" not in data:
            try:
                as_utf8 = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:  # valid UTF-8 is read as UTF-8, never as a guess
                assert text == as_utf8


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"),
                                blacklist_characters="\ufeff\ufffd"), min_size=1, max_size=200))
def test_any_utf8_text_reads_back(text):
    assert decode_bytes(text.encode("utf-8"), "x.txt") == text
