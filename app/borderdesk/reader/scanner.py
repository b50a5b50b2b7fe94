"""Document scanners: MRZ text from a serial port or a keyboard-wedge reader.

Full-page and swipe readers decode the MRZ themselves and send it as text,
one MRZ line a line. Two ways, both decoded here without Qt into the same
:class:`~borderdesk.reader.reading.Reading` the camera path gives (source
``scanner``, confidence 1.0):

* serial (RS-232, or a USB virtual COM port): :class:`SerialDecoder` takes
  bytes as they come, in chunks of any size; :class:`SerialScanner` reads a
  port with pyserial and feeds it. Lines end in CR, LF or CR LF; a document
  may be framed by STX ... ETX, lines may carry a prefix (``@``, ``MRZ:``) or
  a configured prefix and suffix; anything may come between documents.
* keyboard wedge: the reader types the lines as keystrokes ending in Enter.
  :class:`WedgeDecoder` takes timestamped keystrokes and tells a scanner's
  burst (a few milliseconds between keys) from a person typing, whose keys it
  hands back to be typed into the focused field.

A document is recognised as soon as its lines parse with every check digit
passing (ICAO Doc 9303 Part 3, 4.9). A block the device closed itself (ETX,
or silence on the line) is accepted as an MRZ even when a check fails: the
scanner read what is printed, and the desk reports the failed check; but only
with every line at full length (a line cut short fails checks too) and no
more than one field's check failing and real dates (noise fails more). (Some
readers leave out the fillers that end a line; such a short line is passed on
as it came, and the MRZ parser fills it out and says so.) Noise,
partial lines and binary junk are dropped with a log line that says what was
dropped but never what it said (no personal data in the logs).
"""

from __future__ import annotations

import enum
import logging
import os
import statistics
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import serial

from .. import mrz
from ..mrz.checkdigit import MRZ_ALPHABET
from .reading import Reading

log = logging.getLogger(__name__)

STX, ETX = "\x02", "\x03"
ENTER = ("\r", "\n")
LONGEST_LINE = 200  # past this, a line without an end is junk
ONE_LINE = (72, 88, 90)  # a whole MRZ sent as one line (TD2, TD3, TD1)
MAX_PREFIX = 8  # a non-MRZ lead-in up to this long is a prefix, not junk


class ScannerError(RuntimeError):
    """Top of the family: a document scanner cannot be read."""


class PortNotFound(ScannerError):
    """The serial port cannot be opened (no such port, in use, or no permission)."""


class ScannerClosed(ScannerError):
    """The scanner was closed: no more readings will come."""


# -- lines to documents -------------------------------------------------------

def clean_line(raw: str, *, prefix: str = "", suffix: str = "",
               fold_case: bool = False) -> str | None:
    """The MRZ characters of one received line, or None if it is not an MRZ line.

    Whitespace at the ends, the configured ``prefix`` and ``suffix``, and a
    short lead-in of other characters (``@``, ``MRZ:``, a code ID) are taken
    off; what is left must be MRZ characters only, 44 at most (or a whole MRZ
    of 72, 88 or 90). ``fold_case`` accepts lower case (a keyboard wedge with
    Caps Lock on).

    >>> clean_line('MRZ:P<UTOERIKSSON<<ANNA<MARIA')
    'P<UTOERIKSSON<<ANNA<MARIA'
    >>> clean_line('@@ hello there') is None
    True
    """
    line = raw.strip(" \t\0")
    if prefix and line.startswith(prefix):
        line = line[len(prefix):]
    if suffix and line.endswith(suffix):
        line = line[:-len(suffix)]
    if fold_case:
        line = line.upper()
    end = len(line)
    while end and line[end - 1] not in MRZ_ALPHABET:
        end -= 1
    start = end
    while start and line[start - 1] in MRZ_ALPHABET:
        start -= 1
    if start > MAX_PREFIX or end - start == 0:
        return None
    line = line[start:end]
    if len(line) > 44 and len(line) not in ONE_LINE:
        return None
    return line


