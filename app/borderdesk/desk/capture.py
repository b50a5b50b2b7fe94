"""Reading documents at the desk: camera and scanners to verdicts, without Qt.

Three ways in, one way out (:class:`Captured`: the reading, and the desk's
verdict on it):

* :class:`CameraCapture`: frames from the camera (or a replay) through the
  OCR engine and the multi-frame agreement to one verdict per document;
* :class:`SerialCapture`: a scanner on a serial port;
* :class:`WedgeCapture`: keystrokes from a keyboard-wedge scanner, told apart
  from the officer's own typing.

How the UI drives them (a worker thread each for the camera and the serial
port; the wedge sorts keystrokes on the GUI thread, and its readings are
checked in a worker, since a check reads the lists from disk)::

    capture = CameraCapture.from_config(desk, engine, on_state=..., on_frame=...)
    capture.start()                          # NoCameraFound, ReplayError
    for captured in capture.results():       # in the worker; ends on stop()
        emit(captured)                       # captured.verdict, captured.frames_seen
    capture.stop()                           # from the GUI thread

    wedge = WedgeCapture.from_config(desk)
    out = wedge.key(event.text(), seconds)   # in the key event filter
    out.readings ... ; out.typed             # documents; keys to hand back to the field
    wedge.tick(seconds)                      # from a 50 ms timer
    captured = check_reading(desk, reading)  # in a worker, for each reading
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..reader.agreement import Agreement, Engine, FrameGate, MultiFrameReader, Step
from ..reader.camera import (CameraError, CameraSource, Frame, FrameCallback, FrameSource,
                             NoCameraFound, ReplayError, ReplaySource, State, StateCallback)
from ..reader.reading import Reading
from ..reader.scanner import (PortNotFound, PortState, ScannerError, SerialScanner,
                              WedgeDecoder, WedgeOutput)
from .config import CameraSection, ScannerSection
from .documents import NotAnMRZ
from .service import Desk
from .verdict import Verdict

__all__ = [
    "CameraCapture", "CameraError", "Captured", "Frame", "NoCameraFound", "PortNotFound",
    "PortState", "ReplayError", "ScannerError", "SerialCapture", "State", "Step",
    "WedgeCapture", "WedgeOutput", "check_reading",
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
    array) to a :class:`~borderdesk.reader.reading.Reading` or None.
    """

    def __init__(self, desk: Desk, source: FrameSource, reader: MultiFrameReader) -> None:
        self.desk = desk
        self.source = source
        self.reader = reader

    @classmethod
    def from_config(cls, desk: Desk, engine: Engine, *, on_state: StateCallback | None = None,
                    on_frame: FrameCallback | None = None) -> CameraCapture:
        config = desk.config.camera
        return cls(desk, frame_source(config, on_state=on_state, on_frame=on_frame),
                   frame_reader(engine, config))

    def start(self) -> None:
        self.reader.reset()
        self.source.start()

    def stop(self) -> None:
        self.source.stop()

    def process(self, frame: Frame) -> tuple[Step, Captured | None]:
        """One frame through the reader; the verdict when a document became stable."""
        step = self.reader.process(frame.image, frame.timestamp)
        if step.stable is None:
            return step, None
        stable = step.stable
        return step, check_reading(self.desk, stable.reading, frames_seen=stable.frames_seen,
                            seconds=stable.seconds)

    def results(self, on_step: Callable[[Step], None] | None = None,
                timeout: float = 0.5) -> Iterator[Captured]:
        """Each document, checked, until the source stops or ends; a camera failure raises.

        ``on_step`` sees every frame's fate (read, blurred, glare, throttled),
        for the officer's guidance ("hold still").
        """
        for frame in self.source.frames(timeout):
            step, captured = self.process(frame)
            if on_step is not None:
                on_step(step)
            if captured is not None:
                yield captured


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

    def results(self, timeout: float = 0.5) -> Iterator[Captured]:
        for reading in self.scanner.readings(timeout):
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
