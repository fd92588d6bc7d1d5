"""Toponym resolution in context, metonymy, and the place where an event happened.

A toponym is resolved with what the article itself says: a qualifier
("Paris, Texas"), the countries the article mentions, and for names shared
by a country and a US state (Georgia), which of the two the rest of the
article is about. A name the gazetteer does not know is kept as text with
confidence 0, never dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventlens.nlp import entities, sentence_numbers
from eventlens.places.gazetteer import Entry, Gazetteer
from eventlens.places.gazetteer import normalise_name as gazetteer_key
from eventlens.records import Place, PlaceUse, Span

_TOPONYM_LABELS = ("GPE", "LOC")
_DIVISION_LABELS = ("ORG", "NORP", "FAC")
_TOWN = 15_000  # below this a city is a town: context evidence only when nothing larger shares its name
_LOCATIVE = frozenset({
    "in", "at", "near", "to", "into", "inside", "outside", "around", "across", "throughout",
    "within", "from", "towards", "toward", "through", "via", "off", "along", "over",
})
_ACTOR_PREPS = frozenset({"with", "against", "between", "by", "on", "for", "of", "upon", "among", "like",
                          "unlike"})
_PLACE_NOUNS = frozenset({
    "street", "centre", "center", "outskirt", "suburb", "airport", "region", "province",
    "border", "city", "capital", "territory", "soil", "coast", "port", "embassy", "resident",
})
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’ -]{2,40}?)(?:,\s+[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?\s*"
    r"(?:\((?:Reuters|AFP|AP|Xinhua|dpa|UPI|IANS|PTI)\))?\s*[-–—]"
)


def resolve_places(doc: Doc, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Every GPE/LOC toponym in the document, resolved against the article's own context."""
    people = {e[-1].text for e in entities(doc) if e.label_ == "PERSON"}
    toponyms = [e for e in entities(doc) if e.label_ in _TOPONYM_LABELS or _names_division(e, gazetteer)]
    # The NER sometimes labels as a place a surname it calls PERSON elsewhere: one string, one reading.
    return resolve_spans(doc, [e for e in toponyms if e.text not in people or gazetteer.lookup(_strip_the(e.text))],
                         gazetteer)


def _names_division(ent: SpacySpan, gazetteer: Gazetteer) -> bool:
    """'Kano State' tagged ORG, 'Rakhine' tagged NORP: a name that is only a country's division."""
    if ent.label_ not in _DIVISION_LABELS:
        return False
    cands = gazetteer.lookup(_strip_the(ent.text))
    # one country's division only: 'Western' (a region of Ghana, Kenya, Zambia ...) is no place
    return bool(cands) and all(c.kind in ("admin1", "admin2") for c in cands) and len({c.country for c in cands}) == 1


