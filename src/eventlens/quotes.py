"""Direct quotes and reported speech, with speaker, cue verb, addressee and date.

Direct quotes are found from the quote marks (curly or straight, split or
multi-paragraph) and attributed through the parse: the speech verb next to
the quote, its subject as speaker, its object as addressee. Reported speech
is a speech verb with a clausal complement ("Lavrov said he wanted ..."),
or "according to X".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventlens.actors.resolve import phrase_actor
from eventlens.nlp import doc_text, sentence_numbers, sentence_of, tokens
from eventlens.records import ActorMention, Quote, Span, TimeRef

SPEECH_VERBS = frozenset({
    "say", "tell", "warn", "add", "state", "announce", "claim", "insist", "argue", "suggest", "note",
    "explain", "declare", "stress", "assert", "acknowledge", "admit", "confirm", "reply", "respond",
    "write", "comment", "predict", "caution", "emphasise", "emphasize", "maintain", "contend",
    "allege", "indicate", "remark", "report", "recall", "observe", "reiterate", "tweet", "quip",
    "believe", "think", "reveal", "learn", "show", "find", "concede", "deny", "promise", "vow", "pledge",
    "estimate", "conclude", "complain", "agree", "worry", "fear",
    "hope", "expect", "know", "feel", "testify", "boast", "lament", "signal", "urge",
})
_QUOTE_PAIRS = re.compile(r"“([^”]*)(”|\n\n|$)|\"([^\"\n]*)(\"|\n\n|$)")
_SPEAKER_DEPS = ("nsubj", "nsubjpass")
_ADDRESSEE_DEPS = ("dobj", "dative", "iobj")


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Doc
    actors: Sequence[ActorMention]
    dates: Sequence[TimeRef]
    published: dt.date | None
    sentence_of: list[int]


@dataclass(frozen=True, slots=True)
class _Cue:
    verb: Token
    speaker: ActorMention | None
    speaker_span: Span | None
    addressee: ActorMention | None


def extract_quotes(doc: Doc, actors: Sequence[ActorMention], dates: Sequence[TimeRef],
                   published: dt.date | None, min_words: int = 3) -> tuple[Quote, ...]:
    """Every direct quote and reported statement in the document."""
    ctx = _Context(doc=doc, actors=actors, dates=dates, published=published,
                   sentence_of=sentence_numbers(doc))
    direct = _direct_quotes(ctx, min_words)
    covered = [(q.content.start - 1, q.content.end + 1) for q in direct]
    indirect = _reported_speech(ctx, covered)
    return tuple(sorted(direct + indirect, key=lambda q: q.content.start))


def _direct_quotes(ctx: _Context, min_words: int) -> list[Quote]:
    doc, published = ctx.doc, ctx.published
    quotes = []
    for match in _QUOTE_PAIRS.finditer(doc_text(doc)):
        group = 1 if match.group(1) is not None else 3
        start, end = match.start(group), match.end(group)
        content = doc_text(doc)[start:end].strip()
        if len(content.split()) < min_words:
            continue  # scare quotes and titles, not quotations
        inner = doc.char_span(start, end, alignment_mode="expand")
        if inner is None:
            continue
        cue = _cue_for_quote(doc, inner, ctx.actors)
        quotes.append(Quote(
            kind="direct", content=Span(start=start, end=end, text=doc_text(doc)[start:end]),
            speaker=cue.speaker if cue else None, speaker_span=cue.speaker_span if cue else None,
            cue=_token_span(cue.verb) if cue else None, addressee=cue.addressee if cue else None,
            date=_date_of(cue.verb, ctx.dates, published) if cue else _published(published),
            sentence=ctx.sentence_of[inner.start],
        ))
    return quotes


def _cue_for_quote(doc: Doc, inner: SpacySpan, actors: Sequence[ActorMention]) -> _Cue | None:
    """The speech verb outside the quote marks in the sentences around it, nearest first."""
    first, last = sentence_of(doc[inner.start]), sentence_of(doc[inner.end - 1])
    candidates: list[tuple[int, Token]] = []
    for sent in _around(doc, first, last):
        for token in sent:
            if token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX") \
                    and not inner.start <= token.i < inner.end:
                distance = token.i - inner.end if token.i >= inner.end else 3 * (inner.start - token.i)
                candidates.append((distance, token))
    for _, verb in sorted(candidates, key=lambda c: c[0]):
        cue = _cue(verb, actors)
        if cue.speaker is not None or cue.speaker_span is not None:
            return cue
    return None


def _around(doc: Doc, first: SpacySpan, last: SpacySpan) -> list[SpacySpan]:
    sents = [first] if first == last else [first, last]
    if last.end < len(doc):
        following = sentence_of(doc[last.end])
        if len(following) <= 12:  # '"...," he said.' parsed as its own short sentence
            sents.append(following)
    return sents


def _cue(verb: Token, actors: Sequence[ActorMention]) -> _Cue:
    subject = next((c for c in verb.children if c.dep_ in _SPEAKER_DEPS), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ in _SPEAKER_DEPS), None)
    speaker = phrase_actor(subject, actors) if subject is not None else None
    speaker_span = _subtree_span(subject) if subject is not None else None
    addressee = None
    for child in verb.children:
        if child.dep_ in _ADDRESSEE_DEPS or (child.dep_ == "prep" and child.lower_ == "to"):
            target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None:
                addressee = phrase_actor(target, actors)
                break
    return _Cue(verb=verb, speaker=speaker, speaker_span=speaker_span, addressee=addressee)


def _subtree_span(token: Token) -> Span:
    left, right = token.left_edge, token.right_edge
    start, end = left.idx, right.idx + len(right)
    return Span(start=start, end=end, text=doc_text(token.doc)[start:end])


def _token_span(token: Token) -> Span:
    return Span(start=token.idx, end=token.idx + len(token), text=token.text)


def _published(published: dt.date | None) -> str | None:
    return published.isoformat() if published else None


def _date_of(verb: Token, dates: Sequence[TimeRef], published: dt.date | None) -> str | None:
    """The time expression attached to the speech verb ('told reporters yesterday')."""
    sent = sentence_of(verb)
    for ref in dates:
        if sent.start_char <= ref.span.start < sent.end_char:
            token = verb.doc.char_span(ref.span.start, ref.span.end, alignment_mode="expand")
            if token is not None and _governs(verb, token.root):
                return ref.value
    return _published(published)


def _governs(verb: Token, token: Token) -> bool:
    while token.head.i != token.i:
        if token.head == verb:
            return True
        if token.head.pos_ in ("VERB", "AUX") and token.head != verb:
            return False
        token = token.head
    return False


def _reported_speech(ctx: _Context, covered: list[tuple[int, int]]) -> list[Quote]:
    actors = ctx.actors
    quotes = []
    for token in tokens(ctx.doc):
        if not _may_report(token) or _inside(token.idx, covered):
            continue
        content = _reported_content(token, covered)
        if content is None:
            continue
        cue = _according_to(token, actors) if token.lower_ == "according" else _cue(token, actors)
        if cue.speaker is None and cue.speaker_span is None:
            continue
        quotes.append(Quote(
            kind="indirect", content=content, speaker=cue.speaker, speaker_span=cue.speaker_span,
            cue=_token_span(token), addressee=cue.addressee, date=_date_of(cue.verb, ctx.dates, ctx.published),
            sentence=ctx.sentence_of[token.i],
        ))
    return quotes


def _may_report(token: Token) -> bool:
    """A cheap first look: only speech verbs and 'according' can introduce reported speech."""
    return token.lower_ == "according" or token.lemma_ in SPEECH_VERBS


def _inside(offset: int, covered: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in covered)


def _reported_content(token: Token, covered: list[tuple[int, int]]) -> Span | None:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return _according_content(token)
    if token.lemma_ not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return None
    return _clause_content(token, covered)


def _according_content(token: Token) -> Span | None:
    """'X will happen, according to Y': the rest of the sentence is what Y said."""
    subtree = set(token.subtree)
    sent = sentence_of(token)
    words = [t for t in sent if t not in subtree and not t.is_punct]
    if not words or sent.root in subtree:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return Span(start=start, end=end, text=doc_text(token.doc)[start:end])


def _clause_content(token: Token, covered: list[tuple[int, int]]) -> Span | None:
    """'X said (that) ...': the complement clause, unless it is a direct quote."""
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    words = [t for t in clause.subtree if t.dep_ != "mark" or t.head != clause]
    words = [t for t in words if not t.is_punct or t.i not in (clause.left_edge.i, clause.right_edge.i)]
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if _inside(start, covered) or _inside(end - 1, covered):
        return None  # the clause is a direct quote already attributed
    return Span(start=start, end=end, text=doc_text(token.doc)[start:end])


def _according_to(token: Token, actors: Sequence[ActorMention]) -> _Cue:
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    speaker = phrase_actor(source, actors) if source is not None else None
    span = _subtree_span(source) if source is not None else None
    return _Cue(verb=token, speaker=speaker, speaker_span=span, addressee=None)
