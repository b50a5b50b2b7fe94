"""Keeping the desk's lists current: a sync now, and a sync in the background.

``sync_now`` brings the lists to the newest version the configured source (``[sync]
source``: a directory or an http(s) mirror; see :mod:`borderdesk.watchlist.sync`)
offers, and records the outcome in the store's sync state (last attempt, last
success, the error), which :meth:`borderdesk.desk.service.Desk.status` reads for the
status bar. ``BackgroundSync`` runs it every ``[sync] interval_minutes`` on a thread
of its own; the UI may instead call ``sync_now`` from a worker of its own. Checks
never wait for a sync: an import builds the new version beside the live one and
switches in one rename.
"""

from __future__ import annotations

import logging
import ssl
import threading
from collections.abc import Callable
from datetime import datetime, timezone

from ..watchlist.exceptions import WatchlistError
from ..watchlist.sync import Http, Report, SyncError, load_state, save_state, sync
from . import watchlists
from .config import Config

__all__ = ["BackgroundSync", "Report", "SyncError", "state", "sync_now"]

log = logging.getLogger(__name__)


def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="seconds")


def sync_now(config: Config | None = None, source: str | None = None) -> Report:
    """Sync from ``source`` (default ``[sync] source``); raises a ``WatchlistError`` with
    the reason when it cannot (the lists held stay as they are, or at a newer verified
    version)."""
    config = config or Config.load()
    source = source or config.sync.source
    store = watchlists.store(config)
    if not source:
        raise SyncError("no sync source: give --source (a directory or an http(s) URL) or "
                        "set [sync] source in the configuration")
    started = datetime.now(timezone.utc)
    context = None
    if config.sync.ca_file:
        try:
            context = ssl.create_default_context(cafile=config.sync.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise SyncError(f"[sync] ca_file {config.sync.ca_file}: {exc}") from None
    http = Http(timeout=config.sync.timeout_seconds, retries=config.sync.retries,
                backoff=config.sync.backoff_seconds, ssl_context=context)
    try:
        report = sync(store, source, http)
    except (WatchlistError, OSError) as exc:
        save_state(store, last_attempt=_iso(started), error=str(exc), source=source)
        log.warning("a sync failed: %s", type(exc).__name__)
        if isinstance(exc, WatchlistError):
            raise
        raise SyncError(f"the sync failed: {exc}") from None
    save_state(store, last_attempt=_iso(started), last_success=_iso(datetime.now(timezone.utc)),
               error=None, source=source, version=report.held_after)
    return report


def state(config: Config | None = None) -> dict:
    """The last sync: ``last_attempt``, ``last_success``, ``error``, ``source``, ``version``."""
    return load_state(watchlists.store(config or Config.load()))


class BackgroundSync:
    """Sync every ``[sync] interval_minutes`` on a daemon thread (at once when started).

    ``on_result(report, error)`` is called on that thread after each sync (one of the
    two is None). ``stop()`` ends the thread, waiting for a sync under way.
    """

    def __init__(self, config: Config | None = None,
                 on_result: Callable[[Report | None, Exception | None], None] | None = None,
                 ) -> None:
        self.config = config or Config.load()
        self.on_result = on_result
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def interval(self) -> float:
        return self.config.sync.interval_minutes * 60

    def start(self) -> bool:
        """Start syncing; False (and nothing started) without a source or an interval."""
        if not self.config.sync.source or self.interval <= 0 or self._thread is not None:
            return False
        self._thread = threading.Thread(target=self._run, name="borderdesk-sync", daemon=True)
        self._thread.start()
        return True

    def sync_soon(self) -> None:
        """Sync now instead of at the next interval (a USB stick was plugged in)."""
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def stop(self, timeout: float | None = 30.0) -> bool:
        """Stop, waiting up to ``timeout`` seconds for a sync under way; False when it
        still runs (an import is safe to abandon: it switches versions in one rename)."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            report, error = None, None
            try:
                report = sync_now(self.config)
            except (WatchlistError, OSError) as exc:
                error = exc
            if self.on_result is not None:
                self.on_result(report, error)
            self._wake.wait(self.interval)
            self._wake.clear()
