"""SIGTERM and SIGINT during an import: an exception raised where the run stands, so that
its transaction rolls back and the files it wrote are removed, as for any other failure."""

import signal
from contextlib import contextmanager

SIGNALS = (signal.SIGTERM, signal.SIGINT)

_held = 0  # depth of the steps a signal must not cut in two
_pending = None  # a signal that arrived during such a step


class Interrupted(BaseException):
    """A signal stopped the run. BaseException, as KeyboardInterrupt: nothing swallows it."""

    def __init__(self, signum):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def raising_on_signals():
    """While inside, SIGTERM and SIGINT raise Interrupted, once: the clean-up that follows
    must not be cut short by a second signal. The previous handlers are put back after."""
    global _pending
    raised = False

    def handler(signum, frame):
        nonlocal raised
        global _pending
        if raised:
            return
        raised = True
        if _held:
            _pending = signum
            return
        raise Interrupted(signum)

    previous = {number: signal.signal(number, handler) for number in SIGNALS}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
        _pending = None  # a step that failed on its own never raised it


class Hold:
    """From start() to stop(), a signal waits; stop() raises one that came meanwhile."""

    def __init__(self):
        self.active = False

    def start(self) -> None:
        global _held
        if not self.active:
            self.active, _held = True, _held + 1

    def stop(self, raising: bool = True) -> None:
        global _held, _pending
        if not self.active:
            return
        self.active, _held = False, _held - 1
        if raising and not _held and _pending is not None:
            signum, _pending = _pending, None
            raise Interrupted(signum)


@contextmanager
def held():
    """A step a signal must not cut in two (a file stored, then recorded): a signal that
    arrives during it is raised at its end."""
    hold = Hold()
    hold.start()
    try:
        yield
    except BaseException:
        hold.stop(raising=False)
        raise
    hold.stop()
