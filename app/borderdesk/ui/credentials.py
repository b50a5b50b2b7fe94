"""A badge and a PIN or password: the form behind sign-in, unlock and kiosk exit."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..desk import users
from ..desk.passwords import MalformedHash
from . import theme
from .i18n import person_time, t


def auth_message(error: BaseException) -> str:
    """What to tell the person at the desk about a refused sign-in, in their language."""
    if isinstance(error, users.AccountLocked):
        return t("Credentials", "Too many wrong attempts: this badge is locked "
                                "until {time}.").format(time=person_time(error.until))
    if isinstance(error, users.AccountDisabled):
        return t("Credentials", "This badge is disabled. See your supervisor.")
    if isinstance(error, users.NotSupervisor):
        return t("Credentials", "This needs the signed-in officer or a supervisor.")
    if isinstance(error, users.BadCredentials):
        return t("Credentials", "Badge or PIN not recognised.")
    if isinstance(error, (MalformedHash, sqlite3.Error, OSError)):
        return t("Credentials", "The users file cannot be read. Call the administrator.")
    return t("Credentials", "Sign-in failed. Try again.")


class CredentialsForm(QWidget):
    """Badge and secret fields with a button; Enter in either field submits."""

    submitted = Signal(str, str)

    def __init__(self, title: str, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.title = QLabel(title)
        self.title.setFont(theme.font(1.6, bold=True))
        self.title.setWordWrap(True)
        self.badge = QLineEdit()
        self.badge.setPlaceholderText(t("Credentials", "Badge"))
        self.badge.setAccessibleName(t("Credentials", "Badge"))
        self.badge.setFont(theme.font(1.4))
        self.badge.setLayoutDirection(Qt.LeftToRight)  # badge ids are Latin letters and digits
        self.secret = QLineEdit()
        self.secret.setPlaceholderText(t("Credentials", "PIN or password"))
        self.secret.setAccessibleName(t("Credentials", "PIN or password"))
        self.secret.setEchoMode(QLineEdit.Password)
        self.secret.setFont(theme.font(1.4))
        self.secret.setLayoutDirection(Qt.LeftToRight)
        self.button = QPushButton(action)
        self.button.setFont(theme.font(1.3, bold=True))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setFont(theme.font(1.2, bold=True))
        self.message.setStyleSheet(theme.badge_style(theme.WARNING))
        self.message.hide()
        for w in (self.title, self.badge, self.secret, self.button, self.message):
            layout.addWidget(w)
        self.badge.returnPressed.connect(self._next_field)
        self.secret.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)

    def _next_field(self) -> None:
        if self.secret.text():
            self._submit()
        else:
            self.secret.setFocus()

    def _submit(self) -> None:
        if not self.badge.text().strip():
            self.badge.setFocus()
            return
        if not self.secret.text():
            self.secret.setFocus()
            return
        self.set_busy(True)
        self.submitted.emit(self.badge.text(), self.secret.text())

    def set_busy(self, busy: bool) -> None:
        for w in (self.badge, self.secret, self.button):
            w.setEnabled(not busy)
        if busy:
            self.message.hide()

    def show_error(self, error: BaseException) -> None:
        self.set_busy(False)
        self.secret.clear()
        self.message.setText("⚠ " + auth_message(error))
        self.message.show()
        self.secret.setFocus()

    def reset(self, badge: str = "") -> None:
        self.set_busy(False)
        self.badge.setText(badge)
        self.secret.clear()
        self.message.hide()
        (self.secret if badge else self.badge).setFocus()
