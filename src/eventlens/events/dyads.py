"""Who did it to whom: source and target actors from the dependency parse.

Rules, each named so that ``explain`` can say which one fired:

* ``subject``        the verb's nominal subject (coordinated subjects give several sources);
* ``control``        a verb without subject inherits it through xcomp/advcl/conj
                     ("Iran agreed to allow ..." -> Iran allows);
* ``passive``        "was attacked by X": X is the source, the subject the target;
* ``object``         direct object, dative, or the lexicon's target preposition;
* ``relative``       "with which it fought": the relative pronoun's antecedent;
* ``between``        "talks between X and Y": a reciprocal pair;
* ``possessor``      "Obama's decision": the possessor is the source of a nominal event;
* ``governor``       a nominal event takes the subject of the verb that governs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventlens.actors.resolve import mention_at, phrase_actor
from eventlens.events.lexicon import LexEntry, Lexicon, lemma
from eventlens.events.matching import verb_entry
from eventlens.events.ontology import PROTEST_ROOT, VIOLENT_ROOTS
from eventlens.records import ActorMention

_TARGET_PREPS = ("against", "with", "on", "to", "at", "upon", "into", "for", "from", "over")
_CHAIN_DEPS = ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acl", "relcl", "acomp")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that", "whose"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_OWNER_PREPS = ("of", "for")
_MEMBERSHIP_PREPS = frozenset({"of", "with", "including"})
#: Prepositions by which a purpose names whom it is aimed at ("to protest against", "to put pressure on")
_PURPOSE_TARGET_PREPS = ("against", "on", "at", "with")
#: "US-led", "Hamas-organised": the participles whose modifier did the thing they describe ("a UN-brokered
#: deal" is not the UN's deal)
_LEADING = frozenset({"lead", "organize", "organise", "command"})
#: What a reduced passive can hang on: a noun, a name, or a number or pronoun ("one of its gunboats, disputed by")
_NOMINAL_POS = ("NOUN", "PROPN", "NUM", "PRON")
#: "a stronghold on the Thai border": a country's edge says where, not whom (either side may be meant)
_EDGES = frozenset({"border", "frontier", "boundary"})
#: Verbs that make public a decision of their subject's own
_ANNOUNCING = frozenset({"announce", "unveil", "approve", "pledge"})
_GERUND_PREPS = frozenset({"by", "after", "before", "while", "without", "through", "upon"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "across", "around", "throughout"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: How a nominal event names its own doer: "demands from UNITA", "an appeal by Gbagbo".
_OWN_PARTY_PREPS = ("by", "from")
_MAX_NOUN_HOPS = 2
_MOBILIZE_ROOT = "15"
#: Statements, appeals, demands, disapproval, rejection, threats, protest: roots whose verbs react to an event.
_REACTION_ROOTS = ("01", "02", "10", "11", "12", "13", "14")
_REQUEST_ROOTS = ("02", "10")
_THREAT_VERBS = frozenset({"threaten", "warn", "vow", "swear"})
#: CAMEO roots and codes of events that coordinated parties do with each other (intent to cooperate,
#: consult, material cooperation; normalising ties, signing), and the fighting words that are mutual.
_MUTUAL_ROOTS = ("03", "04", "06")
_MUTUAL_CODES = ("050", "057", "0871")
#: Telephone calls and negotiations; and, of plain consultations (040), those the lexicon words as talks.
_CONVERSATION_CODES = ("041", "046")
_CONSULT = "040"
_CONVERSATIONS = frozenset({"talk", "discussion", "consultation", "dialogue", "conversation"})
_MUTUAL_FIGHTS = frozenset({"clash", "fight", "battle", "skirmish", "fighting", "war", "firefight", "gunfight"})


@dataclass(frozen=True, slots=True)
class Scope:
    """What dyad rules read: the article's actors and the lexicon (to tell event nouns)."""

    actors: Sequence[ActorMention]
    lexicon: Lexicon

    def is_event_noun(self, token: Token) -> bool:
        """True for nouns the lexicon codes ('sanctions', 'talks'): never an actor's phrase."""
        return bool(self.lexicon.candidates("noun", lemma(token)))


@dataclass(frozen=True, slots=True)
class Dyad:
    """Sources and targets for one trigger, with the rules that found them."""

    sources: tuple[ActorMention, ...]
    targets: tuple[ActorMention, ...]
    source_rule: str
    target_rule: str
    reciprocal: bool = False
    #: A conversation: once held, it is also the targets' with the sources (not when only offered or planned)
    mutual: bool = False


