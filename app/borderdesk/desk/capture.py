"""Reading documents at the desk: camera and scanners to verdicts, without Qt.

Three ways in, one way out (:class:`Captured`: the reading, and the desk's
verdict on it):

* :class:`CameraCapture`: frames from the camera (or a replay) through the
  OCR engine and the multi-frame agreement to one verdict per document;
* :class:`SerialCapture`: a scanner on a serial port;
* :class:`WedgeCapture`: keystrokes from a keyboard-wedge scanner, told apart
  from the officer's own typing.

The OCR engine is :func:`default_engine` (``[camera] ocr_engine``, by default
``borderdesk.reader.read_frame``); a desk without it (or its model) raises
:class:`NoEngine`, and its faces say the camera
cannot read (the scanners and manual entry still work).

How they are driven (the camera's loop in a process of its own,
:mod:`.camera_process`, which the UI's camera worker follows; the serial port
in a worker thread; the wedge sorts keystrokes on the GUI thread, and its
readings are checked in a worker, since a check reads the lists from disk)::

    capture = CameraCapture.from_config(desk, engine, on_state=..., on_frame=...)
    capture.start()                          # NoCameraFound, ReplayError
    for stable in capture.readings(on_step=...):  # ends on request_stop()
        emit(stable.reading)                 # checked where the face keeps its flow
    capture.request_stop()                   # from any thread: never waits
    capture.stop()                           # where readings() ran, once it ended

``results()`` is the same loop with the check done in place (one
:class:`Captured` per document), for a face without a flow of its own.

    wedge = WedgeCapture.from_config(desk)
    out = wedge.key(event.text(), seconds)   # in the key event filter
    out.readings ... ; out.typed             # documents; keys to hand back to the field
    wedge.tick(seconds)                      # from a 50 ms timer
    captured = check_reading(desk, reading)  # in a worker, for each reading
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

import numpy as np

from ..reader.agreement import (Agreement, Engine, FrameGate, MultiFrameReader, StableRead, Step,
                                band_roi)
from ..reader.camera import (CameraError, CameraSource, Frame, FrameCallback, FrameSource,
                             NoCameraFound, ReplayError, ReplaySource, SourceClosed, State,
                             StateCallback)
from ..reader.reading import Reading
from ..reader.scanner import (PortNotFound, PortState, ScannerError, SerialScanner,
                              WedgeDecoder, WedgeOutput)
from .config import CameraSection, ScannerSection
from .documents import NotAnMRZ

if TYPE_CHECKING:  # the camera's own process imports this module, and has no desk
    from .service import Desk
    from .verdict import Verdict

__all__ = [
    "CameraCapture", "CameraError", "Captured", "Frame", "Guidance", "NoCameraFound", "NoEngine",
    "PortNotFound", "PortState", "Reading", "ReplayError", "ScannerError", "SerialCapture",
    "StableRead", "State", "Step", "WedgeCapture", "WedgeOutput", "check_reading",
    "band_moved", "default_engine",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Captured:
    """One document read and checked."""

    reading: Reading
    verdict: Verdict | None  # None when the text is not an MRZ after all (see ``problem``)
    problem: str = ""
    frames_seen: int = 1  # camera: frames from the document's first reading to the verdict
    seconds: float = 0.0  # camera: time from the document's first reading to the verdict


def check_reading(desk: Desk, reading: Reading, **extra) -> Captured:
    """The desk's verdict on a reader's reading (never raises for text that is no MRZ)."""
    try:
        verdict = desk.check(reading.text, source=reading.source)
    except NotAnMRZ as exc:
        log.warning("a %s reading is not an MRZ: %s", reading.source, type(exc).__name__)
        return Captured(reading, None, exc.message, **extra)
    return Captured(reading, verdict, **extra)


# -- camera -----------------------------------------------------------------------

class NoEngine(CameraError):
    """No OCR engine is installed: the camera cannot read documents on this desk."""


def default_engine(name: str = "borderdesk") -> Engine:
    """The OCR engine called ``name`` (``[camera] ocr_engine``); :class:`NoEngine` without it.

    Loaded when asked for (the engine loads its model), so call it where the
    camera reads (its own process, :mod:`.camera_process`), not where the desk starts.
    """
    try:
        from ..reader import ocr
        from ..reader.classifier import ModelError
        from .scanning import load_engine
    except ImportError as exc:
        raise NoEngine(f"no OCR engine is installed ({exc}); "
                       "the camera cannot read documents") from exc
    try:
        return load_engine(name)
    except (ocr.EngineError, ModelError) as exc:
        raise NoEngine(f"the OCR engine cannot run: {exc}") from exc


def band_moved(before: np.ndarray, after: np.ndarray, band, threshold: float = 24.0) -> bool:
    """Whether the place of ``band`` (found in the frame ``before``) looks different in ``after``.

    For a preview that outlines the band found by the OCR of an earlier frame:
    once the document has moved or gone, the outline must not stay on the
    picture. A sparse sample of the band's box, compared pixel to pixel (mean
    absolute difference over ``threshold`` grey levels of 255); sensor noise is
    a few levels.
    """
    roi = band_roi(band, before.shape)
    if roi is None or before.shape != after.shape:
        return True
    x, y, w, h = roi
    step = max(1, w // 96)
    a = before[y:y + h:step, x:x + w:step].astype(np.int16)
    b = after[y:y + h:step, x:x + w:step].astype(np.int16)
    return float(np.abs(a - b).mean()) > threshold


class Guidance(StrEnum):
    """What the camera has to say to the officer about the document in view."""

    WAITING = "waiting"  # no MRZ in view
    READING = "reading"  # an MRZ in view; the frames are being agreed on
    HOLD_STILL = "hold-still"  # the MRZ was seen, but the frames are blurred (moving)
    GLARE = "glare"  # the MRZ was seen, but glare washes part of it out
    READ = "read"  # the document in view has been read



def frame_source(config: CameraSection, *, on_state: StateCallback | None = None,
                 on_frame: FrameCallback | None = None) -> FrameSource:
    """The replay if one is configured, else the camera."""
    if config.replay:
        return ReplaySource(config.replay, fps=config.replay_fps, realtime=config.replay_realtime,
                            loop=config.replay_loop, on_state=on_state, on_frame=on_frame)
    if not config.device:
        raise NoCameraFound("no camera is configured ([camera] device is empty)")
    return CameraSource(config.device, width=config.width, height=config.height,
                        fourcc=config.fourcc, max_fps=config.fps,
                        max_backoff=config.reconnect_max_seconds,
                        on_state=on_state, on_frame=on_frame)


def frame_reader(engine: Engine, config: CameraSection) -> MultiFrameReader:
    """The gate and the agreement set as configured, around ``engine``."""
    gate = FrameGate(min_interval=config.scan_interval_ms / 1000,
                     min_sharpness=config.min_sharpness,
                     min_frame_sharpness=config.min_frame_sharpness, max_glare=config.max_glare)
    agreement = Agreement(min_frames=config.min_frames, min_margin=config.min_margin,
                          min_unverified_confidence=config.min_unverified_confidence,
                          window=config.window, absent_seconds=config.absent_seconds)
    return MultiFrameReader(engine, gate, agreement)


class CameraCapture:
    """Camera frames to one verdict per document.

    ``engine`` is the OCR: a function from a frame (a BGR or grey numpy
    array) to a :class:`~borderdesk.reader.reading.Reading` or None. ``desk``
    checks what :meth:`process` and :meth:`results` return; None where only
    :meth:`readings` is used (the camera's own process, :mod:`.camera_process`).
    """

    def __init__(self, desk: Desk | None, source: FrameSource, reader: MultiFrameReader) -> None:
        self.desk = desk
        self.source = source
        self.reader = reader
        self._stopping = threading.Event()
        self._forget = threading.Event()
        self.last_frame: Frame | None = None  # the frame being read (or last read)

    @classmethod
    def from_config(cls, desk: Desk, engine: Engine, *, on_state: StateCallback | None = None,
                    on_frame: FrameCallback | None = None) -> CameraCapture:
        config = desk.config.camera
        return cls(desk, frame_source(config, on_state=on_state, on_frame=on_frame),
                   frame_reader(engine, config))

    def start(self) -> None:
        self._stopping.clear()
        self.reader.reset()
        self.source.start()

    def request_stop(self) -> None:
        """Ask :meth:`readings` to end (within ``timeout`` and one frame's OCR); never waits.

        Safe from any thread; the worker then calls :meth:`stop`, which waits
        for the grabber and releases the device, off the GUI thread.
        """
        self._stopping.set()

    def stop(self) -> None:
        self._stopping.set()
        self.source.stop()

    def forget(self) -> None:
        """Read the document in view afresh, though it was reported (from any thread).

        For a face that could not take the reading when it came (a HIT
        waiting for its disposition): once it can, the document still under
        the camera is read again instead of waiting to be lifted and laid down.
        """
        self._forget.set()

    def guidance(self, step: Step) -> Guidance | None:
        """What ``step`` tells the officer; None when it says nothing new (a throttled frame)."""
        if step.gate.reason == "throttled":
            return None
        state = self.reader.agreement.state
        if state == "idle":
            return Guidance.WAITING
        if state == "done":
            return Guidance.READ
        return {"blurred": Guidance.HOLD_STILL, "glare": Guidance.GLARE}.get(
            step.gate.reason, Guidance.READING)

    def process(self, frame: Frame) -> tuple[Step, Captured | None]:
        """One frame through the reader; the verdict when a document became stable."""
        step = self.reader.process(frame.image, frame.timestamp)
        if step.stable is None:
            return step, None
        stable = step.stable
        return step, check_reading(self.desk, stable.reading, frames_seen=stable.frames_seen,
                            seconds=stable.seconds)

    def readings(self, on_step: Callable[[Step], None] | None = None,
                 timeout: float = 0.1) -> Iterator[StableRead]:
        """Each document's agreed reading, unchecked, until the source stops or ends or
        :meth:`request_stop`; a camera failure raises.

        ``on_step`` sees every frame's fate (read, blurred, glare, throttled),
        for the officer's guidance (:meth:`guidance`). A stop is noticed
        within ``timeout`` seconds while no frame comes.
        """
        while not self._stopping.is_set():
            try:
                frame = self.source.read(timeout)
            except SourceClosed:
                return
            if frame is None:
                continue
            if self._forget.is_set():
                self._forget.clear()
                self.reader.reset()
            self.last_frame = frame
            step = self.reader.process(frame.image, frame.timestamp)
            if on_step is not None:
                on_step(step)
            if step.stable is not None:
                yield step.stable

    def results(self, on_step: Callable[[Step], None] | None = None,
                timeout: float = 0.5) -> Iterator[Captured]:
        """Each document, checked, until the source stops or ends; a camera failure raises."""
        for stable in self.readings(on_step, timeout):
            yield check_reading(self.desk, stable.reading, frames_seen=stable.frames_seen,
                                seconds=stable.seconds)


# -- scanners ---------------------------------------------------------------------

def serial_scanner(config: ScannerSection, *,
                   on_state: Callable[[PortState, str], None] | None = None) -> SerialScanner:
    if not config.serial_port:
        raise PortNotFound("no serial scanner is configured ([scanner] serial_port is empty)")
    return SerialScanner(config.serial_port, baudrate=config.baudrate, bytesize=config.bytesize,
                         parity=config.parity, stopbits=config.stopbits,
                         idle=config.idle_ms / 1000, prefix=config.prefix,
                         suffix=config.suffix, on_state=on_state)


class SerialCapture:
    """A serial scanner's documents, checked."""

    def __init__(self, desk: Desk, scanner: SerialScanner) -> None:
        self.desk = desk
        self.scanner = scanner

    @classmethod
    def from_config(cls, desk: Desk, *,
                    on_state: Callable[[PortState, str], None] | None = None) -> SerialCapture:
        return cls(desk, serial_scanner(desk.config.scanner, on_state=on_state))

    def start(self) -> None:
        self.scanner.open()

    def stop(self) -> None:
        self.scanner.close()

    def readings(self, timeout: float = 0.2) -> Iterator[Reading]:
        """Each document read, unchecked, until :meth:`stop` (from any thread)."""
        return self.scanner.readings(timeout)

    def results(self, timeout: float = 0.5) -> Iterator[Captured]:
        for reading in self.readings(timeout):
            yield check_reading(self.desk, reading)


class WedgeCapture:
    """Keystrokes in; a wedge scanner's documents and the officer's own typing out.

    Sorting keystrokes is cheap and belongs with the key events; the readings
    it returns go to :func:`check_reading` in a worker.
    """

    def __init__(self, decoder: WedgeDecoder) -> None:
        self.decoder = decoder

    @classmethod
    def from_config(cls, desk: Desk) -> WedgeCapture:
        c = desk.config.scanner
        return cls(WedgeDecoder(max_gap=c.wedge_max_gap_ms / 1000,
                                max_median_gap=c.wedge_max_median_gap_ms / 1000,
                                min_chars=c.wedge_min_chars))

    def key(self, text: str, timestamp: float) -> WedgeOutput:
        """One keystroke (``"\\r"`` for Enter) at ``timestamp`` seconds."""
        return self.decoder.key(text, timestamp)

    def tick(self, now: float) -> WedgeOutput:
        """Call every few tens of milliseconds: ends a burst, hands back held typing."""
        return self.decoder.tick(now)
