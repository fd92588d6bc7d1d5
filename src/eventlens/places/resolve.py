"""Toponym resolution in context, metonymy, and the place where an event happened.

A toponym is resolved with what the article itself says: a qualifier
("Paris, Texas"), the countries the article mentions, and for names shared
by a country and a US state (Georgia), which of the two the rest of the
article is about. A name the gazetteer does not know is kept as text,
never dropped: placed in the vicinity of the place the article is about
when it has one, else with confidence 0 and no point.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventlens.nlp import entities, sentence_numbers
from eventlens.places.gazetteer import BIG_CITY, COMPASS, Entry, Gazetteer
from eventlens.places.gazetteer import normalise_name as gazetteer_key
from eventlens.records import Place, PlaceUse, Span

_TOPONYM_LABELS = ("GPE", "LOC")
_DIVISION_LABELS = ("ORG", "NORP", "FAC")
#: 'the town of Samarra' (tagged NORP), 'the city of Hebron': a name the phrase calls a place.
_PLACE_CALLS = frozenset({"town", "city", "village", "port", "capital", "province", "district", "region",
                          "state", "county", "island", "enclave", "outskirts"})
_LOCAL_KINDS = frozenset({"city", "admin2"})
_NEAR_KM = 100.0  # a local story's places lie within a county or two of each other
_NEAR_BONUS = 1.5  # per other name nearby (at most two): worth a thirtyfold population gap
_ANCHORS = 30  # enough for every county of a common name (Madison County: twenty states)
_ANCHOR_SHARE = 0.1  # of the name's best-known reading's population
# Words that name a part of anything ('South Kilburn Estate', 'West Wing'), never a place on their own.
_GENERIC = COMPASS | {"middle", "new", "old", "great", "greater", "city", "state", "county", "national", "royal",
                      "saint", "st", "port", "lake", "mount", "fort",
                      # a feature's kind: 'Baltic Sea' is no Seattle, 'Danube Delta' no Delta State
                      "sea", "ocean", "bay", "river", "valley", "delta", "plateau", "island", "islands", "mountains",
                      "mountain", "hills", "desert", "peninsula", "strait", "canal", "basin", "plain", "plains",
                      "province", "district", "region", "midlands"}
_NAMESAKE_STATE_EVIDENCE = 2  # other places in the town's state before a country's name yields to it
# (suffix, endings tried in its place): Ohioans -> Ohio, Ontarians -> Ontario, Texan -> Texas, Abkhaz -> Abkhazia.
_DEMONYM_RULES = (("ians", ("ia", "io", "a", "")), ("ian", ("ia", "io", "a", "")), ("ans", ("a", "", "as")),
                  ("an", ("a", "", "as", "ia")), ("ers", ("",)), ("er", ("",)), ("i", ("",)), ("", ("ia",)))
# A name no gazetteer lists ('Royal Street', 'Kibera') is guessed to lie where the article is set: usually
# right for local names, never better than a guess.
_VICINITY_CONFIDENCE = 0.2
_LIST_JOINS = frozenset({",", "and", "or"})
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
    toponyms = [e for e in entities(doc) if e.label_ in _TOPONYM_LABELS or _names_division(e, gazetteer)
                or _called_a_place(e, gazetteer)]
    # The NER sometimes labels as a place a surname it calls PERSON elsewhere: one string, one reading.
    return resolve_spans(doc, [e for e in toponyms if e.text not in people or gazetteer.lookup(_strip_the(e.text))],
                         gazetteer)


def _called_a_place(ent: SpacySpan, gazetteer: Gazetteer) -> bool:
    """'the town of Samarra', whatever label the NER gave the name, when the gazetteer knows it."""
    if ent.label_ not in _DIVISION_LABELS and ent.label_ != "PERSON":
        return False
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_CALLS \
        and bool(gazetteer.lookup(_strip_the(ent.text)))


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
    candidates = [gazetteer.lookup(_strip_the(span.text)) or _demonym(span.text, gazetteer)
                  or _inner_place(span, gazetteer) for span in spans]
    sentence_of = sentence_numbers(doc)
    context = _context_countries(candidates)
    neighbours = _neighbours([gazetteer_key(_strip_the(span.text)) for span in spans], candidates)
    places = []
    for span, cands in zip(spans, candidates, strict=True):
        entry, confidence = _choose(span, cands, context, gazetteer, doc, neighbours=neighbours)
        places.append(_place(span, entry, confidence, sentence_of[span.start]))
    return _vicinities(places)


def _vicinities(places: list[Place]) -> tuple[Place, ...]:
    """Unknown names placed near the article's setting, which ``near`` names; kept as text if it has none."""
    setting = _setting(places)
    if setting is None:
        return tuple(places)
    return tuple(replace(p, kind="vicinity", country=setting.country, lat=setting.lat, lon=setting.lon,
                         confidence=_VICINITY_CONFIDENCE, near=setting.name) if p.lat is None else p
                 for p in places)


