"""Time expressions scored on TimeBank + AQUAINT (TBAQ-cleaned): DATE values against the document date.

Gold DATE TIMEX3 values are compared with ours as strings, after one
spelling fix (:func:`canonical`). ``value_accuracy`` is over
the expressions found (spans overlapping a gold DATE); precision, recall and
F1 count an expression as right only with the right value, as in TempEval-3's
value F1.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET  # trusted gold files from ../shared
from collections.abc import Iterator
from pathlib import Path

from eventlens.dates import extract_dates
from eventlens.ingest import parse_published
from eventlens.pipeline import Resources
from eventlens.records import TimeRef

GoldTimex = tuple[int, int, str]


def read_tml(path: Path) -> tuple[str, dt.date | None, list[GoldTimex]]:
    """Plain text of <TEXT>, the creation date, and (start, end, value) of each DATE TIMEX3."""
    root = ET.parse(path).getroot()  # trusted gold files from ../shared
    dct = root.find("DCT/TIMEX3")
    published = parse_published((dct.get("value") or "")[:10], str(path)) if dct is not None else None
    body = root.find("TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    if body is not None:
        _walk(body, parts, gold)
    return "".join(parts), published, gold


def _walk(node: ET.Element, parts: list[str], gold: list[GoldTimex]) -> None:
    parts.append(node.text or "")
    for child in node:
        start = sum(len(p) for p in parts)
        _walk(child, parts, gold)
        if child.tag == "TIMEX3" and child.get("type") == "DATE":
            gold.append((start, sum(len(p) for p in parts), child.get("value") or ""))
        parts.append(child.tail or "")


def iter_documents(folder: Path) -> Iterator[tuple[str, dt.date | None, list[GoldTimex]]]:
    """Every .tml file under the folder."""
    for path in sorted(folder.rglob("*.tml")):
        yield read_tml(path)


def as_timeml(ref: TimeRef) -> str:
    """Our value in TimeML's form: weeks as ISO weeks.

    A part of a day ("Sunday night") is left as the day: TimeBank's
    annotators wrote it that way more often than with a TNI/TMO suffix.
    """
    if ref.granularity == "week":
        year, week, _ = ref.start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return ref.value


def canonical(value: str) -> str:
    """One spelling per TimeML value: annotators wrote week 8 as both 'W8' and 'W08', and the 1990s as
    both '199' and '199X'. Nothing else is loosened: '1998-WXX' (some week) still differs from a week."""
    value = re.sub(r"-W(\d)(?=$|-)", r"-W0\1", value)
    return re.sub(r"^(\d{2,3})X+$", r"\1", value)


def score_time(folder: Path, resources: Resources) -> dict[str, float]:
    """Value accuracy on found DATE expressions, and value precision/recall/F1."""
    docs = list(iter_documents(folder))
    gold_total = produced = found = correct = 0
    for (_, published, gold), doc in zip(docs, resources.nlp.pipe(t for t, _, _ in docs), strict=True):
        refs = extract_dates(doc, published)
        gold_total += len(gold)
        produced += len(refs)
        for ref in refs:
            match = next((g for g in gold if g[0] < ref.span.end and ref.span.start < g[1]), None)
            if match is not None:
                found += 1
                correct += canonical(as_timeml(ref)) == canonical(match[2])
    precision = correct / produced if produced else 0.0
    recall = correct / gold_total if gold_total else 0.0
    return {"value_accuracy": correct / found if found else 0.0, "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "gold": float(gold_total), "found": float(found)}
