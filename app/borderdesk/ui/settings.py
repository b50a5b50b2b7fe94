"""The supervisor's settings screen: scanner port, the "next" key, idle lock, sound;
and "Sync now" for the lists (a USB stick was just plugged in).

Only supervisors open it (F8). It lists the serial ports the machine has
(QtSerialPort) and writes the choices to the desk's ``config.toml`` through
:mod:`borderdesk.desk.settings`, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtSerialPort import QSerialPortInfo
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QKeySequenceEdit, QLabel,
    QPushButton, QSpinBox, QVBoxLayout, QWidget)

from ..desk.config import Config
from . import theme
from .i18n import t


class SettingsDialog(QDialog):
    save_requested = Signal(dict)  # section -> key -> value
    sync_requested = Signal()

    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Settings", "Desk settings"))
        self.setModal(True)
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        heading = QLabel(t("Settings", "Desk settings"))
        heading.setFont(theme.font(1.6, bold=True))
        layout.addWidget(heading)
        form = QFormLayout()
        self.scanner = None
        if hasattr(config, "scanner"):
            self.scanner = QComboBox()
            self.scanner.setEditable(True)
            self.scanner.addItem(t("Settings", "(no serial scanner)"), "")
            for port in QSerialPortInfo.availablePorts():
                label = port.systemLocation()
                if port.description():
                    label += f" — {port.description()}"
                self.scanner.addItem(label, port.systemLocation())
            current = config.scanner.serial_port
            index = self.scanner.findData(current)
            if index < 0 and current:
                self.scanner.addItem(current, current)
                index = self.scanner.count() - 1
            self.scanner.setCurrentIndex(max(index, 0))
            form.addRow(t("Settings", "Scanner on serial port"), self.scanner)
        self.next_key = QKeySequenceEdit(QKeySequence(config.ui.next_key))
        self.next_key.setMaximumSequenceLength(1)
        form.addRow(t("Settings", "The \"next\" key (or foot pedal)"), self.next_key)
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setValue(config.desk.idle_lock_minutes)
        self.idle.setSuffix(" " + t("Settings", "min"))
        form.addRow(t("Settings", "Lock after idle (0: never)"), self.idle)
        self.sound = QCheckBox(t("Settings", "Sound the alert on a HIT"))
        self.sound.setChecked(config.ui.sound)
        form.addRow("", self.sound)
        self.sync_button = QPushButton(t("Settings", "Sync now"))
        self.sync_button.clicked.connect(self._sync)
        sync = getattr(config, "sync", None)
        if sync is None or not sync.source:
            self.sync_button.setEnabled(False)
            self.sync_button.setToolTip(t("Settings", "No sync source is configured."))
        form.addRow(t("Settings", "Watchlists"), self.sync_button)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(t("Settings", "Save"))
        self.save_button.clicked.connect(self._save)
        cancel = QPushButton(t("Settings", "Close"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.save_button, 1)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def changes(self) -> dict[str, dict]:
        key = self.next_key.keySequence().toString(QKeySequence.PortableText) or "F12"
        changes = {"desk": {"idle_lock_minutes": self.idle.value()},
                   "ui": {"next_key": key, "sound": self.sound.isChecked()}}
        if self.scanner is not None:
            port = self.scanner.currentData()
            if port is None or self.scanner.currentText() != self.scanner.itemText(
                    self.scanner.currentIndex()):
                port = self.scanner.currentText().strip()
            changes["scanner"] = {"serial_port": port or ""}
        return changes

    def _save(self) -> None:
        self.save_button.setEnabled(False)
        self.save_requested.emit(self.changes())

    def _sync(self) -> None:
        self.sync_button.setEnabled(False)
        self._say(t("Settings", "Syncing the lists…"), "")
        self.sync_requested.emit()

    def synced(self, report, error) -> None:
        self.sync_button.setEnabled(True)
        if error is not None:
            self._say("⚠ " + t("Settings", "The sync failed: {reason}").format(reason=error),
                      theme.badge_style(theme.WARNING))
        elif report.imported:
            self._say("✓ " + t("Settings", "Lists updated to version {version}.").format(
                version=report.held_after), theme.badge_style(theme.FIELD_STATE["same"]))
        else:
            self._say("✓ " + t("Settings", "The lists are up to date (version {version}).")
                      .format(version=report.held_after),
                      theme.badge_style(theme.FIELD_STATE["same"]))

    def sync_refused(self) -> None:
        self.sync_button.setEnabled(True)
        self._say("⚠ " + t("Settings", "No sync source is configured."),
                  theme.badge_style(theme.WARNING))

    def _say(self, words: str, style: str) -> None:
        self.message.setText(words)
        self.message.setStyleSheet(style)
        self.message.show()

    def saved(self) -> None:
        self.save_button.setEnabled(True)
        self.message.setText("✓ " + t("Settings", "Saved."))
        self.message.setStyleSheet(theme.badge_style(theme.FIELD_STATE["same"]))
        self.message.show()

    def failed(self, words: str) -> None:
        self.save_button.setEnabled(True)
        self.message.setText("⚠ " + t("Settings", "Not saved: {reason}").format(reason=words))
        self.message.setStyleSheet(theme.badge_style(theme.WARNING))
        self.message.show()
