"""Aggregations over a store, shared by the CLI (and later the API and UI)."""

from __future__ import annotations

from dataclasses import dataclass

from eventlens.store import Store

#: An event's category in SQL, as ``events.identity.category`` gives it: PLOVER's, or for a statement
#: (which PLOVER does not code) 'CAMEO' and its 3-digit code. ``t`` is the table prefix.
_CATEGORY = "coalesce({t}plover, 'CAMEO ' || left({t}cameo, 3))"


@dataclass(frozen=True, slots=True)
class Summary:
    """What a database holds, at a glance."""

    articles: int
    stories: int
    sources: int
    events: int
    mentions: int
    events_happened: int
    quotes: int
    actor_mentions: int
    places: int
    errors: int
    skipped: int
    top_dyads: list[tuple[str, str, int]]
    top_categories: list[tuple[str, int]]
    recent_errors: list[tuple[str, str]]


def summarise(store: Store, top: int = 10) -> Summary:
    """Counts, the most frequent dyads and categories, and the latest ingest errors.

    ``events_happened`` leaves out negated, hypothetical, conditional and future
    events: those were reported, not done.
    """
    con = store.con

    def count(sql: str) -> int:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    happened = "NOT list_has_any(modes, ['negated', 'hypothetical', 'conditional', 'future'])"
    dyads = con.execute(
        "SELECT source_country, coalesce(target_country, '-'), count(*) AS n FROM events "
        f"WHERE {happened} GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT ?", [top]).fetchall()
    categories = con.execute(
        f"SELECT {_CATEGORY.format(t='')}, count(*) AS n FROM events WHERE {happened} "
        "GROUP BY ALL ORDER BY n DESC, 1 LIMIT ?",
        [top]).fetchall()
    errors = con.execute("SELECT source, reason FROM ingest_errors ORDER BY recorded_at DESC, source LIMIT ?",
                         [top]).fetchall()
    return Summary(
        articles=count("SELECT count(*) FROM articles"), stories=count("SELECT count(DISTINCT story_id) FROM articles"),
        sources=count("SELECT count(*) FROM article_sources"), events=count("SELECT count(*) FROM events"),
        mentions=count("SELECT count(*) FROM event_mentions"), skipped=count("SELECT count(*) FROM skipped"),
        events_happened=count(f"SELECT count(*) FROM events WHERE {happened}"),
        quotes=count("SELECT count(*) FROM quotes"), actor_mentions=count("SELECT count(*) FROM actor_mentions"),
        places=count("SELECT count(*) FROM places"), errors=count("SELECT count(*) FROM ingest_errors"),
        top_dyads=[(str(a), str(b), int(n)) for a, b, n in dyads],
        top_categories=[(str(c), int(n)) for c, n in categories],
        recent_errors=[(str(s), str(r)) for s, r in errors],
    )


def format_summary(summary: Summary) -> str:
    """The human-readable summary printed by ``run`` and ``summary``."""
    lines = [
        f"articles  {summary.articles:>8}  ({summary.stories} stories after near-duplicates, "
        f"found in {summary.sources} inputs)",
        f"events    {summary.events:>8}  ({summary.events_happened} reported as having happened; "
        f"{summary.mentions} mentions)",
        f"quotes    {summary.quotes:>8}",
        f"actors    {summary.actor_mentions:>8}  mentions",
        f"places    {summary.places:>8}  mentions",
        f"errors    {summary.errors:>8}  inputs not stored (see table ingest_errors)",
        f"skipped   {summary.skipped:>8}  inputs filtered out by language or date (see table skipped)",
        "",
        "top dyads (source -> target: events that happened)",
    ]
    lines += [f"  {s} -> {t}: {n}" for s, t, n in summary.top_dyads] or ["  (none)"]
    lines += ["", "top categories (PLOVER's; statements by CAMEO code)"]
    lines += [f"  {c}: {n}" for c, n in summary.top_categories] or ["  (none)"]
    if summary.recent_errors:
        lines += ["", "inputs that failed"]
        lines += [f"  {s}: {r}" for s, r in summary.recent_errors]
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quote, as `eventlens quotes` prints it."""

    date: str | None
    speaker: str | None
    speaker_country: str | None
    kind: str
    cue: str | None
    content: str
    article_id: str
    title: str | None
    events: list[str]


def find_quotes(store: Store, speaker: str | None = None, about: str | None = None,
                limit: int = 50) -> list[QuoteRow]:
    """Quotes by a speaker (canonical name or the words naming them) and/or about a text, newest first.

    ``events`` lists the events coded inside each quote ('ASSAULT RUS->GEO'): what the speaker said happened.
    """
    rows = store.con.execute(
        "SELECT q.date, coalesce(q.speaker_name, q.speaker_text), q.speaker_country, q.kind, q.cue, q.content, "
        "q.article_id, a.title, "
        f"(SELECT list({_CATEGORY.format(t='e.')} || ' ' || coalesce(e.source_country, '?') || '->' "
        "                || coalesce(e.target_country, '-') "
        "             ORDER BY e.trigger_start) FROM quote_events e "
        "  WHERE e.article_id = q.article_id AND e.content_start = q.content_start AND e.content_end = q.content_end) "
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE (? IS NULL OR q.speaker_name ILIKE '%' || ? || '%' OR q.speaker_text ILIKE '%' || ? || '%') "
        "AND (? IS NULL OR q.content ILIKE '%' || ? || '%') "
        "ORDER BY q.date DESC NULLS LAST, q.article_id, q.content_start LIMIT ?",
        [speaker, speaker, speaker, about, about, limit]).fetchall()
    return [QuoteRow(date=r[0], speaker=r[1], speaker_country=r[2], kind=r[3], cue=r[4], content=r[5],
                     article_id=r[6], title=r[7], events=list(r[8] or [])) for r in rows]
