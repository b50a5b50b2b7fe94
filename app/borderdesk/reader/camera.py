"""Frame sources: a camera through OpenCV's ``VideoCapture``, or a replay of recorded frames.

A source runs its own grabber thread and keeps only the newest frame, the way
a camera behaves: a consumer that is slower than the camera (OCR takes tens
of milliseconds) always gets a fresh frame, never a queue of stale ones, and
the frames it did not take are counted as dropped. Each frame is copied out of
OpenCV's buffers as it is grabbed, so nothing the capture owns is held.

How a face drives a source (no Qt here; the UI wraps this in a worker)::

    source = CameraSource(0, width=1280, height=720,
                          on_state=status_cb,    # from the grabber thread
                          on_frame=preview_cb)   # every frame, for the preview
    source.start()                       # raises NoCameraFound at once
    for frame in source.frames():        # in the recognition worker
        ...                              # frame.image is BGR, owned by you
    # from any thread, e.g. the GUI's:
    source.stop()                        # frames() ends, the device is released

``read(timeout)`` is the pull form: the next new frame, or None when none came
within ``timeout`` (the camera is reconnecting, say); it raises
:class:`SourceClosed` once the source is stopped or a replay has ended, and
the source's error when it failed. ``on_state`` and ``on_frame`` are called
on the grabber thread and must return quickly (emit a signal, set a flag).

A camera that stops delivering (unplugged, driver reset) is released and
reopened with a growing back-off, its state going RUNNING -> RECONNECTING ->
RUNNING; nothing is lost but the frames of the gap.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm")


class CameraError(RuntimeError):
    """Top of the family: a frame source cannot give frames."""


class NoCameraFound(CameraError):
    """The camera (device index, device path or URL) cannot be opened."""


class ReplayError(CameraError):
    """A replay folder or video file is missing, empty or unreadable."""


class SourceClosed(CameraError):
    """The source was stopped, or a replay came to its end: no more frames will come."""


class State(enum.Enum):
    """What a source is doing; the UI shows it (RECONNECTING: "camera disconnected")."""

    STOPPED = "stopped"  # not started, or stopped
    RUNNING = "running"
    RECONNECTING = "reconnecting"  # the camera stopped delivering; trying to reopen it
    ENDED = "ended"  # a replay that does not loop played its last frame
    FAILED = "failed"  # gave up; read() raises the error


@dataclass(frozen=True, slots=True)
class Frame:
    """One frame: a BGR (or grey) image the receiver owns, numbered and timed.

    ``index`` counts every frame the source produced, so a gap between two
    frames read is the number dropped; ``timestamp`` is ``time.monotonic()``
    when it was grabbed.
    """

    image: np.ndarray
    index: int
    timestamp: float


@dataclass(frozen=True, slots=True)
class Stats:
    frames: int  # produced
    dropped: int  # produced but replaced by a newer one before anyone read them
    reconnects: int


StateCallback = Callable[[State, str], None]
FrameCallback = Callable[[Frame], None]


def _owned(image: np.ndarray) -> np.ndarray:
    """The image in memory of its own, contiguous (OpenCV may hand out views of its buffers)."""
    if image.base is not None or not image.flags.c_contiguous:
        return np.ascontiguousarray(image).copy()
    return image


class FrameSource:
    """The interface and the threading shared by every source.

    Subclasses implement ``_open()`` (raise a :class:`CameraError` when the
    source cannot start) and ``_run()``, the grabber thread's loop, which
    hands images to ``_deliver()`` until ``_stopping`` is set.
    """

    name = "source"

    def __init__(self, *, on_state: StateCallback | None = None,
                 on_frame: FrameCallback | None = None, keep_every_frame: bool = False) -> None:
        self._on_state = on_state
        self._on_frame = on_frame
        self._keep_every = keep_every_frame  # the grabber waits for the reader: no drops
        self._lock = threading.Condition()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._frame: Frame | None = None
        self._produced = 0
        self._dropped = 0
        self._reconnects = 0
        self._state = State.STOPPED
        self._error: CameraError | None = None

    # -- the public interface -------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def stats(self) -> Stats:
        with self._lock:
            return Stats(self._produced, self._dropped, self._reconnects)

    def start(self) -> None:
        """Open the source and start grabbing; raises a :class:`CameraError` if it cannot open."""
        if self._thread is not None:
            raise CameraError(f"{self.name} is already started")
        self._stopping.clear()
        self._error = None
        self._frame = None
        self._open()
        self._set_state(State.RUNNING, "")
        self._thread = threading.Thread(target=self._guarded_run, name=f"frames:{self.name}",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop grabbing and release the device; safe from any thread, and twice."""
        self._stopping.set()
        with self._lock:
            self._lock.notify_all()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None
        if self._state not in (State.FAILED, State.ENDED):
            self._set_state(State.STOPPED, "")

    def read(self, timeout: float | None = None) -> Frame | None:
        """The next frame not read yet, or None if none came within ``timeout`` seconds.

        Raises :class:`SourceClosed` when the source is stopped or has ended
        (after the last frame was read), and the source's own error when it failed.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while self._frame is None:
                if self._error is not None:
                    raise self._error
                if self._thread is None or self._state in (State.ENDED, State.STOPPED):
                    raise SourceClosed(f"{self.name} has {self._state.value}")
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return None
                self._lock.wait(remaining)
            frame, self._frame = self._frame, None
            self._lock.notify_all()
            return frame

    def frames(self, timeout: float = 0.5) -> Iterator[Frame]:
        """Every new frame until the source is stopped or ends; a failure raises."""
        while True:
            try:
                frame = self.read(timeout)
            except SourceClosed:
                return
            if frame is not None:
                yield frame

    def __enter__(self) -> FrameSource:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- for subclasses -------------------------------------------------------

    def _open(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        raise NotImplementedError

    def _deliver(self, image: np.ndarray) -> None:
        frame = Frame(_owned(image), self._produced, time.monotonic())
        with self._lock:
            if self._keep_every:
                while self._frame is not None and not self._stopping.is_set():
                    self._lock.wait(0.1)
                if self._stopping.is_set():
                    return
            if self._frame is not None:
                self._dropped += 1
            self._frame = frame
            self._produced += 1
            self._lock.notify_all()
        if self._on_frame is not None:
            self._on_frame(frame)

    def _set_state(self, state: State, message: str) -> None:
        with self._lock:
            if state is self._state or (
                    self._stopping.is_set() and state in (State.RUNNING, State.RECONNECTING)):
                return  # nothing new, or a grabber finishing its last step after stop()
            self._state = state
            self._lock.notify_all()
        log.info("%s: %s%s", self.name, state.value, f" ({message})" if message else "")
        if self._on_state is not None:
            self._on_state(state, message)

    def _wait(self, seconds: float) -> bool:
        """Sleep unless stopped; True when the source is stopping."""
        return self._stopping.wait(max(0.0, seconds))

    def _guarded_run(self) -> None:
        try:
            self._run()
        except CameraError as exc:
            self._fail(exc)
        except Exception as exc:  # a bug or a driver fault must not die silently in a thread
            log.exception("%s: the grabber thread failed", self.name)
            self._fail(CameraError(f"{self.name} failed: {exc}"))

    def _fail(self, error: CameraError) -> None:
        with self._lock:
            self._error = error
        self._set_state(State.FAILED, str(error))


def parse_device(device: str | int) -> str | int:
    """A camera as configured: ``"0"`` is device index 0, anything else a path or URL."""
    if isinstance(device, int):
        return device
    text = device.strip()
    return int(text) if text.isdigit() else text


class CameraSource(FrameSource):
    """A camera through OpenCV's ``VideoCapture``.

    ``device`` is an index (``0``), a device path (``/dev/video2``) or anything
    else VideoCapture opens. The resolution asked for is set before the first
    frame; the camera may give another, which :attr:`resolution` reports.
    ``fourcc`` (e.g. ``"MJPG"``) lets a USB 2 camera reach 30 frames a second
    at 1280x720. ``max_fps`` caps the grabbing rate (a video file given as the
    device would otherwise be decoded as fast as the CPU allows).

    When reads fail ``lost_after`` times in a row the camera is taken as lost:
    released, then reopened after ``backoff`` seconds, doubling up to
    ``max_backoff``. With ``wait_for_device`` a camera missing at start is
    waited for the same way instead of raising :class:`NoCameraFound`.
    """

    def __init__(self, device: str | int = 0, *, width: int = 1280, height: int = 720,
                 fourcc: str = "", max_fps: float = 30.0, backoff: float = 0.5,
                 max_backoff: float = 5.0, lost_after: int = 3, wait_for_device: bool = False,
                 api: int = cv2.CAP_ANY, on_state: StateCallback | None = None,
                 on_frame: FrameCallback | None = None) -> None:
        super().__init__(on_state=on_state, on_frame=on_frame)
        self.device = parse_device(device)
        self.name = f"camera {self.device}"
        self.width, self.height = width, height
        self.fourcc = fourcc
        self.max_fps = max_fps
        self.backoff, self.max_backoff = backoff, max_backoff
        self.lost_after = max(1, lost_after)
        self.wait_for_device = wait_for_device
        self.api = api
        self.resolution: tuple[int, int] | None = None
        self._capture: cv2.VideoCapture | None = None

    def _connect(self) -> bool:
        capture = cv2.VideoCapture(self.device, self.api)
        if not capture.isOpened():
            capture.release()
            return False
        if self.fourcc:
            capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter_fourcc(*self.fourcc[:4].ljust(4)))
        if self.width and self.height:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a queue (V4L2)
        self.resolution = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
                           int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._capture = capture
        return True

    def _release(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def _open(self) -> None:
        if not self._connect() and not self.wait_for_device:
            raise NoCameraFound(f"no camera at {self.device!r}: it cannot be opened "
                                f"(unplugged, in use by another program, or no permission)")

    def _run(self) -> None:
        try:
            if self._capture is None:
                self._reconnect()
            failures = 0
            last = 0.0
            interval = 1.0 / self.max_fps if self.max_fps > 0 else 0.0
            while not self._stopping.is_set():
                if interval and self._wait(last + interval - time.monotonic()):
                    break
                try:
                    ok, image = self._capture.read()
                except cv2.error as exc:  # a driver fault: as a failed read
                    log.warning("%s: read failed: %s", self.name, exc)
                    ok, image = False, None
                last = time.monotonic()
                if ok and image is not None and image.size:
                    failures = 0
                    self._deliver(image)
                    continue
                failures += 1
                if failures >= self.lost_after:
                    self._release()
                    with self._lock:
                        self._reconnects += 1
                    self._reconnect()
                    failures = 0
        finally:
            self._release()

    def _reconnect(self) -> None:
        """Reopen the camera, waiting longer after each failure, until it opens or we stop."""
        delay = self.backoff
        while not self._stopping.is_set():
            self._set_state(State.RECONNECTING, f"no frames from {self.device!r}; "
                                                f"trying again in {delay:g} s")
            if self._wait(delay):
                return
            if self._connect():
                self._set_state(State.RUNNING, "reconnected")
                return
            delay = min(delay * 2, self.max_backoff)


class ReplaySource(FrameSource):
    """Recorded frames played as a camera would: a folder of images or a video file.

    Frames come at ``fps`` frames a second (0: as fast as they are read). With
    ``realtime`` a slow reader misses frames, as with a camera; without it
    every frame is handed on in order, which makes a test repeatable. With
    ``loop`` the recording starts again after its last frame; otherwise the
    source ends (state ENDED) and ``read()`` raises :class:`SourceClosed`.

    Images of a folder are played in the order of their file names; a file
    that does not decode is skipped with a log line.
    """

    def __init__(self, path: str | Path, *, fps: float = 10.0, realtime: bool = False,
                 loop: bool = False, on_state: StateCallback | None = None,
                 on_frame: FrameCallback | None = None) -> None:
        super().__init__(on_state=on_state, on_frame=on_frame, keep_every_frame=not realtime)
        self.path = Path(path)
        self.name = f"replay {self.path.name}"
        self.fps = fps
        self.loop = loop
        self._images: list[Path] = []

    def _open(self) -> None:
        if self.path.is_dir():
            self._images = sorted(p for p in self.path.iterdir()
                                  if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
            if not self._images:
                raise ReplayError(f"{self.path}: no images to replay "
                                  f"(looked for {', '.join(IMAGE_SUFFIXES)})")
        elif self.path.is_file():
            video = cv2.VideoCapture(str(self.path))
            readable = video.isOpened() and video.grab()
            video.release()
            if not readable:
                raise ReplayError(f"{self.path}: not a video file that can be read")
        else:
            raise ReplayError(f"{self.path}: no such folder or video file")

    def _recording(self) -> Iterator[np.ndarray]:
        """One pass over the recording."""
        if self._images:
            for path in self._images:
                image = cv2.imread(str(path), cv2.IMREAD_COLOR)
                if image is None:
                    log.warning("%s: %s does not decode as an image; skipped", self.name, path.name)
                    continue
                yield image
            return
        video = cv2.VideoCapture(str(self.path))
        try:
            while not self._stopping.is_set():
                ok, image = video.read()
                if not ok:
                    return
                yield image
        finally:
            video.release()

    def _run(self) -> None:
        interval = 1.0 / self.fps if self.fps > 0 else 0.0
        due = time.monotonic()
        while not self._stopping.is_set():
            played = 0
            for image in self._recording():
                if self._wait(due - time.monotonic()):
                    return
                self._deliver(image)
                played += 1
                due = max(due + interval, time.monotonic() - interval)
            if not self.loop or played == 0:
                break
        if not self._stopping.is_set():
            self._set_state(State.ENDED, "the recording has played to its end")
