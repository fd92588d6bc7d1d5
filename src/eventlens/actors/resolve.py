"""Actor mentions -> :class:`ActorMention`: who each name, title or group phrase refers to.

Candidates come from the knowledge base (a phrase matcher over every known
name, alias, demonym and capital) and from the parser's PERSON entities, so
a name the statistical NER mislabels ("Medvedev" as a place) is still found.
Surnames and titles are linked to the full person named elsewhere in the
same article; roles are the ones valid on the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from eventlens.actors.kb import IGO_CODE, Country, KnowledgeBase, Organisation, Person, Role
from eventlens.nlp import doc_text, entities, sentence_numbers, sentence_of, tokens
from eventlens.places.history import as_of
from eventlens.records import ActorMention, Place, Span

_KIND_ORDER = ("person", "organisation", "country", "metonym", "adjective")
_GROUP_DEPS = ("amod", "compound", "poss", "nmod")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
FORMER_SECTOR = "ELI"  # CAMEO codes former office holders as elites
#: Kinds of name matched in any case. A capital is left out: 'nice', 'male', 'lima' are words too.
_FOLDED_KINDS = frozenset({"country", "adjective"})
#: Parts of speech a name written in an unusual case must be tagged with: 'us', 'turkey' and
#: 'polish' are a pronoun, a bird and a verb far more often than a country.
_NAME_POS = frozenset({"PROPN", "ADJ"})
_FORMER = frozenset({"former", "retired", "ex", "ex-", "erstwhile", "onetime", "one-time"})


@dataclass(slots=True)
class ActorMatcher:
    """A phrase matcher over every knowledge-base phrase, built once per pipeline."""

    kb: KnowledgeBase
    matcher: PhraseMatcher
    #: country names and demonyms in any case: 'RUSSIA' in a headline, 'tunisian rioters'
    folded: PhraseMatcher

    @classmethod
    def build(cls, nlp: Language, kb: KnowledgeBase) -> ActorMatcher:
        """Compile all names, aliases, demonyms and capitals into one matcher."""
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in sorted(kb.phrases):
            pattern = nlp.make_doc(phrase)
            matcher.add(phrase, [pattern])
            if any(kind in _FOLDED_KINDS for kind, _ in kb.phrases[phrase]):
                folded.add(phrase, [pattern])
        return cls(kb=kb, matcher=matcher, folded=folded)


@dataclass(slots=True)
class _Context:
    doc: Doc
    kb: KnowledgeBase
    day: dt.date | None
    sentence_of: list[int]
    place_use: dict[int, str]
    places: Sequence[Place] = ()
    known: list[ActorMention] = field(default_factory=list)


def resolve_actors(doc: Doc, matcher: ActorMatcher, places: Sequence[Place],
                   published: dt.date | None) -> tuple[ActorMention, ...]:
    """Every actor mention in the document, resolved on the article's date."""
    ctx = _Context(doc=doc, kb=matcher.kb, day=published, sentence_of=sentence_numbers(doc),
                   place_use={p.span.start: p.use for p in places}, places=places)
    known = _kb_mentions(ctx, matcher)
    ctx.known = known
    people = _person_mentions(ctx, known)
    home = _home(doc, known + people, places)
    abroad = _abroad(doc, known + people, home, places)
    named = _at_home(doc, known + people, home, abroad)
    titles = _title_mentions(ctx, named)
    groups = _at_home(doc, _group_mentions(ctx, named), home, abroad)
    mentions = sorted(named + titles + groups, key=lambda m: (m.span.start, -m.span.end))
    return as_of(mentions, published)


def lone_surname(doc: Doc, matcher: ActorMatcher, day: dt.date | None) -> ActorMention | None:
    """A phrase that is only a known surname ('Trump', 'Museveni'): the person of that name
    in office on ``day``. Seen alone, the tagger may call it a verb or an adjective."""
    if len(doc) != 1 or not doc[0].is_title:
        return None
    people = matcher.kb.people_named(doc[0].text, day)
    if not people:
        return None
    ctx = _Context(doc=doc, kb=matcher.kb, day=day, sentence_of=sentence_numbers(doc), place_use={})
    return _person(ctx, doc[0:1], people[0], "kb-surname")


