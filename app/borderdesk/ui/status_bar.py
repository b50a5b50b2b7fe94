"""The status bar: desk, officer, lists (version, age, OK / WARNING / STALE), devices, sync."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ..desk.service import DeskStatus
from . import texts, theme
from .i18n import person_number, person_time, t


def age_words(hours: float | None) -> str:
    if hours is None:
        return ""
    # Units abbreviated, so that no language needs its plural forms (Arabic has six).
    if hours < 1:
        return t("Status", "{minutes} min").format(minutes=person_number(int(hours * 60)))
    if hours < 48:
        return t("Status", "{hours} h").format(hours=person_number(int(hours)))
    return t("Status", "{days} d").format(days=person_number(int(hours // 24)))


class StatusBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(10)
        self.desk = QLabel()
        self.officer = QLabel()
        self.lists = QLabel()
        self.lists.setObjectName("status-lists")
        self.camera = QLabel()
        self.scanner = QLabel()
        self.sync = QLabel()
        for w in (self.desk, self.officer, self.lists, self.camera, self.scanner, self.sync):
            w.setFont(theme.font(0.85, bold=w is self.lists))
            # The lists' state never shrinks; the others give way, as little as they can.
            if w is not self.lists:
                w.setMinimumWidth(40)
            w.setSizePolicy(QSizePolicy.Preferred if w is not self.lists else QSizePolicy.Fixed,
                            QSizePolicy.Preferred)
            layout.addWidget(w)
        layout.addStretch(1)
        self.set_camera("off")
        self.set_scanner("off")

    def set_officer(self, badge: str, name: str) -> None:
        self.officer.setText(t("Status", "Officer {name}").format(
            name=f"{name} ({badge})" if name else badge))

    def set_status(self, status: DeskStatus) -> None:
        self.desk.setText(t("Status", "Desk {desk}").format(desk=status.desk_id))
        lists = status.watchlist
        state = lists.state
        words = [t("Status", "Lists")]
        if lists.version is not None:
            words.append(t("Status", "v{version}").format(version=lists.version))  # an id
        age = age_words(lists.age_hours)
        if age:
            words.append(age)
        words.append(texts.say(texts.LIST_STATE, state))
        self.lists.setText(" · ".join(words))
        self.lists.setStyleSheet(theme.badge_style(theme.LIST_STATE.get(state,
                                                                       theme.LIST_STATE["NONE"])))
        self.lists.setToolTip("\n".join(lists.notes))
        words = t("Status", "Last sync: {when}").format(when=self._when(status.last_sync))
        if status.sync_error:  # the reason, for the supervisor, beside the words
            words += " · " + t("Status", "sync failed")
        self.sync.setText(words)
        self.sync.setToolTip(status.sync_error or "")
        self.sync.setStyleSheet(theme.badge_style(theme.WARNING) if status.sync_error else "")

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return QCoreApplication.translate("Status", "never")
        return person_time(moment)

    def set_camera(self, state: str, reason: str = "") -> None:
        self._device(self.camera, t("Status", "Camera: {state}"), state, reason)

    def set_scanner(self, state: str, reason: str = "") -> None:
        self._device(self.scanner, t("Status", "Scanner: {state}"), state, reason)

    @staticmethod
    def _device(label: QLabel, words: str, state: str, reason: str) -> None:
        """A device's state in words, in the warning colour when it needs someone."""
        label.setText(words.format(state=texts.say(texts.DEVICE_STATE, state)))
        label.setToolTip(reason)  # the technical reason, for the supervisor
        label.setStyleSheet(theme.badge_style(theme.WARNING) if state in texts.DEVICE_FAULTS
                            else "")
