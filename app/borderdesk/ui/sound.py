"""The HIT alert, where the machine has sound (QtMultimedia's QSoundEffect).

A desk without an audio device, or without QtMultimedia's libraries, stays
silent and says so once in its log; the HIT screen is loud enough by itself.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl

from ..desk.resources import resource_path

log = logging.getLogger(__name__)

ALERT = "hit-alert.wav"


class Alert(QObject):
    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.effect = None
        self.played = 0
        if not enabled:
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # e.g. libpulse missing
            log.warning("no sound: QtMultimedia cannot load (%s)", exc)
            return
        self.effect = QSoundEffect(self)
        self.effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", ALERT))))
        self.effect.setVolume(1.0)

    def play(self) -> None:
        self.played += 1
        if self.effect is not None:
            self.effect.setLoopCount(2)
            self.effect.play()

    def stop(self) -> None:
        if self.effect is not None:
            self.effect.stop()
