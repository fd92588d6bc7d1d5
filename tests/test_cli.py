import gzip
import json
from pathlib import Path

import duckdb
import pytest

from eventlens.cli import main

from .ingest.conftest import NEWS_PAGE

pytestmark = pytest.mark.model

ARTICLE = "Moscow talks\n\nHillary Clinton met Sergei Lavrov in Moscow today to discuss Iran."


def test_code_prints_the_documented_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(path), "--published", "2009-10-13"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema_version"] == "2.1" and doc["article"]["published"] == "2009-10-13"
    event = next(e for e in doc["events"] if e["trigger"]["text"] == "met")
    for key in ("event_id", "plover", "modes", "cameo", "quad_class", "goldstein", "date", "place", "confidence",
                "evidence"):
        assert key in event
    assert {event["source"]["country"], event["source"]["sector"], event["source"]["name"]} == \
        {"USA", "GOV", "Hillary Clinton"}
    assert set(event["evidence"]) == {"start", "end", "text"}
    assert set(event["place"]) >= {"name", "country", "lat", "lon"}
    assert doc["dates"][0] == {"text": "today", "start": doc["dates"][0]["start"], "end": doc["dates"][0]["end"],
                               "value": "2009-10-13", "granularity": "day", "sentence": 1}


def test_code_jsonl_keeps_order_and_marks_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Russia criticised Iran.", "published": "2009-10-13"}\n'
                    "not json\n"
                    '{"id": "c", "text": "Iran rejected the offer."}\n', encoding="utf-8")
    assert main(["code", str(path)]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [d.get("article", {}).get("external_id") for d in lines] == ["a", None, "c"]
    assert "in.jsonl:2" in lines[1]["error"]["source"] and "in.jsonl:2" in captured.err


@pytest.mark.parametrize(("content", "needle"), [
    (b"", "empty"), (b"\x00\x01\x02\x03", "binary"), (b"caf\xe9 au lait", "UTF-8"),
])
def test_code_bad_file_names_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                                       needle: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["code", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and needle in err


def test_unknown_published_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(path), "--published", "13/10/2009"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_run_stores_good_articles_records_bad_ones_and_is_idempotent(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "good.meta.json").write_text('{"published": "2009-10-13"}')
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "more.jsonl").write_text('{"text": "Russian forces shelled Georgian villages.", '
                                       '"published": "2008-08-10"}\n{broken\n', encoding="utf-8")
    db = tmp_path / "out.duckdb"
    assert main(["run", str(corpus), "--db", str(db)]) == 1
    first = capsys.readouterr()
    assert "empty.txt" in first.err and "more.jsonl:2" in first.err and "top dyads" in first.out
    assert main(["run", str(corpus), "--db", str(db)]) == 1
    assert "0 new, 2 already stored" in capsys.readouterr().err
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert con.execute("SELECT count(*) FROM ingest_errors").fetchone() == (2,)
    con.close()
    assert main(["summary", "--db", str(db)]) == 0
    assert "articles" in capsys.readouterr().out


def test_summary_of_a_missing_database_says_how_to_make_one(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "eventlens run" in capsys.readouterr().err


def test_explain_shows_parse_matches_and_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Moscow has ruled out imposing oil sanctions against Iran.",
                 "--published", "2009-10-13"]) == 0
    out = capsys.readouterr().out
    assert "parse:" in out and "lexicon matches and decisions:" in out
    assert "verb rule +out -> 12" in out and "REJECT" in out and "negated" in out


def test_explain_says_where_a_guessed_place_was_placed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Police fired tear gas in Nairobi. Clashes spread to Xqzvania."]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "'Xqzvania'" in x)
    assert "[vicinity" in line and line.endswith("(near Nairobi)")

    assert main([]) == 2


def _stored(folder: Path, text: str, published: str, workers: str) -> Path:
    """Code one article (with its .meta.json) into a fresh database and return the database."""
    path = folder / "a.txt"
    path.write_text(text, encoding="utf-8")
    (folder / "a.meta.json").write_text(json.dumps({"published": published}))
    db = folder / "q.duckdb"
    assert main(["run", str(path), "--db", str(db), "--workers", workers, "--quiet"]) == 0
    return db


def test_quotes_by_speaker_and_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _stored(tmp_path, "Talks in Moscow\n\nAhead of talks with Clinton, Sergei Lavrov said he wanted to discuss "
                 "Iran. “We will not wait forever,” Hillary Clinton told reporters.", "2009-10-13", workers="1")
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--speaker", "Lavrov", "--about", "Iran"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["speaker"], r["speaker_country"], r["kind"]) for r in rows] == [("Sergei Lavrov", "RUS", "indirect")]
    assert main(["quotes", "--db", str(db), "--speaker", "Clinton"]) == 0
    assert "wait forever" in capsys.readouterr().out


def test_events_reported_inside_a_quote_are_linked_to_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _stored(tmp_path, "Shelling in Georgia\n\nGeorgian officials said Russian forces shelled Georgian villages "
                 "near Gori on Tuesday.", "2008-08-12", workers="0")
    capsys.readouterr()
    assert main(["quotes", "--db", str(db), "--speaker", "Georgian"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["events"] == ["ASSAULT RUS->GEO"]
    con = duckdb.connect(str(db), read_only=True)
    linked = con.execute("SELECT speaker_country, source_country, plover FROM quote_events").fetchall()
    con.close()
    assert linked == [("GEO", "RUS", "ASSAULT")]


def test_run_reads_mixed_formats_with_field_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "mixed"
    (corpus / "web").mkdir(parents=True)
    (corpus / "web" / "page.html").write_text(NEWS_PAGE, encoding="utf-8")
    with gzip.open(corpus / "dump.json.gz", "wt", encoding="utf-8") as handle:
        json.dump([{"body": "Iran agreed on Thursday to allow UN inspectors into the Qom enrichment plant.",
                    "when": "2009-10-01"}], handle)
    db = tmp_path / "out.duckdb"
    assert main(["run", str(corpus), "--db", str(db), "--text-field", "body", "--date-field", "when",
                 "--workers", "1", "--quiet"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT title, published, url FROM articles ORDER BY title NULLS LAST").fetchall()
    con.close()
    assert rows[0][0] == "Russia and Ukraine hold talks in Geneva" and str(rows[0][1]) == "2022-03-01"
    assert rows[0][2] is not None and "courier" in rows[0][2]
    assert str(rows[1][1]) == "2009-10-01"
    assert "2 new" in capsys.readouterr().err
