"""Actor resolution scored on NGEC's test cases: country and sector of a phrase, on a date.

NGEC's UNK and JNK sectors both mean that no sector applies, as eventlens's
empty sector does. Cases that only ask for a Wikipedia page title carry no country or sector
and are counted, not scored; cases that ask for a title as well are scored
on country and sector only.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventlens.errors import ConfigError
from eventlens.ingest import parse_published
from eventlens.pipeline import Resources, actor_for_text


@dataclass(frozen=True, slots=True)
class ActorCase:
    """One phrase, what it should resolve to, and what eventlens said."""

    text: str
    day: dt.date | None
    country: str | None
    sector: str | None
    got_country: str | None
    got_sector: str | None

    @property
    def country_ok(self) -> bool:
        return (self.got_country or "") == (self.country or "")

    @property
    def sector_ok(self) -> bool:
        return _sector(self.got_sector) == _sector(self.sector)


def _sector(code: str | None) -> str:
    """NGEC writes 'no sector' three ways: empty, UNK (unknown) and JNK (not an actor)."""
    return "" if code in (None, "UNK", "JNK") else code


def _expected(row: dict[str, Any]) -> tuple[str | None, str | None] | None:
    exp = row.get("expected") or {}
    country = exp.get("code['country']", exp.get("cc"))
    sector = exp.get("code['code_1']")
    if country is None and sector is None:
        return None
    return country, sector


def _day(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_published(str(value), "query_date")
    except ConfigError:  # gold dates like '12 April 2022' are read by dateparser below
        import dateparser  # noqa: PLC0415  # only for the odd gold date format

        parsed = dateparser.parse(str(value), languages=["en"])
        return parsed.date() if parsed else None


def score_ngec(path: Path, resources: Resources) -> tuple[dict[str, float], list[ActorCase]]:
    """Country and sector accuracy overall and on the date-dependent cases."""
    cases = []
    skipped = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        expected = _expected(row)
        text = row.get("text")
        if expected is None or not text or row.get("xfail"):
            skipped += 1
            continue
        day = _day(row.get("query_date"))
        found = actor_for_text(str(text), day, resources)
        cases.append(ActorCase(text=str(text), day=day, country=expected[0], sector=expected[1],
                               got_country=found.country if found else None,
                               got_sector=found.sector if found else None))
    with_country = [c for c in cases if c.country is not None]
    with_sector = [c for c in cases if c.sector is not None]
    dated = [c for c in cases if c.day is not None]
    metrics = {
        "country_accuracy": sum(c.country_ok for c in with_country) / (len(with_country) or 1),
        "sector_accuracy": sum(c.sector_ok for c in with_sector) / (len(with_sector) or 1),
        "dated_country_accuracy": sum(c.country_ok for c in dated if c.country is not None)
        / (len([c for c in dated if c.country is not None]) or 1),
        "dated_sector_accuracy": sum(c.sector_ok for c in dated if c.sector is not None)
        / (len([c for c in dated if c.sector is not None]) or 1),
        "cases": float(len(cases)), "dated_cases": float(len(dated)), "unscored": float(skipped),
    }
    return metrics, cases
