"""The verb and noun lexicon: editable TSV data mapping predicates to CAMEO codes.

Each row names a predicate lemma and optional constraints (a particle, the
head of the direct object, the preposition that introduces the target).
The most specific row whose constraints all hold wins, so "impose sanctions
on" beats a bare "impose", and "rule out" beats "rule".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from eventlens.errors import DataError
from eventlens.tables import load_json, read_text

PACKAGE = "eventlens.events"
FILENAME = "lexicon.tsv"
_COLUMNS = 7
#: The object column's wildcard: the verb must have a direct object, whatever it is ("returned Z to Y").
ANY_OBJECT = "*"
#: Object column: a direct object that names a person ("called Obama"), not a thing
PERSON_OBJECT = "@person"
_OPEN_OBJECTS = (ANY_OBJECT, PERSON_OBJECT)
_KINDS = ("verb", "noun", "control", "nonevent", "undo", "topic", "intent", "modal", "state", "claim", "blame")


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon row; ``None`` means 'no constraint'."""

    kind: str
    lemma: str
    particle: str | None
    object: str | None
    prep: str | None
    cameo: str
    note: str
    line: int
    source_prep: str | None = None

    @property
    def specificity(self) -> int:
        """How much the row constrains: more specific rows win, and a named object beats any object ("*") or
        any person ("@person")."""
        return 2 * (self.particle is not None) + (self.object in _OPEN_OBJECTS) + \
            2 * (self.object is not None and self.object not in _OPEN_OBJECTS)

    def describe(self) -> str:
        """'verb rule +out -> 125' as printed by explain."""
        parts = [self.kind, self.lemma]
        if self.particle:
            parts.append(f"+{self.particle}")
        if self.object:
            parts.append(f"obj={self.object}")
        if self.prep:
            parts.append(f"target<{self.prep}>")
        if self.source_prep:
            parts.append(f"source<{self.source_prep}>")
        return f"{' '.join(parts)} -> {self.cameo} (lexicon.tsv:{self.line})"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Rows indexed by (kind, lemma), plus the table version.

    ``modal`` rows code a statement whose reported clause carries the modal
    ("Russia said Sudan must return the helicopter": a demand of Sudan).
    ``claim`` rows mark statements whose reported clause is claimed, not
    vouched for: what it says is not coded as done, and a claim that someone
    else did something hostile is an accusation of them ("the US claimed
    that ISIL had attacked Iraq").
    ``blame`` rows name the predicate by which a reported clause lays a hostile
    act at someone's door ("Ukraine says Russia was behind the attacks"): the
    speaker accuses them, and the act is claimed, not reported as done.
    ``intent`` words ("offered to", "willing to", "will") turn the action they
    govern into a commitment: AGREE for cooperation, THREATEN for conflict.
    Four more kinds carry no code: ``control`` verbs ("seek to", "help",
    "try to") hand their event to the verb they govern, ``nonevent`` verbs
    ("pose a threat", "fear war") say that the event noun they govern is not
    an event, ``undo`` verbs ("removed sanctions", "repealed the ban") undo
    the event their direct object names, so it is not done either, ``topic`` verbs ("discuss Iran") take a topic, not a
    target, as direct object, and the participle of a ``state`` verb
    describes the noun it follows ("militiamen armed with machetes").
    """

    entries: dict[tuple[str, str], tuple[LexEntry, ...]]
    version: str
    #: The two-word nouns ('war game', 'hunger strike'), which mean something their first word does not
    compounds: frozenset[str] = frozenset()
    #: The words of the ``blame`` rows ('behind', 'responsible'), for a cheap check before a search
    blame_words: frozenset[str] = frozenset()

    def is_control(self, lemma: str) -> bool:
        """True for verbs whose complement verb carries the event ('agreed to allow')."""
        return ("control", lemma) in self.entries

    def is_topic_verb(self, lemma: str) -> bool:
        """True for verbs whose direct object is a topic, not a target ('discuss Iran')."""
        return ("topic", lemma) in self.entries

    def is_intent(self, lemma: str) -> bool:
        """True for words that commit the subject to what they govern ('offered to', 'willing to')."""
        return ("intent", lemma) in self.entries

    def is_nonevent(self, lemma: str) -> bool:
        """True for verbs under which an event noun is not an event ('pose a threat')."""
        return ("nonevent", lemma) in self.entries

    def is_undoing(self, lemma: str) -> bool:
        """True for verbs that undo the event their direct object names ('removed sanctions')."""
        return ("undo", lemma) in self.entries

    def is_state(self, lemma: str) -> bool:
        """True for verbs whose participle after a noun says what the noun is ('armed with machetes')."""
        return ("state", lemma) in self.entries

    def claim(self, lemma: str) -> LexEntry | None:
        """The row for a verb whose reported clause is claimed, not vouched for ('claimed that'), if any."""
        rows = self.entries.get(("claim", lemma))
        return rows[0] if rows else None

    def blame(self, word: str) -> LexEntry | None:
        """The row for a predicate that lays an act at someone's door ('was behind'), if any."""
        rows = self.entries.get(("blame", word))
        return rows[0] if rows else None

    def modal(self, word: str) -> LexEntry | None:
        """The row for a modal that makes a reported clause a demand ('must', 'should'), if any."""
        rows = self.entries.get(("modal", word))
        return rows[0] if rows else None

    def candidates(self, kind: str, lemma: str) -> tuple[LexEntry, ...]:
        """Rows for this predicate, most specific first."""
        return self.entries.get((kind, lemma), ())


@cache
def _lemma_fixes() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_json(PACKAGE, "lemmas.json")["forms"].items()}


