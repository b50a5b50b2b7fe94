"""The verdict, never by colour alone: CLEAR, POSSIBLE MATCH and HIT.

* :class:`VerdictBanner` — colour, icon and word, over the document panel.
* :class:`ComparisonTable` — the document and a list record side by side,
  each field marked same / partly / DIFFERS (word and colour).
* :class:`PossibleMatchPanel` — the comparison and the officer's one-key
  decision: 1 the same person (it goes on as a HIT), 2 not the same person.
* :class:`HitPanel` — fills the window: list, category, action, the record
  beside the document, and the disposition keys 1 to 4 (4, other, with a note).
  It has no close button and ignores Escape; it leaves only when the
  disposition is recorded.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..desk.compare import compare
from ..desk.dispositions import Disposition
from ..desk.verdict import Verdict
from . import texts, theme
from .i18n import FSI, PDI, person_partial_date, t
from .icons import LEVEL_ICON, pixmap


class VerdictBanner(QFrame):
    """Icon, word and one line of advice, in the level's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        self.icon = QLabel()
        self.word = QLabel()
        self.word.setFont(theme.font(2.6, bold=True))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setFont(theme.font(1.1))
        text = QVBoxLayout()
        text.addWidget(self.word)
        text.addWidget(self.hint)
        layout.addWidget(self.icon)
        layout.addLayout(text, 1)
        self.level = ""
        self.show_waiting("")

    def show_waiting(self, words: str) -> None:
        self.level = ""
        self.setStyleSheet(f"background: {theme.PANEL}; border-radius: 8px;")
        self.icon.clear()
        self.icon.hide()
        self.word.setText(words)
        self.word.setStyleSheet(f"background: {theme.PANEL}; color: {theme.TEXT};")
        self.hint.clear()
        self.hint.setStyleSheet(f"background: {theme.PANEL};")

    def show_level(self, verdict: Verdict) -> None:
        level = str(verdict.level)
        self.level = level
        background, text = theme.VERDICT[level]
        self.setStyleSheet(f"background: {background}; border-radius: 8px;")
        self.icon.setPixmap(pixmap(LEVEL_ICON[level], 64))
        self.icon.setStyleSheet(f"background: {background};")
        self.icon.show()
        self.word.setText(texts.say(texts.LEVEL_WORD, level))
        self.word.setStyleSheet(f"background: {background}; color: {text};")
        hint = texts.say(texts.LEVEL_HINT, level)
        if level == "CLEAR" and verdict.watchlist.state in ("STALE", "NONE"):
            hint = t("Verdict", "No match on the lists, but the lists cannot be relied on "
                                "(see the warning above).")
        self.hint.setText(hint)
        self.hint.setStyleSheet(f"background: {background}; color: {text};")


