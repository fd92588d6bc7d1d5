"""The embedded DuckDB store: one file, one table per record type, keyed by article id.

Each batch of articles is written in one transaction from Arrow tables, so
a run killed at any moment leaves whole articles or none, and re-running
adds nothing for articles already stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventlens.config import CODER_VERSION, SCHEMA_VERSION
from eventlens.errors import StoreError
from eventlens.records import ArticleResult, Event, IngestError, Quote

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, external_id VARCHAR, title VARCHAR, published DATE, url VARCHAR,
    source VARCHAR, language VARCHAR, text VARCHAR, n_events INTEGER, n_quotes INTEGER,
    model VARCHAR, coder VARCHAR, coded_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR, article_id VARCHAR, sentence INTEGER,
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
    confidence DOUBLE, use VARCHAR);
CREATE TABLE IF NOT EXISTS time_refs (
    article_id VARCHAR, sentence INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    value VARCHAR, granularity VARCHAR);
CREATE TABLE IF NOT EXISTS ingest_errors (
    source VARCHAR PRIMARY KEY, kind VARCHAR, reason VARCHAR, recorded_at TIMESTAMP);
"""


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
            self.con.execute(_DDL)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?), ('coder', ?)",
                             [SCHEMA_VERSION, CODER_VERSION])

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

    def write(self, results: Sequence[ArticleResult], model: str) -> int:
        """Store whole articles in one transaction; returns how many were new."""
        known = self._present([r.article.id for r in results])
        fresh = [r for r in results if r.article.id not in known]
        fresh = list({r.article.id: r for r in fresh}.values())  # the same text twice in one batch
        if not fresh:
            return 0
        tables = _tables(fresh, model)
        try:
            self.con.execute("BEGIN TRANSACTION")
            for name, table in tables.items():
                self.con.register("_batch", table)
                self.con.execute(f"INSERT INTO {name} ({', '.join(table.column_names)}) "  # names are ours
                                 f"SELECT {', '.join(table.column_names)} FROM _batch")
                self.con.unregister("_batch")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: writing {len(fresh)} articles failed ({exc})") from exc
        return len(fresh)

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


def _tables(results: Sequence[ArticleResult], model: str) -> dict[str, pa.Table]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in
                                             ("articles", "events", "quotes", "actor_mentions", "places",
                                              "time_refs")}
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for res in results:
        art = res.article
        rows["articles"].append({
            "id": art.id, "external_id": art.external_id, "title": art.title, "published": art.published,
            "url": art.url, "source": art.source, "language": art.language, "text": art.text,
            "n_events": len(res.events), "n_quotes": len(res.quotes), "model": model, "coder": CODER_VERSION,
            "coded_at": now,
        })
        rows["events"].extend(_event_row(art.id, e) for e in res.events)
        rows["quotes"].extend(_quote_row(art.id, q) for q in res.quotes)
        rows["actor_mentions"].extend({
            "article_id": art.id, "sentence": a.sentence, "start_char": a.span.start, "end_char": a.span.end,
            "text": a.span.text, "name": a.name, "kind": a.kind, "country": a.country, "sector": a.sector,
            "role": a.role, "entity": a.entity, "basis": a.basis} for a in res.actors)
        rows["places"].extend({
            "article_id": art.id, "sentence": p.sentence, "start_char": p.span.start, "end_char": p.span.end,
            "text": p.span.text, "name": p.name, "kind": p.kind, "country": p.country, "lat": p.lat,
            "lon": p.lon, "geonameid": p.geonameid, "confidence": p.confidence, "use": p.use} for p in res.places)
        rows["time_refs"].extend({
            "article_id": art.id, "sentence": d.sentence, "start_char": d.span.start, "end_char": d.span.end,
            "text": d.span.text, "value": d.value, "granularity": d.granularity} for d in res.dates)
    return {name: pa.Table.from_pylist(batch) for name, batch in rows.items() if batch}


def _event_row(article_id: str, e: Event) -> dict[str, Any]:
    src, tgt, plc = e.source, e.target, e.place
    return {
        "id": e.id, "article_id": article_id, "sentence": e.sentence,
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