def lemma(token: Token) -> str:
    """The token's lemma, lowercased, with the model's known lemmatizer slips fixed ('hoping' -> hope)."""
    return _lemma_fixes().get(token.lower_) or token.lemma_.lower()


@cache
def load_lexicon() -> Lexicon:
    """Parse the packaged lexicon, naming the line of any malformed row."""
    return parse_lexicon(read_text(PACKAGE, FILENAME))


def parse_lexicon(text: str) -> Lexicon:
    """Parse lexicon TSV text (exposed for tests and user lexicons)."""
    version = "unversioned"
    index: dict[tuple[str, str], list[LexEntry]] = defaultdict(list)
    seen: dict[tuple[str, str, str | None, str | None], int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if line.startswith("#"):
            if line.lower().startswith("# version:"):
                version = line.split(":", 1)[1].strip()
            continue
        if not line.strip() or line.startswith("kind\t"):
            continue
        entry = _row(line, number)
        key = (entry.kind, entry.lemma, entry.particle, entry.object)
        if key in seen:
            raise DataError(f"lexicon.tsv:{number}: same kind, lemma, particle and object as line {seen[key]}; "
                            "a word can match only one of them, so merge the two rows or delete one")
        seen[key] = number
        index[(entry.kind, entry.lemma)].append(entry)
    entries = {key: tuple(sorted(rows, key=lambda e: -e.specificity)) for key, rows in index.items()}
    compounds = frozenset(lemma for kind, lemma in entries if kind == "noun" and " " in lemma)
    blame_words = frozenset(lemma for kind, lemma in entries if kind == "blame")
    return Lexicon(entries=entries, version=f"eventlens.lexicon@{version}", compounds=compounds,
                   blame_words=blame_words)


def _row(line: str, number: int) -> LexEntry:
    cols = line.split("\t")
    if len(cols) < _COLUMNS - 1:
        raise DataError(f"lexicon.tsv:{number}: expected {_COLUMNS} tab-separated columns, got {len(cols)}")
    kind, lemma, particle, obj, prep, cameo = (c.strip() for c in cols[:6])
    if kind not in _KINDS:
        raise DataError(f"lexicon.tsv:{number}: kind must be one of {', '.join(_KINDS)}, not {kind!r}")
    if kind in ("control", "nonevent", "undo", "topic", "intent", "state"):
        cameo = "-"
    elif not cameo.isdigit():
        raise DataError(f"lexicon.tsv:{number}: CAMEO code {cameo!r} must be digits")
    # "<from": the preposition names the SOURCE and the subject is the target ("received arms from Iran")
    source_prep = _opt(prep[1:]) if prep.startswith("<") else None
    return LexEntry(kind=kind, lemma=lemma.lower(), particle=_opt(particle), object=_opt(obj),
                    prep=None if source_prep else _opt(prep), cameo=cameo,
                    note=cols[6].strip() if len(cols) > 6 else "", line=number, source_prep=source_prep)


def _opt(value: str) -> str | None:
    return None if value in ("", "-") else value.lower()
