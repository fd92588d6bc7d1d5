"""``eventlens eval``: every gold set, printed, checked against floors that only go up.

Floors live in ``eval/floors.json`` next to a digest of each gold file they
were measured on. A score below its floor fails the run; ``--raise-floors``
lifts floors to today's scores after a passing run, never lowers them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from eventlens.config import Settings
from eventlens.errors import EvalError
from eventlens.evaluation.actors import score_ngec
from eventlens.evaluation.events import SetScore, case_error, score_pentaclass, score_petrarch, score_plover
from eventlens.evaluation.geo import score_geo
from eventlens.evaluation.ner import score_ner
from eventlens.evaluation.quotes import score_quotes
from eventlens.evaluation.seed import check_all, check_events, load_annotation
from eventlens.evaluation.time import score_time
from eventlens.ingest import read_inputs
from eventlens.nlp import model_name
from eventlens.pipeline import Resources, code_article
from eventlens.records import Article

SEED_NAME = "clinton-moscow-2009-10-13"
#: The metrics that carry a limit: True for a floor (higher is better), False for a ceiling.
#: Precision and recall are printed but not limited, so that trading one for the other
#: stays possible while the F1 they make may only rise.
DIRECTION = {
    "plover.category_accuracy": True, "plover.source_accuracy": True, "plover.triple_f1": True,
    "petrarch2.tuple_f1": True, "petrarch2.noevent_events": False, "seed.checks_passed": True, "ner.f1": True,
    "seed.should_events": True, "conflibert.macro_f1": True, "ngec.country_accuracy": True,
    "ngec.sector_accuracy": True, "ngec.dated_country_accuracy": True, "ngec.dated_sector_accuracy": True,
    "lgl.accuracy_161km": True, "geovirus.accuracy_161km": True, "gwn.accuracy_161km": True,
    "lgl.auc": False, "geovirus.auc": False, "gwn.auc": False,
    "timebank.value_accuracy": True, "timebank.f1": True, "polnear.direct_f1": True, "polnear.all_f1": True,
    "polnear.source_accuracy": True,
}


def default_gold() -> Path:
    """``$EVENTLENS_GOLD``, else ``../shared/gold`` from the working directory."""
    return Path(os.environ.get("EVENTLENS_GOLD", "../shared/gold"))


def run_eval(*, gold: str | None, floors: Path, sets: Sequence[str] | None, raise_floors: bool,
             settings: Settings, out: TextIO) -> bool:
    """Run the chosen sets, print their scores, and return False when a floor is broken."""
    root = Path(gold) if gold else default_gold()
    if not root.is_dir():
        raise EvalError(f"{root}: gold data not found; pass --gold DIR or set EVENTLENS_GOLD")
    resources = Resources.load(settings)
    scores: dict[str, float] = {}
    digests: dict[str, str] = {}
    for name, (relative, runner) in _SETS.items():
        if sets and name not in sets:
            continue
        path = root / relative
        if not path.exists():
            print(f"\n== {name}: {path} missing, skipped", file=out)
            continue
        digests[name] = _digest(path)
        scores.update({f"{name}.{k}": v for k, v in runner(path, resources, out).items()})
    return _apply_floors(floors, scores, digests, raise_floors, out)


def _digest(path: Path) -> str:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    sha = hashlib.sha256()
    for file in files:
        sha.update(file.read_bytes())
    return sha.hexdigest()[:16]


def _run_plover(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    result = score_plover(path, resources)
    _print_set(result, out, "PLOVER gold records (main event per sentence; triples over all events)")
    return result.metrics


def _run_petrarch(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    result = score_petrarch(path, resources)
    _print_set(result, out, "PETRARCH-2 validation sentences ((source, target, CAMEO root) tuples)")
    return result.metrics


def _run_conflibert(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    result = score_pentaclass(path, resources)
    _print_set(result, out, "ConfliBERT PentaClass sentences (main event's class; 0 = statement or none)")
    return result.metrics


def _run_ngec(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    metrics, cases = score_ngec(path, resources)
    print(f"\n== ngec: NGEC actor-resolution cases, {metrics['cases']:.0f} scored "
          f"({metrics['dated_cases']:.0f} date-dependent, {metrics['unscored']:.0f} title-only or xfail)", file=out)
    for key in ("country_accuracy", "sector_accuracy", "dated_country_accuracy", "dated_sector_accuracy"):
        print(f"  {key:<24} {metrics[key]:.3f}", file=out)
    print("  worst cases:", file=out)
    for case in [c for c in cases if not (c.country_ok and c.sector_ok)][:20]:
        print(f"   - {case.text!r} {case.day or ''}: expected {case.country}/{case.sector}, "
              f"got {case.got_country}/{case.got_sector}", file=out)
    return {k: v for k, v in metrics.items() if k.endswith("accuracy")}


def _geo_runner(name: str, published: str) -> _Runner:
    def run(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
        metrics = score_geo(path, resources)
        print(f"\n== {name}: {metrics['toponyms']:.0f} gold toponym spans; published accuracy@161 km: "
              f"{published}", file=out)
        print(f"  accuracy_161km {metrics['accuracy_161km']:.3f}  mean error {metrics['mean_error_km']:.0f} km  "
              f"AUC {metrics['auc']:.3f}", file=out)
        return {"accuracy_161km": metrics["accuracy_161km"], "auc": metrics["auc"]}

    return run


def _run_time(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    metrics = score_time(path, resources)
    print(f"\n== timebank: TBAQ-cleaned DATE expressions, {metrics['gold']:.0f} gold, {metrics['found']:.0f} found; "
          "published value F1 on TempEval-3: HeidelTime 0.776, SUTime 0.674", file=out)
    print(f"  value_accuracy {metrics['value_accuracy']:.3f}  precision {metrics['precision']:.3f}  "
          f"recall {metrics['recall']:.3f}  F1 {metrics['f1']:.3f}", file=out)
    return {"value_accuracy": metrics["value_accuracy"], "f1": metrics["f1"]}


def _run_quotes(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    metrics = score_quotes(path, resources)
    print(f"\n== polnear: PolNeAR dev, {metrics['documents']:.0f} articles; published: annotator agreement "
          "0.754, a news quote extractor reports quote F1 0.837 on its own data", file=out)
    for key in ("direct_f1", "direct_precision", "direct_recall", "all_f1", "all_precision", "all_recall",
                "all_exact_f1", "source_accuracy"):
        print(f"  {key:<18} {metrics[key]:.3f}", file=out)
    return {k: metrics[k] for k in ("direct_f1", "all_f1", "all_exact_f1", "source_accuracy")}


def _run_seed(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    annotation = load_annotation(path / f"{SEED_NAME}.expected.json")
    items = [i for i in read_inputs([str(path / f"{SEED_NAME}.txt")]) if isinstance(i, Article)]
    result = code_article(items[0], resources)
    checks = check_all(result, annotation)
    print(f"\n== seed: {SEED_NAME} (issue acceptance items)", file=out)
    for label, ok, detail in checks:
        print(f"  {'PASS' if ok else 'FAIL'} {label}: {detail}", file=out)
    passed = sum(ok for _, ok, _ in checks)
    print(f"  {passed}/{len(checks)} checks pass", file=out)
    should = check_events(result, annotation["events"]["should"])
    for label, ok, detail in should:
        print(f"  {'PASS' if ok else 'miss'} should {label}: {detail}", file=out)
    matched = sum(ok for _, ok, _ in should)
    print(f"  {matched}/{len(should)} 'should' events found", file=out)
    return {"checks_passed": passed / len(checks), "should_events": float(matched)}


def _run_ner(path: Path, resources: Resources, out: TextIO) -> dict[str, float]:
    scores = score_ner(path, resources.nlp)
    print(f"\n== ner: CoNLL-2003 test, {scores['entities']:.0f} entities, model {model_name(resources.nlp)}", file=out)
    print(f"  precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  F1 {scores['f1']:.3f}", file=out)
    print("  published (OntoNotes, not CoNLL): en_core_web_sm 0.843, en_core_web_md 0.847", file=out)
    return {k: v for k, v in scores.items() if k != "entities"}


_Runner = Callable[[Path, Resources, TextIO], dict[str, float]]
_SETS: dict[str, tuple[str, _Runner]] = {
    "plover": ("events/plover/PLOVER_GSR_CAMEO.json", _run_plover),
    "petrarch2": ("events/petrarch2_gsr/PETR2_GSR_validation.gold.jsonl", _run_petrarch),
    "seed": ("../seed", _run_seed),
    "conflibert": ("events/conflibert/cameo_class_train.tsv", _run_conflibert),
    "ner": ("ner/eng.testb", _run_ner),
    "ngec": ("actors/ngec_actor_resolution_gold.jsonl", _run_ngec),
    "timebank": ("time/TBAQ-cleaned", _run_time),
    "polnear": ("quotes/dev", _run_quotes),
    "lgl": ("geo/lgl.xml", _geo_runner("lgl", "CamCoder 0.76, Edinburgh 0.76, CLAVIN 0.71")),
    "geovirus": ("geo/GeoVirus.xml", _geo_runner("geovirus", "CamCoder 0.82, Edinburgh 0.78, CLAVIN 0.79")),
    "gwn": ("geo/GWN.xml", _geo_runner("gwn", "Mordecai3 0.941 (gold spans)")),
}


def _print_set(result: SetScore, out: TextIO, title: str) -> None:
    print(f"\n== {result.name}: {title}, {len(result.cases)} sentences", file=out)
    for key, value in result.metrics.items():
        print(f"  {key:<22} {value:.3f}" if value <= 1 else f"  {key:<22} {value:.0f}", file=out)
    labels = sorted({g for g, _ in result.confusion} | {p for _, p in result.confusion})
    print("  confusion (rows: gold main event, columns: produced main event)", file=out)
    print("  " + " " * 10 + " ".join(f"{lab[:5]:>5}" for lab in labels), file=out)
    for gold in labels:
        row = [result.confusion.get((gold, p), 0) for p in labels]
        if any(row):
            print(f"  {gold[:10]:<10}" + " ".join(f"{n:>5}" if n else "    ." for n in row), file=out)
    worst = sorted(result.cases, key=case_error, reverse=True)[:20]
    print("  worst sentences:", file=out)
    for case in worst:
        if case_error(case):
            print(f"   - {case.id}: {case.text[:110]}\n       expected {case.expected}  produced {case.produced}",
                  file=out)


def _apply_floors(path: Path, scores: dict[str, float], digests: dict[str, str], raise_floors: bool,
                  out: TextIO) -> bool:
    stored: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    limits: dict[str, float] = dict(stored.get("limits", {}))
    known: dict[str, str] = dict(stored.get("gold_digests", {}))
    print("\n== floors", file=out)
    ok = True
    for name, digest in digests.items():
        if known.get(name) and known[name] != digest:
            print(f"  WARNING {name}: gold data changed since the floors were set ({known[name]} -> {digest})",
                  file=out)
    for key, value in sorted(scores.items()):
        if key not in DIRECTION:
            continue
        limit = limits.get(key)
        higher = DIRECTION[key]
        broken = limit is not None and (value < limit - 1e-9 if higher else value > limit + 1e-9)
        ok &= not broken
        sign = ">=" if higher else "<="
        status = "FAIL" if broken else "ok  " if limit is not None else "new "
        print(f"  {status} {key:<34} {value:8.3f}  ({sign} {limit if limit is not None else '-'})", file=out)
    if ok and raise_floors:
        for key, value in scores.items():
            if key not in DIRECTION:
                continue
            higher = DIRECTION[key]
            old = limits.get(key)
            if old is None or (value > old if higher else value < old):
                # rounded towards the safe side, so that today's score always passes its own limit
                limits[key] = math.floor(value * 1000) / 1000 if higher else math.ceil(value * 1000) / 1000
        known.update(digests)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"about": stored.get("about", _ABOUT), "gold_digests": known,
                                    "limits": dict(sorted(limits.items()))}, indent=2) + "\n", encoding="utf-8")
        print(f"  floors raised in {path}", file=out)
    print(f"\neval {'passed' if ok else 'FAILED: a score fell below its floor'}", file=out)
    return ok


_ABOUT = ("Scores eventlens must not fall below (or, for counts of invented events, rise above). "
          "Only ever raised, by `eventlens eval --raise-floors` after a passing run.")
