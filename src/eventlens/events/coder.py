"""The event coder: lexicon triggers + dyads + modes + date + place -> :class:`Event`.

Every candidate trigger is either coded or rejected with a reason, and both
can be recorded in a trace, which is what ``eventlens explain`` prints.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from eventlens.actors.resolve import ETHNIC_BASIS, HOME_BASIS
from eventlens.config import CODER_VERSION, Settings
from eventlens.dates import CALENDAR
from eventlens.events.dyads import (
    RELATIVE_PRONOUNS,
    Dyad,
    Scope,
    conjuncts,
    controlled,
    demand_dyad,
    direct_object,
    noun_dyad,
    purpose_clauses,
    reduced_passive,
    verb_dyad,
)
from eventlens.events.identity import category
from eventlens.events.lexicon import LexEntry, Lexicon, lemma
from eventlens.events.matching import best_entry, compound_candidates, verb_entry
from eventlens.events.modes import condition_marks, detect_modes, first_conjunct, in_condition, unreal_commitment
from eventlens.events.ontology import CONFLICT_QUADS, PROTEST_ROOT, VIOLENT_ROOTS, CameoCode, Ontology
from eventlens.events.parties import (
    PLACE_BASIS,
    UNNAMED_BASIS,
    can_act,
    done_to_a_place,
    local_groups,
    pairs,
    place_actor,
    residents,
    same_actor,
    unknown_source,
    unnamed_doers,
)
from eventlens.nlp import doc_text, sentence_numbers, sentence_of, tokens
from eventlens.places.locate import event_place
from eventlens.records import ActorMention, Article, Event, Place, Span, TimeRef

_VERB_POS = ("VERB",)
#: Rejection and protest: the nouns that say how a protest was staged ("in defiance of", "in protest at")
_DEFIANCE_ROOTS = ("12", "14")
_PROMINENCE, _PROMINENCE_STEP = 0.3, 0.1
_BACKGROUND_DEPTH = 2
_SCENE_MARKS = frozenset({"after", "before", "since", "as", "when", "while", "because", "until", "following"})
_OCCASION = ("at", "during")
#: Prepositions and nouns that make a nominal event the background of the one reported.
_BACKGROUND_PREPS = frozenset({"after", "following", "since", "amid", "despite", "because"})
_CAUSES = frozenset({"response", "wake", "aftermath", "retaliation", "reprisal", "due", "owing", "result"})
_OBJECT = "object of a coded verb: coded with it"
_IN_PASSING = "mentioned in passing: no parties of its own, or background to the event reported"
#: Where the event's place must be named to stand in for a missing target: its own clause.
_PLACE_TARGET_RULES = ("clause",)
_PLACE_TARGET_NOTE = "; target:place"
_THREAT = "130"
_REJECTION, _REJECT_ROOT = "120", "12"
_REFUSAL_HOPS = 3
#: Reducing relations (sanctions, aid cut off, diplomats expelled), and the verbs that announce such a measure
#: as decided
_REDUCING_ROOT = "16"
_MOBILIZE_ROOT = "15"
_TEMPORAL_MARKS = frozenset({"when", "as", "while", "after", "before", "until", "once", "whenever"})
#: Dependencies of a clause that, with a subject of its own, tells of another event.
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis", "acl"})
_DECLARING = frozenset({"announce", "declare", "decide"})
_NOUN_POS = ("NOUN", "PROPN")
#: Appeals, intents, consultations, accusations, demands, rejections, threats and protests are about
#: something, which is their content, not a report of its own: "talks on a troop pullback", "agreed to
#: US mediation", "complained over two Israeli air raids", "in protest against the violations".
_PROPOSITIONAL_ROOTS = ("02", "03", "04", "10", "11", "12", "13", "14")
_TOPIC_PREPS = frozenset({"on", "to", "for", "about", "over", "of", "regarding", "concerning", "toward", "towards",
                          "against"})
#: Roots whose 'for' names the reason: 'apologized for ...', 'sanctioned for its support of ...',
#: 'arrested for collaborating with Israel' is what the act answers, not a second report.
_REASON_ROOTS = ("055", "16", "17")
#: Praise whose 'for' names the reason ('thanked China for its assistance'), unlike 'support for sanctions'.
_THANKING = frozenset({"thank", "praise", "commend", "congratulate", "appreciation", "gratitude"})
_REASON_PREPS = frozenset({"for"})
_ACCUSING_ROOT = "11"
#: Denying responsibility or an accusation (016): what is denied is not reported as done either.
_DENYING = "016"
#: Plain statements ("said", "announced") and comments on how things stand (concern, hope: 012, 013): what
#: they say is coded, and the saying is a quote. The other statement codes act by speaking (claiming or
#: denying responsibility, condoling, declining comment) and are events of their own.
_PLAIN_STATEMENTS = ("01", "010", "012", "013")
#: Acknowledging or claiming responsibility
_ACKNOWLEDGING = "015"
#: Arriving somewhere (a visit) and deploying forces; by troops, a deployment, and to keep the peace, peacekeeping
_VISIT, _DEPLOY = "042", "154"
#: Verbs that decide the act they take as object ("approved the deployment"), and the roots of what is only
#: agreed to, not an act ("approved the plan": intent, consultation, diplomatic cooperation)
_DECIDING = frozenset({"approve", "authorize", "authorise"})
_AGREEING_ROOTS = ("03", "04", "05")
_PEACEKEEPING = frozenset({"peacekeeper", "peacekeeping", "peacekeep", "ceasefire", "truce"})
_PEACEKEEPING_CODE = "074"
_MILITARY_COOPERATION = "062"
_ACCORD = "019"
_DEESCALATION = "087"
_SHOW_OF_FORCE = "150"
_PREPARING = frozenset({"prepare", "prepared"})
#: What troops or a team may be sent to do, which the sending then is: aid (07), investigate (09).
_SENT_FOR_ROOTS = ("07", "09")
_AID_ROOT = "07"
_SENDING = frozenset({"send", "dispatch", "deploy"})
_REPRESSION = "175"
_MILITARY = "MIL"


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One candidate trigger and what the coder did with it."""

    sentence: int
    trigger: str
    entry: str | None
    outcome: str
    reason: str


