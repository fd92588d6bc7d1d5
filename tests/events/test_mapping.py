"""Our CAMEO -> PLOVER mapping checked against the PLOVER project's own conversion table.

The table is read from ../shared/gold (never copied). Every disagreement must
be one we chose on purpose, listed here with the reason.
"""

import re

import pytest

from eventlens.events.ontology import load_ontology

from ..conftest import SHARED

TABLE = SHARED / "gold" / "events" / "plover" / "CAMEO2PLOVER-2021.txt"
_YIELD = "the PLOVER gold records code easing a curfew or an emergency, and yielding in general, as CONCEDE"
DELIBERATE = {
    "0831": "resigning is RETREAT in the PLOVER gold records ('will resign')",
    "08": _YIELD, "0813": _YIELD, "0814": _YIELD,
    "116": "a conviction is a legal sanction, not an accusation",
    "163": "the seed annotation and the PLOVER gold records code sanctions and embargoes as SANCTION",
    "1712": "destroying property is coercion",
    "175": "repression with violence stays with COERCE",
    "192": "occupying territory is armed action",
}


@pytest.mark.gold
def test_mapping_agrees_with_plover_except_where_we_chose_otherwise() -> None:
    if not TABLE.exists():
        pytest.skip(f"PLOVER conversion table not found at {TABLE}; needs ../shared/gold")
    ontology = load_ontology()
    compared, surprises = 0, []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]*)", line.split("#")[0].strip())
        if not match or match.group(1) not in ontology.cameo:
            continue
        code, category = match.group(1), match.group(2) or None
        compared += 1
        if ontology.cameo[code].plover != category and code not in DELIBERATE:
            surprises.append((code, ontology.cameo[code].plover, category))
    assert compared > 250
    assert surprises == []
