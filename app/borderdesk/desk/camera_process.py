"""The camera's whole reading path in a process of its own, so the desk's never waits on it.

The camera (or its replay), the frame gate, the OCR engine and the
multi-frame agreement (:class:`~borderdesk.desk.capture.CameraCapture`) run in
a child process. In a thread of the desk's own process they would share its
interpreter lock with the screens: much of an OCR's work is Python, and every
slice of it held the lock the event loop needed. Only what the screens show
crosses back:

* :class:`Preview`: the newest frame, scaled down in the child to fit
  :data:`PREVIEW_BOX` at most :data:`PREVIEW_FPS` a second, with the MRZ band's
  corners in its pixels while a recent reading placed it. The picture itself
  comes through shared memory (one buffer; the pipe carries its shape only),
  and the next is not made until the face says this one was shown
  (:meth:`CameraProcess.preview_shown`): a busy face skips frames, it never
  queues them.
* :class:`~borderdesk.desk.capture.Guidance`: what the camera sees, when it changes.
* :class:`SourceState`: the device's state (running, reconnecting ...).
* :class:`~borderdesk.reader.reading.Reading`: a document the frames agreed on,
  unchecked (the face checks it through its flow, like any other reading).
* :class:`Down`: the camera cannot run (no camera configured, no OCR engine, a
  device or engine failure); :meth:`CameraProcess.events` ends after it.

The child is started with the ``spawn`` method (never ``fork``: the parent has
Qt's threads), runs :data:`CHILD_NICE` steps nicer than the desk (on a busy
machine the CPU goes to the screens first), is restarted after a back-off if
it dies (killed, crashed), and ends by itself when the parent goes away (its
pipe closes). Its log records go to the parent's log. How a face drives it::

    camera = CameraProcess(config.camera)        # engine: None for the desk's own
    for event in camera.events():                # in a worker thread; ends after
        ...                                      # request_stop(), or on Down
    camera.request_stop()                        # any thread: never waits
    camera.forget()                              # any thread: read the document afresh
    camera.preview_shown()                       # any thread: the last Preview was shown

A stop ends the child within a tenth of a second and one frame's OCR; one
that does not end within :data:`STOP_SECONDS` is terminated, then killed.
The engine handed in (a test's double, a benchmark's stand-in) must be picklable:
a function or an object of a module the child can import.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from ..reader.agreement import Engine, Step
from ..reader.camera import CameraError, Frame, State
from ..reader.reading import Reading
from .capture import (CameraCapture, Guidance, NoEngine, band_moved, default_engine, frame_reader,
                      frame_source)
from .config import CameraSection

__all__ = ["CameraProcess", "Down", "Preview", "SourceState", "PREVIEW_BOX", "PREVIEW_FPS"]

log = logging.getLogger(__name__)

PREVIEW_BOX = (640, 640)  # the preview fits in this (width, height): what the check screen shows
PREVIEW_FPS = 15.0
PREVIEW_BYTES = PREVIEW_BOX[0] * PREVIEW_BOX[1] * 4
BAND_HOLD = 2.0  # seconds a band stays outlined when no frame is read meanwhile (a stalled OCR)
STOP_SECONDS = 2.0  # a child not gone this long after a stop is terminated
RESTART_SECONDS = 0.5  # the first wait before a child that died is started again; doubles
# The child's niceness over the desk's: on a busy machine the CPU goes to the screens first and
# the OCR takes what is left (tests/bench/bench_event_loop.py).
CHILD_NICE = 10


@dataclass(frozen=True, slots=True)
class Preview:
    """A frame to show: BGR (or grey), owned by the receiver; the band in its pixels or None."""

    image: np.ndarray
    band: tuple[tuple[float, float], ...] | None


@dataclass(frozen=True, slots=True)
class SourceState:
    state: State
    message: str


@dataclass(frozen=True, slots=True)
class Down:
    """The camera cannot read: ``code`` is ``off`` (none configured), ``no-ocr`` or ``error``."""

    code: str
    message: str


Event = Preview | Guidance | SourceState | Reading | Down


def preview_size(shape: tuple[int, ...]) -> tuple[int, int]:
    """(width, height) of a frame of ``shape`` scaled down (never up) to fit :data:`PREVIEW_BOX`."""
    height, width = shape[:2]
    scale = min(1.0, PREVIEW_BOX[0] / width, PREVIEW_BOX[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


# -- the parent's side ------------------------------------------------------------

class CameraProcess:
    """The camera's reading in a child process; its events in the parent (see the module)."""

    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt

    def __init__(self, config: CameraSection, engine: Engine | None = None) -> None:
        self.config = config
        self.engine = engine  # None: the desk's own ([camera] ocr_engine), loaded in the child
        self._context = self.context
        self._buffer = None  # the preview's shared memory, made with the first child
        self._stopping = threading.Event()
        self._send_lock = threading.Lock()
        self._conn = None
        self.process = None  # the running child (a multiprocessing Process), for the curious

    # -- any thread ----------------------------------------------------------------

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def request_stop(self) -> None:
        """End the child and :meth:`events` soon; returns at once."""
        self._stopping.set()
        self._send("stop")

    def forget(self) -> None:
        """Read the document in view afresh, though it was reported (CameraCapture.forget)."""
        self._send("forget")

    def preview_shown(self) -> None:
        """The last :class:`Preview` was shown: the child may make the next."""
        self._send("shown")

    def _send(self, command: str) -> None:
        with self._send_lock:
            if self._conn is not None:
                try:
                    self._conn.send(command)
                except (OSError, ValueError):  # the child is gone: its end is being seen to
                    pass

    # -- the worker thread ---------------------------------------------------------

    def events(self) -> Iterator[Event]:
        """What the camera says, until :meth:`request_stop` or a :class:`Down`.

        Starts the child; a child that dies without a word is started again
        (after ``RESTART_SECONDS``, doubling up to ``[camera] reconnect_max_seconds``),
        the device's state saying RECONNECTING meanwhile.
        """
        if not self.config.replay and not self.config.device:
            yield Down("off", "no camera is configured")
            return
        if self._buffer is None:
            self._buffer = self._context.RawArray(ctypes.c_uint8, PREVIEW_BYTES)
        delay = RESTART_SECONDS
        while not self._stopping.is_set():
            outcome = yield from self._run_child()
            if outcome != "died" or self._stopping.is_set():
                return
            yield SourceState(State.RECONNECTING, f"the camera's reader stopped "
                                                  f"({self._exit_words()}); starting it again")
            if self._stopping.wait(delay):
                return
            delay = min(delay * 2, max(RESTART_SECONDS, self.config.reconnect_max_seconds))

    def _exit_words(self) -> str:
        code = self.process.exitcode if self.process is not None else None
        if code is not None and code < 0:
            try:
                return f"signal {signal.Signals(-code).name}"
            except ValueError:
                return f"signal {-code}"
        return f"exit code {code}"

    def _run_child(self) -> Iterator[Event]:
        """One child, from its start to its end; returns ``ended`` (it said so) or ``died``."""
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_child_main, name="borderdesk-camera", daemon=True,
            args=(child_end, self.config, self.engine, self._buffer, CHILD_NICE))
        process.start()
        child_end.close()
        with self._send_lock:
            self._conn, self.process = parent_end, process
        if self._stopping.is_set():  # asked before the pipe was there to say it
            self._send("stop")
        outcome = "died"
        stop_deadline = None
        try:
            while True:
                if self._stopping.is_set():
                    stop_deadline = stop_deadline or time.monotonic() + STOP_SECONDS
                    if time.monotonic() > stop_deadline:
                        break
                try:
                    if not parent_end.poll(0.1):
                        continue
                    message = parent_end.recv()
                except (EOFError, OSError):  # the child has gone
                    break
                kind = message[0]
                if kind == "event":
                    yield message[1]
                elif kind == "preview":
                    (shape, band) = message[1:]
                    image = np.frombuffer(self._buffer, np.uint8, int(np.prod(shape)))
                    yield Preview(image.reshape(shape).copy(), band)
                elif kind == "log":
                    logging.getLogger(message[1]).log(message[2], "%s", message[3])
                elif kind == "down":
                    outcome = "ended"
                    yield Down(message[1], message[2])
                elif kind == "ended":
                    outcome = "ended"
        finally:
            with self._send_lock:
                self._conn = None
                parent_end.close()
            _end(process, STOP_SECONDS if stop_deadline is None
                 else stop_deadline - time.monotonic())
        return outcome


