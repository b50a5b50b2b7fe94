"""The desk: one object that turns MRZ text into a Verdict, for both faces.

``Desk.check`` is the whole path of DESIGN.md: parse the MRZ, judge the
document, screen it against the lists, log what must be logged, and return
the :class:`~borderdesk.desk.verdict.Verdict`. The parts (watchlist, hit log)
are attached as they are opened; a desk without lists says so in every
verdict (state NONE) instead of pretending the holder is clear.

The lists are the store's live version: each check looks at which version is
live (one ``readlink``) and opens a newly imported one, so an import in
another process takes effect on the next check and never blocks one. A
``screen`` given to the constructor replaces the lists (tests of the parts
after screening).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..mrz import Document
from ..watchlist.exceptions import WatchlistError
from ..watchlist.lists import Lists
from ..watchlist.match import Level, Match
from ..watchlist.screen import screen as screen_lists
from ..watchlist.sync import load_state as sync_state
from . import documents, watchlists
from .config import Config
from .dispositions import Disposition, DispositionError, DispositionRecord, clean_note
from .hits import Hits, LogUnavailable
from .problems import document_problems
from .verdict import Verdict, WatchlistState

log = logging.getLogger(__name__)  # ids and counts only: no personal data in this log

#: Screening: a document to its matches and the state of the lists it ran against.
Screen = Callable[[Document], tuple[tuple[Match, ...], WatchlistState]]

NO_LISTS = watchlists.state_of(None, datetime.now(timezone.utc))


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """What the status bar shows about the desk itself and its lists."""

    desk_id: str
    checkpoint: str
    watchlist: WatchlistState
    last_sync: datetime | None  # the last successful sync, else when the lists were imported
    sync_error: str | None = None  # why the last sync failed, when it did


def _parse_time(text) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


class Desk:
    """The application core behind the CLI and the UI."""

    def __init__(self, config: Config | None = None, *, screen: Screen | None = None) -> None:
        self.config = config or Config.load()
        self.screen = screen
        self.store = watchlists.store(self.config)
        self._lists: Lists | None = None
        self._lists_dir: Path | None = None
        self._rules_differ = False
        self._lists_error: str | None = None  # why the live lists cannot be opened
        self._lock = threading.Lock()
        self.officer = ""  # the signed-in officer's id; set by the session
        self._hits: Hits | None = None
        self._hits_lock = threading.Lock()
        # The latest time this desk has seen happen (a verified bundle's publication, a
        # logged hit): a clock earlier than it was set back (reported on every verdict).
        self._newest_seen = None
        self._hit_log_seen = False

    @property
    def hits(self) -> Hits:
        """The desk's own hit log, opened on first use (by one thread: opening migrates
        the schema, and Alembic's migration context is global to the process)."""
        with self._hits_lock:
            if self._hits is None:
                self._hits = Hits.open_local(self.config)
            return self._hits

    def start(self) -> None:
        """Open the parts at desk start; apply the hit log's retention when configured."""
        self.store.recover()  # what an import killed part-way left behind
        if self.config.hitlog.auto_redact:
            self.hits.redact()
        self._see_hit_log()

    def _see_hit_log(self) -> None:
        """Take the hit log's newest entry into the newest time seen (once)."""
        if self._hit_log_seen:
            return
        self._hit_log_seen = True
        try:
            self._see(self.hits.newest())
        except LogUnavailable:
            pass

    def _see(self, when: datetime | None) -> None:
        if when is not None and (self._newest_seen is None or when > self._newest_seen):
            self._newest_seen = when

    def newest_seen(self) -> datetime | None:
        """The latest of the hit log's entries (at start, and hits since) and the
        publication times of the bundles verified."""
        self._see(self.store.newest_seen())
        return self._newest_seen

    def watchlist_state(self, lists: Lists, at: datetime) -> WatchlistState:
        return watchlists.state_of(lists.manifest, at, self._rules_differ, config=self.config,
                                   newest_seen=self._newest_seen)

    def close(self) -> None:
        if self._hits is not None:
            self._hits.close()
            self._hits = None

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def lists(self) -> Lists | None:
        """The live lists, reopened when a newer version was imported; None when there are none."""
        live = self.store.current_dir()
        with self._lock:
            if live != self._lists_dir:
                # The old version's files stay readable for a check still using them;
                # they are released when the last reference goes.
                self._lists_error = None
                try:
                    try:
                        self._lists = Lists.open(live) if live is not None else None
                    except (OSError, WatchlistError):
                        # Another import may have switched versions between look and open.
                        live = self.store.current_dir()
                        self._lists = Lists.open(live) if live is not None else None
                except (OSError, WatchlistError) as exc:
                    self._lists = None
                    self._lists_error = str(exc)
                self._lists_dir = live
                self._rules_differ = self._lists is not None and self._lists.rules_differ()
                self._see(self.store.newest_seen())
            return self._lists

    def screen_lists(self, doc: Document, at: datetime
                     ) -> tuple[tuple[Match, ...], WatchlistState]:
        """The document and its holder against the live lists, and the state of those lists."""
        lists = self.lists()
        if lists is None:
            return (), self._no_lists()
        matches = screen_lists(lists, doc, self.config.screening,
                               self.config.watchlist.max_candidates)
        return matches, self.watchlist_state(lists, at)

    def check(self, mrz: str | Document, source: str = "manual",
              officer: str | None = None) -> Verdict:
        """Check one document; raises ``documents.NotAnMRZ`` for text that is not an MRZ.

        A HIT or POSSIBLE MATCH is in the hit log, on disk, before this returns
        (``Verdict.hit_id``). Should the log fail (a full disk), the verdict is
        still returned — an officer must see a hit — with ``hit_log_error`` set.
        """
        self._see_hit_log()
        checked_at = self.now()
        today = checked_at.astimezone().date()
        doc = mrz if isinstance(mrz, Document) else documents.read_mrz(mrz, today=today)
        problems = document_problems(doc, today)
        matches, state = (self.screen(doc) if self.screen is not None
                          else self.screen_lists(doc, checked_at))
        level = max((m.level for m in matches), key=lambda lv: lv.rank, default=Level.CLEAR)
        verdict = Verdict(level=level, document=doc, document_checks=problems, matches=matches,
                          watchlist=state, source=source, checked_at=checked_at)
        return self._log(verdict, officer or self.officer or "unsigned")

    def _log(self, verdict: Verdict, officer: str) -> Verdict:
        try:
            if verdict.level is Level.CLEAR:
                self.hits.count_clear(verdict.checked_at)
                return verdict
            hit_id = self.hits.record(verdict, officer)
            self._see(verdict.checked_at)
            return dataclasses.replace(verdict, hit_id=hit_id)
        except LogUnavailable as exc:
            log.error("hit log unavailable: %s", type(exc.__cause__ or exc).__name__)
            if verdict.level is Level.CLEAR:
                return verdict  # a lost count is not a lost hit
            return dataclasses.replace(verdict, hit_log_error=str(exc))

    def dispose(self, verdict: Verdict, disposition: Disposition | str, note: str,
                officer: str) -> DispositionRecord:
        """Record the officer's disposition of a HIT or POSSIBLE MATCH in the hit log.

        Raises :class:`DispositionError` for a disposition that cannot be given
        as it is, and ``LogUnavailable`` when the log cannot be written (the
        officer tries again). A hit the log could not take (``hit_id`` None,
        ``hit_log_error`` set) cannot have its disposition logged either: the
        disposition is returned unlogged, and the error is in the desk's log.
        """
        if verdict.level is Level.CLEAR:
            raise DispositionError("a CLEAR check has nothing to dispose of")
        disposition = Disposition(disposition)
        note = clean_note(disposition, note)
        at = self.now()
        entry_id = None
        if verdict.hit_id is not None:
            entry_id = self.hits.dispose(verdict.hit_id, disposition.value, officer, note, at)
            log.info("disposition %s recorded for hit %s", disposition, verdict.hit_id)
        else:
            log.error("disposition %s of a hit the log never took: not logged", disposition)
        return DispositionRecord(verdict.hit_id, disposition, note, officer, at, entry_id)

    def status(self) -> DeskStatus:
        """The desk's identity, the state of its lists and of the last sync, for the
        status bar.

        ``last_sync`` is the last successful sync (:mod:`borderdesk.desk.sync`), or,
        when the lists came another way, when the live lists arrived on this desk.
        """
        now = self.now()
        lists = self.lists()
        synced = sync_state(self.store)
        error = synced.get("error")
        last = _parse_time(synced.get("last_success"))
        if lists is None:
            return DeskStatus(self.config.desk.desk_id, self.config.desk.checkpoint,
                              self._no_lists(), last_sync=last, sync_error=error)
        self.newest_seen()
        state = self.watchlist_state(lists, now)
        if last is None:
            try:
                last = datetime.fromtimestamp(self._lists_dir.stat().st_mtime, timezone.utc)
            except (OSError, AttributeError):
                last = None
        return DeskStatus(self.config.desk.desk_id, self.config.desk.checkpoint, state,
                          last_sync=last, sync_error=error)

    def _no_lists(self) -> WatchlistState:
        """The state a desk without readable lists reports (with why, when it is known)."""
        state = NO_LISTS
        if self._newest_seen is not None:
            state = watchlists.state_of(None, self.now(), newest_seen=self._newest_seen)
        if self._lists_error:
            return dataclasses.replace(state, notes=state.notes + (
                f"the lists cannot be read: {self._lists_error}",))
        return state
