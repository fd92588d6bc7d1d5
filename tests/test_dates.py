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


@pytest.mark.parametrize("text", ["five-day", "two-day", "three years", "a 19th century", "the period",
                                  "the period ended Sept. 30"])
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


@pytest.mark.parametrize(("text", "published", "value", "granularity"), [
    ("last fall", dt.date(1999, 4, 10), "1998-FA", "season"),
    ("this summer", dt.date(1998, 3, 22), "1998-SU", "season"),
    ("the summer", dt.date(1989, 10, 26), "1989-SU", "season"),
    ("this past spring", dt.date(1989, 10, 30), "1989-SP", "season"),
    ("the winter of 1994", PUBLISHED, "1994-WI", "season"),
    ("the weekend", dt.date(1990, 8, 13), "1990-W32-WE", "weekend"),  # a Monday: the one just past
    ("this weekend", dt.date(2009, 10, 17), "2009-W42-WE", "weekend"),  # a Saturday: this one
    ("the 1990s", PUBLISHED, "199", "decade"),
    ("the late '80s", PUBLISHED, "198", "decade"),
    ("the nineties", dt.date(1998, 3, 3), "199", "decade"),
    ("the 20th century", PUBLISHED, "19", "century"),
    ("the first half", PUBLISHED, "2009-H1", "half"),
    ("the last half of 1989", PUBLISHED, "1989-H2", "half"),
    ("nineteen ninety-six", PUBLISHED, "1996", "year"),
    ("the year two thousand", PUBLISHED, "2000", "year"),
    ("January nineteen ninety-seven", PUBLISHED, "1997-01", "month"),
    ("fiscal 1989", PUBLISHED, "1989", "year"),
    ("the current fiscal year", PUBLISHED, "2009", "year"),
    ("January this year", dt.date(1998, 2, 19), "1998-01", "month"),
    ("June last year", dt.date(1998, 2, 19), "1997-06", "month"),
    ("nearly four years ago", dt.date(1998, 2, 27), "1994", "year"),
    ("Thanksgiving Day", dt.date(2000, 1, 7), "1999-11-25", "day"),
    ("Election Day", dt.date(1998, 10, 26), "1998-11-03", "day"),
    ("Easter", dt.date(2000, 4, 17), "2000-04-23", "day"),
    ("the 1988 third quarter", PUBLISHED, "1988-Q3", "quarter"),
    ("the third quarter of 1984", PUBLISHED, "1984-Q3", "quarter"),
    ("the year-ago third quarter", PUBLISHED, "2008-Q3", "quarter"),
    ("next year's first quarter", PUBLISHED, "2010-Q1", "quarter"),
    ("its fourth quarter ended June 30", PUBLISHED, "2009-Q4", "quarter"),  # a fiscal quarter
    ("the quarter ended July 31", PUBLISHED, "2009-Q3", "quarter"),
])
def test_seasons_weekends_decades_halves_holidays_and_spelled_years(
        text: str, published: dt.date, value: str, granularity: str) -> None:
    resolved = resolve(text, published)
    assert resolved is not None and resolved[:2] == (value, granularity)


def test_new_intervals_cover_the_period_named() -> None:
    assert resolve("the winter of 1994", PUBLISHED)[2:] == (dt.date(1993, 12, 1), dt.date(1994, 2, 28))  # type: ignore[index]
    assert resolve("the weekend", dt.date(1990, 8, 13))[2:] == (dt.date(1990, 8, 11),  # type: ignore[index]
                                                                 dt.date(1990, 8, 12))
    assert resolve("the 1990s", PUBLISHED)[2:] == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))  # type: ignore[index]


def test_a_quarter_just_ended_is_still_to_be_reported() -> None:
    # "expects to report third-quarter losses", said in October: this year's third quarter, not next year's.
    assert resolve("third-quarter", PUBLISHED, tense=1)[0] == "2009-Q3"  # type: ignore[index]
    assert resolve("the second quarter", PUBLISHED, tense=1)[0] == "2010-Q2"  # type: ignore[index]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "day"), [
    ("The INS gave the relatives until Thursday to sign.", "2009-10-15"),
    ("The father could arrive as soon as Thursday.", "2009-10-15"),
    ("The team plans to leave Nairobi on Thursday.", "2009-10-15"),
    ("Arafat meets Albright on Monday.", "2009-10-19"),
    ("Arafat met Albright on Monday.", "2009-10-12"),
    ("The vote is to take place Thursday.", "2009-10-15"),
])
def test_the_future_needs_a_cue_and_the_past_is_the_default(code, sentence: str, day: str) -> None:  # type: ignore[no-untyped-def]
    weekdays = [d for d in code(sentence).dates if d.granularity == "day"]
    assert [d.value for d in weekdays] == [day]


@pytest.mark.model
def test_a_quarter_ended_on_a_day_is_two_expressions(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Exxon posted a loss for the quarter ended Sept. 30, it said.")
    assert {d.span.text: d.value for d in result.dates} == {"the quarter": "2009-Q3", "Sept. 30": "2009-09-30"}


@pytest.mark.model
def test_more_unlabelled_shapes(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Doctors performed fewer abortions between 1982 and 1992. Rallies were held over the weekend.")
    values = {d.span.text: d.value for d in result.dates}
    assert values.get("1982") == "1982" and values.get("1992") == "1992"
    assert values.get("the weekend") == "2009-W41-WE"


@pytest.mark.model
def test_a_part_of_the_day_stays_in_the_span_but_the_value_is_the_day(code) -> None:  # type: ignore[no-untyped-def]
    dates = code("Castro spoke to students on Sunday night in Havana.").dates
    assert [(d.span.text, d.value) for d in dates] == [("Sunday night", "2009-10-11")]