class DocumentAssembler:
    """Collects MRZ lines into documents; shared by the serial and the wedge decoders.

    :meth:`line` takes one cleaned line and returns a reading when the last
    lines make a document whose checks all pass; :meth:`end` closes a block
    (the device said the document is complete) and accepts its lines if they
    parse at all; :meth:`junk` drops what is pending.
    """

    def __init__(self, engine: str) -> None:
        self.engine = engine
        self.pending: deque[str] = deque(maxlen=3)
        self.dropped = 0  # lines dropped, for the curious and the tests

    def line(self, line: str) -> Reading | None:
        if len(self.pending) == self.pending.maxlen:
            self._drop(1, "a line that starts no document")
        self.pending.append(line)
        lines = list(self.pending)
        for n in (3, 2, 1):
            if len(lines) >= n:
                reading = self._document(lines[-n:], strict=True)
                if reading is not None:
                    self._drop(len(lines) - n, "lines before a document")
                    self.pending.clear()
                    return reading
        return None

    def end(self) -> Reading | None:
        """The device closed the block: take what is pending as one document, or drop it."""
        if not self.pending:
            return None
        lines = list(self.pending)
        self.pending.clear()
        reading = self._document(lines, strict=False)
        if reading is None:
            self._drop(len(lines), "an incomplete or unreadable block")
        return reading

    def junk(self, what: str) -> None:
        """A line that is not MRZ text: it is dropped, and breaks any block in progress."""
        self.dropped += 1
        log.info("%s scanner: dropped %s", self.engine, what)
        if self.pending:
            self._drop(len(self.pending), "partial lines cut by noise")
            self.pending.clear()

    def _drop(self, count: int, why: str) -> None:
        if count:
            self.dropped += count
            log.warning("%s scanner: dropped %d line(s): %s", self.engine, count, why)
            for _ in range(count):
                if self.pending:
                    self.pending.popleft()

    def _document(self, lines: list[str], strict: bool) -> Reading | None:
        if len(lines) == 1 and len(lines[0]) not in ONE_LINE:
            return None
        text = "\n".join(lines)
        try:
            document = mrz.parse(text)
            lines, _ = mrz.normalise(text)  # a whole MRZ on one line, split
        except mrz.MRZError:
            return None
        if strict and not document.valid:
            return None
        if not strict:
            if any(len(line) != len(document.lines[0]) for line in lines):
                return None  # failing checks and a short line: a line cut short looks so
            if len([c for c in document.checks.failed if c != "composite"]) > 1 or \
                    document.birth.problem or document.expiry.problem:
                return None  # a misprint fails one field's check; noise fails more, or no date
        if not document.valid:
            log.info("%s scanner: a document whose %s check fails", self.engine,
                     ", ".join(document.checks.failed))
        return Reading(lines=tuple(lines), confidence=tuple((1.0,) * len(x) for x in lines),
                       source="scanner", engine=self.engine)


# -- serial ---------------------------------------------------------------------

class SerialDecoder:
    """Bytes from a serial scanner in, readings out; incremental and never raises.

    Feed chunks as they arrive with :meth:`feed`; call :meth:`flush` when the
    line has been quiet for a while (the last line may come without an end,
    and a document whose checks fail is only taken when its block closes).
    Bytes are read as Latin-1, so any byte is a character; those outside the
    MRZ alphabet make a line junk unless they lead it in as a short prefix.
    Empty lines (CR LF, LF CR, blank lines) are ignored.
    """

    def __init__(self, *, prefix: str = "", suffix: str = "") -> None:
        self.prefix, self.suffix = prefix, suffix
        self._docs = DocumentAssembler("serial")
        self._line: list[str] = []
        self._overflow = False

    @property
    def pending(self) -> bool:
        """Something is held back waiting for more bytes."""
        return bool(self._line) or bool(self._docs.pending)

    @property
    def dropped(self) -> int:
        return self._docs.dropped

    def feed(self, data: bytes) -> list[Reading]:
        out: list[Reading] = []
        for ch in data.decode("latin-1"):
            if ch in ENTER:
                self._end_line(out)
            elif ch == STX:
                if self._line or self._docs.pending:
                    self._line.clear()
                    self._docs.junk("what came before a start of text (STX)")
                self._overflow = False
            elif ch == ETX:
                self._end_line(out)
                self._close_block(out)
            elif self._overflow:
                continue
            elif len(self._line) >= LONGEST_LINE:
                self._docs.junk(f"a run of over {LONGEST_LINE} bytes without a line end")
                self._overflow = True
                self._line.clear()
            else:
                self._line.append(ch)
        return out

    def flush(self) -> list[Reading]:
        """The line went quiet: end the current line and the current block."""
        out: list[Reading] = []
        self._end_line(out)
        self._close_block(out)
        return out

    def _end_line(self, out: list[Reading]) -> None:
        raw = "".join(self._line)
        self._line.clear()
        if self._overflow:
            self._overflow = False
            return
        if not raw.strip(" \t\0"):
            return
        line = clean_line(raw, prefix=self.prefix, suffix=self.suffix)
        if line is None:
            self._docs.junk(f"a line of {len(raw)} characters that is not MRZ text")
            return
        reading = self._docs.line(line)
        if reading is not None:
            out.append(reading)

    def _close_block(self, out: list[Reading]) -> None:
        reading = self._docs.end()
        if reading is not None:
            out.append(reading)


