"""Event coding scored against PLOVER gold records and PETRARCH-2 validation sentences."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventlens.errors import InputError
from eventlens.evaluation import coarse_country
from eventlens.ingest import article_from_text
from eventlens.pipeline import Resources, code_stream
from eventlens.records import ActorMention, Article, ArticleResult, Event, IngestError

#: PLOVER's older category names, as used in the 2016 gold records.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NO_EVENT = "-"


@dataclass(slots=True)
class Case:
    """One gold sentence: what was expected and what eventlens produced."""

    id: str
    text: str
    expected: list[tuple[str, str, str]]
    produced: list[tuple[str, str, str]] = field(default_factory=list)
    main: str = NO_EVENT
    main_source: str | None = None


@dataclass(slots=True)
class SetScore:
    """Scores of one gold set, plus what is needed to print its confusion matrix and worst cases."""

    name: str
    metrics: dict[str, float]
    cases: list[Case]
    confusion: Counter[tuple[str, str]]


def _code(resources: Resources, rows: Sequence[tuple[str, str, dt.date | None]]) -> list[ArticleResult | None]:
    """Code gold sentences; one the pipeline cannot read (an empty gold sentence) yields None."""
    items: list[Article | IngestError] = []
    for key, text, day in rows:
        try:
            items.append(article_from_text(text, source=key, published=day))
        except InputError as exc:
            items.append(IngestError(source=key, reason=exc.reason, kind=type(exc).__name__))
    return [r if isinstance(r, ArticleResult) else None for r in code_stream(items, resources)]


def happened(event: Event) -> bool:
    """Neither negated nor hypothetical: what eventlens reports as having happened (or been said now).

    Flagged events are stored, but the gold sets code what happened, so only
    these count as produced events; the summary and the README's queries
    count the same way.
    """
    return not {"negated", "hypothetical"} & set(event.modes)


def _main_event(events: Sequence[Event]) -> Event | None:
    """The sentence's main event: the most confident one that happened (not negated, not hypothetical)."""
    candidates = [e for e in events if happened(e)] or [e for e in events if "negated" not in e.modes] or \
        list(events)
    return max(candidates, key=lambda e: e.confidence) if candidates else None


def _country(code: str | None) -> str:
    if not code:
        return "---"
    return coarse_country(code[:3]) or "---"


#: Sectors of bodies that act for no state: a countryless organisation of another sector (al-Qaeda) is no IGO.
_CIVIL_SECTORS = frozenset({"NGO", "HRI", "ENV", "MED", "HLH", "REL", "CVL"})


def _actor_code(actor: ActorMention | None) -> str:
    """An actor's country as the CAMEO gold writes it.

    eventlens, like POLECAT, gives a transnational NGO (Amnesty
    International, the Red Cross) no country; PLOVER's records code them IGO,
    and a transnational militant group IMG.
    """
    if actor is not None and not actor.country and actor.entity and actor.kind == "organisation":
        if actor.sector in _CIVIL_SECTORS:
            return "IGO"
        if actor.sector == "REB":
            return "IMG"  # CAMEO's code for a militant group of no one country: al-Qaeda, Islamic State
    return _country(actor.country if actor else None)


#: CAMEO's own country codes that predate ISO 3166 alpha-3, as some PLOVER gold records still write them.
CAMEO_LEGACY = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def _actor_codes(actors: Any) -> list[str]:
    """Every coded actor of a gold source or target list, coarse ('---' for one with no code)."""
    if not isinstance(actors, list):
        return []
    codes = [str(a.get("code") or "") for a in actors if isinstance(a, dict)]
    return [_country(CAMEO_LEGACY.get(code[:3], code)) for code in codes]


def plover_triples(record: dict[str, Any], category: str) -> list[tuple[str, str, str]]:
    """The (source, target, category) triples a PLOVER gold record states.

    Compound actors are listed together: "(SRC: Pakistan) threatened ...
    (TAR: Congo) and (TAR: Costa Rica)" states two triples, and actors marked
    SRC/TAR ("Jordan and Britain have agreed") act on each other, so they state
    one triple per ordered pair, as the coder codes a reciprocal event.
    """
    sources = _actor_codes(record.get("source")) or ["---"]
    targets = _actor_codes(record.get("target"))
    markup = record.get("textInfo")
    reciprocal = isinstance(markup, dict) and "SRC/TAR" in str(markup.get("markup", ""))
    if reciprocal and not targets and len(set(sources)) > 1:
        pairs = {(a, b) for a in sources for b in sources if a != b}
    else:
        pairs = {(a, b) for a in sources for b in targets or ["---"]}
    return sorted((a, b, category) for a, b in pairs)


