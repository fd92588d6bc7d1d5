"""Readers: paths and streams to Articles, one error record per bad input.

A reader never raises for a bad input: it yields an :class:`IngestError`
naming the input and the reason, and goes on with the next one, so that one
bad file never stops a batch and nothing is lost silently.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from eventlens.errors import ConfigError, InputError, MalformedRecordError
from eventlens.ingest.normalise import article_from_text, decode, parse_published
from eventlens.records import Article, IngestError

MAX_FILE_BYTES = 5_000_000
TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FORMATS = ("auto", "text", "jsonl")

Item = Article | IngestError


def read_inputs(paths: Iterable[str], input_format: str = "auto") -> Iterator[Item]:
    """Yield an Article or an IngestError for every input under ``paths`` ('-' is stdin)."""
    if input_format not in FORMATS:
        raise ConfigError(f"--input-format {input_format!r} is unknown; use one of {', '.join(FORMATS)}")
    for name in paths:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", input_format)
            continue
        path = Path(name)
        if not path.exists():
            yield IngestError(source=name, reason="no such file or directory", kind="missing")
        elif path.is_dir():
            for child in _walk(path):
                yield from _read_file(child, input_format)
        else:
            yield from _read_file(path, input_format)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith(".") and not filename.endswith(".meta.json"):
                yield Path(dirpath, filename)


def _read_file(path: Path, input_format: str) -> Iterator[Item]:
    fmt = _format_of(path, input_format)
    source = str(path)
    if fmt is None:
        reason = f"unsupported file type {path.suffix!r}; use .txt or .jsonl, or pass --input-format"
        yield IngestError(source=source, reason=reason, kind="unsupported")
        return
    if fmt == "jsonl":
        with path.open("rb") as handle:
            yield from _read_jsonl(handle, source)
        return
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        reason = f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte cap; split it into articles"
        yield IngestError(source=source, reason=reason, kind="too_large")
        return
    yield _guard(source, lambda: _text_article(path.read_bytes(), source, _read_meta(path)))


def _format_of(path: Path, input_format: str) -> str | None:
    if input_format != "auto":
        return input_format
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _read_stream(stream: IO[bytes], source: str, input_format: str) -> Iterator[Item]:
    if input_format == "jsonl":
        yield from _read_jsonl(stream, source)
    else:
        yield _guard(source, lambda: _text_article(stream.read(MAX_FILE_BYTES + 1), source, {}))


def _read_meta(path: Path) -> dict[str, Any]:
    meta_path = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedRecordError(str(meta_path), f"metadata is not valid JSON ({exc}); fix or delete it") from exc
    if not isinstance(meta, dict):
        raise MalformedRecordError(str(meta_path), "metadata must be a JSON object")
    return meta


def _text_article(data: bytes, source: str, meta: dict[str, Any]) -> Article:
    if len(data) > MAX_FILE_BYTES:
        raise InputError(source, f"input is over the {MAX_FILE_BYTES:,}-byte cap; split it into articles")
    return _article(decode(data, source), source, meta)


def _article(text: str, source: str, fields: dict[str, Any]) -> Article:
    try:
        published = parse_published(fields.get("published") or fields.get("date"), source)
    except ConfigError as exc:
        raise MalformedRecordError(source, str(exc).split(": ", 1)[-1]) from exc
    external = fields.get("id")
    article = article_from_text(
        text,
        source=source,
        title=_str_or_none(fields.get("title")),
        published=published,
        url=_str_or_none(fields.get("url")),
    )
    return article if external is None else replace(article, external_id=str(external))


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_jsonl(stream: IO[bytes], name: str) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        if line.strip():
            source = f"{name}:{number}"
            yield _guard(source, lambda line=line, source=source: _jsonl_article(line, source))


def _jsonl_article(line: bytes, source: str) -> Article:
    text = decode(line, source)
    try:
        record = json.loads(text)
    except ValueError as exc:
        reason = f"not valid JSON ({exc.args[0]}); each line must be one JSON object"
        raise MalformedRecordError(source, reason) from exc
    if not isinstance(record, dict):
        raise MalformedRecordError(source, "each line must be a JSON object with a 'text' field")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise MalformedRecordError(source, "the record has no 'text' string; add the article text under 'text'")
    return _article(body, source, record)


def _guard(source: str, make: Any) -> Item:
    try:
        article: Article = make()
    except InputError as exc:
        return IngestError(source=exc.source, reason=exc.reason, kind=type(exc).__name__)
    return article
