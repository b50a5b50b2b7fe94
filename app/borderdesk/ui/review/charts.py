"""Statistics in QtCharts: hits per day and list, dispositions, false matches, checks per hour."""

from __future__ import annotations

import math

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView,
                              QPieSeries, QValueAxis)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...desk.hits import Statistics
from .table_model import disposition_text


def _bar_chart(title: str, categories: list[str], sets: list[tuple[str, list[int]]]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    series = QBarSeries()
    for name, values in sets:
        bar = QBarSet(name)
        bar.append([float(v) for v in values])
        series.append(bar)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(categories)
    if len(categories) > 12:  # many short labels: small and upright, so they all show
        font = x.labelsFont()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        x.setLabelsFont(font)
        x.setLabelsAngle(-90)
    x.setTruncateLabels(False)
    top = max((max(v, default=0) for _, v in sets), default=0) or 1
    step = max(1, math.ceil(top / 5))
    y = QValueAxis()
    y.setLabelFormat("%d")
    y.setRange(0, step * math.ceil(top / step))
    y.setTickType(QValueAxis.TickType.TicksDynamic)  # whole numbers only: these are counts
    y.setTickAnchor(0)
    y.setTickInterval(step)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def per_day_series(per_day: dict[str, int]) -> tuple[list[str], list[int], str]:
    """Labels short enough to read: days of the month, or whole months past two months."""
    if len(per_day) <= 62:
        return [d[8:] for d in per_day], list(per_day.values()), "Hits per day"
    months: dict[str, int] = {}
    for day, n in per_day.items():
        months[day[:7]] = months.get(day[:7], 0) + n
    return list(months), list(months.values()), "Hits per month"


class StatisticsView(QWidget):
    """Four charts and the false-match share, redrawn by :meth:`show_statistics`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.views = {name: QChartView() for name in ("per_day", "per_list", "dispositions",
                                                      "per_hour")}
        grid = QGridLayout()
        for i, view in enumerate(self.views.values()):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            grid.addWidget(view, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        self.stats: Statistics | None = None

    def chart(self, name: str) -> QChart:
        return self.views[name].chart()

    def show_statistics(self, stats: Statistics) -> None:
        self.stats = stats
        share = stats.false_match_share
        self.summary.setText(
            self.tr("%1 hits, %2 reviewed, %3 waiting for confirmation. Possible matches "
                    "judged not the same person: %4.")
            .replace("%1", str(stats.hits)).replace("%2", str(stats.reviewed))
            .replace("%3", str(stats.waiting))
            .replace("%4", "—" if share is None else
                     f"{stats.possible_not_same} / {stats.possible_judged} ({share:.0%})"))
        labels, counts, title = per_day_series(stats.per_day)
        chart = _bar_chart(self.tr("Hits per day") if title == "Hits per day"
                           else self.tr("Hits per month"), labels, [(self.tr("hits"), counts)])
        if stats.per_day:
            chart.setTitle(f"{chart.title()}: {min(stats.per_day)} – {max(stats.per_day)}")
        self._set("per_day", chart)
        self._set("per_list", _bar_chart(self.tr("Hits per list"), list(stats.per_list),
                                         [(self.tr("hits"), list(stats.per_list.values()))]))
        pie = QPieSeries()
        for code, count in stats.dispositions.items():
            label = disposition_text("" if code == "none" else code)
            pie.append(f"{label} ({count})", count)
        chart = QChart()
        chart.setTitle(self.tr("Dispositions"))
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self._set("dispositions", chart)
        clear, hits = [0] * 24, [0] * 24
        for hour, (c, n) in stats.checks_per_hour.items():
            clear[int(hour[11:13])] += c
            hits[int(hour[11:13])] += n
        self._set("per_hour", _bar_chart(self.tr("Checks per hour of the day (UTC)"),
                                         [f"{h:02d}" for h in range(24)],
                                         [(self.tr("CLEAR"), clear), (self.tr("hits"), hits)]))

    def _set(self, name: str, chart: QChart) -> None:
        view = self.views[name]
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()
