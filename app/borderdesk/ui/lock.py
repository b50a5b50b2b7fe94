"""The lock screen, and the supervisor's prompt for what only a supervisor may do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from . import theme
from .credentials import CredentialsForm
from .i18n import t
from .icons import pixmap


class LockScreen(QWidget):
    """Hides the check screen; opens again for the same officer or a supervisor."""

    submitted = Signal(str, str)
    switch_officer = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        icon = QLabel()
        icon.setPixmap(pixmap("lock", 96))
        icon.setAlignment(Qt.AlignCenter)
        self.heading = QLabel(t("Lock", "Desk locked"))
        self.heading.setFont(theme.font(2.2, bold=True))
        self.heading.setAlignment(Qt.AlignCenter)
        self.who = QLabel()
        self.who.setFont(theme.font(1.3))
        self.who.setAlignment(Qt.AlignCenter)
        self.form = CredentialsForm(t("Lock", "Unlock: your badge and PIN, or a supervisor's"),
                                    t("Lock", "Unlock"))
        self.form.title.setFont(theme.font(1.2, bold=True))
        self.form.setFixedWidth(620)
        self.form.submitted.connect(self.submitted)
        self.other = QPushButton(t("Lock", "Another officer: sign in"))
        self.other.clicked.connect(self.switch_officer)
        for w in (icon, self.heading, self.who, self.form, self.other):
            column.addWidget(w)
        column.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(1)
        self.setFocusProxy(self.form.secret)

    def show_for(self, badge: str, name: str) -> None:
        self.who.setText(t("Lock", "Signed in: {name} ({badge})").format(
            name=name or badge, badge=badge))
        self.form.reset(badge)

    def show_error(self, error: BaseException) -> None:
        self.form.show_error(error)


class SupervisorPrompt(QDialog):
    """A supervisor's badge and secret, for leaving kiosk mode and the like."""

    submitted = Signal(str, str)

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Lock", "Supervisor"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.form = CredentialsForm(reason, t("Lock", "Confirm"))
        self.form.submitted.connect(self.submitted)
        cancel = QPushButton(t("Lock", "Cancel"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(self.form)
        layout.addWidget(cancel)
        self.setFocusProxy(self.form.badge)

    def show_error(self, error: BaseException) -> None:
        self.form.show_error(error)
