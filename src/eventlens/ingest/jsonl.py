"""JSON records: JSONL/NDJSON streamed line by line, and ``.json`` arrays or objects.

Field names differ between corpora (news-please writes ``maintext`` and
``date_publish``), so a :class:`~eventlens.ingest.common.FieldMap` says which
key holds what. Every error names the line or array index and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import Any

from eventlens.errors import EmptyInputError, InputError, MalformedRecordError
from eventlens.ingest.common import (
    STREAM_ERRORS,
    ByteStream,
    FieldMap,
    Item,
    ReadOptions,
    TooLargeError,
    article_from_fields,
    error_item,
    guard,
    lookup,
    read_capped,
    stream_failure,
)
from eventlens.ingest.normalise import decode
from eventlens.records import Article

_SKIP_CHUNK = 65_536
JSON_ADVICE = "convert it to JSONL, one object per line (e.g. `jq -c '.[]' FILE > FILE.jsonl`), which is streamed"


def read_jsonl(stream: ByteStream, source: str, options: ReadOptions) -> Iterator[Item]:
    """One Article or IngestError per non-blank line, without loading the file whole."""
    records = 0
    number = 0
    while True:
        number += 1
        name = f"{source}:{number}"
        try:
            line = _next_line(stream, name, options.max_line_bytes)
        except InputError as exc:
            records += 1
            yield error_item(exc)
            if isinstance(exc, TooLargeError):
                continue
            return  # a broken stream has no next line
        if line is None:
            break
        if line.strip():
            records += 1
            yield guard(partial(_line_article, line, name, options.fields))
    if not records:
        yield error_item(EmptyInputError(source, "holds no JSON records; give one JSON object per line"))


def _next_line(stream: ByteStream, name: str, cap: int) -> bytes | None:
    """The next line (None at the end), refusing one over ``cap`` after skipping past it."""
    try:
        line = stream.readline(cap + 1)
        if not line:
            return None
        if len(line) > cap and not line.endswith(b"\n"):
            _skip_line(stream)
            reason = f"the line is over the {cap:,}-byte cap per record; one article is far smaller, check the file"
            raise TooLargeError(name, reason)
    except STREAM_ERRORS as exc:
        raise stream_failure(name, exc) from exc
    return line


def _skip_line(stream: ByteStream) -> None:
    while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def _line_article(line: bytes, source: str, fields: FieldMap) -> Article:
    record = _parse(decode(line, source), source, "each line must be one JSON object")
    if not isinstance(record, dict):
        raise MalformedRecordError(source, f"each line must be a JSON object with a {fields.text!r} field")
    return _record_article(record, source, fields)


def read_json(stream: ByteStream, source: str, options: ReadOptions) -> Iterator[Item]:
    """One Article or IngestError per object of a JSON array, or for one JSON object."""
    try:
        data = read_capped(stream, options.max_json_bytes, source, JSON_ADVICE)
        document = _parse(decode(data, source), source, "the file must hold a JSON object or an array of them")
    except InputError as exc:
        yield error_item(exc)
        return
    if isinstance(document, dict):
        yield guard(lambda: _record_article(document, source, options.fields))
    elif not isinstance(document, list):
        reason = f"holds a JSON {type(document).__name__}; it must hold an object or an array of objects"
        yield error_item(MalformedRecordError(source, reason))
    elif not document:
        yield error_item(EmptyInputError(source, "the JSON array is empty; it must hold article objects"))
    else:
        for index, record in enumerate(document):
            yield _array_item(record, f"{source}[{index}]", options.fields)


def _array_item(record: Any, source: str, fields: FieldMap) -> Item:
    if not isinstance(record, dict):
        kind = type(record).__name__
        return error_item(MalformedRecordError(source, f"is a JSON {kind}; each item must be an object"))
    return guard(lambda: _record_article(record, source, fields))


def _parse(text: str, source: str, shape: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise MalformedRecordError(source, f"not valid JSON ({where}); {shape}") from exc
    except (ValueError, RecursionError) as exc:
        raise MalformedRecordError(source, f"not valid JSON ({exc}); {shape}") from exc


def _record_article(record: dict[str, Any], source: str, fields: FieldMap) -> Article:
    body = lookup(record, fields.text)
    if not isinstance(body, str) or not body.strip():
        reason = (
            f"the record has no {fields.text!r} string; add the article text under {fields.text!r} "
            "or name the field that holds it (--text-field)"
        )
        raise MalformedRecordError(source, reason)
    return article_from_fields(body, source, record, fields)
