"""A match between a document (or its holder) and a list record: the value screening returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .reasons import Reason


class Level(StrEnum):
    """How sure a match is; ordered: CLEAR < POSSIBLE < HIT."""

    CLEAR = "CLEAR"
    POSSIBLE = "POSSIBLE"
    HIT = "HIT"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Level.CLEAR: 0, Level.POSSIBLE: 1, Level.HIT: 2}


@dataclass(frozen=True, slots=True)
class Match:
    """One list record that matches the document or its holder."""

    kind: str  # "document" or "person"
    list: str  # the list's name, e.g. SLTD
    record_id: str
    score: float  # in [0, 1]
    level: Level
    reasons: tuple[Reason, ...]  # in words, for the officer; each keeps its code (.reasons)
    list_version: int | None = None
    action: str = ""  # what the list owner asks the officer to do
    category: str = ""  # person lists: the category; document lists: the status
    record: dict = field(default_factory=dict, compare=False)  # the record's details, for display

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "list": self.list,
            "record_id": self.record_id,
            "score": round(self.score, 4),
            "level": str(self.level),
            "reasons": list(self.reasons),
            "reason_codes": [r.as_json() for r in self.reasons if isinstance(r, Reason)],
            "list_version": self.list_version,
            "action": self.action,
            "category": self.category,
            "record": self.record,
        }
