"""The desk's background sync of its lists, its results on the GUI thread.

:class:`ListSync` runs :class:`borderdesk.desk.sync.BackgroundSync` (every
``[sync] interval_minutes`` from ``[sync] source``, at once when the desk
starts) and hands each outcome to the GUI thread by a queued Qt signal: the
sync thread never touches a widget. "Sync now" wakes it; a desk that does not
sync on its own (an interval of 0) syncs once in the ``background`` lane of the
:class:`~borderdesk.ui.workers.TaskRunner` instead, so two syncs never run at
once. :meth:`ListSync.shutdown`, at quit, waits only for a sync under way, and
no longer than ``SHUTDOWN_S``: an import cut short leaves the lists as they were
(it switches versions in one rename), so the desk may go.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from ..desk.config import Config
from ..desk.sync import BackgroundSync, sync_now
from .workers import Outcome, TaskRunner

log = logging.getLogger(__name__)

SHUTDOWN_S = 5.0


class ListSync(QObject):
    finished = Signal(object, object)  # the Report or None, the error or None

    def __init__(self, config: Config, runner: TaskRunner, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.config = config
        self.runner = runner
        self._background = BackgroundSync(config, on_result=self._result)
        self._closed = False
        self._once = False  # a "sync now" under way in the background lane

    @property
    def configured(self) -> bool:
        return bool(self.config.sync.source)

    @property
    def running(self) -> bool:
        return self._background.running

    def start(self) -> bool:
        """Sync in the background when a source and an interval are set (False otherwise)."""
        started = self._background.start()
        if started:
            log.info("background sync every %s min", self.config.sync.interval_minutes)
        return started

    def sync_soon(self) -> bool:
        """Sync now; False when there is no source to sync from."""
        if self._closed or not self.configured:
            return False
        if self.running or self._background.interval > 0:
            # Its thread; or, before the desk's start-up work ends, the one about to start.
            self._background.sync_soon()
        elif not self._once:
            self._once = True
            self.runner.run("background", lambda: sync_now(self.config), self._once_done)
        return True

    def _once_done(self, outcome: Outcome) -> None:
        self._once = False
        self.finished.emit(outcome.result, outcome.error)

    def _result(self, report, error) -> None:
        """On the sync thread: pass it on, queued to the GUI thread."""
        if self._closed:
            return
        try:
            self.finished.emit(report, error)
        except RuntimeError:  # the window went while the sync ran
            pass

    def shutdown(self, seconds: float = SHUTDOWN_S) -> bool:
        """Quit: stop syncing; True when no sync thread is left."""
        self._closed = True
        ended = self._background.stop(seconds)
        if not ended:
            log.error("the sync did not end within %s s; the desk quits without it", seconds)
        return ended
