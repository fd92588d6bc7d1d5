"""Why each event was coded, or not: the parse, the actors, every lexicon match and its fate."""

from __future__ import annotations

from eventlens.events.coder import TraceStep
from eventlens.pipeline import Resources, analyse
from eventlens.records import Article, ArticleResult


def explain(article: Article, res: Resources) -> str:
    """A plain-text report of how ``article`` was coded, for people."""
    doc = res.nlp(article.text)
    trace: list[TraceStep] = []
    result = analyse(doc, article, res, trace)
    lines = [f"text: {article.text}", f"published: {article.published or '(unknown: relative dates unresolved)'}",
             f"coder: {result.events[0].coder if result.events else res.lexicon.version}", "", "parse:"]
    lines += [f"  {t.i:>3} {t.text:<16} {t.lemma_:<14} {t.pos_:<6} {t.dep_:<10} -> {t.head.i:>3} {t.head.text}"
              + (f"  [{t.ent_type_}]" if t.ent_type_ else "") for t in doc]
    lines += _stage_lines(result)
    lines += ["", "lexicon matches and decisions:"]
    lines += [f"  s{s.sentence} '{s.trigger}' {s.entry or '-'}\n      {s.outcome}: {s.reason}" for s in trace] \
        or ["  (no word in the text is in the lexicon)"]
    lines += ["", "events:"]
    for e in result.events:
        target = f"{e.target.country} ({e.target.name})" if e.target else "-"
        place = f" at {e.place.name}" if e.place else ""
        category = e.plover or "statement (no PLOVER category)"
        lines.append(f"  {e.source.country if e.source else '-'} ({e.source.name if e.source else '-'}) -> {target}: "
                     f"{category} / CAMEO {e.cameo} {e.cameo_name}; modes {list(e.modes) or '-'}; "
                     f"date {e.date}{place}; confidence {e.confidence}\n      rule {e.rule}; {e.lexicon_entry}")
    if not result.events:
        lines.append("  (none)")
    return "\n".join(lines)


def _stage_lines(result: ArticleResult) -> list[str]:
    lines = ["", "actors:"]
    lines += [f"  '{a.span.text}' -> {a.name} [{a.kind}] {a.country or '-'} {a.sector or '-'}"
              f"{' ' + a.role if a.role else ''} ({a.basis})" for a in result.actors] or ["  (none)"]
    lines += ["", "places:"]
    lines += [f"  '{p.span.text}' -> {p.name} [{p.kind}, {p.use}] {p.country or '-'} "
              f"{p.lat},{p.lon} conf {p.confidence}{f' (near {p.near})' if p.near else ''}"
              for p in result.places] or ["  (none)"]
    lines += ["", "dates:"]
    lines += [f"  '{d.span.text}' -> {d.value} ({d.granularity})" for d in result.dates] or ["  (none)"]
    lines += ["", "quotes:"]
    lines += [f"  {q.kind}: {q.speaker.name if q.speaker else '?'} via '{q.cue.text if q.cue else '-'}': "
              f"{q.content.text[:80]}" for q in result.quotes] or ["  (none)"]
    return lines
