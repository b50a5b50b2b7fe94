"""The desk's icons: SVG files under ``resources/icons/``, drawn at the size asked."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from ..desk.resources import resource_path

LEVEL_ICON = {"CLEAR": "clear", "POSSIBLE": "possible", "HIT": "hit"}


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def pixmap(name: str, size: int) -> QPixmap:
    return icon(name).pixmap(QSize(size, size))
