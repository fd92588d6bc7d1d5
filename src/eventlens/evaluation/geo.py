"""Toponym resolution scored on LGL, GeoVirus and GeoWebNews, on the gold toponym spans.

Measures, as in Gritta et al.'s geoparsing evaluation: accuracy within 161 km
(100 miles), mean error in km, and the AUC of the log error curve (0 best,
1 worst). A toponym eventlens cannot resolve counts as the largest possible
error, half the Earth's circumference.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET  # trusted gold files from ../shared
from collections.abc import Iterator
from pathlib import Path

from eventlens.pipeline import Resources
from eventlens.places.resolve import resolve_spans

MAX_KM = 20039.0
Gold = tuple[int, int, float, float]


def read_set(path: Path) -> Iterator[tuple[str, list[Gold]]]:
    """(text, [(start, end, lat, lon)]) per article, for the three XML formats."""
    root = ET.parse(path).getroot()  # trusted gold files from ../shared
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        spots = [g for g in (_gold(t) for t in [*article.iter("toponym"), *article.iter("location")]) if g]
        if text and spots:
            yield text, spots


def _gold(node: ET.Element) -> Gold | None:
    start, end = node.findtext("start"), node.findtext("end")
    lat = node.findtext("gaztag/lat") or node.findtext("lat") or node.findtext("latitude")
    lon = node.findtext("gaztag/lon") or node.findtext("lon") or node.findtext("longitude")
    if not (start and end and lat and lon and lat.strip() and lon.strip()):
        return None
    return int(start), int(end), float(lat), float(lon)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score_geo(path: Path, resources: Resources) -> dict[str, float]:
    """Accuracy@161 km, mean error and error-curve AUC on gold spans."""
    articles = list(read_set(path))
    errors: list[float] = []
    docs = resources.nlp.pipe((text for text, _ in articles), batch_size=16)
    for (_, golds), doc in zip(articles, docs, strict=True):
        spans = [doc.char_span(s, e, alignment_mode="expand") for s, e, _, _ in golds]
        usable = [(span, gold) for span, gold in zip(spans, golds, strict=True) if span is not None]
        places = resolve_spans(doc, [span for span, _ in usable], resources.gazetteer)
        for place, (_, (_, _, lat, lon)) in zip(places, usable, strict=True):
            found = place.lat is not None and place.lon is not None
            errors.append(distance_km(lat, lon, place.lat, place.lon) if found else MAX_KM)  # type: ignore[arg-type]
        errors.extend(MAX_KM for span in spans if span is None)
    n = len(errors) or 1
    auc = sum(math.log(1 + e) for e in errors) / (n * math.log(1 + MAX_KM))
    return {"accuracy_161km": sum(e <= 161 for e in errors) / n, "mean_error_km": sum(errors) / n,
            "auc": auc, "toponyms": float(len(errors))}
