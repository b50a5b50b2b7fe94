"""The detail pane: the document and the list record side by side, the history, the review."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from ...desk.hits import DISPOSITIONS, OUTCOMES, HitRecord
from ...desk.verdict import reasons_of
from ..texts import reasons_text
from .table_model import disposition_text, duration_text, level_text, source_text

DOCUMENT_FIELDS = (
    ("surname", QT_TRANSLATE_NOOP("DetailPane", "Surname")),
    ("given_names", QT_TRANSLATE_NOOP("DetailPane", "Given names")),
    ("document_number", QT_TRANSLATE_NOOP("DetailPane", "Document number")),
    ("document_code", QT_TRANSLATE_NOOP("DetailPane", "Document code")),
    ("issuing_state", QT_TRANSLATE_NOOP("DetailPane", "Issuing state")),
    ("nationality", QT_TRANSLATE_NOOP("DetailPane", "Nationality")),
    ("birth_date", QT_TRANSLATE_NOOP("DetailPane", "Date of birth")),
    ("sex", QT_TRANSLATE_NOOP("DetailPane", "Sex")),
    ("expiry_date", QT_TRANSLATE_NOOP("DetailPane", "Date of expiry")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DetailPane", text)


class _Fields(QGroupBox):
    """A titled form of label: value rows, refilled for each hit."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)

    def fill(self, rows: list[tuple[str, str]]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for label, value in rows:
            field = QLabel(value or "—")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            self.form.addRow(label, field)


class DetailPane(QWidget):
    """Shows one hit; ``review_requested(hit_id, value, comment, corrected)`` asks to review it."""

    review_requested = Signal(str, str, str, object)
    outcome_requested = Signal(str, str, str)  # hit id, outcome, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: HitRecord | None = None
        self.heading = QLabel(self.tr("Select a hit"))
        big = self.heading.font()
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.heading.setFont(big)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.document = _Fields(self.tr("Document as read"))
        self.list_record = _Fields(self.tr("List record"))
        self.mrz = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.mrz.setFont(mono)
        self.mrz.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # MRZ text is never mirrored
        self.mrz.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QTreeWidget()
        self.history.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Decision"),
                                      self.tr("By"), self.tr("Note")])
        self.history.setRootIsDecorated(False)
        self.comment = QPlainTextEdit(placeholderText=self.tr("Comment (needed to correct)"))
        self.comment.setMaximumHeight(70)
        self.corrected = QComboBox()
        self.corrected.addItem(self.tr("disposition stands"), None)
        for code in DISPOSITIONS:
            self.corrected.addItem(disposition_text(code), code)
        self.agree = QPushButton(self.tr("Agree"))
        self.correct = QPushButton(self.tr("Correct"))
        self.outcome = QComboBox()
        for code in OUTCOMES:
            self.outcome.addItem(disposition_text(code), code)
        self.record_outcome = QPushButton(self.tr("Record outcome"))

        side = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.document)
        left.addWidget(self.mrz)
        side.addLayout(left)
        side.addWidget(self.list_record)
        actions = QHBoxLayout()
        actions.addWidget(self.corrected)
        actions.addWidget(self.agree)
        actions.addWidget(self.correct)
        outcomes = QHBoxLayout()
        outcomes.addWidget(QLabel(self.tr("Came back from the list owner:")))
        outcomes.addWidget(self.outcome, 1)
        outcomes.addWidget(self.record_outcome)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addLayout(side)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history)
        layout.addWidget(self.comment)
        layout.addLayout(actions)
        layout.addLayout(outcomes)

        self.agree.clicked.connect(lambda: self._request("agree"))
        self.correct.clicked.connect(lambda: self._request("correct"))
        self.record_outcome.clicked.connect(self._request_outcome)
        self.comment.textChanged.connect(self._update_buttons)
        self.show_record(None)

    def show_record(self, rec: HitRecord | None) -> None:
        self.record = rec
        if rec is None:
            self.heading.setText(self.tr("Select a hit"))
            self.facts.clear()
            self.document.fill([])
            self.list_record.fill([])
            self.mrz.clear()
            self.history.clear()
            self._update_buttons()
            return
        self.heading.setText(f"{level_text(rec.level)} — {', '.join(rec.lists)}")
        self.heading.setStyleSheet("color: #b00020;" if rec.level == "HIT" else "color: #8a6d00;")
        waited = rec.waited(datetime.now(timezone.utc))
        wait = (self.tr("settled after %1") if rec.wait_seconds is not None
                else self.tr("waiting for confirmation for %1")).replace(
                    "%1", duration_text(waited))
        self.facts.setText(self.tr("%1 at desk %2 (%3), officer %4, read by %5. %6. Hit %7")
                           .replace("%1", rec.local_time.replace("T", " "))
                           .replace("%2", rec.desk_id).replace("%3", rec.checkpoint_id)
                           .replace("%4", rec.officer).replace("%5", source_text(rec.source))
                           .replace("%6", wait).replace("%7", rec.hit_id))
        doc = rec.document
        if rec.redacted:
            rows = [(self.tr("Personal data"), self.tr("redacted (retention period passed)"))]
            rows += [(_tr(label), doc.get(key, "")) for key, label in DOCUMENT_FIELDS
                     if key in doc]
        else:
            rows = [(_tr(label), str(doc.get(key) or "")) for key, label in DOCUMENT_FIELDS]
        self.document.fill(rows)
        self.mrz.setText("\n".join(doc.get("lines", ())))
        record_rows = []
        for match, record in zip(rec.matches, rec.records, strict=False):
            record_rows += [
                (self.tr("List"), f"{match['list']} v{match.get('list_version') or '?'}"),
                (self.tr("Record"), match.get("record_id") or ""),
                (self.tr("Score"), f"{match['score']:.2f} ({level_text(match['level'])})"),
                (self.tr("Category"), match.get("category") or ""),
                (self.tr("Action"), match.get("action") or ""),
                (self.tr("Why"), reasons_text(reasons_of(match.get("reason_codes"),
                                                         match.get("reasons")))),
            ]
            record_rows += [(key.replace("_", " "), str(value)) for key, value in record.items()]
        self.list_record.fill(record_rows)
        self.history.clear()
        for h in rec.history:
            value = disposition_text(h["value"])
            if h.get("corrected"):
                value += " → " + disposition_text(h["corrected"])
            QTreeWidgetItem(self.history, [
                (h.get("local_time") or h["recorded_at"])[:16].replace("T", " "),
                {"disposition": self.tr("disposition"), "outcome": self.tr("outcome"),
                 "review": self.tr("review")}.get(h["kind"], h["kind"]),
                value, h["officer"], h["note"]])
        self.comment.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.record is not None
        self.agree.setEnabled(has)
        self.correct.setEnabled(has and bool(self.comment.toPlainText().strip()))
        self.comment.setEnabled(has)
        self.corrected.setEnabled(has)
        self.outcome.setEnabled(has)
        self.record_outcome.setEnabled(has)

    def _request(self, value: str) -> None:
        if self.record is None:
            return
        self.review_requested.emit(self.record.hit_id, value,
                                   self.comment.toPlainText().strip(),
                                   self.corrected.currentData() if value == "correct" else None)

    def _request_outcome(self) -> None:
        if self.record is None:
            return
        self.outcome_requested.emit(self.record.hit_id, self.outcome.currentData(),
                                    self.comment.toPlainText().strip())