def _home(doc: Doc, mentions: list[ActorMention], places: Sequence[Place]) -> str | None:
    """The country the article is about, when one clearly dominates its countries and places.

    'A UK-based group' says where the group sits, which is not where the story is; 'pro-Russian'
    says whom someone sides with.
    """
    counts: Counter[str] = Counter(m.country for m in mentions if m.kind == "country" and m.country
                                   and not _elsewhere(doc, m.span))
    counts.update(p.country for p in places if p.country and not p.guessed and not _elsewhere(doc, p.span))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


#: A country word that says whom a group sides with, not whose it is:
#: 'pro-Russian rebels', 'anti-American protesters', 'the Syrian-backed Amal militia'.
_SIDING_BEFORE = re.compile(r"(?:\b(?:pro|anti)-)$", re.IGNORECASE)
_SIDING_AFTER = re.compile(r"-(?:backed|sponsored|supported|funded|armed|trained|allied|aligned|linked|inspired|"
                           r"friendly)\b", re.IGNORECASE)
_BASED = re.compile(r"-based\b", re.IGNORECASE)


def _siding(doc: Doc, start: int, end: int) -> bool:
    text = doc_text(doc)
    return bool(_SIDING_BEFORE.search(text[max(0, start - 5):start]) or _SIDING_AFTER.match(text, end))


def _elsewhere(doc: Doc, span: Span) -> bool:
    """A country named as one someone sides with or is based in, which says nothing of where the story is."""
    return _siding(doc, span.start, span.end) or bool(_BASED.match(doc_text(doc), span.end))


#: Sectors whose members, named with no country, belong where the story is set: an official,
#: the police, demonstrators, rebels, a journalist or a priest are local far more often than not.
#: Refugees, companies and aid groups cross borders by what they are, so they wait for words.
_DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "CVL", "LAB", "AGR", "EDU",
                               "MED", "REL", "HLH"})


#: The basis suffix of an actor given the article's home country because the text names none.
HOME_BASIS = "home-country"


def _abroad(doc: Doc, mentions: list[ActorMention], home: str | None, places: Sequence[Place]) -> set[int]:
    """The sentences that name a country other than the home country (not one someone only sides with)."""
    abroad = {m.sentence for m in mentions if m.country not in (None, home) and not _elsewhere(doc, m.span)}
    abroad.update(p.sentence for p in places if p.country not in (None, home) and not p.guessed
                  and not _elsewhere(doc, p.span))
    return abroad


def _at_home(doc: Doc, mentions: list[ActorMention], home: str | None, abroad: set[int]) -> list[ActorMention]:
    """'President Omar al-Bashir' or 'opposition leaders' with no country word: the home country.

    Only titled people and sector groups of a domestic sector with no country from the
    table or the text get it, and only when the article has a home (``_home``). A group
    gets it only when its own sentence names no other country: 'his lawyer' in a story
    of a Nigerian jailed by a Tunisian court could be either's. Nor does a group whose owner
    is a pronoun: 'its troops' are whoever 'its' is.
    """
    if home is None:
        return mentions
    return [replace(m, country=home, basis=f"{m.basis}+{HOME_BASIS}") if _homeless(doc, m, abroad) else m
            for m in mentions]


def _homeless(doc: Doc, mention: ActorMention, abroad: set[int]) -> bool:
    if mention.country is not None or mention.sector is None or mention.sector == FORMER_SECTOR:
        return False
    if mention.kind == "person":
        return True
    return (mention.kind == "group" and mention.entity is None and mention.sector in _DOMESTIC_SECTORS
            and mention.sentence not in abroad
            and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doc[mention.head].children))


def _mention(ctx: _Context, span: SpacySpan, *, name: str, kind: str, country: str | None,
             sector: str | None, role: str | None, entity: str | None, basis: str) -> ActorMention:
    return ActorMention(
        span=Span(start=span.start_char, end=span.end_char, text=span.text), name=name,
        kind=kind,  # type: ignore[arg-type]  # callers pass ActorKind literals
        country=country, sector=sector, role=role, entity=entity, basis=basis,
        sentence=ctx.sentence_of[span.start], head=span.root.i,
    )


