"""Where an event happened: its clause, then its sentence, then the dateline.

Places merely mentioned ("sanctions against Iran") are not locations; only
toponyms used as locations count. An event reported as happening on the
publication day with no place in its sentence happened where the article is
set: the dateline, else the article's most-mentioned city.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from eventlens.places.resolve import dateline, focus_place
from eventlens.records import Place


def event_place(places: Sequence[Place], text: str, sentence: int, clause_chars: Collection[int],
                same_day: bool) -> tuple[Place | None, str]:
    """The event's place and the rule that chose it ('clause', 'sentence', 'dateline', 'article')."""
    located = [p for p in places if p.use == "location" and p.sentence == sentence and p.lat is not None]
    in_clause = [p for p in located if p.span.start in clause_chars]
    for pool, rule in ((in_clause, "clause"), (located, "sentence")):
        if pool:
            return _most_specific(pool), rule
    if not same_day:
        return None, "none"
    line = dateline(places, text)
    if line is not None:
        return line, "dateline"
    focus = focus_place(places)
    return (focus, "article") if focus is not None else (None, "none")


def _most_specific(pool: Sequence[Place]) -> Place:
    # a guessed vicinity only when the clause names nothing the gazetteer knows
    order = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "vicinity": 5, "unknown": 6}
    return min(pool, key=lambda p: (order[p.kind], p.span.start))
