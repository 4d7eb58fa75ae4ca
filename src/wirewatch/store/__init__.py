"""The ledger's storage: SQLite by default (one file, WAL), PostgreSQL by URL."""

from .repository import Store, database_url, open_store

__all__ = ["Store", "database_url", "open_store"]
