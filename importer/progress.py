"""A progress bar on standard error, with no dependency.

On a terminal it redraws one line in place, at most ten times a second; in a log file it
writes a line at every tenth of the way, so the log stays readable.
"""

import time

WIDTH = 30
REDRAW_SECONDS = 0.1


class ProgressBar:
    """`write(text)` must write the text as given (no newline added) and flush."""

    def __init__(self, write, total: int, label: str, in_place: bool, enabled: bool = True):
        self.write = write
        self.total = max(total, 0)
        self.label = label
        self.enabled = enabled
        self.in_place = in_place
        self._last_drawn = 0.0
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
        if self.in_place:
            now = time.monotonic()
            if now - self._last_drawn >= REDRAW_SECONDS:
                self._last_drawn = now
                self.write("\r" + self._line(done))
            return
        tenth = done * 10 // self.total if self.total else 10
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self.write(self._line(done) + "\n")

    def finish(self, done: int) -> None:
        if not self.enabled:
            return
        if self.in_place:
            self.write("\r" + self._line(done) + "\n")
        elif self._last_tenth != 10:
            self._last_tenth = 10
            self.write(self._line(done) + "\n")

    def _line(self, done: int) -> str:
        share = min(done / self.total, 1.0) if self.total else 1.0
        filled = round(share * WIDTH)
        return (
            f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] "
            f"{done}/{self.total} ({share:.0%})"
        )
