"""Shared fixtures: the real pipeline (loaded once), the seed article, and paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventlens.ingest import article_from_text
from eventlens.pipeline import Resources, code_article
from eventlens.records import ArticleResult

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed"


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The real spaCy pipeline, knowledge base, gazetteer and lexicon."""
    return Resources.load()


@pytest.fixture(scope="session")
def code(resources: Resources):  # type: ignore[no-untyped-def]  # returns a helper closure
    """Code a text with a publication date: ``code("Text.", "2009-10-13")``."""

    def run(text: str, published: str | None = "2009-10-13") -> ArticleResult:
        day = dt.date.fromisoformat(published) if published else None
        return code_article(article_from_text(text, source="test", published=day), resources)

    return run


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Gazetteer caches written by tests go to a temporary folder, never the user's home."""
    monkeypatch.setenv("EVENTLENS_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))
