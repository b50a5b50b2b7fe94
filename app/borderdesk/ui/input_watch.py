"""The desk's input, watched where it enters: at each top-level window, not application-wide.

Every key press, mouse press, touch and wheel turn from the windowing system
reaches a top-level window (a ``QWindow``) first, which hands it to the
widget meant (the focus, or the one under the pointer). One filter on each
top-level window sees all the officer's input and little else. An
application-wide filter would see every event of every object instead
(paints, layouts, timers, queued signals: some 190 a check), each one a call
into Python on the GUI thread and a take of the interpreter lock, which a
worker thread may hold: the event loop's stalls.

:class:`InputWatch` stamps the session's activity (for the idle lock) and
hands key presses to the keyboard wedge (:class:`~borderdesk.ui.wedge.WedgeKeys`),
which may keep them. It watches a window once it takes the focus (the desk's
window, a dialog, the review window), and any window named to :meth:`watch`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QWindow

_KEY_PRESS = QEvent.Type.KeyPress
_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                       QEvent.Type.TouchBegin, QEvent.Type.Wheel})


class InputWatch(QObject):
    def __init__(self, activity: Callable[[], None], wedge=None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.activity = activity
        self.wedge = wedge  # a WedgeKeys, or None
        self.watching = True
        app = QGuiApplication.instance()
        app.focusWindowChanged.connect(self.watch)
        for window in app.topLevelWindows():
            self.watch(window)

    def watch(self, window: QWindow | None) -> None:
        """Watch this window's input (once: Qt installs a filter on an object only once)."""
        if window is not None and self.watching:
            window.installEventFilter(self)

    def stop(self) -> None:
        """Watch no more (the desk closes)."""
        app = QGuiApplication.instance()
        if self.watching:
            self.watching = False
            app.focusWindowChanged.disconnect(self.watch)
        for window in app.topLevelWindows():
            window.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in _ACTIVITY:
            return False
        self.activity()
        return kind == _KEY_PRESS and self.wedge is not None and self.wedge.key(obj, event)
