"""Cross-document event coreference on ECB+ (CAT XML): MUC, B³, CEAF-e and CoNLL F1.

The gold event mentions (``ACTION_*``, ``NEG_ACTION_*``) of the sentences listed in
``ECBplus_coreference_sentences.csv`` are clustered two ways in the same run:

- baseline: mentions in one topic with the same head lemma are one event;
- wirewatch: each topic's documents are stored and linked as a feed would be (stories,
  merged events); mentions with the same head lemma within one story are one event, and the
  clusters of mentions that overlap events wirewatch merged across articles are joined.

Gold clusters follow ``CROSS_DOC_COREF``/``INTRA_DOC_COREF`` relations to event instances; a
mention in none is a singleton. Every topic folder is scored unless ``topics`` names some;
topics 23-25 are the development topics by convention (``--topics 23,24,25``).
"""

from __future__ import annotations

import csv
import hashlib
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, SettingError

CORPUS = "ECB+"
SENTENCES = "ECBplus_coreference_sentences.csv"


@dataclass(slots=True)
class Mention:
    key: str  # "<file>:<m_id>"
    doc: str
    start: int  # characters in the document's text
    end: int
    gold: str  # gold cluster id


@dataclass(slots=True)
class CatDocument:
    name: str
    topic: str
    text: str
    mentions: list[Mention]


