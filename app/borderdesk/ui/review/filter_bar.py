"""The filters above the hit table: dates, desk, officer, list, level, disposition, review, text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit,
                               QPushButton, QWidget)

from ...desk.hits import DISPOSITIONS, NO_DISPOSITION, Filter, HitRecord
from .table_model import disposition_text

TEXT_DELAY_MS = 200  # free text filters once typing pauses


class FilterBar(QWidget):
    """Emits ``changed(Filter)`` whenever a filter changes."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.use_from = QCheckBox(self.tr("From"))
        self.use_to = QCheckBox(self.tr("To"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), calendarPopup=True)
        self.date_to = QDateEdit(today, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.desk = self._combo(self.tr("all desks"))
        self.officer = self._combo(self.tr("all officers"))
        self.list_name = self._combo(self.tr("all lists"))
        self.level = self._combo(self.tr("all levels"))
        self.level.addItem(self.tr("HIT"), "HIT")
        self.level.addItem(self.tr("POSSIBLE MATCH"), "POSSIBLE")
        self.disposition = self._combo(self.tr("any disposition"))
        self.disposition.addItem(disposition_text(""), NO_DISPOSITION)
        for code in DISPOSITIONS:
            self.disposition.addItem(disposition_text(code), code)
        self.reviewed = self._combo(self.tr("reviewed or not"))
        self.reviewed.addItem(self.tr("reviewed"), True)
        self.reviewed.addItem(self.tr("not reviewed"), False)
        self.text = QLineEdit(placeholderText=self.tr("Search names, documents, records, notes…"))
        self.text.setClearButtonEnabled(True)
        self.clear = QPushButton(self.tr("Clear filters"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.use_from, 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(self.use_to, 0, 2)
        grid.addWidget(self.date_to, 0, 3)
        grid.addWidget(self.desk, 0, 4)
        grid.addWidget(self.officer, 0, 5)
        grid.addWidget(self.list_name, 0, 6)
        grid.addWidget(self.level, 1, 0, 1, 2)
        grid.addWidget(self.disposition, 1, 2, 1, 2)
        grid.addWidget(self.reviewed, 1, 4)
        grid.addWidget(QLabel(self.tr("Text:")), 1, 5)
        grid.addWidget(self.text, 1, 6)
        grid.addWidget(self.clear, 1, 7)

        self._typing = QTimer(self, singleShot=True, interval=TEXT_DELAY_MS)
        self._typing.timeout.connect(self._emit)
        self.text.textChanged.connect(self._typing.start)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        for signal in (self.use_from.toggled, self.use_to.toggled, self.date_from.dateChanged,
                       self.date_to.dateChanged):
            signal.connect(self._emit)
        for combo in (self.desk, self.officer, self.list_name, self.level, self.disposition,
                      self.reviewed):
            combo.currentIndexChanged.connect(self._emit)
        self.clear.clicked.connect(self.reset)

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        return combo

    def set_choices(self, records: Iterable[HitRecord], desks: Iterable[str] = ()) -> None:
        """Offer the desks, officers and lists that occur in the log."""
        records = list(records)
        choices = ((self.desk, set(desks) | {r.desk_id for r in records}),
                   (self.officer, {r.officer for r in records}),
                   (self.list_name, {name for r in records for name in r.lists}))
        for combo, values in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in sorted(values):
                combo.addItem(value, value)
            at = combo.findData(current)
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)

    def value(self) -> Filter:
        return Filter(
            date_from=self.date_from.date().toPython() if self.use_from.isChecked() else None,
            date_to=self.date_to.date().toPython() if self.use_to.isChecked() else None,
            desk=self.desk.currentData() or "", officer=self.officer.currentData() or "",
            list_name=self.list_name.currentData() or "", level=self.level.currentData() or "",
            disposition=self.disposition.currentData() or "",
            reviewed=self.reviewed.currentData(), text=self.text.text().strip())

    def reset(self) -> None:
        widgets = (self.use_from, self.use_to, self.desk, self.officer, self.list_name,
                   self.level, self.disposition, self.reviewed, self.text)
        for w in widgets:
            w.blockSignals(True)
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for combo in widgets[2:8]:
            combo.setCurrentIndex(0)
        self.text.clear()
        for w in widgets:
            w.blockSignals(False)
        self._emit()

    def _emit(self, *_args) -> None:
        self._typing.stop()
        self.changed.emit(self.value())
