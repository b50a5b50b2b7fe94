"""`hits list` and `hits export`: filters, JSON lines, CSV, and the PDF report opened."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from borderdesk.cli import main

from .conftest import mrz

START = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def logged(desk, make_hits):
    hits = make_hits(4, start=START)  # 1..4 November, SLTD, OFF-1
    possible = make_hits(3, start=START + timedelta(days=10), prefix="P", officer="OFF-2")
    desk.hits.dispose(hits[0].hit_id, "confirmed-referred", "OFF-1")
    desk.hits.dispose(possible[0].hit_id, "not-same-person", "OFF-2", note="different face")
    desk.hits.dispose(possible[1].hit_id, "confirmed-referred", "OFF-2")
    desk.hits.review(possible[0].hit_id, "agree", "SUP-1", comment="fine")
    desk.clock = START + timedelta(hours=3)
    desk.check(mrz("C0000000"))
    desk.close()
    return hits, possible


def jsonl(capsys, *args):
    assert main(["hits", "list", "--json", *args]) == 0
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]


def test_list_json_prints_one_object_per_hit_line(logged, capsys):
    hits, possible = logged
    objs = jsonl(capsys)
    assert [o["hit_id"] for o in objs] == [v.hit_id for v in hits + possible]
    first = objs[0]
    assert first["level"] == "HIT" and first["lists"] == ["SLTD"]
    assert first["document"]["surname"] == "ERIKSSON" and first["source"] == "scanner"
    assert first["disposition"] == "confirmed-referred" and first["reviewed"] is False
    assert first["history"][0]["kind"] == "disposition"


def test_list_entries_prints_each_log_entry(logged, capsys):
    assert main(["hits", "list", "--json", "--entries", "--reviewed"]) == 0
    objs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["kind"] for o in objs] == ["hit", "disposition", "review"]
    assert all(o["entry_hash"] and o["seq"] for o in objs)


@pytest.mark.parametrize("args, expected", [
    (["--from", "2026-11-02", "--to", "2026-11-03"], 2),
    (["--officer", "OFF-2"], 3),
    (["--list", "WANTED"], 3),
    (["--level", "HIT"], 4),
    (["--disposition", "none"], 4),
    (["--disposition", "not-same-person"], 1),
    (["--reviewed"], 1),
    (["--not-reviewed"], 6),
    (["--desk", "DESK-07", "--text", "different"], 1),
    (["--desk", "ELSEWHERE"], 0),
    (["--text", "eriksson anna"], 7),
])
def test_list_filters(logged, capsys, args, expected):
    assert len(jsonl(capsys, *args)) == expected


def test_list_as_a_table(logged, capsys):
    assert main(["hits", "list", "--level", "POSSIBLE"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("POSSIBLE") == 3 and "3 hit(s)" in captured.err


def test_export_csv(logged, tmp_path, capsys):
    out = tmp_path / "hits.csv"
    assert main(["hits", "export", "-o", str(out), "--list", "WANTED"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3 and rows[0]["lists"] == "WANTED" and rows[0]["score"] == "0.8300"
    assert rows[0]["disposition"] == "not-same-person" and rows[0]["review"] == "agree"
    assert main(["hits", "export", "-o", "-", "--level", "HIT"]) == 0
    assert capsys.readouterr().out.count("\r\n") == 5


def test_csv_cells_cannot_become_formulas(desk, make_hits, tmp_path):
    hit = make_hits(1)[0]
    desk.hits.dispose(hit.hit_id, "other", "=HYPERLINK(\"x\")", note="n")
    desk.close()
    out = tmp_path / "hits.csv"
    assert main(["hits", "export", "-o", str(out)]) == 0
    assert "'=HYPERLINK" in out.read_text()


needs_poppler = pytest.mark.skipif(not shutil.which("pdftoppm"),
                                   reason="POPPLER-UTILS MISSING: pdftoppm not installed")


@needs_poppler
def test_export_pdf_report_pages(logged, tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert main(["hits", "export", "-o", str(out), "--from", "2026-11-01",
                 "--to", "2026-11-30"]) == 0
    assert "7 hit(s)" in capsys.readouterr().err
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    assert "Hit log report" in pages[0] and "2026-11-01 to 2026-11-30" in pages[0]
    assert "RAS-AJDIR" in pages[0] and "1 of 2 (50%)" in pages[0]  # false-match share
    assert "ERIKSSON" in pages[1] and "W-000" in pages[1]
    assert "Hits per day" in text and "Dispositions" in text and "Checks per hour" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(out), str(tmp_path / "page")],
                   check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len([p for p in pages if p.strip()]) >= 4
    assert all(p.stat().st_size > 2000 for p in images)  # drawn, not blank


def test_export_to_a_place_that_cannot_be_written(logged, capsys):
    assert main(["hits", "export", "-o", "/nonexistent/dir/r.csv"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert main(["hits", "export", "-o", "-", "--format", "pdf"]) == 2
