"""The exceptions a user can cause, each carrying the one line the CLI prints."""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class: ``str(error)`` is a complete, one-line message for the user."""

    exit_code = 1
    """The command's exit status: 2 for a usage error (as click's own), 1 otherwise."""


class InputError(WirewatchError):
    """A source that cannot be read as an article: missing, empty, binary, malformed."""


class UnsupportedFormat(InputError):
    """A file whose extension no reader handles."""


class SettingError(WirewatchError):
    """A bad option or setting value (a date that is not a date, an unknown format)."""

    exit_code = 2


class ModelNotFound(WirewatchError):
    """The spaCy pipeline named by the settings is not installed."""


class ResourceError(WirewatchError):
    """A data file (bundled or the user's own) is missing or malformed."""


class ExtractionError(WirewatchError):
    """Extraction failed for one article; the batch goes on without it."""


class StoreError(WirewatchError):
    """The database cannot be opened or written."""


class MissingDatabase(StoreError):
    """A command that reads the ledger names a database that does not exist: a usage error,
    and no empty database is made in its place."""

    exit_code = 2