def verb_dyad(verb: Token, entry: LexEntry, obj: Token | None, scope: Scope) -> Dyad:
    """Source and target of a verbal event."""
    agent = _agent(verb)
    if agent is not None:
        return _passive(verb, agent, entry, obj, scope)
    if reduced_passive(verb):
        return Dyad(sources=_agent_in(verb, scope), targets=_actors(verb.head, scope),
                    source_rule="participle", target_rule="passive")
    if entry.source_prep:
        return _received(verb, entry.source_prep, obj, scope)
    sources, source_rule = _subject_actors(verb, scope)
    undergoer = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if undergoer is not None:
        # "three soldiers were killed": no one is named as doing it, the subject had it done to them;
        # "killed in an Israeli air strike" names the doer through its weapon
        doers = _agent_in(verb, scope)
        source_rule = "agent-event" if doers else source_rule
        if obj is not None and obj.i == undergoer.i and entry.prep:
            # "a mortar bomb was fired at it": what was fired is the row's object; whom it was fired at
            # is the target, as in the active voice
            aimed_at = _prep_objects(verb, (entry.prep,), scope)
            if aimed_at:
                return Dyad(sources=doers, targets=aimed_at, source_rule=source_rule,
                            target_rule=f"prep-{entry.prep}")
        return Dyad(sources=doers, targets=_actors(undergoer, scope), source_rule=source_rule,
                    target_rule="passive")
    if source_rule == "root-subject" and obj is None:
        obj = _modified_name(verb)  # "Yeltsin on Saturday hosted Japanese Prime Minister ...": whom it modifies
    targets, target_rule = _verb_targets(verb, entry, obj, scope, sources[0] if sources else None)
    return _settled(entry, sources, targets, source_rule, target_rule)


def reduced_passive(verb: Token) -> bool:
    """'men sought in the slaying', 'soldiers killed in Ukraine': a participle whose noun had it done to it.

    A subjectless past-form acl is a reduced passive relative whichever of
    VBN or VBD the tagger guessed. A sentence rooted in a noun means the
    parser missed the main verb ("A newspaper called on ..."), so its acl
    is no participle.
    """
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in _NOMINAL_POS and \
        verb.sent.root.pos_ in ("VERB", "AUX") and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _passive(verb: Token, agent: Token, entry: LexEntry, obj: Token | None, scope: Scope) -> Dyad:
    """'was attacked by X': X did it to the subject."""
    sources = _actors(agent, scope)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    targets = _actors(subject, scope) if subject is not None else ()
    if not targets and subject is not None:
        # "Sanctions against Iran were imposed by the US": the row's object names whom it is against;
        # "a camp for Congolese refugees was attacked": what was attacked is theirs
        preps = (*_preps_for(entry), *_OWNER_PREPS) if obj is not None and obj.i == subject.i else _OWNER_PREPS
        owners = _prep_objects(subject, preps, scope)
        if owners:
            return Dyad(sources=sources, targets=owners, source_rule="passive", target_rule="passive-object-prep")
    return Dyad(sources=sources, targets=targets, source_rule="passive", target_rule="passive")


def _settled(entry: LexEntry, sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...],
             source_rule: str, target_rule: str) -> Dyad:
    """The dyad, made reciprocal where the event is mutual.

    "Jordan and Britain agreed" is a pair of events between them. A
    conversation is mutual even when the parse names one side as its target:
    "X held talks with Y" and "X telephoned Y" are also Y's talks and call
    (PLOVER and PETRARCH-2 code both directions), while "X met Y" and "X
    visited Y" stay one-way. Parties of one country keep the parse's direction,
    and the coder turns the pair round only for a conversation that was held.
    """
    if not targets and len(sources) > 1 and _mutual(entry):
        return Dyad(sources=sources, targets=(), source_rule=source_rule, target_rule="reciprocal",
                    reciprocal=True)
    if sources and targets and _conversation(entry):
        return Dyad(sources=sources, targets=targets, source_rule=source_rule, target_rule=target_rule,
                    mutual=True)
    return Dyad(sources=sources, targets=targets, source_rule=source_rule, target_rule=target_rule)


def _conversation(entry: LexEntry) -> bool:
    """Talks, negotiations and calls, which both sides hold whoever the sentence puts first."""
    return entry.cameo[:3] in _CONVERSATION_CODES or \
        (entry.cameo == _CONSULT and (entry.lemma in _CONVERSATIONS or entry.object in _CONVERSATIONS))


def _mutual(entry: LexEntry) -> bool:
    """Whether 'X and Y <did it>' means they did it to each other: agreeing, meeting, cooperating, fighting.

    "Jordan and Britain agreed" is a pair of events between them; "US and
    British activists staged a protest" is two protests against someone else.
    """
    return entry.cameo[:2] in _MUTUAL_ROOTS or entry.cameo[:3] in _MUTUAL_CODES or entry.lemma in _MUTUAL_FIGHTS