def score_plover(path: Path, resources: Resources) -> SetScore:
    """Category and source-country accuracy of the main event, and triple F1, on PLOVER gold."""
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") not in (None, "DOCUMENT")]
    rows = [(str(r["id"]), str(r["text"]), _date(r.get("date"))) for r in records]
    cases = []
    confusion: Counter[tuple[str, str]] = Counter()
    for record, result in zip(records, _code(resources, rows), strict=True):
        category = OLD_NAMES.get(record["event"], record["event"])
        case = Case(id=record["id"], text=record["text"], expected=plover_triples(record, category))
        # PLOVER codes no statements: its gold has none to match
        events = [e for e in result.events if e.plover] if result else []
        # a triple stated twice in one sentence is one event, as the gold states it once
        case.produced = sorted({(_actor_code(e.source), _actor_code(e.target), e.plover or NO_EVENT)
                                for e in events if happened(e)})
        main = _main_event(events)
        case.main = main.plover or NO_EVENT if main else NO_EVENT
        case.main_source = _actor_code(main.source) if main else None
        confusion[(category, case.main)] += 1
        cases.append(case)
    n = len(cases) or 1
    metrics = {
        "category_accuracy": sum(c.main == c.expected[0][2] for c in cases) / n,
        "source_accuracy": sum(_country(c.main_source) in {s for s, _, _ in c.expected} for c in cases) / n,
        **_prf("triple", cases),
    }
    return SetScore(name="plover", metrics=metrics, cases=cases, confusion=confusion)


def score_petrarch(path: Path, resources: Resources) -> SetScore:
    """(source, target, CAMEO root) tuple P/R/F1 on PETRARCH-2 validation sentences."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [(str(r["id"]), str(r["text"]), _date(r.get("date"))) for r in records]
    cases = []
    confusion: Counter[tuple[str, str]] = Counter()
    for record, result in zip(records, _code(resources, rows), strict=True):
        expected = [(_country(e.get("sourcecode")), _country(e.get("targetcode")), str(e["eventcode"])[:2])
                    for e in record.get("events") or []]
        events = result.events if result else ()
        produced = [(_actor_code(e.source), _actor_code(e.target), e.cameo[:2]) for e in events if happened(e)]
        case = Case(id=record["id"], text=record["text"], expected=expected, produced=produced)
        main = _main_event(events)
        case.main = main.cameo[:2] if main else NO_EVENT
        gold_root = expected[0][2] if expected else NO_EVENT
        confusion[(gold_root, case.main)] += 1
        cases.append(case)
    no_event = [c for c in cases if not c.expected]
    metrics = {**_prf("tuple", cases), "noevent_sentences": float(len(no_event)),
               "noevent_events": float(sum(len(c.produced) for c in no_event))}
    return SetScore(name="petrarch2", metrics=metrics, cases=cases, confusion=confusion)


def score_pentaclass(path: Path, resources: Resources) -> SetScore:
    """Macro-F1 of the main event's PentaClass on ConfliBERT's labelled sentences.

    0 statement (no event), 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict.
    """
    rows: list[tuple[str, str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        sentence, _, gold = line.rpartition("\t")
        if sentence.strip() and gold.strip().isdigit():
            rows.append((f"line-{number}", sentence.strip(), gold.strip()))
    results = _code(resources, [(key, text, None) for key, text, _ in rows])
    cases, confusion = [], Counter[tuple[str, str]]()
    for (key, text, label), result in zip(rows, results, strict=True):
        main = _main_event(result.events if result else ())
        produced = resources.ontology.penta_class(main.cameo) if main else 0
        case = Case(id=key, text=text, expected=[("", "", label)], produced=[("", "", str(produced))],
                    main=str(produced))
        confusion[(label, str(produced))] += 1
        cases.append(case)
    metrics: dict[str, float] = {"accuracy": sum(c.main == c.expected[0][2] for c in cases) / (len(cases) or 1)}
    f1s = []
    for label in map(str, range(5)):
        tp = confusion[(label, label)]
        fp = sum(n for (g, p), n in confusion.items() if p == label and g != label)
        fn = sum(n for (g, p), n in confusion.items() if g == label and p != label)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        metrics[f"f1_class{label}"] = f1s[-1]
    metrics["macro_f1"] = sum(f1s) / len(f1s)
    return SetScore(name="conflibert", metrics=metrics, cases=cases, confusion=confusion)


def _date(value: Any) -> dt.date | None:
    text = str(value or "")
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _prf(prefix: str, cases: Iterable[Case]) -> dict[str, float]:
    tp = fp = fn = 0
    for case in cases:
        expected, produced = Counter(case.expected), Counter(case.produced)
        hits = sum((expected & produced).values())
        tp += hits
        fp += sum(produced.values()) - hits
        fn += sum(expected.values()) - hits
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{prefix}_precision": precision, f"{prefix}_recall": recall, f"{prefix}_f1": f1}


def case_error(case: Case) -> int:
    """How wrong a case is: expected tuples missed plus tuples invented."""
    expected, produced = Counter(case.expected), Counter(case.produced)
    hits = sum((expected & produced).values())
    return (sum(expected.values()) - hits) + (sum(produced.values()) - hits)
