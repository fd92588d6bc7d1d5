"""The embedded DuckDB store: one file, one table per record type, keyed by article id.

Each batch of articles is written in one transaction from Arrow tables, so
a run killed at any moment leaves whole articles or none, and re-running
adds nothing for articles already stored.

An article is stored once per distinct text; every place it was found is a
row of ``article_sources``. Near-duplicates (syndicated copies) share a
``story_id``. Every coded occurrence of an event is a row of
``event_mentions``; the ``events`` view folds mentions of the same event
(same source, target, category, date, place and modes, see
:func:`eventlens.events.identity.event_key`) into one row with its counts of
mentions, articles and independent stories, as GDELT splits Events and
Mentions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventlens.config import CODER_VERSION, SCHEMA_VERSION
from eventlens.errors import StoreError
from eventlens.events.identity import event_key
from eventlens.ingest.dedup import Signature, StoryIndex, signature
from eventlens.records import ArticleResult, Event, IngestError, Quote, Skipped

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, external_id VARCHAR, title VARCHAR, published DATE, url VARCHAR,
    source VARCHAR, language VARCHAR, text VARCHAR, n_events INTEGER, n_quotes INTEGER,
    model VARCHAR, coder VARCHAR, coded_at TIMESTAMP, story_id VARCHAR, minhash UINTEGER[], shingles INTEGER);
CREATE TABLE IF NOT EXISTS article_sources (
    article_id VARCHAR, source VARCHAR, url VARCHAR, PRIMARY KEY (article_id, source));
CREATE TABLE IF NOT EXISTS event_mentions (
    mention_id VARCHAR, event_id VARCHAR, article_id VARCHAR, sentence INTEGER,
    source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_role VARCHAR,
    target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_role VARCHAR,
    plover VARCHAR, modes VARCHAR[], cameo VARCHAR, cameo_name VARCHAR, quad_class INTEGER,
    goldstein DOUBLE, date VARCHAR, date_granularity VARCHAR,
    place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
    confidence DOUBLE, trigger_start INTEGER, trigger_end INTEGER,
    evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR,
    rule VARCHAR, lexicon_entry VARCHAR, coder VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, sentence INTEGER, kind VARCHAR,
    speaker_name VARCHAR, speaker_text VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR,
    cue VARCHAR, addressee_name VARCHAR, addressee_country VARCHAR, date VARCHAR,
    content_start INTEGER, content_end INTEGER, content VARCHAR);
CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id VARCHAR, sentence INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR, entity VARCHAR, basis VARCHAR);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, sentence INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    name VARCHAR, kind VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT,
    confidence DOUBLE, use VARCHAR, near VARCHAR);
CREATE TABLE IF NOT EXISTS time_refs (
    article_id VARCHAR, sentence INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    value VARCHAR, granularity VARCHAR);
CREATE TABLE IF NOT EXISTS ingest_errors (
    source VARCHAR PRIMARY KEY, kind VARCHAR, reason VARCHAR, recorded_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS skipped (
    source VARCHAR PRIMARY KEY, article_id VARCHAR, kind VARCHAR, reason VARCHAR, language VARCHAR,
    recorded_at TIMESTAMP);
CREATE OR REPLACE VIEW events AS
WITH counts AS (
    SELECT m.event_id, count(*) AS num_mentions, count(DISTINCT m.article_id) AS num_articles,
           count(DISTINCT a.story_id) AS num_stories
    FROM event_mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.event_id),
best AS (
    SELECT * FROM event_mentions
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY confidence DESC, article_id, trigger_start) = 1)
SELECT best.* EXCLUDE (mention_id), counts.num_mentions, counts.num_articles, counts.num_stories
FROM best JOIN counts USING (event_id);
CREATE OR REPLACE VIEW quote_events AS
SELECT q.article_id, q.content_start, q.content_end, q.kind, q.speaker_name, q.speaker_country,
       m.mention_id, m.event_id, m.trigger_start, m.source_name, m.source_country, m.target_name, m.target_country,
       m.plover, m.cameo, m.modes, m.evidence_text
FROM quotes q JOIN event_mentions m
  ON m.article_id = q.article_id AND m.trigger_start >= q.content_start AND m.trigger_end <= q.content_end;
"""
#: Another place the same text was found: (source, url).
Copy = tuple[str, str | None]
_TABLES = ("articles", "article_sources", "event_mentions", "quotes", "actor_mentions", "places", "time_refs")


