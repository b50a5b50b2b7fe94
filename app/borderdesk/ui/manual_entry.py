"""Typing a document in by hand, for an MRZ that will not read.

One row per field, with the printed check digit beside the number and the
dates; each row says at once whether what is typed is well formed and
agrees with its check digit (the rules are :mod:`borderdesk.desk.manual`'s).
Enter on the last field, or the button, checks the document exactly as a
read one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..desk import manual
from . import texts, theme
from .i18n import person_date, t


def _format_name(fmt: str) -> str:
    return {
        "TD3": t("Manual", "Passport (TD3)"),
        "TD1": t("Manual", "Identity card (TD1)"),
        "TD2": t("Manual", "Identity card (TD2)"),
        "MRVA": t("Manual", "Visa (MRV-A)"),
        "MRVB": t("Manual", "Visa (MRV-B)"),
    }[fmt]


class ManualEntryDialog(QDialog):
    entered = Signal(str)  # MRZ text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("Manual", "Type in a document"))
        self.setModal(True)
        self.setMinimumWidth(1180)
        layout = QVBoxLayout(self)
        heading = QLabel(t("Manual", "Type the fields as the document prints them, and the "
                                     "check digits where they can be read."))
        heading.setWordWrap(True)
        heading.setFont(theme.font(1.1))
        layout.addWidget(heading)
        self.format = QComboBox()
        for fmt in manual.FORMATS:
            self.format.addItem(_format_name(fmt), fmt)
        self.format.setFont(theme.font(1.2))
        self.format.currentIndexChanged.connect(self._format_changed)
        layout.addWidget(self.format)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        self.inputs: dict[str, QLineEdit] = {}
        self.feedback: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        row = 0
        for name in manual.FIELDS:
            if name in manual.CHECKED.values():
                continue
            label = QLabel(texts.field_name(name))
            label.setFont(theme.font(1.1))
            edit = QLineEdit()
            edit.setFont(theme.font(1.2))
            edit.setMinimumWidth(260)
            edit.setObjectName(f"manual-{name}")
            edit.setAccessibleName(texts.field_name(name))
            if name not in ("surname", "given_names"):
                edit.setLayoutDirection(Qt.LeftToRight)  # MRZ data, not prose
            if name in ("birth_date", "expiry_date"):
                edit.setPlaceholderText(t("Manual", "YYMMDD"))
                edit.setMaxLength(6)
            edit.textChanged.connect(self._update)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            if name in manual.CHECKED:
                check = QLineEdit()
                check.setMaxLength(1)
                check.setFixedWidth(56)
                check.setFont(theme.font(1.3))
                check.setObjectName(f"manual-{manual.CHECKED[name]}")
                check.setPlaceholderText("#")
                check.setAccessibleName(texts.field_name(manual.CHECKED[name]))
                check.setLayoutDirection(Qt.LeftToRight)
                check.textChanged.connect(self._update)
                grid.addWidget(check, row, 2)
                self.inputs[manual.CHECKED[name]] = check
            feedback = QLabel()
            feedback.setFont(theme.font(1.05, bold=True))
            feedback.setWordWrap(True)
            feedback.setObjectName(f"feedback-{name}")
            grid.addWidget(feedback, row, 3)
            self.inputs[name], self.feedback[name], self.labels[name] = edit, feedback, label
            row += 1
        grid.setColumnStretch(1, 2)
        grid.setColumnMinimumWidth(3, 420)
        grid.setColumnStretch(3, 3)
        layout.addLayout(grid)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(t("Manual", "Check this document"))
        self.check_button.setFont(theme.font(1.3, bold=True))
        self.check_button.clicked.connect(self._submit)
        cancel = QPushButton(t("Manual", "Cancel"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.check_button, 1)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.inputs["optional_data_2"].returnPressed.connect(self._submit)
        self.inputs["optional_data"].returnPressed.connect(self._submit)
        self._format_changed()

    def entry(self) -> manual.ManualEntry:
        return manual.ManualEntry(self.format.currentData(),
                                  {n: e.text() for n, e in self.inputs.items()})

    def _format_changed(self) -> None:
        fmt = self.format.currentData()
        code = self.inputs["document_code"]
        if not code.text() or code.text().upper() in manual.DEFAULT_CODE.values():
            code.setText(manual.DEFAULT_CODE[fmt])
        td1 = fmt == "TD1"
        for w in (self.inputs["optional_data_2"], self.feedback["optional_data_2"],
                  self.labels["optional_data_2"]):
            w.setVisible(td1)
        self._update()

    def _update(self) -> None:
        entry = self.entry()
        for name, check in manual.field_checks(entry).items():
            label = self.feedback[name]
            if check.state == "empty":
                words = texts.say(texts.MANUAL, check.code) if check.code else ""
                label.setText(words)
                label.setStyleSheet(f"color: {theme.MUTED};")
                continue
            if check.state == "bad":
                words = texts.say(texts.MANUAL, check.code, digit=check.computed)
                label.setText("✗ " + words)
                label.setStyleSheet(theme.badge_style(theme.WARNING))
                continue
            words = texts.say(texts.MANUAL, check.code or "ok", digit=check.computed)
            shown = manual.typed_date(entry, name, date.today())
            if shown is not None:
                words = f"{person_date(shown)} · {words}"
            label.setText("✓ " + words)
            label.setStyleSheet(theme.badge_style(theme.FIELD_STATE["same"]))
        self.check_button.setEnabled(manual.ready(entry))

    def _submit(self) -> None:
        entry = self.entry()
        if not manual.ready(entry):
            for name, check in manual.field_checks(entry).items():
                if check.state != "ok":
                    self.inputs[name].setFocus()
                    break
            return
        self.entered.emit(manual.compose_mrz(entry))
        self.accept()
