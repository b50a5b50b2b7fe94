"""Reading a document's MRZ text into a :class:`~borderdesk.mrz.Document`.

The faces (CLI, UI) parse MRZ text through here, so that the rules about the
document itself (expired, unknown state, checks) live in one place.
"""

from __future__ import annotations

from datetime import date

from .. import mrz
from ..mrz import Document

NotAnMRZ = mrz.MRZError

__all__ = ["Document", "NotAnMRZ", "days_to_expiry", "holder_age", "read_mrz"]


def read_mrz(text: str, *, today: date | None = None) -> Document:
    """Parse MRZ text; raises :class:`NotAnMRZ` (a ``ValueError``) when it is not one."""
    return mrz.parse(text, today=today)


def holder_age(doc: Document, today: date) -> int | None:
    """The holder's age in whole years on ``today``, or None when the birth date is unknown."""
    birth = doc.birth.as_date()
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def days_to_expiry(doc: Document, today: date) -> int | None:
    """Days from ``today`` to the date of expiry (negative once expired), or None."""
    expiry = doc.expiry.as_date()
    return None if expiry is None else (expiry - today).days
