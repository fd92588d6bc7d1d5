"""The actor knowledge base: countries, organisations, sector words, people with dated roles.

All of it is packaged data (``actors/data/*.json``); this module only loads
and indexes it. Lookups that depend on time take the date explicitly: a
person's role is the one valid on that date. Only an undated lookup takes the
latest office: without a date nobody can be called "former".
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventlens.errors import DataError
from eventlens.tables import load_json

PACKAGE = "eventlens.actors"
#: The country code of intergovernmental offices (UN Secretary-General, NATO Secretary General)
IGO_CODE = "IGO"
#: Preference among roles held at the same time: executive office first.
_ROLE_PRIORITY = ("President", "Prime Minister", "Chancellor", "King", "Queen", "Emir", "Supreme Leader",
                  "Secretary-General", "Secretary General", "Minister", "Secretary")


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from ``start`` until the day before ``end`` (None: still held)."""

    title: str
    country: str
    sector: str
    start: dt.date
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        """True when the office was held on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A named person and every office they held."""

    name: str
    aliases: tuple[str, ...]
    surname: str | None
    roles: tuple[Role, ...]

    def role_on(self, day: dt.date | None) -> Role | None:
        """The office held on ``day``; with several, the executive one.

        Undated, the office held today, else the latest one held: "Angela Merkel"
        with no date is the chancellor she was, not a former official of no office.
        """
        held = [r for r in self.roles if r.holds_on(day or dt.date.today())]
        if held:
            return _preferred(held)
        if day is None and self.roles:
            last_end = max(r.end or dt.date.max for r in self.roles)
            return _preferred([r for r in self.roles if (r.end or dt.date.max) == last_end])
        return None

    @property
    def nationality(self) -> str | None:
        """The country of the first national office: 'President Obama' in a 2000 story is still American,
        and a UN Secretary-General still of the country that sent him."""
        national = [r for r in self.roles if r.country != IGO_CODE]
        return min(national, key=lambda r: r.start).country if national else None

    def last_role_before(self, day: dt.date) -> Role | None:
        """The most recent office that had ended by ``day`` (for 'former X')."""
        ended = [r for r in self.roles if r.end is not None and r.end <= day]
        return max(ended, key=lambda r: r.end or r.start) if ended else None


def _preferred(roles: list[Role]) -> Role:
    def rank(role: Role) -> int:
        for i, word in enumerate(_ROLE_PRIORITY):
            if role.title.startswith(word):
                return i
        return len(_ROLE_PRIORITY)

    return min(roles, key=rank)


@dataclass(frozen=True, slots=True)
class Country:
    """A country with every name news uses for it and its government."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    """An IGO, domestic agency, armed group or party."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str | None
    kind: str
    periods: tuple[tuple[dt.date, dt.date | None, str], ...] = ()

    def sector_on(self, day: dt.date | None) -> str | None:
        """The sector on ``day``: the Taliban are rebels in 2002 and the government in 2022."""
        when = day or dt.date.today()
        for start, end, sector in self.periods:
            if start <= when and (end is None or when < end):
                return sector
        return self.sector


@dataclass(frozen=True, slots=True)
class SectorWord:
    """A word that names a sector ('troops' -> MIL); ``title`` if it precedes names.

    A ``generic`` word ('leader', 'group') yields to a sector word among its
    modifiers ('rebel leader' -> REB) and may have no sector of its own; a
    generic ``body`` word ('group', 'force') names an organisation, not people.
    """

    word: str
    sector: str | None
    title: bool
    generic: bool = False
    body: bool = False


@dataclass(slots=True)
class KnowledgeBase:
    """Indexed knowledge: phrase -> what it names, surname -> people, lemma -> sector."""

    countries: dict[str, Country] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    sectors: dict[str, SectorWord] = field(default_factory=dict)
    sector_codes: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, list[tuple[str, object]]] = field(default_factory=dict)
    surnames: dict[str, list[Person]] = field(default_factory=dict)
    versions: tuple[str, ...] = ()

    def people_named(self, surname: str, day: dt.date | None) -> list[Person]:
        """People with this surname, those in office on ``day`` first."""
        found = self.surnames.get(surname, [])
        return sorted(found, key=lambda p: p.role_on(day) is None)


