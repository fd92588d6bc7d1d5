import datetime as dt
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventlens.ingest import read_inputs
from eventlens.records import Article, IngestError

from .conftest import NEWS_PAGE, news_page

UNDATED = news_page("Iran talks", "Iran and the European Union resumed talks in Vienna on Monday, diplomats said.")
RESPONSES = [
    ("https://courier.example.org/geneva", "text/html; charset=utf-8", "200 OK", NEWS_PAGE.encode()),
    ("https://courier.example.org/logo.png", "image/png", "200 OK", b"\x89PNG\r\n\x1a\n"),
    ("https://courier.example.org/old", "text/html", "301 Moved Permanently", b"<a href='/new'>moved</a>"),
    ("https://courier.example.org/vienna", "text/html", "200 OK", UNDATED.encode()),
]


def write_warc(path: Path, responses: list[tuple[str, str, str, bytes]] = RESPONSES) -> bytes:
    """A WARC as a crawler writes it: warcinfo, then a request and a response per page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=path.name.endswith(".gz"))
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventlens tests"}))
    for url, content_type, status, body in responses:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "courier.example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        record.rec_headers.replace_header("WARC-Date", "2022-03-07T12:00:00Z")
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles_and_the_rest_is_passed_over(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path)
    geneva, vienna = read_inputs([str(path)])
    assert isinstance(geneva, Article) and isinstance(vienna, Article)
    assert geneva.url == "https://courier.example.org/geneva" and "negotiators met in Geneva" in geneva.text
    assert "Subscribe" not in geneva.text
    assert geneva.published == dt.date(2022, 3, 1)  # the page's own date
    assert vienna.published == dt.date(2022, 3, 7)  # the crawl date, as a fallback
    assert geneva.source is not None and geneva.source.startswith(f"{path}#")
    assert geneva.source.endswith(" https://courier.example.org/geneva")


def test_record_offsets_in_the_source_point_at_the_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    data = write_warc(path)
    for item in read_inputs([str(path)]):
        assert isinstance(item, Article) and item.source is not None
        offset = int(item.source.split("#")[1].split(" ")[0])
        assert data[offset:].startswith(b"WARC/1.")


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_keeps_earlier_records_and_records_the_break(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = write_warc(path)
    path.write_bytes(data[:-60])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article) and items[0].url == "https://courier.example.org/geneva"
    [error] = [i for i in items if isinstance(i, IngestError)]
    assert error is items[-1] and error.kind == "CorruptInputError" and error.source.startswith(f"{path}#")
    assert "truncated or corrupt" in error.reason and "re-download" in error.reason


def test_a_record_cut_in_its_headers_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    data = write_warc(path)
    last = data.rindex(b"WARC/1.")
    path.write_bytes(data[: last + 40])
    *_, error = read_inputs([str(path)])
    assert isinstance(error, IngestError) and error.kind == "CorruptInputError"


def test_garbage_between_records_ends_the_file_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    data = write_warc(path)
    second = data.index(b"WARC/1.", data.index(b"courier.example.org/logo.png") - 400)
    path.write_bytes(data[:second] + b"this is not a WARC record\r\n\r\n" + data[second:])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], IngestError) and items[-1].kind == "CorruptInputError"


def test_not_a_warc_and_a_warc_without_pages(tmp_path: Path) -> None:
    (tmp_path / "text.warc").write_text("hello, this is not an archive", encoding="utf-8")
    write_warc(tmp_path / "images.warc.gz", RESPONSES[1:3])
    errors = {Path(i.source.split("#")[0]).name: i for i in read_inputs([str(tmp_path)])
              if isinstance(i, IngestError)}
    assert errors["text.warc"].kind == "CorruptInputError"
    assert errors["images.warc.gz"].kind == "EmptyInputError" and "no HTML response" in errors["images.warc.gz"].reason


def test_a_page_over_the_record_cap_is_refused_and_the_next_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("eventlens.ingest.readers.MAX_RECORD_BYTES", 1000)
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    big, small = read_inputs([str(path)])
    assert isinstance(big, IngestError) and big.kind == "too_large" and "1,000-byte cap" in big.reason
    assert big.source.endswith("geneva")
    assert isinstance(small, Article)


def test_a_page_without_text_is_an_error_for_its_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://x.example.org/", "text/html", "200 OK", b"<html><body><nav>Home</nav></body></html>"),
                      RESPONSES[0]])
    empty, article = read_inputs([str(path)])
    assert isinstance(empty, IngestError) and empty.kind == "EmptyInputError"
    assert empty.source.endswith("x.example.org/")
    assert isinstance(article, Article)
