"""The verdict of one check: what the officer is shown and the hit log keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..mrz import Document
from ..watchlist.match import Level, Match
from ..watchlist.reasons import Reason, reasons_of, status_reason

__all__ = ["DocumentProblem", "Level", "Match", "Reason", "Verdict", "WatchlistState",
           "reasons_of", "status_reason"]


@dataclass(frozen=True, slots=True)
class DocumentProblem:
    """Something wrong with the document itself (not a list match)."""

    code: str  # expired, check-digit, unknown-state, not-yet-valid, ...
    message: str  # English; the faces translate by code (and field)
    field: str | None = None  # the document field concerned, where there is one

    def as_json(self) -> dict:
        return {"code": self.code, "message": self.message, "field": self.field}


@dataclass(frozen=True, slots=True)
class WatchlistState:
    """How current the lists a check ran against are."""

    version: int | None
    age_hours: float | None
    state: str  # OK, WARNING, STALE, or NONE when no list is loaded
    lists: dict = field(default_factory=dict)  # list name -> {"version", "age_hours", "state"}
    notes: tuple[str, ...] = ()  # e.g. "no hit is not reliable", "clock set back"

    def as_json(self) -> dict:
        return {"version": self.version,
                "age_hours": None if self.age_hours is None else round(self.age_hours, 2),
                "state": self.state, "lists": self.lists, "notes": list(self.notes)}


@dataclass(frozen=True, slots=True)
class Verdict:
    """CLEAR, POSSIBLE or HIT for one document, with everything behind it."""

    level: Level
    document: Document
    document_checks: tuple[DocumentProblem, ...]
    matches: tuple[Match, ...]
    watchlist: WatchlistState
    source: str  # camera, scanner, manual, batch
    checked_at: datetime
    hit_id: str | None = None  # the hit log entry, when one was written
    hit_log_error: str | None = None  # why a HIT or POSSIBLE could not be logged

    def as_json(self) -> dict:
        return {
            "verdict": str(self.level),
            "document": self.document.as_json(),
            "document_checks": [p.as_json() for p in self.document_checks],
            "matches": [m.as_json() for m in self.matches],
            "watchlist": self.watchlist.as_json(),
            "source": self.source,
            "checked_at": self.checked_at.isoformat(),
            "hit_id": self.hit_id,
            "hit_log_error": self.hit_log_error,
        }