@dataclass(slots=True)
class CodingContext:
    """Everything the coder reads for one article."""

    doc: Doc
    article: Article
    actors: Sequence[ActorMention]
    places: Sequence[Place]
    dates: Sequence[TimeRef]
    lexicon: Lexicon
    ontology: Ontology
    settings: Settings
    trace: list[TraceStep] | None = None
    sentence_of: list[int] = field(default_factory=list)
    clauses: dict[int, list[Token]] = field(default_factory=dict)
    blame: dict[int, list[tuple[LexEntry, Token, list[Token]]]] = field(default_factory=dict)
    _lowered: str | None = None

    def mentions(self, words: frozenset[str]) -> bool:
        """Whether the document's text holds any of the words: a cheap check before a search of the parse."""
        if self._lowered is None:
            self._lowered = doc_text(self.doc).lower()
        return any(word in self._lowered for word in words)

    def blamed(self, statement: Token) -> list[tuple[LexEntry, Token, list[Token]]]:
        """What the statement lays at someone's door (``_blamed``), worked out once per statement."""
        found = self.blame.get(statement.i)
        if found is None:
            found = self.blame[statement.i] = _blamed(self, statement)
        return found

    def clause(self, token: Token) -> list[Token]:
        """The trigger's clause (``_clause_tokens``), worked out once per trigger."""
        found = self.clauses.get(token.i)
        if found is None:
            found = self.clauses[token.i] = _clause_tokens(token)
        return found

    def note(self, token: Token, entry: LexEntry | None, outcome: str, reason: str) -> None:
        """Record a decision for ``explain`` (no cost when nobody asked for a trace)."""
        if self.trace is not None:
            sentence = self.sentence_of[token.i] if self.sentence_of else -1
            self.trace.append(TraceStep(sentence=sentence, trigger=token.text,
                                        entry=entry.describe() if entry else None, outcome=outcome,
                                        reason=reason))


def code_events(ctx: CodingContext) -> tuple[Event, ...]:
    """All events of the document, several per sentence where the text has them."""
    ctx.sentence_of = sentence_numbers(ctx.doc)
    matched = _decided(ctx, _triggers(ctx))
    verbs = {token.i: entry for token, entry, _ in matched if token.pos_ in _VERB_POS}
    consumed = {obj.i: _OBJECT for _, _, obj in matched if obj is not None}
    consumed |= {c.i: _OBJECT for token, entry, _ in matched
                 if token.pos_ in _VERB_POS and not entry.cameo.startswith("01")
                 for c in (direct_object(token),) if c is not None}  # "announced a suspension" is the suspension
    consumed |= {i: f"what '{token.text}' is about: coded with it" for token, i in _topics(matched)
                 if i not in consumed}
    consumed |= {p.i: f"purpose or manner of '{token.text}': coded with it" for token, entry, _ in matched
                 if token.pos_ in _VERB_POS and not entry.cameo.startswith("01")
                 for p in _purposes(ctx, token) if p.i not in consumed}
    consumed |= {p.i: f"purpose of '{token.head.text} {token.text}': coded with it" for token, entry, _ in matched
                 if token.pos_ in _NOUN_POS and token.dep_ == "dobj" and token.head.i not in verbs and
                 not entry.cameo.startswith("01") for p in _purposes(ctx, token.head) if p.i not in consumed}
    consumed |= {i: f"how '{token.text}' was staged: coded with it" for token, entry, _ in matched
                 if entry.cameo.startswith(PROTEST_ROOT) for i in _protest_manner(ctx, token) if i not in consumed}
    consumed |= {t.i: f"what '{token.text}' claims: not reported as done" for token, entry, _ in matched
                 if _claiming(ctx, token, entry) for c in _reported_clauses(token) for t in c.subtree
                 if t.i not in consumed}
    consumed |= {t.i: f"what '{token.text}' lays at someone's door: claimed, not reported as done"
                 for token, entry, _ in matched if _stating(token, entry)
                 for _, _, acts in ctx.blamed(token) for t in acts if t.i not in consumed}
    scope = Scope(actors=ctx.actors, lexicon=ctx.lexicon)
    events: list[Event] = []
    in_passing: list[tuple[Token, LexEntry, Dyad]] = []
    for token, matched_entry, obj in matched:
        entry = matched_entry
        dyad = verb_dyad(token, entry, obj, scope) if token.pos_ in _VERB_POS else noun_dyad(token, entry, scope)
        demand = _demand(ctx, token, entry, scope) or _claim(ctx, token, entry, scope) or \
            _blame(ctx, token, entry, scope)
        if demand is not None:
            entry, dyad = demand
        reason = _skip_reason(ctx, token, entry, verbs, consumed, dyad=dyad)
        if reason == _IN_PASSING:
            in_passing.append((token, entry, dyad))
            continue
        if reason:
            ctx.note(token, entry, "skipped", reason)
            continue
        events.extend(_events_for(ctx, token, entry, dyad))
    events.extend(_background(ctx, in_passing, {e.sentence for e in events}))
    return _distinct(_refusals(ctx, events))


def _decided(ctx: CodingContext, matched: list[tuple[Token, LexEntry, Token | None]],
             ) -> list[tuple[Token, LexEntry, Token | None]]:
    """'The Security Council approved the deployment of a UN team', 'a judge approved the extradition of':
    approving an act decides it, so the act is the event, its decider's; approving a plan or a proposal
    (no act the lexicon codes) still agrees to it."""
    acts = {token.i for token, entry, _ in matched if token.pos_ in _NOUN_POS and
            not entry.cameo.startswith(_AGREEING_ROOTS)}
    kept = []
    for token, entry, obj in matched:
        decided = direct_object(token) if token.pos_ in _VERB_POS and lemma(token) in _DECIDING else None
        if decided is not None and decided.i in acts and entry.object is None:
            ctx.note(token, entry, "skipped", f"decides the act coded on '{decided.text}'")
            continue
        kept.append((token, entry, obj))
    return kept


def _topics(matched: list[tuple[Token, LexEntry, Token | None]]) -> list[tuple[Token, int]]:
    """The nominal events a propositional trigger is about, by token index, with that trigger.

    A nominal trigger's topic can hang on its light verb: "renewed negotiations on a pullback"; a light
    verb's on the object its row names: "expressed appreciation for China's assistance".
    """
    found: list[tuple[Token, int]] = []
    for token, entry, obj in matched:
        if entry.cameo.startswith((_ACCUSING_ROOT, _DENYING)):
            found.extend((token, t.i) for t in _allegation(token))
        if entry.cameo.startswith(_PROPOSITIONAL_ROOTS):
            preps = _TOPIC_PREPS
        elif entry.cameo.startswith(_REASON_ROOTS) or entry.lemma in _THANKING or entry.object in _THANKING:
            preps = _REASON_PREPS
        else:
            continue
        heads = [token, token.head] if token.pos_ in _NOUN_POS and token.dep_ == "dobj" else \
            [token, obj] if obj is not None and entry.object else [token]
        for prep in (c for head in heads for c in head.children):
            if prep.dep_ == "prep" and prep.lower_ in preps:
                found.extend((token, member.i) for pobj in prep.children if pobj.dep_ in ("pobj", "pcomp")
                             for member in conjuncts(pobj))
    return found


