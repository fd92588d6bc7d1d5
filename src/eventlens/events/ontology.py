"""PLOVER categories and CAMEO codes, loaded from the packaged tables."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventlens.errors import DataError
from eventlens.tables import load_json

PACKAGE = "eventlens.events"
#: CAMEO roots the coder's rules name: protest (14); assault, fight and mass violence (18-20).
PROTEST_ROOT = "14"
VIOLENT_ROOTS = ("18", "19", "20")
#: QuadClasses of conflict, verbal (3) and material (4).
CONFLICT_QUADS = (3, 4)
_REDUCE_RELATIONS, _VERBAL_CONFLICT = "16", 3


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with its QuadClass, Goldstein score and PLOVER category."""

    code: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None


@dataclass(frozen=True, slots=True)
class Ontology:
    """Both code tables, with the versions recorded on every event."""

    cameo: dict[str, CameoCode]
    plover: dict[str, dict[str, object]]
    versions: tuple[str, ...]

    def code(self, code: str) -> CameoCode:
        """The code's entry; an unknown 4-digit code falls back to its parent."""
        for length in (len(code), 3, 2):
            found = self.cameo.get(code[:length])
            if found is not None:
                return found
        raise DataError(f"CAMEO code {code!r} is not in cameo.json; fix the lexicon row that uses it")

    def intent_code(self, plover: str) -> CameoCode | None:
        """The code of a stated commitment to a ``plover`` action ('will withdraw' -> 035, AGREE)."""
        code = self.plover.get(plover, {}).get("intent_cameo")
        return self.code(str(code)) if code else None

    def penta_class(self, cameo: str | None) -> int:
        """0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.

        PentaClass is the Phoenix event data's quad classes, which ConfliBERT's
        labels follow: statements (01) and appeals (02) are class 0, and
        reducing relations (16: sanctions, expulsions of diplomats, aid cut
        off) is verbal conflict, where GDELT's QuadClass counts it material.
        It is defined on CAMEO roots, not PLOVER categories, because REQUEST
        holds both appeals (02, class 0) and demands (10, class 3).
        """
        if not cameo or cameo[:2] in ("01", "02"):
            return 0
        if cameo[:2] == _REDUCE_RELATIONS:
            return _VERBAL_CONFLICT
        return self.code(cameo).quad_class


@cache
def load_ontology() -> Ontology:
    """The packaged PLOVER and CAMEO tables."""
    cameo_table = load_json(PACKAGE, "cameo.json")
    plover_table = load_json(PACKAGE, "plover.json")
    try:
        cameo = {
            str(row["code"]): CameoCode(code=str(row["code"]), name=str(row["name"]),
                                        quad_class=int(row["quad_class"]), goldstein=float(row["goldstein"]),
                                        plover=row.get("plover") or None)
            for row in cameo_table["codes"]
        }
        plover = {str(row["name"]): row for row in plover_table["categories"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"a packaged ontology table is malformed ({exc!r}); reinstall eventlens") from exc
    versions = (f"{cameo_table['name']}@{cameo_table['version']}", f"{plover_table['name']}@{plover_table['version']}")
    return Ontology(cameo=cameo, plover=plover, versions=versions)
