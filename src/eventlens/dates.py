"""Time expressions -> :class:`TimeRef`, resolved against the publication date.

Only the parser's DATE spans are resolved, never raw text, so numbers and
durations elsewhere cannot turn into dates. Frequent news forms ("today",
"last week", "on Wednesday", "October 1", "in July", "last year") are
resolved by rules that follow newswire conventions; everything else goes to
``dateparser`` with the publication date as its base.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventlens.nlp import doc_text, entities, sentence_numbers, tokens
from eventlens.records import Granularity, Span, TimeRef

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])}
_UNIT_DAYS = {"day": 1, "week": 7}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_DURATION = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|few|many)[- ])+"
    r"(?:day|week|month|year|decade|hour|minute)s?(?:[- ]long|[- ]old)?$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"^(?:(?:the|on|in|at|by|since|until|of|from|earlier|later|early|late|mid|end of|beginning of)[\s-]+)+",
    re.IGNORECASE,
)
_RELATIVE_DAY = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                 "this evening": 0, "yesterday": -1, "tomorrow": 1}
_SHIFT = re.compile(r"^(last|this|next|past|coming)\s+(week|month|year)$", re.IGNORECASE)
_AGO = re.compile(r"^(\w+)\s+(day|week|month|year)s?\s+(ago|earlier|later|from now)$", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"^({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"^(?:(early|mid|late)[- ])?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:the\s+year\s+)?(\d{4})$")
_WEEKDAY = re.compile(
    r"^(last|this|next)?\s*(" + "|".join(_WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE)


#: Granularities that name a calendar interval, and so can date an event.
CALENDAR: frozenset[str] = frozenset({"day", "week", "month", "quarter", "year"})
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER = re.compile(
    r"^(?:(?P<own>this year's|last year's)\s+)?(?:(?P<fiscal>fiscal)\s+)?"
    r"(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|recent|current|this|year-earlier|year-ago)?"
    r"[- ]?(?:fiscal[- ])?(?P<unit>quarter|period)$")
_YEAR_AGO = re.compile(r"^(year-earlier|year-ago)$")
# Capitalised month names only: 'may 2' and 'march 5' in running text are verbs.
_CAPITAL_MONTHS = "|".join(m.capitalize() for m in sorted(_MONTHS, key=len, reverse=True))
_UNLABELLED = re.compile(
    rf"\b(?P<date>(?i:today|yesterday|tomorrow)|(?:{_CAPITAL_MONTHS})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?(?!\d))\b"
    r"|\b(?i:in|since|by|until|during|before|after|from|of)\s+(?P<year>(?:1[89]|20)\d\d)\b"
    r"(?![-–]|\s*(?:%|percent))")
_A_YEAR_BACK = re.compile(r"^(?:a|one) year (?:ago|earlier|before)$", re.IGNORECASE)
# Words TimeML annotates as references to the present, past and future. Only those annotators mark in
# most of their uses are taken: "now" is PRESENT_REF in 72 % of TimeBank's uses, "current" in under half.
_REFERENCE_WORDS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF"}
_REFERENCE_SPAN = {("the", "future"): "FUTURE_REF"}
_REFERENCE_RANGE = dt.timedelta(days=3650)  # open-ended past and future, bounded for interval arithmetic


def extract_dates(doc: Doc, published: dt.date | None) -> tuple[TimeRef, ...]:
    """Every DATE span that resolves, with its value and granularity, and present/past/future references."""
    if published is None:
        return ()
    numbers = sentence_numbers(doc)
    refs = _same_quarter_a_year_before(_calendar_refs(doc, published, numbers))
    refs += _unlabelled_refs(doc, published, numbers, refs)
    refs += _reference_refs(doc, published, numbers, refs)
    return tuple(sorted(refs, key=lambda r: r.span.start))


def _unlabelled_refs(doc: Doc, published: dt.date, numbers: list[int], taken: list[TimeRef]) -> list[TimeRef]:
    """Dates the entity recogniser left unlabelled: 'Sept. 30', 'today', 'in 1991'.

    Only shapes that cannot be anything but a date are taken from the text
    itself; everything else still needs the parser's DATE label.
    """
    text = doc_text(doc)
    found: list[TimeRef] = []
    for match in _UNLABELLED.finditer(text):
        group = "date" if match.group("date") else "year"
        start, end = match.span(group)
        if any(r.span.start < end and start < r.span.end for r in (*taken, *found)):
            continue
        token = doc.char_span(start, end, alignment_mode="expand")
        if token is None:
            continue
        resolved = resolve(match.group(group), published, _tense(token))
        if resolved is not None:
            value, granularity, low, high = resolved
            found.append(TimeRef(span=Span(start=start, end=end, text=text[start:end]), value=value,
                                 granularity=granularity, start=low, end=high, sentence=numbers[token.start]))
    return found


def _same_quarter_a_year_before(refs: list[TimeRef]) -> list[TimeRef]:
    """'rose to $5 million in the third quarter from $4 million a year earlier': the quarter, a year back."""
    quarters = {r.sentence: r for r in refs if r.granularity == "quarter"}
    result = []
    for ref in refs:
        quarter = quarters.get(ref.sentence)
        if quarter is None or not _A_YEAR_BACK.match(ref.span.text.strip()):
            result.append(ref)
            continue
        value, granularity, start, end = _quarter(int(quarter.value[:4]) - 1, int(quarter.value[-1]))
        result.append(replace(ref, value=value, granularity=granularity, start=start, end=end))
    return result


def _reference_refs(doc: Doc, published: dt.date, numbers: list[int], taken: list[TimeRef]) -> list[TimeRef]:
    """'now', 'currently', 'recently', 'the future': TimeML's PRESENT_REF, PAST_REF, FUTURE_REF."""
    found = []
    for token in tokens(doc):
        value = _REFERENCE_WORDS.get(token.lower_) if token.pos_ == "ADV" else None
        start, end = token.idx, token.idx + len(token)
        if value is None and token.i > 0 and (doc[token.i - 1].lower_, token.lower_) in _REFERENCE_SPAN:
            value = _REFERENCE_SPAN[(doc[token.i - 1].lower_, token.lower_)]
            start = doc[token.i - 1].idx
        if value is None or any(r.span.start < end and start < r.span.end for r in taken):
            continue
        granularity: Granularity = "present" if value == "PRESENT_REF" else "past" if value == "PAST_REF" \
            else "future"
        low = published - _REFERENCE_RANGE if granularity == "past" else published
        high = published + _REFERENCE_RANGE if granularity == "future" else published
        found.append(TimeRef(span=Span(start=start, end=end, text=doc_text(doc)[start:end]), value=value,
                             granularity=granularity, start=low, end=high, sentence=numbers[token.i]))
    return found