# -- names the knowledge base knows --------------------------------------------------------

def _kb_mentions(ctx: _Context, matcher: ActorMatcher) -> list[ActorMention]:
    doc = ctx.doc
    spans = [SpacySpan(doc, start, end, label=match_id) for match_id, start, end in matcher.matcher(doc)]
    spans += [span for span in (SpacySpan(doc, start, end, label=match_id)
                                for match_id, start, end in matcher.folded(doc)) if _odd_case_name(span)]
    known = {i for span in spans for i in range(span.start, span.end)}
    mentions = []
    for span in filter_spans(spans):
        phrase = doc.vocab.strings[span.label]
        entries = ctx.kb.phrases[phrase]
        if _within_another_name(doc, span, known) and all(isinstance(t, Organisation) for _, t in entries):
            continue  # "the Nigeria Labour Congress" is not the US Congress
        mention = _kb_mention(ctx, span, entries)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _within_another_name(doc: Doc, span: SpacySpan, known: set[int]) -> bool:
    """Whether a known name is the end of a longer one: a name word the table does not know, and that is
    no country word, compounds with it ('Nigeria Labour Congress'; not 'US Congress', 'UN Security Council')."""
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.dep_ == "compound" and \
        span.start <= before.head.i < span.end and before.i not in known and before.ent_type_ not in ("GPE", "NORP")


def _odd_case_name(span: SpacySpan) -> bool:
    """A country name or demonym written in a case the table does not: 'RUSSIA', 'iSrael', 'tunisian'."""
    return span.text != span.doc.vocab.strings[span.label] and all(t.pos_ in _NAME_POS for t in span)


def _kb_mention(ctx: _Context, span: SpacySpan, entries: list[tuple[str, object]]) -> ActorMention | None:
    kind, target = min(entries, key=lambda e: _KIND_ORDER.index(e[0]))
    if isinstance(target, Person):
        return _person(ctx, span, target, "kb-name")
    if isinstance(target, Organisation):
        return _organisation(ctx, span, target)
    assert isinstance(target, Country)  # the knowledge base indexes nothing else
    return _country_mention(ctx, span, kind, target)


def _organisation(ctx: _Context, span: SpacySpan, org: Organisation) -> ActorMention | None:
    igo = org.kind == "igo"
    owner = _possessor_country(ctx, span)
    if owner and not igo and org.country and owner != org.country:
        return None  # "Chile's Defense Department" is not the Pentagon: the group rule codes it
    return _mention(ctx, span, name=org.name, kind="igo" if igo else "organisation",
                    country=(org.country or IGO_CODE) if igo else org.country, sector=org.sector_on(ctx.day),
                    role=None, entity=f"org:{org.id}", basis="kb-organisation")


def _possessor_country(ctx: _Context, span: SpacySpan) -> str | None:
    """The country of a possessive right before the name: 'Chile's Defense Department'.

    A demonym does not count: 'pro-Iranian Hezbollah' is still Lebanese.
    """
    i = span.start - 1
    if i < 1 or ctx.doc[i].tag_ != "POS":
        return None
    return _country_of_token(ctx, ctx.doc[i - 1])


