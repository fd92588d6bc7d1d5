"""Typed records shared by every stage.

The article text owns everything: every record points into
``Article.text`` by character offsets (``Span``), the way a spaCy ``Span``
points into its ``Doc``. Records are frozen so that a later stage can never
change what an earlier one produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Granularity = Literal["day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century",
                      "present", "past", "future"]
QuoteKind = Literal["direct", "indirect"]
PlaceKind = Literal["city", "admin2", "admin1", "country", "region", "vicinity", "unknown"]
PlaceUse = Literal["location", "actor"]
ActorKind = Literal["person", "country", "organisation", "igo", "group", "unknown"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article after ingest and text normalisation."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    external_id: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeRef:
    """A time expression resolved against the publication date.

    ``value`` is ISO at the precision the text gives: ``2009-10-13`` (day or
    week, the week's anchor day), ``2009-07`` (month), ``2009-Q3`` (quarter) or
    ``2008`` (year); TimeML's forms where ISO has none: ``2009-W41-WE``
    (weekend), ``2009-SU`` (season: SP, SU, FA, WI), ``2009-H2`` (half),
    ``199`` (the 1990s), ``19`` (the 20th century). ``start``/``end`` is the
    calendar interval it denotes, end inclusive. "now", "recently" and "in the future" are TimeML's
    ``PRESENT_REF``, ``PAST_REF`` and ``FUTURE_REF`` (granularity ``present``,
    ``past``, ``future``): they place a statement in time but date no event.
    """

    span: Span
    value: str
    granularity: Granularity
    start: dt.date
    end: dt.date
    sentence: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A toponym, resolved where the gazetteer allows, never dropped.

    A name the gazetteer lacks is a ``vicinity``: it keeps its own text as
    ``name`` and takes the point of the place the article is about, named
    in ``near``, with low confidence.
    """

    span: Span
    name: str
    kind: PlaceKind
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    confidence: float
    use: PlaceUse
    sentence: int
    near: str | None = None

    @property
    def guessed(self) -> bool:
        """Placed by where the article is set, not by its own name: no evidence of a country."""
        return self.kind == "vicinity"


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    """One mention of an actor, resolved to country, sector and role.

    ``name`` is the canonical name (the full person named elsewhere in the
    article for a surname mention); ``span`` is what this mention says.
    ``basis`` names the rule that resolved it, for explanations.
    """

    span: Span
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    role: str | None
    entity: str | None
    basis: str
    sentence: int
    head: int = field(default=-1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct quote or reported statement with its speaker."""

    kind: QuoteKind
    content: Span
    speaker: ActorMention | None
    speaker_span: Span | None
    cue: Span | None
    addressee: ActorMention | None
    date: str | None
    sentence: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """A coded event with the evidence it came from.

    ``rule`` and ``lexicon_entry`` say why it was coded; ``coder`` names the
    coder and lexicon versions that produced it.
    """

    id: str
    source: ActorMention | None
    target: ActorMention | None
    #: None for a statement that acts (CAMEO 011-019: acknowledging, denying, condoling), which PLOVER does not code
    plover: str | None
    cameo: str
    cameo_name: str
    quad_class: int
    goldstein: float
    modes: tuple[str, ...]
    date: str | None
    date_granularity: Granularity | None
    place: Place | None
    confidence: float
    trigger: Span
    evidence: Span
    rule: str
    lexicon_entry: str
    coder: str
    sentence: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleResult:
    """Everything eventlens extracted from one article."""

    article: Article
    actors: tuple[ActorMention, ...]
    places: tuple[Place, ...]
    dates: tuple[TimeRef, ...]
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    sentences: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestError:
    """An input that could not be read or coded, and why."""

    source: str
    reason: str
    kind: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    """An input left out on purpose by a filter (language, date), and why."""

    source: str
    article_id: str | None
    kind: str
    reason: str
    language: str | None = None