@cache
def load_kb(user_dir: str | None = None) -> KnowledgeBase:
    """The packaged knowledge base plus a user folder's imports, loaded once per process.

    ``user_dir`` holds ``people.json`` / ``organisations.json`` written by
    ``eventlens actors import``; its entries are indexed first, so they win
    over packaged entries with the same name.
    """
    kb = KnowledgeBase()
    tables = [load_json(PACKAGE, name) for name in
              ("countries.json", "organisations.json", "people.json", "sectors.json")]
    user = _user_tables(user_dir)
    kb.versions = tuple(f"{t['name']}@{t['version']}" for t in [*tables, *user.values()])
    try:
        _index_countries(kb, tables[0]["entries"])
        _index_organisations(kb, user.get("organisations", {}).get("entries", []) + tables[1]["entries"])
        _index_people(kb, user.get("people", {}).get("entries", []) + tables[2]["entries"])
        _index_sectors(kb, tables[3])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"an actor table is malformed ({exc!r}); reinstall eventlens or re-run the import "
                        f"that wrote {user_dir}") from exc
    return kb


def _user_tables(user_dir: str | None) -> dict[str, dict[str, Any]]:
    tables: dict[str, dict[str, Any]] = {}
    if not user_dir:
        return tables
    for name in ("people", "organisations"):
        path = Path(user_dir) / f"{name}.json"
        if path.exists():
            try:
                tables[name] = dict(json.loads(path.read_text(encoding="utf-8")))
            except ValueError as exc:
                raise DataError(f"{path}: not valid JSON ({exc}); re-run `eventlens actors import`") from exc
            tables[name].setdefault("name", f"user.{name}")
            tables[name].setdefault("version", "user")
    return tables


def _strs(row: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(item) for item in row.get(key) or ())


def _opt(row: dict[str, Any], key: str) -> str | None:
    value = row.get(key)
    return str(value) if value else None


def _add_phrase(kb: KnowledgeBase, phrase: str, kind: str, target: object) -> None:
    if phrase:
        kb.phrases.setdefault(phrase, []).append((kind, target))


def _index_countries(kb: KnowledgeBase, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        country = Country(
            iso3=str(row["iso3"]), name=str(row["name"]), aliases=_strs(row, "aliases"),
            adjectives=_strs(row, "adjectives"), capital=_opt(row, "capital"),
            metonyms=_strs(row, "metonyms"),
        )
        kb.countries[country.iso3] = country
        for name in {country.name, *country.aliases}:
            _add_phrase(kb, name, "country", country)
        for adjective in country.adjectives:
            _add_phrase(kb, adjective, "adjective", country)
        for metonym in country.metonyms:
            _add_phrase(kb, metonym, "metonym", country)


def _index_organisations(kb: KnowledgeBase, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        org = Organisation(
            id=str(row["id"]), name=str(row["name"]), aliases=_strs(row, "aliases"),
            country=_opt(row, "country"), sector=_opt(row, "sector"), kind=str(row.get("kind", "igo")),
            periods=tuple(_period(p) for p in row.get("periods") or ()),
        )
        kb.organisations.append(org)
        for name in {org.name, *org.aliases}:
            _add_phrase(kb, name, "organisation", org)


def _index_people(kb: KnowledgeBase, rows: list[dict[str, Any]]) -> None:
    surnames: dict[str, list[Person]] = defaultdict(list)
    for row in rows:
        roles = tuple(sorted((_role(r) for r in row.get("roles") or ()), key=lambda r: r.start))
        person = Person(name=str(row["name"]), aliases=_strs(row, "aliases"),
                        surname=_opt(row, "surname"), roles=roles)
        kb.people.append(person)
        for name in {person.name, *person.aliases}:
            _add_phrase(kb, name, "person", person)
        if person.surname:
            surnames[person.surname].append(person)
    kb.surnames = dict(surnames)


def _period(row: dict[str, Any]) -> tuple[dt.date, dt.date | None, str]:
    end = row.get("end")
    return (dt.date.fromisoformat(str(row["start"])), dt.date.fromisoformat(str(end)) if end else None,
            str(row["sector"]))


def _role(row: dict[str, Any]) -> Role:
    end = row.get("end")
    return Role(title=str(row["title"]), country=str(row["country"]), sector=str(row["sector"]),
                start=dt.date.fromisoformat(str(row["start"])),
                end=dt.date.fromisoformat(str(end)) if end else None)


def _index_sectors(kb: KnowledgeBase, table: dict[str, Any]) -> None:
    kb.sector_codes = {str(k): str(v) for k, v in (table.get("codes") or {}).items()}
    for row in table["entries"]:
        word = SectorWord(word=str(row["word"]).lower(), sector=_opt(row, "sector"), title=bool(row.get("title")),
                          generic=bool(row.get("generic")), body=bool(row.get("body")))
        kb.sectors.setdefault(word.word, word)