def _received(verb: Token, prep: str, obj: Token | None, scope: Scope) -> Dyad:
    """'Georgian demonstrators received weapons from the government': the giver acts on the receiver."""
    givers = _prep_objects(verb, (prep,), scope) or (_prep_objects(obj, (prep,), scope) if obj is not None else ())
    receivers, rule = _subject_actors(verb, scope)
    return Dyad(sources=givers, targets=receivers, source_rule=f"prep-{prep}" if givers else "no-giver",
                target_rule=f"recipient-{rule}")


def _agent_in(verb: Token, scope: Scope) -> tuple[ActorMention, ...]:
    """'killed in an Israeli air strike', 'wounded by US drone attacks': the owner of the event that did it."""
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "by" and not scope.is_event_noun(pobj):
                found = _actors(pobj, scope)
                if found:
                    return found
            if scope.is_event_noun(pobj):
                owner = _modifier_actor(pobj, scope)
                if owner is not None:
                    return (owner,)
            elif prep.lower_ == "in" and _split_event(pobj, verb, scope):
                found = _actors(pobj, scope)
                if found:
                    return found
    return ()


def _split_event(pobj: Token, verb: Token, scope: Scope) -> bool:
    """'killed in Israeli tank shelling', parsed as 'in Israeli tank' plus a clause 'shelling'.

    The parser splits an -ing event noun off the phrase that owns it; the
    word right after the phrase, hung on the same verb, is that event.
    """
    after = pobj.i + 1
    if after >= len(pobj.doc) or pobj.right_edge.i != pobj.i:
        return False
    word = pobj.doc[after]
    return word.tag_ == "VBG" and word.head.i == verb.i and \
        any(e.cameo.startswith(VIOLENT_ROOTS) for e in scope.lexicon.candidates("verb", lemma(word)))


def demand_dyad(statement: Token, clause: Token, scope: Scope) -> Dyad:
    """'Russia said Sudan must return the helicopter': the speaker demands, of the clause's subject."""
    sources, source_rule = _subject_actors(statement, scope)
    exclude = _identity(sources[0]) if sources else None
    subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
    targets = _actors(subject, scope, exclude) if subject is not None else ()
    return Dyad(sources=sources, targets=targets, source_rule=source_rule, target_rule="demanded-of")


def noun_dyad(noun: Token, entry: LexEntry, scope: Scope) -> Dyad:
    """Source and target of a nominal event ('sanctions against Iran', 'talks between X and Y')."""
    between = _prep_objects(noun, ("between", "among"), scope)
    if len(between) > 1:
        return Dyad(sources=between, targets=(), source_rule="between", target_rule="reciprocal",
                    reciprocal=True)
    targets = _prep_objects(noun, _preps_for(entry), scope)
    target_rule = "prep-target" if targets else "none"
    if not targets:
        targets = _clause_of_noun(noun, scope)
        target_rule = "clause-subject" if targets else target_rule
    sources, source_rule = _noun_sources(noun, entry, scope)
    if source_rule == "governor" and _undergone(noun):
        # "a prisoner died as a result of torture": the subject suffered it, someone unnamed did it
        if not targets:
            targets, target_rule = sources, "undergoer"
        sources, source_rule = (), "undergoer"
    if source_rule == "modifier-target":
        if not targets:
            targets, target_rule = sources, "modifier-target"
        sources, source_rule = _governor_subject(noun, scope)
    targets = tuple(t for t in targets if t not in sources)
    if not targets and source_rule == "governor":
        targets = _governor_object(noun, scope, sources)
        target_rule = "governor-object" if targets else target_rule
    if not targets and source_rule == "governor" and noun.dep_ == "dobj":
        # "started a hunger strike yesterday to protest President Assad's failure": the purpose of the
        # act the noun names hangs on the verb that governs it
        targets = _protested(noun.head, entry, scope, sources[0] if sources else None) or \
            _purpose_object(noun.head, scope, None)
        target_rule = "governor-purpose" if targets else target_rule
    if not targets and source_rule == "prep-source":
        # "the government conceded to demands from UNITA": the demands were made of the government
        targets, _ = _governor_subject(noun, scope)
        target_rule = "governor" if targets else "none"
    return _settled(entry, sources, targets, source_rule, target_rule)


#: Verbs whose subject suffers the event they govern: 'died of torture', 'suffered an attack'.
_UNDERGOING = frozenset({"die", "suffer", "succumb", "undergo", "endure", "sustain"})


def _undergone(noun: Token) -> bool:
    verb, _ = _governor(noun)
    return verb is not None and lemma(verb) in _UNDERGOING


