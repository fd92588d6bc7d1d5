"""Named-entity F1 of the spaCy pipeline eventlens uses, on CoNLL-2003 test (IOB2).

spaCy's OntoNotes labels are mapped to CoNLL's four: PERSON -> PER, ORG ->
ORG, GPE/LOC/FAC -> LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT -> MISC;
dates and numbers are not CoNLL entities. Sentences are given to the model
already tokenised, so the score measures recognition, not tokenisation.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
          "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC"}
Entity = tuple[int, int, int, str]


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(words, IOB2 tags) per sentence, skipping document markers."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if words:
                yield words, tags
            words, tags = [], []
            continue
        words.append(cols[0])
        tags.append(cols[-1])
    if words:
        yield words, tags


def gold_entities(index: int, tags: list[str]) -> set[Entity]:
    """Entity spans from IOB tags (IOB1 'I-' starts are accepted too)."""
    spans: set[Entity] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else ""
        if start >= 0 and (tag == "O" or tag.startswith("B-") or kind != label):
            spans.add((index, start, i, label))
            start = -1
        if tag != "O" and start < 0:
            start, label = i, kind
    return spans


def score_ner(path: Path, nlp: Language, batch_size: int = 256) -> dict[str, float]:
    """Entity-level precision, recall and F1 (exact span and type)."""
    sentences = list(read_conll(path))
    gold: set[Entity] = set()
    for i, (_, tags) in enumerate(sentences):
        gold |= gold_entities(i, tags)
    docs = (Doc(nlp.vocab, words=words) for words, _ in sentences)
    predicted: set[Entity] = set()
    for i, doc in enumerate(nlp.pipe(docs, batch_size=batch_size)):
        predicted |= {(i, e.start, e.end, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS}
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "entities": float(len(gold))}
