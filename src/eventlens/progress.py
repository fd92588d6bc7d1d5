"""A progress line on stderr: done/total, articles per second and the time left.

On a terminal it redraws one line a few times a second; in a log (stderr
redirected) it writes a new line at most every few seconds, so that a long
run neither floods the log nor stays silent.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

TTY_INTERVAL = 0.25
LOG_INTERVAL = 5.0


class Progress:
    """Reports how far a run is. ``total`` is None when the inputs cannot be counted up front."""

    def __init__(self, total: int | None, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.tty = self.stream.isatty()
        self.interval = TTY_INTERVAL if self.tty else LOG_INTERVAL
        self.started = time.perf_counter()
        self._last = float("-inf")
        self._width = 0

    def update(self, done: int, stored: int, failed: int, *, force: bool = False) -> None:
        """Report ``done`` inputs handled so far (``stored`` of them new, ``failed`` recorded as errors)."""
        now = time.perf_counter()
        if done == 0:  # the run starts now (the model has loaded): rates count from here
            self.started = now
            return
        if not self.enabled or (not force and now - self._last < self.interval):
            return
        self._last = now
        line = self.line(done, stored, failed, now - self.started)
        if self.tty:
            self.stream.write("\r" + line.ljust(self._width))
            self._width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def line(self, done: int, stored: int, failed: int, elapsed: float) -> str:
        """The progress text for the given counts after ``elapsed`` seconds."""
        rate = done / elapsed if elapsed > 0 else 0.0
        if self.total:
            share = f"{done:,}/{self.total:,} ({100 * min(done, self.total) / self.total:.0f} %)"
            left = (self.total - done) / rate if rate > 0 and done < self.total else 0.0
            eta = f"  ETA {_clock(left)}"
        else:
            share, eta = f"{done:,}", ""
        return f"eventlens: {share} inputs  {rate:.1f}/s{eta}  stored {stored:,}  failed {failed:,}"

    def close(self) -> None:
        """End the redrawn line so that what follows starts on its own line."""
        if self.enabled and self.tty and self._width:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