def _calendar_refs(doc: Doc, published: dt.date, numbers: list[int]) -> list[TimeRef]:
    refs = []
    for ent in entities(doc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        # A TIME entity ("Friday night", "tonight") dates an event only through its day.
        resolved = resolve(ent.text, published, _tense(ent), fallback=ent.label_ == "DATE")
        if resolved is None:
            continue
        value, granularity, start, end = resolved
        refs.append(TimeRef(
            span=Span(start=ent.start_char, end=ent.end_char, text=ent.text),
            value=value, granularity=granularity, start=start, end=end,
            sentence=numbers[ent.start],
        ))
    return refs


def _tense(ent: SpacySpan) -> int:
    """-1 past, +1 future, 0 unknown: decides 'on Wednesday' and bare months."""
    head = ent.root.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if any(c.lower_ in ("will", "'ll", "shall") or c.lemma_ == "go" for c in head.children):
        return 1
    if head.tag_ in ("VBD", "VBN"):
        return -1
    return 0


def resolve(text: str, published: dt.date, tense: int = 0,
            fallback: bool = True) -> tuple[str, Granularity, dt.date, dt.date] | None:
    """Resolve one time expression, or None when it is a duration or unreadable.

    ``fallback`` lets ``dateparser`` try phrasings no rule covers; bare numbers
    ("44", an age the parser took for a date) never go there.
    """
    phrase = _DETERMINER.sub("", " ".join(text.split())).rstrip(".,")
    phrase = re.sub(r"['’]s$", "", phrase)  # "last month's"
    if not phrase or _DURATION.match(phrase):
        return None
    lower = phrase.lower()
    for rule in (_rule_relative_day, _rule_shift, _rule_ago, _rule_weekday,
                 _rule_month_day, _rule_named_month, _rule_month_year, _rule_year, _rule_quarter):
        found = rule(lower, published, tense)
        if found is not None:
            return found
    if not fallback or lower.isdigit():
        return None
    return _fallback(phrase, published)


Resolved = tuple[str, Granularity, dt.date, dt.date]


def _day(day: dt.date) -> Resolved:
    return day.isoformat(), "day", day, day


def _month(year: int, month: int) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1), dt.date(year, month, last)