def _allegation(token: Token) -> list[Token]:
    """Everything an accusation or a denial says happened: 'accused the US of restoring the blackmail in
    the negotiations', 'alleged that the French military helped carry out killings', 'rejected
    accusations that Tehran was behind the attack'. What it claims is its content, not a report
    eventlens can vouch for; the accusation is the event."""
    objects = [c for c in token.children if c.dep_ == "dobj"]  # "denied charges that it hacked ..."
    return [t for c in (*token.children, *(g for o in objects for g in o.children)) if c.dep_ == "ccomp" or
            (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.head.i == token.i) or _that_clause(c)
            for t in c.subtree]


def _that_clause(token: Token) -> bool:
    """'accusations that Tehran was behind the attack': the clause a noun states."""
    return token.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _background(ctx: CodingContext, in_passing: list[tuple[Token, LexEntry, Dyad]],
                covered: set[int]) -> list[Event]:
    """Events mentioned in passing are coded only where their sentence reports nothing else.

    "Bosnia and Slovenia agreed to a ceasefire after two days of fierce
    fighting" reports the agreement; "... after two days of fighting, the
    town was quiet" has no other event to report than the fighting.
    """
    events: list[Event] = []
    # an earlier event ("in response to recent unrest") yields to anything else the sentence mentions
    for earlier in (False, True):
        tier = [item for item in in_passing if _earlier_event(item[0]) == earlier]
        for token, entry, dyad in tier:
            if ctx.sentence_of[token.i] in covered:
                ctx.note(token, entry, "skipped", f"{_IN_PASSING}; the sentence reports another event")
                continue
            events.extend(_events_for(ctx, token, entry, dyad))
        covered = covered | {e.sentence for e in events}
    return events


