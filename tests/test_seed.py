"""Acceptance on the seed article: every must-have item of the hand annotation."""

import pytest

from eventlens.evaluation.seed import check_all, load_annotation
from eventlens.ingest import read_inputs
from eventlens.pipeline import Resources, code_article
from eventlens.records import Article

from .conftest import SEED

pytestmark = [pytest.mark.model, pytest.mark.gold]
NAME = "clinton-moscow-2009-10-13"


@pytest.fixture(scope="module")
def checks(resources: Resources) -> list[tuple[str, bool, str]]:
    if not (SEED / f"{NAME}.expected.json").exists():
        pytest.skip(f"seed annotation not found at {SEED}; the acceptance test needs ../shared/seed")
    [article] = [i for i in read_inputs([str(SEED / f"{NAME}.txt")]) if isinstance(i, Article)]
    assert str(article.published) == "2009-10-13"
    return check_all(code_article(article, resources), load_annotation(SEED / f"{NAME}.expected.json"))


def test_every_must_item_of_the_seed_annotation(checks: list[tuple[str, bool, str]]) -> None:
    failed = [(label, detail) for label, ok, detail in checks if not ok]
    assert not failed
    assert len(checks) >= 30


@pytest.mark.parametrize("prefix", ["E", "no-imposed-sanction", "actors-in-text", "quote:", "actor:", "place:",
                                    "date:"])
def test_each_kind_of_item_is_checked(checks: list[tuple[str, bool, str]], prefix: str) -> None:
    assert [label for label, _, _ in checks if label.startswith(prefix)]
