from pathlib import Path

import duckdb
import pytest

from eventlens.cli import main
from eventlens.config import Settings
from eventlens.ingest import article_from_text
from eventlens.parallel import code_parallel
from eventlens.records import ArticleResult, IngestError

pytestmark = pytest.mark.model

TEXTS = [
    "Hillary Clinton met Sergei Lavrov in Moscow today.",
    "Russian forces shelled Georgian villages near Gori.",
    "Iran agreed on October 1 to allow UN experts access to the plant.",
    "Moscow has ruled out imposing oil sanctions against the Islamic Republic.",
    "Obama and Medvedev agreed on the outlines of a deal in July.",
]


def test_workers_give_the_same_results_in_the_same_order_as_this_process() -> None:
    items = [article_from_text(t, source=f"t{i}") for i, t in enumerate(TEXTS * 3)]
    items.insert(4, IngestError(source="bad", reason="empty", kind="EmptyInputError"))
    settings = Settings(batch_size=2)
    one = list(code_parallel(items, settings, 0))
    two = list(code_parallel(items, settings, 2))
    assert [type(x).__name__ for x in one] == [type(x).__name__ for x in two]
    assert [x.source if isinstance(x, IngestError) else x.article.source for x in two] == \
        [x.source if isinstance(x, IngestError) else x.article.source for x in one]
    assert [x.events for x in one if isinstance(x, ArticleResult)] == \
        [x.events for x in two if isinstance(x, ArticleResult)]


def test_run_with_workers_stores_every_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(f'{{"text": "{t} Copy {i}.", "published": "2009-10-13"}}\n'
                              for i, t in enumerate(TEXTS * 2)), encoding="utf-8")
    db = tmp_path / "out.duckdb"
    assert main(["run", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "2"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (10, 10)
    con.close()


def test_negative_workers_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["run", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "--workers", "-1"]) == 2
