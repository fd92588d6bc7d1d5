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
    r"^(?:(?:the|on|in|at|by|since|until|of|from|over|its|their|earlier|later|early|late|mid|end of|beginning of)"
    r"[\s-]+)+",
    re.IGNORECASE,
)
_RELATIVE_DAY = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                 "this evening": 0, "yesterday": -1, "tomorrow": 1}
_SHIFT = re.compile(r"^(last|this|next|past|coming)\s+(week|month|year)$", re.IGNORECASE)
_AGO = re.compile(r"^(?:(?:nearly|almost|about|some|roughly|more than|less than|over|just|only)\s+)?"
                  r"(\w+)\s+(day|week|month|year)s?\s+(ago|earlier|later|from now)$", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"^({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"^(?:(early|mid|late)[- ])?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:year\s+|fiscal\s+(?:year\s+)?)?(\d{4})$")
# 'the year', 'the current fiscal year', 'year-end': the publication's own year in business news.
_OWN_YEAR = re.compile(r"^(?:(?:current|full|this)\s+)?(?:fiscal\s+|calendar\s+)?year(?:[- ]end|['’]s end)?$")
_MONTH_REL_YEAR = re.compile(rf"^({_MONTH_RE})\.?\s+(this|last|next)\s+year$")
_SEASONS = {"winter": 0, "spring": 1, "summer": 2, "fall": 3, "autumn": 3}
_SEASON_CODES = ("WI", "SP", "SU", "FA")
_SEASON = re.compile(r"^(?:(last|this|next|coming|this past|past)\s+)?(winter|spring|summer|fall|autumn)"
                     r"(?:\s+(?:of\s+)?(\d{4}))?$")
_WEEKEND = re.compile(r"^(?:(last|this|next|past|coming)\s+)?weekend$")
_DECADE_WORDS = {w: i for i, w in enumerate(
    ["", "", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]) if w}
_DECADE = re.compile(r"^(?:(\d{3})0|['’](\d)0|(\d)0|(" + "|".join(_DECADE_WORDS) + r"))(?:['’]?s)?$")
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)[- ]century$")
_HALF = re.compile(r"^(first|second|last|latter|1st|2nd)\s+(?:half|two quarters)"
                   r"(?:\s+of\s+(?:(\d{4})|(this|last|next) year))?$")
_HOLIDAY = re.compile(r"^(?:(last|this|next)\s+)?(thanksgiving|election day|christmas eve|christmas|new year['’]s eve"
                      r"|new year['’]s|easter|labor day|memorial day|halloween|valentine['’]s day)(?: day| sunday)?$")
