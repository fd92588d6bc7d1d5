"""Importers that keep the knowledge base current: Wikidata and PETRARCH dictionaries.

Each importer turns a source into rows of the packaged tables' own shape
(``people.json`` / ``organisations.json`` entries), and :func:`write_user_tables`
merges them into a user knowledge folder that :func:`eventlens.actors.kb.load_kb`
reads on top of the packaged data:

* Wikidata SPARQL JSON results with the variables ``?personLabel``,
  ``?positionLabel``, ``?iso3`` (the position's country, ISO 3166-1 alpha-3 via
  P298), ``?start``, ``?end`` and optionally ``?sector``;
* a Wikidata JSON dump subset (one entity per line, or a JSON array): people's
  "position held" (P39) claims with start (P580) and end (P582) qualifiers; the
  positions' country (P17) and that country's alpha-3 code (P298) are read from
  entities of the same file;
* a PETRARCH actor dictionary: ``NAME [CODE]`` lines, ``+SYNONYM`` lines and
  dated codes such as ``[USAGOV 20090120-20170120]``, ``[HOB <950601]``, ``[X >990816]``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventlens.errors import MalformedRecordError

Row = dict[str, Any]
_DEFAULT_SECTOR = "GOV"
_PETRARCH_CODE = re.compile(r"\[\s*([A-Za-z-]{3,})?\s*([<>])?\s*(\d{6,8})?\s*(?:-\s*(\d{6,8}))?\s*\]")


# -- Wikidata ---------------------------------------------------------------------------------

def from_sparql(data: dict[str, Any], source: str = "sparql") -> list[Row]:
    """People rows from a SPARQL JSON result (one binding per person and position)."""
    try:
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError) as exc:
        raise MalformedRecordError(source, "not a SPARQL JSON result: no results.bindings") from exc
    people: dict[str, Row] = {}
    for binding in bindings:
        name = _value(binding, "personLabel")
        iso3 = _value(binding, "iso3")
        start = _wikidata_date(_value(binding, "start"))
        if not name or not iso3 or start is None:
            continue  # a position with no country or start date cannot be placed in time
        person = people.setdefault(name, {"name": name, "aliases": [], "surname": _surname(name), "roles": []})
        person["roles"].append({
            "title": _value(binding, "positionLabel") or "office holder", "country": iso3.upper(),
            "sector": _value(binding, "sector") or _DEFAULT_SECTOR, "start": start,
            "end": _wikidata_date(_value(binding, "end")),
        })
    return list(people.values())


def _value(binding: dict[str, Any], key: str) -> str | None:
    cell = binding.get(key)
    return str(cell["value"]) if isinstance(cell, dict) and "value" in cell else None


def _wikidata_date(value: str | None) -> str | None:
    """'+2009-01-21T00:00:00Z' or '2009-01-21T00:00:00Z' -> '2009-01-21' (month/day 00 -> 01)."""
    if not value:
        return None
    match = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month or 1, day or 1).isoformat()
    except ValueError:
        return None


def from_wikidata_dump(lines: Iterable[str], source: str = "dump") -> list[Row]:
    """People rows from Wikidata entities: P39 claims resolved through the file's own entities."""
    entities = {e["id"]: e for e in _entities(lines, source)}
    rows = []
    for entity in entities.values():
        roles = [r for r in (_role(claim, entities) for claim in _claims(entity, "P39")) if r]
        if roles:
            name = _label(entity)
            rows.append({"name": name, "aliases": _aliases(entity), "surname": _surname(name), "roles": roles})
    return rows


def _entities(lines: Iterable[str], source: str) -> Iterator[dict[str, Any]]:
    text = "".join(lines).strip()
    if text.startswith("["):
        items = json.loads(text)
    else:
        items = [json.loads(line.rstrip(",")) for line in text.splitlines() if line.strip() not in ("", "[", "]")]
    for item in items:
        if not isinstance(item, dict) or "id" not in item:
            raise MalformedRecordError(source, "every entity needs an 'id'; is this a Wikidata JSON dump?")
        yield item


def _claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    return list(entity.get("claims", {}).get(prop, []))


def _claim_value(claim: dict[str, Any]) -> Any:
    return claim.get("mainsnak", {}).get("datavalue", {}).get("value")


def _qualifier_time(claim: dict[str, Any], prop: str) -> str | None:
    for qualifier in claim.get("qualifiers", {}).get(prop, []):
        value = qualifier.get("datavalue", {}).get("value", {})
        if isinstance(value, dict):
            return _wikidata_date(value.get("time"))
    return None


