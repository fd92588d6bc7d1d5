"""Readers: paths, URLs and streams to Articles, one error record per bad input.

A reader never raises for a bad input: it yields an :class:`IngestError`
naming the input and the reason, and goes on with the next one, so that one
bad file never stops a batch and nothing is lost silently.

The format comes from ``input_format`` or, for ``"auto"``, from the file's
extension; ``NAME.EXT.gz`` is decompressed on the fly and read as ``EXT``.
Each format has its own module; this one only walks and dispatches::

    text   .txt .text           ingest.text    (+ NAME.meta.json beside it)
    html   .html .htm           ingest.html    (trafilatura)
    json   .json                ingest.jsonl   (an array of objects, or one)
    jsonl  .jsonl .ndjson       ingest.jsonl   (streamed line by line)
    feed   .rss .atom .xml      ingest.feeds   (feedparser; http(s) URLs too)
    warc   .warc .warc.gz       ingest.warc    (warcio)
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventlens.errors import ConfigError
from eventlens.ingest.common import DEFAULT_FIELDS, ByteStream, FieldMap, Item, ReadOptions, guard
from eventlens.ingest.feeds import read_feed, read_feed_url
from eventlens.ingest.fetch import fetch, is_web_url
from eventlens.ingest.html import article_from_html, read_html
from eventlens.ingest.jsonl import read_json, read_jsonl
from eventlens.ingest.text import meta_path_for, read_text
from eventlens.ingest.warc import read_warc
from eventlens.records import Article, IngestError

MAX_FILE_BYTES = 5_000_000  # one article (text or HTML page), read whole
MAX_LINE_BYTES = 5_000_000  # one JSONL line, i.e. one article with its metadata
MAX_RECORD_BYTES = 10_000_000  # one WARC response body; Common Crawl truncates at 1 MiB
MAX_JSON_BYTES = 200_000_000  # a .json array is parsed whole, unlike JSONL
MAX_FEED_BYTES = 20_000_000  # a feed lists links; the articles are fetched one by one

FORMATS = ("auto", "text", "html", "json", "jsonl", "feed", "warc")
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc",
}  # fmt: skip
_SINGLE_ARTICLE = ("text", "html")

Reader = Callable[[ByteStream, str, ReadOptions], Iterator[Item]]
READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}


def read_inputs(
    paths: Iterable[str],
    input_format: str = "auto",
    *,
    fields: FieldMap = DEFAULT_FIELDS,
    timeout: float = 20.0,
) -> Iterator[Item]:
    """Yield an Article or an IngestError for every input under ``paths``.

    ``paths`` holds files, directories (walked recursively), http(s) feed
    URLs and '-' for stdin. ``fields`` names the keys of JSON records;
    ``timeout`` bounds each fetch of a feed or page, in seconds.
    """
    if input_format not in FORMATS:
        raise ConfigError(f"--input-format {input_format!r} is unknown; use one of {', '.join(FORMATS)}")
    if not timeout > 0:
        raise ConfigError(f"--timeout {timeout!r}: give a positive number of seconds")
    options = _options(fields, timeout)
    for name in paths:
        yield from _read_one(name, input_format, options)


def _options(fields: FieldMap, timeout: float) -> ReadOptions:
    # The caps are read at call time so that a test (or a user) can change them.
    return ReadOptions(
        fields=fields,
        timeout=timeout,
        max_file_bytes=MAX_FILE_BYTES,
        max_line_bytes=MAX_LINE_BYTES,
        max_record_bytes=MAX_RECORD_BYTES,
        max_json_bytes=MAX_JSON_BYTES,
        max_feed_bytes=MAX_FEED_BYTES,
    )


def _read_one(name: str, input_format: str, options: ReadOptions) -> Iterator[Item]:
    if name == "-":
        fmt = "text" if input_format == "auto" else input_format
        yield from READERS[fmt](sys.stdin.buffer, "<stdin>", options)
    elif is_web_url(name):
        yield from _read_url(name.strip(), input_format, options)
    else:
        path = Path(name)
        if not path.exists():
            yield IngestError(source=name, reason="no such file or directory", kind="missing")
        elif path.is_dir():
            for child in walk(path):
                yield from _read_file(child, input_format, options)
        else:
            yield from _read_file(path, input_format, options)


def _read_url(url: str, input_format: str, options: ReadOptions) -> Iterator[Item]:
    if input_format in ("auto", "feed"):
        yield from read_feed_url(url, options)
    elif input_format == "html":
        yield guard(lambda: _page_article(url, options))
    else:
        reason = (f"URLs are read as feeds, or as pages with --input-format html, not as {input_format}; "
                  "download the file and pass its path")
        yield IngestError(source=url, reason=reason, kind="unsupported")


def _page_article(url: str, options: ReadOptions) -> Article:
    return article_from_html(fetch(url, timeout=options.timeout, cap=options.max_file_bytes), url, url=url)


def walk(root: Path) -> Iterator[Path]:
    """The input files under ``root``, in a stable order: hidden entries and metadata files left out."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith(".") and not filename.endswith(".meta.json"):
                yield Path(dirpath, filename)


def _read_file(path: Path, input_format: str, options: ReadOptions) -> Iterator[Item]:
    source = str(path)
    fmt = format_of(path, input_format)
    if fmt is None:
        yield IngestError(source=source, reason=_unsupported(path), kind="unsupported")
        return
    compressed = path.name.lower().endswith(".gz") and fmt != "warc"  # warcio decompresses WARCs itself
    if fmt in _SINGLE_ARTICLE and not compressed and (size := path.stat().st_size) > options.max_file_bytes:
        reason = f"file is {size:,} bytes, over the {options.max_file_bytes:,}-byte cap; split it into articles"
        yield IngestError(source=source, reason=reason, kind="too_large")
        return
    try:
        stream = _open(path, compressed)
    except OSError as exc:
        yield IngestError(source=source, reason=f"cannot open it ({exc.strerror}); check its permissions",
                          kind="unreadable")
        return
    with stream as handle:
        if fmt == "text":
            yield from read_text(handle, source, options, meta_path_for(path))
        else:
            yield from READERS[fmt](handle, source, options)


def _open(path: Path, compressed: bool) -> gzip.GzipFile | io.BufferedReader:
    return gzip.open(path, "rb") if compressed else path.open("rb")


def format_of(path: Path, input_format: str = "auto") -> str | None:
    """The format a file is read as: the one asked for, or the one its extension names."""
    if input_format != "auto":
        return input_format
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return SUFFIXES.get(Path(name.removesuffix(".gz")).suffix)


def _unsupported(path: Path) -> str:
    known = " ".join(SUFFIXES)
    return (f"unsupported file type {''.join(path.suffixes[-2:]) or path.name!r}; eventlens reads {known}, "
            "each also gzipped (.gz), or pass --input-format")

