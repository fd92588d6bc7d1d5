"""Quotes scored on PolNeAR (brat standoff: Source, Cue, Content spans per attribution).

Contents are matched by overlap (and exactly, ignoring edge quote marks,
punctuation and spaces); the speaker of a matched content is right when our
speaker span overlaps the gold Source span. A gold content is direct when
quote marks enclose it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventlens.ingest.normalise import article_id
from eventlens.pipeline import Resources, analyse
from eventlens.records import Article, Quote

_QUOTES = "\"“”'‘’«»"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: content span, source span (if any), direct or not."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    direct: bool


def read_ann(text: str, ann: str) -> list[GoldAttribution]:
    """Attributions of one brat .ann file (discontinuous spans keep their outer bounds)."""
    spans: dict[str, tuple[str, int, int]] = {}
    relations = []
    for line in ann.splitlines():
        if line.startswith("T"):
            key, info, _ = [*line.split("\t"), "", ""][:3]
            label, *offsets = re.split(r"[ ;]", info)
            numbers = [int(o) for o in offsets if o.isdigit()]
            if numbers:
                spans[key] = (label, min(numbers), max(numbers))
        elif line.startswith("E"):
            relations.append(dict(part.split(":", 1) for part in line.split("\t")[1].split() if ":" in part))
    gold = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""))
        gold.append(GoldAttribution(content=(content[1], content[2]),
                                    source=(source[1], source[2]) if source else None,
                                    direct=_is_direct(text, content[1], content[2])))
    return gold


def _is_direct(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2):start]
    inside = text[start:end].strip()
    return any(q in before for q in _QUOTES[:3]) or (inside[:1] in _QUOTES[:3] and inside[-1:] in _QUOTES)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _core(text: str) -> str:
    return text.strip().strip(_QUOTES + ".,;: ").strip()


def score_quotes(folder: Path, resources: Resources) -> dict[str, float]:
    """Content P/R/F1 (overlap and exact) for direct quotes and all attributions; source accuracy."""
    tallies = {k: [0, 0, 0, 0] for k in ("direct", "all")}  # produced, gold, hits(produced), hits(gold)
    exact = [0, 0, 0]  # produced, gold, exact hits
    sources = [0, 0]
    texts = sorted((folder / "text").glob("*.txt"))
    for path in texts:
        # one annotator's file per text: NAME_<annotator>.ann
        anns = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        ann = anns[0]
        text = path.read_text(encoding="utf-8")
        gold = read_ann(text, ann.read_text(encoding="utf-8"))
        quotes = _quotes(text, resources)
        _tally(tallies["all"], quotes, gold)
        _tally(tallies["direct"], [q for q in quotes if q.kind == "direct"], [g for g in gold if g.direct])
        exact[0] += len(quotes)
        exact[1] += len(gold)
        exact[2] += sum(any(_core(text[g.content[0]:g.content[1]]) == _core(q.content.text) for q in quotes)
                        for g in gold)
        for g in gold:
            match = next((q for q in quotes if _overlap((q.content.start, q.content.end), g.content)), None)
            if match is not None and g.source is not None:
                sources[1] += 1
                span = match.speaker_span
                sources[0] += span is not None and _overlap((span.start, span.end), g.source)
    metrics: dict[str, float] = {}
    for kind, (produced, gold_n, hit_p, hit_g) in tallies.items():
        precision, recall = hit_p / (produced or 1), hit_g / (gold_n or 1)
        metrics[f"{kind}_f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        metrics[f"{kind}_precision"], metrics[f"{kind}_recall"] = precision, recall
    precision, recall = exact[2] / (exact[0] or 1), exact[2] / (exact[1] or 1)
    metrics["all_exact_f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics["source_accuracy"] = sources[0] / (sources[1] or 1)
    metrics["documents"] = float(len(texts))
    return metrics


def _quotes(text: str, resources: Resources) -> tuple[Quote, ...]:
    # The raw text, not the normalised one: the gold offsets point into the file as it is.
    article = Article(id=article_id(text), text=text, source="polnear")
    return analyse(resources.nlp(text), article, resources).quotes


def _tally(tally: list[int], quotes: tuple[Quote, ...] | list[Quote], gold: list[GoldAttribution]) -> None:
    tally[0] += len(quotes)
    tally[1] += len(gold)
    tally[2] += sum(any(_overlap((q.content.start, q.content.end), g.content) for g in gold) for q in quotes)
    tally[3] += sum(any(_overlap((q.content.start, q.content.end), g.content) for q in quotes) for g in gold)