def _setting(places: Sequence[Place]) -> Place | None:
    """Where the article is set: its most-mentioned town or county, else state, else country.

    Regions are too broad to stand for a local name.
    """
    for kinds in (_LOCAL_KINDS, {"admin1"}, {"country"}):
        name = _most_mentioned(places, kinds)
        if name is not None:
            return next(p for p in places if p.name == name and p.lat is not None)
    return None


def _neighbours(keys: Sequence[str], candidates: Sequence[list[Entry]]) -> dict[tuple[float | None, float | None], int]:
    """For each local candidate point, how many of the article's other names have a candidate nearby.

    Local stories name places close together: Paris beside Henry County is
    Paris, Tennessee, and Richmond beside Berea is Richmond, Kentucky. Only
    towns and counties count, never the broad points of states or
    countries; each other name contributes its few best-known candidates.
    """
    local: dict[str, list[Entry]] = {}
    for key, cands in zip(keys, candidates, strict=True):
        if key not in local:
            local[key] = [c for c in cands if c.kind in _LOCAL_KINDS and c.lat is not None and c.lon is not None]
    if sum(1 for cands in local.values() if cands) < 2:
        return {}
    anchors = {key: _anchors(cands) for key, cands in local.items()}
    found: dict[tuple[float | None, float | None], int] = {}
    for key, cands in local.items():
        others = [(a.lat, a.lon, i) for i, (k, group) in enumerate(anchors.items()) if k != key for a in group]
        if not others:
            continue
        lat2 = np.radians(np.array([o[0] for o in others]))
        lon2 = np.radians(np.array([o[1] for o in others]))
        owner = np.array([o[2] for o in others])
        for lat, lon in {(c.lat, c.lon) for c in cands if c.lat is not None and c.lon is not None}:
            lat1, lon1 = math.radians(lat), math.radians(lon)
            x = (lon2 - lon1) * np.cos((lat1 + lat2) / 2)  # equirectangular: exact enough within a few hundred km
            near = np.hypot(x, lat2 - lat1) * 6371.0 <= _NEAR_KM
            if near.any():
                found[(lat, lon)] = len(set(owner[near].tolist()))
    return found


def _demonym(text: str, gazetteer: Gazetteer) -> list[Entry]:
    """'Ohioans', 'Texan', 'South Ossetian', 'Dagestani', 'Londoner': the place its people are named for.

    Countries' demonyms are in the gazetteer; these rules reach states,
    provinces and regions. Only broad places and cities of 100,000 or more
    count, so that a stem never lands on a village.
    """
    for suffix, endings in _DEMONYM_RULES:
        if len(text) > len(suffix) + 2 and text.endswith(suffix):
            stem = text[: len(text) - len(suffix)]
            for ending in endings:
                found = _broad_or_big(gazetteer.lookup(stem + ending))
                if found:
                    return found
    return []


def _inner_place(span: SpacySpan, gazetteer: Gazetteer) -> list[Entry]:
    """'Colorado State University', 'Birmingham City', 'Washington, D.C.': the place a longer name carries.

    Tried only when the whole name is unknown, longest part first; only
    broad places and cities of 100,000 or more, as for demonyms.
    """
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            part = span.doc[start:start + size]
            if (not part[0].is_title and not part[0].is_upper) or (size == 1 and part[0].lower_ in _GENERIC):
                continue
            found = _broad_or_big(gazetteer.lookup(part.text))
            if found:
                return found
    return []


