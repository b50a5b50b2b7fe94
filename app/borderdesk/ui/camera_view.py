"""The live camera picture with the MRZ band outlined, and the reading state.

The picture is never mirrored, in any language: the widget lays itself out
left to right. Frames arrive already copied out of the capture buffer
(:mod:`borderdesk.ui.camera`); painting scales the newest one to fit.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from . import theme
from .i18n import t

# "off": no picture (no camera, or not started yet): a frame that says nothing.
STATE_COLOUR = {"waiting": "#C9D1D9", "reading": "#FFB000", "read": "#19C45A", "off": "#30363D"}


class CameraView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LeftToRight)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(320, 240)
        self.image: QImage | None = None
        self.band: tuple[tuple[float, float], ...] | None = None
        self.state = "waiting"
        self.message = ""
        self.placeholder = ""  # said in the middle while there is no picture

    def show_frame(self, image: QImage, band=None) -> None:
        self.image = image
        self.band = band
        self.update()

    def set_state(self, state: str, message: str = "") -> None:
        self.state = state
        self.message = message
        self.update()

    def set_unavailable(self, words: str) -> None:
        self.image = None
        self.band = None
        self.placeholder = words
        self.update()

    def _target(self) -> QRectF:
        if self.image is None or self.image.isNull():
            return QRectF(self.rect())
        size = self.image.size().scaled(self.size(), Qt.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        return QRectF(x, y, size.width(), size.height())

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("#000000"))
        target = self._target()
        colour = QColor(STATE_COLOUR.get(self.state, theme.TEXT))
        if self.image is not None and not self.image.isNull():
            painter.drawImage(target, self.image)
            if self.band:
                sx = target.width() / self.image.width()
                sy = target.height() / self.image.height()
                polygon = QPolygonF([QPointF(target.x() + x * sx, target.y() + y * sy)
                                     for x, y in self.band])
                painter.setPen(QPen(colour, 5))
                painter.drawPolygon(polygon)
        elif self.placeholder:
            painter.setPen(QColor(theme.MUTED))
            painter.setFont(theme.font(1.3))
            painter.drawText(QRectF(self.rect()).adjusted(20, 20, -20, -60),
                             Qt.AlignCenter | Qt.TextWordWrap, self.placeholder)
        # The state, on a band along the bottom of the picture.
        painter.setPen(QPen(colour, 8))
        painter.drawRect(QRectF(self.rect()).adjusted(4, 4, -4, -4))
        if self.message:
            strip = QRectF(0, self.height() - 48, self.width(), 48)
            painter.fillRect(strip, QColor(0, 0, 0, 190))
            painter.setPen(QColor(theme.TEXT))
            painter.setFont(theme.font(1.2, bold=True))
            text = painter.fontMetrics().elidedText(self.message, Qt.ElideRight,
                                                    int(strip.width()) - 16)
            painter.drawText(strip, Qt.AlignCenter, text)
        painter.end()


def camera_state_words(code: str) -> str:
    """What the picture's place says while there is no picture (a DEVICE_STATE code)."""
    if code == "error":
        return t("Camera", "The camera is not working. Use the document scanner, or type the "
                           "document in (F2). If it goes on, call the supervisor.")
    if code == "reconnecting":
        return t("Camera", "The camera is disconnected. Trying to reconnect…")
    if code == "no-ocr":
        return t("Camera", "The camera cannot read documents on this desk (no OCR engine). Use "
                           "the document scanner, or type the document in (F2).")
    if code in ("waiting", "ok", "replay"):
        return t("Camera", "Starting the camera…")
    return t("Camera", "No camera. Use the document scanner, or type the document in (F2).")


def guidance_words(code: str) -> str:
    """What the camera sees, said to the officer (a Guidance value)."""
    if code == "reading":
        return t("Check", "Reading…")
    if code == "hold-still":
        return t("Camera", "Hold the document still")
    if code == "glare":
        return t("Camera", "Glare: tilt the document")
    if code == "read":
        return t("Check", "Read")
    return t("Check", "Waiting for a document")