def _country_mention(ctx: _Context, span: SpacySpan, kind: str, country: Country) -> ActorMention | None:
    if kind == "metonym":
        # "in central Moscow" is a place; "Moscow said" is the government.
        if ctx.place_use.get(span.start_char) == "location":
            return None
        return _mention(ctx, span, name=country.name, kind="country", country=country.iso3, sector="GOV",
                        role=None, entity=f"country:{country.iso3}", basis="capital-metonym")
    if kind == "adjective":
        plural_noun = span.root.tag_ in ("NNS", "NNPS") and span.root.dep_ != "amod"
        home = _residence(ctx, span.root) if plural_noun else None
        if home is not None and home != country.iso3:
            # "Bosnian Serbs", "ethnic Albanians in south Serbia": a people coded where it lives, as CAMEO does
            return _mention(ctx, span, name=span.text, kind="group", country=home, sector="CVL", role=None,
                            entity=None, basis="demonym+residence")
        if plural_noun and any(c.lower_ == "ethnic" for c in span.root.children):
            # where an ethnic group lives may only show in what it does ("demonstrated in Serbia")
            return _mention(ctx, span, name=span.text, kind="group", country=country.iso3, sector="CVL",
                            role=None, entity=None, basis=ETHNIC_BASIS)
        return _mention(ctx, span, name=country.name, kind="country", country=country.iso3,
                        sector="CVL" if plural_noun else None, role=None,
                        entity=f"country:{country.iso3}", basis="demonym")
    # A country named as such is the country, with no sector (as PLOVER and CAMEO code it);
    # its capital standing for it ("Moscow said") is its government.
    return _mention(ctx, span, name=country.name, kind="country", country=country.iso3, sector=None,
                    role=None, entity=f"country:{country.iso3}", basis="country-name")


#: The basis of an ethnic group whose residence the phrase does not give.
ETHNIC_BASIS = "demonym+ethnic"


