"""The supervisor's review screen: the hit log as a table, filters, details, reviews, charts.

A self-contained widget over the desk core: ``ReviewWindow(desk, supervisor)``.
The desk UI mounts it for supervisors only (the role check is the session's).
It reads the desk's own log, or the national log (``open_national``), on a
worker lane (:mod:`.tasks`); filtering runs on the GUI thread because it is
fast (well under 100 ms on 100,000 hits, see tests/bench). Signals tell the
host what happened: ``loaded(int)``, ``reviewed(str)`` (a review or an
outcome was recorded for that hit), ``exported(str)``,
``verified(object)`` (the report), ``failed(str)``.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QPushButton, QSplitter, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from ...desk.hits import Filter, HitRecord, Hits
from ...desk.service import Desk
from .charts import StatisticsView
from .detail import DetailPane
from .filter_bar import FilterBar
from .table_model import RecordRole, HitTableModel
from .tasks import LogLane


COLUMN_WIDTHS = (125, 80, 80, 115, 90, 50, 180, 100, 200, 80, 110)


class ReviewWindow(QWidget):
    """The hit log for a supervisor; close it to hand back the desk."""

    loaded = Signal(int)
    reviewed = Signal(str)
    exported = Signal(str)
    verified = Signal(object)
    failed = Signal(str)

    def __init__(self, desk: Desk, supervisor: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hit log review"))
        self.desk = desk
        self.supervisor = supervisor or desk.officer
        self.hits: Hits = desk.hits
        self._national: Hits | None = None
        self.clear_counts: list = []
        self.desks: list[str] = []
        self.last_filter_ms = 0.0
        self.lane = LogLane(self)

        self.source = QLabel()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.national_button = QPushButton(self.tr("Open national log…"))
        self.desk_button = QPushButton(self.tr("Back to this desk's log"))
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        bar = QHBoxLayout()
        bar.addWidget(self.source, 1)
        for b in (self.refresh_button, self.national_button, self.desk_button,
                  self.verify_button, self.csv_button, self.pdf_button):
            bar.addWidget(b)

        self.filters = FilterBar(self)
        self.model = HitTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):  # fixed: measuring 100,000 rows is slow
            self.table.setColumnWidth(column, width)
        self.detail = DetailPane()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.statistics = StatisticsView()
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Hits"))
        self.tabs.addTab(self.statistics, self.tr("Statistics"))
        self.status = QLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.filters)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.filters.changed.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail.review_requested.connect(self.review)
        self.detail.outcome_requested.connect(self.record_outcome)
        self.tabs.currentChanged.connect(lambda _: self._update_statistics())
        self.refresh_button.clicked.connect(self.refresh)
        self.national_button.clicked.connect(self._ask_national)
        self.desk_button.clicked.connect(self.open_desk_log)
        self.verify_button.clicked.connect(self.verify)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        self.lane.busy.connect(self._busy)
        self._show_source()
        self.refresh()

    # -- loading -------------------------------------------------------------

    def _show_source(self) -> None:
        if self.hits.national:
            self.source.setText(self.tr("National log: %1").replace("%1", self.hits.where))
        else:
            self.source.setText(self.tr("This desk's log: %1")
                                .replace("%1", self.desk.config.desk.desk_id))
        self.desk_button.setVisible(self.hits.national)

    def refresh(self) -> None:
        """Read the log again (in the worker lane)."""
        hits = self.hits
        self.lane.run(hits.load, self._loaded, self._failed)

    def _loaded(self, loaded) -> None:
        current = self.detail.record.hit_id if self.detail.record else None
        self.clear_counts, self.desks = loaded.clear_counts, loaded.desks
        self.filters.set_choices(loaded.records, loaded.desks)
        self.model.set_records(loaded.records)
        self.apply_filter(self.filters.value())
        if current:
            self.select_hit(current)
        self.loaded.emit(len(loaded.records))

    def open_national(self, url: str | None = None) -> None:
        """Review every desk's hits in the national PostgreSQL log."""
        config = self.desk.config
        self.lane.run(lambda: Hits.open_central(config, url), self._opened, self._failed)

    def _opened(self, hits: Hits) -> None:
        if self._national is not None:
            self._national.close()
        self._national = self.hits = hits
        self._show_source()
        self.refresh()

    def open_desk_log(self) -> None:
        self.hits = self.desk.hits
        if self._national is not None:
            national, self._national = self._national, None
            self.lane.run(national.close, lambda _: None, self._failed)
        self._show_source()
        self.refresh()

    # -- filtering and selection -------------------------------------------

    def apply_filter(self, flt: Filter) -> None:
        started = time.perf_counter()
        self.model.set_filter(flt)
        self.last_filter_ms = (time.perf_counter() - started) * 1000
        self.status.setText(self.tr("%1 of %2 hits").replace("%1", str(self.model.matching))
                            .replace("%2", str(len(self.model.records))))
        self._update_statistics()

    def _update_statistics(self) -> None:
        if self.tabs.currentWidget() is self.statistics:
            self.statistics.show_statistics(Hits.statistics(
                self.model.visible_records(), self.clear_counts, self.model.filter))

    def _current_changed(self, current, _previous) -> None:
        self.detail.show_record(current.data(RecordRole) if current.isValid() else None)

    def select_hit(self, hit_id: str) -> bool:
        row = self.model.row_of(hit_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def selection(self) -> list[HitRecord]:
        """The selected hits, or every hit the filter keeps when none is selected."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if len(rows) > 1:
            return [self.model.record(r) for r in rows]
        return self.model.visible_records()

    # -- actions ------------------------------------------------------------

    def review(self, hit_id: str, value: str, comment: str, corrected) -> None:
        hits, who = self.hits, self.supervisor

        def work():
            hits.review(hit_id, value, who, comment=comment, corrected=corrected)
            return hits.hit(hit_id)

        self.lane.run(work, self._reviewed, self._failed)

    def record_outcome(self, hit_id: str, outcome: str, note: str) -> None:
        """What came back later (confirmed by the list owner, record withdrawn)."""
        hits, who = self.hits, self.supervisor

        def work():
            hits.outcome(hit_id, outcome, who, note=note)
            return hits.hit(hit_id)

        self.lane.run(work, self._reviewed, self._failed)

    def _reviewed(self, rec: HitRecord) -> None:
        self.model.replace([rec])
        self.select_hit(rec.hit_id)
        self.reviewed.emit(rec.hit_id)

    def verify(self) -> None:
        self.lane.run(self.hits.verify, self._verified, self._failed)

    def _verified(self, report) -> None:
        if report.ok:
            self.status.setText(self.tr("The chain verifies: %1 entries checked.")
                                .replace("%1", str(sum(report.checked.values()))))
        else:
            self.status.setText(self.tr("THE CHAIN IS BROKEN: %1")
                                .replace("%1", "; ".join(str(p) for p in report.problems[:5])))
        self.verified.emit(report)

    def export_csv(self, path: str | Path) -> None:
        records, hits = self.selection(), self.hits

        def work():
            with open(path, "w", newline="", encoding="utf-8") as f:
                hits.export_csv(records, f)
            return str(path)

        self.lane.run(work, self._exported, self._failed)

    def export_pdf(self, path: str | Path) -> None:
        records, hits = self.selection(), self.hits
        flt, counts, who = self.model.filter, self.clear_counts, self.supervisor

        def work():
            hits.export_pdf(records, path, flt=flt, clear_counts=counts, generated_by=who)
            return str(path)

        self.lane.run(work, self._exported, self._failed)

    def _exported(self, path: str) -> None:
        self.status.setText(self.tr("Exported to %1").replace("%1", path))
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Failed: %1").replace("%1", message))
        self.failed.emit(message)

    def _busy(self, busy: bool) -> None:
        for b in (self.refresh_button, self.national_button, self.desk_button,
                  self.verify_button, self.csv_button, self.pdf_button):
            b.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Working…"))

    # -- dialogs (thin: the work is in the methods above) -------------------

    def _ask_national(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("National log"),
                                       self.tr("PostgreSQL URL of the national log:"),
                                       text=self.desk.config.hitlog.central_url)
        if ok and url.strip():
            self.open_national(url.strip())

    def _ask_export(self, fmt: str) -> None:
        caption = self.tr("Export CSV") if fmt == "csv" else self.tr("Export PDF report")
        pattern = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, caption, f"hits.{fmt}", pattern)
        if path:
            (self.export_csv if fmt == "csv" else self.export_pdf)(path)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.lane.wait()
        if self._national is not None:
            self._national.close()
            self._national = None
        super().closeEvent(event)
