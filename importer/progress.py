"""A progress bar on standard error, with an estimate of the time left and no dependency.

On a terminal it redraws one line in place, at most ten times a second; in a log file it
writes a line at every tenth of the way, so the log stays readable. The time left is the
time so far, shared out over what is done, times what remains.
"""

import time

from django.utils.translation import gettext as _

WIDTH = 30
REDRAW_SECONDS = 0.1


def time_left(seconds: float) -> str:
    """'12 s left', '3 min 05 s left', '1 h 02 min left'."""
    seconds = max(round(seconds), 0)
    if seconds < 60:
        return _("%(seconds)d s left") % {"seconds": seconds}
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return _("%(minutes)d min %(seconds)02d s left") % {"minutes": minutes, "seconds": seconds}
    hours, minutes = divmod(minutes, 60)
    return _("%(hours)d h %(minutes)02d min left") % {"hours": hours, "minutes": minutes}


class ProgressBar:
    """`write(text)` must write the text as given (no newline added) and flush. `clock`
    gives seconds (time.monotonic, or a test's own)."""

    def __init__(
        self, write, total: int, label: str, in_place: bool, enabled: bool = True, clock=None
    ):
        self.write = write
        self.total = max(total, 0)
        self.label = label
        self.enabled = enabled
        self.in_place = in_place
        self.clock = clock or time.monotonic
        self._started = None
        self._last_drawn = None
        self._last_tenth = -1

    def wrap(self, items):
        done = 0
        self.update(0)
        for item in items:
            yield item
            done += 1
            self.update(done)
        self.finish(done)

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if self._started is None:
            self._started = now
        if self.in_place:
            if self._last_drawn is None or now - self._last_drawn >= REDRAW_SECONDS:
                self._last_drawn = now
                self.write("\r" + self._line(done, now))
            return
        tenth = done * 10 // self.total if self.total else 10
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self.write(self._line(done, now) + "\n")

    def finish(self, done: int) -> None:
        if not self.enabled:
            return
        if self.in_place:
            self.write("\r" + self._line(done) + "\n")
        elif self._last_tenth != 10:
            self._last_tenth = 10
            self.write(self._line(done) + "\n")

    def _line(self, done: int, now: float | None = None) -> str:
        share = min(done / self.total, 1.0) if self.total else 1.0
        filled = round(share * WIDTH)
        line = f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{self.total} ({share:.0%})"
        left = self._seconds_left(done, now)
        return line if left is None else f"{line} · {time_left(left)}"

    def _seconds_left(self, done: int, now: float | None) -> float | None:
        """None when there is nothing to go by yet, or nothing left."""
        if now is None or self._started is None or not 0 < done < self.total:
            return None
        return (now - self._started) / done * (self.total - done)