def _clause_of_noun(noun: Token, scope: Scope) -> tuple[ActorMention, ...]:
    """'its demand that Israel ease restrictions', 'a warning that Iran would pay': whom the clause is about."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")]
    if noun.dep_ == "dobj":  # "reiterated its demand today that Israel ease ...": the clause hangs on the verb
        clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
    for clause in (c for c in clauses if c.pos_ in ("VERB", "AUX")):
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children) or clause.dep_ != "relcl":
            subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None and subject.pos_ != "PRON":
                found = _actors(subject, scope)
                if found:
                    return found
    return ()


def _preps_for(entry: LexEntry) -> tuple[str, ...]:
    """The lexicon's target preposition first, then the usual ones."""
    return (entry.prep, *_TARGET_PREPS) if entry.prep else _TARGET_PREPS


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _actors(token: Token | None, scope: Scope, exclude: str | None = None,
            ) -> tuple[ActorMention, ...]:
    """The actors of a phrase and of the phrases coordinated with it."""
    if token is None:
        return ()
    found: list[ActorMention] = []
    for member in conjuncts(token):
        plural = _plural_antecedents(member, scope)
        if plural:
            found.extend(m for m in plural if m not in found)
            continue
        if member.lower_ in RELATIVE_PRONOUNS:
            resolved = _resolve_relative(member, scope)
        else:
            resolved = phrase_actor(member, scope.actors, exclude)
            counted = _counted(member, scope) if resolved is None or _unplaced(resolved) else None
            members = _actors(counted, scope, exclude) if counted is not None else ()
            if counted is not None and (members or resolved is None):
                # "scores of Sierra Leonean and Liberian refugees": every party the partitive counts
                found.extend(m for m in members if m not in found)
                continue
        if resolved is not None and resolved not in found:
            found.append(resolved)
        found.extend(m for m in _coordinated_modifiers(member, scope) if m not in found)
    return tuple(found)


def _plural_antecedents(pronoun: Token, scope: Scope) -> list[ActorMention]:
    """'Obama and Putin said they will attack Iraq': 'they' is each party of a coordinated subject before it."""
    if pronoun.lower_ not in _PLURAL_PRONOUNS:
        return []
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        if token.dep_ in _SUBJECT_DEPS and any(c.dep_ == "conj" for c in token.children):
            members = [mention_at(scope.actors, m) for m in conjuncts(token)]
            if len(members) > 1 and all(m is not None and m.country for m in members):
                return [m for m in members if m is not None]
    return []


def _coordinated_modifiers(token: Token, scope: Scope) -> list[ActorMention]:
    """'Hungarian and Romanian officials', 'the Turkish and Greek sides': one actor per coordinated modifier."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in child.children):
            members = [mention_at(scope.actors, m) for m in conjuncts(child)]
            if len(members) > 1 and all(m is not None and m.country for m in members):
                return [m for m in members if m is not None and m.country != _own_country(token, scope)]
    return []


def _counted(token: Token, scope: Scope) -> Token | None:
    """'Thousands of Iraqi Kurds', 'leaders of the opposition coalition', 'rebels with the Revolutionary Armed
    Forces of Colombia', 'critics, including the European Commission': the phrase a partitive counts, the body
    its members serve, or the members it names, whose actor the phrase is.

    Not through an event noun: "the release of prisoners" is an event, not prisoners.
    """
    if token.pos_ not in ("NOUN", "NUM", "PRON") or scope.is_event_noun(token):
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in _MEMBERSHIP_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _unplaced(mention: ActorMention) -> bool:
    """A group the actors stage could not place ('fighters', 'leaders'): its partitive or body may name whom."""
    return mention.kind == "group" and mention.country is None and mention.entity is None


def _own_country(token: Token, scope: Scope) -> str | None:
    """The country of the phrase's own mention ('US and British activists' is a US group), if any."""
    own = mention_at(scope.actors, token)
    return own.country if own is not None else None


def conjuncts(token: Token) -> list[Token]:
    """The token and every phrase coordinated with it ('Israel and Lebanon')."""
    members = [token]
    for child in token.children:
        if child.dep_ == "conj":
            members.extend(conjuncts(child))
    return members


def _resolve_relative(pronoun: Token, scope: Scope) -> ActorMention | None:
    """'Georgia, with which it fought': the noun the relative clause hangs on."""
    node = pronoun
    while node.head.i != node.i and node.dep_ != "relcl":
        node = node.head
    if node.dep_ != "relcl":
        return None
    # The antecedent is the noun right before the clause ("Georgia, with which ..."); the parser
    # often hangs the clause on a noun further left, so that is only the fallback.
    i = node.left_edge.i - 1
    while i >= 0 and node.doc[i].is_punct:
        i -= 1
    found = phrase_actor(node.doc[i], scope.actors) if i >= 0 else None
    return found if found is not None else phrase_actor(node.head, scope.actors)


#: Verbs whose passive says its subject took part in what they govern: 'were engaged in fighting'.
_TAKING_PART = frozenset({"engage", "involve"})


