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
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    assert n_events == len(result.events) > 0
    evidence = con.execute("SELECT a.text, e.evidence_start, e.evidence_end, e.evidence_text FROM events e "
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
    assert "top PLOVER categories" in format_summary(summary)


def test_a_locked_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "dir.duckdb"
    path.mkdir()
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(path)
