"""wirewatch: news reports in, an evidence ledger out.

``extract(text, published=..., source=...)`` returns the ``Document`` of one article
(see ``wirewatch.model``), as DESIGN.md names it. The extractors live in the
``wirewatch.extractors`` package, so the function shadows no module."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .model import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Place,
    Quantity,
    Speaker,
    Statement,
    TimeExpression,
)


def _installed_version() -> str:
    """The version pyproject.toml gives, as installed, so that it is written in one place."""
    try:
        return version("wirewatch")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


__version__ = _installed_version()


def extract(text: str, *, published: str | None = None, source: str | None = None,
                     url: str | None = None, title: str | None = None,
                     model: str | None = None) -> Document:
    """The ledger of one article given as plain text, as ``wirewatch extract`` prints it."""
    from .config import load_settings
    from .errors import ExtractionError
    from .ingest import ArticleMeta, Failure, RawArticle, parse_published
    from .pipeline import extract_documents

    settings = load_settings().with_overrides(model=model)
    meta = ArticleMeta(url=url, title=title, source=source, published=parse_published(published))
    for _origin, outcome in extract_documents([RawArticle(text, "<text>", meta)], settings):
        if isinstance(outcome, Failure):
            raise ExtractionError(outcome.reason)
        return outcome
    raise ExtractionError("no document was produced")


__all__ = [
    "Actor",
    "Article",
    "Document",
    "Entity",
    "Event",
    "Place",
    "Quantity",
    "Speaker",
    "Statement",
    "TimeExpression",
    "__version__",
    "extract",
]
