import datetime as dt
import json
from pathlib import Path

import pytest

from eventlens.actors import importers
from eventlens.actors.kb import load_kb
from eventlens.cli import main

SPARQL = {"head": {"vars": ["personLabel", "positionLabel", "iso3", "start", "end"]}, "results": {"bindings": [
    {"personLabel": {"value": "Zara Quellmoor"}, "positionLabel": {"value": "Minister of Foreign Affairs"},
     "iso3": {"value": "NOR"}, "start": {"value": "2021-10-14T00:00:00Z"}, "end": {"value": "2023-10-16T00:00:00Z"}},
    {"personLabel": {"value": "Zara Quellmoor"}, "positionLabel": {"value": "Prime Minister"},
     "iso3": {"value": "NOR"}, "start": {"value": "2023-10-16T00:00:00Z"}},
    {"personLabel": {"value": "No Start"}, "positionLabel": {"value": "President"}, "iso3": {"value": "NOR"}},
]}}


def _entity(qid: str, label: str, claims: dict[str, list[dict[str, object]]] | None = None) -> dict[str, object]:
    return {"id": qid, "labels": {"en": {"value": label}}, "claims": claims or {}}


def _item(qid: str) -> dict[str, object]:
    return {"mainsnak": {"datavalue": {"value": {"id": qid}}}}


DUMP = [
    _entity("Q1", "Orrin Vaskel", {"P39": [{
        **_item("Q2"),
        "qualifiers": {"P580": [{"datavalue": {"value": {"time": "+2015-03-01T00:00:00Z"}}}],
                       "P582": [{"datavalue": {"value": {"time": "+2019-00-00T00:00:00Z"}}}]}}]}),
    _entity("Q2", "President of Chile", {"P17": [_item("Q3")]}),
    _entity("Q3", "Chile", {"P298": [{"mainsnak": {"datavalue": {"value": "CHL"}}}]}),
]

PETRARCH = """<!-- a test dictionary -->
ZARKO_VELLIN  [SRBGOV 20040301-20080715]
+Z._VELLIN
\t[SRBELI >20080716]  # after office
NORTHERN_WATCH_FRONT [SRBREB]
NOBODY [---]
"""


def test_sparql_results_become_people_with_dated_roles() -> None:
    [person] = importers.from_sparql(SPARQL)
    assert person["name"] == "Zara Quellmoor" and person["surname"] == "Quellmoor"
    assert [(r["title"], r["start"], r["end"]) for r in person["roles"]] == [
        ("Minister of Foreign Affairs", "2021-10-14", "2023-10-16"), ("Prime Minister", "2023-10-16", None)]


def test_wikidata_dump_positions_resolve_country_through_the_file() -> None:
    [person] = importers.from_wikidata_dump([json.dumps(e) + "\n" for e in DUMP])
    assert person["roles"] == [{"title": "President of Chile", "country": "CHL", "sector": "GOV",
                                "start": "2015-03-01", "end": "2019-01-01"}]


def test_petrarch_dictionary_dated_entries_are_people_and_fixed_codes_organisations() -> None:
    people, organisations = importers.from_petrarch(PETRARCH)
    [person] = people
    assert person["name"] == "Zarko Vellin" and person["aliases"] == ["Z. Vellin"]
    assert [(r["country"], r["sector"], r["start"], r["end"]) for r in person["roles"]] == [
        ("SRB", "GOV", "2004-03-01", "2008-07-15"), ("SRB", "ELI", "2008-07-16", None)]
    assert [(o["name"], o["country"], o["sector"]) for o in organisations] == [("Northern Watch Front", "SRB", "REB")]


def test_import_command_writes_a_folder_the_knowledge_base_reads(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "actors.txt"
    source.write_text(PETRARCH, encoding="utf-8")
    folder = tmp_path / "kb"
    assert main(["actors", "import", str(source), "--format", "petrarch", "--kb-dir", str(folder)]) == 0
    assert "1 people and 1 organisations" in capsys.readouterr().out
    sparql = tmp_path / "q.json"
    sparql.write_text(json.dumps(SPARQL), encoding="utf-8")
    assert main(["actors", "import", str(sparql), "--format", "sparql", "--kb-dir", str(folder)]) == 0
    kb = load_kb(str(folder))
    zara = next(p for p in kb.people if p.name == "Zara Quellmoor")
    role = zara.role_on(dt.date(2024, 1, 1))
    assert role is not None and role.title == "Prime Minister"
    assert any(kind == "organisation" for kind, _ in kb.phrases["Northern Watch Front"])


def test_import_of_a_broken_file_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "broken.json"
    source.write_text("{not json", encoding="utf-8")
    assert main(["actors", "import", str(source), "--format", "sparql", "--kb-dir", str(tmp_path / "kb")]) == 1
    assert "broken.json" in capsys.readouterr().err
