"""Countries as they were on a story's date.

The gazetteer and the actor tables know today's map. A story from 1995
that names Juba speaks of a city in Sudan, and its "Juba" is no South
Sudanese government: before a state's independence its places and its
name belong to the state it left (``data/successions.json``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import TypeVar

from eventlens.errors import DataError
from eventlens.records import ActorMention, Place
from eventlens.tables import load_json

PACKAGE = "eventlens.places"
_Located = TypeVar("_Located", Place, ActorMention)
#: The basis suffix of an actor whose country is the one its state belonged to on the story's date.
AS_OF_BASIS = "as-of-date"


@cache
def successions() -> dict[str, tuple[str, dt.date]]:
    """Newer state -> (the state it left, the day it left)."""
    table = load_json(PACKAGE, "successions.json")
    try:
        return {str(e["country"]): (str(e["from"]), dt.date.fromisoformat(str(e["since"])))
                for e in table["entries"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"successions.json: every entry needs country, from and an ISO since date ({exc}); "
                        "fix the table or reinstall eventlens") from exc


def as_of(records: Iterable[_Located], day: dt.date | None) -> tuple[_Located, ...]:
    """The records with each country as it was on ``day`` (unchanged when the day is unknown)."""
    if day is None:
        return tuple(records)
    table = successions()
    return tuple(_then(r, table, day) for r in records)


def _then(record: _Located, table: dict[str, tuple[str, dt.date]], day: dt.date) -> _Located:
    found = table.get(record.country or "")
    if found is None or day >= found[1]:
        return record
    if isinstance(record, ActorMention):
        return replace(record, country=found[0], basis=f"{record.basis}+{AS_OF_BASIS}")
    return replace(record, country=found[0])
