"""The camera's worker thread: preview frames to the screen, documents to the controller.

:class:`CameraWorker` runs the desk's whole camera path,
:class:`~borderdesk.desk.capture.CameraCapture` (the camera or a replay, the
gate, the OCR engine, the multi-frame agreement), in a thread of its own, so
the GUI thread never waits on a frame, the OCR or the device. It says four
things, by queued signals:

* ``frame``: the newest frame, scaled down to :data:`PREVIEW_WIDTH` and at
  most :data:`PREVIEW_FPS` a second, with the MRZ band's corners in its
  pixels while a recent reading placed it. Made on the grabber's thread as
  the frame arrives (so the preview stays smooth while the OCR works), and
  never queued deeper than one: a GUI that is busy skips frames.
* ``guidance``: what the camera sees, when it changes (a
  :class:`~borderdesk.desk.capture.Guidance` value: waiting, reading,
  hold-still, glare, read).
* ``state``: the device's state as a status code of
  :data:`borderdesk.ui.texts.DEVICE_STATE`, and the technical reason.
* ``document``: the :class:`~borderdesk.reader.reading.Reading` the frames
  agreed on. It is not checked here: the controller takes it through the
  desk's flow like any other reading, on the GUI thread, so a document never
  gets a verdict (or a hit log entry) while a HIT waits for its disposition.

:meth:`CameraWorker.request_stop` never waits: the thread ends within a
tenth of a second and one frame's OCR, and releases the device itself.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QThread, Qt, Signal
from PySide6.QtGui import QImage

from ..desk.capture import (CameraCapture, CameraError, Frame, Guidance, NoEngine, State, Step,
                            band_moved, default_engine)
from ..desk.service import Desk

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 640  # the preview's pixels across: about what the check screen shows
PREVIEW_FPS = 15.0
BAND_HOLD = 2.0  # seconds a band stays outlined when no frame is read meanwhile (a stalled OCR)

STATE_CODE = {State.RUNNING: "ok", State.RECONNECTING: "reconnecting", State.FAILED: "error",
              State.STOPPED: "off", State.ENDED: "off"}


def preview_image(image, width: int = PREVIEW_WIDTH) -> QImage:
    """A BGR, BGRA or grey frame (a numpy array) as a QImage of its own, at most ``width`` wide."""
    height, across = image.shape[:2]
    if image.ndim == 2:
        fmt = QImage.Format_Grayscale8
    elif image.shape[2] == 4:
        fmt = QImage.Format_ARGB32  # BGRA in memory, on the little-endian machines we run on
    else:
        fmt = QImage.Format_BGR888
    view = QImage(image.data, across, height, image.strides[0], fmt)
    if across > width:
        return view.scaledToWidth(width, Qt.SmoothTransformation)  # a copy
    return view.copy()


class CameraWorker(QThread):
    frame = Signal(QImage, object)  # the preview; the band's corners in its pixels, or None
    guidance = Signal(str)  # a Guidance value, when it changes
    state = Signal(str, str)  # a DEVICE_STATE code; the reason, for the log and a tooltip
    document = Signal(object)  # a Reading the frames agreed on

    def __init__(self, desk: Desk, engine=None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("camera-worker")
        self.desk = desk
        self.engine = engine  # None: the desk's own ([camera] ocr_engine), loaded in the thread
        self.replay = bool(desk.config.camera.replay)
        self._stopping = threading.Event()
        self._capture: CameraCapture | None = None
        self._guidance: Guidance | None = None
        self._band = None
        self._band_at = 0.0
        self._band_image = None  # the frame the band was found on
        self._last_preview = 0.0
        self._preview_queued = False
        self._shown = None  # the last preview: (QImage, its scale, the frame it shows)
        self._dirty = False  # the band changed while a preview was on its way
        self._preview_lock = threading.Lock()  # the grabber's thread and this one emit
        self.frame.connect(self._preview_delivered)  # runs first, on the GUI thread

    # -- from the GUI thread ---------------------------------------------------------

    def request_stop(self) -> None:
        """End the thread soon; returns at once (the device is released by the thread)."""
        self._stopping.set()
        capture = self._capture
        if capture is not None:
            capture.request_stop()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def forget(self) -> None:
        """Read the document in view afresh (see CameraCapture.forget)."""
        capture = self._capture
        if capture is not None:
            capture.forget()

    def _preview_delivered(self, *_) -> None:
        with self._preview_lock:
            self._preview_queued = False
            again = self._dirty
        if again:
            self._repaint()

    # -- the thread ------------------------------------------------------------------

    def run(self) -> None:
        config = self.desk.config.camera
        if not config.replay and not config.device:
            self.state.emit("off", "no camera is configured")
            return
        self.state.emit("waiting", "")
        try:
            engine = self.engine or default_engine(config.ocr_engine)
        except NoEngine as exc:
            log.warning("camera: %s", exc)
            self.state.emit("no-ocr", str(exc))
            return
        if self._stopping.is_set():
            return
        try:
            capture = CameraCapture.from_config(self.desk, engine, on_state=self._on_state,
                                                on_frame=self._on_frame)
            capture.start()
        except CameraError as exc:
            log.warning("camera: %s", exc)
            self.state.emit("error", str(exc))
            return
        self._capture = capture
        if self._stopping.is_set():
            capture.request_stop()
        try:
            for stable in capture.readings(on_step=self._on_step):
                self.document.emit(stable.reading)
        except CameraError as exc:
            log.warning("camera: %s", exc)
            self.state.emit("error", str(exc))
        except Exception as exc:  # an engine's bug must not pass silently in a thread
            log.exception("camera: the camera worker failed")
            self.state.emit("error", f"the camera worker failed: {type(exc).__name__}")
        finally:
            self._capture = None
            capture.stop()

    def _on_state(self, state: State, message: str) -> None:
        """The source's state (from its grabber thread, or this one)."""
        code = STATE_CODE[state]
        if code == "ok" and self.replay:
            code = "replay"
        self.state.emit(code, message)

    def _on_step(self, step: Step) -> None:
        guidance = self._capture.guidance(step) if self._capture is not None else None
        if guidance is None:  # a throttled frame: nothing new
            return
        if guidance is not self._guidance:
            self._guidance = guidance
            self.guidance.emit(guidance.value)
        # The band where this frame showed it; kept while the document is only blurred
        # or glared; gone as soon as a frame read shows none (the document moved away).
        band = self._band
        if step.reading is not None and step.reading.band:
            band = step.reading.band
            self._band_image = self._capture.last_frame.image
        elif guidance not in (Guidance.HOLD_STILL, Guidance.GLARE):
            band = None
        changed = band != self._band
        self._band, self._band_at = band, time.monotonic()
        if changed:
            self._repaint()

    def _band_on(self, frame, scale: float, now: float):
        """The band to outline on ``frame`` (in the preview's pixels), or None."""
        band, found_on = self._band, self._band_image
        if not band or now - self._band_at > BAND_HOLD:
            return None
        if found_on is not None and found_on is not frame and band_moved(found_on, frame, band):
            return None  # the document moved or went since its band was found
        return tuple((x * scale, y * scale) for x, y in band)

    def _repaint(self) -> None:
        """The last preview again, with the band as the newest frame read shows it."""
        with self._preview_lock:
            if self._shown is None:
                return
            if self._preview_queued:
                self._dirty = True  # once the one on its way is shown
                return
            self._dirty = False
            image, scale, frame = self._shown
            self._preview_queued = True
        self.frame.emit(image, self._band_on(frame, scale, time.monotonic()))

    def _on_frame(self, frame: Frame) -> None:
        """Every frame, on the grabber's thread: the preview, throttled and never queued deep."""
        now = time.monotonic()
        if self._preview_queued or now - self._last_preview < 1.0 / PREVIEW_FPS:
            return
        self._last_preview = now
        image = preview_image(frame.image)
        scale = image.width() / frame.image.shape[1]
        band = self._band_on(frame.image, scale, now)
        with self._preview_lock:
            self._shown = (image, scale, frame.image)
            self._preview_queued = True
            self._dirty = False
        self.frame.emit(image, band)
