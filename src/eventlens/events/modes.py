"""Modes: whether an event happened, might happen, will happen or happened long ago.

Negated and hypothetical events are kept and flagged, never counted as
things that happened: "Moscow has ruled out imposing oil sanctions" yields a
REJECT and a *negated* SANCTION, never a sanction.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from eventlens.events.lexicon import lemma

_CONDITION_MARKS = frozenset({"if", "unless", "whether"})
_WANTING = frozenset({
    "hope", "want", "seek", "wish", "plan", "intend", "try", "aim", "propose", "consider", "push",
    "urge", "call", "ask", "demand", "need", "prepare", "threaten", "expect", "offer", "vow", "pledge",
    "promise", "press", "lobby", "campaign", "support", "favour", "favor", "back", "discuss", "mull",
    "weigh", "bid", "proposal", "threat", "request", "appeal",
})
_REFUSING = frozenset({"refuse", "reject", "deny", "decline", "oppose", "veto", "fail", "avoid", "resist"})
_MODAL_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "can"})
_MODAL_FUTURE = frozenset({"will", "shall", "'ll"})


def detect_modes(trigger: Token, event_date: tuple[dt.date, dt.date] | None, published: dt.date | None,
                 historical_days: int) -> tuple[str, ...]:
    """Modes of the event whose predicate is ``trigger``, in a fixed order."""
    chain = _governing_chain(trigger)
    modes = []
    if _negated(trigger, chain):
        modes.append("negated")
    if _hypothetical(trigger, chain):
        modes.append("hypothetical")
    if _conditional(trigger, chain):
        modes.append("conditional")
    if _future(trigger, chain, event_date, published):
        modes.append("future")
    if event_date and published and event_date[1] < published - dt.timedelta(days=historical_days):
        modes.append("historical")
    return tuple(modes)


#: Relations through which a governing word's meaning reaches the trigger
#: ("hoping to win", "support for sanctions"); a reported clause (ccomp),
#: a coordination or a relative clause is a boundary.
_SCOPE_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "acl", "compound", "advcl", "pcomp",
                         "amod", "appos", "attr", "oprd", "nsubjpass"})


def _governing_chain(token: Token) -> list[Token]:
    """The trigger's ancestors within its scope, nearest first."""
    chain = []
    node = token
    while node.head.i != node.i and (node.dep_ in _SCOPE_DEPS or
                                     (node.dep_ == "ccomp" and node.pos_ in ("NOUN", "PROPN"))):
        node = node.head
        chain.append(node)
    return chain


def _clause_verbs(trigger: Token, chain: list[Token]) -> list[Token]:
    """The trigger and the verbs that control it ('did not agree to meet')."""
    verbs, node = [trigger], trigger
    for head in chain:
        if node.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj"):
            break
        if head.pos_ in ("VERB", "AUX"):
            verbs.append(head)
        node = head
    return verbs


def _negated(trigger: Token, chain: list[Token]) -> bool:
    if any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in trigger.children):
        # "did not attend a summit between X and Y": the summit itself happened
        return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
    for verb in _clause_verbs(trigger, chain):
        if any(c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("neg", "det", "advmod"))
               for c in verb.children):
            return True
    return any(_refusal(head) for head in chain[:3])


def _refusal(token: Token) -> bool:
    if lemma(token) in _REFUSING:
        return True
    return lemma(token) == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)


def _hypothetical(trigger: Token, chain: list[Token]) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _MODAL_HYPOTHETICAL for c in trigger.children):
        return True
    for head in chain:
        if lemma(head) in _WANTING:
            return True
        if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in _MODAL_HYPOTHETICAL
                                                 for c in head.children):
            return True
    return False


def _conditional(trigger: Token, chain: list[Token]) -> bool:
    for node in [trigger, *chain]:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
            return True
        for child in node.children:
            if child.dep_ == "advcl" and child not in chain and \
                    any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in child.children):
                return True
    return False


def _future(trigger: Token, chain: list[Token], event_date: tuple[dt.date, dt.date] | None,
            published: dt.date | None) -> bool:
    for verb in _clause_verbs(trigger, chain):
        if any(c.dep_ == "aux" and (c.lower_ in _MODAL_FUTURE or (c.lemma_ == "go" and c.tag_ == "VBG"))
               for c in verb.children):
            return True
    return bool(event_date and published and event_date[0] > published)
