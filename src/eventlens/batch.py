"""A corpus run: read every input, code the new articles on every core, store each exactly once.

The parent process reads, filters and writes; workers parse and code (see
:mod:`eventlens.parallel`). Every input ends in exactly one place: stored as
a new article, added as another source of an article already stored (an
exact copy), recorded in ``skipped`` (filtered out on purpose, with why),
or recorded in ``ingest_errors`` (with the reason). A batch is written in
one transaction together with the copies, errors and skips seen since the
last one, so a run killed at any moment can be re-run to the same end.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from eventlens.config import Settings
from eventlens.ingest import FieldMap, read_inputs
from eventlens.ingest.language import unwanted
from eventlens.ingest.readers import walk
from eventlens.parallel import code_parallel
from eventlens.pipeline import Resources
from eventlens.records import Article, ArticleResult, IngestError, Skipped
from eventlens.store import Store
from eventlens.store.duckdb_store import Copy

Item = Article | IngestError
# Parse batches per write: a transaction costs a few dozen DuckDB calls whatever its size, so writing
# every 4th batch halves the storage cost per article; a kill loses at most that much coding work.
WRITE_BATCHES = 4


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What to read and how to filter it. ``languages`` empty means no language filter."""

    paths: tuple[str, ...]
    input_format: str = "auto"
    fields: FieldMap = field(default_factory=FieldMap)
    timeout: float = 20.0
    workers: int = 1
    limit: int | None = None
    since: dt.date | None = None
    languages: frozenset[str] = frozenset({"en"})


@dataclass(slots=True)
class RunReport:
    """Counts of what happened to the inputs of one run; every input is in exactly one count."""

    new: int = 0
    known: int = 0
    skipped: int = 0
    errors: list[IngestError] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Inputs handled so far."""
        return self.new + self.known + self.skipped + len(self.errors)


@dataclass(slots=True)
class _Pending:
    """What the parent saw since the last write; written with the next batch."""

    results: list[ArticleResult] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stored_copies: dict[str, list[Copy]] = field(default_factory=dict)


class Run:
    """One run over a store; ``execute`` drives it, ``progress`` is called as inputs are handled."""

    def __init__(self, store: Store, options: RunOptions, settings: Settings, model: str,
                 progress: Callable[[RunReport], None] | None = None) -> None:
        self.store, self.options, self.settings, self.model = store, options, settings, model
        self.progress = progress or (lambda report: None)
        self.report = RunReport()
        self._stored = store.known_ids()
        self._in_flight: dict[str, list[Copy]] = {}  # coded this run, not stored yet: their copies wait
        self._order: deque[str | None] = deque()  # article id per item sent to the coder, in order
        self._pending = _Pending()

    def execute(self) -> RunReport:
        """Code and store everything; on interrupt, store what is already coded, then re-raise."""
        opts = self.options
        items = islice(read_inputs(list(opts.paths), opts.input_format, fields=opts.fields, timeout=opts.timeout),
                       opts.limit)
        self.progress(self.report)
        try:
            for outcome in code_parallel(self._select(items), self.settings, self.options.workers):
                self._take(outcome)
                if len(self._pending.results) >= WRITE_BATCHES * self.settings.batch_size:
                    self._flush()
        finally:
            self._flush()
        return self.report

    def _select(self, items: Iterable[Item]) -> Iterator[Item]:
        """Items that need coding; copies and filtered articles are settled here, in the parent."""
        for item in items:
            if isinstance(item, Article):
                if self._is_copy(item):
                    continue
                skip = self._filtered(item)
                if skip is not None:
                    self._pending.skipped.append(skip)
                    self.report.skipped += 1
                    self.progress(self.report)
                    continue
                self._in_flight[item.id] = []
                self._order.append(item.id)
            else:
                self._order.append(None)
            yield item

    def _is_copy(self, article: Article) -> bool:
        copy = (article.source or article.id, article.url)
        if article.id in self._stored:
            self._pending.stored_copies.setdefault(article.id, []).append(copy)
        elif article.id in self._in_flight:
            self._in_flight[article.id].append(copy)
        else:
            return False
        self.report.known += 1
        self.progress(self.report)
        return True

    def _filtered(self, article: Article) -> Skipped | None:
        since = self.options.since
        if since is not None and article.published is not None and article.published < since:
            return Skipped(source=article.source or article.id, article_id=article.id, kind="since",
                           reason=f"published {article.published.isoformat()}, before --since {since.isoformat()}")
        if self.options.languages:
            found = unwanted(article.text, self.options.languages)
            if found is not None:
                wanted = ",".join(sorted(self.options.languages))
                return Skipped(source=article.source or article.id, article_id=article.id, kind="language",
                               reason=f"detected language {found.language!r} (p={found.probability:.2f}), "
                                      f"not in --language {wanted}", language=found.language)
        return None

    def _take(self, outcome: ArticleResult | IngestError) -> None:
        article_id = self._order.popleft()
        if isinstance(outcome, ArticleResult):
            self._pending.results.append(outcome)
            return
        self._pending.errors.append(outcome)
        self.report.errors.append(outcome)
        for source, _url in self._in_flight.pop(article_id, []) if article_id else []:
            copy_error = IngestError(source=source, kind=outcome.kind,
                                     reason=f"same text as {outcome.source}, which failed: {outcome.reason}")
            self._pending.errors.append(copy_error)
            self.report.errors.append(copy_error)
        self.progress(self.report)

    def _flush(self) -> None:
        pending, self._pending = self._pending, _Pending()
        copies = {r.article.id: self._in_flight.pop(r.article.id, []) for r in pending.results}
        with self.store.transaction():
            self.report.new += self.store.write(pending.results, self.model, copies=copies)
            self.store.add_copies(pending.stored_copies)
            self.store.record_errors(pending.errors)
            self.store.record_skipped(pending.skipped)
            self.store.clear_errors(r.article.source for r in pending.results if r.article.source)
        self._stored.update(r.article.id for r in pending.results)
        self.progress(self.report)


def run_corpus(db: str | Path, options: RunOptions, settings: Settings,
               progress: Callable[[RunReport], None] | None = None) -> RunReport:
    """Code every input of ``options`` into the DuckDB file ``db``."""
    from eventlens.nlp import model_name  # noqa: PLC0415  # the model loads only when a run starts

    model = model_name(Resources.load(settings).nlp)
    with Store(db) as store:
        return Run(store, options, settings, model, progress).execute()


def estimate_inputs(paths: Iterable[str]) -> int | None:
    """How many inputs a run will read, when that can be counted cheaply (for the ETA); else None."""
    total = 0
    for name in paths:
        path = Path(name)
        files = [path] if path.is_file() else list(walk(path)) if path.is_dir() else []
        if name == "-" or not (path.is_file() or path.is_dir()):
            return None
        for file in files:
            count = _count_file(file)
            if count is None:
                return None
            total += count
    return total


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if suffix in (".txt", ".text", ".html", ".htm"):
        return 1
    return None  # feeds, archives, JSON arrays: counted only by reading them
