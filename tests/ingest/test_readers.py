import json
from pathlib import Path

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
