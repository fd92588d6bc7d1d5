"""How the event eval reads gold (compound actors as the PLOVER records mark them) and what it counts."""

import json

import pytest

from eventlens.evaluation.events import _actor_code, happened, plover_triples, score_plover
from eventlens.events.ontology import load_ontology
from eventlens.records import ActorMention, Span


def _record(sources: list[str], targets: list[str] | str, markup: str) -> dict[str, object]:
    target = [{"code": c} for c in targets] if isinstance(targets, list) else targets
    return {"source": [{"code": c} for c in sources], "target": target, "textInfo": {"markup": markup}}


def test_actors_marked_source_and_target_act_on_each_other() -> None:
    record = _record(["JOR", "GBR"], "", "(SRC/TAR: Jordan) and (SRC/TAR: Britain) have (EVT: agreed)")
    assert plover_triples(record, "AGREE") == [("GBR", "JOR", "AGREE"), ("JOR", "GBR", "AGREE")]


def test_every_listed_target_is_a_triple() -> None:
    record = _record(["PAK"], ["COG", "CRI"], "(SRC: Pakistan) (EVT: threatened) (TAR: Congo) and (TAR: Costa Rica)")
    assert plover_triples(record, "THREATEN") == [("PAK", "COG", "THREATEN"), ("PAK", "CRI", "THREATEN")]


def test_two_sources_without_the_reciprocal_mark_have_no_target() -> None:
    record = _record(["USA", "RUS"], [], "(SRC: U.S.) and (SRC: Russian negotiators) (EVT: return)")
    assert plover_triples(record, "CONSULT") == [("RUS", "---", "CONSULT"), ("USA", "---", "CONSULT")]


def test_un_and_eu_family_codes_read_as_igo_and_a_missing_source_as_unknown() -> None:
    record = _record([], ["EUR"], "")
    record["source"] = ""
    assert plover_triples(record, "ASSAULT") == [("---", "IGO", "ASSAULT")]


def test_pentaclass_is_phoenixs_quad_classes() -> None:
    ontology = load_ontology()
    assert [ontology.penta_class(c) for c in ("010", "020", "0256", "036", "070", "111", "1056", "162", "173",
                                               "190")] == [0, 0, 0, 1, 2, 3, 3, 3, 4, 4]
    assert ontology.penta_class(None) == 0


def test_cameos_pre_iso_country_codes_read_as_iso() -> None:
    record = _record(["ITL"], ["JAP"], "(SRC: Italy) (EVT: announced a suspension) of links with (TAR: Japan)")
    assert plover_triples(record, "SANCTION") == [("ITA", "JPN", "SANCTION")]


@pytest.mark.model
def test_only_events_that_happened_count_as_produced(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Moscow has ruled out imposing oil sanctions against Iran; it may expel diplomats.").events
    assert {e.plover for e in events if happened(e)} == {"REJECT"}
    assert not all(happened(e) for e in events)


def _actor(country: str | None, sector: str | None, entity: str | None) -> ActorMention:
    return ActorMention(span=Span(start=0, end=3, text="abc"), name="abc", kind="organisation", country=country,
                        sector=sector, role=None, entity=entity, basis="kb-organisation", sentence=0)


def test_a_transnational_ngo_reads_as_the_gold_igo_and_a_militant_group_as_img() -> None:
    assert _actor_code(_actor(None, "HRI", "org:AMNESTY")) == "IGO"
    assert _actor_code(_actor(None, "REB", "org:AL_QAEDA")) == "IMG"
    assert _actor_code(_actor(None, "GOV", "org:X")) == "---"
    assert _actor_code(_actor(None, "NGO", None)) == "---"  # 'a human rights group' names no body
    assert _actor_code(_actor(None, "REB", None)) == "---"  # 'militants' name no body
    assert _actor_code(_actor("UNO", None, "org:UN")) == "IGO"
    assert _actor_code(None) == "---"


@pytest.mark.model
def test_plover_scores_no_statement_since_its_gold_codes_none(resources, tmp_path) -> None:  # type: ignore[no-untyped-def]
    gold = tmp_path / "plover.json"
    gold.write_text(json.dumps([{"id": "s1", "event": "ASSAULT", "source": [{"code": "RUS"}],
                                 "target": [{"code": "GEO"}],
                                 "text": "Russian forces shelled Georgian villages, and Obama expressed condolences "
                                         "to Georgia."}]), encoding="utf-8")
    case = score_plover(gold, resources).cases[0]
    assert case.produced == [("RUS", "GEO", "ASSAULT")] and case.main == "ASSAULT"
