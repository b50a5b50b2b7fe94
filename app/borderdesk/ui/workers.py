"""Work off the GUI thread: lanes of worker threads, results back by a queued signal.

After Anki's task manager and Picard's ``run_task``: the GUI thread hands a
function to a *lane* and names what to call with its result (or its error);
the function runs in that lane's thread and the callback runs later on the
GUI thread, through a queued Qt signal, so widgets are only touched there.

Each lane is one thread, so what it touches is touched in order and by one
thread at a time; separate lanes keep slow work from queueing in front of a
check (the lesson from Anki's users):

* ``checks`` — parsing, document rules, screening against the lists and the
  hit log writes of a check and of its disposition (the list files, the hit
  log database). In order: a hit is written before its disposition.
* ``accounts`` — sign-in, unlock, supervisor authorisation (``users.sqlite``
  and scrypt, which takes about half a second by design).
* ``background`` — list status and age, list sync and import, anything that
  reads or waits on the network or a USB stick. (The periodic sync of the lists
  has a thread of its own: :mod:`borderdesk.ui.sync`.)

Camera frames have a process of their own (:mod:`borderdesk.desk.camera_process`),
followed by a thread (:mod:`borderdesk.ui.camera`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

LANES = ("checks", "accounts", "background")


@dataclass(frozen=True, slots=True)
class Outcome:
    """A finished task: its result, or the exception it raised."""

    result: Any = None
    error: BaseException | None = None


class TaskRunner(QObject):
    """Runs functions in named lanes; callbacks come back on the GUI thread."""

    _finished = Signal(object, object)  # callback, Outcome
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes = {name: ThreadPoolExecutor(1, thread_name_prefix=f"desk-{name}")
                       for name in LANES}
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return self._pending

    def run(self, lane: str, func: Callable[[], Any],
            done: Callable[[Outcome], None] | None = None) -> None:
        """Run ``func()`` in ``lane``; then ``done(Outcome)`` on the GUI thread."""
        if self._closed:
            return
        with self._lock:
            self._pending += 1
        self._lanes[lane].submit(self._call, func, done)

    def _call(self, func: Callable[[], Any], done) -> None:
        try:
            outcome = Outcome(result=func())
        except Exception as exc:  # handed to the callback, which decides what to tell
            outcome = Outcome(error=exc)
            if done is None:
                log.exception("a background task failed")
        self._finished.emit(done, outcome)

    @Slot(object, object)
    def _deliver(self, done, outcome: Outcome) -> None:
        with self._lock:
            self._pending -= 1
            now_idle = self._pending == 0
        if done is not None and not self._closed:
            done(outcome)
        if now_idle:
            self.idle.emit()

    def shutdown(self, wait: bool = True) -> None:
        """No new work; wait for the running tasks (their callbacks are dropped)."""
        self._closed = True
        for lane in self._lanes.values():
            lane.shutdown(wait=wait, cancel_futures=True)
