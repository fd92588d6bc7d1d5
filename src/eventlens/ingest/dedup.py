"""Near-duplicate articles: syndicated copies linked to one story id.

Wire stories are re-published with another headline, a local byline, a
trimmed ending or an added paragraph; their texts differ, so their content
hashes differ, but they report the same facts once. Each article gets a
MinHash signature over word shingles; a locality-sensitive index finds
earlier articles with some similarity, and the new article joins the story
of the most similar one if one of the two is mostly contained in the other
(containment, estimated from the Jaccard estimate and the shingle counts,
because a trimmed copy has a low Jaccard similarity to the full story but
is almost wholly contained in it). A story id is
the id of its first article, so ids are stable across re-runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128  # estimates Jaccard within about ±0.04, at 512 bytes per stored article
# 42 bands of 3 rows: a pair with Jaccard 0.4 becomes a candidate with probability 0.94, 0.5 with 0.996;
# unrelated news (Jaccard ~0.01) with 4e-5, so a million stored articles give tens of candidates to check.
BANDS, ROWS = 42, 3
SHINGLE_WORDS = 3
CONTAINMENT = 0.75  # a copy shares >= 90 % of its shingles with the original; follow-up stories < 40 %
# A copy keeps most of the story (wire trims cut the last paragraphs, not half of it); without this, a
# brief quoted whole inside a round-up would join the round-up's story, and chain other briefs to it.
MIN_SIZE_RATIO = 0.5
_SEED = 1
_SCHEME = "affine32"  # fixed explicitly: stored signatures must stay comparable across datasketch upgrades
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Lower-cased word trigrams: insensitive to spacing, punctuation and case changes between copies."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


@dataclass(frozen=True, slots=True)
class Signature:
    """MinHash values (NUM_PERM unsigned 32-bit ints) and the shingle count they summarise."""

    values: tuple[int, ...]
    size: int


def signature(text: str) -> Signature:
    """The article's MinHash signature."""
    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, permutations=_permutations())
    minhash.update_batch(sorted(grams))
    return Signature(values=tuple(int(v) for v in minhash.hashvalues), size=len(grams))


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller article's shingles found in the other one."""
    jaccard = float(np.mean(np.asarray(a.values) == np.asarray(b.values)))
    common = jaccard * (a.size + b.size) / (1 + jaccard)
    return min(1.0, common / max(1, min(a.size, b.size)))


class StoryIndex:
    """Assigns story ids: an article joins the story of its most similar earlier article."""

    def __init__(self, min_containment: float = CONTAINMENT) -> None:
        self.min_containment = min_containment
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(BANDS, ROWS))
        self._signatures: dict[str, Signature] = {}
        self._story: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._story)

    def load(self, rows: Iterable[tuple[str, str, Signature]]) -> None:
        """Index stored articles: (article id, story id, signature)."""
        for article_id, story_id, sig in rows:
            self._insert(article_id, story_id, sig)

    def assign(self, article_id: str, sig: Signature) -> str:
        """The story id for a new article (its own id if no earlier article is a near-duplicate)."""
        if article_id in self._story:
            return self._story[article_id]
        best, best_score = None, self.min_containment
        for candidate in sorted(self._lsh.query(_minhash(sig))):  # sorted: ties resolve the same way every run
            other = self._signatures[candidate]
            if min(sig.size, other.size) < MIN_SIZE_RATIO * max(sig.size, other.size):
                continue
            score = containment(sig, other)
            if score >= best_score:
                best, best_score = candidate, score
        story = self._story[best] if best is not None else article_id
        self._insert(article_id, story, sig)
        return story

    def _insert(self, article_id: str, story_id: str, sig: Signature) -> None:
        self._lsh.insert(article_id, _minhash(sig))
        self._signatures[article_id] = sig
        self._story[article_id] = story_id


def _minhash(sig: Signature) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, permutations=_permutations(),
                   hashvalues=np.asarray(sig.values, dtype=np.uint32))


@cache
def _permutations() -> np.ndarray:
    """The seed's permutation parameters, drawn once: drawing them costs more than hashing an article."""
    permutations: np.ndarray = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations
    return permutations
