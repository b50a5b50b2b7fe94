"""The serial scanner's worker thread: documents to the controller, the port's state to the screen.

:class:`SerialWorker` runs the desk's
:class:`~borderdesk.desk.capture.SerialCapture` (pyserial and the reader's
decoder) in a thread of its own, on the port ``[scanner] serial_port`` names
(chosen in the settings). A port that fails while open is reopened by the
scanner itself (state "reconnecting"); one that cannot be opened at all is
tried again every :data:`RETRY_SECONDS` (state "error", with the reason).
The readings go to the controller unchecked, like the camera's.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QThread, Signal

from ..desk.capture import PortNotFound, PortState, SerialCapture
from ..desk.service import Desk

log = logging.getLogger(__name__)

RETRY_SECONDS = 3.0
STATE_CODE = {PortState.OPEN: "ok", PortState.RECONNECTING: "reconnecting",
              PortState.CLOSED: "off"}


class SerialWorker(QThread):
    state = Signal(str, str)  # a DEVICE_STATE code; the reason, for the log and a tooltip
    document = Signal(object)  # a Reading

    def __init__(self, desk: Desk, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("serial-worker")
        self.desk = desk
        self._stopping = threading.Event()
        self._capture: SerialCapture | None = None

    def request_stop(self) -> None:
        """End the thread soon; returns at once (the port is closed by the thread)."""
        self._stopping.set()
        capture = self._capture
        if capture is not None:
            capture.stop()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def run(self) -> None:
        if not self.desk.config.scanner.serial_port:
            self.state.emit("off", "no serial scanner is configured")
            return
        self.state.emit("waiting", "")
        while not self._stopping.is_set():
            capture = SerialCapture.from_config(self.desk, on_state=self._on_state)
            try:
                capture.start()
            except PortNotFound as exc:
                log.warning("scanner: %s", exc)
                self.state.emit("error", str(exc))
                if self._stopping.wait(RETRY_SECONDS):
                    return
                continue
            self._capture = capture
            if self._stopping.is_set():
                capture.stop()
            try:
                for reading in capture.readings():
                    self.document.emit(reading)
            finally:
                self._capture = None
                capture.stop()
            return

    def _on_state(self, state: PortState, message: str) -> None:
        self.state.emit(STATE_CODE[state], message)