def _demand(ctx: CodingContext, token: Token, entry: LexEntry, scope: Scope) -> tuple[LexEntry, Dyad] | None:
    """A statement whose reported clause says what someone must do is a demand of them (a ``modal`` row).

    Only when the clause names someone other than the speaker: "Egypt said it
    must act" is a statement of its own plans.
    """
    if token.pos_ not in _VERB_POS or entry.cameo not in _PLAIN_STATEMENTS:
        return None
    for clause in (c for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
        modal = next((m for c in clause.children if c.dep_ == "aux" for m in (ctx.lexicon.modal(c.lower_),) if m),
                     None)
        if modal is None:
            continue
        dyad = demand_dyad(token, clause, scope)
        if any(not same_actor(s, t) for s in dyad.sources for t in dyad.targets):
            return modal, dyad
    return None


def _claiming(ctx: CodingContext, token: Token, entry: LexEntry) -> bool:
    """'claimed that ...' (a ``claim`` row), but not 'claimed responsibility for the attack', which
    happened."""
    return token.pos_ in _VERB_POS and entry.object is None and ctx.lexicon.claim(lemma(token)) is not None


def _reported_clauses(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]


def _claim(ctx: CodingContext, token: Token, entry: LexEntry, scope: Scope) -> tuple[LexEntry, Dyad] | None:
    """'The US claimed that ISIL had attacked Iraq': claiming that someone else did something hostile
    accuses them. A claim about oneself ('claimed that they had attacked') or about anything else is a
    statement, and what it claims is not coded as done either way."""
    row = ctx.lexicon.claim(lemma(token)) if _claiming(ctx, token, entry) else None
    if row is None:
        return None
    for clause in (c for c in _reported_clauses(token) if _hostile(ctx, c)):
        dyad = demand_dyad(token, clause, scope)
        if _self_reference(clause) or _own_side(dyad):
            # "Trump claimed that the U.S. military is hitting the Islamic State harder": his own side's act
            return _acknowledged(ctx, token, clause, scope)
        if any(not same_actor(s, t) for s in dyad.sources for t in dyad.targets):
            return row, replace(dyad, target_rule="claimed-of")
    return None


def _own_side(dyad: Dyad) -> bool:
    """Whether everyone a claim is about is of the claimant's own country."""
    countries = {s.country for s in dyad.sources if s.country}
    return bool(dyad.targets) and all(t.country in countries for t in dyad.targets)


def _acknowledged(ctx: CodingContext, token: Token, clause: Token, scope: Scope) -> tuple[LexEntry, Dyad] | None:
    """'The Houthis claimed that they had attacked the base': claiming one's own hostile act claims
    responsibility for it (the verb's 015 row), aimed at whom the act was aimed at."""
    row = next((e for e in ctx.lexicon.candidates("verb", lemma(token)) if e.cameo == _ACKNOWLEDGING), None)
    if row is None:
        return None
    claimant = demand_dyad(token, clause, scope)
    match = verb_entry(clause, ctx.lexicon)
    act = verb_dyad(clause, match[0], match[1], scope) if match is not None else None
    targets = tuple(t for t in act.targets if not any(same_actor(s, t) for s in claimant.sources)) \
        if act is not None else ()
    place = _clause_place(ctx, clause) if act is not None and not targets else None
    if place is not None and place.country:
        targets = (place_actor(place),)  # "attacked the cities in Saudi Arabia": where the act was
    return row, Dyad(sources=claimant.sources, targets=targets, source_rule=claimant.source_rule,
                     target_rule="claimed-act" if targets else "none")


def _stating(token: Token, entry: LexEntry) -> bool:
    return token.pos_ in _VERB_POS and entry.cameo in _PLAIN_STATEMENTS


def _blame(ctx: CodingContext, token: Token, entry: LexEntry, scope: Scope) -> tuple[LexEntry, Dyad] | None:
    """'Ukraine says it has evidence proving Russia was behind the attacks': the speaker accuses whom its
    statement lays a hostile act on (a ``blame`` row). Who says it was behind the act itself claims it,
    and the act stays coded as theirs."""
    if not _stating(token, entry):
        return None
    for row, clause, _ in ctx.blamed(token):
        dyad = demand_dyad(token, clause, scope)
        # "officials said Iran was behind it": officials given the story's country are not Iran's own
        if any(not same_actor(s, t) and not (s.basis.endswith(HOME_BASIS) and s.country == t.country)
               for s in dyad.sources for t in dyad.targets):
            return row, replace(dyad, target_rule="blamed")
    return None


def _blamed(ctx: CodingContext, statement: Token) -> list[tuple[LexEntry, Token, list[Token]]]:
    """Each 'Y was behind / responsible for <a hostile act>' a statement reports: the row, the clause's
    verb and the acts it names. Not where Y is the speaker ('said it was behind')."""
    found: list[tuple[LexEntry, Token, list[Token]]] = []
    if not ctx.mentions(ctx.lexicon.blame_words):
        return found  # no sentence of the document lays anything at anyone's door
    for clause in _reported_clauses(statement):
        for word in clause.subtree:
            row = ctx.lexicon.blame(word.lower_) if word.dep_ in ("prep", "acomp") else None
            if row is None:
                continue
            verb = word.head
            if verb.lemma_ != "be" or verb.dep_ == "aux" or _self_reference(verb) or \
                    not any(c.dep_ == "nsubj" for c in verb.children):
                continue
            heads = [word] if row.prep is None else \
                [c for c in word.children if c.dep_ == "prep" and c.lower_ == row.prep]
            acts = [m for head in heads for pobj in head.children if pobj.dep_ == "pobj"
                    for m in conjuncts(pobj) if _hostile_word(ctx, m)]
            if acts:
                found.append((row, verb, acts))
    return found


def _hostile_word(ctx: CodingContext, token: Token) -> bool:
    """Whether the lexicon codes the word (a noun alone or as a two-word noun) as verbal or material
    conflict."""
    kind = "verb" if token.pos_ in _VERB_POS else "noun" if token.pos_ == "NOUN" else None
    if kind is None:
        return False
    entries = ctx.lexicon.candidates(kind, lemma(token))
    if kind == "noun":
        entries += compound_candidates(ctx.lexicon, token)
    return any(ctx.ontology.code(e.cameo).quad_class in CONFLICT_QUADS for e in entries)


def _self_reference(clause: Token) -> bool:
    """'The Houthis claimed that they had attacked ...': a pronoun subject is the claimant itself."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in clause.children)


def _hostile(ctx: CodingContext, clause: Token) -> bool:
    """Whether a clause tells of conflict: a word the lexicon codes as verbal or material conflict."""
    return any(_hostile_word(ctx, t) for t in clause.subtree)


def _refusals(ctx: CodingContext, events: list[Event]) -> list[Event]:
    """'Katsav refused to meet King Abdullah': the REJECT is aimed at whom the refused act was for.

    The refused act is kept, flagged negated like any act that did not happen;
    its target (or, when it was not coded, an actor it names as object)
    becomes the refusal's target, as PLOVER's coders do.
    """
    by_trigger = {e.trigger.start: e for e in events}
    by_head = {a.head: a for a in ctx.actors}
    index = {t.idx: t for t in tokens(ctx.doc)}
    result = []
    for event in events:
        token = index.get(event.trigger.start)
        act = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in _VERB_POS), None) \
            if token is not None and event.plover == "REJECT" else None
        if act is None:
            result.append(event)
            continue
        if event.target is not None and event.target.basis != PLACE_BASIS:
            result.append(replace(event, rule=f"{event.rule}; refused:{act.text}"))  # it names its own target
            continue
        refused = by_trigger.get(act.idx)
        target = refused.target if refused is not None else _named_object(act, by_head, event.source)
        rule = f"{event.rule.replace(_PLACE_TARGET_NOTE, '')}; refused:{act.text}"
        result.append(event if target is None else replace(event, target=target, rule=rule))
    return result


def _named_object(act: Token | None, by_head: dict[int, ActorMention],
                  source: ActorMention | None) -> ActorMention | None:
    if act is None:
        return None
    for token in act.subtree:
        actor = by_head.get(token.i)
        if actor is not None and token.dep_ in ("dobj", "pobj", "dative") and actor.country and \
                (source is None or actor.country != source.country):
            return actor
    return None


def _distinct(events: list[Event]) -> tuple[Event, ...]:
    """One event per sentence, dyad and category: the most confident of its reports."""
    best: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (event.sentence, category(event.plover, event.cameo), _key(event.source), _key(event.target))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    kept = {id(e) for e in best.values()}
    return tuple(e for e in events if id(e) in kept)


def _key(actor: ActorMention | None) -> str | None:
    return None if actor is None else (actor.entity or f"{actor.country}/{actor.sector}/{actor.name}")


def _skip_reason(ctx: CodingContext, token: Token, entry: LexEntry, verbs: dict[int, LexEntry],
                 consumed: dict[int, str], *, dyad: Dyad) -> str | None:
    """Why a matched trigger is not coded on its own, or None to code it.

    A nominal event that names its own parties ("a summit between X and Y")
    is an event of its own even as the object of another verb; one with a
    possessor or target ("Russia's invasion of Ukraine") even in passing.
    """
    if token.pos_ in _VERB_POS:
        return consumed.get(token.i) or _verb_skip_reason(ctx, token, entry, verbs)
    if token.dep_ == "compound" and token.head.pos_ in _NOUN_POS:
        return f"names a kind of '{token.head.text}' ('border patrol agents', 'war crimes'), not an event"
    return _noun_skip_reason(ctx, token, entry, verbs, consumed, dyad=dyad)


def _noun_skip_reason(ctx: CodingContext, token: Token, entry: LexEntry, verbs: dict[int, LexEntry],
                      consumed: dict[int, str], *, dyad: Dyad) -> str | None:
    own_dyad = dyad.source_rule == "between"
    not_done = _unit_attacked(ctx, token, entry) or _undone(ctx, token)
    if not_done:
        return not_done
    named = own_dyad or dyad.source_rule in ("possessor", "prep-source") or \
        dyad.target_rule in ("prep-target", "modifier-target")
    if token.i in consumed and not own_dyad:
        return consumed[token.i]
    governor = _governing_verb(token)
    if governor is not None and ctx.lexicon.is_nonevent(lemma(governor)):
        return f"'{governor.text}' says this is not an event"
    if governor is not None and governor.i in verbs and not own_dyad:
        governing, own = ctx.ontology.code(verbs[governor.i].cameo), ctx.ontology.code(entry.cameo)
        if category(governing.plover, governing.code) == category(own.plover, own.code):
            return f"repeats the event of '{governor.text}'"
    if (not named and not _reported_as_news(token)) or _earlier_event(token):
        return _IN_PASSING
    return None


def _undone(ctx: CodingContext, noun: Token) -> str | None:
    """'removed sanctions on Rusal', 'repealed the ban': what an undoing verb's object names is not done."""
    if noun.dep_ == "dobj" and noun.head.pos_ in _VERB_POS and ctx.lexicon.is_undoing(lemma(noun.head)):
        return f"'{noun.head.text}' undoes it: not done"
    return None


def _unit_attacked(ctx: CodingContext, noun: Token, entry: LexEntry) -> str | None:
    """'an attack on the Israeli patrol', 'ambushed a police patrol', 'a patrol was attacked': a patrol
    something violent is aimed at is the unit it hit, not an act of the unit's."""
    if not entry.cameo.startswith(_MOBILIZE_ROOT):
        return None
    head = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if head is None:
        return None
    match = verb_entry(head, ctx.lexicon) if head.pos_ in _VERB_POS else None
    rows = [match[0]] if match else ctx.lexicon.candidates("noun", lemma(head)) if head.pos_ in _NOUN_POS else []
    if any(e.cameo.startswith(VIOLENT_ROOTS) for e in rows):
        return f"the unit '{head.text}' is aimed at, not an act of its own"
    return None


def _earlier_event(noun: Token) -> bool:
    """'after a week of Palestinian civil unrest', 'in response to recent unrest': an earlier event that
    dates or explains the one reported, whoever its parties are; and what such an event did ('following
    a demonstration calling for ...')."""
    if noun.pos_ in _VERB_POS and noun.dep_ in ("acl", "relcl") and noun.head.pos_ in _NOUN_POS:
        noun = noun.head
    if noun.pos_ in _VERB_POS:
        return _earlier_clause(noun)
    node = noun
    while node.head.i != node.i and (node.dep_ in ("conj", "compound", "appos") or (
            node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN" and
            node.head.head.lower_ not in _CAUSES)):
        node = node.head if node.dep_ != "pobj" else node.head.head  # "two days of fighting"
    if node.dep_ != "pobj":
        return False
    prep = node.head
    return prep.lower_ in _BACKGROUND_PREPS or (prep.lower_ in ("to", "of") and prep.head.lower_ in _CAUSES)


def _earlier_clause(verb: Token) -> bool:
    """'one day after a Serbian army jet shot down a helicopter', 'since rebels seized the town': a clause
    that tells what happened before the event reported."""
    clause = first_conjunct(verb)
    if clause.dep_ == "advcl":
        return any(m.dep_ == "mark" and m.lower_ in _BACKGROUND_PREPS for m in clause.children)
    return clause.dep_ == "pcomp" and clause.head.lower_ in _BACKGROUND_PREPS


def _reported_as_news(noun: Token) -> bool:
    """A nominal event the sentence reports: its subject or head, or the object of its main verb.

    "Talks between X and Y began", "Clashes in Kirkuk" (a headline). A noun deeper down ("after two
    days of fierce fighting", "because of the sanctions") is background to another event.
    """
    node = noun
    while node.dep_ in ("conj", "compound", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ROOT" or node.head.i == node.i:
        return True
    if node.dep_ == "pobj" and node.head.lower_ in _OCCASION and node.head.head.dep_ == "ROOT":
        return True  # "agreed at a meeting with six powers": the meeting is where it happened
    return node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and node.head.dep_ == "ROOT"


def complement(verb: Token, lexicon: Lexicon) -> bool:
    """'agreed to allow', and 'threatened today to impose', which the parser hangs on as an adverbial clause."""
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
        (lexicon.is_intent(lemma(verb.head)) or lexicon.is_control(lemma(verb.head)))


def _verb_skip_reason(ctx: CodingContext, token: Token, entry: LexEntry, verbs: dict[int, LexEntry]) -> str | None:
    return _not_an_act(ctx, token, verbs) or _coded_elsewhere(ctx, token, entry, verbs)


def _not_an_act(ctx: CodingContext, token: Token, verbs: dict[int, LexEntry]) -> str | None:
    """Why a coded verb reports no act of its own: it describes, is only wanted or feared, or is background."""
    if (token.tag_ == "VBN" and token.dep_ == "amod" and token.head.pos_ in _NOUN_POS) or \
            (reduced_passive(token) and ctx.lexicon.is_state(lemma(token))):
        # "the banned movement", "militiamen armed with machetes", "men sought in a slaying": what the
        # noun is, not an act
        return f"a participle describing '{token.head.text}', not an act"
    if token.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
            ctx.lexicon.is_nonevent(lemma(token.head)):
        # "faces pressure to help Iran", "seeks to avoid having to strike": wanted or feared, not done
        return f"'{token.head.text}' says this is not an event"
    if _earlier_event(token) or _undergone_by_a_party(token, verbs) or _described_as_done(token):
        # "rioted following a demonstration calling for ...", "one day after a jet shot down ...": background
        return _IN_PASSING
    return None


#: How a noun hangs on the verb whose party it is: "released the mayor, a member of Hamas jailed ..."
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "prep", "appos", "conj", "compound", "poss"})


