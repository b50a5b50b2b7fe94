"""The supervisor's review screen (pytest-qt): load, filters, details, reviews, charts, exports."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

pytest.importorskip("PySide6.QtCharts")

from PySide6.QtCore import QDate, Qt  # noqa: E402

from borderdesk.desk.hits import HitRecord  # noqa: E402
from borderdesk.ui.review import ReviewWindow  # noqa: E402
from borderdesk.ui.review.table_model import BATCH, HitTableModel  # noqa: E402

START = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def logged(desk, make_hits):
    hits = make_hits(6, start=START)
    possible = make_hits(4, start=START + timedelta(days=6), prefix="P", officer="OFF-2")
    desk.hits.dispose(hits[0].hit_id, "confirmed-referred", "OFF-1", note="taken aside")
    desk.hits.dispose(possible[0].hit_id, "not-same-person", "OFF-2")
    desk.hits.dispose(possible[1].hit_id, "confirmed-referred", "OFF-2")
    desk.hits.review(hits[0].hit_id, "agree", "SUP-0")
    return hits, possible


@pytest.fixture
def window(qtbot, desk, logged):
    w = ReviewWindow(desk, supervisor="SUP-1")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        pass
    yield w
    w.close()


def test_the_log_loads_newest_first(window, logged):
    hits, possible = logged
    assert window.model.matching == 10 and window.model.rowCount() == 10
    assert window.model.record(0).hit_id == possible[-1].hit_id
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Time"
    assert window.model.index(0, 3).data() == "POSSIBLE MATCH"
    assert "10 of 10 hits" in window.status.text()


def test_sorting_by_a_column(window):
    window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # officer
    officers = [window.model.index(r, 2).data() for r in range(window.model.rowCount())]
    assert officers == sorted(officers)


def test_filters(window, qtbot):
    f = window.filters
    f.level.setCurrentIndex(f.level.findData("HIT"))
    assert window.model.matching == 6
    f.officer.setCurrentIndex(f.officer.findData("OFF-2"))
    assert window.model.matching == 0
    f.reset()
    assert window.model.matching == 10
    f.list_name.setCurrentIndex(f.list_name.findData("WANTED"))
    assert window.model.matching == 4
    f.disposition.setCurrentIndex(f.disposition.findData("not-same-person"))
    assert window.model.matching == 1
    f.reset()
    f.reviewed.setCurrentIndex(f.reviewed.findData(True))
    assert window.model.matching == 1
    f.reset()
    f.use_from.setChecked(True)
    f.date_from.setDate(QDate(2026, 11, 3))
    f.use_to.setChecked(True)
    f.date_to.setDate(QDate(2026, 11, 4))
    assert window.model.matching == 2
    f.reset()
    f.desk.setCurrentIndex(f.desk.findData("DESK-07"))
    assert window.model.matching == 10
    qtbot.keyClicks(f.text, "taken aside")
    qtbot.waitUntil(lambda: window.model.matching == 1, timeout=2000)
    assert window.last_filter_ms >= 0


def test_the_detail_pane_shows_document_record_and_history(window, logged):
    hits, _ = logged
    assert window.select_hit(hits[0].hit_id)
    d = window.detail
    assert d.heading.text().startswith("HIT") and "SLTD" in d.heading.text()
    labels = [d.document.form.itemAt(i).widget().text() for i in range(d.document.form.count())]
    assert "ERIKSSON" in labels and "H0000000" in labels
    record = [d.list_record.form.itemAt(i).widget().text()
              for i in range(d.list_record.form.count())]
    assert "retain the document" in record and "stolen" in record
    assert d.history.topLevelItemCount() == 2
    assert d.history.topLevelItem(0).text(4) == "taken aside"
    assert "settled after" in d.facts.text()
    assert d.mrz.text().startswith("P<UTOERIKSSON")


def test_a_review_with_a_correction(window, logged, qtbot, desk):
    _, possible = logged
    window.select_hit(possible[1].hit_id)
    d = window.detail
    assert not d.correct.isEnabled()  # a correction needs a comment
    qtbot.keyClicks(d.comment, "face does not match the record photo")
    d.corrected.setCurrentIndex(d.corrected.findData("not-same-person"))
    with qtbot.waitSignal(window.reviewed, timeout=10_000) as sig:
        qtbot.mouseClick(d.correct, Qt.MouseButton.LeftButton)
    assert sig.args == [possible[1].hit_id]
    rec = desk.hits.hit(possible[1].hit_id)
    assert rec.review == "correct" and rec.effective_disposition == "not-same-person"
    assert rec.history[-1]["officer"] == "SUP-1"
    assert window.detail.record.review == "correct"
    assert desk.hits.verify().ok


def test_an_outcome_from_the_screen_settles_the_wait(window, logged, qtbot, desk):
    hits, _ = logged
    window.select_hit(hits[3].hit_id)
    assert "waiting" in window.model.index(window.model.row_of(hits[3].hit_id), 10).data()
    d = window.detail
    d.outcome.setCurrentIndex(d.outcome.findData("record-withdrawn"))
    qtbot.keyClicks(d.comment, "owner withdrew the record")
    with qtbot.waitSignal(window.reviewed, timeout=10_000):
        qtbot.mouseClick(d.record_outcome, Qt.MouseButton.LeftButton)
    rec = desk.hits.hit(hits[3].hit_id)
    assert rec.outcome == "record-withdrawn" and rec.wait_seconds is not None
    assert rec.history[-1]["note"] == "owner withdrew the record"
    assert "settled after" in window.detail.facts.text()


def test_agree(window, logged, qtbot, desk):
    hits, _ = logged
    window.select_hit(hits[2].hit_id)
    with qtbot.waitSignal(window.reviewed, timeout=10_000):
        qtbot.mouseClick(window.detail.agree, Qt.MouseButton.LeftButton)
    window.filters.reviewed.setCurrentIndex(window.filters.reviewed.findData(False))
    assert window.model.matching == 8


def test_statistics_charts(window):
    window.tabs.setCurrentWidget(window.statistics)
    stats = window.statistics.stats
    assert stats.hits == 10 and stats.per_list == {"SLTD": 6, "WANTED": 4}
    assert stats.possible_judged == 2 and stats.false_match_share == 0.5
    assert "1 / 2 (50%)" in window.statistics.summary.text()
    per_list = window.statistics.chart("per_list")
    assert per_list.title() == "Hits per list"
    assert per_list.series()[0].barSets()[0].at(0) == 6
    pie = window.statistics.chart("dispositions").series()[0]
    assert round(pie.sum()) == 10
    hours = window.statistics.chart("per_hour").series()[0]
    assert len(hours.barSets()) == 2
    window.filters.level.setCurrentIndex(window.filters.level.findData("POSSIBLE"))
    assert window.statistics.stats.hits == 4


def test_export_the_selection_to_csv(window, qtbot, tmp_path):
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(1, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows)
    out = tmp_path / "sel.csv"
    with qtbot.waitSignal(window.exported, timeout=10_000):
        window.export_csv(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["hit_id"] for r in rows] == [window.model.record(0).hit_id,
                                           window.model.record(1).hit_id]


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="POPPLER-UTILS MISSING")
def test_export_pdf_from_the_screen(window, qtbot, tmp_path):
    window.filters.level.setCurrentIndex(window.filters.level.findData("HIT"))
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(window.exported, timeout=20_000):
        window.export_pdf(out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Hit log report" in text and "level HIT" in text and "SUP-1" in text
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) >= 4


def test_verify_from_the_screen(window, qtbot):
    with qtbot.waitSignal(window.verified, timeout=10_000) as sig:
        window.verify()
    assert sig.args[0].ok and "verifies" in window.status.text()


def test_a_broken_chain_is_shown(window, qtbot, desk):
    import sqlite3
    with sqlite3.connect(desk.config.data_dir / "hitlog.sqlite") as c:
        c.execute("UPDATE entries SET officer='X', public=replace(public, 'OFF-2', 'X') "
                  "WHERE seq=8")
    with qtbot.waitSignal(window.verified, timeout=10_000) as sig:
        window.verify()
    assert not sig.args[0].ok
    assert "THE CHAIN IS BROKEN" in window.status.text() and "entry 8" in window.status.text()


def test_a_bad_national_url_is_a_message(window, qtbot):
    with qtbot.waitSignal(window.failed, timeout=20_000) as sig:
        window.open_national("postgresql://nobody@127.0.0.1:1/none")
    assert "cannot open" in sig.args[0] and "Failed" in window.status.text()
    assert not window.hits.national


def test_the_national_log_in_the_screen(window, qtbot, desk, postgres_url):
    desk.hits.push(postgres_url)
    with qtbot.waitSignal(window.loaded, timeout=20_000):
        window.open_national(postgres_url)
    assert window.hits.national and "National log" in window.source.text()
    assert window.model.matching == 10
    window.select_hit(window.model.record(0).hit_id)
    with qtbot.waitSignal(window.reviewed, timeout=10_000):
        qtbot.mouseClick(window.detail.agree, Qt.MouseButton.LeftButton)
    assert window.hits.verify().checked == {"DESK-07": 14, "NATIONAL": 1}
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.open_desk_log()
    assert not window.hits.national


def _synthetic(n: int) -> list[HitRecord]:
    lists = ("SLTD", "WANTED", "NATIONAL", "INTERPOL")
    out = []
    for i in range(n):
        t = START + timedelta(minutes=7 * i)
        out.append(HitRecord(
            hit_id=f"{i:08d}", desk_id=f"DESK-{i % 12:02d}", seq=i, checkpoint_id="CP",
            officer=f"OFF-{i % 40}", recorded_at=t.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            local_time=t.isoformat(), level="HIT" if i % 5 == 0 else "POSSIBLE",
            source="camera", lists=(lists[i % 4],), score=(i % 100) / 100, matches=[],
            document={"surname": f"NAME{i}", "document_number": f"D{i:08d}"}, records=[],
            redacted=False, disposition="not-same-person" if i % 3 == 0 else "",
            search=f"name{i} d{i:08d}"))
    return out


def test_the_model_hands_rows_to_the_view_in_batches(qtbot):
    model = HitTableModel()
    model.set_records(_synthetic(100_000))
    assert model.matching == 100_000 and model.rowCount() == BATCH
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2 * BATCH
    from borderdesk.desk.hits import Filter
    model.set_filter(Filter(list_name="WANTED", level="POSSIBLE", text="name1"))
    expected = sum(1 for i in range(100_000) if i % 4 == 1 and i % 5 and "name1" in f"name{i}")
    assert model.matching == expected
    assert model.row_of(model.visible_records()[-1].hit_id) == expected - 1


def test_every_visible_string_goes_through_tr(qtbot, desk, tmp_path):
    """Extract the screen's strings (lupdate), translate each to «…», and look at the screen."""
    import re
    import sys
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    import borderdesk.ui.review as review

    bindir = Path(sys.executable).parent
    lupdate, lrelease = bindir / "pyside6-lupdate", bindir / "pyside6-lrelease"
    if not lupdate.exists() or not lrelease.exists():
        pytest.skip("pyside6-lupdate/lrelease not installed")
    ts, qm = tmp_path / "x.ts", tmp_path / "x.qm"
    sources = sorted(str(p) for p in Path(review.__file__).parent.glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    text = re.sub(r"<source>(.*?)</source>\s*<translation type=\"unfinished\"></translation>",
                  lambda m: f"<source>{m.group(1)}</source><translation>«{m.group(1)}»"
                            "</translation>", text, flags=re.S)
    ts.write_text(text, encoding="utf-8")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        w = ReviewWindow(desk, supervisor="SUP-1")
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.loaded, timeout=10_000):
            pass
        shown = [b.text() for b in w.findChildren(QAbstractButton) if b.text()]
        shown += [g.title() for g in w.findChildren(QGroupBox)]
        shown += [w.tabs.tabText(i) for i in range(w.tabs.count())]
        shown += [w.model.headerData(c, Qt.Orientation.Horizontal)
                  for c in range(w.model.columnCount())]
        f = w.filters
        shown += [c.itemText(0) for c in (f.desk, f.officer, f.list_name, f.level,
                                          f.disposition, f.reviewed)]
        shown += [f.level.itemText(i) for i in range(1, f.level.count())]
        shown += [f.disposition.itemText(i) for i in range(1, f.disposition.count())]
        shown += [w.detail.heading.text(), w.status.text(), f.text.placeholderText(),
                  w.windowTitle(), w.source.text()]
        untranslated = [s for s in shown if not s.startswith("«")]
        assert untranslated == []
        w.close()
    finally:
        QCoreApplication.removeTranslator(translator)
