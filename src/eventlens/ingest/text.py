"""Plain-text articles, with optional metadata in a ``NAME.meta.json`` beside them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventlens.errors import MalformedRecordError
from eventlens.ingest.common import (
    DEFAULT_FIELDS,
    ByteStream,
    Item,
    ReadOptions,
    article_from_fields,
    guard,
    read_capped,
)
from eventlens.ingest.normalise import decode
from eventlens.records import Article

SPLIT_ADVICE = "split it into articles"


def read_text(
    stream: ByteStream, source: str, options: ReadOptions, meta_path: Path | None = None
) -> Iterator[Item]:
    """One Article (or IngestError) from a text stream."""
    yield guard(lambda: _article(stream, source, options, meta_path))


def meta_path_for(path: Path) -> Path:
    """``a.txt`` and ``a.txt.gz`` both take their metadata from ``a.meta.json``."""
    name = path.name.removesuffix(".gz").removesuffix(".GZ")
    return path.with_name(name.rsplit(".", 1)[0] + ".meta.json")


def _article(stream: ByteStream, source: str, options: ReadOptions, meta_path: Path | None) -> Article:
    data = read_capped(stream, options.max_file_bytes, source, SPLIT_ADVICE)
    meta = _read_meta(meta_path) if meta_path is not None else {}
    return article_from_fields(decode(data, source), source, meta, DEFAULT_FIELDS)


def _read_meta(meta_path: Path) -> dict[str, Any]:
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise MalformedRecordError(str(meta_path), f"metadata is not valid JSON ({exc}); fix or delete it") from exc
    except OSError as exc:
        reason = f"metadata cannot be read ({exc.strerror}); fix or delete it"
        raise MalformedRecordError(str(meta_path), reason) from exc
    if not isinstance(meta, dict):
        raise MalformedRecordError(str(meta_path), "metadata must be a JSON object")
    return meta
