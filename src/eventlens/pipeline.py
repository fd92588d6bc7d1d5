"""Article -> ArticleResult: the stages in order, in batches, in one or many processes.

Stages run forward only: dates, places, actors, quotes, events, each reading
what the earlier ones produced. Heavy resources (model, knowledge base,
gazetteer, lexicon) are loaded once per process in :class:`Resources`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from eventlens.actors.kb import KnowledgeBase, load_kb
from eventlens.actors.resolve import ActorMatcher, lone_surname, resolve_actors
from eventlens.config import DEFAULT_SETTINGS, Settings
from eventlens.dates import extract_dates
from eventlens.errors import InputError
from eventlens.events.coder import CodingContext, TraceStep, code_events
from eventlens.events.lexicon import Lexicon, load_lexicon
from eventlens.events.ontology import Ontology, load_ontology
from eventlens.nlp import doc_text, load_model, sentences
from eventlens.places.gazetteer import Gazetteer, load_gazetteer
from eventlens.places.history import as_of
from eventlens.places.resolve import resolve_places, resolve_spans
from eventlens.quotes import extract_quotes
from eventlens.records import ActorMention, Article, ArticleResult, IngestError, Place, Span


@dataclass(slots=True)
class Resources:
    """Everything a worker loads once: model, knowledge, gazetteer, lexicon, ontology."""

    nlp: Language
    kb: KnowledgeBase
    matcher: ActorMatcher
    gazetteer: Gazetteer
    lexicon: Lexicon
    ontology: Ontology
    settings: Settings

    @classmethod
    def load(cls, settings: Settings = DEFAULT_SETTINGS) -> Resources:
        """Load every resource once per process; raises ModelNotFoundError with the install line."""
        return _load_resources(settings)


@cache
def _load_resources(settings: Settings) -> Resources:
    nlp = load_model(settings.model)
    kb = load_kb(settings.kb_dir)
    return Resources(nlp=nlp, kb=kb, matcher=ActorMatcher.build(nlp, kb), gazetteer=load_gazetteer(),
                     lexicon=load_lexicon(), ontology=load_ontology(), settings=settings)


def analyse(doc: Doc, article: Article, res: Resources, trace: list[TraceStep] | None = None) -> ArticleResult:
    """Run every stage after the parse on one parsed article."""
    dates = extract_dates(doc, article.published)
    places = as_of(resolve_places(doc, res.gazetteer), article.published)
    actors = resolve_actors(doc, res.matcher, places, article.published)
    quotes = extract_quotes(doc, actors, dates, article.published, res.settings.min_quote_words)
    events = code_events(CodingContext(doc=doc, article=article, actors=actors, places=places, dates=dates,
                                       lexicon=res.lexicon, ontology=res.ontology, settings=res.settings,
                                       trace=trace))
    text = doc_text(doc)
    spans = tuple(Span(start=s.start_char, end=s.end_char, text=text[s.start_char:s.end_char]) for s in sentences(doc))
    return ArticleResult(article=article, actors=actors, places=places, dates=dates, quotes=quotes,
                         events=events, sentences=spans)


def actor_for_text(text: str, day: dt.date | None, res: Resources) -> ActorMention | None:
    """Resolve a short actor phrase ('Chile's Defense Ministry', 'Putin') as of ``day``.

    The phrase's syntactic head decides: the mention at the head, else the most
    specific mention in the phrase (a person before a group before a country).
    """
    found = _phrase_actor(text, day, res)
    if found is None and text.isupper():
        # a dateline or headline in capitals ('SECURITY COUNCIL', 'TEHRAN'), not an acronym ('SANDF')
        return _phrase_actor(text.title(), day, res) or found
    return found


def _phrase_actor(text: str, day: dt.date | None, res: Resources) -> ActorMention | None:
    doc = res.nlp(text)
    places = resolve_places(doc, res.gazetteer)
    if all(p.span.text != text for p in places) and text.istitle() and res.gazetteer.lookup(text):
        # a phrase that is a place name ('Mariupol', 'Puerto Penasco') which the NER missed or cut short
        places = resolve_spans(doc, [doc[:]], res.gazetteer)
    actors = resolve_actors(doc, res.matcher, places, day)
    if not actors:
        return lone_surname(doc, res.matcher, day) or _place_as_actor(places, res)
    root = next(iter(doc.sents)).root
    at_root = [a for a in actors if a.span.start <= root.idx < a.span.end]
    order = {"person": 0, "group": 1, "organisation": 2, "igo": 2, "country": 3, "unknown": 4}
    pool = at_root or list(actors)
    return min(pool, key=lambda a: (order[a.kind], a.country is None, -(a.span.end - a.span.start)))


def _place_as_actor(places: tuple[Place, ...], res: Resources) -> ActorMention | None:
    """A phrase that is only a place stands for its country: a capital for the government
    ('Tehran said'), any other city for the people who live there ('Mariupol')."""
    located = [p for p in places if p.country and not p.guessed]
    if not located:
        return None
    place = located[0]
    capital = any(kind == "metonym" for kind, _ in res.kb.phrases.get(place.name, ()))  # 'TEHRAN' too
    sector = "GOV" if capital else "CVL" if place.kind in ("city", "admin2") else None
    return ActorMention(span=place.span, name=place.name, kind="country", country=place.country,
                        sector=sector, role=None, entity=f"country:{place.country}",
                        basis="place", sentence=place.sentence)


def code_article(article: Article, res: Resources, trace: list[TraceStep] | None = None) -> ArticleResult:
    """Parse and code one article."""
    _check_size(article, res.settings)
    return analyse(res.nlp(article.text), article, res, trace)


def _check_size(article: Article, settings: Settings) -> None:
    if len(article.text) > settings.max_chars:
        raise InputError(article.source or article.id,
                         f"article is {len(article.text):,} characters, over the {settings.max_chars:,} cap; "
                         "split it or raise Settings.max_chars")


def code_stream(items: Iterable[Article | IngestError], res: Resources,
                ) -> Iterator[ArticleResult | IngestError]:
    """Code a stream in ``nlp.pipe`` batches; bad articles become IngestErrors, in input order."""
    batch: list[Article | IngestError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= res.settings.batch_size:
            yield from _code_batch(batch, res)
            batch = []
    if batch:
        yield from _code_batch(batch, res)


def _size_checked(item: Article | IngestError, settings: Settings) -> Article | IngestError:
    if isinstance(item, Article):
        try:
            _check_size(item, settings)
        except InputError as exc:
            return IngestError(source=exc.source, reason=exc.reason, kind="too_large")
    return item


def _code_batch(batch: list[Article | IngestError], res: Resources) -> Iterator[ArticleResult | IngestError]:
    checked = [_size_checked(item, res.settings) for item in batch]
    articles = [a for a in checked if isinstance(a, Article)]
    docs = iter(res.nlp.pipe([a.text for a in articles], batch_size=res.settings.batch_size))
    for item in checked:
        if isinstance(item, IngestError):
            yield item
            continue
        doc = next(docs)
        try:
            yield analyse(doc, item, res)
        except Exception as exc:  # one article's coding defect must not stop a batch; it is recorded
            yield IngestError(source=item.source or item.id, reason=f"coding failed: {exc!r}", kind="coding")
