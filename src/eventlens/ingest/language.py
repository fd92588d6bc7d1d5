"""Language identification, so that non-English articles are skipped and recorded, not miscoded.

The English pipeline would tag a French article with nonsense entities and
events; a run skips such an article and records it with the detected
language. Only confident detections skip: a short or odd text the
identifier is unsure about is coded rather than lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 600  # the first paragraphs decide (p > 0.99 on news text); the cost grows with the length
MIN_CONFIDENCE = 0.9


@dataclass(frozen=True, slots=True)
class Detected:
    """An ISO 639-1 code and the identifier's probability for it."""

    language: str
    probability: float


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Detected:
    """The most probable language of ``text``."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return Detected(language=str(language), probability=float(probability))


def unwanted(text: str, wanted: frozenset[str]) -> Detected | None:
    """The detection if ``text`` is confidently in a language outside ``wanted``, else None."""
    found = detect(text)
    if found.language in wanted or found.probability < MIN_CONFIDENCE:
        return None
    return found
