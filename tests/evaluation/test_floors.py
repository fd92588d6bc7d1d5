import io
import json
from pathlib import Path

from eventlens.evaluation.runner import _apply_floors


def _floors(path: Path, limits: dict[str, float]) -> None:
    path.write_text(json.dumps({"gold_digests": {"plover": "abc"}, "limits": limits}))


def test_a_score_below_its_floor_fails(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    _floors(path, {"plover.category_accuracy": 0.5})
    out = io.StringIO()
    assert not _apply_floors(path, {"plover.category_accuracy": 0.4}, {"plover": "abc"}, False, out)
    assert "FAIL plover.category_accuracy" in out.getvalue()


def test_invented_event_counts_have_ceilings(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    _floors(path, {"petrarch2.noevent_events": 2})
    assert not _apply_floors(path, {"petrarch2.noevent_events": 3.0}, {}, False, io.StringIO())
    assert _apply_floors(path, {"petrarch2.noevent_events": 1.0}, {}, False, io.StringIO())


def test_floors_only_go_up(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    _floors(path, {"plover.triple_f1": 0.5, "petrarch2.tuple_f1": 0.7, "petrarch2.noevent_events": 4})
    scores = {"plover.triple_f1": 0.6, "petrarch2.tuple_f1": 0.7, "petrarch2.noevent_events": 2.0,
              "plover.triple_precision": 0.1}
    assert _apply_floors(path, scores, {"plover": "abc"}, True, io.StringIO())
    limits = json.loads(path.read_text())["limits"]
    assert limits["plover.triple_f1"] > 0.5 and limits["petrarch2.tuple_f1"] == 0.7
    assert limits["petrarch2.noevent_events"] == 2 and "plover.triple_precision" not in limits


def test_changed_gold_data_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    _floors(path, {})
    out = io.StringIO()
    _apply_floors(path, {}, {"plover": "def"}, False, out)
    assert "gold data changed" in out.getvalue()


def test_the_repository_floors_cover_the_issue_metrics() -> None:
    limits = json.loads((Path(__file__).resolve().parents[2] / "eval" / "floors.json").read_text())["limits"]
    for key in ("plover.category_accuracy", "plover.source_accuracy", "plover.triple_f1", "petrarch2.tuple_f1",
                "petrarch2.noevent_events", "seed.checks_passed", "seed.should_events", "conflibert.macro_f1"):
        assert key in limits
    assert limits["seed.checks_passed"] == 1.0