def _broad_or_big(cands: list[Entry]) -> list[Entry]:
    """Readings safe to guess from part of a name: countries, regions, states and cities of 100,000+."""
    return [c for c in cands if c.kind in ("country", "region", "admin1") or c.population >= BIG_CITY]


#: Directions written in lower case before a name say which part of it: 'south Lebanon', 'northern Iraq'.
_DIRECTIONS = frozenset({f"{d}{s}" for d in ("north", "south", "east", "west", "northeast", "northwest",
                                             "southeast", "southwest") for s in ("", "ern")} | {"central"})


def _trim(span: SpacySpan) -> SpacySpan:
    """'Canada,' or "China's": the name without edge punctuation or possessive."""
    start, end = span.start, span.end
    while end - start > 1 and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ("'s", "’s", "'")):
        end -= 1
    while end - start > 1 and (span.doc[start].is_punct or
                               (span.doc[start].is_lower and span.doc[start].lower_ in _DIRECTIONS)):
        start += 1  # "south Lebanon" is a part of Lebanon, not South Lebanon, Ohio
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


def _anchors(cands: list[Entry]) -> list[Entry]:
    """The readings of a name strong enough to vouch for a neighbour: not Paris, Ontario, beside Paris, France.

    Two small namesakes of world cities (London and Paris, Ontario) would
    otherwise vouch for each other in a story about Europe.
    """
    if not cands:
        return []
    biggest = max(c.population for c in cands)
    strong = [c for c in cands if c.population >= _ANCHOR_SHARE * biggest]
    return sorted(strong, key=lambda c: -c.population)[:_ANCHORS]


def _choose(span: SpacySpan, cands: list[Entry], context: Counter[str], gazetteer: Gazetteer,
            doc: Doc, *, neighbours: dict[tuple[float | None, float | None], int]) -> tuple[Entry | None, float]:
    if not cands:
        return None, 0.0
    qualifier = _qualifier(span, doc)
    qualifiers = gazetteer.lookup(qualifier) if qualifier else []  # once, not once per candidate
    key = gazetteer_key(_strip_the(span.text))
    # a country's name is never settled this way: "Georgia state television" is Georgian
    state = next((c for c in cands if c.kind == "admin1" and gazetteer_key(c.name) == key), None) \
        if not any(c.kind == "country" for c in cands) else None
    if state is not None and (_called_a_state(span, doc) or _listed_with_states(span, doc, gazetteer)):
        return state, 0.85  # 'Washington state', 'the state of Washington', 'Utah, Washington and Wisconsin'
    if not any(_qualifies(c, qualifiers) for c in cands) or _list_goes_on(span, doc):
        qualifier, qualifiers = None, []  # a list ('Asia, Europe and Africa'), not 'Paris, Texas'
    if not qualifier and any(c.kind in ("country", "region") for c in cands):
        return _choose_broad(cands, key, context, gazetteer, neighbours)
    capitals = {c.country for c in cands if c.kind == "city" and gazetteer.capitals.get(c.country or "") == c.name}
    cands = [c for c in cands if not (c.kind == "admin1" and c.country in capitals)]  # Washington, D.C.
    if any(c.kind == "admin1" and gazetteer_key(c.name) == key for c in cands):
        neighbours = {}  # 'Florida' beside Orange County is the state, not Florida, New York
    scored = sorted(((_score(c, context, qualifiers, key, neighbours.get((c.lat, c.lon), 0)), c)
                     for c in cands),
                    key=lambda pair: pair[0], reverse=True)
    best_score, best = scored[0]
    if len(scored) == 1:
        return best, 0.9
    margin = best_score - scored[1][0]
    return best, round(min(0.95, 0.5 + margin / 10), 2)


