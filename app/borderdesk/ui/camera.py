"""The camera's worker thread: preview frames to the screen, documents to the controller.

The camera's whole reading path (the camera or a replay, the gate, the OCR
engine, the multi-frame agreement) runs in a process of its own,
:class:`~borderdesk.desk.camera_process.CameraProcess`, so the OCR never holds
the interpreter lock the GUI thread needs. :class:`CameraWorker` is the
thread that follows it and says what it says, by queued signals:

* ``frame``: the newest frame, already scaled down in the camera's process,
  with the MRZ band's corners in its pixels while a recent reading placed it.
  Never queued deeper than one: the next is made once this one was delivered
  on the GUI thread, so a GUI that is busy skips frames.
* ``guidance``: what the camera sees, when it changes (a
  :class:`~borderdesk.desk.capture.Guidance` value: waiting, reading,
  hold-still, glare, read).
* ``state``: the device's state as a status code of
  :data:`borderdesk.ui.texts.DEVICE_STATE`, and the technical reason.
* ``document``: the :class:`~borderdesk.reader.reading.Reading` the frames
  agreed on. It is not checked here: the controller takes it through the
  desk's flow like any other reading, on the GUI thread, so a document never
  gets a verdict (or a hit log entry) while a HIT waits for its disposition.

:meth:`CameraWorker.request_stop` never waits: the camera's process ends
within a tenth of a second and one frame's OCR, releasing the device, and
the thread with it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

from ..desk.camera_process import CameraProcess, Down, Preview, SourceState
from ..desk.capture import Guidance, Reading, State
from ..desk.service import Desk

log = logging.getLogger(__name__)

STATE_CODE = {State.RUNNING: "ok", State.RECONNECTING: "reconnecting", State.FAILED: "error",
              State.STOPPED: "off", State.ENDED: "off"}


def preview_image(image) -> QImage:
    """A BGR, BGRA or grey frame (a numpy array) as a QImage of its own."""
    height, across = image.shape[:2]
    if image.ndim == 2:
        fmt = QImage.Format_Grayscale8
    elif image.shape[2] == 4:
        fmt = QImage.Format_ARGB32  # BGRA in memory, on the little-endian machines we run on
    else:
        fmt = QImage.Format_BGR888
    return QImage(image.data, across, height, image.strides[0], fmt).copy()


class CameraWorker(QThread):
    frame = Signal(QImage, object)  # the preview; the band's corners in its pixels, or None
    guidance = Signal(str)  # a Guidance value, when it changes
    state = Signal(str, str)  # a DEVICE_STATE code; the reason, for the log and a tooltip
    document = Signal(object)  # a Reading the frames agreed on

    def __init__(self, desk: Desk, engine=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("camera-worker")
        self.replay = bool(desk.config.camera.replay)
        # engine None: the desk's own ([camera] ocr_engine), loaded in the camera's process
        self.camera = CameraProcess(desk.config.camera, engine)
        self.frame.connect(self._preview_delivered)  # runs on the GUI thread

    # -- from the GUI thread ---------------------------------------------------------

    def request_stop(self) -> None:
        """End the thread soon; returns at once (the device is released by the process)."""
        self.camera.request_stop()

    @property
    def stopping(self) -> bool:
        return self.camera.stopping

    def forget(self) -> None:
        """Read the document in view afresh (see CameraCapture.forget)."""
        self.camera.forget()

    def _preview_delivered(self, *_) -> None:
        self.camera.preview_shown()

    # -- the thread ------------------------------------------------------------------

    def run(self) -> None:
        if self.camera.config.replay or self.camera.config.device:
            self.state.emit("waiting", "")
        try:
            for event in self.camera.events():
                self._say(event)
        except Exception as exc:  # a bug must not pass silently in a thread
            log.exception("camera: the camera worker failed")
            self.state.emit("error", f"the camera worker failed: {type(exc).__name__}")

    def _say(self, event) -> None:
        if isinstance(event, Preview):
            self.frame.emit(preview_image(event.image), event.band)
        elif isinstance(event, Guidance):
            self.guidance.emit(event.value)
        elif isinstance(event, Reading):
            self.document.emit(event)
        elif isinstance(event, SourceState):
            code = STATE_CODE[event.state]
            if code == "ok" and self.replay:
                code = "replay"
            self.state.emit(code, event.message)
        elif isinstance(event, Down):  # the camera's process has logged why
            self.state.emit(event.code, event.message)
