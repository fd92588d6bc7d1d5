"""Whatever the bytes, read_inputs yields Articles and IngestErrors, never an exception, never nothing."""

import gzip
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventlens.ingest import read_inputs
from eventlens.records import Article, IngestError

from .conftest import NEWS_PAGE

NAMES = ["a.txt", "a.html", "a.htm", "a.json", "a.jsonl", "a.ndjson", "a.rss", "a.atom", "a.xml",
         "a.warc", "a.warc.gz", "a.txt.gz", "a.jsonl.gz", "a.html.gz", "a.json.gz"]
FUZZ = settings(max_examples=40, deadline=None)


def _check(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        items = list(read_inputs([str(path)], timeout=0.5))
    assert items, f"{name}: nothing came out of {data[:80]!r}"
    for item in items:
        assert isinstance(item, Article | IngestError)
        if isinstance(item, IngestError):
            assert item.reason.strip() and item.kind and item.source.startswith(str(path))
        else:
            assert item.text.strip()


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.binary(max_size=3000))
def test_random_bytes(name: str, data: bytes) -> None:
    _check(name, data)


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(text=st.text(max_size=1000))
def test_random_text(name: str, text: str) -> None:
    _check(name, text.encode("utf-8"))


def _warc(compressed: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compressed)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://x.example.org/{n}", "response",
                                                      payload=io.BytesIO(NEWS_PAGE.encode()), http_headers=headers))
    return buffer.getvalue()


def _feed() -> bytes:
    items = "".join(f"<item><title>T{n}</title><link>file:///{n}</link><description>Iran and Iraq held talks on "
                    f"day {n} in Baghdad.</description><pubDate>Tue, 01 Mar 2022 10:00:00 GMT</pubDate></item>"
                    for n in range(3))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'.encode()


def _jsonl() -> bytes:
    return b"".join(json.dumps({"text": f"Iran spoke on day {n}.", "published": "2022-03-01"}).encode() + b"\n"
                    for n in range(20))


VALID = {
    "a.warc": _warc(compressed=False),
    "a.warc.gz": _warc(compressed=True),
    "a.rss": _feed(),
    "a.jsonl.gz": gzip.compress(_jsonl()),
    "a.json.gz": gzip.compress(b"[" + _jsonl().replace(b"\n", b",") + b"{}]"),
    "a.html": NEWS_PAGE.encode(),
}


@pytest.mark.parametrize("name", sorted(VALID))
@FUZZ
@given(data=st.data())
def test_valid_inputs_cut_or_with_a_byte_changed(name: str, data: st.DataObject) -> None:
    raw = bytearray(VALID[name])
    position = data.draw(st.integers(0, len(raw) - 1), label="position")
    if data.draw(st.booleans(), label="cut"):
        del raw[position:]
    else:
        raw[position] = data.draw(st.integers(0, 255), label="byte")
    _check(name, bytes(raw))