def _subject_actors(verb: Token, scope: Scope) -> tuple[tuple[ActorMention, ...], str]:
    node, rule, came_by = verb, "subject", ""
    for _ in range(4):
        undergoer = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if undergoer is not None:
            return _passive_subject(node, undergoer, came_by, scope)
        subject = _subject(node, scope) or _stranded_subject(node)
        if subject is not None:
            found = _actors(subject, scope)
            owner = _modifier_actor(subject, scope) if not found and scope.is_event_noun(subject) else None
            if owner is not None:
                return (owner,), "event-owner"  # "US Predator attacks have killed ...": the attacks' owner
            return (found, rule) if found else ((), f"{rule}-unresolved")
        if node.dep_ in ("acl",) and node.head.pos_ in ("NOUN", "PROPN"):
            return _noun_owner(node.head, scope)
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and _climbable(node.head):
            node = node.head  # "resorted to throwing stones", "committed to opening up", "guilty of violating"
        if (node.dep_ not in _CHAIN_DEPS and not (node.dep_ == "prep" and _climbable(node))) or \
                node.head.i == node.i:
            break
        node, rule, came_by = node.head, "control", node.dep_
    return _root_subject(verb, scope)


def _passive_subject(verb: Token, undergoer: Token, came_by: str,
                     scope: Scope) -> tuple[tuple[ActorMention, ...], str]:
    """The subject of a passive is what the event was done to, except where the passive only raises it."""
    if came_by == "xcomp":
        # "Obama is scheduled to attend", "Iran was asked to stop": the passive's subject does the act
        rule = "raised"
    elif lemma(verb) in _TAKING_PART and any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
        # "Serb forces were engaged in ethnic cleansing": a passive in form only, whose subject acts
        rule = "taking-part"
    else:
        return (), "passive-no-agent"
    found = _actors(undergoer, scope)
    return (found, rule) if found else ((), f"{rule}-unresolved")


def _climbable(prep: Token) -> bool:
    """A preposition through which a verb's subject reaches what it governs: 'resorted to', one hung on a
    predicate adjective ('is guilty of violating', 'is responsible for the killings'), and one whose
    gerund tells how or when the subject acted ('continues its efforts by donating supplies')."""
    return prep.lower_ == "to" or (prep.head.pos_ == "ADJ" and prep.head.dep_ == "acomp") or \
        (prep.lower_ in _GERUND_PREPS and prep.head.pos_ == "VERB")


def _subject(verb: Token, scope: Scope) -> Token | None:
    """The verb's subject; of two (the parser split "Qatar's emir, Sheikh Hamad, launched"), the one naming
    someone the table or the text gives a country."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:
        return next((s for s in subjects if any(a.country for a in _actors(s, scope))), subjects[0])
    return subjects[0] if subjects else None


def _root_subject(verb: Token, scope: Scope) -> tuple[tuple[ActorMention, ...], str]:
    """'Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister ...': a past-tense
    verb the parser took for an adjective, in a sentence it rooted in the name before it."""
    root = verb.sent.root
    if verb.dep_ == "amod" and verb.tag_ == "VBD" and root.pos_ == "PROPN" and root.i < verb.i:
        found = _actors(root, scope)
        if found:
            return found, "root-subject"
    return (), "no-subject"


def _modified_name(verb: Token) -> Token:
    """The head of the name a verb tagged as its adjective stands before."""
    node = verb.head
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    return node


def _stranded_subject(verb: Token) -> Token | None:
    """'... against Tehran and Moscow has ruled out': a subject the parser attached elsewhere.

    When a finite verb has no subject but a noun stands right before its
    auxiliaries, that noun is its subject; the parse hung it on a coordination.
    """
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in ("aux", "neg", "advmod") and verb.doc[i].head.i == verb.i:
        i -= 1
    if i < 0 or i == verb.i - 1:
        return None
    candidate = verb.doc[i]
    if candidate.pos_ in ("PROPN", "NOUN") and candidate.head.i != verb.i and candidate.dep_ == "conj":
        return candidate
    return None


def _noun_owner(noun: Token, scope: Scope) -> tuple[tuple[ActorMention, ...], str]:
    """'a US push to impose', 'Obama's decision to scrap': the noun's own actor."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found = _actors(child, scope)
            if found and found[0].country:
                return found, "possessor"
    return _governor_subject(noun, scope)


