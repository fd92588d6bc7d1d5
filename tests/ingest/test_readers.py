import gzip
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventlens.errors import ConfigError
from eventlens.ingest import read_inputs
from eventlens.records import Article, IngestError


def test_text_file_with_metadata_beside_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nBody text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2009-10-13", "url": "http://x/a"}))
    [article] = read_inputs([str(tmp_path)])
    assert isinstance(article, Article)
    assert str(article.published) == "2009-10-13" and article.url == "http://x/a"
    assert article.title == "Headline"


def test_jsonl_bad_lines_become_errors_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "one", "text": "Russia said things.", "published": "2009-10-13"}\n'
        "{not json\n"
        '{"id": "three"}\n'
        '{"text": "Iran spoke.", "published": "yesterday"}\n'
        '{"text": "Iraq spoke."}\n', encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "IngestError", "IngestError", "Article"]
    assert items[0].external_id == "one"  # type: ignore[union-attr]
    assert items[1].source.endswith("in.jsonl:2") and "not valid JSON" in items[1].reason  # type: ignore[union-attr]
    assert "'text'" in items[2].reason  # type: ignore[union-attr]
    assert "YYYY-MM-DD" in items[3].reason  # type: ignore[union-attr]


def test_directory_walk_records_every_bad_file(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Russia and Iran held talks.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    sub = tmp_path / "nested"
    sub.mkdir()
    (sub / "deep.txt").write_text("Deep text.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    errors = {Path(i.source).name: i.kind for i in items if isinstance(i, IngestError)}
    assert errors == {"empty.txt": "EmptyInputError", "latin1.txt": "EncodingError",
                      "image.png": "unsupported", "missing.txt": "missing"}
    assert sorted(Path(i.source or "").name for i in items if isinstance(i, Article)) == ["deep.txt", "good.txt"]


def test_oversized_file_is_refused_with_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventlens.ingest.readers.MAX_FILE_BYTES", 10)
    (tmp_path / "big.txt").write_text("x" * 50, encoding="utf-8")
    [item] = read_inputs([str(tmp_path / "big.txt")])
    assert isinstance(item, IngestError) and "cap" in item.reason


def test_malformed_metadata_is_an_error_for_that_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{oops")
    [item] = read_inputs([str(tmp_path / "a.txt")])
    assert isinstance(item, IngestError) and "a.meta.json" in item.source


def test_unknown_input_format_is_a_usage_error() -> None:
    with pytest.raises(ConfigError, match="--input-format"):
        list(read_inputs(["x"], "xml"))


def _gzip(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


def test_gzipped_text_json_and_html_are_read_by_their_inner_extension(tmp_path: Path) -> None:
    _gzip(tmp_path / "a.txt.gz", b"Russia and Iran held talks.")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2009-10-13"}))
    _gzip(tmp_path / "b.jsonl.gz", b'{"text": "Iran spoke."}\n{"text": "Iraq spoke."}\n')
    _gzip(tmp_path / "c.json.gz", b'[{"text": "Syria spoke."}]')
    _gzip(tmp_path / "d.html.gz", b"<html><body><article><p>Turkey and Greece agreed to resume talks.</p></article>"
                                  b"</body></html>")
    items = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(i, Article) for i in items)
    assert [Path(i.source or "").name for i in items] == [
        "a.txt.gz", "b.jsonl.gz:1", "b.jsonl.gz:2", "c.json.gz[0]", "d.html.gz"]
    assert str(items[0].published) == "2009-10-13"  # type: ignore[union-attr]


def test_truncated_or_fake_gzip_is_an_error_with_the_fix(tmp_path: Path) -> None:
    data = gzip.compress(b"Russia and Iran held talks. " * 200)
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "fake.txt.gz").write_bytes(b"Russia and Iran held talks.")
    errors = {Path(i.source).name: i for i in read_inputs([str(tmp_path)]) if isinstance(i, IngestError)}
    assert set(errors) == {"cut.txt.gz", "fake.txt.gz"}
    for error in errors.values():
        assert error.kind == "CorruptInputError"
        assert "truncated or corrupt gzip" in error.reason and "re-download or re-compress" in error.reason


def test_truncated_gzipped_jsonl_keeps_the_lines_before_the_break(tmp_path: Path) -> None:
    lines = b"".join(b'{"text": "Line %d: Iran and Iraq held talks."}\n' % n for n in range(2000))
    data = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = list(read_inputs([str(path)]))
    *articles, error = items
    assert articles and all(isinstance(a, Article) for a in articles)
    assert isinstance(error, IngestError) and error.kind == "CorruptInputError"
    assert error.source == f"{path}:{len(articles) + 1}" and "truncated or corrupt gzip" in error.reason


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventlens.ingest.readers.MAX_FILE_BYTES", 1000)
    monkeypatch.setattr("eventlens.ingest.readers.MAX_LINE_BYTES", 1000)
    _gzip(tmp_path / "bomb.txt.gz", b"a " * 5_000_000)
    _gzip(tmp_path / "bomb.jsonl.gz", b"[" + b" " * 5_000_000)
    items = list(read_inputs([str(tmp_path)]))
    assert [(Path(i.source).name, i.kind) for i in items if isinstance(i, IngestError)] == [
        ("bomb.jsonl.gz:1", "too_large"), ("bomb.txt.gz", "too_large")]
    assert all("1,000-byte cap" in i.reason for i in items if isinstance(i, IngestError))


def test_unsupported_extension_lists_what_is_supported(tmp_path: Path) -> None:
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "archive.gz").write_bytes(gzip.compress(b"x"))
    items = list(read_inputs([str(tmp_path)]))
    assert [i.kind for i in items if isinstance(i, IngestError)] == ["unsupported", "unsupported"]
    for item in items:
        assert isinstance(item, IngestError)
        for suffix in (".txt", ".html", ".json", ".jsonl", ".rss", ".warc", ".gz", "--input-format"):
            assert suffix in item.reason


def test_stdin_is_text_by_default_and_any_format_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    def stdin(data: bytes) -> None:
        monkeypatch.setattr("sys.stdin", SimpleNamespace(buffer=io.BytesIO(data)))

    stdin(b"Russia and Iran held talks.")
    [text] = read_inputs(["-"])
    stdin(b'{"text": "Iran spoke."}\n{"oops\n')
    jsonl = list(read_inputs(["-"], "jsonl"))
    stdin(b"<html><body><article><p>Turkey and Greece agreed to resume talks.</p></article></body></html>")
    [html] = read_inputs(["-"], "html")
    assert isinstance(text, Article) and text.source == "<stdin>"
    assert [type(i).__name__ for i in jsonl] == ["Article", "IngestError"] and jsonl[1].source == "<stdin>:2"
    assert isinstance(html, Article) and html.text == "Turkey and Greece agreed to resume talks."


def test_a_forced_format_applies_to_gzipped_files_too(tmp_path: Path) -> None:
    path = _gzip(tmp_path / "dump.gz", b'{"text": "Iran spoke."}\n')
    [article] = read_inputs([str(path)], "jsonl")
    assert isinstance(article, Article)


def test_metadata_files_are_not_read_as_inputs_in_a_walk(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia spoke.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "T"}))
    assert [type(i).__name__ for i in read_inputs([str(tmp_path)])] == ["Article"]


def test_non_positive_timeout_is_a_usage_error() -> None:
    with pytest.raises(ConfigError, match="--timeout"):
        list(read_inputs(["x"], timeout=0))