def read_document(path: Path, topic: str, scored: set[int]) -> CatDocument:
    """Text (tokens joined by spaces, a line per sentence) and the scored event mentions."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        raise InputError(f"{path}: cannot read ECB+ XML ({err})") from None
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    position, current = 0, None
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        if current is not None and sentence != current:
            pieces.append("\n")
            position += 1
        elif current is not None:
            pieces.append(" ")
            position += 1
        current = sentence
        word = token.text or ""
        offsets[token.get("t_id", "")] = (position, position + len(word))
        sentence_of[token.get("t_id", "")] = sentence
        pieces.append(word)
        position += len(word)
    clusters: dict[str, str] = {}
    for relation in (*root.iter("CROSS_DOC_COREF"), *root.iter("INTRA_DOC_COREF")):
        target = relation.find("target")
        note = relation.get("note") or (target.get("m_id") if target is not None else "")
        for source in relation.iter("source"):
            clusters.setdefault(source.get("m_id", ""), f"{topic}:{note}")
    mentions = []
    for element in root.iter():
        if not (element.tag.startswith("ACTION_") or element.tag.startswith("NEG_ACTION_")):
            continue
        anchors = [a.get("t_id", "") for a in element.iter("token_anchor")]
        spans = [offsets[a] for a in anchors if a in offsets]
        if not spans or sentence_of.get(anchors[0]) not in scored:
            continue
        m_id = element.get("m_id", "")
        key = f"{path.stem}:{m_id}"
        mentions.append(Mention(key, path.stem, min(s for s, _ in spans),
                                max(e for _, e in spans), clusters.get(m_id, key)))
    return CatDocument(path.stem, topic, "".join(pieces), mentions)


def parse_topics(text: str | None) -> tuple[str, ...] | None:
    """``"23,24, 25"`` -> ("23", "24", "25"); None or blank means every topic."""
    if text is None or not text.strip():
        return None
    topics = tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
    bad = [t for t in topics if not t.isdigit()]
    if bad:
        raise SettingError(f"--topics {text!r}: topics are numbers separated by commas "
                           "(23,24,25)")
    return tuple(str(int(t)) for t in topics)


def read_corpus(data: Path, topics: tuple[str, ...] | None = None) -> list[CatDocument]:
    """The documents with listed sentences, of the given topics or of every topic folder."""
    corpus = data / CORPUS if (data / CORPUS).is_dir() else data
    listing = data / SENTENCES if (data / SENTENCES).exists() else corpus.parent / SENTENCES
    if not listing.exists():
        raise InputError(f"{data}: expected {SENTENCES} beside the {CORPUS} folder")
    scored: dict[str, set[int]] = defaultdict(set)
    try:
        with listing.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                scored[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as err:
        raise InputError(f"{listing}: expected the columns Topic, File, Sentence Number "
                         f"({err})") from None
    if topics is None:
        topics = tuple(sorted((p.name for p in corpus.iterdir() if p.is_dir()
                               and p.name.isdigit()), key=int)) if corpus.is_dir() else ()
    documents = []
    for topic in topics:
        for path in sorted((corpus / topic).glob("*.xml")):
            if path.stem in scored:
                documents.append(read_document(path, topic, scored[path.stem]))
    if not documents:
        raise InputError(f"{data}: no documents of topics {', '.join(topics) or '(none)'} "
                         "with listed sentences")
    return documents


# ---------------------------------------------------------------- metrics

Clusters = dict[Hashable, set[str]]


def _clusters(assignment: dict[str, Hashable]) -> Clusters:
    out: Clusters = defaultdict(set)
    for mention, cluster in assignment.items():
        out[cluster].add(mention)
    return dict(out)


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> tuple[float, float, float]:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    def side(a: Clusters, b: Clusters) -> tuple[float, float]:
        where = {m: c for c, ms in b.items() for m in ms}
        num = den = 0
        for mentions in a.values():
            parts = {where.get(m, ("alone", m)) for m in mentions}
            num += len(mentions) - len(parts)
            den += len(mentions) - 1
        return num, den

    r_num, r_den = side(key, response)
    p_num, p_den = side(response, key)
    return _prf(p_num, p_den, r_num, r_den)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    key_of = {m: ms for ms in key.values() for m in ms}
    response_of = {m: ms for ms in response.values() for m in ms}
    mentions = list(key_of)
    p = sum(len(key_of[m] & response_of[m]) / len(response_of[m]) for m in mentions)
    r = sum(len(key_of[m] & response_of[m]) / len(key_of[m]) for m in mentions)
    return _prf(p, len(mentions), r, len(mentions))


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    keys, responses = list(key.values()), list(response.values())
    scores = np.zeros((len(keys), len(responses)))
    for i, k in enumerate(keys):
        for j, r in enumerate(responses):
            if k & r:
                scores[i, j] = 2 * len(k & r) / (len(k) + len(r))
    rows, cols = linear_sum_assignment(-scores)
    total = float(scores[rows, cols].sum())
    return _prf(total, len(responses), total, len(keys))


def score(key: dict[str, Hashable], response: dict[str, Hashable]) -> dict[str, float]:
    k, r = _clusters(key), _clusters(response)
    figures = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, rec, f = metric(k, r)
        figures.update({f"{name}_precision": p, f"{name}_recall": rec, f"{name}_f1": f})
    figures["conll_f1"] = (figures["muc_f1"] + figures["b3_f1"] + figures["ceafe_f1"]) / 3
    return figures


# ---------------------------------------------------------------- systems


def _union(assignment: dict[str, Hashable], links: list[tuple[Hashable, Hashable]]
           ) -> dict[str, Hashable]:
    """Join the clusters that a merged event ties together (union-find over cluster ids)."""
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    return {m: find(c) for m, c in assignment.items()}


def evaluate_crossdoc(data: Path, model: str, limit: int | None = None,
                      topics: tuple[str, ...] | None = None) -> dict[str, Any]:
    from ..convert import to_document
    from ..link import link_stored
    from ..model import Article
    from ..nlp import EXTENSION, load_pipeline, make_doc
    from ..normalize import PreparedArticle
    from ..store import open_store
    from ..store.schema import event_links

    documents = read_corpus(data, topics)[:limit]
    nlp = load_pipeline(model)
    book = nlp.get_pipe("wirewatch").book
    baseline: dict[str, Hashable] = {}
    system: dict[str, Hashable] = {}
    gold: dict[str, Hashable] = {}
    unions: list[tuple[Hashable, Hashable]] = []
    by_topic: dict[str, list[CatDocument]] = defaultdict(list)
    for document in documents:
        by_topic[document.topic].append(document)
    with tempfile.TemporaryDirectory() as folder:
        for topic, members in by_topic.items():
            store = open_store(str(Path(folder) / f"topic-{topic}.db"))
            # the gold offsets are into the text as it is: no normalization
            prepared = [PreparedArticle(Article(
                hashlib.sha256(d.text.encode("utf-8")).hexdigest(), None, None, None, None,
                "en", d.text), None, d.name) for d in members]
            parsed = [doc for _, doc in zip(members, nlp.pipe(
                (make_doc(nlp, p) for p in prepared), batch_size=16), strict=True)]
            for cat, item, doc in zip(members, prepared, parsed, strict=True):
                found = doc._.get(EXTENSION)
                document = to_document(doc, item.article, book) if not found.error else None
                story = None
                merged: dict[int, int] = {}
                if document is not None and store.save(document):
                    linked = link_stored(store, document)
                    story = linked["story"] if linked else None
                    with store.engine.connect() as conn:
                        merged = dict(conn.execute(
                            event_links.select().with_only_columns(
                                event_links.c.idx, event_links.c.merged_id)
                            .where(event_links.c.article_id == document.article.id)).all())
                events = document.events if document is not None else ()
                for mention in cat.mentions:
                    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                    lemma = span.root.lemma_.lower() if span is not None else mention.key
                    gold[mention.key] = mention.gold
                    baseline[mention.key] = (topic, lemma)
                    hit = next((i for i, e in enumerate(events)
                                if e.trigger[0] < mention.end and mention.start < e.trigger[1]
                                and i in merged), None)
                    system[mention.key] = (topic, story, lemma)
                    if hit is not None:
                        unions.append((system[mention.key], (topic, "event", merged[hit])))
            store.close()
    ours, theirs = score(gold, _union(system, unions)), score(gold, baseline)
    figures: dict[str, Any] = {"task": "crossdoc", "data": str(data),
                               "documents": len(documents), "topics": len(by_topic),
                               "mentions": len(gold),
                               "gold_clusters": len(set(gold.values()))}
    figures |= {k: v for k, v in ours.items() if k.endswith("_f1")}
    figures["baseline_conll_f1"] = theirs["conll_f1"]
    figures |= {f"baseline_{k}": v for k, v in theirs.items()
                if k.endswith("_f1") and k != "conll_f1"}
    figures |= {k: v for k, v in ours.items() if not k.endswith("_f1")}
    return figures
