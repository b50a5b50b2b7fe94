"""The desk: one object that turns MRZ text into a Verdict, for both faces.

``Desk.check`` is the whole path of DESIGN.md: parse the MRZ, judge the
document, screen it against the lists, log what must be logged, and return
the :class:`~borderdesk.desk.verdict.Verdict`. The parts (watchlist, hit log)
are attached as they are opened; a desk without lists says so in every
verdict (state NONE) instead of pretending the holder is clear.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from ..mrz import Document
from ..watchlist.match import Level
from . import documents
from .config import Config
from .dispositions import Disposition, DispositionError, DispositionRecord, clean_note
from .problems import document_problems
from .verdict import Verdict, WatchlistState

log = logging.getLogger(__name__)

NO_LISTS = WatchlistState(version=None, age_hours=None, state="NONE",
                          notes=("no watchlist is loaded: no hit is not reliable",))


@dataclass(frozen=True, slots=True)
class DeskStatus:
    """What the status bar shows about the desk itself and its lists."""

    desk_id: str
    checkpoint: str
    watchlist: WatchlistState
    last_sync: datetime | None


class Desk:
    """The application core behind the CLI and the UI."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config.load()

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def check(self, mrz: str | Document, source: str = "manual") -> Verdict:
        """Check one document; raises ``documents.NotAnMRZ`` for text that is not an MRZ."""
        checked_at = self.now()
        today = checked_at.astimezone().date()
        doc = mrz if isinstance(mrz, Document) else documents.read_mrz(mrz, today=today)
        problems = document_problems(doc, today)
        matches = ()
        state = NO_LISTS
        level = max((m.level for m in matches), key=lambda lv: lv.rank, default=Level.CLEAR)
        return Verdict(level=level, document=doc, document_checks=problems, matches=matches,
                       watchlist=state, source=source, checked_at=checked_at)

    def dispose(self, verdict: Verdict, disposition: Disposition | str, note: str,
                officer: str) -> DispositionRecord:
        """Record the officer's disposition of a HIT or POSSIBLE MATCH (in the hit log)."""
        if verdict.level is Level.CLEAR:
            raise DispositionError("a CLEAR check has nothing to dispose of")
        record = DispositionRecord(verdict.hit_id, Disposition(disposition),
                                   clean_note(disposition, note), officer, self.now())
        log.info("disposition %s recorded for hit %s", record.disposition, record.hit_id)
        return record

    def status(self) -> DeskStatus:
        """The desk's identity and the state of its lists, for the status bar."""
        return DeskStatus(self.config.desk.desk_id, self.config.desk.checkpoint,
                          NO_LISTS, last_sync=None)
