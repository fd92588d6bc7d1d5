import datetime as dt

import pytest

from eventlens.dates import resolve

PUBLISHED = dt.date(2009, 10, 13)  # a Tuesday


@pytest.mark.parametrize(("text", "value", "granularity"), [
    ("today", "2009-10-13", "day"),
    ("yesterday", "2009-10-12", "day"),
    ("tomorrow", "2009-10-14", "day"),
    ("October 1", "2009-10-01", "day"),
    ("on Oct. 1", "2009-10-01", "day"),
    ("1 October 2008", "2008-10-01", "day"),
    ("last week", "2009-10-06", "week"),
    ("next week", "2009-10-20", "week"),
    ("December 5", "2009-12-05", "day"),
    ("July", "2009-07", "month"),
    ("in July", "2009-07", "month"),
    ("July 2010", "2010-07", "month"),
    ("last month", "2009-09", "month"),
    ("earlier this month", "2009-10", "month"),
    ("last year", "2008", "year"),
    ("in 2008", "2008", "year"),
    ("three years ago", "2006", "year"),
    ("two days ago", "2009-10-11", "day"),
    ("Sunday night", "2009-10-11", "day"),
])
def test_newswire_expressions(text: str, value: str, granularity: str) -> None:
    resolved = resolve(text, PUBLISHED)
    assert resolved is not None
    assert resolved[:2] == (value, granularity)


def test_weekday_follows_the_tense() -> None:
    assert resolve("Wednesday", PUBLISHED, tense=-1)[0] == "2009-10-07"  # type: ignore[index]
    assert resolve("Wednesday", PUBLISHED, tense=1)[0] == "2009-10-14"  # type: ignore[index]
    assert resolve("Tuesday", PUBLISHED, tense=0)[0] == "2009-10-13"  # type: ignore[index]


def test_bare_month_in_the_future_tense_is_next_year() -> None:
    assert resolve("March", PUBLISHED, tense=1)[0] == "2010-03"  # type: ignore[index]
    assert resolve("March", PUBLISHED, tense=-1)[0] == "2009-03"  # type: ignore[index]


def test_intervals_cover_the_whole_period() -> None:
    _, _, start, end = resolve("July", PUBLISHED)  # type: ignore[misc]
    assert (start, end) == (dt.date(2009, 7, 1), dt.date(2009, 7, 31))


@pytest.mark.parametrize("text", ["five-day", "two-day", "three years", "a 19th century", "the 1990s"])
def test_durations_and_vague_periods_are_not_dates(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


@pytest.mark.model
def test_extract_dates_reads_only_date_entities(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Officials met yesterday for a two-day summit with 300 delegates.")
    assert [(d.span.text, d.value) for d in result.dates] == [("yesterday", "2009-10-12")]
    assert result.article.text[result.dates[0].span.start:result.dates[0].span.end] == "yesterday"


@pytest.mark.model
def test_no_publication_date_means_no_guessing(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Officials met yesterday.", published=None).dates == ()


@pytest.mark.parametrize(("text", "value"), [
    ("the third quarter", "2009-Q3"),  # reported after it ended
    ("third-quarter", "2009-Q3"),
    ("the fourth quarter", "2009-Q4"),  # the quarter under way counts
    ("the first quarter", "2009-Q1"),
    ("the quarter", "2009-Q3"),  # the last one completed
    ("the latest period", "2009-Q3"),
    ("the year-earlier quarter", "2008-Q3"),
    ("the current quarter", "2009-Q4"),
    ("this year's first quarter", "2009-Q1"),
])
def test_quarters_of_business_news(text: str, value: str) -> None:
    resolved = resolve(text, PUBLISHED)
    assert resolved is not None and resolved[:2] == (value, "quarter")


def test_a_future_verb_moves_a_quarter_forward_and_the_period_alone_is_no_date() -> None:
    assert resolve("the first quarter", PUBLISHED, tense=1) == ("2010-Q1", "quarter", dt.date(2010, 1, 1),
                                                                 dt.date(2010, 3, 31))
    assert resolve("the period", PUBLISHED) is None


@pytest.mark.model
def test_present_past_and_future_references_date_no_event(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia is now blocking sanctions, and it recently warned Iran. Talks may resume in the future.")
    refs = {d.span.text: (d.value, d.granularity) for d in result.dates}
    assert refs == {"now": ("PRESENT_REF", "present"), "recently": ("PAST_REF", "past"),
                    "the future": ("FUTURE_REF", "future")}
    assert all(e.date == "2009-10-13" for e in result.events)


@pytest.mark.model
def test_a_year_earlier_beside_a_quarter_is_that_quarter_a_year_before(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Gazprom said profit rose to $5 billion in the third quarter from $4 billion a year earlier.")
    assert {d.span.text: d.value for d in result.dates} == {"the third quarter": "2009-Q3",
                                                            "a year earlier": "2008-Q3"}


@pytest.mark.model
def test_dates_the_recogniser_leaves_unlabelled_are_read_from_their_shape(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Profit fell in the period ended Sept. 30, and the plant has been closed since 1991.")
    values = {d.span.text: d.value for d in result.dates}
    assert values.get("Sept. 30") == "2009-09-30" and values.get("1991") == "1991"
    assert not any(d.span.text.lower().startswith("may") for d in code("Talks may 2 resume.").dates)


def test_a_bare_month_far_behind_publication_is_the_coming_one() -> None:
    assert resolve("January", dt.date(1989, 11, 2)) == ("1990-01", "month", dt.date(1990, 1, 1),
                                                        dt.date(1990, 1, 31))