class ComparisonTable(QFrame):
    """Document | record | agreement, one row per field both have."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(14, 10, 14, 10)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(8)
        self.rows = []

    def show_rows(self, verdict: Verdict, match) -> None:
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        heads = ("", t("Compare", "Document"), t("Compare", "List record"), "")
        for col, head in enumerate(heads):
            label = QLabel(head)
            label.setObjectName("muted")
            label.setFont(theme.font(1.1, bold=True))
            self.grid.addWidget(label, 0, col)
        self.rows = compare(verdict.document, match.kind, match.record)
        for i, row in enumerate(self.rows, start=1):
            background, colour = theme.FIELD_STATE[row.state]
            name = QLabel(texts.field_name(row.field))
            name.setObjectName("muted")
            name.setFont(theme.font(1.1))
            shown = (partial_date_short if row.field == "birth_date" else str)
            doc_value = QLabel(escape(shown(row.document)))
            record_value = QLabel(escape(shown(row.record)))
            for value in (doc_value, record_value):
                value.setFont(theme.font(1.3, bold=True))
            if row.state == "differs":
                record_value.setStyleSheet(theme.badge_style((background, colour)))
            state = QLabel(texts.say(texts.COMPARE, row.state))
            state.setFont(theme.font(1.1, bold=True))
            state.setStyleSheet(theme.badge_style((background, colour)))
            state.setObjectName(f"compare-{row.field}")
            state.setMinimumHeight(state.fontMetrics().height() + 10)
            for col, w in enumerate((name, doc_value, record_value, state)):
                self.grid.addWidget(w, i, col)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.setMinimumHeight(self.grid.sizeHint().height())  # never squeezed: it is the point


def partial_date_short(iso: str) -> str:
    return person_partial_date(iso, short=True)


def _match_summary(match) -> str:
    parts = [t("Verdict", "List {list}, record {record}").format(
        list=match.list, record=match.record_id)]
    if match.category:  # a person list's category is the publisher's word; a status is ours
        parts.append(texts.document_status(match.category) if match.kind == "document"
                     else match.category)
    parts.append(t("Verdict", "score {score}").format(score=f"{match.score:.2f}"))
    return " · ".join(f"{FSI}{part}{PDI}" for part in parts)


class PossibleMatchPanel(QFrame):
    """The comparison, and the decision: 1 the same person, 2 not the same person."""

    decided = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setFont(theme.font(1.2, bold=True))
        self.summary.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setObjectName("muted")
        self.table = ComparisonTable()
        buttons = QHBoxLayout()
        self.same = QPushButton(t("Verdict", "[1] The same person"))
        self.not_same = QPushButton(t("Verdict", "[2] Not the same person"))
        for b in (self.same, self.not_same):
            b.setFont(theme.font(1.35, bold=True))
            b.setMinimumHeight(64)
            buttons.addWidget(b)
        self.same.clicked.connect(lambda: self.decided.emit(True))
        self.not_same.clicked.connect(lambda: self.decided.emit(False))
        for w in (self.summary, self.reasons, self.table):
            layout.addWidget(w)
        layout.addLayout(buttons)

    def show_verdict(self, verdict: Verdict) -> None:
        match = verdict.matches[0]
        self.summary.setText(_match_summary(match))
        self.reasons.setText(texts.reasons_text(match.reasons))
        self.table.show_rows(verdict, match)

    def key(self, key: int) -> bool:
        if key in (Qt.Key_1,):
            self.decided.emit(True)
        elif key in (Qt.Key_2,):
            self.decided.emit(False)
        else:
            return False
        return True


class HitPanel(QFrame):
    """Fills the window until a disposition is recorded."""

    disposition = Signal(str, str)  # Disposition value, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, text = theme.VERDICT["HIT"]
        self.setObjectName("hit-panel")
        self.setStyleSheet(f"QFrame#hit-panel {{ background: {background}; }}")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(pixmap("hit", 96))
        icon.setStyleSheet(f"background: {background};")
        self.word = QLabel(texts.say(texts.LEVEL_WORD, "HIT"))
        self.word.setFont(theme.font(3.6, bold=True))
        self.lists = QLabel()
        self.lists.setFont(theme.font(1.35, bold=True))
        self.lists.setWordWrap(True)
        words = QVBoxLayout()
        words.addWidget(self.word)
        words.addWidget(self.lists)
        for w in (self.word, self.lists):
            w.setStyleSheet(f"background: {background}; color: {text};")
        head.addWidget(icon)
        head.addLayout(words, 1)
        layout.addLayout(head)
        self.action = QLabel()
        self.action.setFont(theme.font(1.6, bold=True))
        self.action.setWordWrap(True)
        self.action.setStyleSheet("background: #FFFFFF; color: #000000; border-radius: 8px;"
                                  " padding: 10px;")
        layout.addWidget(self.action)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setStyleSheet(f"background: {background}; color: {text};")
        layout.addWidget(self.reasons)
        self.table = ComparisonTable()
        layout.addWidget(self.table, 1)
        self.others = QLabel()
        self.others.setStyleSheet(f"background: {background}; color: {text};")
        layout.addWidget(self.others)
        self.buttons: dict[str, QPushButton] = {}
        row = QGridLayout()
        for n, value in enumerate(Disposition, start=1):
            b = QPushButton(f"[{n}] " + texts.say(texts.DISPOSITION, value.value))
            b.setFont(theme.font(1.25, bold=True))
            b.setMinimumHeight(58)
            b.setObjectName(f"dispose-{value.value}")
            b.clicked.connect(lambda _=False, v=value: self.choose(v))
            self.buttons[value.value] = b
            row.addWidget(b, (n - 1) // 2, (n - 1) % 2)
        layout.addLayout(row)
        self.note = QLineEdit()
        self.note.setPlaceholderText(t("Verdict", "Note: what happened (needed for 'other'),"
                                                  " then Enter"))
        self.note.setFont(theme.font(1.3))
        self.note.returnPressed.connect(lambda: self.choose(Disposition.OTHER))
        self.note.hide()
        layout.addWidget(self.note)
        self.message = QLabel()
        self.message.setFont(theme.font(1.3, bold=True))
        self.message.setStyleSheet(theme.badge_style(theme.WARNING))
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.busy = False

    def show_verdict(self, verdict: Verdict) -> None:
        hits = [m for m in verdict.matches if str(m.level) == "HIT"] or list(verdict.matches)
        match = hits[0]
        self.lists.setText(_match_summary(match))
        self.action.setText(t("Verdict", "Action: {action}").format(
            action=match.action or t("Verdict", "refer to secondary inspection")))
        self.reasons.setText(texts.reasons_text(match.reasons))
        self.table.show_rows(verdict, match)
        others = [m for m in verdict.matches if m is not match]
        self.others.setText(t("Verdict", "Also: {matches}").format(
            matches=", ".join(f"{m.list} {m.record_id}" for m in others)) if others else "")
        self.others.setVisible(bool(others))
        self.note.clear()
        self.note.hide()
        self.message.hide()
        self.set_busy(False)

    def choose(self, value: Disposition) -> None:
        if self.busy:
            return
        if value is Disposition.OTHER and not self.note.text().strip():
            self.note.show()
            self.note.setFocus()
            return
        self.set_busy(True)
        self.disposition.emit(value.value, self.note.text())

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for b in self.buttons.values():
            b.setEnabled(not busy)

    def show_error(self, words: str, *, failed: bool = True) -> None:
        """``failed``: the disposition was not recorded, so the keys work again."""
        if failed:
            self.set_busy(False)
        self.message.setText("⚠ " + words)
        self.message.show()

    def key(self, key: int) -> bool:
        if self.note.hasFocus():
            return False  # typing the note; Enter in it records "other"
        keys = (Qt.Key_1, Qt.Key_2, Qt.Key_3, Qt.Key_4)
        choice = dict(zip(keys, Disposition)).get(key)
        if choice is None:
            return key == Qt.Key_Escape  # swallowed: a HIT is not dismissed by Escape
        self.choose(choice)
        return True