def _year(year: int) -> Resolved:
    return f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31)


def _rule_relative_day(lower: str, published: dt.date, tense: int) -> Resolved | None:
    offset = _RELATIVE_DAY.get(lower)
    return None if offset is None else _day(published + dt.timedelta(days=offset))


def _rule_shift(lower: str, published: dt.date, tense: int) -> Resolved | None:
    match = _SHIFT.match(lower)
    if not match:
        return None
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[match.group(1)]
    unit = match.group(2)
    if unit == "week":
        # Newswire convention: "last week" is anchored a week before publication.
        anchor = published + dt.timedelta(days=7 * step)
        return anchor.isoformat(), "week", anchor - dt.timedelta(days=anchor.weekday()), \
            anchor + dt.timedelta(days=6 - anchor.weekday())
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
        return _month(year, month + 1)
    return _year(published.year + step)


def _rule_ago(lower: str, published: dt.date, tense: int) -> Resolved | None:
    match = _AGO.match(lower)
    if not match:
        return None
    amount_word, unit, direction = match.groups()
    amount = _NUMBERS.get(amount_word) if not amount_word.isdigit() else int(amount_word)
    if amount is None:
        amount = 1 if amount_word in ("a", "an") else None
    if amount is None:
        return None
    sign = -1 if direction in ("ago", "earlier") else 1
    if unit in _UNIT_DAYS:
        day = published + dt.timedelta(days=sign * amount * _UNIT_DAYS[unit])
        return (_day(day) if unit == "day" else (day.isoformat(), "week", day, day))
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + sign * amount, 12)
        return _month(year, month + 1)
    return _year(published.year + sign * amount)


def _rule_weekday(lower: str, published: dt.date, tense: int) -> Resolved | None:
    match = _WEEKDAY.match(lower)
    if not match:
        return None
    modifier, name = match.group(1), match.group(2)
    target = _WEEKDAYS[name]
    # News reports the recent past: a bare weekday is the latest one up to
    # publication, unless the verb or "next" points forward.
    forward = modifier == "next" or (modifier is None and tense > 0)
    if forward:
        delta = (target - published.weekday()) % 7 or 7
        return _day(published + dt.timedelta(days=delta))
    delta = (published.weekday() - target) % 7
    if modifier == "last" and delta == 0:
        delta = 7
    return _day(published - dt.timedelta(days=delta))


def _rule_month_day(lower: str, published: dt.date, tense: int) -> Resolved | None:
    match = _MONTH_DAY.match(lower)
    if match:
        month, day, year = _MONTHS[match.group(1)], int(match.group(2)), match.group(3)
    else:
        match = _DAY_MONTH.match(lower)
        if not match:
            return None
        day, month, year = int(match.group(1)), _MONTHS[match.group(2)], match.group(3)
    resolved_year = int(year) if year else _nearest_year(published, month, tense)
    try:
        return _day(dt.date(resolved_year, month, day))
    except ValueError:
        return None


