"""Work off the GUI thread: one serialized lane for everything that touches the hit log.

As in Anki's task manager: a single-thread pool for the database (a load, an
export, a review are never run side by side against the same log), results
and errors marshalled back to the GUI thread by a signal. ``pending`` counts
tasks in flight so the window can wait for them before it closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted by a worker reach it queued."""

    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 — every failure goes back to the screen
            self.relay.failed.emit(f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc))
            return
        self.relay.done.emit(result)


class LogLane(QObject):
    """Runs callables one after another in a worker thread; callbacks on the GUI thread."""

    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    @property
    def pending(self) -> int:
        return len(self._relays)

    def run(self, fn: Callable[[], object], done: Callable[[object], None],
            failed: Callable[[str], None]) -> None:
        relay = _Relay()
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy.emit(True)

        def finish(callback, value):
            self._relays.discard(relay)
            if not self._relays:
                self.busy.emit(False)
            callback(value)

        relay.done.connect(lambda value: finish(done, value))
        relay.failed.connect(lambda message: finish(failed, message))
        self._pool.start(_Task(fn, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
