"""The desk: one object that turns MRZ text into a Verdict, for both faces.

``Desk.check`` is the whole path of DESIGN.md: parse the MRZ, judge the
document, screen it against the lists, log what must be logged, and return
the :class:`~borderdesk.desk.verdict.Verdict`. The parts (watchlist, hit log)
are attached as they are opened; a desk without lists says so in every
verdict (state NONE) instead of pretending the holder is clear.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime, timezone

from ..mrz import Document
from ..watchlist.match import Level, Match
from . import documents
from .config import Config
from .hits import Hits, LogUnavailable
from .problems import document_problems
from .verdict import Verdict, WatchlistState

log = logging.getLogger(__name__)  # ids and counts only: no personal data in this log

#: Screening: a document to its matches and the state of the lists it ran against.
Screen = Callable[[Document], tuple[tuple[Match, ...], WatchlistState]]

NO_LISTS = WatchlistState(version=None, age_hours=None, state="NONE",
                          notes=("no watchlist is loaded: no hit is not reliable",))


class Desk:
    """The application core behind the CLI and the UI."""

    def __init__(self, config: Config | None = None, *, screen: Screen | None = None) -> None:
        self.config = config or Config.load()
        self.screen = screen
        self.officer = ""  # the signed-in officer's id; set by the session
        self._hits: Hits | None = None

    @property
    def hits(self) -> Hits:
        """The desk's own hit log, opened on first use."""
        if self._hits is None:
            self._hits = Hits.open_local(self.config)
        return self._hits

    def start(self) -> None:
        """Open the parts at desk start; apply the hit log's retention when configured."""
        if self.config.hitlog.auto_redact:
            self.hits.redact()

    def close(self) -> None:
        if self._hits is not None:
            self._hits.close()
            self._hits = None

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def check(self, mrz: str | Document, source: str = "manual",
              officer: str | None = None) -> Verdict:
        """Check one document; raises ``documents.NotAnMRZ`` for text that is not an MRZ.

        A HIT or POSSIBLE MATCH is in the hit log, on disk, before this returns
        (``Verdict.hit_id``). Should the log fail (a full disk), the verdict is
        still returned — an officer must see a hit — with ``hit_log_error`` set.
        """
        checked_at = self.now()
        today = checked_at.astimezone().date()
        doc = mrz if isinstance(mrz, Document) else documents.read_mrz(mrz, today=today)
        problems = document_problems(doc, today)
        matches, state = self.screen(doc) if self.screen is not None else ((), NO_LISTS)
        level = max((m.level for m in matches), key=lambda lv: lv.rank, default=Level.CLEAR)
        verdict = Verdict(level=level, document=doc, document_checks=problems, matches=matches,
                          watchlist=state, source=source, checked_at=checked_at)
        return self._log(verdict, officer or self.officer or "unsigned")

    def _log(self, verdict: Verdict, officer: str) -> Verdict:
        try:
            if verdict.level is Level.CLEAR:
                self.hits.count_clear(verdict.checked_at)
                return verdict
            return dataclasses.replace(verdict, hit_id=self.hits.record(verdict, officer))
        except LogUnavailable as exc:
            log.error("hit log unavailable: %s", type(exc.__cause__ or exc).__name__)
            if verdict.level is Level.CLEAR:
                return verdict  # a lost count is not a lost hit
            return dataclasses.replace(verdict, hit_log_error=str(exc))