def _end(process, grace: float) -> None:
    """Wait ``grace`` seconds for the child to exit; terminate it, then kill it, if it will not."""
    process.join(max(0.0, grace))
    if process.is_alive():
        log.warning("camera: the reader process did not end in time; terminating it")
        process.terminate()
        process.join(1.0)
    if process.is_alive():
        process.kill()
        process.join(1.0)


# -- the child's side -------------------------------------------------------------

class _Link:
    """The child's end of the pipe, shared by its threads."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.lock = threading.Lock()
        self.closed = False

    def send(self, *message) -> None:
        with self.lock:
            if self.closed:
                return
            try:
                self.conn.send(message)
            except (OSError, ValueError):  # the parent has gone: the child is ending anyway
                self.closed = True


class _PipeLog(logging.Handler):
    """The child's log records, to the parent's log (one desk log, written by one process)."""

    def __init__(self, link: _Link) -> None:
        super().__init__(logging.INFO)
        self.link = link

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.link.send("log", record.name, record.levelno, self.format(record))
        except Exception:  # noqa: BLE001 (logging must never raise)
            self.handleError(record)


def _child_main(conn, config: CameraSection, engine: Engine | None, buffer, nice: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is the parent's to act on
    if nice:  # before any thread starts: on Linux a thread's priority is its own
        os.nice(nice)
    link = _Link(conn)
    root = logging.getLogger()
    root.handlers[:] = [_PipeLog(link)]
    root.setLevel(logging.INFO)
    _Reader(link, config, engine, buffer).run()


class _Reader:
    """In the child: the camera through CameraCapture; previews, guidance and readings out."""

    def __init__(self, link: _Link, config: CameraSection, engine: Engine | None,
                 buffer) -> None:
        self.link = link
        self.config = config
        self.engine = engine
        self.buffer = np.frombuffer(buffer, np.uint8)
        self.stopping = threading.Event()
        self.capture: CameraCapture | None = None
        self.guidance: Guidance | None = None
        self.band = None
        self.band_at = 0.0
        self.band_image = None  # the frame the band was found on
        self.lock = threading.Lock()  # the grabber's thread and the main one make previews
        self.last_preview = 0.0
        self.in_flight = False  # a preview sent and not yet shown: the buffer is the parent's
        self.dirty = False  # the band changed while a preview was in flight
        self.shown = None  # the preview in the buffer: (its shape, its scale, the frame)

    def run(self) -> None:
        threading.Thread(target=self._commands, name="camera-commands", daemon=True).start()
        try:
            engine = self.engine or default_engine(self.config.ocr_engine)
        except NoEngine as exc:
            log.warning("camera: %s", exc)
            self.link.send("down", "no-ocr", str(exc))
            return
        if self.stopping.is_set():
            self.link.send("ended")
            return
        try:
            capture = CameraCapture(None, frame_source(self.config, on_state=self._on_state,
                                                       on_frame=self._on_frame),
                                    frame_reader(engine, self.config))
            capture.start()
        except CameraError as exc:
            log.warning("camera: %s", exc)
            self.link.send("down", "error", str(exc))
            return
        self.capture = capture
        if self.stopping.is_set():
            capture.request_stop()
        try:
            for stable in capture.readings(on_step=self._on_step):
                self.link.send("event", stable.reading)
        except CameraError as exc:
            log.warning("camera: %s", exc)
            self.link.send("down", "error", str(exc))
            return
        except Exception as exc:  # an engine's bug must not pass silently
            log.exception("camera: the camera's reader failed")
            self.link.send("down", "error", f"the camera's reader failed: {type(exc).__name__}")
            return
        finally:
            capture.stop()
        self.link.send("ended")

    def _commands(self) -> None:
        """The parent's commands; its going away (the pipe closed) is a stop."""
        while True:
            try:
                command = self.link.conn.recv()
            except (EOFError, OSError):
                command = "stop"
            if command == "stop":
                self.stopping.set()
                if self.capture is not None:
                    self.capture.request_stop()
                return
            if command == "forget" and self.capture is not None:
                self.capture.forget()
            elif command == "shown":
                with self.lock:
                    self.in_flight = False
                    again = self.dirty
                if again:
                    self._repaint()

    def _on_state(self, state: State, message: str) -> None:
        self.link.send("event", SourceState(state, message))

    def _on_step(self, step: Step) -> None:
        guidance = self.capture.guidance(step)
        if guidance is None:  # a throttled frame: nothing new
            return
        if guidance is not self.guidance:
            self.guidance = guidance
            self.link.send("event", guidance)
        # The band where this frame showed it; kept while the document is only blurred
        # or glared; gone as soon as a frame read shows none (the document moved away).
        band = self.band
        if step.reading is not None and step.reading.band:
            band = step.reading.band
            self.band_image = self.capture.last_frame.image
        elif guidance not in (Guidance.HOLD_STILL, Guidance.GLARE):
            band = None
        changed = band != self.band
        self.band, self.band_at = band, time.monotonic()
        if changed:
            self._repaint()

    def _band_on(self, frame: np.ndarray, scale: float, now: float):
        """The band to outline on ``frame`` (in the preview's pixels), or None."""
        band, found_on = self.band, self.band_image
        if not band or now - self.band_at > BAND_HOLD:
            return None
        if found_on is not None and found_on is not frame and band_moved(found_on, frame, band):
            return None  # the document moved or went since its band was found
        return tuple((x * scale, y * scale) for x, y in band)

    def _repaint(self) -> None:
        """The preview in the buffer again, with the band as the newest frame read shows it."""
        with self.lock:
            if self.shown is None:
                return
            if self.in_flight:
                self.dirty = True  # once the one in flight is shown
                return
            self.dirty = False
            self.in_flight = True
            shape, scale, frame = self.shown
        self.link.send("preview", shape, self._band_on(frame, scale, time.monotonic()))

    def _on_frame(self, frame: Frame) -> None:
        """Every frame, on the grabber's thread: the preview, throttled, one in flight."""
        now = time.monotonic()
        with self.lock:
            if self.in_flight or now - self.last_preview < 1.0 / PREVIEW_FPS:
                return
            self.last_preview = now
            self.in_flight = True
            self.dirty = False
        image = frame.image
        width, height = preview_size(image.shape)
        shape = (height, width) + image.shape[2:]
        target = self.buffer[:int(np.prod(shape))].reshape(shape)
        if (width, height) == (image.shape[1], image.shape[0]):
            np.copyto(target, image)
        else:
            cv2.resize(image, (width, height), dst=target, interpolation=cv2.INTER_AREA)
        scale = width / image.shape[1]
        with self.lock:
            self.shown = (shape, scale, image)
        self.link.send("preview", shape, self._band_on(image, scale, now))
