"""The document as read: names, number, states, dates with age and days to expiry.

Large type for the fields an officer compares with the person and the
picture; corrected characters marked on the field and in the MRZ; document
problems as warnings. MRZ text and document numbers are laid out left to
right whatever the language.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..desk.documents import days_to_expiry, holder_age
from ..desk.verdict import Verdict
from . import texts, theme
from .i18n import person_date, person_number, t
from .icons import pixmap

_FIELD_OF_CORRECTION = {"name": ("surname", "given_names")}


def expiry_words(days: int | None) -> str:
    if days is None:
        return ""
    if days < 0:
        return t("Document", "days since expiry: {days}").format(days=person_number(-days))
    if days == 0:
        return t("Document", "expires today")
    return t("Document", "days left: {days}").format(days=person_number(days))


def problem_words(problem, doc) -> str:
    values = {}
    if problem.code == "expired":
        values["date"] = person_date(doc.expiry.as_date(), doc.expiry.raw)
    elif problem.code == "corrected":
        values["count"] = person_number(len(doc.corrections))
    elif problem.code not in texts.PROBLEM:
        return texts.say(texts.PROBLEM, "other", code=problem.code)
    if "{field}" in texts.PROBLEM[problem.code]:
        values["field"] = texts.field_name(problem.field or "")
    return texts.say(texts.PROBLEM, problem.code, **values)


def mrz_html(doc) -> str:
    """The MRZ lines with corrected characters highlighted (and never mirrored)."""
    marks = {(c.line - 1, c.position - 1) for c in doc.corrections}
    background, text = theme.WARNING
    lines = []
    for i, line in enumerate(doc.lines):
        lines.append("".join(
            f'<span style="background:{background}; color:{text}">{escape(ch)}</span>'
            if (i, j) in marks else escape(ch) for j, ch in enumerate(line)))
    return "<br>".join(lines)


class DocumentPanel(QFrame):
    """Shows one verdict's document; empty between documents."""

    # field: (row, column, columns the value spans)
    PLACES = {"document_number": (0, 0, 1), "issuing_state": (0, 2, 1),
              "nationality": (1, 0, 1), "sex": (1, 2, 1),
              "birth_date": (2, 0, 3), "expiry_date": (3, 0, 3)}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.name = QLabel()
        self.name.setFont(theme.font(1.9, bold=True))
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.RichText)
        self.name.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.name)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key, (row, col, span) in self.PLACES.items():
            label = QLabel(texts.field_name(key))
            label.setObjectName("muted")
            label.setFont(theme.font(1.0))
            value = QLabel()
            value.setFont(theme.font(1.4, bold=True))
            value.setTextFormat(Qt.RichText)
            grid.addWidget(label, row, col, Qt.AlignVCenter)
            grid.addWidget(value, row, col + 1, 1, span, Qt.AlignVCenter)
            self.labels[key], self.values[key] = label, value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.problems = QVBoxLayout()
        self.problems.setSpacing(4)
        layout.addLayout(self.problems)
        self.mrz = QLabel()
        self.mrz.setFont(theme.mrz_font(0.85))
        self.mrz.setTextFormat(Qt.RichText)
        self.mrz.setLayoutDirection(Qt.LeftToRight)
        self.mrz.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.mrz.setObjectName("muted")
        layout.addStretch(1)
        layout.addWidget(self.mrz)
        self.source = QLabel()
        self.source.setObjectName("muted")
        layout.addWidget(self.source)
        self.clear()

    def clear(self) -> None:
        self.name.clear()
        for v in self.values.values():
            v.clear()
        self._set_problems([])
        self.mrz.clear()
        self.source.clear()

    def _set_problems(self, lines: list[str]) -> None:
        while self.problems.count():
            item = self.problems.takeAt(0)
            if item.widget():
                item.widget().hide()  # at once: a deferred delete waits for the event loop
                item.widget().deleteLater()
        for line in lines:
            row = QWidget()
            row.setStyleSheet(f"background: {theme.WARNING[0]}; border-radius: 6px;")
            box = QGridLayout(row)
            box.setContentsMargins(8, 4, 8, 4)
            icon = QLabel()
            icon.setPixmap(pixmap("warning", 28))
            icon.setStyleSheet(f"background: {theme.WARNING[0]};")
            text = QLabel(line)
            text.setWordWrap(True)
            text.setFont(theme.font(1.2, bold=True))
            text.setStyleSheet(f"background: {theme.WARNING[0]}; color: {theme.WARNING[1]};")
            box.addWidget(icon, 0, 0)
            box.addWidget(text, 0, 1)
            box.setColumnStretch(1, 1)
            self.problems.addWidget(row)

    def show_verdict(self, verdict: Verdict, today: date | None = None) -> None:
        doc = verdict.document
        today = today or verdict.checked_at.astimezone().date()
        corrected = {c.field for c in doc.corrections}
        for name, fields in _FIELD_OF_CORRECTION.items():
            if name in corrected:
                corrected.update(fields)
        corrected_word = escape(t("Document", "corrected"))
        mark = (f' <span style="background:{theme.WARNING[0]}; color:{theme.WARNING[1]};">'
                f'&nbsp;{corrected_word}&nbsp;</span>')

        surname = escape(doc.surname)
        given = escape(doc.given_names)
        # Surname first and heavier, the given names after it (wrapping only if long).
        name_html = (f'{surname}&nbsp;&nbsp;<span style="font-weight: normal;">{given}</span>'
                     if given else surname)
        if "surname" in corrected:
            name_html += mark
        self.name.setText(name_html)
        self.name.setToolTip(texts.field_name("name"))

        def aside(words: str) -> str:  # smaller, after the value itself
            return f' <span style="font-size: small; font-weight: normal;">· {escape(words)}</span>'
        age = holder_age(doc, today)
        birth = escape(person_date(doc.birth.as_date(), doc.birth.partial or doc.birth.raw,
                                   short=True))
        if age is not None:
            birth += aside(t("Document", "age {age}").format(age=person_number(age)))
        expiry = escape(person_date(doc.expiry.as_date(), doc.expiry.partial or doc.expiry.raw,
                                    short=True))
        days = days_to_expiry(doc, today)
        if days is not None:
            expiry += aside(expiry_words(days))
        values = {
            "document_number": escape(doc.document_number)
                               + f' <span style="color:{theme.MUTED}; font-size: small;">'
                               f'{escape(doc.document_code)}</span>',
            "issuing_state": escape(doc.issuing_state),
            "nationality": escape(doc.nationality),
            "birth_date": birth,
            "sex": escape(doc.sex),
            "expiry_date": expiry,
        }
        for key, html in values.items():
            self.values[key].setText(html + (mark if key in corrected else ""))
        self.values["expiry_date"].setStyleSheet(
            theme.badge_style(theme.VERDICT["HIT"]) if days is not None and days < 0 else "")
        self._set_problems([problem_words(p, doc) for p in verdict.document_checks])
        self.mrz.setText(mrz_html(doc))
        self.source.setText(t("Document", "Read from: {source}").format(
            source=texts.say(texts.SOURCE, verdict.source)))