_SPELLED_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_SPELLED_TENS = {w: 10 * i for i, w in enumerate(
    ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if w}
_SPELLED_YEAR = re.compile(
    r"\b(?:(?P<century>eighteen|nineteen|twenty)[ -](?:(?P<teen>" + "|".join(list(_SPELLED_UNITS)[10:]) + r")"
    r"|(?P<tens>" + "|".join(_SPELLED_TENS) + r")(?:[ -](?P<unit>" + "|".join(list(_SPELLED_UNITS)[1:10]) + r"))?"
    r"|oh[ -](?P<oh>" + "|".join(list(_SPELLED_UNITS)[1:10]) + r"))"
    r"|two thousand(?:(?: and)? (?P<after>" + "|".join(list(_SPELLED_UNITS)[1:]) + r"))?)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"^(last|this|next)?\s*(" + "|".join(_WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE)


# Parts of the day, kept in the span ("Sunday night") though the value stays the day.
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
#: Granularities that name a calendar interval, and so can date an event.
CALENDAR: frozenset[str] = frozenset(
    {"day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century"})
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_QUARTER = re.compile(
    r"^(?:(?P<own>this year's|last year's|next year's)\s+)?(?:comparable\s+)?(?:(?P<year>\d{4})\s+)?"
    r"(?:(?P<ago>year-earlier|year-ago)\s+(?=first|second|third|fourth|1st|2nd|3rd|4th))?(?:(?P<fiscal>fiscal)[- ])?"
    r"(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|recent|current|this|year-earlier|year-ago)?"
    r"[- ]?(?:fiscal[- ])?(?P<unit>quarter|period)(?:\s+of\s+(?P<of>\d{4}))?(?:\s+ended\s+(?P<ended>.+))?$")
_YEAR_AGO = re.compile(r"^(year-earlier|year-ago)$")
# Capitalised month names only: 'may 2' and 'march 5' in running text are verbs.
_CAPITAL_MONTHS = "|".join(m.capitalize() for m in sorted(_MONTHS, key=len, reverse=True))
_FULL_MONTHS = "|".join(calendar.month_name[1:])
_YEAR_SHAPE = r"(?:1[89]|20)\d\d"
_UNLABELLED = re.compile(
    rf"\b(?P<date>(?i:today|yesterday|tomorrow)|(?:{_CAPITAL_MONTHS})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?(?!\d))\b"
    rf"|\b(?i:between|from)\s+(?P<first>{_YEAR_SHAPE})\s+(?i:and|to|through)\s+(?P<second>{_YEAR_SHAPE})\b"
    rf"|\b(?i:in|since|by|until|during|before|after|from|of)\s+(?P<year>{_YEAR_SHAPE})\b(?![-–]|\s*(?:%|percent))"
    r"|\b(?P<relative>(?i:(?:this|last|next)\s+(?:year|month|week|weekend|spring|summer|fall|autumn|winter)"
    r"|(?<=over )the\s+weekend|the\s+(?:latest|current)\s+(?:quarter|period)|(?:first|second|third|fourth)[- ]quarter"
    r"|\d{1,2}(?:st|nd|rd|th)[- ]century)"
    rf"|(?:{'|'.join(calendar.day_name)}))\b"
    rf"|\b(?i:in|since|by|until|during|last|next|early|late|mid)[\s-]+"
    rf"(?P<month>(?:{_FULL_MONTHS})(?:\s+(?i:this|last|next)\s+year)?)\b(?!\.?\s+\d)")
_UNLABELLED_GROUPS = ("date", "first", "second", "year", "relative", "month")
_QUARTER_REACH = 2  # sentences
_LOOKS_BACK = re.compile(r"year[- ](?:ago|earlier|before)|\b\d{4}\b|last year", re.IGNORECASE)
_A_YEAR_BACK = re.compile(r"^(?:a|one) year (?:ago|earlier|before)$", re.IGNORECASE)
# Words TimeML annotates as references to the present, past and future. Only those annotators mark in
# most of their uses are taken: "now" is PRESENT_REF in 72 % of TimeBank's uses, "current" in under half.
_REFERENCE_WORDS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF"}
_REFERENCE_SPAN = {("the", "future"): "FUTURE_REF", ("near", "future"): "FUTURE_REF",
                   ("recent", "years"): "PAST_REF"}
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
        for group in _UNLABELLED_GROUPS:
            start, end = match.span(group)
            if start < 0 or any(r.span.start < end and start < r.span.end for r in (*taken, *found)):
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
    """'rose to $5 million in the third quarter from $4 million a year earlier': the quarter, a year back.

    Earnings stories name the quarter once and compare with "a year ago" for
    a few sentences after, so the latest quarter up to two sentences back
    counts.
    """
    result = []
    quarter: TimeRef | None = None
    for ref in sorted(refs, key=lambda r: r.span.start):
        if ref.granularity == "quarter" and not _LOOKS_BACK.search(ref.span.text):
            quarter = ref
        if quarter is None or ref.sentence - quarter.sentence > _QUARTER_REACH \
                or not _A_YEAR_BACK.match(ref.span.text.strip()):
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
        tense = _tense(ent)
        # 'the quarter ended Sept. 30' is two expressions, as TimeML marks it: the quarter, and its last day.
        ended = _ENDED.match(ent.text)
        parts = [(ent.start_char, ent.text)] if ended is None or ent.label_ != "DATE" else [
            (ent.start_char, ent.text[:ended.end(1)]), (ent.start_char + ended.start(2), ended.group(2))]
        for start_char, text in parts:
            # A TIME entity ("Friday night", "tonight") dates an event only through its day.
            resolved = resolve(ent.text if start_char == ent.start_char else text, published, tense,
                               fallback=ent.label_ == "DATE")
            if resolved is None:
                continue
            value, granularity, start, end = resolved
            end_char = start_char + len(text)
            if granularity == "day" and ent.end < len(doc) and doc[ent.end].lower_ in _PARTS_OF_DAY \
                    and start_char == ent.start_char:
                end_char = doc[ent.end].idx + len(doc[ent.end])  # 'Sunday' + 'night'
            refs.append(TimeRef(
                span=Span(start=start_char, end=end_char, text=doc_text(doc)[start_char:end_char]),
                value=value, granularity=granularity, start=start, end=end,
                sentence=numbers[ent.start],
            ))
    return refs


_ENDED = re.compile(r"^(.*?\b(?:quarter|period|year|half))\s+ended\s+(.+)$", re.IGNORECASE)
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})
# Verbs whose complement lies ahead: "plans to meet Monday", "is scheduled to close Monday".
_FUTURE_LEMMAS = frozenset({"plan", "schedule", "expect", "due", "intend", "prepare", "aim"})
_FUTURE_CUES = ("until", "till", "as soon as", "as early as", "no later than", "ahead of")
# Present-tense verbs that report rather than predict ("Russia says"), and states ("profit is up").
_PRESENT_NOT_FUTURE = frozenset({"be", "have", "say", "tell", "report", "announce", "state", "claim", "add",
                                 "insist", "note", "show", "remain", "include", "compare"})


def _tense(ent: SpacySpan) -> int:
    """-1 past, +1 future, 0 unknown: decides 'on Wednesday', bare months and quarters.

    News dates the recent past by default; the future needs a cue: a future
    or conditional auxiliary, a verb of planning, 'until'/'as soon as'
    before the date, or a present-tense action ('meets Monday').
    """
    before = ent.doc[max(ent.start - 3, 0):ent.start].text.lower()
    if before.endswith(_FUTURE_CUES):
        return 1
    head = ent.root.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    chain = [head]
    while chain[-1].dep_ in ("xcomp", "ccomp") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    for verb in chain:
        children = list(verb.children)
        if any(c.lower_ in _FUTURE_AUX or c.lemma_ == "go" for c in children) or verb.lemma_ in _FUTURE_LEMMAS \
                or (verb.lemma_ == "set" and any(c.dep_ == "xcomp" for c in children)):
            return 1
        if verb.lemma_ == "be" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                      for c in children):
            return 1  # "is to resume trading Tuesday"
        if verb is not head:
            break
    if head.tag_ in ("VBD", "VBN"):
        return -1
    # "meets Monday" is the wire's way to announce; "profit rises in the third quarter" reports.
    names_day = any(t.lower_ in _WEEKDAYS for t in ent)
    if names_day and ent.root.dep_ != "poss" and head.tag_ in ("VBZ", "VBP") and head.lemma_ not in _PRESENT_NOT_FUTURE:
        return 1
    return 0


