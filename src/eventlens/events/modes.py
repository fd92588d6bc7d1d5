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
    "weigh", "bid", "proposal", "threat", "request", "appeal", "ready", "willing", "prepared", "eager",
    "pressure", "agreement", "consensus", "deal", "decision", "commitment",
    "bill", "legislation", "draft", "initiative",
    # what may or may not come: "the possibility of a deal", "fears of an attack", "the risk of war"
    "possibility", "prospect", "chance", "likelihood", "risk", "danger", "fear", "spectre", "specter", "idea",
})
_REFUSING = frozenset({"refuse", "reject", "deny", "decline", "oppose", "veto", "fail", "avoid", "resist",
                       "refusal", "rejection", "failure"})
#: Adjectives that make a nominal event one that has not happened ("a possible war", "the planned talks").
_UNREAL_ADJECTIVES = frozenset({
    "possible", "potential", "eventual", "likely", "probable", "prospective", "hypothetical", "proposed",
    "planned", "imminent", "future", "expected", "feared", "contemplated", "upcoming", "forthcoming",
})
_MODAL_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "can", "must", "ought"})
#: Verbs that report speech: under them "would" is the reported "will" ("said it would allow inspectors").
_REPORTING = frozenset({
    "say", "announce", "state", "declare", "tell", "add", "confirm", "insist", "reiterate", "stress",
    "assert", "indicate", "signal", "reaffirm", "pledge", "promise", "vow", "warn", "threaten", "report",
    "claim", "write", "explain", "decide", "agree",
})
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
    """The trigger's ancestors within its scope, nearest first.

    A conjunct shares its first conjunct's governors, not that conjunct's own meaning:
    "aims to tighten sanctions and impose a blockade" aims at both; "rejected the plan
    and attacked" did not refuse the attack.
    """
    chain = []
    node = first_conjunct(token)
    while node.head.i != node.i and (node.dep_ in _SCOPE_DEPS or _governed_infinitive(node) or
                                     (node.dep_ == "ccomp" and node.pos_ in ("NOUN", "PROPN"))):
        node = node.head
        chain.append(node)
    return chain


def first_conjunct(token: Token) -> Token:
    """The first of the phrases coordinated with the token ('killing or wounding 50': killing)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _governed_infinitive(node: Token) -> bool:
    """'a bill to annex the valley', 'a plan to attack': an infinitive on a noun says what the noun is for,
    so the noun's meaning reaches it, as a true relative clause's does not. Nor is 'allow planes to land'
    a reported clause: what is (not) allowed is governed by the allowing."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    if node.dep_ == "ccomp":
        return infinitive
    return node.dep_ == "relcl" and infinitive and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)


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
    if _wanted_clause(trigger) or _unreal_modal(trigger) or _condition(trigger):
        return True
    if any(c.dep_ == "amod" and c.lower_ in _UNREAL_ADJECTIVES for c in trigger.children):
        return True  # "a possible war", "planned talks": spoken of, not yet done
    for head in chain:
        if lemma(head) in _WANTING or _condition(head):
            return True
        if head.pos_ in ("VERB", "AUX") and _unreal_modal(head):
            return True
    return False


def _wanted_clause(trigger: Token) -> bool:
    """'reiterated its demand today that Israel ease ...', 'Obama wants Putin to attack': what is demanded
    or wanted has not happened."""
    return trigger.dep_ == "ccomp" and (
        lemma(trigger.head) in _WANTING or
        any(c.dep_ == "dobj" and lemma(c) in _WANTING for c in trigger.head.children))


def unreal_commitment(word: Token) -> bool:
    """'the US must be ready to mediate', 'if Iran agrees to stop': a modal or condition over the committing
    word itself leaves the commitment unmade."""
    head = word.head if word.dep_ in ("acomp", "attr") and word.head.i != word.i else word
    return _unreal_modal(head) or _condition(head)


def in_condition(trigger: Token) -> bool:
    """Whether the event is what a condition supposes ('if it is attacked'), not what hangs on it."""
    return any(_condition(node) for node in [trigger, *_governing_chain(trigger)])


def _condition(clause: Token) -> bool:
    """'if it is attacked', 'unless Israel rescinds the annexation': a condition asserts nothing happened."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


def _unreal_modal(verb: Token) -> bool:
    """'could attack', 'may halt': a modal makes the act unreal, unless it is the reported 'will'."""
    return any(c.dep_ == "aux" and c.lower_ in _MODAL_HYPOTHETICAL for c in verb.children) and \
        not _reported_will(verb)


def _conditional(trigger: Token, chain: list[Token]) -> bool:
    return bool(condition_marks(trigger, chain))


def condition_marks(trigger: Token, chain: list[Token] | None = None) -> set[str]:
    """The conditions the event hangs on ('if', 'unless', 'whether'), as written."""
    marks: set[str] = set()
    chain = _governing_chain(trigger) if chain is None else chain
    for node in [trigger, *chain]:
        clauses = [node] if node.dep_ == "advcl" else []
        clauses += [c for c in node.children if c.dep_ == "advcl" and c not in chain]
        for clause in clauses:
            marks.update(c.lower_ for c in clause.children if c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS)
    return marks


def _reported_will(verb: Token) -> bool:
    """'Iraq said it would allow the inspectors back': "would" is the reported "will", a commitment."""
    return verb.dep_ == "ccomp" and lemma(verb.head) in _REPORTING and \
        any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) and \
        not any(_counterfactual(c) for c in verb.children)


def _counterfactual(clause: Token) -> bool:
    """'... would X if they had Y': a past-perfect condition makes 'would' unreal, not reported."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in clause.children) and \
        any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)


def _future(trigger: Token, chain: list[Token], event_date: tuple[dt.date, dt.date] | None,
            published: dt.date | None) -> bool:
    for verb in _clause_verbs(trigger, chain):
        if _reported_will(verb):
            return True
        if any(c.dep_ == "aux" and (c.lower_ in _MODAL_FUTURE or (c.lemma_ == "go" and c.tag_ == "VBG"))
               for c in verb.children):
            return True
    return bool(event_date and published and event_date[0] > published)
