"""A hostile corpus written into a folder by the tests: what a careless or malicious source
can hand ``wirewatch ingest``, with the outcome each item must have."""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from wirewatch.ingest import READERS

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "yonhap-2024-10-30.txt"

# News-like sentences with names, places, numbers and dates, so the long article gives the
# extractors work on every line.
SENTENCES = (
    "President Volodymyr Zelenskyy said on Tuesday that {n:,} troops had moved toward Kharkiv.",
    "Officials in Seoul told reporters that at least {n} shells were fired near the border.",
    "The Russian defence ministry denied the report, according to state media.",
    "“We will not accept this,” the minister said in Moscow on March {d}.",
    "North Korean soldiers appear to be wearing Russian uniforms, an official said.",
    "Protesters gathered in Paris last week to demand the release of {n} prisoners.",
    "The United Nations could consider new sanctions depending on the vote in {y}.",
    "Police arrested {n} people in Lagos after clashes that killed {d} civilians.",
)
WORDS_PER_LONG_ARTICLE = 100_000
# Bytes of the large page: ten times the most the HTML reader parses.
LARGE_PAGE_BYTES = 50_000_000


@dataclass
class Corpus:
    """Files written, and the origin of every item they hold with the outcome it must have."""

    root: Path
    stored: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    skipped: set[str] = field(default_factory=set)
    named_files: list[Path] = field(default_factory=list)

    @property
    def items(self) -> int:
        return len(self.stored) + len(self.failed)

    def expect(self, origin: str, outcome: str) -> None:
        """Record that the item ``origin`` must end ``stored``, ``failed`` or ``skipped``."""
        {"stored": self.stored, "failed": self.failed, "skipped": self.skipped}[outcome].add(
            origin)

    def write(self, name: str, data: bytes | str, outcome: str,
              origin_suffix: str = "") -> Path:
        """Write one file whose one item (``origin_suffix`` names it inside the file) must
        end as ``outcome``."""
        path = self.root / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.expect(str(path) + origin_suffix, outcome)
        return path


