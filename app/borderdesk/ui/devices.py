"""The desk's readers while an officer works: the camera, the serial scanner, the keyboard wedge.

:class:`Devices` starts them when an officer signs in or unlocks the desk and
stops them on the lock, the sign-out and the quit (the controller says
when). It passes on, unchanged, what they say: every document they read
(``document``, a :class:`~borderdesk.reader.reading.Reading`, which the
controller checks like any other), the camera's preview and guidance, and
each device's state for the status bar.

Stopping never waits (each worker ends by itself within a fraction of a
second and releases its device); :meth:`Devices.shutdown`, at quit, waits
for the threads to end, so that none is destroyed while it runs. A worker
asked to start while the last one still winds down starts once it has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from ..desk.capture import WedgeCapture
from ..desk.service import Desk
from .camera import CameraWorker
from .scanner import SerialWorker
from .wedge import WedgeKeys

log = logging.getLogger(__name__)

SHUTDOWN_MS = 5000


class _Lane(QObject):
    """One worker thread at a time, made by ``make``; restarted after it winds down."""

    def __init__(self, make: Callable[[], QThread], parent: QObject) -> None:
        super().__init__(parent)
        self.make = make
        self.worker: QThread | None = None
        self._again = False

    def start(self) -> None:
        if self.worker is not None:  # running: start afresh only if it is ending
            self._again = self.worker.stopping or self.worker.isFinished()
            return
        self.worker = self.make()
        self.worker.finished.connect(self._finished)
        self.worker.start()

    def stop(self) -> None:
        self._again = False
        if self.worker is not None:
            self.worker.request_stop()

    def restart(self) -> None:
        self.stop()
        self.start()

    def wait(self, ms: int) -> bool:
        self.stop()
        worker = self.worker
        if worker is None:
            return True
        ended = worker.wait(ms)
        if not ended:
            log.error("%s did not end within %d ms", worker.objectName(), ms)
        return ended

    def _finished(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        if self._again:
            self._again = False
            self.start()


class Devices(QObject):
    document = Signal(object)  # a Reading, from the camera, the serial scanner or the wedge
    frame = Signal(QImage, object)  # the camera's preview and the band in its pixels (or None)
    guidance = Signal(str)  # what the camera sees (a Guidance value)
    camera_state = Signal(str, str)  # a DEVICE_STATE code, the reason
    scanner_state = Signal(str, str)

    def __init__(self, desk: Desk, *, engine=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.engine = engine  # None: the desk's OCR engine (desk.capture.default_engine)
        self.running = False
        self.camera = _Lane(self._make_camera, self)
        self.serial = _Lane(self._make_serial, self)
        self.wedge = WedgeKeys(WedgeCapture.from_config(desk), parent=self)  # the window's
        self.wedge.reading.connect(self.document)  # input watch hands it the key presses
        self._serial_state = ("off", "")

    def _make_camera(self) -> CameraWorker:
        worker = CameraWorker(self.desk, self.engine, self)
        worker.frame.connect(self.frame)
        worker.guidance.connect(self.guidance)
        worker.state.connect(self.camera_state)
        worker.document.connect(self.document)
        return worker

    def _make_serial(self) -> SerialWorker:
        worker = SerialWorker(self.desk, self)
        worker.state.connect(self._serial_changed)
        worker.document.connect(self.document)
        return worker

    def start(self) -> None:
        """An officer is at the check screen: read documents."""
        self.running = True
        self.camera.start()
        self.serial.start()
        self.wedge.set_active(self.desk.config.scanner.wedge)
        self._say_scanner()

    def stop(self) -> None:
        """Locked, signed out: stop reading; returns at once."""
        self.running = False
        self.wedge.set_active(False)
        self.camera.stop()
        self.serial.stop()

    def forget_camera(self) -> None:
        """Read the document under the camera afresh (it came while the desk could not take it)."""
        if self.camera.worker is not None:
            self.camera.worker.forget()

    def scanner_changed(self) -> None:
        """The settings named another serial port: reopen it."""
        if self.running:
            self.serial.restart()
        self._say_scanner()

    def shutdown(self, ms: int = SHUTDOWN_MS) -> bool:
        """Quit: stop everything and wait for the threads to end."""
        self.stop()
        return all([self.camera.wait(ms), self.serial.wait(ms)])

    def _serial_changed(self, code: str, reason: str) -> None:
        self._serial_state = (code, reason)
        self._say_scanner()

    def _say_scanner(self) -> None:
        """The serial port's state; without one, the keyboard wedge when it listens."""
        code, reason = self._serial_state
        if not self.desk.config.scanner.serial_port and code in ("off", "waiting"):
            code = "wedge" if self.desk.config.scanner.wedge else "off"
        self.scanner_state.emit(code, reason)
