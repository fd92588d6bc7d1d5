from pathlib import Path

import duckdb
import pytest

from eventlens.errors import StoreError
from eventlens.query import format_summary, summarise
from eventlens.records import IngestError
from eventlens.store import Store

pytestmark = pytest.mark.model

TEXT = ("Moscow talks\n\nHillary Clinton met Sergei Lavrov in Moscow today. "
        "Russian forces shelled Georgian villages near Gori.")


def test_write_is_idempotent_and_complete(code, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = code(TEXT)
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        assert store.write([result, result], "model") == 1
        assert store.write([result], "model") == 0
        assert store.known_ids() == {result.article.id}
    con = duckdb.connect(str(db), read_only=True)
    n_mentions = con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]  # type: ignore[index]
    assert n_mentions == len(result.events) > 0
    evidence = con.execute("SELECT a.text, e.evidence_start, e.evidence_end, e.evidence_text FROM event_mentions e "
                           "JOIN articles a ON a.id = e.article_id").fetchall()
    assert all(text[s:e] == ev for text, s, e, ev in evidence)
    assert con.execute("SELECT count(*) FROM time_refs").fetchone()[0] == len(result.dates)  # type: ignore[index]
    con.close()


def test_errors_are_recorded_once_per_input_and_cleared_when_it_succeeds(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.record_errors([IngestError(source="a.txt", reason="empty", kind="EmptyInputError")])
        store.record_errors([IngestError(source="a.txt", reason="still empty", kind="EmptyInputError")])
        assert store.con.execute("SELECT reason FROM ingest_errors").fetchall() == [("still empty",)]
        store.clear_errors(["a.txt"])
        assert store.con.execute("SELECT count(*) FROM ingest_errors").fetchone() == (0,)


def test_summary_counts_and_separates_what_happened(code, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "t.duckdb") as store:
        store.write([code(TEXT), code("Clinton did not attend the summit with Russia.")], "model")
        summary = summarise(store)
    assert summary.articles == 2 and summary.events > summary.events_happened
    assert ("RUS", "GEO") in {(s, t) for s, t, _ in summary.top_dyads}
    assert "top categories" in format_summary(summary)


def test_a_statement_is_stored_and_counted_by_its_cameo_code(code, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "t.duckdb") as store:
        store.write([code("President Obama expressed condolences to Japan after the earthquake.")], "model")
        summary = summarise(store)
        stored = store.con.execute("SELECT plover, cameo, source_country, target_country FROM events").fetchall()
    assert stored == [(None, "018", "USA", "JPN")]
    assert summary.top_categories == [("CAMEO 018", 1)]


def test_a_locked_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "dir.duckdb"
    path.mkdir()
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(path)


def test_copies_are_kept_as_sources_and_syndicated_variants_share_a_story(  # type: ignore[no-untyped-def]
        code, tmp_path: Path) -> None:
    body = ("Hillary Clinton met Sergei Lavrov in Moscow on Tuesday to discuss Iran's nuclear programme. "
            "The two ministers also discussed a new arms control treaty.\n\n"
            "Russian forces shelled Georgian villages near Gori, officials in Tbilisi said.\n\n"
            "Lavrov said Russia would consider sanctions only if talks with Iran failed.")
    original = code("Clinton in Moscow\n\n" + body, "2009-10-13")
    variant = code("Clinton seeks Russian help on Iran\n\nBy a staff writer\n\n" + body.rsplit("\n\n", 1)[0],
                   "2009-10-13")
    other = code("Floods in Pakistan\n\nPakistan asked India for aid after floods killed 40 people in Sindh.",
                 "2010-08-01")
    with Store(tmp_path / "t.duckdb") as store:
        assert store.write([original], "model", copies={original.article.id: [("wire/b.txt", "http://b/1")]}) == 1
        store.add_copies({original.article.id: [("wire/c.txt", None), ("wire/b.txt", "http://b/1")]})
        assert store.write([variant, other], "model") == 2
        sources = store.con.execute("SELECT source FROM article_sources WHERE article_id = ? ORDER BY 1",
                                    [original.article.id]).fetchall()
        stories = dict(store.con.execute("SELECT id, story_id FROM articles").fetchall())
        per_event = store.con.execute("SELECT max(num_articles), max(num_stories) FROM events").fetchone()
        mentions = store.con.execute("SELECT count(*) FROM event_mentions").fetchone()
        events = store.con.execute("SELECT count(*) FROM events").fetchone()
    assert [s for (s,) in sources] == [original.article.source or original.article.id, "wire/b.txt", "wire/c.txt"]
    assert stories[variant.article.id] == stories[original.article.id] == original.article.id
    assert stories[other.article.id] == other.article.id
    assert per_event == (2, 1)  # the variant's events are mentions of the original's, from one story
    assert mentions is not None and events is not None and events[0] < mentions[0]


def test_a_database_of_another_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1.0')")
    con.close()
    with pytest.raises(StoreError, match="new --db"):
        Store(path)
