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
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventlens.actors.resolve import phrase_actor
from eventlens.dates import CALENDAR
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
# Curly, straight, and the doubled apostrophes some archives (the NYT's) use for quote marks.
# Verbs that report a request or a commitment rather than a statement: their content is the
# infinitive or the 'for'-phrase ('urged Congress to act', 'called for talks').
DIRECTIVE_VERBS = frozenset({"urge", "ask", "call", "demand", "request", "propose", "recommend", "encourage",
                             "advise", "appeal", "press", "promise", "vow", "pledge", "threaten"})
_QUOTE_PAIRS = re.compile(r"“([^”]*)(”|\n\n|$)|\"([^\"\n]*)(\"|\n\n|$)|(?<!\w)''((?:(?!'')[^\n])*)''")
# A quotation that follows one of these words directly is the verb's own quote ('said "...'), not a phrase
# quoted inside the writer's sentence.
_CUE_WORDS = frozenset({"say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "ask", "asks",
                        "asked", "write", "writes", "wrote", "tweet", "tweets", "tweeted", "declare", "declared",
                        "state", "stated", "warn", "warned", "reply", "replied", "continue", "continued",
                        "explain", "explained", "note", "noted", "insist", "insisted", "read", "reads"})
_OPENING_CONTEXT = ",:;.!?()[]—–-\n\"“”'‘’"
_SPEAKER_DEPS = ("nsubj", "nsubjpass")
_RELATIVES = frozenset({"who", "that", "which"})
_DASHES = "―—–-"
# Paragraphs end at a line break: normalised articles separate them by a blank line, raw ones by one.
_PARAGRAPH_BREAK = re.compile(r"\n+")
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
    direct, embedded = _direct_quotes(ctx, min_words)
    covered = [(q.content.start - 1, q.content.end + 1) for q in direct]
    indirect = _reported_speech(ctx, covered)
    fragments = [q for q in embedded if not _overlaps_any(q, indirect)]
    return tuple(sorted(direct + indirect + fragments, key=lambda q: q.content.start))


def _overlaps_any(quote: Quote, others: Sequence[Quote]) -> bool:
    return any(o.content.start < quote.content.end and quote.content.start < o.content.end for o in others)


