"""Near-duplicate detection on syndicated variants of the sample articles: precision and recall.

Usage: .venv/bin/python bench/bench_neardup.py [--variants 6] [--seed 7]

Each sample article is re-published the way wire copy is: a new headline,
a byline or dateline, a trimmed ending, a dropped paragraph, a trailer,
copy-edited words. Follow-up stories that reuse a few background paragraphs
of an article are added as hard negatives. Every text is assigned a story
by :class:`eventlens.ingest.dedup.StoryIndex`; pairs in the same predicted
story are scored against pairs from the same original.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

from eventlens.ingest import read_inputs
from eventlens.ingest.dedup import StoryIndex, signature
from eventlens.records import Article

ROOT = Path(__file__).resolve().parents[1]
HEADLINES = ("UPDATE 2-{}", "{} - officials", "WORLD NEWS: {}", "{} (updated)", "Analysis: {}")
BYLINES = ("By Staff and Wire Reports", "From our correspondent", "MOSCOW (Wire) -", "By a Reuters reporter")
TRAILERS = ("Copyright 2009 The Associated Press. All rights reserved.", "Editing by Jon Boyle.",
            "Follow our coverage of world affairs online.", "This story has been corrected to fix a name.")
EDITS = (("said", "says"), ("government", "administration"), ("on Tuesday", "Tuesday"), (" the ", " a "))


def variant(paragraphs: list[str], rng: random.Random) -> str:
    """One syndicated copy: the same story with a publisher's changes."""
    head, body = paragraphs[0], list(paragraphs[1:])
    head = rng.choice(HEADLINES).format(head)
    if rng.random() < 0.5:
        body.insert(0, rng.choice(BYLINES))
    if len(body) > 3 and rng.random() < 0.7:  # trimmed ending: up to 40 % of the paragraphs go
        body = body[: len(body) - rng.randint(1, max(1, int(0.4 * len(body))))]
    if len(body) > 4 and rng.random() < 0.3:
        del body[rng.randrange(1, len(body) - 1)]
    if rng.random() < 0.5:
        body.append(rng.choice(TRAILERS))
    text = "\n\n".join([head, *body])
    for old, new in rng.sample(EDITS, k=2):
        text = text.replace(old, new, 2)
    return text


def follow_up(paragraphs: list[str], others: list[list[str]], rng: random.Random) -> str:
    """A new story on the same subject: a third of it is background reused from ``paragraphs``."""
    fresh = [p for other in others for p in other[1:3]]
    reused = rng.sample(paragraphs[1:], k=max(1, len(fresh) // 2))
    return "\n\n".join([f"New developments: {paragraphs[0]}", *fresh, *reused])


def fixture(n_variants: int, seed: int) -> list[tuple[str, str]]:
    """(true story, text) for originals, their variants and follow-ups."""
    rng = random.Random(seed)
    originals = [a for a in read_inputs([str(ROOT / "samples")]) if isinstance(a, Article)]
    split = [a.text.split("\n\n") for a in originals]
    long = [p for p in split if len(p) > 2]
    items: list[tuple[str, str]] = []
    for index, paragraphs in enumerate(split):
        items.append((f"s{index}", "\n\n".join(paragraphs)))
        items += [(f"s{index}", variant(paragraphs, rng)) for _ in range(n_variants if len(paragraphs) > 2 else 2)]
        if len(paragraphs) > 2:
            others = [long[(long.index(paragraphs) + k) % len(long)] for k in (1, 2)]
            items.append((f"f{index}", follow_up(paragraphs, others, rng)))
    rng.shuffle(items)
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=6, help="syndicated copies per long sample article")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    items = fixture(args.variants, args.seed)
    index = StoryIndex()
    started = time.perf_counter()
    predicted = [index.assign(f"a{i}", signature(text)) for i, (_, text) in enumerate(items)]
    per_article = (time.perf_counter() - started) / len(items)
    true_pairs = {(i, j) for i, j in itertools.combinations(range(len(items)), 2) if items[i][0] == items[j][0]}
    found_pairs = {(i, j) for i, j in itertools.combinations(range(len(items)), 2) if predicted[i] == predicted[j]}
    hits = len(true_pairs & found_pairs)
    precision = hits / len(found_pairs) if found_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    print(f"fixture            {len(items)} texts, {len({s for s, _ in items})} true stories "
          f"({len(true_pairs)} same-story pairs), seed {args.seed}")
    print(f"predicted stories  {len(set(predicted))}")
    print(f"pair precision     {precision:.3f}")
    print(f"pair recall        {recall:.3f}")
    print(f"cost               {1000 * per_article:.2f} ms per article (signature + index)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