def _undergone_by_a_party(token: Token, verbs: dict[int, LexEntry]) -> bool:
    """'The civilians imprisoned for acting against Moscow were released', 'released the mayor, jailed a year
    ago', 'return a helicopter that was captured': what a party of another coded event had undergone is
    background to that event."""
    undergone = reduced_passive(token) or (token.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" and c.lower_ in RELATIVE_PRONOUNS for c in token.children))
    if not undergone:
        return False
    node = token.head
    while node.pos_ not in _VERB_POS and node.dep_ in _PARTY_DEPS and node.head.i != node.i:
        node = node.head
    return node.pos_ in _VERB_POS and node.i != token.i and node.i in verbs


def _described_as_done(token: Token) -> bool:
    """'the militant group that has seized parts of Iraq and Syria', 'the prime minister, whom they had taken
    hostage': a relative clause in the perfect tells who a party is by what it had done or undergone before,
    as background to the event reported."""
    return token.dep_ == "relcl" and token.tag_ == "VBN" and \
        any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children) and \
        any(c.lower_ in RELATIVE_PRONOUNS for c in token.children)


def _coded_elsewhere(ctx: CodingContext, token: Token, entry: LexEntry, verbs: dict[int, LexEntry]) -> str | None:
    """Why a coded verb's event is coded on another word: a control or intent verb's complement, or the act
    its clause says how or why was done."""
    complements = [c for c in token.children if complement(c, ctx.lexicon) and c.pos_ == "VERB"]
    if complements and ctx.lexicon.is_control(lemma(token)):
        return f"control verb: its complement '{complements[0].text}' is the event, if any"
    coded = [c for c in complements if c.i in verbs]
    if coded and (entry.cameo.startswith("03") or ctx.lexicon.is_intent(lemma(token))):
        return f"intent verb: the commitment is coded on '{coded[0].text}'"
    clause = first_conjunct(token)  # "killing or wounding 50": both are how the attack was done
    if clause.dep_ == "advcl" and clause.head.i in verbs and not complement(clause, ctx.lexicon) and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in (*token.children, *clause.children)):
        # "staged demonstrations to demand reforms", "opened fire, killing one": how or why the main event
        # was done, by its own subject, not a second report
        return f"purpose or manner of '{clause.head.text}': coded with it"
    return None


def _protest_manner(ctx: CodingContext, protest: Token) -> list[int]:
    """'blocked streets in defiance of the authorities', 'a hunger strike in protest at the arrests': the
    defiance or protest is the staged protest itself, aimed at whom it names."""
    return [pobj.i for prep in protest.children if prep.dep_ == "prep" and prep.lower_ == "in"
            for pobj in prep.children if pobj.dep_ == "pobj" and
            any(e.cameo.startswith(_DEFIANCE_ROOTS) for e in ctx.lexicon.candidates("noun", lemma(pobj)))]