def resolve(text: str, published: dt.date, tense: int = 0,
            fallback: bool = True) -> tuple[str, Granularity, dt.date, dt.date] | None:
    """Resolve one time expression, or None when it is a duration or unreadable.

    ``fallback`` lets ``dateparser`` try phrasings no rule covers; bare numbers
    ("44", an age the parser took for a date) never go there.
    """
    phrase = _DETERMINER.sub("", _SPELLED_YEAR.sub(_spelled_year, " ".join(text.split()))).rstrip(".,")
    phrase = re.sub(r"['’]s$", "", phrase)  # "last month's"
    if not phrase or _DURATION.match(phrase):
        return None
    lower = phrase.lower()
    for rule in _RULES:
        found = rule(lower, published, tense)
        if found is not None:
            return found
    if not fallback or lower.isdigit():
        return None
    return _fallback(phrase, published)


Resolved = tuple[str, Granularity, dt.date, dt.date]


def _spelled_year(match: re.Match[str]) -> str:
    """'nineteen ninety-six' -> '1996', 'two thousand' -> '2000', as broadcast transcripts write years."""
    if match.group("century") is None:
        return str(2000 + _SPELLED_UNITS.get(match.group("after") or "zero", 0))
    century = 100 * {"eighteen": 18, "nineteen": 19, "twenty": 20}[match.group("century")]
    if match.group("teen"):
        return str(century + _SPELLED_UNITS[match.group("teen")])
    if match.group("oh"):
        return str(century + _SPELLED_UNITS[match.group("oh")])
    return str(century + _SPELLED_TENS[match.group("tens")] + _SPELLED_UNITS.get(match.group("unit") or "zero", 0))


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
        delta = (target - published.weekday()) % 7 or (7 if modifier == "next" else 0)
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
    which = groups.get("which")
    current = (published.month - 1) // 3 + 1
    last_done = (published.year, current - 1) if current > 1 else (published.year - 1, 4)
    # 'the period ended Sept. 30' may be nine months or a year: only a quarter's end names a quarter.
    ended = _day_of(groups["ended"], published) if groups.get("ended") and groups["unit"] == "quarter" else None
    explicit = groups.get("year") or groups.get("of")
    if which in _ORDINALS:
        return _ordinal_quarter(_ORDINALS[which], groups, ended, published, tense)
    if ended is not None:
        return _quarter(ended.year, (ended.month - 1) // 3 + 1)
    if groups.get("unit") == "period" and not explicit and which not in ("latest", "year-earlier", "year-ago"):
        return None  # 'the period' alone is too vague to be a quarter
    if explicit:  # 'the 1988 quarter': the quarter under report, in that year
        year, quarter = int(explicit), last_done[1]
    elif which in ("current", "this"):
        year, quarter = published.year, current
    else:
        year, quarter = last_done[0] - (which in ("year-earlier", "year-ago")), last_done[1]
    return _quarter(year, quarter)


def _ordinal_quarter(quarter: int, groups: dict[str, str | None], ended: dt.date | None, published: dt.date,
                     tense: int) -> Resolved:
    """'the third quarter', 'the 1988 third quarter', 'its fourth quarter ended June 30', 'the year-ago third
    quarter'."""
    current = (published.month - 1) // 3 + 1
    explicit, own = groups.get("year") or groups.get("of"), groups.get("own")
    if ended is not None:  # a fiscal quarter, named as the company names it
        year = ended.year
    elif explicit:
        year = int(explicit)
    elif own:
        year = published.year + {"this": 0, "last": -1, "next": 1}[own.split()[0]]
    elif tense > 0:  # a quarter just ended is still to be reported: "expects to report third-quarter losses"
        last_done = current - 1 or 4
        year = published.year if quarter >= current else published.year + 1
        if quarter == last_done:
            year = published.year - (current == 1)
    else:
        year = published.year if quarter <= current else published.year - 1
    return _quarter(year - bool(groups.get("ago")), quarter)


def _day_of(text: str, published: dt.date) -> dt.date | None:
    """The day a quarter 'ended': 'Sept. 30', 'yesterday'."""
    found = _rule_month_day(text, published, -1) or _rule_relative_day(text, published, -1)
    return found[2] if found is not None else None


def _rule_year(lower: str, published: dt.date, tense: int) -> Resolved | None:
    match = _YEAR.match(lower)
    if not match:
        return None
    year = int(match.group(1))
    return _year(year) if 1000 <= year <= 2999 else None


def _rule_own_year(lower: str, published: dt.date, tense: int) -> Resolved | None:
    return _year(published.year) if _OWN_YEAR.match(lower) else None


def _rule_month_rel_year(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'January this year', 'June last year'."""
    match = _MONTH_REL_YEAR.match(lower)
    if not match:
        return None
    return _month(published.year + {"this": 0, "last": -1, "next": 1}[match.group(2)], _MONTHS[match.group(1)])


def _season(index: int) -> Resolved:
    """Season ``index`` = 4 * year + (0 winter, 1 spring, 2 summer, 3 fall); winter Y runs Dec Y-1 to Feb Y."""
    year, kind = divmod(index, 4)
    first = dt.date(year - 1, 12, 1) if kind == 0 else dt.date(year, 3 * kind, 1)
    last_month = 2 if kind == 0 else 3 * kind + 2
    last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return f"{year:04d}-{_SEASON_CODES[kind]}", "season", first, last


def _rule_season(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'last fall', 'this summer', 'the winter of 1994': the nearest such season, unless the text says which."""
    match = _SEASON.match(lower)
    if not match:
        return None
    modifier, kind = match.group(1), _SEASONS[match.group(2)]
    if match.group(3):
        return _season(4 * int(match.group(3)) + kind)
    now = 4 * (published.year + (published.month == 12)) + (published.month % 12) // 3  # Dec-Feb 0, Mar-May 1
    before, after = now - (now - kind) % 4, now + (kind - now) % 4
    if modifier == "last":
        index = before - 4 if before == now else before
    elif modifier in ("next", "coming"):
        index = after + 4 if after == now else after
    elif modifier in ("this past", "past") or (tense < 0 and modifier != "this"):
        index = before
    else:  # 'this summer' is the nearest summer whatever the verb
        index = after if (tense > 0 and modifier != "this") or after - now < now - before else before
    return _season(index)


def _rule_weekend(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'the weekend': the one just past, unless the text looks ahead; TimeML writes it '2009-W41-WE'."""
    match = _WEEKEND.match(lower)
    if not match:
        return None
    modifier = match.group(1)
    saturday = published + dt.timedelta(days=5 - published.weekday())  # this ISO week's
    in_it = published.weekday() >= 5
    if modifier in ("next", "coming") or (modifier is None and tense > 0) or (modifier == "this" and not in_it):
        saturday += dt.timedelta(days=7 if in_it else 0)
    elif not (in_it and modifier in (None, "this")):
        saturday -= dt.timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return f"{year:04d}-W{week:02d}-WE", "weekend", saturday, saturday + dt.timedelta(days=1)


def _rule_decade(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'the 1990s', 'the late '80s', 'the nineties', 'the last decade': TimeML's '199'."""
    if lower == "last decade":
        decade = published.year // 10 - 1
    else:
        match = _DECADE.match(lower)
        if not match:
            return None
        full, short, bare, word = match.groups()
        if full:
            decade = int(full)
        else:  # "the '80s", "the nineties": the latest such decade to have begun by publication
            digit = int(short or bare) if word is None else _DECADE_WORDS[word]
            decade = 200 + digit if 2000 + 10 * digit <= published.year else 190 + digit
    return f"{decade:03d}", "decade", dt.date(10 * decade, 1, 1), dt.date(10 * decade + 9, 12, 31)


def _rule_century(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'the 20th century' -> '19' (TimeML), 1900-1999."""
    match = _CENTURY.match(lower)
    if not match or not 2 <= int(match.group(1)) <= 30:
        return None
    hundreds = int(match.group(1)) - 1
    return f"{hundreds:02d}", "century", dt.date(100 * hundreds, 1, 1), dt.date(100 * hundreds + 99, 12, 31)


def _rule_half(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'the first half', 'the last half of 1989', 'the first two quarters of 1990' -> '1989-H2'."""
    match = _HALF.match(lower)
    if not match:
        return None
    half = 1 if match.group(1) in ("first", "1st") else 2
    year = int(match.group(2)) if match.group(2) else published.year + {"this": 0, "last": -1, "next": 1}.get(
        match.group(3) or "this", 0)
    return f"{year:04d}-H{half}", "half", dt.date(year, 6 * half - 5, 1), \
        dt.date(year, 6 * half, 30 if half == 1 else 31)


def _holiday(name: str, year: int) -> dt.date:
    """The date of a named holiday in a year (US holidays as US wire copy uses them)."""
    fixed = {"christmas": (12, 25), "christmas eve": (12, 24), "new year's": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14)}
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name == "easter":
        return _easter(year)
    month, weekday, nth = {"thanksgiving": (11, 3, 4), "election day": (11, 0, 1), "labor day": (9, 0, 1),
                           "memorial day": (5, 0, -1)}[name]
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if nth > 0:
        day += dt.timedelta(days=7 * (nth - 1))
    while nth < 0 and (day + dt.timedelta(days=7)).month == month:  # the last such weekday of the month
        day += dt.timedelta(days=7)
    return day + dt.timedelta(days=1) if name == "election day" else day  # the Tuesday after the first Monday


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month = (h + el - 7 * m + 90) // 25
    return dt.date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


def _rule_holiday(lower: str, published: dt.date, tense: int) -> Resolved | None:
    """'Thanksgiving Day', 'last Christmas', 'Election Day': the nearest one the tense allows."""
    match = _HOLIDAY.match(lower.replace("’", "'"))
    if not match:
        return None
    modifier, name = match.groups()
    past = max(d for d in (_holiday(name, published.year + k) for k in (-1, 0)) if d <= published)
    coming = min(d for d in (_holiday(name, published.year + k) for k in (0, 1)) if d >= published)
    if modifier == "last" or tense < 0:
        day = past if modifier != "last" or past < published else _holiday(name, published.year - 1)
    elif modifier == "next" or tense > 0:
        day = coming
    else:
        day = past if published - past <= coming - published else coming
    return _day(day)


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


_RULES = (_rule_relative_day, _rule_shift, _rule_ago, _rule_weekday, _rule_weekend, _rule_month_day,
          _rule_named_month, _rule_month_rel_year, _rule_month_year, _rule_year, _rule_own_year, _rule_quarter,
          _rule_half, _rule_season, _rule_decade, _rule_century, _rule_holiday)


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, published: dt.date) -> dt.date | None:
    import dateparser  # noqa: PLC0415  # slow import, needed only for rare phrasings

    base = dt.datetime.combine(published, dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period", "STRICT_PARSING": False,
                "REQUIRE_PARTS": []}
    result = dateparser.parse(phrase, languages=["en"], settings=settings)
    return None if result is None else result.date()
