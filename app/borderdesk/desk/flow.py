"""The rhythm of the desk: one document after another, and what may interrupt it.

A CLEAR leaves the desk ready for the next document at once (the verdict
stays on screen until it fades or the next document replaces it). A
POSSIBLE MATCH waits for the officer's decision, and a HIT for a disposition:
until then no other document is taken, so a hit cannot be scrolled away by
the next passport.

>>> flow = CheckFlow()
>>> flow.phase
<Phase.WAITING: 'waiting'>
>>> flow.can_take_document()
True
"""

from __future__ import annotations

from enum import StrEnum

from ..watchlist.match import Level
from .verdict import Verdict


class Phase(StrEnum):
    WAITING = "waiting"  # for a document
    READING = "reading"  # a document is being read or checked
    SHOWING = "showing"  # a CLEAR verdict is shown; the next document is welcome
    DECIDING = "deciding"  # a POSSIBLE MATCH waits for match / no match
    DISPOSING = "disposing"  # a HIT waits for its disposition


class FlowError(RuntimeError):
    """An action that the current phase does not allow (the message says why)."""


class CheckFlow:
    def __init__(self) -> None:
        self.phase = Phase.WAITING
        self.verdict: Verdict | None = None

    def can_take_document(self) -> bool:
        return self.phase in (Phase.WAITING, Phase.SHOWING)

    @property
    def blocking(self) -> bool:
        """A decision or disposition is owed before anything else."""
        return self.phase in (Phase.DECIDING, Phase.DISPOSING)

    def reading(self) -> None:
        if not self.can_take_document():
            raise FlowError("finish the decision on the current document first")
        self.phase = Phase.READING

    def failed(self) -> None:
        """The read or the check failed: back to waiting (the message is the face's)."""
        if self.phase is Phase.READING:
            self.phase = Phase.WAITING

    def shown(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self.phase = {Level.CLEAR: Phase.SHOWING, Level.POSSIBLE: Phase.DECIDING,
                      Level.HIT: Phase.DISPOSING}[verdict.level]

    def possible_decided(self, same_person: bool) -> None:
        """The officer's decision on a POSSIBLE MATCH: the same person goes on as a HIT."""
        if self.phase is not Phase.DECIDING:
            raise FlowError("there is no possible match to decide")
        self.phase = Phase.DISPOSING if same_person else Phase.WAITING
        if not same_person:
            self.verdict = None

    def disposed(self) -> None:
        if self.phase is not Phase.DISPOSING:
            raise FlowError("there is no hit to dispose of")
        self.phase = Phase.WAITING
        self.verdict = None

    def next(self) -> bool:
        """The "next" key: leave a CLEAR verdict; refused while something is owed."""
        if self.phase is Phase.SHOWING:
            self.phase = Phase.WAITING
            self.verdict = None
            return True
        return self.phase is Phase.WAITING

    def fades(self) -> bool:
        """A CLEAR verdict with nothing wrong with the document leaves the screen by itself.

        One with a document problem (expired, a failed check, a corrected read)
        stays until the next document or the "next" key, so it is seen.
        """
        return (self.phase is Phase.SHOWING and self.verdict is not None
                and not self.verdict.document_checks)

    def faded(self) -> None:
        """A CLEAR verdict that :meth:`fades` has been shown long enough."""
        if self.fades():
            self.phase = Phase.WAITING
            self.verdict = None