def _purposes(ctx: CodingContext, verb: Token) -> list[Token]:
    """The verbs of an act's purpose ('sent material to help defend Y': help, defend), coded with the act.

    What an intent or control verb governs ("offered its troops to help",
    "threatened to impose") is its commitment, not a purpose.
    """
    return [node for clause in purpose_clauses(verb) if not complement(clause, ctx.lexicon)
            for node in controlled(clause)]


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _triggers(ctx: CodingContext) -> list[tuple[Token, LexEntry, Token | None]]:
    found = []
    for token in tokens(ctx.doc):
        kind = "verb" if token.pos_ in _VERB_POS else "noun" if token.pos_ == "NOUN" else None
        if kind is None or (kind == "noun" and token.ent_type_ not in ("", "DATE", "TIME")):
            continue  # a name ("the Strategic Arms Reduction Treaty") is not an event
        candidates = compound_candidates(ctx.lexicon, token) if kind == "noun" else ()
        candidates = candidates or ctx.lexicon.candidates(kind, lemma(token))
        if not candidates:
            continue
        match = best_entry(token, candidates, ctx.lexicon.compounds)
        if match is None:
            ctx.note(token, candidates[0], "rejected", "no lexicon row's particle/object constraints hold")
            continue
        found.append((token, *match))
    return found


def _events_for(ctx: CodingContext, token: Token, entry: LexEntry, dyad: Dyad) -> list[Event]:
    code = ctx.ontology.code(entry.cameo)
    if code.code in _PLAIN_STATEMENTS:
        ctx.note(token, entry, "rejected", f"CAMEO {code.code} is a plain statement or comment: a quote, no event")
        return []
    if code.code.startswith(_MOBILIZE_ROOT) and _joint(token) and not dyad.targets and len(dyad.sources) > 1:
        dyad = replace(dyad, target_rule="reciprocal", reciprocal=True)  # "X and Y began joint exercises"
    acting = [s for s in dyad.sources if can_act(s)]
    needs_place = not acting or any(a.basis == ETHNIC_BASIS for a in (*acting, *dyad.targets))
    place = _clause_place(ctx, token) if needs_place else None
    country = place.country if place is not None and not place.guessed else None
    sources = residents(acting, country) or local_groups(dyad.sources, country)
    targets = residents([t for t in dyad.targets if can_act(t)], country)
    parties = pairs(sources, dyad, targets) if sources else unknown_source(dyad, code)
    if parties and not sources:
        doers = unnamed_doers(code, place)
        if doers is not None:
            parties = [(doers, t) for _, t in parties]
    if not parties:
        ctx.note(token, entry, "rejected", f"no source actor with a country ({dyad.source_rule}) and no target")
        return []
    events = []
    for source, target in parties:
        event = _event(ctx, token, entry, source=source, target=target, dyad=dyad)
        if (source is None or source.basis == UNNAMED_BASIS) and {"hypothetical", "negated"} & set(event.modes):
            ctx.note(token, entry, "rejected", "no known source, and it did not happen: nothing to count")
            continue
        events.append(event)
        _note_coded(ctx, token, entry, event, dyad)
        if dyad.mutual and source is not None and target is not None and _held(event, code):
            # talks held with Y are Y's talks too; an offer to negotiate is the offerer's alone
            events.append(_event(ctx, token, entry, source=target, target=source, dyad=dyad))
            _note_coded(ctx, token, entry, events[-1], dyad)
    return events


def _held(event: Event, code: CameoCode) -> bool:
    """A conversation that took place between two countries: not turned into a commitment, not negated
    or hypothetical."""
    source, target = event.source, event.target
    return event.cameo == code.code and source is not None and target is not None and \
        bool(source.country) and bool(target.country) and source.country != target.country and \
        not {"hypothetical", "negated"} & set(event.modes)


def _note_coded(ctx: CodingContext, token: Token, entry: LexEntry, event: Event, dyad: Dyad) -> None:
    source, target = event.source, event.target
    ctx.note(token, entry, "coded",
             f"{source.country or source.name if source else '?'} -> "
             f"{target.country or target.name if target else '-'} "
             f"[source: {dyad.source_rule}, target: {dyad.target_rule}{' +mutual' if dyad.mutual else ''}] "
             f"{category(event.plover, event.cameo)} {event.cameo}")


def _clause_place(ctx: CodingContext, token: Token) -> Place | None:
    """The place the event's own clause names, if it names one."""
    clause = {t.idx for t in ctx.clause(token)}
    place, rule = event_place(ctx.places, doc_text(ctx.doc), ctx.sentence_of[token.i], clause, False)
    return place if rule == "clause" else None


def _event(ctx: CodingContext, token: Token, entry: LexEntry, *, source: ActorMention | None,
           target: ActorMention | None, dyad: Dyad) -> Event:
    time_ref = _event_time(ctx, token)
    published = ctx.article.published
    interval = (time_ref.start, time_ref.end) if time_ref else None
    modes = detect_modes(token, interval, published, ctx.settings.historical_days)
    moved = _undoing(ctx, token, entry, _deployment(ctx, token, entry, source))
    code, modes, intent_rule = _commitment(ctx, token, moved, modes)
    code, modes, intent_rule = _disagreed(ctx, token, code, modes, intent_rule)
    code, intent_rule = _concurred(ctx, token, code, modes, intent_rule)
    clause = {t.idx for t in ctx.clause(token)}
    same_day = time_ref is None or (published is not None and time_ref.start <= published <= time_ref.end)
    place, place_rule = event_place(ctx.places, doc_text(ctx.doc), ctx.sentence_of[token.i], clause, same_day)
    place_target = ""
    if target is None and not dyad.reciprocal and place is not None and place.country and not place.guessed and \
            place_rule in _PLACE_TARGET_RULES and done_to_a_place(code):
        target, place_target = place_actor(place), _PLACE_TARGET_NOTE
    evidence = _evidence(token, source, target)
    return Event(
        id=_event_id(ctx.article.id, token.idx, source, target, code.code),
        source=source, target=target, plover=code.plover, cameo=code.code, cameo_name=code.name,
        quad_class=code.quad_class, goldstein=code.goldstein, modes=modes,
        date=time_ref.value if time_ref else (published.isoformat() if published else None),
        date_granularity=time_ref.granularity if time_ref else ("day" if published else None),
        place=place, confidence=_confidence(entry, dyad, source, target, token),
        trigger=Span(start=token.idx, end=token.idx + len(token), text=token.text),
        evidence=evidence,
        rule=f"{token.pos_.lower()}:{dyad.source_rule}/{dyad.target_rule}; place:{place_rule}{intent_rule}"
             f"{place_target}",
        lexicon_entry=entry.describe(), coder=f"{CODER_VERSION}+{ctx.lexicon.version}",
        sentence=ctx.sentence_of[token.i],
    )


