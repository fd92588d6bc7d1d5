import io

from eventlens.progress import Progress


def test_line_shows_share_rate_and_time_left() -> None:
    progress = Progress(200, io.StringIO())
    line = progress.line(50, 48, 2, 10.0)
    assert "50/200 (25 %)" in line and "5.0/s" in line and "ETA 0:30" in line
    assert "stored 48" in line and "failed 2" in line


def test_unknown_total_shows_counts_without_eta() -> None:
    line = Progress(None, io.StringIO()).line(7, 7, 0, 2.0)
    assert line.startswith("eventlens: 7 inputs") and "ETA" not in line


def test_log_output_is_throttled_and_quiet_mode_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(10, stream)
    progress.update(0, 0, 0)  # the start: nothing to report yet
    progress.update(1, 1, 0)
    progress.update(2, 2, 0)  # within the interval: dropped
    progress.update(3, 3, 0, force=True)
    assert stream.getvalue().count("\n") == 2
    silent = io.StringIO()
    quiet = Progress(10, silent, enabled=False)
    quiet.update(5, 5, 0, force=True)
    quiet.close()
    assert silent.getvalue() == ""