class Store:
    """A DuckDB file holding coded articles. Use as a context manager."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the database ({exc}); another eventlens process may be "
                "writing it: wait for it to finish, or use a different --db"
            ) from exc
        if not read_only:
            self._check_schema()
            self.con.execute(_DDL)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?), ('coder', ?)",
                             [SCHEMA_VERSION, CODER_VERSION])
        self._stories: StoryIndex | None = None
        self._in_transaction = False

    def _check_schema(self) -> None:
        """Refuse to mix schema versions in one file: the tables would not mean the same."""
        tables = {row[0] for row in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "meta" not in tables:
            return
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row and row[0] != SCHEMA_VERSION:
            self.con.close()
            raise StoreError(f"{self.path}: made by another eventlens version (schema {row[0]}, this one writes "
                             f"{SCHEMA_VERSION}); code into a new --db file")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (and release the file for other processes)."""
        self.con.close()

    def known_ids(self) -> set[str]:
        """Ids of articles already stored: coding them again would add nothing."""
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def write(self, results: Sequence[ArticleResult], model: str,
              copies: Mapping[str, Sequence[Copy]] | None = None) -> int:
        """Store whole articles in one transaction; returns how many were new.

        ``copies`` maps an article id to further (source, url) pairs where the
        same text was found; they are written in the same transaction.
        """
        known = self._present([r.article.id for r in results])
        fresh = [r for r in results if r.article.id not in known]
        fresh = list({r.article.id: r for r in fresh}.values())  # the same text twice in one batch
        if not fresh:
            return 0
        stories = self._story_index()
        signatures = {r.article.id: signature(r.article.text) for r in fresh}
        story_ids = {aid: stories.assign(aid, sig) for aid, sig in signatures.items()}
        tables = _tables(fresh, model, story_ids, signatures, copies or {})
        with self.transaction():
            for name, table in tables.items():
                self.con.register("_batch", table)
                self.con.execute(f"INSERT INTO {name} ({', '.join(table.column_names)}) "  # names are ours
                                 f"SELECT {', '.join(table.column_names)} FROM _batch")
                self.con.unregister("_batch")
        return len(fresh)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all (nested uses join the outer one)."""
        if self._in_transaction:
            yield
            return
        self.con.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
        except BaseException as exc:
            self.con.execute("ROLLBACK")
            self._stories = None  # story assignments of the batch were not stored: rebuild from the file
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: writing failed ({exc}); nothing of this batch was stored") from exc
            raise
        else:
            self.con.execute("COMMIT")
        finally:
            self._in_transaction = False

    def _story_index(self) -> StoryIndex:
        if self._stories is None:
            self._stories = StoryIndex()
            rows = self.con.execute("SELECT id, story_id, minhash, shingles FROM articles "
                                    "WHERE minhash IS NOT NULL ORDER BY coded_at, id").fetchall()
            self._stories.load((aid, story, Signature(values=tuple(values), size=size))
                               for aid, story, values, size in rows)
        return self._stories

    def add_copies(self, copies: Mapping[str, Sequence[Copy]]) -> None:
        """Record more places where already-stored articles were found (exact duplicates)."""
        rows = [(aid, source, url) for aid, pairs in copies.items() for source, url in pairs]
        if rows:
            self.con.executemany("INSERT OR IGNORE INTO article_sources VALUES (?, ?, ?)", rows)

    def record_skipped(self, skipped: Iterable[Skipped]) -> None:
        """Record inputs left out on purpose (language, date filters), with why."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [(s.source, s.article_id, s.kind, s.reason, s.language, now) for s in skipped]
        if rows:
            self.con.executemany("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?, ?, ?)", rows)

    def _present(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {row[0] for row in rows}

    def record_errors(self, errors: Iterable[IngestError]) -> None:
        """Record inputs that could not be read or coded; the latest reason per input wins."""
        rows = [(e.source, e.kind, e.reason, dt.datetime.now(dt.UTC).replace(tzinfo=None)) for e in errors]
        if rows:
            self.con.executemany("INSERT OR REPLACE INTO ingest_errors VALUES (?, ?, ?, ?)", rows)

    def clear_errors(self, sources: Iterable[str]) -> None:
        """Forget earlier errors of inputs that have now been stored."""
        names = list(sources)
        if names:
            self.con.execute("DELETE FROM ingest_errors WHERE list_contains(?, source)", [names])


def _tables(results: Sequence[ArticleResult], model: str, story_ids: Mapping[str, str],
            signatures: Mapping[str, Signature],
            copies: Mapping[str, Sequence[Copy]]) -> dict[str, pa.Table]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _TABLES}
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for res in results:
        art = res.article
        sig = signatures[art.id]
        rows["articles"].append({
            "id": art.id, "external_id": art.external_id, "title": art.title, "published": art.published,
            "url": art.url, "source": art.source, "language": art.language, "text": art.text,
            "n_events": len(res.events), "n_quotes": len(res.quotes), "model": model, "coder": CODER_VERSION,
            "coded_at": now, "story_id": story_ids[art.id], "minhash": list(sig.values), "shingles": sig.size,
        })
        found = {art.source or art.id: art.url, **dict(copies.get(art.id, ()))}
        rows["article_sources"].extend({"article_id": art.id, "source": source, "url": url}
                                       for source, url in found.items())
        rows["event_mentions"].extend(_event_row(art.id, e) for e in res.events)
        rows["quotes"].extend(_quote_row(art.id, q) for q in res.quotes)
        rows["actor_mentions"].extend({
            "article_id": art.id, "sentence": a.sentence, "start_char": a.span.start, "end_char": a.span.end,
            "text": a.span.text, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
            "role": a.role, "entity": a.entity, "basis": a.basis} for a in res.actors)
        rows["places"].extend({
            "article_id": art.id, "sentence": p.sentence, "start_char": p.span.start, "end_char": p.span.end,
            "text": p.span.text, "name": p.name, "kind": p.kind, "country": p.country, "lat": p.lat,
            "lon": p.lon, "geonameid": p.geonameid, "confidence": p.confidence, "use": p.use,
            "near": p.near} for p in res.places)
        rows["time_refs"].extend({
            "article_id": art.id, "sentence": d.sentence, "start_char": d.span.start, "end_char": d.span.end,
            "text": d.span.text, "value": d.value, "granularity": d.granularity} for d in res.dates)
    tables = {name: pa.Table.from_pylist(batch) for name, batch in rows.items() if batch}
    if "articles" in tables:  # pyarrow would infer int64 lists; the column is UINTEGER[]
        index = tables["articles"].schema.get_field_index("minhash")
        tables["articles"] = tables["articles"].set_column(
            index, "minhash", tables["articles"].column("minhash").cast(pa.list_(pa.uint32())))
    return tables