def _verb_targets(verb: Token, entry: LexEntry, obj: Token | None, scope: Scope,
                  source: ActorMention | None) -> tuple[tuple[ActorMention, ...], str]:
    """The first target rule that names an actor other than ``source``, in order of how directly the
    parse says it."""
    exclude = _identity(source) if source is not None else None
    own_object = direct_object(verb)
    # "held refugees as human shields": a row's object met in a phrase leaves the verb's own object the target
    direct = obj if obj is not None and (obj.dep_ != "pobj" or own_object is None) else own_object
    if direct is not None and obj is None and scope.lexicon.is_topic_verb(lemma(verb)):
        direct = None  # "discuss Iran": Iran is what they talk about, not whom they talk to
    dative = next((c for c in verb.children if c.dep_ == "dative"), None)
    if dative is not None and dative.pos_ == "ADP":
        # "granted asylum to five officers": the parser marks the preposition, not its object, as dative
        dative = next((c for c in dative.children if c.dep_ == "pobj"), None)
    if dative is not None and direct is not None and dative.i == direct.i:
        dative = None
    rules: list[tuple[str, Callable[[], tuple[ActorMention, ...]]]] = [
        # "mobilized reservists for a possible war against Iraq": whom the readiness is against
        ("readied-for", lambda: _readied_for(verb, entry, scope, exclude)),
        # "launched artillery against X": a row's own object is what was used, its preposition the target
        ("object", lambda: _actors(direct, scope, exclude) if not (obj is not None and entry.prep) else ()),
        # "rejected an offer from Afghanistan", "rejected calls by Belarus"
        # "demanded the withdrawal of Serbian forces": what is demanded is asked of whom it names
        # "demanded the withdrawal of Serbian forces from Bosnia": asked of the forces, not of Bosnia
        ("object-prep", lambda: _prep_objects(direct, (*_asked_of(entry), *_preps_for(entry), "by"), scope)
         if direct else ()),
        # "attacked a camp for Congolese refugees", "set fire to the offices of the administrators"
        ("object-owner", lambda: _prep_objects(direct, _OWNER_PREPS, scope, exclude) if direct else ()),
        # "won Moscow's support", "rejected the Senegalese plan"
        ("object-modifier", lambda: _other_modifier(direct, scope, exclude) if direct else ()),
        ("dative", lambda: _actors(dative, scope, exclude)),
        (f"prep-{entry.prep or 'any'}", lambda: _prep_objects(verb, _preps_for(entry), scope, exclude)),
        ("clause-subject", lambda: _clause_subject(verb, scope, exclude)),
        ("embedded", lambda: _embedded_target(verb, scope, exclude)),
        ("condition-subject", lambda: _condition_subject(verb, scope, exclude)),
        ("protested", lambda: _protested(verb, entry, scope, source)),
        ("purpose", lambda: _purpose_object(verb, scope, exclude)),
        # "offered its troops to President Hrawi to help him": what is offered is for whom it is offered to
        ("governor-to", lambda: _prep_objects(verb.head, ("to",), scope, exclude) if _purpose(verb) else ()),
    ]
    for name, rule in rules:
        found = rule()
        if found:
            return found, name
    return (), "none"


def _readied_for(verb: Token, entry: LexEntry, scope: Scope, exclude: str | None) -> tuple[ActorMention, ...]:
    """A mobilization (CAMEO 15) is aimed at whom the conflict it readies for names; its object is one's own
    forces."""
    if not entry.cameo.startswith(_MOBILIZE_ROOT):
        return ()
    return tuple(found for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "for"
                 for pobj in prep.children if pobj.dep_ == "pobj" and scope.is_event_noun(pobj)
                 for found in _prep_objects(pobj, ("against", "on", "with"), scope, exclude))


def _asked_of(entry: LexEntry) -> tuple[str, ...]:
    return ("of",) if entry.cameo[:2] in _REQUEST_ROOTS else ()


