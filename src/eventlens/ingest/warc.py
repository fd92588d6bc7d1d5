"""Web archives (WARC, plain or gzipped per record), as Common Crawl's news crawl writes them.

Only ``response`` records with a 2xx status and an HTML body are articles;
requests, metadata, images and redirects are not, and are passed over. A
truncated or corrupt archive ends in one IngestError that says where it
broke; the records read before the break are kept.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventlens.errors import EmptyInputError, InputError
from eventlens.ingest.common import (
    ByteStream,
    CorruptInputError,
    Item,
    ReadOptions,
    TooLargeError,
    error_item,
    guard,
    lenient_date,
)
from eventlens.ingest.html import article_from_html
from eventlens.records import Article

# A corrupt record trips warcio's parser in many ways (AttributeError on a
# missing header, ValueError on a bad length, zlib.error on a broken gzip
# member, ...). A corrupt archive must end in an error record, never in an
# exception out of read_inputs, so calls into warcio catch Exception.
_WARCIO_FAILURE = Exception


@dataclass(frozen=True, slots=True, kw_only=True)
class _Page:
    """One HTML response record, as read from the archive."""

    name: str
    url: str | None
    crawled: dt.date | None
    body: bytes
    problem: InputError | None


def read_warc(stream: ByteStream, source: str, options: ReadOptions) -> Iterator[Item]:
    """One item per HTML response record; one IngestError where the archive breaks."""
    counted = _Counted(stream)
    records = ArchiveIterator(counted)
    read = yielded = 0
    while True:
        try:
            record = next(records, None)
            if record is None:
                _check_end(records, counted, read)
                break
            page = _page(record, records, source, options.max_record_bytes) if _is_html_response(record) else None
            _check_complete(record, records, read)
            read += 1
        except InputError as exc:
            yield error_item(type(exc)(f"{source}#{exc.source}", exc.reason))
            return
        except _WARCIO_FAILURE as exc:
            yield error_item(_broken(f"{source}#{getattr(records, 'offset', '?')}", read, _describe(exc)))
            return
        if page is not None:
            yielded += 1
            yield _page_item(page)
    if not yielded:
        reason = f"holds no HTML response records ({read} records read); give a WARC of crawled web pages"
        yield error_item(EmptyInputError(source, reason))


class _Counted:
    """The input stream, counting what warcio reads, so that a partial last record shows."""

    def __init__(self, stream: ByteStream) -> None:
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.stream.readline(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


def _check_complete(record: Any, records: Any, read: int) -> None:
    """Refuse a record that the file ends inside of (warcio just returns fewer bytes)."""
    offset = records.get_record_offset()
    missing = getattr(record.raw_stream, "limit", 0)
    if record.format != "warc":
        # warcio also reads the older ARC format, and takes almost any line for an ARC header.
        raise _broken(str(offset), read, "not a WARC record; eventlens reads WARC files, not ARC or other data")
    if record.rec_headers.get_header("Content-Length") is None:
        raise _broken(str(offset), read, "a record without Content-Length")
    if missing > 0:
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        raise _broken(f"{offset} {url}".strip(), read, f"the record at {offset} lacks its last {missing:,} bytes")


def _check_end(records: Any, counted: _Counted, read: int) -> None:
    """Bytes after the last whole record are a record cut off in its headers."""
    end = getattr(records, "offset", counted.count)
    if counted.count > end:
        raise _broken(str(end), read, f"{counted.count - end:,} bytes of a partial record at offset {end}")


def _page(record: Any, records: Any, source: str, cap: int) -> _Page:
    url = record.rec_headers.get_header("WARC-Target-URI")
    body, problem = _read_body(record, cap)
    # Asking for the offset makes warcio read to the end of the record, so it comes after the body.
    name = f"{source}#{records.get_record_offset()} {url}"
    return _Page(
        name=name,
        url=url if isinstance(url, str) else None,
        crawled=lenient_date(record.rec_headers.get_header("WARC-Date")),
        body=body,
        problem=None if problem is None else type(problem)(name, problem.reason),
    )


def _page_item(page: _Page) -> Item:
    if page.problem is not None:
        return error_item(page.problem)
    return guard(lambda: _article(page))


def _article(page: _Page) -> Article:
    article = article_from_html(page.body, page.name, url=page.url)
    # The crawl date is only a fallback: the page's own date is when the story ran.
    if article.published or page.crawled is None:
        return article
    return replace(article, published=page.crawled)


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = str(record.http_headers.get_statuscode() or "")
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status.startswith("2") and "html" in content_type


def _read_body(record: Any, cap: int) -> tuple[bytes, InputError | None]:
    """The page's bytes, or the problem with them (its source is set by the caller, who knows the offset)."""
    try:
        body: bytes = record.content_stream().read(cap + 1)
    except _WARCIO_FAILURE as exc:
        return b"", CorruptInputError("", f"the page body cannot be decoded ({exc}); the record is corrupt")
    if len(body) > cap:
        reason = f"the page is over the {cap:,}-byte cap per record; it is not one news article, so it is skipped"
        return b"", TooLargeError("", reason)
    return body, None


def _describe(exc: Exception) -> str:
    if isinstance(exc, ArchiveLoadFailed) and str(exc).strip():
        return str(exc).strip().splitlines()[0]
    if isinstance(exc, EOFError | zlib.error):
        return f"a broken gzip member: {exc}"
    return f"a malformed or cut-off record ({type(exc).__name__})"


def _broken(where: str, read: int, detail: str) -> CorruptInputError:
    detail = detail.strip().splitlines()[0] if detail.strip() else "unreadable data"
    reason = (
        f"the WARC is truncated or corrupt after {read} records ({detail}); "
        "the records before the break were read; re-download or repair it"
    )
    return CorruptInputError(where, reason)