def _event_row(article_id: str, e: Event) -> dict[str, Any]:
    src, tgt, plc = e.source, e.target, e.place
    return {
        "mention_id": e.id, "event_id": event_key(e), "article_id": article_id, "sentence": e.sentence,
        "source_name": src.name if src else None, "source_country": src.country if src else None,
        "source_sector": src.sector if src else None, "source_role": src.role if src else None,
        "target_name": tgt.name if tgt else None, "target_country": tgt.country if tgt else None,
        "target_sector": tgt.sector if tgt else None, "target_role": tgt.role if tgt else None,
        "plover": e.plover, "modes": list(e.modes), "cameo": e.cameo, "cameo_name": e.cameo_name,
        "quad_class": e.quad_class, "goldstein": e.goldstein, "date": e.date,
        "date_granularity": e.date_granularity, "place_name": plc.name if plc else None,
        "place_country": plc.country if plc else None, "lat": plc.lat if plc else None,
        "lon": plc.lon if plc else None, "confidence": e.confidence, "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
        "evidence_text": e.evidence.text, "rule": e.rule, "lexicon_entry": e.lexicon_entry, "coder": e.coder,
    }


def _quote_row(article_id: str, q: Quote) -> dict[str, Any]:
    spk, adr = q.speaker, q.addressee
    return {
        "article_id": article_id, "sentence": q.sentence, "kind": q.kind,
        "speaker_name": spk.name if spk else None,
        "speaker_text": q.speaker_span.text if q.speaker_span else None,
        "speaker_country": spk.country if spk else None, "speaker_sector": spk.sector if spk else None,
        "cue": q.cue.text if q.cue else None, "addressee_name": adr.name if adr else None,
        "addressee_country": adr.country if adr else None, "date": q.date,
        "content_start": q.content.start, "content_end": q.content.end, "content": q.content.text,
    }
