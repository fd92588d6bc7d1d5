"""Who an event is between: the actors that can be its parties, and what stands in for a missing one.

An event is coded only between parties a user can count; when the text
names no target, the place of the act can stand for it (CAMEO's and PLOVER's
convention), and the basis says so.
"""

from __future__ import annotations

from dataclasses import replace

from eventlens.actors.resolve import ETHNIC_BASIS
from eventlens.events.dyads import Dyad
from eventlens.events.ontology import CONFLICT_QUADS, VIOLENT_ROOTS, CameoCode
from eventlens.records import ActorMention, Place

#: Target rules that find a target only through another clause or phrase: too weak without a source.
_INDIRECT_TARGET_RULES = ("embedded", "clause-subject", "object-prep", "object-modifier")
_VISIT = "042"
#: Source rules that say the parse found no doer, not that the doer is no actor.
_UNSAID_DOERS = ("no-subject", "reaction")
_MEETING_ROOT = "04"
PLACE_BASIS = "event-place"


def can_act(actor: ActorMention) -> bool:
    """An actor an event can be coded for: one with a country, or a named organisation (an NGO, a company).

    A bare sector word ("officials", "people") without a country is no actor:
    an event between unknown parties says nothing a user can count.
    """
    return bool(actor.country) or (actor.kind in ("organisation", "igo") and actor.entity is not None)


def unknown_source(dyad: Dyad, code: CameoCode) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """'Three soldiers were killed', 'a car bomb killed a journalist': done to a known actor by an unnamed one.

    The event is coded with no source, so it is counted and placed but never
    credited to anyone. Only when the parse says plainly who had it done to
    them (the passive's subject, the verb's object) and that the doer is no
    actor; an event with neither party known is not coded. A verb whose
    subject the parse did not find at all ("the first delegation to visit
    Bucharest") says nothing of its doer, so it is not coded either; nor is
    an act another verb only reacts to ("opposed French mediation in
    negotiations with Syria"), whose doer the reaction does not name. A
    nominal event that is itself the subject of its clause has a doer the
    text leaves out only when it is hostile ("clashes with Turkish troops
    left three dead"); "solidarity with Uganda was not a matter of
    generosity" is no one's.
    """
    if dyad.reciprocal or dyad.target_rule in _INDIRECT_TARGET_RULES or dyad.source_rule in _UNSAID_DOERS:
        return []
    if dyad.source_rule == "own-subject" and code.quad_class not in CONFLICT_QUADS:
        return []
    return [(None, t) for t in dyad.targets if can_act(t)]


def pairs(sources: list[ActorMention], dyad: Dyad,
           targets: list[ActorMention] | None = None) -> list[tuple[ActorMention | None, ActorMention | None]]:
    if dyad.reciprocal:
        return [(a, b) for a in sources for b in sources if a is not b and a.country != b.country] or \
            [(sources[0], None)]
    targets = [t for t in dyad.targets if can_act(t)] if targets is None else targets
    if not targets:
        return [(s, None) for s in sources]
    return [(s, t) for s in sources for t in targets if not same_actor(s, t)] or [(s, None) for s in sources]


def same_actor(a: ActorMention, b: ActorMention) -> bool:
    """An actor does not act on itself: same entity, or same country and sector."""
    return (a.entity or a.name) == (b.entity or b.name) or (a.country == b.country and a.sector == b.sector)


def done_to_a_place(code: CameoCode) -> bool:
    """Whether an event's place can stand for its target: anything but a meeting, whose venue is no party.

    Talks held in Geneva are not held with Switzerland; a visit to Amman, a
    curfew or a shelling in Gaza, and a protest in Beijing are aimed at the
    place's people or rulers, as the CAMEO and PLOVER coders code them.
    """
    return code.code.startswith(_VISIT) or not code.code.startswith(_MEETING_ROOT)


def place_actor(place: Place) -> ActorMention:
    """The country where an event with no named target happened, standing for its people.

    "Serbia lifted a curfew in Montenegro", "Saddam Hussein arrived in Amman":
    CAMEO and PLOVER coders code the place's country as the target when the
    text names no other; the basis says so, so no one mistakes it for a named actor.
    """
    return ActorMention(span=place.span, name=place.name, kind="country", country=place.country, sector=None,
                        role=None, entity=None, basis=PLACE_BASIS, sentence=place.sentence)


#: The basis of a doer the text does not name, credited to the country where the act took place.
UNNAMED_BASIS = f"{PLACE_BASIS}+unnamed"
#: Acts only a state's authorities do: investigate (09), arrest, detain or charge (173), expel or deport (174).
_STATE_ACTS = ("09", "173", "174")


def unnamed_doers(code: CameoCode, place: Place | None) -> ActorMention | None:
    """'A roadside bomb near Samarra killed a US soldier', 'a US national was put under investigation in
    Italy': no one is named, so the act is credited to an unidentified armed group (CAMEO's UAF) or to the
    authorities of the country where it took place, as ICEWS and the PLOVER and PETRARCH gold code
    it. Only for acts placed by the event's own clause; the name and basis say the actor is inferred."""
    if place is None or not place.country or place.guessed:
        return None
    if code.code.startswith(VIOLENT_ROOTS):
        name, sector = "unidentified attackers", "UAF"
    elif code.code.startswith(_STATE_ACTS):
        name, sector = "authorities", "GOV"
    else:
        return None
    return ActorMention(span=place.span, name=f"{name} in {place.name}", kind="group", country=place.country,
                        sector=sector, role=None, entity=None, basis=UNNAMED_BASIS, sentence=place.sentence)


def local_groups(groups: tuple[ActorMention, ...], country: str | None) -> list[ActorMention]:
    """'Riot police fired tear gas in Monrovia', 'the military government declared a siege in Haiti':
    a group named only by its sector is of ``country``, where its own clause places the act."""
    found = [g for g in groups if g.kind == "group" and g.sector and not g.country]
    return [replace(g, country=country, basis=f"{g.basis}+{PLACE_BASIS}") for g in found] if country else []


def residents(actors: list[ActorMention], country: str | None) -> list[ActorMention]:
    """'Up to 100 ethnic Albanians demonstrated in Serbia': an ethnic group acts, and suffers, where it lives."""
    if country is None:
        return actors
    return [replace(a, country=country, basis=f"{a.basis}+{PLACE_BASIS}") if a.basis == ETHNIC_BASIS else a
            for a in actors]
