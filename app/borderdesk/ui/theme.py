"""How the desk looks: high contrast, large type, one colour per verdict and list state.

Colour is never the only signal: each verdict and state also has an icon and
a word. The colours keep a contrast ratio of at least 7:1 (WCAG 2.1 AAA,
1.4.6) between text and its background.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BACKGROUND = "#0E1116"
PANEL = "#1A1F27"
TEXT = "#FFFFFF"
MUTED = "#C9D1D9"
FOCUS = "#FFD400"

# level or state -> (background, text)
VERDICT = {
    "CLEAR": ("#0B6E2E", "#FFFFFF"),
    "POSSIBLE": ("#FFB000", "#000000"),
    "HIT": ("#B00020", "#FFFFFF"),
}
LIST_STATE = {
    "OK": ("#0B6E2E", "#FFFFFF"),
    "WARNING": ("#FFB000", "#000000"),
    "STALE": ("#B00020", "#FFFFFF"),
    "NONE": ("#B00020", "#FFFFFF"),
}
FIELD_STATE = {  # comparison of document and record
    "same": ("#0B6E2E", "#FFFFFF"),
    "partial": ("#FFB000", "#000000"),
    "differs": ("#FFB000", "#000000"),
    "not-comparable": (PANEL, TEXT),
    "missing": (PANEL, MUTED),
}
WARNING = ("#FFB000", "#000000")

BASE_POINT_SIZE = 15
FAMILY = "DejaVu Sans"  # Latin and enough else; Arabic falls back to Noto Sans Arabic
MRZ_FAMILY = "DejaVu Sans Mono"


def font(scale: float = 1.0, bold: bool = False) -> QFont:
    f = QFont(FAMILY)
    f.setPointSizeF(BASE_POINT_SIZE * scale)
    f.setBold(bold)
    return f


def mrz_font(scale: float = 1.0) -> QFont:
    f = QFont(MRZ_FAMILY)
    f.setStyleHint(QFont.Monospace)
    f.setPointSizeF(BASE_POINT_SIZE * scale)
    return f


def badge_style(colours: tuple[str, str]) -> str:
    background, text = colours
    return f"background: {background}; color: {text}; border-radius: 6px; padding: 4px 10px;"


STYLE_SHEET = f"""
QWidget {{ background: {BACKGROUND}; color: {TEXT}; }}
QLabel {{ background: transparent; }}
QFrame#panel, QWidget#panel {{ background: {PANEL}; border-radius: 8px; }}
QLabel#muted {{ color: {MUTED}; }}
QLineEdit, QComboBox {{ background: #FFFFFF; color: #000000; border: 2px solid #7A8594;
    border-radius: 6px; padding: 6px; }}
QLineEdit:focus, QComboBox:focus {{ border: 3px solid {FOCUS}; }}
QPushButton {{ background: #2D3643; color: {TEXT}; border: 2px solid #7A8594;
    border-radius: 8px; padding: 10px 16px; }}
QPushButton:focus {{ border: 3px solid {FOCUS}; }}
QPushButton:pressed {{ background: #3F4B5C; }}
QPushButton:disabled {{ color: #7A8594; }}
QPushButton[checked="true"], QPushButton:checked {{ background: {TEXT}; color: #000000; }}
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.WindowText, QColor(TEXT))
    palette.setColor(QPalette.Base, QColor("#FFFFFF"))
    palette.setColor(QPalette.Text, QColor("#000000"))
    palette.setColor(QPalette.Button, QColor("#2D3643"))
    palette.setColor(QPalette.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.Highlight, QColor(FOCUS))
    palette.setColor(QPalette.HighlightedText, QColor("#000000"))
    app.setPalette(palette)
    app.setFont(font())
    app.setStyleSheet(STYLE_SHEET)