def _rule_named_month(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'last November', 'this September', 'next March'."""
    match = re.match(rf"^(last|this|next|past|coming)\s+({_MONTH_RE})$", lower)
    if not match:
        return None
    month = _MONTHS[match.group(2)]
    step = match.group(1)
    year = published.year
    if step in ("last", "past") and month >= published.month:
        year -= 1
    elif step in ("next", "coming") and month <= published.month:
        year += 1
    return _month(year, month)


def _rule_month_year(lower: str, published: dt.date, tense: int) -> Resolved | None:
    match = _MONTH_YEAR.match(lower)
    if not match:
        return None
    month, year = _MONTHS[match.group(2)], match.group(3)
    return _month(int(year) if year else _nearest_year(published, month, tense), month)


def _nearest_year(published: dt.date, month: int, tense: int) -> int:
    """The year that puts a bare month closest to publication, as a reader would."""
    gap = month - published.month
    if (tense < 0 and gap > 2) or (tense == 0 and gap > 6):
        return published.year - 1
    if (tense > 0 and gap < -2) or (tense == 0 and gap < -6):  # 'January', said in November, is coming
        return published.year + 1
    return published.year


def _quarter(year: int, quarter: int) -> Resolved:
    first = 3 * (quarter - 1) + 1
    last = dt.date(year, first + 2, calendar.monthrange(year, first + 2)[1])
    return f"{year:04d}-Q{quarter}", "quarter", dt.date(year, first, 1), last


def _rule_quarter(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'the third quarter', 'third-quarter', 'the latest quarter', 'the year-earlier period'.

    Business news reports a quarter after it ends: a bare ordinal is the
    latest such quarter up to publication (later only with a future verb),
    and 'the quarter' or 'the latest period' is the last one completed.
    'Year-earlier' and 'year-ago' are that quarter a year before.
    """
    match = _QUARTER.match(lower) or _YEAR_AGO.match(lower)
    if not match:
        return None
    groups = match.groupdict() if match.re is _QUARTER else {"which": match.group(1), "unit": "quarter"}
    which, own = groups.get("which"), groups.get("own")
    current = (published.month - 1) // 3 + 1
    last_done = (published.year, current - 1) if current > 1 else (published.year - 1, 4)
    if which in _ORDINALS:
        quarter = _ORDINALS[which]
        if tense > 0:
            year = published.year if quarter >= current else published.year + 1
        else:
            year = published.year if quarter <= current else published.year - 1
        if own:
            year = published.year - (own.startswith("last"))
        return _quarter(year, quarter)
    if groups.get("unit") == "period" and which not in ("latest", "year-earlier", "year-ago"):
        return None  # 'the period' alone is too vague to be a quarter
    if which in ("current", "this"):
        return _quarter(published.year, current)
    if which in ("year-earlier", "year-ago"):
        return _quarter(last_done[0] - 1, last_done[1])
    return _quarter(*last_done)


def _rule_year(lower: str, published: dt.date, tense: int) -> Resolved | None:
    match = _YEAR.match(lower)
    if not match:
        return None
    year = int(match.group(1))
    return _year(year) if 1000 <= year <= 2999 else None


def _fallback(phrase: str, published: dt.date) -> Resolved | None:
    parsed = _dateparser(phrase, published)
    if parsed is None:
        return None
    lower = phrase.lower()
    if re.search(r"\bweek", lower):
        return parsed.isoformat(), "week", parsed, parsed
    if re.search(r"\b\d{1,2}\b", re.sub(r"\b\d{4}\b", "", lower)) or any(w in lower for w in _WEEKDAYS):
        return _day(parsed)
    if any(re.search(rf"\b{m}\b", lower) for m in _MONTHS) or "month" in lower:
        return _month(parsed.year, parsed.month)
    if re.search(r"\b(year|\d{4})\b", lower):
        return _year(parsed.year)
    return None


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, published: dt.date) -> dt.date | None:
    import dateparser  # noqa: PLC0415  # slow import, needed only for rare phrasings

    base = dt.datetime.combine(published, dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period", "STRICT_PARSING": False,
                "REQUIRE_PARTS": []}
    result = dateparser.parse(phrase, languages=["en"], settings=settings)
    return None if result is None else result.date()
