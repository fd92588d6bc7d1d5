"""Settings with defaults and help text, in one place.

Settings are an immutable value passed to the functions that need them,
never module globals that a caller could change behind another's back.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Version of the whole coder: bump when any rule changes output.
CODER_VERSION = "eventlens-coder.v1"
#: Version of the JSON/DuckDB output schema.
SCHEMA_VERSION = "2.1"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Knobs of a run. Every field has a default that suits wire news."""

    model: str = "auto"
    """spaCy pipeline: 'auto' (md, then sm), 'md', 'sm', or an installed package name."""

    batch_size: int = 16
    """Articles per ``nlp.pipe`` batch."""

    max_chars: int = 200_000
    """Longer articles are refused: they are almost always scrape errors."""

    historical_days: int = 90
    """An event dated this many days or more before publication is 'historical'."""

    min_quote_words: int = 3
    """Quoted strings shorter than this are scare quotes, not quotations."""

    kb_dir: str | None = None
    """Folder of user knowledge (people.json, organisations.json) written by `eventlens actors import`."""


DEFAULT_SETTINGS = Settings()
