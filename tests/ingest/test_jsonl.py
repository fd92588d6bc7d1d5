import datetime as dt
import json
from pathlib import Path

import pytest

from eventlens.ingest import FieldMap, read_inputs
from eventlens.records import Article, IngestError

NEWS_PLEASE = FieldMap(text="maintext", published="date_publish", id="filename")


def _lines(path: Path, *records: object) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def test_json_array_with_mapped_field_names(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([
        {"maintext": "Russia and Iran held talks.", "date_publish": "2017-03-13 15:20:14", "title": "Talks",
         "url": "http://x/1", "filename": "one.json"},
        {"maintext": "Iraq spoke.", "date_publish": None},
    ]), encoding="utf-8")
    first, second = read_inputs([str(path)], fields=NEWS_PLEASE)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.published, first.url, first.external_id) == (
        "Talks", dt.date(2017, 3, 13), "http://x/1", "one.json")
    assert first.source == f"{path}[0]" and second.source == f"{path}[1]"
    assert second.published is None


def test_json_file_with_one_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Russia spoke.", "date": "2009-10-13"}), encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and article.published == dt.date(2009, 10, 13)


def test_nested_fields_by_dotted_name(tmp_path: Path) -> None:
    path = _lines(tmp_path / "in.jsonl", {"body": {"text": "Russia spoke."}, "meta": {"published": "2009-10-13"}})
    [article] = read_inputs([str(path)], fields=FieldMap(text="body.text", published="meta.published"))
    assert isinstance(article, Article) and article.published == dt.date(2009, 10, 13)


def test_date_is_only_a_fallback_for_the_default_field(tmp_path: Path) -> None:
    path = _lines(tmp_path / "in.ndjson", {"text": "Iraq spoke.", "date": "2009-10-13"})
    [default] = read_inputs([str(path)])
    [mapped] = read_inputs([str(path)], fields=FieldMap(published="pubdate"))
    assert isinstance(default, Article) and default.published == dt.date(2009, 10, 13)
    assert isinstance(mapped, Article) and mapped.published is None


def test_errors_name_the_line_and_the_field_to_set(tmp_path: Path) -> None:
    path = _lines(tmp_path / "in.jsonl", {"body": "Russia spoke."}, "{oops", "[1, 2]", {"text": "Iran spoke."},
                  {"body": "Iraq spoke.", "date_publish": 20091013}, {"body": "Iraq spoke.", "date_publish": "soon"})
    items = list(read_inputs([str(path)], fields=FieldMap(text="body", published="date_publish")))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "IngestError", "IngestError",
                                                 "IngestError", "IngestError"]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.source for e in errors] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "not valid JSON" in errors[0].reason and "line 1, column 2" in errors[0].reason
    assert "JSON object" in errors[1].reason
    assert "'body'" in errors[2].reason and "--text-field" in errors[2].reason
    assert "'date_publish'" in errors[3].reason and "2009-10-13" in errors[3].reason
    assert "'date_publish'" in errors[4].reason and "YYYY-MM-DD" in errors[4].reason
    assert all(e.kind == "MalformedRecordError" for e in errors)


def test_bad_json_file_names_the_position_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"text": "a"},\n oops]', encoding="utf-8")
    [item] = read_inputs([str(path)])
    assert isinstance(item, IngestError) and item.kind == "MalformedRecordError"
    assert "line 2, column 2" in item.reason


@pytest.mark.parametrize(("content", "words"), [
    ("[]", "array is empty"),
    ('"just a string"', "JSON str"),
    ('[{"text": "Russia spoke."}, 5]', "item must be an object"),
])
def test_json_of_the_wrong_shape(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    errors = [i for i in read_inputs([str(path)]) if isinstance(i, IngestError)]
    assert len(errors) == 1 and words in errors[0].reason


def test_blank_lines_are_skipped_but_an_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gaps.jsonl"
    path.write_text('\n{"text": "Russia spoke."}\n\n   \n', encoding="utf-8")
    assert [type(i).__name__ for i in read_inputs([str(path)])] == ["Article"]
    path.write_text("\n\n", encoding="utf-8")
    [item] = read_inputs([str(path)])
    assert isinstance(item, IngestError) and item.kind == "EmptyInputError" and "no JSON records" in item.reason


def test_a_line_over_the_cap_is_refused_and_the_next_one_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventlens.ingest.readers.MAX_LINE_BYTES", 100)
    path = _lines(tmp_path / "in.jsonl", {"text": "x " * 500}, {"text": "Russia spoke."})
    big, small = read_inputs([str(path)])
    assert isinstance(big, IngestError) and big.kind == "too_large" and big.source == f"{path}:1"
    assert "100-byte cap" in big.reason
    assert isinstance(small, Article) and small.source == f"{path}:2"


def test_a_json_file_over_its_cap_points_to_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventlens.ingest.readers.MAX_JSON_BYTES", 10)
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"text": "Russia spoke."}]), encoding="utf-8")
    [item] = read_inputs([str(path)])
    assert isinstance(item, IngestError) and item.kind == "too_large" and "JSONL" in item.reason


def test_invalid_utf8_and_binary_lines(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n\x00\x01\x02\x03\n{"text": "Iran spoke."}\n')
    kinds = [i.kind if isinstance(i, IngestError) else "Article" for i in read_inputs([str(path)])]
    assert kinds == ["EncodingError", "BinaryInputError", "Article"]


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    [item] = read_inputs([str(path)])
    assert isinstance(item, IngestError) and item.kind == "MalformedRecordError"
