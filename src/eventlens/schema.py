"""The public output contract: ArticleResult -> plain JSON-ready dicts.

Schema ``SCHEMA_VERSION`` (2.1); every span is ``{"start", "end", "text"}``
with character offsets into ``article.text``. Countries are ISO 3166-1
alpha-3; intergovernmental bodies have country ``"UNO"`` (the UN and its
agencies), ``"EUR"`` (the EU and its institutions) or ``"IGO"`` (any other),
kind ``"igo"`` and their name.
The README's "Output schema" section documents every field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventlens.config import SCHEMA_VERSION
from eventlens.events.identity import event_key
from eventlens.records import ActorMention, ArticleResult, Event, Place, Quote, Span, TimeRef


def span(value: Span | None) -> dict[str, Any] | None:
    """A span as ``{"start", "end", "text"}``."""
    return None if value is None else {"start": value.start, "end": value.end, "text": value.text}


def actor(value: ActorMention | None) -> dict[str, Any] | None:
    """An actor as it appears inside events and quotes."""
    if value is None:
        return None
    return {
        "name": value.name, "country": value.country, "sector": value.sector, "role": value.role,
        "kind": value.kind, "entity": value.entity, "text": value.span.text,
        "start": value.span.start, "end": value.span.end,
    }


def place(value: Place | None) -> dict[str, Any] | None:
    """A place with its resolution and how sure it is."""
    if value is None:
        return None
    return {
        "name": value.name, "country": value.country, "lat": value.lat, "lon": value.lon,
        "kind": value.kind, "geonameid": value.geonameid, "confidence": value.confidence,
        "use": value.use, "near": value.near, "text": value.span.text, "start": value.span.start,
        "end": value.span.end,
    }


def time_ref(value: TimeRef) -> dict[str, Any]:
    """A resolved time expression."""
    return {"text": value.span.text, "start": value.span.start, "end": value.span.end, "value": value.value,
            "granularity": value.granularity, "sentence": value.sentence}


def quote(value: Quote, events: Sequence[Event] = ()) -> dict[str, Any]:
    """A quote with the ids of the events coded inside it; an unresolved speaker keeps its words."""
    speaker = actor(value.speaker)
    if speaker is not None and value.speaker_span is not None:
        speaker["text"] = value.speaker_span.text
    elif speaker is None and value.speaker_span is not None:
        speaker = {"name": value.speaker_span.text, "country": None, "sector": None, "role": None,
                   "kind": "unknown", "entity": None, "text": value.speaker_span.text,
                   "start": value.speaker_span.start, "end": value.speaker_span.end}
    return {"kind": value.kind, "speaker": speaker, "cue": span(value.cue), "addressee": actor(value.addressee),
            "content": span(value.content), "date": value.date, "sentence": value.sentence,
            "events": [e.id for e in events
                       if value.content.start <= e.trigger.start and e.trigger.end <= value.content.end]}


def event(value: Event) -> dict[str, Any]:
    """An event with its evidence and the rule that produced it."""
    return {
        "id": value.id, "event_id": event_key(value), "source": actor(value.source),
        "target": actor(value.target), "plover": value.plover,
        "modes": list(value.modes), "cameo": value.cameo, "cameo_name": value.cameo_name,
        "quad_class": value.quad_class, "goldstein": value.goldstein, "date": value.date,
        "date_granularity": value.date_granularity, "place": place(value.place),
        "confidence": value.confidence, "trigger": span(value.trigger), "evidence": span(value.evidence),
        "rule": value.rule, "lexicon_entry": value.lexicon_entry, "coder": value.coder,
        "sentence": value.sentence,
    }


def result(value: ArticleResult, model: str | None = None) -> dict[str, Any]:
    """One article's full result, the document ``eventlens code`` prints."""
    art = value.article
    return {
        "schema_version": SCHEMA_VERSION,
        "model": model,
        "article": {"id": art.id, "external_id": art.external_id, "title": art.title,
                    "published": art.published.isoformat() if art.published else None, "url": art.url,
                    "source": art.source, "language": art.language, "text": art.text},
        "events": [event(e) for e in value.events],
        "quotes": [quote(q, value.events) for q in value.quotes],
        "actors": [{**(actor(a) or {}), "basis": a.basis, "sentence": a.sentence} for a in value.actors],
        "places": [{**(place(p) or {}), "sentence": p.sentence} for p in value.places],
        "dates": [time_ref(d) for d in value.dates],
    }
