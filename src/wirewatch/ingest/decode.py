"""Bytes to text by the encoding the bytes declare or show, never by a guess that gives mojibake.

The order is a browser's (byte-order mark, then the HTTP header, then the page's own meta
charset or XML declaration), with two changes. Bytes that are valid UTF-8 are read as UTF-8
whatever a page declares: legacy text is almost never valid UTF-8 by chance, and pages often
declare the wrong charset. And where nothing is declared, windows-1252 is preferred among the
encodings charset-normalizer finds plausible: it is what English text not in UTF-8 is most
likely in, and the detector alone confuses it with its neighbours (cp1250 reads "Genève" as
"Genčve"). What no encoding makes legible is refused with its reason.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from email.message import Message

from ..errors import InputError

# How much of the start is looked at for NUL bytes, a charset declaration, legibility.
HEAD_BYTES = 8192
DECLARATION_BYTES = 4096
LEGIBILITY_SAMPLE_CHARS = 200_000

_BOMS = (  # UTF-32 LE first: its mark starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# A valid UTF-8 sequence of two to four bytes (RFC 3629: no overlongs, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
# Labels that mean windows-1252 on the web (WHATWG Encoding): pages that say latin-1 or ASCII
# use its curly quotes and euro sign.
_WINDOWS_1252_LABELS = {"cp1252", "iso8859-1", "ascii"}
# windows-1252 as browsers decode it: the five bytes Python's cp1252 leaves undefined are read
# as the C1 controls of the same number, so a declared windows-1252 page always decodes.
_WINDOWS_1252_HIGH = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                      for b in range(0x80, 0xA0)}
# Characters that legacy Western text (windows-1252, latin-1) all but never holds, while its
# bytes read that way often give them: "ÿþ" is a UTF-16 byte-order mark, "ð(" broken UTF-8.
_UNLIKELY = set("þÞðÐÿ¤¦¬¯‚ƒ†‡‰‹›¹¼¾µ¶ª")
_WHITESPACE_CONTROLS = set("\t\n\v\f\r")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def decode_bytes(data: bytes, origin: str, declared: str | None = None,
                 markup: bool = False) -> str:
    """The text of ``data``: by byte-order mark, else as UTF-8, else by the ``declared`` charset
    (an HTTP header's) or, for ``markup``, the page's own, else as detected. Raises
    ``InputError`` for binary data and for bytes no encoding makes legible."""
    text = _decode(data, origin, declared, markup)
    if not _few_controls(text):
        raise InputError(f"{origin}: binary file, not text")
    return text


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP Content-Type header, if it names one."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    if not isinstance(charset, str):
        return None
    return charset.strip() or None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its XML declaration or a ``<meta>`` tag near its start."""
    head = data[:DECLARATION_BYTES]
    found = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _decode(data: bytes, origin: str, declared: str | None, markup: bool) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{origin}: starts with a {name} byte-order mark but is not "
                                 f"valid {name}") from None
    if b"\x00" in data[:HEAD_BYTES]:
        return _utf16_without_bom(data, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    label = declared or (declared_charset(data) if markup else None)
    text = _decode_declared(data, label) if label else None
    if text is not None:
        return text
    valid = sum(map(len, _UTF8_MULTIBYTE.findall(data)))
    stray = len(data) - len(data.translate(None, _HIGH_BYTES)) - valid
    if valid >= stray:  # mostly UTF-8 with some bytes broken: no other encoding fits either
        bad = data[utf8_error.start]
        raise InputError(f"{origin}: not valid UTF-8 (byte 0x{bad:02x} at offset "
                         f"{utf8_error.start}) though the rest of it is")
    return _detected(data, origin)


def _decode_declared(data: bytes, label: str) -> str | None:
    """The bytes in a declared charset, or None when the label is unknown or does not fit."""
    try:
        codec = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if codec in _WINDOWS_1252_LABELS:
        return data.decode("latin-1").translate(_WINDOWS_1252_HIGH)
    if codec.startswith(("utf-16", "utf-32")):
        return None  # a declaration readable as ASCII is not in UTF-16 (WHATWG)
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):  # LookupError: a codec that is not for text
        return None


def _utf16_without_bom(data: bytes, origin: str) -> str:
    """Text holding NUL bytes is UTF-16 when the NULs fall on one side of each byte pair (the
    high byte of Latin letters) or charset-normalizer finds UTF-16 or UTF-32 (Hangul, Cyrillic
    with ASCII spaces); anything else holding NULs is binary."""
    head = data[:HEAD_BYTES]
    pairs = len(head) // 2
    even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
    if pairs >= 2 and odd >= 0.5 * pairs and even <= 0.1 * pairs:
        codecs_to_try = ["utf-16-le"]
    elif pairs >= 2 and even >= 0.5 * pairs and odd <= 0.1 * pairs:
        codecs_to_try = ["utf-16-be"]
    else:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        codecs_to_try = [best.encoding] if best and best.encoding.startswith(
            ("utf_16", "utf_32")) else []
    for codec in codecs_to_try:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            break
        if _legible(text):
            return text
    raise InputError(f"{origin}: binary file, not text")


def _detected(data: bytes, origin: str) -> str:
    """Bytes in a legacy encoding: windows-1252 where charset-normalizer finds it plausible at
    all, else its best match; refused unless that reads as text. When windows-1252 is
    plausible but illegible no other Latin encoding is tried: their letters would only dress
    up the same broken bytes ("Koreaÿþ" as "Korea˙ţ")."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if any("cp1252" in m.could_be_from_charset for m in matches):
        codec = "cp1252"
    elif best is not None:
        codec = best.encoding
    else:
        codec = None
    try:
        text = data.decode(codec) if codec else None
    except (UnicodeDecodeError, LookupError):
        text = None
    if text is None or not _legible(text):
        raise InputError(f"{origin}: not UTF-8, and no encoding makes it legible text "
                         "(binary or corrupt)")
    return text


def _few_controls(text: str) -> bool:
    """At most 5% of the start is control characters other than whitespace."""
    head = text[:HEAD_BYTES]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in _WHITESPACE_CONTROLS)
    return controls <= 0.05 * len(head) and text.count("\ufffd") <= 0.05 * len(text)


def _legible(text: str) -> bool:
    """Whether a detected decoding reads as text: no C1 controls (bytes the encoding leaves
    undefined), and fewer than half of its non-ASCII characters unlikely ones: spacing
    accents, private use, unassigned, Western characters that text all but never holds, and
    accented capitals standing alone ("Ã(" from broken UTF-8)."""
    sample = text[:LEGIBILITY_SAMPLE_CHARS]
    if not _few_controls(sample):
        return False
    wide = unlikely = 0
    for found in _NON_ASCII.finditer(sample):
        ch, at = found.group(), found.start()
        if 0x80 <= ord(ch) < 0xA0:
            return False
        wide += 1
        alone = not (at and sample[at - 1].isalpha()) and not sample[at + 1:at + 2].isalpha()
        if (ch in _UNLIKELY or unicodedata.category(ch) in ("Sk", "Co", "Cn", "Cs")
                or (alone and ch.isupper())):
            unlikely += 1
    return 2 * unlikely < wide or not wide
