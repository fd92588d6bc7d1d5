"""Throughput of `eventlens run` against bare spaCy `nlp.pipe`, same model, same texts, one run.

Usage: .venv/bin/python bench/bench_throughput.py [--articles 1000] [--rounds 1]

Prints articles/s for both (eventlens in one process, with 1 and with 2
workers), their ratios, the peak resident memory of each worker process, DuckDB write throughput, and each
stage's share of the time eventlens spends per article (parse included), so
that the cost of what eventlens adds is visible next to the parse. No
wall-clock limit is asserted anywhere: machines are shared and noisy;
compare ratios measured side by side.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import spacy

from eventlens.actors.resolve import resolve_actors
from eventlens.cli import main as cli_main
from eventlens.dates import extract_dates
from eventlens.events.coder import CodingContext, code_events
from eventlens.ingest import article_from_text, parse_published, read_inputs
from eventlens.ingest.dedup import signature
from eventlens.ingest.language import unwanted
from eventlens.nlp import model_name
from eventlens.pipeline import Resources, code_stream
from eventlens.places.gazetteer import build_gazetteer, load_gazetteer
from eventlens.places.resolve import resolve_places
from eventlens.quotes import extract_quotes
from eventlens.records import Article, ArticleResult
from eventlens.store import Store

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int) -> list[dict[str, str]]:
    """n distinct articles built from the bundled samples (each gets its own closing line)."""
    base = [a for a in read_inputs([str(ROOT / "samples")]) if isinstance(a, Article)]
    rows = []
    for i in range(n):
        art = base[i % len(base)]
        rows.append({"id": f"bench-{i}", "text": f"{art.text}\n\nBenchmark copy {i}.",
                     "published": art.published.isoformat() if art.published else ""})
    return rows


def gazetteer_load() -> tuple[float, float]:
    """Seconds to build the gazetteer from its sources, and to load it from the disk cache."""
    start = time.perf_counter()
    build_gazetteer()
    built = time.perf_counter() - start
    load_gazetteer.cache_clear()
    start = time.perf_counter()
    load_gazetteer()
    return built, time.perf_counter() - start


def bare_pipe(nlp: spacy.language.Language, texts: list[str], batch: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch):
        pass
    return time.perf_counter() - start


def eventlens_run(path: Path, batch: int, workers: int = 1) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = cli_main(["run", str(path), "--db", str(Path(tmp) / "bench.duckdb"),
                             "--batch-size", str(batch), "--workers", str(workers)])
        elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"eventlens run failed with exit code {code}")
    return elapsed


def worker_memory(path: Path, batch: int, workers: int = 2) -> tuple[list[int], int]:
    """Peak RSS in bytes of each worker, and of the parent, of `eventlens run` as a user starts it.

    Run in a process of its own: forked workers count their parent's pages in
    their RSS, and this benchmark's process also holds the bare model.
    """
    peaks: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "eventlens.cli", "run", str(path), "--db", str(Path(tmp) / "m.duckdb"),
                   "--batch-size", str(batch), "--workers", str(workers), "--quiet"]
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
            parent = 0
            while process.poll() is None:  # VmHWM is the kernel's own peak: sampling only has to see it late
                parent = max(parent, _peak_rss(process.pid))
                for pid in _children(process.pid):
                    peaks[pid] = max(peaks.get(pid, 0), _peak_rss(pid))
                time.sleep(0.2)
    return sorted(peaks.values()), parent


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _peak_rss(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def store_rate(res: Resources, rows: list[dict[str, str]], batch: int) -> tuple[float, float]:
    """Articles/s and rows/s of Store.write alone, on results coded beforehand."""
    articles = [article_from_text(r["text"], source=r["id"], published=parse_published(r["published"]))
                for r in rows]
    results = [r for r in code_stream(articles, res) if isinstance(r, ArticleResult)]
    row_count = sum(1 + len(r.events) + len(r.quotes) + len(r.actors) + len(r.places) + len(r.dates)
                    for r in results)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "w.duckdb") as store:
        store.write(results[:1], "bench")  # first-use costs (imports, the story index) are not throughput
        start = time.perf_counter()
        for i in range(1, len(results), batch):
            store.write(results[i:i + batch], "bench")
        elapsed = time.perf_counter() - start
    return (len(results) - 1) / elapsed, row_count / elapsed


def stage_shares(res: Resources, rows: list[dict[str, str]]) -> dict[str, float]:
    """Seconds per stage over the corpus, the parse included."""
    totals = dict.fromkeys(("parse", "ingest", "dates", "places", "actors", "quotes", "events"), 0.0)
    clock = Clock(totals)
    unwanted("warm up the identifier", frozenset({"en"}))  # a one-off load, not a per-article cost
    for row in rows:
        with clock("ingest"):  # normalisation, language check and near-duplicate signature
            art = article_from_text(row["text"], source=row["id"], published=parse_published(row["published"]))
            unwanted(art.text, frozenset({"en"}))
            signature(art.text)
        with clock("parse"):
            doc = res.nlp(art.text)
        with clock("dates"):
            dates = extract_dates(doc, art.published)
        with clock("places"):
            places = resolve_places(doc, res.gazetteer)
        with clock("actors"):
            actors = resolve_actors(doc, res.matcher, places, art.published)
        with clock("quotes"):
            extract_quotes(doc, actors, dates, art.published)
        with clock("events"):
            code_events(CodingContext(doc=doc, article=art, actors=actors, places=places, dates=dates,
                                      lexicon=res.lexicon, ontology=res.ontology, settings=res.settings))
    return totals


class Clock:
    """Adds the time spent in a ``with clock(name):`` block to ``totals[name]``."""

    def __init__(self, totals: dict[str, float]) -> None:
        self.totals = totals

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.totals[name] += time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds; the best of each is kept")
    parser.add_argument("--stage-articles", type=int, default=200, help="articles timed stage by stage")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    load_start = time.perf_counter()
    res = Resources.load()
    load_seconds = time.perf_counter() - load_start
    bare = spacy.load(res.nlp.path) if res.nlp.path else spacy.load(res.nlp.meta["name"])
    rows = corpus(args.articles)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        bare_pipe(bare, texts[:4], args.batch_size)  # warm caches for both before timing
        eventlens_run(path, args.batch_size, workers=0)
        bare_times, inline_times, run_times, parallel_times = [], [], [], []
        for _ in range(args.rounds):
            bare_times.append(bare_pipe(bare, texts, args.batch_size))
            inline_times.append(eventlens_run(path, args.batch_size, workers=0))
            run_times.append(eventlens_run(path, args.batch_size))
            parallel_times.append(eventlens_run(path, args.batch_size, workers=2))
        subset = Path(tmp) / "memory.jsonl"
        subset.write_text("".join(json.dumps(r) + "\n" for r in rows[: args.stage_articles]), encoding="utf-8")
        peaks, parent_peak = worker_memory(subset, args.batch_size)
    shares = stage_shares(res, rows[: args.stage_articles])
    built, cached = gazetteer_load()
    write_articles, write_rows = store_rate(res, rows[: args.stage_articles], args.batch_size)
    bare_rate = len(texts) / min(bare_times)
    run_rate = len(texts) / min(run_times)
    total = sum(shares.values())
    print(f"model              {model_name(res.nlp)}  (resources loaded in {load_seconds:.1f} s)")
    print(f"corpus             {len(texts)} articles, {words:,} words (samples/ repeated)")
    print(f"bare nlp.pipe      {bare_rate:7.1f} articles/s  ({words / min(bare_times):,.0f} words/s)")
    parallel_rate = len(texts) / min(parallel_times)
    inline_rate = len(texts) / min(inline_times)
    print(f"eventlens run -w0  {inline_rate:7.1f} articles/s  (one process: parse, stages, ingest and DuckDB "
          f"write in turn; {inline_rate / bare_rate:.2f} of bare)")
    print(f"eventlens run -w1  {run_rate:7.1f} articles/s  (1 worker parses and codes; the parent reads and writes)")
    print(f"eventlens run -w2  {parallel_rate:7.1f} articles/s  (2 workers)")
    print(f"ratio run / pipe   {run_rate / bare_rate:7.2f}   (1 worker against bare nlp.pipe)")
    print(f"ratio 2 / 1 worker {parallel_rate / run_rate:7.2f}")
    worker_peaks = ", ".join(f"{peak / 2**20:,.0f} MiB" for peak in peaks) or "not measured (no /proc)"
    print(f"peak RSS / worker  {worker_peaks}  (parent {parent_peak / 2**20:,.0f} MiB; "
          f"`eventlens run -w2` on {min(len(rows), args.stage_articles)} articles)")
    print(f"gazetteer          {cached:7.2f} s from the disk cache ({built:.1f} s to build it on first use)")
    print(f"DuckDB write       {write_articles:7.1f} articles/s  ({write_rows:,.0f} rows/s, Store.write alone)")
    staged = min(len(rows), args.stage_articles)
    print(f"stage shares of per-article time ({staged} single-article calls, parse included):")
    for name, seconds in shares.items():
        print(f"  {name:<8} {100 * seconds / total:5.1f} %   {1000 * seconds / staged:6.1f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
