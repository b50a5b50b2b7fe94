"""The hit-log table: a QAbstractTableModel over plain Python state (Anki's browser model).

The model holds the loaded :class:`HitRecord` list and, for the current sort,
a permutation of it computed once per column and order. Filtering walks that
permutation (:func:`~borderdesk.desk.hits.select` keeps order), so a filter
change costs one pass, never a sort; rows are handed to the view in batches
(``canFetchMore``/``fetchMore``) and each cell is formatted only when shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QObject, Qt)
from PySide6.QtGui import QColor

from ...desk.hits import Columns, Filter, HitRecord, select

BATCH = 2000
RecordRole = Qt.ItemDataRole.UserRole + 1




def tr(text: str) -> str:
    """Translate a text marked with QT_TRANSLATE_NOOP("HitTableModel", ...)."""
    return QCoreApplication.translate("HitTableModel", text)


SOURCES = {
    "camera": QT_TRANSLATE_NOOP("HitTableModel", "camera"),
    "scanner": QT_TRANSLATE_NOOP("HitTableModel", "scanner"),
    "manual": QT_TRANSLATE_NOOP("HitTableModel", "typed by hand"),
    "image": QT_TRANSLATE_NOOP("HitTableModel", "image"),
    "batch": QT_TRANSLATE_NOOP("HitTableModel", "batch"),
}
LEVELS = {
    "HIT": QT_TRANSLATE_NOOP("HitTableModel", "HIT"),
    "POSSIBLE": QT_TRANSLATE_NOOP("HitTableModel", "POSSIBLE MATCH"),
}
DECISIONS = {
    "": QT_TRANSLATE_NOOP("HitTableModel", "no disposition yet"),
    "confirmed-referred": QT_TRANSLATE_NOOP("HitTableModel", "confirmed, referred to secondary"),
    "pending-confirmation": QT_TRANSLATE_NOOP("HitTableModel", "pending confirmation"),
    "not-same-person": QT_TRANSLATE_NOOP("HitTableModel", "not the same person"),
    "other": QT_TRANSLATE_NOOP("HitTableModel", "other"),
    "confirmed-by-list-owner": QT_TRANSLATE_NOOP("HitTableModel", "confirmed by the list owner"),
    "record-withdrawn": QT_TRANSLATE_NOOP("HitTableModel", "record withdrawn"),
    "agree": QT_TRANSLATE_NOOP("HitTableModel", "agreed"),
    "correct": QT_TRANSLATE_NOOP("HitTableModel", "corrected"),
}
DURATIONS = (QT_TRANSLATE_NOOP("HitTableModel", "%1 min"),
             QT_TRANSLATE_NOOP("HitTableModel", "%1 h"),
             QT_TRANSLATE_NOOP("HitTableModel", "%1 days"))
OTHER = (QT_TRANSLATE_NOOP("HitTableModel", "(redacted)"),
         QT_TRANSLATE_NOOP("HitTableModel", "waiting"))


def source_text(source: str) -> str:
    return tr(SOURCES[source]) if source in SOURCES else source


def level_text(level: str) -> str:
    return tr(LEVELS.get(level, level))


def disposition_text(code: str) -> str:
    return tr(DECISIONS[code]) if code in DECISIONS else code


def duration_text(seconds: float) -> str:
    if seconds < 3600:
        return tr(DURATIONS[0]).replace("%1", str(round(seconds / 60)))
    if seconds < 48 * 3600:
        return tr(DURATIONS[1]).replace("%1", f"{seconds / 3600:.1f}")
    return tr(DURATIONS[2]).replace("%1", f"{seconds / 86400:.1f}")


# column: (header, cell text, sort key)
COLUMNS: list[tuple[str, Callable, Callable]] = [
    (QT_TRANSLATE_NOOP("HitTableModel", "Time"),
     lambda r, now: r.local_time[:16].replace("T", " "), lambda r: r.recorded_at),
    (QT_TRANSLATE_NOOP("HitTableModel", "Desk"), lambda r, now: r.desk_id, lambda r: r.desk_id),
    (QT_TRANSLATE_NOOP("HitTableModel", "Officer"), lambda r, now: r.officer, lambda r: r.officer),
    (QT_TRANSLATE_NOOP("HitTableModel", "Level"),
     lambda r, now: level_text(r.level), lambda r: r.level),
    (QT_TRANSLATE_NOOP("HitTableModel", "Lists"),
     lambda r, now: ", ".join(r.lists), lambda r: r.lists),
    (QT_TRANSLATE_NOOP("HitTableModel", "Score"),
     lambda r, now: f"{r.score:.2f}", lambda r: r.score),
    (QT_TRANSLATE_NOOP("HitTableModel", "Holder"),
     lambda r, now: tr("(redacted)") if r.redacted else r.name, lambda r: r.name),
    (QT_TRANSLATE_NOOP("HitTableModel", "Document"),
     lambda r, now: r.document_number, lambda r: r.document_number),
    (QT_TRANSLATE_NOOP("HitTableModel", "Disposition"),
     lambda r, now: disposition_text(r.effective_disposition),
     lambda r: r.effective_disposition),
    (QT_TRANSLATE_NOOP("HitTableModel", "Review"),
     lambda r, now: disposition_text(r.review) if r.review else "—", lambda r: r.review),
    (QT_TRANSLATE_NOOP("HitTableModel", "Waited"),
     lambda r, now: (tr("waiting") + " " if r.wait_seconds is None else "")
     + duration_text(r.waited(now)),
     lambda r: r.wait_seconds if r.wait_seconds is not None else float("inf")),
]

HIT_BACKGROUND = QColor("#f8d7da")
POSSIBLE_BACKGROUND = QColor("#fff3cd")


class HitTableModel(QAbstractTableModel):
    """Hits as rows; :meth:`set_records`, :meth:`set_filter` and :meth:`sort` change what shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[HitRecord] = []
        self._columns = Columns([])
        self._filter = Filter()
        self._sort = (0, Qt.SortOrder.DescendingOrder)
        self._orders: dict[tuple[int, Qt.SortOrder], list[int]] = {}
        self._visible: list[int] = []
        self._shown = 0
        self.now = datetime.now(timezone.utc)

    # -- state --------------------------------------------------------------

    @property
    def records(self) -> list[HitRecord]:
        return self._records

    @property
    def filter(self) -> Filter:
        return self._filter

    def set_records(self, records: list[HitRecord]) -> None:
        self._records = records
        self._columns = Columns(records)
        self._orders.clear()
        self.now = datetime.now(timezone.utc)
        self._refresh()

    def set_filter(self, flt: Filter) -> None:
        self._filter = flt
        self._refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._refresh()

    def _order(self) -> list[int]:
        key = self._sort
        if key not in self._orders:
            getter = COLUMNS[key[0]][2]
            recs = self._records
            self._orders[key] = sorted(range(len(recs)), key=lambda i: getter(recs[i]),
                                       reverse=key[1] == Qt.SortOrder.DescendingOrder)
        return self._orders[key]

    def _refresh(self) -> None:
        self.beginResetModel()
        self._visible = select(self._records, self._filter, self._order(), self._columns)
        self._shown = min(BATCH, len(self._visible))
        self.endResetModel()

    def visible_records(self) -> list[HitRecord]:
        """Every record the filter keeps, in table order (shown yet or not)."""
        return [self._records[i] for i in self._visible]

    def record(self, row: int) -> HitRecord:
        return self._records[self._visible[row]]

    def row_of(self, hit_id: str) -> int | None:
        for row, i in enumerate(self._visible):
            if self._records[i].hit_id == hit_id:
                if row >= self._shown:
                    self.fetchMore(QModelIndex(), upto=row + 1)
                return row
        return None

    @property
    def matching(self) -> int:
        return len(self._visible)

    # -- Qt ------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and self._shown < len(self._visible)

    def fetchMore(self, parent: QModelIndex, upto: int | None = None) -> None:
        end = min(len(self._visible), max(upto or 0, self._shown + BATCH))
        if end <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, end - 1)
        self._shown = end
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self._records[self._visible[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](rec, self.now)
        if role == RecordRole:
            return rec
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 3:
            return HIT_BACKGROUND if rec.level == "HIT" else POSSIBLE_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return rec.hit_id
        return None

    def replace(self, updated: Sequence[HitRecord]) -> None:
        """Swap in fresh records for hits that changed (a review), keeping the view as it is."""
        by_id = {r.hit_id: r for r in updated}
        for i, rec in enumerate(self._records):
            if rec.hit_id in by_id:
                self._records[i] = by_id[rec.hit_id]
        self._columns = Columns(self._records)
        self._orders.clear()
        self._refresh()