def _called_a_state(span: SpacySpan, doc: Doc) -> bool:
    """'Washington state', 'Kano State', 'the state of Washington'."""
    if span.end < len(doc) and doc[span.end].lower_ == "state":
        return True
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ == "state"


def _listed_with_states(span: SpacySpan, doc: Doc, gazetteer: Gazetteer) -> bool:
    """Whether a toponym listed right beside this one is a state and nothing bigger.

    Not a state that is also a big city: 'Washington, New York and Boston' lists cities.
    """
    for sibling in _siblings(span, doc):
        found = gazetteer.lookup(_strip_the(sibling.text))
        if any(f.kind == "admin1" for f in found) and not any(f.population >= BIG_CITY for f in found):
            return True
    return False


def _siblings(span: SpacySpan, doc: Doc) -> list[SpacySpan]:
    """The toponyms listed right before and after this one ('Utah, Washington and Wisconsin')."""
    found = []
    for ent in entities(doc):
        if ent.label_ not in _TOPONYM_LABELS or ent.start == span.start:
            continue
        between = doc[ent.end:span.start] if ent.end <= span.start else doc[span.end:ent.start]
        if 0 < len(between) <= 2 and all(t.lower_ in _LIST_JOINS for t in between):
            found.append(ent)
    return found


def _list_goes_on(span: SpacySpan, doc: Doc) -> bool:
    """'Washington, Pennsylvania and California': the name after the comma is a list's next member."""
    return any(len(_siblings(sibling, doc)) > 1 for sibling in _siblings(span, doc) if sibling.start > span.start)


def _choose_broad(cands: list[Entry], key: str, context: Counter[str], gazetteer: Gazetteer,
                  neighbours: dict[tuple[float | None, float | None], int]) -> tuple[Entry, float]:
    """A name a country or region bears: that, unless a US state, a division or a local town is meant."""
    top = [c for c in cands if c.kind in ("country", "region")]
    states = [c for c in cands if c.kind == "admin1"]
    namesake = _local_namesake(cands, context, neighbours)
    if namesake is not None:
        return namesake, 0.6
    us_states = [c for c in states if c.country == "USA"]
    if us_states and top[0].kind == "country":
        return _country_or_state(top[0], us_states[0], context, gazetteer)
    # 'England' names the division; the UK only has it as an alias. Angola's Zaire province is no
    # reason to read 'Zaire', an old name of another country, as a division.
    named = [c for c in states if gazetteer_key(c.name) == key and c.country == top[0].country]
    if named and gazetteer_key(top[0].name) != key:
        return named[0], 0.85
    return top[0], 0.95


def _local_namesake(cands: list[Entry], context: Counter[str],
                    neighbours: dict[tuple[float | None, float | None], int]) -> Entry | None:
    """Palestine, Texas, in a story about Anderson County and Tyler: a town named like a country.

    Only in a story whose places crowd one US state, and only when two of
    them lie within reach of the town; otherwise the country stands.
    """
    for cand in cands:
        if cand.kind == "city" and cand.country == "USA" and neighbours.get((cand.lat, cand.lon), 0) >= 2 \
                and context.get(f"USA/{cand.admin1}", 0) >= _NAMESAKE_STATE_EVIDENCE:
            return cand
    return None


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


def _score(entry: Entry, context: Counter[str], qualifiers: list[Entry], key: str, near: int) -> float:
    score = math.log10(entry.population + 10) + _NEAR_BONUS * min(near, 2)
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
    name = _most_mentioned(places, {"city"})
    if name is None:
        return None
    located = [p for p in places if p.name == name and p.use == "location"]
    return located[0] if located else next(p for p in places if p.name == name)


def _most_mentioned(places: Sequence[Place], kinds: Collection[str]) -> str | None:
    """The name of the resolved place of these kinds mentioned most, the earlier on a tie."""
    counts = Counter(p.name for p in places if p.kind in kinds and p.lat is not None)
    return max(counts, key=lambda n: (counts[n], -_first(places, n))) if counts else None


def _first(places: Sequence[Place], name: str) -> int:
    return min(p.span.start for p in places if p.name == name)
