"""wirewatch: news reports in, an evidence ledger out.

``extract(text, published=..., source=...)`` returns a ``Document`` (see ``wirewatch.model``).
"""

from __future__ import annotations

# Load the ``extract`` subpackage first so that the ``extract`` function defined below, not
# the subpackage, is what ``wirewatch.extract`` names.
from . import extract as _extractors  # noqa: F401
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

__version__ = "0.1.0"


def extract(text: str, *, published: str | None = None, source: str | None = None,
            url: str | None = None, title: str | None = None,
            model: str | None = None) -> Document:
    """Extract the ledger of one article given as plain text."""
    from .batch import extract_documents
    from .config import load_settings
    from .errors import ExtractionError
    from .ingest import ArticleMeta, Failure, RawArticle, parse_published

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