def _direct_quotes(ctx: _Context, min_words: int) -> tuple[list[Quote], list[Quote]]:
    """Quotations that stand on their own, and phrases quoted inside the writer's sentences.

    '“We will not wait,” Clinton said' is a direct quote. In 'Obama said there
    is a danger when “a president ... gets loose with this language”' the
    quoted words are part of a reported statement: they are returned apart,
    so that the statement is taken whole and the fragment only stands in for
    it when no statement covers it.
    """
    doc, published, text = ctx.doc, ctx.published, doc_text(ctx.doc)
    direct: list[Quote] = []
    embedded: list[Quote] = []
    for match in _QUOTE_PAIRS.finditer(text):
        group = next(g for g in (1, 3, 5) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        if len(text[start:end].split()) < min_words:
            continue  # scare quotes and titles, not quotations
        inner = doc.char_span(start, end, alignment_mode="expand")
        if inner is None:
            continue
        standalone = _stands_alone(text, match.start())
        cue = _cue_for_quote(doc, inner, ctx.actors) if standalone else _fragment_cue(inner, ctx.actors)
        quote = Quote(
            kind="direct" if standalone else "indirect", content=Span(start=start, end=end, text=text[start:end]),
            speaker=cue.speaker if cue else None, speaker_span=cue.speaker_span if cue else None,
            cue=_token_span(cue.verb) if cue else None, addressee=cue.addressee if cue else None,
            date=_date_of(cue.verb, ctx.dates, published) if cue else _published(published),
            sentence=ctx.sentence_of[inner.start],
        )
        (direct if standalone else embedded).append(quote)
    return _continued(direct, text), embedded


def _stands_alone(text: str, mark: int) -> bool:
    """Does the quote opening at ``mark`` start a sentence, follow punctuation, or follow its speech verb?"""
    before = text[:mark].rstrip(" \t")
    if not before or before[-1] in _OPENING_CONTEXT:
        return True
    word = re.search(r"(\w+)$", before)
    return word is not None and word.group(1).lower() in _CUE_WORDS


def _continued(quotes: list[Quote], text: str) -> list[Quote]:
    """A quotation with no speech verb near it continues the speaker of the quote just before it.

    News writing attributes a run of quoted paragraphs once; a quote with no
    cue whose paragraph follows the previous quote's paragraph (or shares it)
    is the same speaker's. A quote after 'Name:' (a transcript, a vox pop) is
    that name's.
    """
    result: list[Quote] = []
    for quote in quotes:
        result.append(_attributed(quote, result[-1] if result else None, text))
    return result


def _attributed(quote: Quote, previous: Quote | None, text: str) -> Quote:
    if quote.speaker_span is not None:
        return quote
    labelled = _label_speaker(text, quote.content.start) or _signed(text, quote.content) \
        or _transcript_label(quote.content)
    if labelled is not None:
        return replace(quote, speaker_span=labelled)
    if previous is not None and previous.speaker_span is not None \
            and len(_PARAGRAPH_BREAK.findall(text, previous.content.end, quote.content.start)) <= 1:
        return replace(quote, speaker=previous.speaker, speaker_span=previous.speaker_span, cue=previous.cue,
                       date=previous.date)
    return quote


def _signed(text: str, content: Span) -> Span | None:
    """'“...” ― Carla Sanchez.': a name after a dash that ends the quote's paragraph."""
    paragraph_end = text.find("\n", content.end)
    tail = text[content.end:paragraph_end if paragraph_end >= 0 else len(text)]
    match = re.match(r"[”\"'\s]*[" + _DASHES + r"]\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})[.,]?\s*$", tail)
    if match is None:
        return None
    start = content.end + match.start(1)
    name = match.group(1).rstrip(".")
    return Span(start=start, end=start + len(name), text=name)


def _transcript_label(content: Span) -> Span | None:
    """'"WALLACE: But, Governor ...': a transcript turn names its speaker in capitals before a colon."""
    match = re.match(r"\s*([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?):\s", content.text)
    if match is None:
        return None
    start = content.start + match.start(1)
    return Span(start=start, end=start + len(match.group(1)), text=match.group(1))


def _label_speaker(text: str, start: int) -> Span | None:
    """'Carlos Raúl, 34: “...' or 'PENCE: ...': the words before a colon that opens the paragraph's quote."""
    paragraph_start = text.rfind("\n", 0, start) + 1  # 0 when the text has no earlier line
    head = text[paragraph_start:start].rstrip(" “\"'")
    if not head.endswith(":") or len(head) > 80:
        return None
    label = head[:-1].split(",")[0].strip()
    words = label.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    return Span(start=paragraph_start, end=paragraph_start + len(label), text=label)


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
        span = cue.speaker_span
        if span is not None and span.start < inner.end_char and inner.start_char < span.end:
            continue  # the parser took the quotation itself for the subject
        if cue.speaker is not None or span is not None:
            return cue
    return None


def _fragment_cue(inner: SpacySpan, actors: Sequence[ActorMention]) -> _Cue | None:
    """The verb whose sentence quotes the fragment: 'Japan branded North Korea an “outlaw nation”'."""
    token = inner.root
    while (token.pos_ not in ("VERB", "AUX") or inner.start <= token.i < inner.end) and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    cue = _cue(token, actors)
    span = cue.speaker_span
    if span is None or (span.start < inner.end_char and inner.start_char < span.end):
        return None
    return cue


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
    if subject is not None and subject.lower_ in _RELATIVES and verb.dep_ == "relcl":
        subject = verb.head  # 'officials who said ...': the speakers are the officials
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
        if ref.granularity in CALENDAR and sent.start_char <= ref.span.start < sent.end_char:
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
    return token.lower_ == "according" or token.lemma_ in SPEECH_VERBS or token.lemma_ in DIRECTIVE_VERBS


def _inside(offset: int, covered: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in covered)


def _reported_content(token: Token, covered: list[tuple[int, int]]) -> Span | None:
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return _rest_of_sentence(token)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    content = _clause_content(token, covered) if token.lemma_ in SPEECH_VERBS else None
    if content is None and token.dep_ == "parataxis" and token.lemma_ in SPEECH_VERBS:
        content = _rest_of_sentence(token)  # 'Acts of protest, Mr. Obama said, are acts of patriotism'
    if content is None and token.lemma_ in DIRECTIVE_VERBS:
        content = _directive_content(token)
    if content is not None and (_inside(content.start, covered) or _inside(content.end - 1, covered)):
        return None
    return content


def _directive_content(token: Token) -> Span | None:
    """'urged Congress to act', 'called for greater coordination': what was asked or promised."""
    clause = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if clause is None:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "on")), None)
        clause = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
    if clause is None:
        return None
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    return Span(start=start, end=end, text=doc_text(token.doc)[start:end])


def _rest_of_sentence(token: Token) -> Span | None:
    """'X will happen, according to Y', 'X, he said, Y': the rest of the sentence is what was said."""
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