def _deployment(ctx: CodingContext, token: Token, entry: LexEntry, source: ActorMention | None) -> CameoCode:
    """What a use or move of force, or a sending, is by what it is for and who does it.

    'Russian troops arrived in Crimea': troops do not visit, they deploy (154); 'Chinese peacekeepers
    arrived in South Sudan', 'approved the deployment of a team to monitor a ceasefire': a deployment to
    keep the peace provides it (074); one to bring aid or to investigate does that (07, 09, as does a
    team sent for it); 'opened fire to disperse demonstrators' represses (175); 'joint military
    exercises' are military cooperation (062)."""
    code = ctx.ontology.code(entry.cameo)
    if code.code.startswith(VIOLENT_ROOTS):
        return _sent_for(ctx, token, (_REPRESSION,)) or code
    if code.code.startswith(_MOBILIZE_ROOT) and _joint(token):
        return ctx.ontology.code(_MILITARY_COOPERATION)  # "joint military exercises": cooperation, not a show
    troops = source is not None and source.sector == _MILITARY and source.kind == "group"
    if lemma(token) in _SENDING and code.code.startswith(_AID_ROOT):
        # "sent seven military experts to investigate the attacks": the sending is the investigation
        return _sent_for(ctx, token) or code
    if not (code.code.startswith(_DEPLOY) or (code.code.startswith(_VISIT) and troops)):
        return code
    if any(lemma(t) in _PEACEKEEPING for t in ctx.clause(token)):
        return ctx.ontology.code(_PEACEKEEPING_CODE)
    return _sent_for(ctx, token) or (ctx.ontology.code(_DEPLOY) if code.code.startswith(_VISIT) else code)


def _sent_for(ctx: CodingContext, token: Token, roots: tuple[str, ...] = _SENT_FOR_ROOTS) -> CameoCode | None:
    """'troops arrived in Nepal to help deliver aid', 'dispatching a team to Detroit to investigate': a
    deployment to bring aid brings it, one to investigate investigates; and 'police opened fire to
    disperse demonstrators' represses them (175)."""
    purpose = next((e for p in _purposes(ctx, token) for e in (verb_entry(p, ctx.lexicon),)
                    if e is not None and e[0].cameo.startswith(roots)), None)
    return ctx.ontology.code(purpose[0].cameo) if purpose is not None else None


def _undoing(ctx: CodingContext, token: Token, entry: LexEntry, code: CameoCode) -> CameoCode:
    """'Israel halted the bombing of Gaza': a verb that undoes a hostile act, matched by a row that names
    no object, de-escalates (087); it does not cut ties, as 'halted cooperation' does."""
    obj = direct_object(token) if token.pos_ in _VERB_POS and entry.object is None else None
    if obj is None or not ctx.lexicon.is_undoing(lemma(token)):
        return code
    if any(r.cameo.startswith(VIOLENT_ROOTS) for r in ctx.lexicon.candidates("noun", lemma(obj))):
        return ctx.ontology.code(_DEESCALATION)
    return code


def _joint(token: Token) -> bool:
    """'a joint military exercise', 'combined drills': done together, as 'war games with Y' are."""
    obj = direct_object(token) if token.pos_ in _VERB_POS else None
    return any(c.dep_ in ("amod", "compound", "advmod") and c.lower_ in ("joint", "combined", "jointly")
               for c in (*token.children, *(obj.children if obj is not None else ())))


def _commitment(ctx: CodingContext, token: Token, code: CameoCode,
                modes: tuple[str, ...]) -> tuple[CameoCode, tuple[str, ...], str]:
    """A promised action is a commitment now: AGREE (03x) for cooperation, THREATEN (13x) for conflict.

    "Syria is willing to withdraw" and "Israel will evacuate" are AGREE; "Iran
    threatened to shell" and "Iran will shell" are THREATEN; "will not accept"
    is REJECT. The future and hypothetical modes go: the commitment is made now.
    """
    node = token
    while complement(node, ctx.lexicon) and node.head.i != node.i:
        node = node.head
    stated = node.i != token.i and ctx.lexicon.is_intent(lemma(node))
    if code.plover is None or not _commits(token, node, stated=stated, modes=modes):
        return code, modes, ""
    unspoken = _unspoken(ctx, node, code, modes, stated=stated)
    if unspoken is not None:
        return unspoken
    promised = "future" in modes or stated
    marks = condition_marks(token) if "conditional" in modes else set()
    if ("unless" in marks and (promised or "hypothetical" in modes)) or \
            (marks and "hypothetical" in modes and code.quad_class in CONFLICT_QUADS):
        # "will withdraw its force unless ...", "may halt mediation if ...": a harm held over someone
        specific = ctx.ontology.intent_code(code.plover) if code.quad_class in CONFLICT_QUADS else None
        threat = specific or ctx.ontology.code(_THREAT)
        kept = tuple(m for m in modes if m not in ("future", "hypothetical", "conditional"))
        return threat, kept, f"; ultimatum:{code.code}->{threat.code}"
    intent = ctx.ontology.intent_code(code.plover) if promised else None
    if intent is None:
        return code, modes, ""
    if "negated" in modes and intent.plover == "AGREE":
        return ctx.ontology.code(_REJECTION), tuple(m for m in modes if m not in ("negated", "future")), \
            "; intent:refused"
    kept = tuple(m for m in modes if m not in ("future", "hypothetical"))
    return intent, kept, f"; intent:{code.code}->{intent.code}"


def _unspoken(ctx: CodingContext, node: Token, code: CameoCode, modes: tuple[str, ...], *,
              stated: bool) -> tuple[CameoCode, tuple[str, ...], str] | None:
    """A commitment that is no promise: a measure announced as decided, or force readied."""
    if code.code.startswith(_REDUCING_ROOT) and node.dep_ == "ccomp" and lemma(node.head) in _DECLARING:
        # "announced it would prohibit all aid to the rebels": a measure announced is decided, not threatened
        return code, modes, "; announced"
    if stated and lemma(node) in _PREPARING and code.code.startswith(VIOLENT_ROOTS) and "negated" not in modes:
        # "the army prepared to resume shelling": readying force is a show of it (150), not a spoken threat
        kept = tuple(m for m in modes if m not in ("future", "hypothetical"))
        return ctx.ontology.code(_SHOW_OF_FORCE), kept, f"; readied:{code.code}->{_SHOW_OF_FORCE}"
    return None


def _disagreed(ctx: CodingContext, token: Token, code: CameoCode, modes: tuple[str, ...],
               rule: str) -> tuple[CameoCode, tuple[str, ...], str]:
    """'Israelis and Palestinians failed to reach agreement', 'Iran did not agree to': an agreement that
    was sought and not made is a rejection that happened (120), as PLOVER's coders code it. An agreement
    only supposed ('may not agree', 'if they do not agree') is still hypothetical, not a rejection, and
    one refused ('refused to agree') is the refusal's content: the refusal is the rejection."""
    if code.plover != "AGREE" or "negated" not in modes or "hypothetical" in modes or "conditional" in modes or \
            _refused(ctx, token):
        return code, modes, rule
    return ctx.ontology.code(_REJECTION), tuple(m for m in modes if m != "negated"), f"{rule}; disagreed"


