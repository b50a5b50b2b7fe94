"""Reading a document's MRZ text into a :class:`~borderdesk.mrz.Document`.

The faces (CLI, UI) parse MRZ text through here, so that the rules about the
document itself (expired, unknown state, checks) live in one place.
"""

from __future__ import annotations

from datetime import date

from .. import mrz
from ..mrz import Document

NotAnMRZ = mrz.MRZError

__all__ = ["Document", "NotAnMRZ", "read_mrz"]


def read_mrz(text: str, *, today: date | None = None) -> Document:
    """Parse MRZ text; raises :class:`NotAnMRZ` (a ``ValueError``) when it is not one."""
    return mrz.parse(text, today=today)
