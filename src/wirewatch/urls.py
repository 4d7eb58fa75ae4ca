"""Which URLs the ledger keeps: only http(s) ones, the only kind a page may link to.

A ``javascript:`` or ``data:`` URL stored as an article's address would run when an analyst
clicks the page's "original" link, so every other scheme is dropped where articles are made
and refused where they are submitted.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")


def http_url(value: str | None) -> str | None:
    """``value`` when it is an absolute http(s) URL with a host, else ``None``."""
    if not value:
        return None
    value = value.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        return None  # browsers drop tabs and newlines inside a scheme: "java\tscript:"
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018  (raises on a port that is not a number in range)
    except ValueError:  # a malformed port or IPv6 host
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not host:
        return None
    return value