def _residence(ctx: _Context, people: Token) -> str | None:
    """Where a people named by its demonym lives, when the phrase says: 'Bosnian Serbs' (an outer
    demonym), 'ethnic Albanians in south Serbia', 'the Albanians of southern Serbia'."""
    for child in people.children:
        if child.dep_ in ("amod", "compound") and child.i < people.i and child.lower_ != "ethnic":
            outer = _country_of_token(ctx, child)
            if outer is not None:
                return outer
    for prep in (c for c in people.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            home = _place_country(ctx, pobj)
            if home is not None:
                return home
    return None


def _person(ctx: _Context, span: SpacySpan, person: Person, basis: str) -> ActorMention:
    role = person.role_on(ctx.day)
    if role is not None:
        return _mention(ctx, span, name=person.name, kind="person", country=role.country,
                        sector=role.sector, role=role.title, entity=f"person:{person.name}", basis=basis)
    country, sector, title = _descriptors(ctx, span)
    if sector:
        # The text names an office the table does not date to this day ("Serbian President
        # Vojislav Kostunica" in a story the table places before his term): the words win.
        return _mention(ctx, span, name=person.name, kind="person", country=country or person.nationality,
                        sector=sector, role=title, entity=f"person:{person.name}", basis=f"{basis}+context")
    former = person.last_role_before(ctx.day or dt.date.today())
    return _mention(ctx, span, name=person.name, kind="person",
                    country=former.country if former else person.nationality,
                    sector=FORMER_SECTOR if former else None, role=_former(former),
                    entity=f"person:{person.name}", basis=basis)


def _former(role: Role | None) -> str | None:
    if role is None:
        return None
    until = f" (in office until {role.end.isoformat()})" if role.end else ""
    return f"former {role.title}{until}"


# -- people the parser finds -----------------------------------------------------------------

def _person_mentions(ctx: _Context, known: list[ActorMention]) -> list[ActorMention]:
    taken = {i for m in known for i in _token_range(ctx.doc, m.span)}
    full_names = _full_names(ctx, known)
    mentions = []
    for span in _person_candidates(ctx, taken, full_names):
        mention = _link_person(ctx, span, full_names)
        if mention is not None:
            mentions.append(mention)
            full_names.setdefault(span[-1].text, mention)
    return mentions


def _token_range(doc: Doc, span: Span) -> range:
    covered = doc.char_span(span.start, span.end, alignment_mode="expand")
    return range(covered.start, covered.end) if covered is not None else range(0)


def _full_names(ctx: _Context, known: list[ActorMention]) -> dict[str, ActorMention]:
    """Surname -> the full-name mention it refers to, anywhere in the article."""
    names: dict[str, ActorMention] = {}
    for mention in known:
        if mention.kind == "person" and " " in mention.span.text:
            names.setdefault(mention.span.text.split()[-1], mention)
    for ent in entities(ctx.doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            # "Sheikh Hamad bin Khalifa al-Thani", of which the table knows "Hamad bin Khalifa"
            inside = [m for m in known if m.kind == "person" and ent.start_char <= m.span.start < ent.end_char]
            names.setdefault(ent[-1].text, inside[0] if inside else _unknown_person(ctx, ent))
    return names


def _person_candidates(ctx: _Context, taken: set[int],
                       full_names: dict[str, ActorMention]) -> Iterable[SpacySpan]:
    doc = ctx.doc
    ents = [e for e in entities(doc) if e.label_ == "PERSON" and not taken.intersection(range(e.start, e.end))]
    covered = {i for e in ents for i in range(e.start, e.end)} | taken
    # Surnames the NER labelled as something else ("Medvedev" as GPE) are still people.
    # A title before a name is no surname: 'Sheikh Hamad' is not Hussein al-Sheikh.
    singles = [doc[i:i + 1] for i, tok in enumerate(doc)
               if i not in covered and (tok.pos_ == "PROPN" or _bare_noun_name(tok)) and tok.is_title
               and (tok.text in full_names or tok.text in ctx.kb.surnames)
               and not _title_before_name(ctx, tok)]
    return sorted(ents + singles, key=lambda s: s.start)


def _bare_noun_name(token: Token) -> bool:
    """'Trump met Putin': the tagger takes a surname that opens a sentence for a common noun. Such a word is
    a name only where it stands bare as a subject or object; 'Bush fires' and 'the Rice harvest' are not."""
    return token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and \
        all(c.dep_ in ("conj", "cc", "punct", "appos") for c in token.children)


def _title_before_name(ctx: _Context, token: Token) -> bool:
    word = ctx.kb.sectors.get(token.lower_)
    return word is not None and word.title and token.i + 1 < len(token.doc) and token.nbor().pos_ == "PROPN"


def _link_person(ctx: _Context, span: SpacySpan, full_names: dict[str, ActorMention]) -> ActorMention | None:
    surname = span[-1].text
    if len(span) == 1:
        linked = full_names.get(surname)
        if linked is not None:
            return _mention(ctx, span, name=linked.name, kind="person", country=linked.country,
                            sector=linked.sector, role=linked.role, entity=linked.entity, basis="surname-link")
        candidates = ctx.kb.people_named(surname, ctx.day)
        if candidates:
            return _person(ctx, span, candidates[0], "kb-surname")
    return _unknown_person(ctx, span)


def _unknown_person(ctx: _Context, span: SpacySpan) -> ActorMention:
    """A person the knowledge base does not know: country and sector from the words around."""
    country, sector, title = _descriptors(ctx, span)
    return _mention(ctx, span, name=span.text, kind="person", country=country, sector=sector, role=title,
                    entity=None, basis="context" if country or sector else "name-only")


def _descriptors(ctx: _Context, span: SpacySpan) -> tuple[str | None, str | None, str | None]:
    """'Iranian Foreign Minister X': country and sector words before the name, then around it."""
    country, sector, title = _words_before(ctx, span)
    doc = ctx.doc
    if country is None and span.root.dep_ == "appos":
        country = _appositive_country(ctx, span.root.head)  # "The US commander in Iraq, General X"
    for appos in (c for c in span.root.children if c.dep_ == "appos" and c.i >= span.end):
        # "Kenzo Oshima, the United Nations Emergency Relief Coordinator,"
        country = country or _appositive_country(ctx, appos)
        described = ctx.kb.sectors.get(appos.lemma_.lower())
        if sector is None and described is not None:
            sector, title = described.sector, title or appos.text
    inner = ctx.kb.sectors.get(span[0].lemma_.lower()) if len(span) > 1 else None
    if sector is None and inner is not None:
        sector, title = inner.sector, title or span[0].text  # the parser put the title in the name: "King Hassan"
    if country is None and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        country = _country_of_token(ctx, doc[span.end + 1])  # "King Hassan of Morocco"
    return country, sector, title


def _words_before(ctx: _Context, span: SpacySpan) -> tuple[str | None, str | None, str | None]:
    doc = ctx.doc
    country = sector = None
    title_words: list[str] = []
    i = span.start - 1
    while i >= 0 and i >= span.start - 7 and (doc[i].pos_ in ("PROPN", "ADJ", "NOUN", "ADP", "PART") or
                                                _joins_words(doc[i])) \
            and ctx.sentence_of[i] == ctx.sentence_of[span.start]:
        token = doc[i]
        i -= 1
        if _joins_words(token):
            title_words[:1] = [f"-{w}" for w in title_words[:1]]
            continue
        word = ctx.kb.sectors.get(token.lemma_.lower())
        joined = ctx.kb.sectors.get(f"{token.lower_}-{doc[i + 3].lower_}") \
            if i + 3 < span.start and _joins_words(doc[i + 2]) else None
        if joined is not None:
            sector = joined.sector  # "Secretary-General" is no general
        elif word is not None and sector is None:
            sector = word.sector
        found, org_sector = _known_at(ctx, token)
        country = country or found
        sector = sector or org_sector
        if token.pos_ != "PART":
            glued = bool(title_words) and title_words[0].startswith("-")
            title_words[:1 if glued else 0] = [f"{token.text}{title_words[0]}" if glued else token.text]
    title = " ".join(w for w in title_words if not _country_of_word(ctx, w)).replace(" .", ".") or None
    return country, sector, title


def _joins_words(token: Token) -> bool:
    """A hyphen inside a title ('Secretary-General'), written without spaces."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _appositive_country(ctx: _Context, head: Token) -> str | None:
    for child in head.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < head.i:
            found, _ = _known_at(ctx, child)
            if found:
                return found
    return None


def _country_of_token(ctx: _Context, token: Token) -> str | None:
    return _country_of_word(ctx, token.text)


def _known_at(ctx: _Context, token: Token) -> tuple[str | None, str | None]:
    """Country (and an organisation's sector) of a known name covering ``token``: 'Arab League chief X'."""
    for mention in ctx.known:
        if mention.span.start <= token.idx < mention.span.end and mention.country:
            return mention.country, mention.sector if mention.kind in ("igo", "organisation") else None
    return _country_of_token(ctx, token), None


def _country_of_word(ctx: _Context, word: str) -> str | None:
    for kind, target in ctx.kb.phrases.get(word, ()):
        if kind in ("country", "adjective", "metonym") and isinstance(target, Country):
            return target.iso3
        if kind == "organisation" and isinstance(target, Organisation) and target.country:
            return target.country
    return None


# -- titles and groups -----------------------------------------------------------------------

def _title_mentions(ctx: _Context, named: list[ActorMention]) -> list[ActorMention]:
    """'the secretary', 'the president': the latest person named with that title."""
    doc = ctx.doc
    people = sorted((m for m in named if m.kind == "person" and m.role), key=lambda m: m.span.start)
    mentions = []
    for token in tokens(doc):
        word = ctx.kb.sectors.get(token.lower_)
        if word is None or not word.title or token.i == 0 or doc[token.i - 1].lower_ != "the":
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            continue  # "the Secretary Clinton": the name itself is the mention
        earlier = [m for m in people if m.span.start < token.idx and token.lower_ in (m.role or "").lower()]
        if earlier:
            last = earlier[-1]
            mentions.append(_mention(ctx, doc[token.i - 1:token.i + 1], name=last.name, kind="person",
                                     country=last.country, sector=last.sector, role=last.role,
                                     entity=last.entity, basis="title-link"))
    return mentions


def _group_mentions(ctx: _Context, named: list[ActorMention]) -> list[ActorMention]:
    """'top Russian officials', 'a senior State Department official': country + sector groups."""
    doc = ctx.doc
    by_token = {m.head: m for m in named}
    in_name = {i for m in named if m.kind == "person" for i in _token_range(doc, m.span)}
    in_named = {i for m in named if m.kind != "country" for i in _token_range(doc, m.span)}
    # a body of no one country: 'Red Cross officials' are the Red Cross, not some country's officials
    stateless = {i for m in named if m.kind in ("organisation", "group") and m.entity and not m.country
                 for i in _token_range(doc, m.span)}
    mentions = []
    for token in tokens(doc):
        word = ctx.kb.sectors.get(token.lemma_.lower())
        if word is None or token.pos_ not in ("NOUN", "PROPN") or token.i in in_name or token.i in by_token:
            continue
        if token.dep_ == "compound" and token.head.i in in_name:
            continue  # "President" in "President Medvedev" is part of the name
        modifiers = [c for c in token.children if c.dep_ in _GROUP_DEPS or
                     (c.dep_ == "prep" and c.lower_ in ("in", "of", "from"))]
        if token.dep_ == "compound":
            # "Minsk police station": the place modifies the compound's head, not 'police'
            modifiers += [c for c in token.head.children if c.dep_ in _GROUP_DEPS and c.i < token.i]
        country = _modifier_country(ctx, modifiers, named) or _serving_country(token, by_token)
        phrase = [c for c in token.children if c.dep_ in (*_GROUP_DEPS, "det", "nummod") and c.i < token.i]
        start = min([token.i, *(m.left_edge.i for m in phrase)])
        span = doc[start:token.i + 1]
        if any(c.dep_ in ("appos", "compound") and (c.i in stateless or (word.body and c.i in in_named))
               for c in token.children):
            continue  # "the rebel group, the FDD", "the Hizbollah group", "Amnesty researchers": the name acts
        sector = (_modifier_sector(ctx, token) if word.generic else None) or word.sector
        if sector is None:
            continue  # "a group", "members of SANDF": the name inside, if any, is the actor
        former = any(c.lower_ in _FORMER for c in token.children if c.dep_ in ("amod", "advmod", "compound"))
        mentions.append(_mention(ctx, span, name=span.text, kind="group", country=country,
                                 sector=FORMER_SECTOR if former else sector, role=None, entity=None,
                                 basis="sector-group" if country else "sector-word"))
    return mentions


def _serving_country(token: Token, by_token: dict[int, ActorMention]) -> str | None:
    """'rebels with the Revolutionary Armed Forces of Colombia': the country of the body whose members they are
    (only a named body: 'officials with knowledge of the talks' serve no one)."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "with"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            body = by_token.get(pobj.i)
            if body is not None and body.kind in ("organisation", "igo") and body.country:
                return body.country
    return None


def _modifier_sector(ctx: _Context, token: Token) -> str | None:
    """'rebel force', 'Jewish community leader': the sector a modifier of a generic word gives.

    A government modifier never overrides: 'government forces' are the military.
    """
    for child in reversed([c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]):
        word = ctx.kb.sectors.get(child.lemma_.lower()) or ctx.kb.sectors.get(child.lower_)
        if word is not None and word.generic:
            found = _modifier_sector(ctx, child)
        else:
            found = word.sector if word is not None else None
        if found and found != "GOV":
            return found
    return None


def _modifier_country(ctx: _Context, modifiers: list[Token], named: list[ActorMention]) -> str | None:
    head = modifiers[0].head if modifiers else None
    if head is not None:
        # "opposition groups in Zimbabwe", "leaders of Iraq"
        modifiers = modifiers + [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")]
    for modifier in modifiers:
        for tok in modifier.subtree:
            if _siding(ctx.doc, tok.idx, tok.idx + len(tok)) or _related_party(tok):
                continue
            for mention in named:
                if mention.country and mention.span.start <= tok.idx < mention.span.end:
                    return mention.country
            found = _country_of_token(ctx, tok) or _place_country(ctx, tok)
            if found:
                return found
    return None


#: Nouns for another party than their possessor: "Israel's militia ally" is not Israeli.
_RELATIONAL = frozenset({"ally", "partner", "proxy", "rival", "enemy", "foe", "opponent", "adversary",
                         "neighbour", "neighbor", "critic"})


def _related_party(token: Token) -> bool:
    return token.dep_ == "poss" and token.head.lemma_.lower() in _RELATIONAL


def _place_country(ctx: _Context, token: Token) -> str | None:
    """'Shanghai authorities', 'Minsk police': the country of a place in the phrase."""
    for place in ctx.places:
        if place.span.start <= token.idx < place.span.end and place.kind in ("city", "admin1", "country"):
            return place.country
    return None


# -- helpers for later stages ----------------------------------------------------------------

def mention_at(actors: Sequence[ActorMention], token: Token) -> ActorMention | None:
    """The most specific mention whose span covers ``token``."""
    covering = [m for m in actors if m.span.start <= token.idx < m.span.end]
    if not covering:
        return None
    return min(covering, key=lambda m: (m.head != token.i, m.span.end - m.span.start))


def phrase_actor(token: Token, actors: Sequence[ActorMention],
                 exclude: str | None = None) -> ActorMention | None:
    """The actor a noun phrase headed by ``token`` names, or None.

    A person in the phrase wins ("her Russian counterpart Sergei Lavrov" ->
    Lavrov), then the phrase's own head ("top Russian officials"), then a
    name in it ("the al-Qaeda network"), then a possessor or modifier
    ("Moscow's ambassador"). Pronouns go to their
    antecedent; ``exclude`` is an entity the pronoun cannot be (the subject
    of its own clause).
    """
    if token.pos_ == "PRON":
        return antecedent(token, actors, exclude)
    head = mention_at(actors, token)
    near = [mention_at(actors, child) for child in token.children if child.dep_ in ("appos", "compound")]
    people = [m for m in [head, *near] if m is not None and m.kind == "person"]
    if people:
        return people[-1]
    if head is not None:
        return head
    named = [m for m in near if m is not None and (m.country or m.entity)]
    if named:
        return named[0]  # "Osama bin Laden's al-Qaeda terror network" is al-Qaeda's, not its owner's
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found = mention_at(actors, child) or _nested_modifier(child, actors)
            if found is not None and (found.country or found.entity):  # 'Red Cross officials'
                return found
    return None


def _nested_modifier(child: Token, actors: Sequence[ActorMention]) -> ActorMention | None:
    """"Brazil's main oilworkers' confederation", "a Taliban suicide bomber": a possessor or compound the
    table cannot place, whose own possessor or compound it can. Only a party with a country: two words
    away, a name of no country is as often a kind ("an al-Qaeda-style attack") as an owner."""
    if child.dep_ not in ("poss", "compound"):
        return None
    return next((m for c in child.children if c.dep_ == child.dep_ for m in (mention_at(actors, c),)
                 if m is not None and m.country), None)


def antecedent(token: Token, actors: Sequence[ActorMention], exclude: str | None = None) -> ActorMention | None:
    """The actor a pronoun refers to: the latest compatible mention in this or the previous sentence.

    When that mention has no country ("the two foreign ministers ... they"),
    the answer is None: a guess from further back would invent an actor.
    """
    lower = token.lower_
    if lower in _PERSON_PRONOUNS:
        wanted: tuple[str, ...] = ("person",)
    elif lower in _THING_PRONOUNS:
        wanted = ("country", "organisation", "igo", "group")
    else:
        return None
    sent = sentence_of(token)
    window_start = sent.start_char
    if sent.start > 0:
        window_start = sentence_of(token.doc[sent.start - 1]).start_char
    earlier = [m for m in actors if m.kind in wanted and window_start <= m.span.start and m.span.end <= token.idx
               and (exclude is None or (m.entity or m.name) != exclude)
               and m.basis != "demonym"]
    if not earlier:
        return None
    # Prefer a subject: "Russia's treatment of Georgia, with which it fought" -> Russia.
    subjects = [m for m in earlier if m.span.start >= sent.start_char and _is_subjectish(token.doc, m)]
    chosen = (subjects or earlier)[-1]
    return chosen if chosen.country else None


def _is_subjectish(doc: Doc, mention: ActorMention) -> bool:
    head = doc[mention.head] if 0 <= mention.head < len(doc) else None
    return head is not None and head.dep_ in ("nsubj", "nsubjpass", "poss")