def _role(claim: dict[str, Any], entities: dict[str, dict[str, Any]]) -> Row | None:
    position = entities.get(str((_claim_value(claim) or {}).get("id")))
    start = _qualifier_time(claim, "P580")
    if position is None or start is None:
        return None
    country = next((entities.get(str((_claim_value(c) or {}).get("id"))) for c in _claims(position, "P17")), None)
    iso3 = next((str(_claim_value(c)) for c in _claims(country, "P298")), None) if country else None
    if not iso3:
        return None
    return {"title": _label(position), "country": iso3, "sector": _DEFAULT_SECTOR, "start": start,
            "end": _qualifier_time(claim, "P582")}


def _label(entity: dict[str, Any]) -> str:
    return str(entity.get("labels", {}).get("en", {}).get("value") or entity["id"])


def _aliases(entity: dict[str, Any]) -> list[str]:
    return [str(a["value"]) for a in entity.get("aliases", {}).get("en", []) if "value" in a]


def _surname(name: str) -> str | None:
    parts = name.split()
    return parts[-1] if len(parts) > 1 else None


# -- PETRARCH ---------------------------------------------------------------------------------

def from_petrarch(text: str, source: str = "petrarch") -> tuple[list[Row], list[Row]]:
    """(people, organisations) from a PETRARCH actor dictionary.

    Entries with dated codes become people with roles; entries with one fixed
    code become organisations (country + sector). Codes without a country
    ('---') are skipped: they say nothing a resolver could use.
    """
    people: list[Row] = []
    organisations: list[Row] = []
    for name, aliases, codes in _petrarch_entries(text):
        dated = [c for c in codes if c[1] or c[2]]
        display = _display(name)
        if dated:
            roles = [r for r in (_petrarch_role(code) for code in dated) if r]
            if roles:
                people.append({"name": display, "aliases": [_display(a) for a in aliases],
                               "surname": _surname(display), "roles": roles})
        elif codes and codes[0][0][:3].isalpha():
            code = codes[0][0].upper()
            organisations.append({"id": f"petrarch:{name}", "name": display,
                                  "aliases": [_display(a) for a in aliases] + [name.replace("_", " ")],
                                  "country": code[:3], "sector": code[3:6] or None, "kind": "group"})
    return people, organisations


def _petrarch_entries(text: str) -> Iterator[tuple[str, list[str], list[tuple[str, str | None, str | None]]]]:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    name: str | None = None
    aliases: list[str] = []
    codes: list[tuple[str, str | None, str | None]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.lstrip().startswith("+"):
            aliases.append(line.strip()[1:].strip())
            continue
        if not line[0].isspace():
            if name:
                yield name, aliases, codes
            name, aliases, codes = line.split("[", 1)[0].strip(), [], []
        codes.extend(_petrarch_codes(line))
    if name:
        yield name, aliases, codes


def _petrarch_codes(line: str) -> list[tuple[str, str | None, str | None]]:
    found = []
    for match in _PETRARCH_CODE.finditer(line):
        code, direction, first, second = match.groups()
        if not code:
            continue
        start, end = (None, _petrarch_date(first)) if direction == "<" else (_petrarch_date(first), None)
        if second:
            end = _petrarch_date(second)
        found.append((code.upper(), start, end))
    return found


def _petrarch_date(value: str | None) -> str | None:
    """'950601' -> 1995-06-01 (two-digit years: 30..99 -> 19xx), '20080120' -> 2008-01-20."""
    if not value:
        return None
    if len(value) == 6:
        year = int(value[:2])
        value = f"{1900 + year if year >= 30 else 2000 + year}{value[2:]}"
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date().isoformat()
    except ValueError:
        return None


def _petrarch_role(code: tuple[str, str | None, str | None]) -> Row | None:
    value, start, end = code
    if not value[:3].isalpha():
        return None
    return {"title": value[3:6] or "actor", "country": value[:3], "sector": value[3:6] or _DEFAULT_SECTOR,
            "start": start or "1900-01-01", "end": end}


def _display(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in name.replace("_", " ").split())


# -- the user knowledge folder ----------------------------------------------------------------

def write_user_tables(folder: Path, people: list[Row], organisations: list[Row]) -> tuple[int, int]:
    """Merge rows into ``folder``'s people.json and organisations.json; returns rows added or updated."""
    folder.mkdir(parents=True, exist_ok=True)
    return (_merge(folder / "people.json", "eventlens.people.user", people, key="name"),
            _merge(folder / "organisations.json", "eventlens.organisations.user", organisations, key="id"))


def _merge(path: Path, name: str, rows: list[Row], *, key: str) -> int:
    if not rows:
        return 0
    table: dict[str, Any] = {"name": name, "entries": []}
    if path.exists():
        table = dict(json.loads(path.read_text(encoding="utf-8")))
    entries: dict[str, Row] = {str(e[key]): e for e in table.get("entries", [])}
    for row in rows:
        entries[str(row[key])] = row
    table["entries"] = sorted(entries.values(), key=lambda e: str(e[key]))
    table["version"] = dt.date.today().isoformat()
    path.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(rows)
