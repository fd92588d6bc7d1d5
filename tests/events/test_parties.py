"""Who an event can be between, and what stands in for a missing target (no model needed)."""

from eventlens.events.dyads import Dyad
from eventlens.events.ontology import load_ontology
from eventlens.events.parties import (
    PLACE_BASIS,
    can_act,
    done_to_a_place,
    local_groups,
    pairs,
    place_actor,
    residents,
    unknown_source,
)
from eventlens.records import ActorMention, Place, Span


def _actor(name: str, *, country: str | None = None, sector: str | None = None, kind: str = "country",
           entity: str | None = None, basis: str = "country-name") -> ActorMention:
    return ActorMention(span=Span(start=0, end=len(name), text=name), name=name, kind=kind,  # type: ignore[arg-type]
                        country=country, sector=sector, role=None, entity=entity, basis=basis, sentence=0)


_CODE = load_ontology().code("190")


def test_who_can_act() -> None:
    assert can_act(_actor("Iran", country="IRN"))
    assert can_act(_actor("Amnesty International", kind="organisation", sector="NGO", entity="org:AI"))
    assert not can_act(_actor("officials", kind="group", sector="GOV", basis="sector-word"))


def test_a_missing_source_only_where_the_parse_names_who_underwent_it() -> None:
    soldiers = _actor("Syrian soldiers", country="SYR", kind="group", sector="MIL")
    plain = Dyad(sources=(), targets=(soldiers,), source_rule="passive-no-agent", target_rule="passive")
    assert unknown_source(plain, _CODE) == [(None, soldiers)]
    indirect = Dyad(sources=(), targets=(soldiers,), source_rule="no-subject", target_rule="embedded")
    assert unknown_source(indirect, _CODE) == []
    # "opposed French mediation in negotiations with Syria": the reaction names no doer of the negotiations
    reacted = Dyad(sources=(), targets=(soldiers,), source_rule="reaction", target_rule="prep-target")
    assert unknown_source(reacted, _CODE) == []
    # a nominal event that is its clause's subject: unknown doers only of hostile acts
    uganda = _actor("Uganda", country="UGA")
    own = Dyad(sources=(), targets=(uganda,), source_rule="own-subject", target_rule="prep-target")
    assert unknown_source(own, _CODE) == [(None, uganda)]
    assert unknown_source(own, load_ontology().code("051")) == []


def test_coordinated_sources_pair_up_only_when_mutual() -> None:
    jordan, britain = _actor("Jordan", country="JOR"), _actor("Britain", country="GBR")
    mutual = Dyad(sources=(jordan, britain), targets=(), source_rule="subject", target_rule="reciprocal",
                  reciprocal=True)
    assert pairs([jordan, britain], mutual) == [(jordan, britain), (britain, jordan)]
    apart = Dyad(sources=(jordan, britain), targets=(), source_rule="subject", target_rule="none")
    assert pairs([jordan, britain], apart) == [(jordan, None), (britain, None)]


def test_a_place_stands_for_the_target_of_anything_but_a_meeting() -> None:
    ontology = load_ontology()
    assert done_to_a_place(ontology.code("042")) and done_to_a_place(ontology.code("1723"))
    assert not done_to_a_place(ontology.code("040")) and not done_to_a_place(ontology.code("046"))
    geneva = Place(span=Span(start=5, end=11, text="Geneva"), name="Geneva", kind="city", country="CHE", lat=46.2,
                   lon=6.1, geonameid=2660646, confidence=0.9, use="location", sentence=0)
    target = place_actor(geneva)
    assert (target.country, target.basis, target.span) == ("CHE", PLACE_BASIS, geneva.span)


def test_sector_groups_and_ethnic_groups_take_the_country_of_their_clause() -> None:
    police = _actor("riot police", kind="group", sector="COP", basis="sector-word")
    assert [(g.country, g.basis) for g in local_groups((police,), "LBR")] == [("LBR", f"sector-word+{PLACE_BASIS}")]
    assert local_groups((police,), None) == []
    albanians = _actor("ethnic Albanians", country="ALB", kind="group", sector="CVL", basis="demonym+ethnic")
    serbia = _actor("Serbia", country="SRB")
    assert [a.country for a in residents([albanians, serbia], "SRB")] == ["SRB", "SRB"]
    assert residents([albanians], None) == [albanians]
