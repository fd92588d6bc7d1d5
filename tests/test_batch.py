import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventlens.batch import RunOptions, estimate_inputs, run_corpus
from eventlens.cli import main
from eventlens.config import Settings
from eventlens.ingest import read_inputs
from eventlens.records import Article

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ENGLISH = ("Hillary Clinton met Sergei Lavrov in Moscow on Tuesday. Russia said it would not back new sanctions "
           "against Iran, and the two ministers agreed to hold further talks in Geneva next month.")
FRENCH = ("Hillary Clinton a rencontré Sergueï Lavrov mardi à Moscou. La Russie a déclaré qu'elle ne soutiendrait "
          "pas de nouvelles sanctions contre l'Iran, et les deux ministres ont convenu de poursuivre les discussions.")


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def test_every_input_ends_stored_copied_skipped_or_failed(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "b-copy.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "c-french.txt").write_text(FRENCH, encoding="utf-8")
    (corpus / "d-old.txt").write_text("Old news\n\n" + ENGLISH, encoding="utf-8")
    (corpus / "d-old.meta.json").write_text(json.dumps({"published": "1999-01-01"}), encoding="utf-8")
    (corpus / "e-empty.txt").write_bytes(b"")
    db = tmp_path / "out.duckdb"
    options = RunOptions(paths=(str(corpus),), since=dt.date(2000, 1, 1))
    report = run_corpus(db, options, Settings(batch_size=2))
    assert (report.new, report.known, report.skipped, len(report.errors)) == (1, 1, 2, 1)
    con = duckdb.connect(str(db), read_only=True)
    sources = [Path(str(s)).name for (s,) in _rows(con, "SELECT source FROM article_sources ORDER BY source")]
    assert sources == ["a.txt", "b-copy.txt"]
    skipped = {Path(str(s)).name: (k, lang) for s, k, lang in _rows(con, "SELECT source, kind, language FROM skipped")}
    assert skipped == {"c-french.txt": ("language", "fr"), "d-old.txt": ("since", None)}
    assert [Path(str(s)).name for (s,) in _rows(con, "SELECT source FROM ingest_errors")] == ["e-empty.txt"]
    con.close()


def test_limit_reads_the_same_first_inputs_and_language_any_codes_everything(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in (ENGLISH, FRENCH, ENGLISH + " Again.")),
                      encoding="utf-8")
    db = tmp_path / "out.duckdb"
    first = run_corpus(db, RunOptions(paths=(str(corpus),), limit=2, languages=frozenset()), Settings())
    assert (first.new, first.skipped) == (2, 0)  # French coded too: detection is off
    again = run_corpus(db, RunOptions(paths=(str(corpus),), limit=2, languages=frozenset()), Settings())
    assert (again.new, again.known) == (0, 2)
    assert estimate_inputs([str(corpus)]) == 3 and estimate_inputs(["-"]) is None


def _corpus(tmp_path: Path, n: int) -> Path:
    """n distinct articles from the samples, then an exact copy and a bad line at the end."""
    base = [a for a in read_inputs([str(SAMPLES)]) if isinstance(a, Article)]
    rows = [json.dumps({"id": f"k{i}", "text": f"{base[i % len(base)].text}\n\nCopy {i}.",
                        "published": "2009-10-13"}) for i in range(n)]
    rows += [rows[3], "{broken"]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    snapshot = {
        "articles": _rows(con, "SELECT * EXCLUDE (coded_at) FROM articles ORDER BY id"),
        "sources": _rows(con, "SELECT * FROM article_sources ORDER BY ALL"),
        "mentions": _rows(con, "SELECT * FROM event_mentions ORDER BY mention_id, article_id"),
        "events": _rows(con, "SELECT event_id, num_mentions, num_articles FROM events ORDER BY event_id"),
        "quotes": _rows(con, "SELECT * FROM quotes ORDER BY article_id, content_start"),
        "errors": _rows(con, "SELECT source, kind, reason FROM ingest_errors ORDER BY source"),
    }
    con.close()
    return snapshot


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" not in status.read_text()
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads worker pids from /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_run_rerun_stores_everything_exactly_once(tmp_path: Path, signum: int) -> None:
    n = 40
    corpus = _corpus(tmp_path, n)
    reference, killed = tmp_path / "reference.duckdb", tmp_path / "killed.duckdb"
    args = ["run", str(corpus), "--batch-size", "4", "--language", "any"]
    assert main([*args, "--db", str(reference), "--workers", "1", "--quiet"]) == 1  # the broken line fails

    process = subprocess.Popen([sys.executable, "-m", "eventlens.cli", *args, "--db", str(killed), "--workers", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stderr is not None
    for line in process.stderr:  # the first progress line comes after the first stored batch
        if " stored " in line and " stored 0 " not in line:
            break
    workers = _children(process.pid)
    process.send_signal(signum)
    process.wait()
    assert process.returncode == (-signal.SIGKILL if signum == signal.SIGKILL else 128 + signal.SIGTERM)
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not any(_alive(w) for w in workers), "workers outlived their parent"

    con = duckdb.connect(str(killed), read_only=True)
    stored = _rows(con, "SELECT count(*) FROM articles")[0][0]
    half_written = _rows(con, "SELECT count(*) FROM event_mentions m ANTI JOIN articles a ON a.id = m.article_id")
    con.close()
    assert 0 < stored < n, "the kill should land mid-run"  # type: ignore[operator]
    assert half_written == [(0,)]

    assert main([*args, "--db", str(killed), "--workers", "1", "--quiet"]) == 1
    assert _snapshot(killed) == _snapshot(reference)
    assert len(_snapshot(killed)["articles"]) == n