def news(seed: int, sentences: int) -> str:
    """A distinct news-like text of about ``sentences`` sentences in paragraphs of five."""
    rng = random.Random(seed)
    lines = [rng.choice(SENTENCES).format(n=rng.randint(2, 20_000), d=rng.randint(1, 28),
                                          y=rng.randint(1990, 2030))
             for _ in range(sentences)]
    head = f"Story {seed}: officials in Kyiv spoke on Wednesday. "
    return head + "\n\n".join(" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5))


def long_article(words: int = WORDS_PER_LONG_ARTICLE) -> str:
    """News text of ``words`` words: the sample story's paragraphs (which hold events,
    quotes and attributions) shuffled, with their figures varied, between generated ones."""
    rng = random.Random(7)
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    parts: list[str] = []
    count = 0
    while count < words:
        paragraph = rng.choice(paragraphs).replace("11,000", f"{rng.randint(2, 90):,}000")
        parts += [paragraph, news(count, 5)]
        count += len(paragraph.split()) + len(parts[-1].split())
    return "\n\n".join(parts)


def large_page(size: int = LARGE_PAGE_BYTES) -> bytes:
    """A page of ``size`` bytes of distinct paragraphs inside one article element."""
    head = b"<html><head><title>Large</title></head><body><article>"
    parts, total, i = [head], len(head), 0
    while total < size:
        part = (f"<p>Officials in city {i} said on Tuesday that {i * 7} troops had moved "
                f"toward the border, according to statement {i}.</p>\n").encode()
        parts.append(part)
        total += len(part)
        i += 1
    parts.append(b"</article></body></html>")
    return b"".join(parts)


def nested_page(depth: int = 200_000) -> str:
    """Markup nested ``depth`` elements deep around one sentence."""
    return ("<html><body>" + "<div>" * depth + "<p>Officials said troops moved north.</p>"
            + "</div>" * depth + "</body></html>")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>Laughs</title><description>Troops moved north. &lol9;</description></item>
</channel></rss>
"""

SECRET = "wirewatch-secret-canary-7f3a"


def external_entity_feed(target: Path) -> str:
    """An Atom feed whose entry pulls a local file in through an external entity."""
    return f"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file://{target}">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Leak</title>
<entry><title>Leak</title><content>Officials said &xxe; troops moved.</content></entry>
</feed>
"""


def entity_page(declarations: str, body: str) -> str:
    """An XHTML page whose document type declares entities and whose article uses them."""
    return (f'<?xml version="1.0"?>\n<!DOCTYPE html [\n{declarations}\n]>\n'
            "<html><head><title>Entities</title></head><body><article>"
            f"<p>{body}</p></article></body></html>")


def odd_names() -> list[str]:
    """File names with spaces, accents, CJK, quotes, an emoji, a leading dash and, where the
    file system allows, a line break and bytes that are not UTF-8."""
    names = ["with space.txt", "ünïcødé 記事.txt", "quote's \"double\".txt", "emoji 🛰.txt",
             "-leading-dash.txt", "[brackets] & $dollar.txt"]
    if os.name == "posix":
        names += ["line\nbreak.txt", os.fsdecode(b"latin1-caf\xe9.txt")]
    return names


def jsonl_lines(corpus: Corpus) -> None:
    """A JSON Lines file of good and broken lines, each line its own item."""
    lines: list[tuple[bytes, str]] = [
        (json.dumps({"text": news(20, 12), "published": "2024-10-30"}).encode(), "stored"),
        (b'{"text": "Officials said troops moved", ', "failed"),
        (b"not json at all", "failed"),
        (json.dumps(["a", "list"]).encode(), "failed"),
        (json.dumps({"text": 42}).encode(), "failed"),
        (json.dumps({"title": "no body"}).encode(), "failed"),
        (json.dumps({"text": news(21, 12), "published": "yesterday"}).encode(), "failed"),
        (json.dumps({"text": news(28, 12), "title": ["not", "a", "string"]}).encode(),
         "failed"),
        (json.dumps({"html": "<html><body><script>x()</script></body></html>"}).encode(),
         "failed"),
        (json.dumps({"html": "<html><body><article><p>" + news(22, 12)
                     + "</p></article></body></html>", "url": "javascript:alert(1)"}
                    ).encode(), "stored"),
        (b'{"title": "\\udc00", "source": "\\ud800", "text": "' + news(29, 5).encode()
         + b'"}', "stored"),
        (b'{"text": "\\ud800 a lone surrogate. ' + news(23, 3).encode() + b'"}', "stored"),
        (json.dumps({"text": news(24, 12)}).encode() + b"\x00", "failed"),
        (json.dumps({"text": "\u202e\u0000\ufeff" + news(25, 12)}).encode(), "stored"),
        (json.dumps({"text": "Line\u2028separator. " + news(26, 5)},
                    ensure_ascii=False).encode(), "stored"),
        (json.dumps({"text": "Caf\u00e9 " + news(27, 5)}, ensure_ascii=False)
         .encode("cp1252"), "failed"),
        (b'{"text": "' + b"\xff\xfe\xc3\x28" * 50 + b'"}', "failed"),
        (b"[" * 100_000 + b"]" * 100_000, "failed"),
        (b"{" + b'"a": {' * 50_000 + b"}" * 50_001, "failed"),
        (b"  \t ", "blank"),
    ]
    path = corpus.root / "broken.jsonl"
    path.write_bytes(b"\n".join(line for line, _ in lines) + b"\r\n\n")
    for number, (_line, outcome) in enumerate(lines, start=1):
        if outcome != "blank":
            corpus.expect(f"{path}:{number}", outcome)


def build(root: Path, with_long_article: bool = True) -> Corpus:
    """Write the hostile corpus under ``root``; every item's expected outcome is recorded."""
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root)
    corpus.write("empty.txt", b"", "failed")
    corpus.write("blank.html", b" \n\t\n", "failed")
    corpus.write("empty.jsonl", b"\n\n", "failed")
    corpus.write("binary.txt", random.Random(1).randbytes(65_536), "failed")
    corpus.write("binary.jsonl", random.Random(2).randbytes(65_536), "failed")
    corpus.write("elf.html", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64, "failed")
    corpus.write("large.html", large_page(), "failed")
    corpus.write("nested.html", nested_page(), "failed")
    corpus.write("nested-inline.html", "<p>" + "<b><i>" * 100_000 + "Troops moved north."
                 + "</i></b>" * 100_000 + "</p>", "failed")
    corpus.write("invalid-utf8.txt", news(11, 30).encode() + b"\xff\xfe Korea \xc3\x28 end.",
                 "failed")
    corpus.write("utf16-no-bom.txt", news(12, 30).encode("utf-16-le"), "stored")
    corpus.write("utf16-be-no-bom.txt", news(13, 30).encode("utf-16-be"), "stored")
    corpus.write("utf16-no-bom.jsonl", (json.dumps({"text": news(14, 10)}) + "\n")
                 .encode("utf-16-le"), "stored", origin_suffix=":1")
    corpus.write("scripts-only.html", "<html><head><script>var a = 1;</script></head><body>"
                 + "<script>document.write('Officials said troops moved.');</script>" * 50
                 + "<style>p { color: red }</style><noscript></noscript></body></html>",
                 "failed")
    if with_long_article:
        corpus.write("long-article.txt", long_article(), "stored")
    jsonl_lines(corpus)

    secret = root.parent / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    # HTML is read by a parser that expands no entity: the page is stored, the entities
    # left as written; neither the bomb nor the local file gets into the text.
    corpus.write("billion-laughs.html", entity_page(
        BILLION_LAUGHS.split("[", 1)[1].split("]>", 1)[0],
        "Troops moved north toward the border on Tuesday, officials said. &lol9; The "
        "ministry confirmed the move."), "stored")
    corpus.write("external-entity.html", entity_page(
        f'<!ENTITY xxe SYSTEM "file://{secret}">',
        "Officials said &xxe; troops moved north toward the border on Tuesday, the ministry "
        "confirmed."), "stored")
    # Feeds are read as feeds (ingest/feeds.py), and these two are refused whole, before any
    # XML parser sees their entities.
    for name, feed in (("billion-laughs.rss", BILLION_LAUGHS),
                       ("external-entity.atom", external_entity_feed(secret))):
        corpus.write(name, feed, "failed" if Path(name).suffix in READERS else "skipped")

    for number, name in enumerate(odd_names()):
        try:
            path = corpus.write(name, news(100 + number, 10), "stored")
        except (OSError, UnicodeError):
            continue
        corpus.named_files.append(path)
    return corpus