class PortState(enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    RECONNECTING = "reconnecting"


class SerialScanner:
    """A scanner on a serial port, read with pyserial; pull readings with :meth:`read`.

    ``port`` is a device (``/dev/ttyUSB0``, ``COM3``) or a pyserial URL
    (``rfc2217://host:port``). A port that fails while open (a USB adapter
    pulled out) is reopened with a growing back-off; :attr:`state` and
    ``on_state`` say so. ``idle`` seconds of silence end a block.

    Drive it like a frame source: ``open()``, then ``read(timeout)`` or
    ``for reading in scanner.readings()`` in a worker, and ``close()`` from
    any thread to end it.
    """

    def __init__(self, port: str, *, baudrate: int = 9600, bytesize: int = 8,
                 parity: str = "N", stopbits: float = 1, idle: float = 0.3,
                 prefix: str = "", suffix: str = "", backoff: float = 0.5,
                 max_backoff: float = 5.0,
                 on_state: Callable[[PortState, str], None] | None = None) -> None:
        self.port = port
        self.settings = dict(baudrate=baudrate, bytesize=bytesize, parity=parity,
                             stopbits=stopbits)
        self.idle = idle
        self.backoff, self.max_backoff = backoff, max_backoff
        self.decoder = SerialDecoder(prefix=prefix, suffix=suffix)
        self.state = PortState.CLOSED
        self._on_state = on_state
        self._serial = None
        self._ready: deque[Reading] = deque()
        self._closing = threading.Event()
        self._last_data = time.monotonic()
        self._retry_at = 0.0
        self._delay = backoff

    def open(self) -> None:
        """Open the port; raises :class:`PortNotFound` when it cannot be opened."""
        self._closing.clear()
        self._connect(raise_error=True)

    def close(self) -> None:
        """Close the port; safe from any thread. A read() in progress ends."""
        self._closing.set()

    def read(self, timeout: float | None = None) -> Reading | None:
        """The next document read, or None if none came within ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._ready:
            if self._closing.is_set():
                self._disconnect(PortState.CLOSED, "closed")
                raise ScannerClosed(f"serial scanner {self.port} is closed")
            if deadline is not None and time.monotonic() >= deadline:
                return None
            if self._serial is None:
                self._retry(deadline)
                continue
            self._pump()
        return self._ready.popleft()

    def readings(self, timeout: float = 0.5) -> Iterator[Reading]:
        """Every document read, until :meth:`close`."""
        while True:
            try:
                reading = self.read(timeout)
            except ScannerClosed:
                return
            if reading is not None:
                yield reading

    def __enter__(self) -> SerialScanner:
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()
        self._disconnect(PortState.CLOSED, "closed")

    def _pump(self) -> None:
        try:
            data = self._serial.read(max(1, self._serial.in_waiting))
        except (serial.SerialException, OSError) as exc:
            self.decoder.flush()
            self._disconnect(PortState.RECONNECTING, f"the port failed: {exc}")
            self._retry_at = time.monotonic() + self._delay
            return
        now = time.monotonic()
        if data:
            self._last_data = now
            self._ready.extend(self.decoder.feed(data))
        elif self.decoder.pending and now - self._last_data >= self.idle:
            self._ready.extend(self.decoder.flush())

    def _retry(self, deadline: float | None) -> None:
        wait = self._retry_at - time.monotonic()
        if deadline is not None:
            wait = min(wait, deadline - time.monotonic())
        if wait > 0 and self._closing.wait(wait):
            return
        if time.monotonic() >= self._retry_at and not self._connect(raise_error=False):
            self._delay = min(self._delay * 2, self.max_backoff)
            self._retry_at = time.monotonic() + self._delay

    def _connect(self, raise_error: bool) -> bool:
        options = dict(self.settings, timeout=0.05)
        if os.name == "posix":
            options["exclusive"] = True
        try:
            self._serial = serial.serial_for_url(self.port, **options)
        except (serial.SerialException, OSError, ValueError) as exc:
            if raise_error:
                raise PortNotFound(f"serial port {self.port} cannot be opened: {exc}") from exc
            return False
        self._delay = self.backoff
        self._last_data = time.monotonic()
        self._set_state(PortState.OPEN, "")
        return True

    def _disconnect(self, state: PortState, message: str) -> None:
        if self._serial is not None:
            try:
                self._serial.close()
            except Exception:  # closing a port that vanished may fail any way
                pass
            self._serial = None
        self._set_state(state, message)

    def _set_state(self, state: PortState, message: str) -> None:
        if state is self.state:
            return
        self.state = state
        log.info("serial scanner %s: %s%s", self.port, state.value,
                 f" ({message})" if message else "")
        if self._on_state is not None:
            self._on_state(state, message)


# -- keyboard wedge -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class WedgeOutput:
    """What some keystrokes turned out to be."""

    readings: tuple[Reading, ...] = ()
    typed: str = ""  # a person's keystrokes, in order ("\\r" for Enter), to hand on to the field


class WedgeDecoder:
    """Tells a keyboard-wedge scanner's keystrokes from a person's, and decodes the scanner's.

    Call :meth:`key` with each character typed (``"\\r"`` for Enter) and its
    time in seconds, and :meth:`tick` every few tens of milliseconds with the
    time now (the same clock). Keystrokes are held while they might still be
    a scanner's; a run of them ends at a pause longer than ``max_gap``. A run
    is a scanner's when it has at least ``min_chars`` characters and its
    median gap is at most ``max_median_gap`` (scanners type a key every few
    milliseconds; the fastest typist, or a held key repeating, needs 30 ms or
    more). A person's run comes back in ``typed``, to be typed into the field
    that has the focus; a scanner's burst that is no MRZ is dropped with a
    log line.
    """

    def __init__(self, *, max_gap: float = 0.05, max_median_gap: float = 0.02,
                 min_chars: int = 30) -> None:
        self.max_gap = max_gap
        self.max_median_gap = max_median_gap
        self.min_chars = min_chars
        self.dropped = 0
        self._start_run()

    def _start_run(self) -> None:
        self._keys: list[tuple[float, str]] = []
        self._line: list[str] = []
        self._lines: list[str] = []  # lines of the run ended by Enter, not yet decoded
        self._docs = DocumentAssembler("wedge")

    def key(self, text: str, timestamp: float) -> WedgeOutput:
        """One keystroke; returns what the keystrokes before it turned out to be."""
        out = self.tick(timestamp)
        if not text:
            return out
        self._keys.append((timestamp, text))
        if text not in ENTER:
            self._line.append(text)
            return out
        self._lines.append("".join(self._line))
        self._line.clear()
        if not self._looks_scanned():
            return out
        reading = self._decode_lines()
        if reading is None:
            return out
        self._start_run()
        return WedgeOutput(out.readings + (reading,), out.typed)

    def tick(self, now: float) -> WedgeOutput:
        """Ends a run after a pause longer than ``max_gap``; returns what the run was."""
        if not self._keys or now - self._keys[-1][0] <= self.max_gap:
            return WedgeOutput()
        if not self._looks_scanned():
            typed = "".join(k for _, k in self._keys)
            self._start_run()
            return WedgeOutput(typed=typed)
        if self._line:
            self._lines.append("".join(self._line))
        reading = self._decode_lines() or self._docs.end()
        if reading is None:
            self.dropped += 1
            log.warning("wedge scanner: dropped a burst of %d keystrokes that is not an MRZ",
                        len(self._keys))
        self._start_run()
        return WedgeOutput(readings=(reading,) if reading else ())

    def _looks_scanned(self) -> bool:
        chars = sum(1 for _, k in self._keys if k not in ENTER)
        if chars < max(1, self.min_chars) or len(self._keys) < 2:
            return False
        gaps = [b[0] - a[0] for a, b in zip(self._keys, self._keys[1:])]
        return statistics.median(gaps) <= self.max_median_gap

    def _decode_lines(self) -> Reading | None:
        reading = None
        for raw in self._lines:
            if not raw.strip():
                continue
            line = clean_line(raw, fold_case=True)
            if line is None:
                self._docs.junk(f"a typed line of {len(raw)} characters that is not MRZ text")
                continue
            reading = self._docs.line(line) or reading
        self._lines.clear()
        return reading
