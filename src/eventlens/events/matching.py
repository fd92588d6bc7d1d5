"""Matching a word against the lexicon: which row applies, and the object it needs.

A row may ask for a particle ("rule out"), an object ("impose sanctions"),
or a two-word noun ("hunger strike"); the most specific row that holds wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from spacy.tokens import Doc, Token

from eventlens.events.lexicon import ANY_OBJECT, PERSON_OBJECT, LexEntry, Lexicon, lemma
from eventlens.nlp import once_per_doc

_STATEMENT_ROOT = "01"


def compound_candidates(lexicon: Lexicon, noun: Token) -> tuple[LexEntry, ...]:
    """Rows for a two-word noun ('hunger strike', 'war game') or a hyphenated one ('cease-fire', 'air-strike'),
    which mean something their head alone does not. The first word may be an adjective ('military
    operation')."""
    whole = hyphenated(noun)
    if whole is not None and lexicon.candidates("noun", whole):
        return lexicon.candidates("noun", whole)
    modifier = noun.doc[noun.i - 1] if noun.i > 0 else None
    if modifier is None or modifier.dep_ not in ("compound", "amod") or modifier.head.i != noun.i:
        return ()
    return lexicon.candidates("noun", f"{lemma(modifier)} {lemma(noun)}")


def hyphenated(token: Token) -> str | None:
    """'cease-fire' written as one word ('ceasefire'), as the lexicon writes it; the parser splits it in three."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return f"{doc[i - 2].lower_}{lemma(token)}"


def best_entry(token: Token, candidates: Sequence[LexEntry],
               compounds: frozenset[str]) -> tuple[LexEntry, Token | None] | None:
    """The most specific row whose constraints hold; among equals, one whose object is the verb's own
    ('break off relations with Congo ... over their ties with Israel' is about the relations).

    ``compounds`` are the lexicon's two-word nouns: in "launched war games" the object is the games, not
    a war.
    """
    found: list[tuple[int, int, LexEntry, Token | None]] = []
    # "called on Nigerian leaders": what a particle introduces is no object of a row without it
    particles = frozenset(e.particle for e in candidates if e.particle)
    nearby: frozenset[str] | None = None
    for order, entry in enumerate(candidates):
        if entry.particle and not _has_particle(token, entry.particle):
            continue
        obj = None
        if entry.object and entry.object not in (ANY_OBJECT, PERSON_OBJECT):
            # every object a row can name lies in the verb's subtree: a cheap check before the search
            nearby = _nearby_lemmas(token) if nearby is None else nearby
            if entry.object not in nearby:
                continue
        if entry.object:
            # "declined to comment": a statement row's object may be the verb the trigger governs
            obj = _object_with_lemma(token, entry.object, compounds, particles - {entry.particle or ""},
                                     complement=entry.cameo.startswith(_STATEMENT_ROOT))
            if obj is None:
                continue
        direct = obj is not None and obj.head.i == token.i
        found.append((-2 * entry.specificity - direct, order, entry, obj))
    if not found:
        return None
    _, _, entry, obj = min(found, key=lambda f: (f[0], f[1]))
    return entry, obj


def _nearby_lemmas(token: Token) -> frozenset[str]:
    """The lemmas (and whole hyphenated words) between the token's subtree's edges."""
    words = once_per_doc(token.doc, "eventlens.match-words", _match_words)
    return frozenset(chain.from_iterable(words[token.left_edge.i:token.right_edge.i + 1]))


def _match_words(doc: Doc) -> list[tuple[str, ...]]:
    return [(lemma(t),) if (whole := hyphenated(t)) is None else (lemma(t), whole) for t in doc]


def verb_entry(verb: Token, lexicon: Lexicon) -> tuple[LexEntry, Token | None] | None:
    """The row a verb matches, as the coder matches its triggers ('attacked' in a reported clause)."""
    return best_entry(verb, lexicon.candidates("verb", lemma(verb)), lexicon.compounds)


def _has_particle(token: Token, particle: str) -> bool:
    """'ruled out', 'stepped down', 'called on Saturday for restraint': the parser labels particles prt, prep
    or advmod. A preposition of time is none: 'called Obama on Tuesday'."""
    return any(c.lower_ == particle and (c.dep_ in ("prt", "prep") or c.i == token.i + 1) and not _of_time(c)
               for c in token.children)


def _of_time(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _object_with_lemma(token: Token, lemma: str, compounds: frozenset[str], particles: frozenset[str], *,
                       complement: bool = False) -> Token | None:
    if complement:
        found = next((c for c in token.children if c.dep_ == "xcomp" and
                      _lemma_in(c, lemma, compounds, measure=False)), None)
        if found is not None:
            return found
    if lemma in (ANY_OBJECT, PERSON_OBJECT):
        return _open_object(token, lemma)
    for child in _objects(token):
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "ccomp") and _lemma_in(child, lemma, compounds):
            return child
        if child.dep_ == "dobj":  # "held 20,000 civilians as human shields", the parser hanging "as" on the object
            found = next((pobj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "as"
                          for pobj in prep.children
                          if pobj.dep_ == "pobj" and _lemma_in(pobj, lemma, compounds, measure=False)),
                         None)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ not in particles:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _lemma_in(pobj, lemma, compounds, measure=False):
                    return pobj
    return None


def _open_object(token: Token, wanted: str) -> Token | None:
    """Any direct object (``*``), or one naming a person (``@person``: "called Obama", not "called a meeting")."""
    if wanted == PERSON_OBJECT:
        return next((c for c in _objects(token) if c.dep_ == "dobj" and c.ent_type_ == "PERSON"), None)
    # an object across a comma is a misattached apposition ("return to Geneva ..., an issue likely to")
    return next((c for c in _objects(token) if c.dep_ in ("dobj", "nsubjpass") and
                 not any(t.text == "," for t in token.doc[min(c.i, token.i):max(c.i, token.i)])), None)


def _objects(token: Token) -> list[Token]:
    """The verb's dependents, less a direct object that a predicate says something of: in "called the
    decision a mistake" or "declared the vote void" the decision and the vote are not acted on."""
    naming = any(c.dep_ == "oprd" for c in token.children)
    return [c for c in token.children if not (naming and c.dep_ == "dobj")]


def _lemma_in(token: Token, wanted: str, compounds: frozenset[str], *, measure: bool = True) -> bool:
    """The word, a word coordinated with it, its compound modifier ('aid deliveries', 'mediation efforts'),
    or, for a direct object, what a measure counts ('700 kg of medicine', 'a shipment of weapons')."""
    return lemma(token) == wanted or hyphenated(token) == wanted or \
        any(lemma(c) == wanted for c in token.conjuncts) or \
        any(lemma(c) == wanted and f"{wanted} {lemma(token)}" not in compounds
            for c in token.children if c.dep_ == "compound") or \
        (measure and any(lemma(pobj) == wanted for prep in token.children if prep.dep_ == "prep" and
                         prep.lower_ == "of" for pobj in prep.children if pobj.dep_ == "pobj"))
