"""Where the supervisor's hit log review (:mod:`borderdesk.ui.review`) is mounted in the desk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .review import ReviewWindow


def open_review(controller, parent: QWidget, *, full_screen: bool) -> ReviewWindow:
    """The review window for the signed-in supervisor, over the desk's window."""
    window = ReviewWindow(controller.desk, supervisor=controller.sessions.user.badge,
                          parent=parent)
    window.setWindowFlag(Qt.Window, True)
    window.setAttribute(Qt.WA_DeleteOnClose, True)
    if full_screen:
        window.showFullScreen()
    else:
        window.resize(parent.size())
        window.show()
    return window
