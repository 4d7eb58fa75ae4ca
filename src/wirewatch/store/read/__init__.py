"""The ledger's listings, one module each: a function taking typed filters and a page
request and returning rows of one shape. The command line prints a listing's first page and
the API and the pages serve the same function, so a filter means the same everywhere."""

from .actors import ActorFilters, list_actors
from .aggregates import dated_events, event_counts, event_days, placed_events
from .articles import ArticleFilters, list_articles
from .claims import ClaimFilters, list_claims
from .events import (
    EventFilters,
    event_evidence,
    latest_events,
    list_events,
    list_merged_events,
    sample_events,
)
from .feeds import feed_state, list_feeds, seen_entries
from .paging import Page, PageRequest
from .places import PlaceFilters, list_places
from .statements import StatementFilters, list_statements
from .stories import list_stories

__all__ = [
    "ActorFilters", "ArticleFilters", "ClaimFilters", "EventFilters", "Page", "PageRequest",
    "PlaceFilters", "StatementFilters", "dated_events", "event_counts", "event_days",
    "event_evidence", "feed_state", "latest_events", "list_actors", "list_articles",
    "list_claims", "list_events", "list_feeds", "list_merged_events", "list_places",
    "list_statements", "list_stories", "placed_events", "sample_events", "seen_entries",
]
