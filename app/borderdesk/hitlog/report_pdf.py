"""The PDF report of a selection of hits: a title page, the table, the charts.

Made with ReportLab (platypus for the pages, ``reportlab.graphics`` for the
charts), not Qt: the command line must not import Qt, and ReportLab is the
long-kept, pure-Python library made for exactly this — page templates, long
tables that repeat their header across pages, and vector charts — so the CLI
and the review screen produce the same report from the same code.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

from .entries import DISPOSITIONS, OUTCOMES, REVIEWS
from .views import Filter, HitRecord, Statistics

PAGE = landscape(A4)
MAX_ROWS = 5000  # beyond this the table says so and points to the CSV export
_FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
LABELS = {**DISPOSITIONS, **OUTCOMES, **REVIEWS, "none": "no disposition yet"}
PALETTE = [colors.HexColor(c) for c in ("#1f4e79", "#c0392b", "#27ae60", "#f39c12",
                                        "#8e44ad", "#16a085", "#7f8c8d", "#d35400")]


def _fonts() -> tuple[str, str]:
    """DejaVu Sans where it is installed (accented names, notes), else Helvetica."""
    regular, bold = _FONT_FILES
    if Path(regular).is_file() and Path(bold).is_file():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", regular))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", bold))
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _hours(seconds: float | None) -> str:
    if seconds is None:
        return "waiting"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def period_of(records: Sequence[HitRecord], flt: Filter) -> tuple[str, str]:
    days = [r.day for r in records]
    start = flt.date_from.isoformat() if flt.date_from else (min(days) if days else "—")
    end = flt.date_to.isoformat() if flt.date_to else (max(days) if days else "—")
    return start, end


def write_pdf(path: Path | str, records: Sequence[HitRecord], stats: Statistics, *,
              flt: Filter | None = None, checkpoint: str = "", desks: Sequence[str] = (),
              generated_by: str = "", now: datetime | None = None,
              max_rows: int = MAX_ROWS) -> int:
    """Write the report; the number of pages."""
    flt = flt or Filter()
    now = now or datetime.now(timezone.utc)
    regular, bold = _fonts()
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName=regular, fontSize=10)
    small = ParagraphStyle("small", parent=body, fontSize=7, leading=8.5)
    title = ParagraphStyle("title", parent=styles["Title"], fontName=bold, fontSize=26,
                           leading=32)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName=bold)
    start, end = period_of(records, flt)
    desks = sorted(set(desks) or {r.desk_id for r in records})
    checkpoints = checkpoint or ", ".join(sorted({r.checkpoint_id for r in records})) or "—"

    story = [Spacer(1, 30 * mm), Paragraph("Hit log report", title), Spacer(1, 8 * mm)]
    facts = [
        ("Period", f"{start} to {end}"),
        ("Checkpoint", checkpoints),
        ("Desks", ", ".join(desks) or "—"),
        ("Selection", flt.describe()),
        ("Hits", f"{stats.hits} ({stats.by_level.get('HIT', 0)} HIT, "
                 f"{stats.by_level.get('POSSIBLE', 0)} POSSIBLE MATCH)"),
        ("Reviewed", f"{stats.reviewed} of {stats.hits}"),
        ("Waiting for confirmation", str(stats.waiting)),
        ("Median wait for confirmation", _hours(stats.median_wait)),
        ("Possible matches judged not the same person",
         "—" if stats.false_match_share is None else
         f"{stats.possible_not_same} of {stats.possible_judged} "
         f"({stats.false_match_share:.0%})"),
        ("Generated", now.astimezone().strftime("%Y-%m-%d %H:%M %Z")
         + (f" by {generated_by}" if generated_by else "")),
    ]
    table = Table([[Paragraph(f"<b>{k}</b>", body), Paragraph(_esc(v), body)]
                   for k, v in facts], colWidths=[80 * mm, 150 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
    story += [table, PageBreak(), Paragraph("Hits", h2)]

    header = ["Local time", "Desk", "Officer", "Level", "Lists / records", "Score",
              "Holder", "Document", "Disposition", "Review", "Wait"]
    rows = [header]
    for rec in records[:max_rows]:
        rows.append([
            rec.local_time[:16].replace("T", " "), rec.desk_id, rec.officer,
            "HIT" if rec.level == "HIT" else "POSSIBLE",
            Paragraph(_esc("; ".join(f"{m['list']} {m.get('record_id') or ''}"
                                     for m in rec.matches)), small),
            f"{rec.score:.2f}",
            Paragraph(_esc("(redacted)" if rec.redacted else rec.name), small),
            rec.document_number or "—",
            Paragraph(_esc(LABELS.get(rec.effective_disposition or "none", "")), small),
            rec.review or "—", _hours(rec.wait_seconds)])
    widths = [26, 18, 20, 17, 50, 12, 40, 24, 40, 14, 16]
    long_table = LongTable(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    long_table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), bold), ("FONTNAME", (0, 1), (-1, -1), regular),
        ("FONTSIZE", (0, 0), (-1, -1), 7), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef2f7")]),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
    story.append(long_table)
    if len(records) > max_rows:
        story.append(Paragraph(f"The first {max_rows} of {len(records)} hits are listed; "
                               "the CSV export holds them all.", body))
    story += [PageBreak(), Paragraph("Statistics", h2)]
    if stats.false_match_share is not None:
        story.append(Paragraph(
            f"Possible matches judged not the same person: {stats.possible_not_same} of "
            f"{stats.possible_judged} ({stats.false_match_share:.0%}), the false-match rate "
            "that tunes the matching thresholds.", body))
    story += [_bar_chart("Hits per day", stats.per_day, regular),
              _hbar_chart("Hits per list", stats.per_list, regular),
              PageBreak(),
              _pie_chart("Dispositions", {LABELS.get(k, k): v
                                          for k, v in stats.dispositions.items()}, regular),
              _hour_chart("Checks per hour of the day (UTC): CLEAR and hits",
                          stats.checks_per_hour, regular)]

    footer = f"Hit log report — {checkpoints} — {start} to {end}"

    def _page(canvas, doc):
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(15 * mm, 8 * mm, footer)
        canvas.drawRightString(PAGE[0] - 15 * mm, 8 * mm, f"page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(path), pagesize=PAGE, leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=15 * mm,
                            title="Hit log report", subject=f"{checkpoints} {start} to {end}",
                            author=generated_by or "borderdesk")
    doc.build(story, onFirstPage=_page, onLaterPages=_page)
    return doc.page


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _drawing(caption: str, font: str, height: float = 80 * mm) -> Drawing:
    d = Drawing(PAGE[0] - 30 * mm, height)
    d.add(String(0, height - 12, caption, fontName=font, fontSize=12))
    return d


def _empty(d: Drawing, font: str) -> Drawing:
    d.add(String(20, d.height / 2, "no data in this selection", fontName=font, fontSize=10,
                 fillColor=colors.grey))
    return d


def _bar_chart(caption: str, data: dict[str, int], font: str) -> Drawing:
    d = _drawing(caption, font)
    if not data:
        return _empty(d, font)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, d.width - 60, d.height - 60
    chart.data = [list(data.values())]
    chart.categoryAxis.categoryNames = list(data)
    step = max(1, len(data) // 20)  # at most about twenty date labels
    chart.categoryAxis.categoryNames = [k[5:] if i % step == 0 else ""
                                        for i, k in enumerate(data)]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = PALETTE[0]
    d.add(chart)
    return d


def _hbar_chart(caption: str, data: dict[str, int], font: str) -> Drawing:
    d = _drawing(caption, font)
    if not data:
        return _empty(d, font)
    items = list(data.items())[:15][::-1]
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 90, 10, d.width - 120, d.height - 40
    chart.data = [[v for _, v in items]]
    chart.categoryAxis.categoryNames = [k for k, _ in items]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = PALETTE[1]
    d.add(chart)
    return d


def _pie_chart(caption: str, data: dict[str, int], font: str) -> Drawing:
    d = _drawing(caption, font)
    if not data:
        return _empty(d, font)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 30, 15, 140, 140
    pie.data = list(data.values())
    pie.labels = None
    for i in range(len(data)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    total = sum(data.values())
    for i, (label, value) in enumerate(data.items()):
        y = d.height - 35 - i * 14
        d.add(String(200, y, f"■ {label}: {value} ({value / total:.0%})", fontName=font,
                     fontSize=9, fillColor=PALETTE[i % len(PALETTE)]))
    return d


def _hour_chart(caption: str, hours: dict[str, tuple[int, int]], font: str) -> Drawing:
    d = _drawing(caption, font)
    if not hours:
        return _empty(d, font)
    clear, hits = [0] * 24, [0] * 24
    for hour, (c, n) in hours.items():
        h = int(hour[11:13])
        clear[h] += c
        hits[h] += n
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, d.width - 60, d.height - 55
    chart.data = [clear, hits]
    chart.categoryAxis.categoryNames = [f"{h:02d}" for h in range(24)]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = PALETTE[2]
    chart.bars[1].fillColor = PALETTE[1]
    d.add(chart)
    d.add(String(d.width - 160, d.height - 12, "■ CLEAR", fontName=font, fontSize=9,
                 fillColor=PALETTE[2]))
    d.add(String(d.width - 90, d.height - 12, "■ hits", fontName=font, fontSize=9,
                 fillColor=PALETTE[1]))
    return d