def _clause_subject(verb: Token, scope: Scope, exclude: str | None) -> tuple[ActorMention, ...]:
    """'demanded that the US cancel the sale': who is asked, accused or warned is the clause's subject.

    So is the subject of a 'for' clause: 'pushing hard for the US to support the plan'.
    """
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
            subject = next((c for c in child.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
            found = _actors(subject, scope, exclude)
            if found:
                return found
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            # "warned the world would not wait forever for Iran to prove ...": the first clause
            # subject that is an actor, then whom the clause is about
            for clause in (child, *(c for c in child.children if c.dep_ in ("advcl", "xcomp", "ccomp"))):
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.pos_ != "PRON":
                    found = _actors(subject, scope, exclude)
                    if found:
                        return found
            return _prep_objects(child, ("for", "against", "on", "with", "to"), scope, exclude)
    return ()


def _condition_subject(verb: Token, scope: Scope, exclude: str | None) -> tuple[ActorMention, ...]:
    """'threatened to launch an offensive unless Baghdad accepted': whom the ultimatum is put to.

    An 'unless' clause always names them; an 'if' clause only under a threat or warning. The parser may
    hang the condition on a word further down ("threatened to stop negotiations to reduce weapons if
    the United States goes ahead").
    """
    node, threat = verb, False
    for _ in range(4):
        threat = threat or lemma(node) in _THREAT_VERBS
        for clause in (c for c in node.subtree if c.dep_ == "advcl"):
            marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
            subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is None or subject.pos_ == "PRON" or not ("unless" in marks or ("if" in marks and threat)):
                continue
            found = _actors(subject, scope, exclude)
            if found:
                return found
        if node.dep_ not in ("xcomp", "advcl", "ccomp") or node.head.i == node.i:
            break
        node = node.head
    return ()


#: A protest at home is aimed at the state: its government, forces, courts or parliament.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _protested(verb: Token, entry: LexEntry, scope: Scope,
               source: ActorMention | None) -> tuple[ActorMention, ...]:
    """'blocked streets in Hong Kong in defiance of Chinese authorities', 'staged a hunger strike to demand
    reforms by Suharto's government': whom a protest is aimed at, named in why it was staged."""
    if not entry.cameo.startswith(PROTEST_ROOT):
        return ()
    for child in (*verb.children, *_stray_purposes(verb)):
        if child.dep_ in ("advcl", "xcomp", "prep") and child.i > verb.i:
            if child.lower_ in _LOCATIVE_PREPS and any(c.ent_type_ in _PLACE_ENTS for c in child.children):
                continue  # "blocked streets in Hong Kong": where it was staged, not whom it is against
            for token in child.subtree:
                found = phrase_actor(token, scope.actors)
                if found is not None and found.country and (source is None or (
                        _identity(found) != _identity(source) and
                        (found.country != source.country or found.sector in _STATE_SECTORS))):
                    return (found,)
    return ()


def _purpose_object(verb: Token, scope: Scope, exclude: str | None) -> tuple[ActorMention, ...]:
    """'opened fire to disperse demonstrators', 'send material to help defend Saudi Arabia', 'began a hunger
    strike to protest against Sweden's decision': the act is aimed at whom its purpose names."""
    for clause in purpose_clauses(verb):
        for node in controlled(clause):
            found = _actors(direct_object(node), scope, exclude) or \
                _prep_objects(node, _PURPOSE_TARGET_PREPS, scope, exclude)
            if found:
                return found
    return ()


def purpose_clauses(verb: Token) -> list[Token]:
    """An act's subjectless infinitive clauses: 'opened fire to disperse ...', 'send material to help ...'."""
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and _purpose(c)]
    return [*clauses, *_stray_purposes(verb)]


