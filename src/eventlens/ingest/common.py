"""What every reader shares: options, field names, error items and capped reads.

Readers raise the :class:`~eventlens.errors.InputError` subclasses of
:mod:`eventlens.errors` (re-exported here for them); ``TooLargeError`` is
recorded with kind "too_large", as the pipeline records an oversized article.
"""

from __future__ import annotations

import datetime as dt
import gzip
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from eventlens.errors import (
    ConfigError,
    CorruptInputError,
    FetchError,
    InputError,
    MalformedRecordError,
    TooLargeError,
)
from eventlens.ingest.normalise import article_from_text, parse_published
from eventlens.records import Article, IngestError

__all__ = ["CorruptInputError", "FetchError", "TooLargeError"]  # re-exported for the readers

Item = Article | IngestError

# What a broken gzip stream or a failing disk raises while we read it.
STREAM_ERRORS = (EOFError, OSError, zlib.error)


_KINDS: dict[type[InputError], str] = {TooLargeError: "too_large"}


class ByteStream(Protocol):
    """A binary stream: a file, a gzip file or stdin's buffer."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldMap:
    """Which keys of a JSON record hold the parts of an article.

    A key with dots (``"meta.published"``) reaches into nested objects when the
    record has no key spelled with the dots. When ``published`` is left at its
    default, a ``"date"`` key is read as well, as earlier versions did.
    """

    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"
    id: str = "id"


DEFAULT_FIELDS = FieldMap()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """Everything a reader may need besides its input, fixed for one run."""

    fields: FieldMap
    timeout: float
    max_file_bytes: int
    max_line_bytes: int
    max_record_bytes: int
    max_json_bytes: int
    max_feed_bytes: int


def error_item(exc: InputError) -> IngestError:
    """The record of a failed input, with a stable kind for the ingest_errors table."""
    return IngestError(source=exc.source, reason=exc.reason, kind=_KINDS.get(type(exc), type(exc).__name__))


def guard(make: Callable[[], Article]) -> Item:
    """Run ``make``; a bad input becomes its IngestError instead of an exception."""
    try:
        return make()
    except InputError as exc:
        return error_item(exc)


def stream_failure(source: str, exc: BaseException) -> CorruptInputError:
    """Name what broke while reading a (possibly compressed) stream and how to fix it."""
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        detail = exc.args[0] if exc.args else type(exc).__name__
        return CorruptInputError(source, f"truncated or corrupt gzip ({detail}); re-download or re-compress it")
    return CorruptInputError(source, f"could not read it ({exc}); check the file and the disk")


def read_capped(stream: ByteStream, cap: int, source: str, advice: str) -> bytes:
    """Read a whole input, but never more than ``cap`` bytes (gzip bombs included)."""
    try:
        data = stream.read(cap + 1)
    except STREAM_ERRORS as exc:
        raise stream_failure(source, exc) from exc
    if len(data) > cap:
        raise TooLargeError(source, f"the input is over the {cap:,}-byte cap; {advice}")
    return data


def lookup(record: Mapping[str, Any], key: str) -> Any:
    """``record[key]``, or the nested value a dotted key names; None when absent."""
    if key in record:
        return record[key]
    value: Any = record
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def article_from_fields(text: str, source: str, record: Mapping[str, Any], fields: FieldMap) -> Article:
    """An Article from its text and the metadata a record (or a .meta.json) holds."""
    article = article_from_text(
        text,
        source=source,
        title=_str_or_none(lookup(record, fields.title)),
        published=_published(record, fields, source),
        url=_str_or_none(lookup(record, fields.url)),
    )
    external = lookup(record, fields.id)
    return article if external is None else replace(article, external_id=str(external))


def _published(record: Mapping[str, Any], fields: FieldMap, source: str) -> dt.date | None:
    key = fields.published
    value = lookup(record, key)
    if value is None and key == DEFAULT_FIELDS.published:
        key, value = "date", record.get("date")
    if value is not None and not isinstance(value, str):
        raise MalformedRecordError(source, f"field {key!r} must be a date string like 2009-10-13, not {value!r}")
    try:
        return parse_published(value, source)
    except ConfigError as exc:
        reason = str(exc).split(": ", 1)[-1]
        raise MalformedRecordError(source, f"field {key!r}: {reason}") from exc


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def lenient_date(value: object) -> dt.date | None:
    """A date from page or archive metadata ('2022-03-01T10:00:00Z'); None when unreadable.

    An unreadable date in metadata is no reason to lose the text it came with.
    """
    if not isinstance(value, str):
        return None
    try:
        return parse_published(value[:10])
    except ConfigError:
        return None
