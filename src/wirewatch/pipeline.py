"""The per-article pipeline over a stream of items: prepare, parse in batches, convert.

A bad item becomes a ``Failure`` with its reason and the stream goes on. What to do with the
outcomes (print them, or store and link them with ``link.store_outcomes``) is the caller's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .config import Settings
from .convert import to_document
from .errors import InputError, WirewatchError
from .ingest import Failure, IngestItem, RawArticle, Skipped
from .model import Document
from .nlp import COMPONENT, load_pipeline, parse
from .normalize import PreparedArticle, is_english, prepare

Outcome = tuple[str, Document | Failure | Skipped]


def extract_documents(items: Iterable[IngestItem], settings: Settings) -> Iterator[Outcome]:
    """``(origin, Document | Failure | Skipped)`` for every item, in input order per batch."""
    nlp = load_pipeline(settings.model, tuple(settings.actors))
    book = nlp.get_pipe(COMPONENT).book
    passed: list[Outcome] = []

    def prepared() -> Iterator[PreparedArticle]:
        for item in items:
            if not isinstance(item, RawArticle):
                passed.append((item.origin, item))
                continue
            try:
                article = prepare(item)
                if len(article.article.text) > settings.max_chars:
                    raise InputError(f"text of {len(article.article.text):,} characters is "
                                     f"longer than max_chars ({settings.max_chars:,})")
                if not is_english(article.article.language):
                    # The coder reads English only: stored with its language, never parsed.
                    passed.append((item.origin, Document(article=article.article)))
                    continue
                yield article
            except WirewatchError as err:
                passed.append((item.origin, Failure(item.origin, str(err))))

    for item, doc in parse(nlp, prepared(), settings.batch_size):
        yield from _drain(passed)
        try:
            yield item.origin, to_document(doc, item.article, book,
                                           keep_unattributed=settings.keep_unattributed)
        except WirewatchError as err:
            yield item.origin, Failure(item.origin, str(err))
    yield from _drain(passed)


def _drain(passed: list[Outcome]) -> Iterator[Outcome]:
    while passed:
        yield passed.pop(0)