def _concurred(ctx: CodingContext, token: Token, code: CameoCode, modes: tuple[str, ...],
               rule: str) -> tuple[CameoCode, str]:
    """'FDA officials said they agree with the recommendation', 'Canada agrees with the Senate that ...':
    agreeing now with a view, or with whoever holds it, is accord (019), a statement, not a commitment.
    Agreeing to or on something ('agree to talks', 'agree on a prisoner swap') still commits."""
    if code.plover != "AGREE" or lemma(token) != "agree" or token.tag_ not in ("VBP", "VBZ") or modes or \
            any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon")) for c in token.children):
        return code, rule
    return ctx.ontology.code(_ACCORD), f"{rule}; accord"


def _refused(ctx: CodingContext, token: Token) -> bool:
    """Whether a rejection ('refused to', 'a refusal to', 'rejected calls to') governs the act."""
    node = token
    for _ in range(_REFUSAL_HOPS):
        if node.head.i == node.i:
            return False
        node = node.head
        kind = "verb" if node.pos_ in _VERB_POS else "noun" if node.pos_ in _NOUN_POS else None
        if kind and any(e.cameo.startswith(_REJECT_ROOT) for e in ctx.lexicon.candidates(kind, lemma(node))):
            return True
    return False


def _commits(token: Token, node: Token, *, stated: bool, modes: tuple[str, ...]) -> bool:
    """Whether the act can be a commitment: acted on, not supposed by a condition, and not left unmade."""
    acted_on = token.pos_ == "VERB" or (token.dep_ == "dobj" and token.head.pos_ == "VERB")
    if not acted_on or in_condition(token):
        return False  # "will extend the curfew" promises the curfew; "will inject momentum into talks" does not
    if stated and unreal_commitment(node):
        return False  # "said the US must be ready to mediate": asked for, not promised
    return stated or "historical" not in modes  # "fought a war last year" promised nothing; "offered in 1999" did


def _clause_tokens(token: Token) -> list[Token]:
    """The trigger's clause: its subtree, widened to the verbs that control it, less the clauses within it
    that have a subject of their own ('Serbia eased measures in Montenegro as authorities in Croatia cracked
    down': Croatia is where the crackdown was). A projective parse's subtree is the span between its edges,
    so a clause holds the trigger exactly when the trigger lies between the clause's edges."""
    node = token
    while (node.dep_ in ("xcomp", "pobj", "prep", "dobj", "conj") or
           (node.dep_ in ("advcl", "relcl") and node in purpose_clauses(node.head))) and node.head.i != node.i:
        node = node.head
    subtree = list(node.subtree)
    others: set[int] = set()
    for clause in subtree:
        if clause.dep_ in _CLAUSE_DEPS and clause.i != node.i and _own_clause(clause):
            start, end = clause.left_edge.i, clause.right_edge.i
            if not start <= token.i <= end:
                others.update(range(start, end + 1))
    return [t for t in subtree if t.i not in others] if others else subtree


def _own_clause(verb: Token) -> bool:
    """A finite clause with a subject of its own, other than one that says when the event was ('when
    they blew themselves up in Tel Aviv', 'as street battles raged in Baghdad'), which shares its place."""
    if verb.dep_ not in _CLAUSE_DEPS or verb.pos_ not in _VERB_POS or \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or \
            any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in verb.children):
        return False
    return not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in verb.children)


def _event_time(ctx: CodingContext, token: Token) -> TimeRef | None:
    """The time expression governing the event's clause ('met ... today', 'fought ... last year')."""
    heads = {token.i} | {t.i for t in _control_chain(token)}
    sentence = ctx.sentence_of[token.i]
    for ref in ctx.dates:
        if ref.sentence != sentence or ref.granularity not in CALENDAR:
            continue  # 'now', 'recently': no date to give the event; the publication date stands
        span = ctx.doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
        if span is not None and _attachment(span.root).i in heads:
            return ref
    return None


def _control_chain(token: Token) -> list[Token]:
    chain, node = [], token
    while node.dep_ in ("xcomp", "pobj", "prep", "dobj", "conj", "compound") and node.head.i != node.i:
        node = node.head
        chain.append(node)
    return chain


def _attachment(token: Token) -> Token:
    """The verb (or event noun) a time expression modifies."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and node.dep_ != "prep":
            return node
    return node


def _evidence(token: Token, source: ActorMention | None, target: ActorMention | None) -> Span:
    sent = sentence_of(token)
    parties = [a for a in (source, target) if a is not None]
    starts = [token.idx] + [a.span.start for a in parties]
    ends = [token.idx + len(token)] + [a.span.end for a in parties]
    start = max(min(starts), sent.start_char)
    end = min(max(ends), sent.end_char)
    if start >= end:
        start, end = sent.start_char, sent.end_char
    return Span(start=start, end=end, text=doc_text(token.doc)[start:end])


def _confidence(entry: LexEntry, dyad: Dyad, source: ActorMention | None, target: ActorMention | None,
                token: Token) -> float:
    score = 0.45
    inferred = source is None or source.basis == UNNAMED_BASIS  # no doer named: credited only by the place
    score += 0.0 if inferred else 0.2 if dyad.source_rule in ("subject", "passive", "between") else 0.1
    score += 0.15 if target is not None and dyad.target_rule in ("object", "passive", "reciprocal") else \
        0.08 if target is not None else 0.0
    score += 0.1 * (entry.specificity > 0)
    score -= 0.1 if token.pos_ in _NOUN_POS and not _reported_as_news(token) else 0.0
    score += _prominence(token)
    score -= 0.05 if source is not None and source.basis in ("name-only", "sector-word") else 0.0
    return round(max(0.05, min(0.99, score)), 2)


def _prominence(token: Token) -> float:
    """The sentence's own predicate is reported as fact; an event buried clauses down less surely so.

    An event in a clause that only sets the time or cause of another ("one
    day after a jet shot down a helicopter", "when Amin expelled them") is
    background: it counts as buried further.
    """
    depth = sum(1 for a in token.ancestors if a.pos_ in ("VERB", "AUX", "NOUN"))
    depth += _BACKGROUND_DEPTH * any(_sets_the_scene(node) for node in (token, *token.ancestors))
    return max(0.0, _PROMINENCE - _PROMINENCE_STEP * depth)


def _sets_the_scene(node: Token) -> bool:
    marks = [c.lower_ for c in node.children if c.dep_ in ("mark", "advmod")]
    if node.dep_ == "advcl" and any(m in _SCENE_MARKS for m in marks):
        return True
    return node.dep_ == "pcomp" and node.head.lower_ in _SCENE_MARKS


def _event_id(article_id: str, offset: int, source: ActorMention | None, target: ActorMention | None,
              cameo: str) -> str:
    source_key = (source.entity or source.name) if source else ""
    target_key = (target.entity or target.name) if target else ""
    key = f"{article_id}:{offset}:{source_key}:{target_key}:{cameo}"
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


