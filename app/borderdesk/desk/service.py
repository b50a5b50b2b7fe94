"""The desk: one object that turns MRZ text into a Verdict, for both faces.

``Desk.check`` is the whole path of DESIGN.md: parse the MRZ, judge the
document, screen it against the lists, log what must be logged, and return
the :class:`~borderdesk.desk.verdict.Verdict`. The parts (watchlist, hit log)
are attached as they are opened; a desk without lists says so in every
verdict (state NONE) instead of pretending the holder is clear.

The lists are the store's live version: each check looks at which version is
live (one ``readlink``) and opens a newly imported one, so an import in
another process takes effect on the next check and never blocks one.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from ..mrz import Document
from ..watchlist.exceptions import WatchlistError
from ..watchlist.lists import Lists
from ..watchlist.match import Level
from ..watchlist.screen import screen
from . import documents, watchlists
from .config import Config
from .problems import document_problems
from .verdict import Verdict

NO_LISTS = watchlists.state_of(None, datetime.now(timezone.utc))


class Desk:
    """The application core behind the CLI and the UI."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config.load()
        self.store = watchlists.store(self.config)
        self._lists: Lists | None = None
        self._lists_dir: Path | None = None
        self._rules_differ = False
        self._lists_error: str | None = None  # why the live lists cannot be opened
        self._lock = threading.Lock()

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
            return self._lists

    def check(self, mrz: str | Document, source: str = "manual") -> Verdict:
        """Check one document; raises ``documents.NotAnMRZ`` for text that is not an MRZ."""
        checked_at = self.now()
        today = checked_at.astimezone().date()
        doc = mrz if isinstance(mrz, Document) else documents.read_mrz(mrz, today=today)
        problems = document_problems(doc, today)
        lists = self.lists()
        if lists is None:
            matches, state = (), NO_LISTS
            if self._lists_error:
                state = replace(NO_LISTS, notes=NO_LISTS.notes + (
                    f"the lists cannot be read: {self._lists_error}",))
        else:
            matches = screen(lists, doc, self.config.screening,
                             self.config.watchlist.max_candidates)
            state = watchlists.state_of(lists.manifest, checked_at, self._rules_differ)
        level = max((m.level for m in matches), key=lambda lv: lv.rank, default=Level.CLEAR)
        return Verdict(level=level, document=doc, document_checks=problems, matches=matches,
                       watchlist=state, source=source, checked_at=checked_at)
