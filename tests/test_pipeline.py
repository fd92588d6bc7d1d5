import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventlens.errors import InputError
from eventlens.ingest import article_from_text
from eventlens.pipeline import Resources, actor_for_text, code_stream
from eventlens.records import Article, ArticleResult, IngestError

# Text that looks a little like news: words, names, digits, quotes, newlines and any other character.
NEWSISH = st.lists(st.one_of(st.sampled_from(["Russia", "Iran", "said", "“", "”", '"', "\n\n", "Mr.", "Obama",
                                             "attacked", "talks", " ", ".", "2009", "on Tuesday", "killed"]),
                             st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(NEWSISH, min_size=1, max_size=4))
def test_any_text_gives_one_result_or_one_error_per_input(resources: Resources, texts: list[str]) -> None:
    items: list[Article | IngestError] = []
    for i, text in enumerate(texts):
        try:
            items.append(article_from_text(text, source=f"t{i}"))
        except InputError as exc:
            items.append(IngestError(source=exc.source, reason=exc.reason, kind=type(exc).__name__))
    outcomes = list(code_stream(items, resources))
    assert len(outcomes) == len(items)
    for item, outcome in zip(items, outcomes, strict=True):
        if isinstance(item, IngestError):
            assert outcome == item
        else:
            assert isinstance(outcome, ArticleResult), outcome
            spans = [e.evidence for e in outcome.events] + [q.content for q in outcome.quotes]
            assert all(item.text[s.start:s.end] == s.text for s in spans)


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("Trump", "2019-04-01", ("Donald Trump", "USA", "GOV")),
    ("Trump", "2022-04-01", ("Donald Trump", "USA", "ELI")),
    ("Museveni", "2022-05-01", ("Yoweri Museveni", "UGA", "GOV")),
    ("Mariupol", None, ("Mariupol", "UKR", "CVL")),
    ("TEHRAN", None, ("Tehran", "IRN", "GOV")),
    ("SANDF", None, ("South African National Defence Force", "ZAF", "MIL")),
    ("Puerto Penasco", None, ("Puerto Peñasco", "MEX", "CVL")),
    ("LinkedIn", None, ("LinkedIn", "USA", "BUS")),
    ("SECURITY COUNCIL", None, ("United Nations Security Council", "UNO", None)),
])
def test_a_bare_phrase_resolves_to_its_actor(resources: Resources, text: str, day: str | None,
                                             expected: tuple[str, str, str | None]) -> None:
    found = actor_for_text(text, dt.date.fromisoformat(day) if day else None, resources)
    assert found is not None and (found.name, found.country, found.sector) == expected
