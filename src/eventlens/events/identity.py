"""Event identity across articles, kept free of the parser so that output code can use it cheaply."""

from __future__ import annotations

import hashlib

from eventlens.records import ActorMention, Event


def event_key(event: Event) -> str:
    """Identity of an event across articles: the same who, did what, to whom, when, where and how.

    Several articles (or several sentences of one) reporting it become
    mentions of one event. Actors compare by entity, so that 'Clinton' and
    'Hillary Clinton' agree; the category is PLOVER's, because two reports
    of one meeting may choose different CAMEO leaves; modes are part of the
    identity, since 'did not attend' is not the same news as 'attended'.
    """
    place = event.place
    parts = (
        _actor_key(event.source), _actor_key(event.target), category(event.plover, event.cameo), event.date or "",
        (str(place.geonameid) if place.geonameid else place.name) if place else "", ",".join(sorted(event.modes)),
    )
    return hashlib.sha1("|".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def category(plover: str | None, cameo: str) -> str:
    """An event's PLOVER category; a statement, which PLOVER does not code, by its 3-digit CAMEO code."""
    return plover or f"CAMEO {cameo[:3]}"


def _actor_key(actor: ActorMention | None) -> str:
    if actor is None:
        return ""
    return actor.entity or f"{actor.name}:{actor.country or ''}:{actor.sector or ''}"
