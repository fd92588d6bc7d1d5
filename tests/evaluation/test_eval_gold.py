"""The eval command against ../shared/gold: every stored floor holds (this is what enforces them in CI)."""

import pytest

from eventlens.cli import main

from ..conftest import REPO, SHARED

pytestmark = [pytest.mark.model, pytest.mark.gold]


def test_eval_passes_every_floor(capsys: pytest.CaptureFixture[str]) -> None:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"gold data not found at {SHARED / 'gold'}; eval needs ../shared/gold")
    code = main(["eval", "--gold", str(SHARED / "gold"), "--floors", str(REPO / "eval" / "floors.json")])
    out = capsys.readouterr().out
    assert "FAIL" not in out.split("== floors")[-1], out.split("== floors")[-1]
    assert code == 0
    for section in ("== plover", "== petrarch2", "== seed", "== ner", "== conflibert"):
        assert section in out