def controlled(clause: Token) -> list[Token]:
    """The clause's verb and the verbs it controls in turn: 'help defend'."""
    found: list[Token] = []
    node: Token | None = clause
    while node is not None:
        found.append(node)
        node = next((c for c in node.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    return found


def _purpose(clause: Token) -> bool:
    """An infinitive clause with no subject of its own: 'to disperse demonstrators'."""
    return clause.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and \
        not any(c.dep_ in _SUBJECT_DEPS for c in clause.children)


def _stray_purposes(verb: Token) -> list[Token]:
    """'began a hunger strike to demand', 'blocked roads leading to the centre to press demands', 'send
    material to help': a purpose the parser hung on the object or on the object's own clause."""
    obj = direct_object(verb)
    if obj is None:
        return []
    holders = [obj, *(c for c in obj.children if c.dep_ == "acl")]
    # "material to help": an infinitive relative on the object is a purpose too
    return [clause for holder in holders for clause in holder.children
            if clause.dep_ in ("advcl", "relcl") and _purpose(clause)]


def direct_object(verb: Token) -> Token | None:
    """The verb's object; a noun the parser made a clausal complement counts ('seeks Russia support')."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj", "attr") or \
                (child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN")):
            return child
    return None


def _embedded_target(verb: Token, scope: Scope, exclude: str | None) -> tuple[ActorMention, ...]:
    """'ruled out imposing sanctions against X': the target of the refused action."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "dobj") and child.pos_ == "VERB":
            for grand in child.children:
                if grand.dep_ == "dobj":
                    # "reject proposed Israeli changes" (parsed as an infinitive): whose changes they are
                    inner = _prep_objects(grand, _TARGET_PREPS, scope, exclude) or \
                        _other_modifier(grand, scope, exclude)
                    if inner:
                        return inner
            inner = _prep_objects(child, _TARGET_PREPS, scope, exclude)
            if inner:
                return inner
    return ()


def _identity(actor: ActorMention) -> str:
    """What ``exclude`` compares: the entity, or the name of an actor the knowledge base does not know."""
    return actor.entity or actor.name


def _other_modifier(noun: Token, scope: Scope, exclude: str | None) -> tuple[ActorMention, ...]:
    """'rejected the Senegalese plan': the noun's modifier actor, unless it is the source ('its borders')."""
    found = _modifier_actor(noun, scope)
    return (found,) if found is not None and _identity(found) != exclude else ()


def _modifier_actor(noun: Token, scope: Scope) -> ActorMention | None:
    """'Moscow's support', 'Russia support', 'the US-led war': the actor that modifies an object noun."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found = phrase_actor(child, scope.actors)
            if found is None and child.dep_ == "amod" and lemma(child) in _LEADING:
                leader = next((c for c in child.children if c.dep_ in ("npadvmod", "compound")), None)
                found = phrase_actor(leader, scope.actors) if leader is not None else None
            if found is not None and found.country:
                return found
    return None


def _prep_objects(head: Token, preps: Sequence[str], scope: Scope,
                  exclude: str | None = None) -> tuple[ActorMention, ...]:
    found: list[ActorMention] = []
    children = sorted((c for c in head.children if c.dep_ == "prep" and c.lower_ in preps),
                      key=lambda c: preps.index(c.lower_))
    for child in children:
        for pobj in (c for c in child.children if c.dep_ == "pobj" and lemma(c) not in _EDGES):
            direct = _actors(pobj, scope, exclude)
            if not direct and not scope.is_event_noun(pobj):
                # "agree to tougher measures against Tehran": look through a plain noun, but not
                # through another event ("support for sanctions against Iran" is not support for Iran).
                direct = _prep_objects(pobj, ("against", "on", "to", "with", "of", "for"), scope, exclude)
            elif not direct:
                # "conceded to demands from UNITA": the other event's own party is the one answered
                direct = _prep_objects(pobj, _OWN_PARTY_PREPS, scope, exclude)
            found.extend(m for m in direct if m not in found)
        if found:
            break  # the first preposition that names an actor is the target
    return tuple(found)


def _noun_sources(noun: Token, entry: LexEntry, scope: Scope,
                  ) -> tuple[tuple[ActorMention, ...], str]:
    owner = _modifier_actor(noun, scope)
    if owner is not None:
        poss = any(c.dep_ == "poss" for c in noun.children)
        explicit_target = bool(_prep_objects(noun, _preps_for(entry), scope))
        # "Iran sanctions": a bare country modifying a sanction-like noun is who it is against;
        # with an explicit target ("UN sanctions on Iran") the modifier is the source.
        if not poss and not explicit_target and entry.prep in ("against", "on") and owner.kind == "country":
            return (owner,), "modifier-target"
        return (owner,), "possessor"
    # "demands from UNITA", "an appeal by Gbagbo"; but "a pullback from Lebanon" is from its target
    named = _prep_objects(noun, tuple(p for p in _OWN_PARTY_PREPS if p != entry.prep), scope)
    if named:
        return named, "prep-source"
    if any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "ORG") for c in noun.children):
        return (), "modifier-unresolved"  # "defended Iraq against Western criticism": the West's, not Arafat's
    return _governor_subject(noun, scope)


def _governor_subject(noun: Token, scope: Scope) -> tuple[tuple[ActorMention, ...], str]:
    """The subject of the verb that governs a nominal event, within a few hops.

    Not of a verb that only reacts to it: who "expressed sorrow for the shootings", "blamed Israel
    for the bombing" or "defended Iraq against criticism" did not shoot, bomb or criticise.
    """
    verb, rule = _governor(noun)
    if verb is None:
        return (), rule
    if _reacts_to(verb, noun, scope):
        return (), "reaction"
    if any(c.dep_ in ("nsubj", "nsubjpass") and noun in c.subtree for c in verb.children):
        return (), "own-subject"  # "solidarity with Uganda was not a matter of generosity": no one's
    found, rule = _subject_actors(verb, scope)
    return found, ("governor" if found else rule)


def _reacts_to(verb: Token, noun: Token, scope: Scope) -> bool:
    """Whether the noun is what a statement, appeal, demand, complaint, rejection, threat or protest is about.

    What an announcement measures out is its own decision, not its topic: "announced $33 million in
    assistance", "announced a package of aid".
    """
    preps = [node for node in noun.ancestors if node.dep_ == "prep" and node.i != verb.i and verb in node.ancestors]
    if not preps or (lemma(verb) in _ANNOUNCING and all(p.lower_ in ("in", "of") for p in preps)):
        return False
    match = verb_entry(verb, scope.lexicon)
    return match is not None and match[0].cameo.startswith(_REACTION_ROOTS)


def _governor_object(noun: Token, scope: Scope, sources: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """'engaged Filipino peacekeepers in a firefight': the governing verb's object is the nominal's target."""
    verb, _ = _governor(noun)
    obj = direct_object(verb) if verb is not None else None
    if obj is None or obj.i == noun.i or noun in obj.subtree:
        return ()
    return tuple(a for a in _actors(obj, scope) if a not in sources and a.country)


def _governor(noun: Token) -> tuple[Token | None, str]:
    """The verb that governs a nominal event, within a few hops, or why there is none."""
    node, hops = noun, 0
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ in ("pobj",):
            node = node.head
            continue
        if node.dep_ in ("prep", "dobj", "nsubj", "nsubjpass", "attr", "oprd", "acomp") or node.dep_ == "compound":
            node = node.head
            hops += node.pos_ in ("NOUN", "PROPN")
            if hops > _MAX_NOUN_HOPS:
                return None, "too-far"
            continue
        break
    if node.pos_ not in ("VERB", "AUX") or node.i == noun.i:
        return None, "no-governor"
    return node, "governor"