def resolve_spans(doc: Doc, spans: Sequence[SpacySpan], gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Resolve the given toponym spans, each in the context of all the others."""
    spans = [_trim(span) for span in spans]
    candidates = [gazetteer.lookup(_strip_the(span.text)) for span in spans]
    sentence_of = sentence_numbers(doc)
    context = _context_countries(candidates)
    places = []
    for span, cands in zip(spans, candidates, strict=True):
        entry, confidence = _choose(span, cands, context, gazetteer, doc)
        places.append(_place(span, entry, confidence, sentence_of[span.start]))
    return tuple(places)


def _trim(span: SpacySpan) -> SpacySpan:
    """'Canada,' or "China's": the name without edge punctuation or possessive."""
    start, end = span.start, span.end
    while end - start > 1 and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    while end - start > 1 and span.doc[start].is_punct:
        start += 1
    return span.doc[start:end] if (start, end) != (span.start, span.end) else span


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _context_countries(candidates: Sequence[list[Entry]]) -> Counter[str]:
    """Countries the article names unambiguously: evidence for every other toponym.

    Keys are ISO-3 codes, plus ``USA/<state>`` for places inside a US state,
    which is the evidence that decides Georgia the state over Georgia the country.
    """
    context: Counter[str] = Counter()
    for every in candidates:
        # the villages that share a city's name ('Atlanta, Texas') must not hide the city as evidence
        cands = [c for c in every if c.kind != "city" or c.population >= _TOWN] or every
        countries = {c.country for c in cands if c.country}
        if len(countries) == 1:
            context[next(iter(countries))] += 1
        states = {c.admin1 for c in cands
                  if c.country == "USA" and c.kind in ("admin1", "admin2", "city") and c.admin1}
        if len(states) == 1 and countries == {"USA"}:
            context[f"USA/{next(iter(states))}"] += 1
    return context


def _choose(span: SpacySpan, cands: list[Entry], context: Counter[str], gazetteer: Gazetteer,
            doc: Doc) -> tuple[Entry | None, float]:
    if not cands:
        return None, 0.0
    qualifier = _qualifier(span, doc)
    key = gazetteer_key(_strip_the(span.text))
    top = [c for c in cands if c.kind in ("country", "region")]
    states = [c for c in cands if c.kind == "admin1"]
    if top and not qualifier:
        us_states = [c for c in states if c.country == "USA"]
        if us_states and top[0].kind == "country":
            return _country_or_state(top[0], us_states[0], context, gazetteer)
        named = [c for c in states if gazetteer_key(c.name) == key]
        if named and gazetteer_key(top[0].name) != key:
            return named[0], 0.85  # 'England' names the division; the UK only has it as an alias
        return top[0], 0.95
    capitals = {c.country for c in cands if c.kind == "city" and gazetteer.capitals.get(c.country or "") == c.name}
    cands = [c for c in cands if not (c.kind == "admin1" and c.country in capitals)]  # Washington, D.C.
    qualifiers = gazetteer.lookup(qualifier) if qualifier else []  # once, not once per candidate
    scored = sorted(((_score(c, context, qualifiers, key), c) for c in cands),
                    key=lambda pair: pair[0], reverse=True)
    best_score, best = scored[0]
    if len(scored) == 1:
        return best, 0.9
    margin = best_score - scored[1][0]
    return best, round(min(0.95, 0.5 + margin / 10), 2)


def _country_or_state(country: Entry, state: Entry, context: Counter[str],
                      gazetteer: Gazetteer) -> tuple[Entry, float]:
    """Georgia the country or Georgia the state: whose neighbourhood the article is in."""
    assert country.country is not None  # countries always carry their own code
    near_country = sum(n for iso, n in context.items()
                       if iso in gazetteer.neighbours.get(country.country, ()) or iso == country.country)
    near_state = sum(n for key, n in context.items() if key.startswith("USA/"))
    if near_state > near_country:
        return state, 0.7
    return country, 0.9 if near_country else 0.75


def _score(entry: Entry, context: Counter[str], qualifiers: list[Entry], key: str) -> float:
    score = math.log10(entry.population + 10)
    if gazetteer_key(entry.name) == key:
        score += 1.5  # its own name, not a translation listed among alternate names ("White House")
    if entry.kind == "admin1":
        score += 5.0  # a state outranks the towns named after it ("Virginia", "Oregon")
    if entry.kind == "admin2":
        score += 4.0  # 'Laurel County' names the county, not a town
    if entry.country == "USA" and entry.admin1 and context.get(f"USA/{entry.admin1}"):
        # the state the article's other places are in, the more of them the stronger: Paris, Texas, in a Texas story
        score += 1.0 + 0.75 * min(context[f"USA/{entry.admin1}"], 3)
    if entry.country and context.get(entry.country):
        score += 0.75  # weak: a country named in passing must not pull a world city abroad
    if _qualifies(entry, qualifiers):
        score += 6.0
    if entry.kind == "country":
        score += 3.0
    return score


def _qualifies(entry: Entry, qualifiers: list[Entry]) -> bool:
    for cand in qualifiers:
        if cand.kind == "country" and cand.country == entry.country:
            return True
        if cand.kind == "admin1" and cand.country == entry.country and cand.admin1 == entry.admin1:
            return True
    return False


def _qualifier(span: SpacySpan, doc: Doc) -> str | None:
    """'Paris, Texas': the toponym right after a comma that qualifies this one."""
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        for ent in entities(doc):
            if ent.start == span.end + 1 and ent.label_ in _TOPONYM_LABELS:
                return str(ent.text)
    return None


def _place(span: SpacySpan, entry: Entry | None, confidence: float, sentence: int) -> Place:
    kind = entry.kind if entry else "unknown"
    return Place(
        span=Span(start=span.start_char, end=span.end_char, text=span.text),
        name=entry.name if entry else span.text,
        kind=kind,
        country=entry.country if entry else None,
        lat=entry.lat if entry else None,
        lon=entry.lon if entry else None,
        geonameid=entry.geonameid if entry else None,
        confidence=confidence,
        use=_use(span.root, kind),
        sentence=sentence,
    )


def _use(token: Token, kind: str) -> PlaceUse:
    """'location' where something happens, or 'actor' where the name stands for a government."""
    while token.dep_ == "conj":
        token = token.head
    dep, head = token.dep_, token.head
    if dep in ("nsubj", "nsubjpass", "agent"):
        return "actor"
    if dep == "poss":
        return "location" if head.lemma_.lower() in _PLACE_NOUNS else "actor"
    if dep == "pobj":
        prep = head.lower_
        if prep in _LOCATIVE or (prep == "of" and kind != "country"):
            return "location"  # "the city of Qom" names a place
        if prep in _ACTOR_PREPS:
            return "actor"
    if dep == "dobj":
        return "location" if head.lemma_ in ("visit", "leave", "reach", "enter", "tour") else "actor"
    return "location" if kind in ("city", "admin2", "admin1", "region") else "actor"


def dateline(places: Sequence[Place], text: str) -> Place | None:
    """The place of a 'MOSCOW (Reuters) -' dateline opening the article body."""
    body_start = text.find("\n\n") + 2 if "\n\n" in text else 0
    match = _DATELINE.match(text[body_start:body_start + 120])
    if not match:
        return None
    end = body_start + match.end("city")
    for place in places:
        if body_start <= place.span.start < end and place.lat is not None:
            return place
    return None


def focus_place(places: Sequence[Place]) -> Place | None:
    """The city the article is about: its most-mentioned city, first mention first."""
    counts = Counter(p.name for p in places if p.kind == "city" and p.lat is not None)
    if not counts:
        return None
    name = max(counts, key=lambda n: (counts[n], -_first(places, n)))
    located = [p for p in places if p.name == name and p.use == "location"]
    return located[0] if located else next(p for p in places if p.name == name)


def _first(places: Sequence[Place], name: str) -> int:
    return min(p.span.start for p in places if p.name == name)
