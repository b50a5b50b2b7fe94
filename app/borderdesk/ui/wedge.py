"""Keyboard-wedge scanners: bursts of keystrokes caught anywhere in the window.

The desk's input watch (:class:`~borderdesk.ui.input_watch.InputWatch`, on
each top-level window) hands every key press here; each character keystroke
goes, with its time, to the reader's wedge decoder (through the desk core), which tells a
scanner's burst (a few milliseconds a key) from a person typing. A person's
keys are held only while that is undecided (a pause of ``[scanner]
wedge_max_gap_ms``) and then replayed, in order, to the widget they were
meant for (through their window, which gives them to its focus); a scanner's burst becomes MRZ text for a check and never reaches
a field.

The sorter is the desk's :class:`~borderdesk.desk.capture.WedgeCapture` (or
anything with its ``key(text, seconds)`` and ``tick(seconds)``), whose
answers carry ``readings`` (the documents decoded) and ``typed`` (the
characters that were a person's). The readings go out by the ``reading``
signal, to be checked in a worker like any other.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

TICK_MS = 20
_LATIN_KEYS = {**{getattr(Qt, f"Key_{c}"): c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"},
               Qt.Key_Less: "<"}


def key_text(event: QKeyEvent) -> str:
    """The character a key event stands for, as a scanner sent it.

    A wedge scanner sends key codes of a US layout; with another layout
    active (Arabic, French AZERTY) the text differs, so letters and digits
    are taken from the key code when the text is not plain ASCII.
    """
    if event.key() in (Qt.Key_Return, Qt.Key_Enter):
        return "\r"
    text = event.text()
    if len(text) == 1 and text.isascii() and text.isprintable():
        return text
    return _LATIN_KEYS.get(event.key(), "")


class WedgeKeys(QObject):
    reading = Signal(object)  # a Reading: a document from a scanner burst

    def __init__(self, sorter, *, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sorter = sorter
        self.clock = clock
        self.active = False
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def set_active(self, active: bool) -> None:
        """Listen only while an officer is at the check screen."""
        self.active = active
        if not active:
            self._flush_typed(len(self._held))

    def key(self, obj: QObject, event: QKeyEvent) -> bool:
        """A key press on its way to ``obj``: True if kept (held, or part of a burst)."""
        if not self.active or self._replaying:
            return False
        if event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
            return False
        text = key_text(event)
        if not text:
            return False
        self._held.append((obj, QKeyEvent(event.type(), event.key(), event.modifiers(),
                                          event.text(), event.isAutoRepeat(), event.count())))
        if not self._timer.isActive():
            self._timer.start()  # it ticks only while keys are held
        self._handle(self.sorter.key(text, self.clock()))
        return True

    def _tick(self) -> None:
        if self._held:
            self._handle(self.sorter.tick(self.clock()))
        if not self._held:
            self._timer.stop()

    def _handle(self, out) -> None:
        if out.typed:
            self._flush_typed(len(out.typed))
        if out.readings:
            self._held.clear()  # the burst's keys never reach a field
            for reading in out.readings:
                self.reading.emit(reading)

    def _flush_typed(self, count: int) -> None:
        replay, self._held = self._held[:count], self._held[count:]
        if not self._held:
            self._timer.stop()
        self._replaying = True
        try:
            for obj, event in replay:
                try:
                    QApplication.sendEvent(obj, event)
                except RuntimeError:  # the window has gone meanwhile: to the focus instead
                    target = QApplication.focusWidget()
                    if target is not None:
                        QApplication.sendEvent(target, event)
        finally:
            self._replaying = False
