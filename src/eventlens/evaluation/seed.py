"""Checks of a result against the hand annotation of the seed article.

Used by the eval command and by the acceptance test alike, so that both
judge the same way. Each check returns (item id, passed, detail).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventlens.evaluation import coarse_country
from eventlens.records import ArticleResult, Event

Check = tuple[str, bool, str]
_NOT_HAPPENED = frozenset({"negated", "hypothetical", "conditional", "future"})


def load_annotation(path: Path) -> dict[str, Any]:
    """The ``*.expected.json`` annotation."""
    return dict(json.loads(path.read_text(encoding="utf-8")))


def event_matches(item: dict[str, Any], event: Event) -> bool:
    """Source, target, category, CAMEO root, and date/place/mode where the item states them."""
    src = coarse_country(event.source.country) if event.source else None
    tgt = coarse_country(event.target.country) if event.target else None
    pairs = {(src, tgt)} | ({(tgt, src)} if item.get("symmetric") else set())
    if (item["source"], item["target"]) not in pairs:
        return False
    if event.plover not in item["plover"] or event.cameo[:2] not in item["cameo_root"]:
        return False
    if "date" in item and event.date != item["date"]:
        return False
    location = item.get("location")
    if location and (event.place is None or event.place.name != location["name"]
                     or event.place.country != location["country"]):
        return False
    return _mode_ok(item.get("mode", ""), event.modes)


def _mode_ok(mode: str, modes: tuple[str, ...]) -> bool:
    if not mode:
        return True
    if mode.startswith("conditional or hypothetical"):
        return bool({"conditional", "hypothetical"} & set(modes))
    return all(word in modes for word in mode.split() if word in ("historical", "future", "negated"))


def check_events(result: ArticleResult, items: Iterable[dict[str, Any]]) -> list[Check]:
    """One check per expected event."""
    checks = []
    for item in items:
        found = [e for e in result.events if event_matches(item, e)]
        detail = f"{item['source']}->{item['target']} {'/'.join(item['plover'])}"
        checks.append((item["id"], bool(found), detail if found else f"missing {detail}: {item['text']}"))
    return checks


def check_no_false_sanction(result: ArticleResult) -> Check:
    """No event may claim that a sanction was imposed: the article reports none."""
    bad = [e for e in result.events if e.plover == "SANCTION" and not _NOT_HAPPENED & set(e.modes)]
    return ("no-imposed-sanction", not bad,
            "ok" if not bad else f"sanction reported as happened: {bad[0].evidence.text}")


def check_actors_in_text(result: ArticleResult) -> Check:
    """Every event actor is a span of the article: nothing invented."""
    text = result.article.text
    for event in result.events:
        for actor in (event.source, event.target):
            if actor is not None and text[actor.span.start:actor.span.end] != actor.span.text:
                return ("actors-in-text", False, f"{actor.name} is not at {actor.span.start} in the text")
    return ("actors-in-text", True, "ok")


def check_quotes(result: ArticleResult, items: Iterable[dict[str, Any]], kinds: tuple[str, ...]) -> list[Check]:
    """Each expected quote of the given kinds, with speaker, addressee and date."""
    checks = []
    for item in items:
        if item["kind"] not in kinds:
            continue
        label = f"quote:{item['starts_with'][:24]}"
        found = [q for q in result.quotes if q.kind == item["kind"]
                 and q.content.text.lstrip("“\" ").startswith(item["starts_with"])]
        if not found:
            checks.append((label, False, "not found"))
            continue
        quote = found[0]
        speaker_words = {quote.speaker.name if quote.speaker else "",
                         quote.speaker_span.text if quote.speaker_span else ""}
        problems = []
        if not any(item["speaker"] in w or (w and w in item["speaker"]) for w in speaker_words if w):
            problems.append(f"speaker {speaker_words}")
        if "addressee" in item and (quote.addressee is None or quote.addressee.name != item["addressee"]):
            problems.append(f"addressee {quote.addressee.name if quote.addressee else None}")
        if "date" in item and quote.date != item["date"]:
            problems.append(f"date {quote.date}")
        checks.append((label, not problems, "; ".join(problems) or "ok"))
    return checks


def check_actors(result: ArticleResult, items: Iterable[dict[str, Any]]) -> list[Check]:
    """Each expected actor mention with country, sector and role."""
    checks = []
    for item in items:
        found = [a for a in result.actors
                 if a.span.text == item["mention"] and coarse_country(a.country) == item["code"]
                 and (not item.get("sector") or a.sector == item["sector"])
                 and _role_ok(item.get("role"), a.role)]
        checks.append((f"actor:{item['mention']}", bool(found),
                       "ok" if found else f"want {item['code']} {item.get('sector', '')} {item.get('role', '')}"))
    central = result.article.text.find("central Moscow")
    if central >= 0:
        start = central + len("central ")
        as_actor = [a for a in result.actors if a.span.start == start]
        checks.append(("actor:not-central-Moscow", not as_actor, "'central Moscow' is a place, not an actor"))
    return checks


def _role_ok(expected: str | None, role: str | None) -> bool:
    if not expected:
        return True
    if role is None:
        return False
    if expected.startswith("former "):
        return role.startswith(expected.split(" (")[0])
    return role == expected


def check_places(result: ArticleResult, items: Iterable[dict[str, Any]]) -> list[Check]:
    """Each expected toponym resolved to the right country, coordinates or region."""
    checks = []
    for item in items:
        found = [p for p in result.places if p.span.text == item["mention"] and _place_ok(item, p)]
        checks.append((f"place:{item['mention']}", bool(found), "ok" if found else f"want {item}"))
    return checks


def _place_ok(item: dict[str, Any], place: Any) -> bool:
    if item.get("kind") == "region":
        return bool(place.kind == "region")
    if place.country != item["country"]:
        return False
    if "lat" in item:
        return place.lat is not None and abs(place.lat - item["lat"]) < 0.1 and abs(place.lon - item["lon"]) < 0.1
    return True


def check_dates(result: ArticleResult, items: Iterable[dict[str, Any]]) -> list[Check]:
    """Each expected time expression with its value and granularity."""
    checks = []
    for item in items:
        found = [d for d in result.dates if d.span.text == item["mention"] and d.value == item["value"]
                 and d.granularity == item["granularity"]]
        checks.append((f"date:{item['mention']}", bool(found), "ok" if found else f"want {item['value']}"))
    return checks


def check_all(result: ArticleResult, annotation: dict[str, Any]) -> list[Check]:
    """Every check that issue-level acceptance asks of the seed article."""
    checks = check_events(result, annotation["events"]["must"])
    checks.append(check_no_false_sanction(result))
    checks.append(check_actors_in_text(result))
    checks += check_quotes(result, annotation["quotes"], ("direct",))
    checks += check_actors(result, annotation["actors"])
    checks += check_places(result, annotation["places"])
    checks += check_dates(result, annotation["dates"])
    return checks
