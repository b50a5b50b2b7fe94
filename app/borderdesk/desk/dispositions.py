"""What an officer decides about a HIT or a POSSIBLE MATCH.

A hit alone is never grounds for action: the officer looks at the person and
the record and says what happened. The desk will not go on to the next
document until a HIT has one of these; "other" needs a note saying what.
Each disposition goes to the hit log as a new entry referring to the hit (the
values are the hit log's own, :data:`borderdesk.hitlog.entries.DISPOSITIONS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

NOTE_MAX = 500


class Disposition(StrEnum):
    CONFIRMED_REFERRED = "confirmed-referred"  # the same person: referred to secondary
    PENDING_CONFIRMATION = "pending-confirmation"  # asked the issuing state or list owner
    NOT_SAME_PERSON = "not-same-person"
    OTHER = "other"  # with a note


class DispositionError(ValueError):
    """A disposition that cannot be recorded as given."""


@dataclass(frozen=True, slots=True)
class DispositionRecord:
    hit_id: str | None
    disposition: Disposition
    note: str
    officer: str
    at: datetime
    entry_id: str | None = None  # the hit log entry, once written


def clean_note(disposition: Disposition | str, note: str) -> str:
    """The note, stripped; raises :class:`DispositionError` where one is needed and missing."""
    disposition = Disposition(disposition)
    note = " ".join(note.split())
    if disposition is Disposition.OTHER and not note:
        raise DispositionError("a disposition of 'other' needs a note saying what happened")
    if len(note) > NOTE_MAX:
        raise DispositionError(f"a note has at most {NOTE_MAX} characters")
    return note
