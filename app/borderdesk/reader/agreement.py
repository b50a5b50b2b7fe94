"""From many camera frames to one reading the desk can trust.

A single frame is easily misread (a glint on one character, motion blur, a
finger on the band), and check digits do not cover the names. So the camera
path reads successive frames and reports a document only when they agree:

1. :class:`FrameGate` drops frames cheaply before any OCR: too soon after the
   last one read (a throttle that leaves the CPU to the rest of the desk),
   blurred (variance of the Laplacian, Pech-Pacheco et al., ICPR 2000,
   normalised by the image's contrast), or, once the band's place is known
   from a recent reading, glared (saturated parts of the band with no ink
   left near them).
2. :class:`Agreement` votes per character across the readings of the same
   document, each vote weighted by the engine's confidence in that character.
   It reports a :class:`StableRead` once, when at least ``min_frames``
   readings agree, every character wins by at least ``min_margin`` (in units
   of confidence: 1.0 is one sure frame more than the best rival), the
   voted text parses with every check digit passing (ICAO Doc 9303 Part 3,
   4.9), and every character no passing check digit covers (names, state
   codes, sex) was read with a mean confidence of ``min_unverified_confidence``
   by the frames that voted for it: check digits do not protect a name, and a
   smudged letter misread the same way twice must not pass. Every character a
   check digit covers must have been read with ``MIN_COVERED_CONFIDENCE`` by one
   of those frames at least: a check cannot see G read for 6 (the same value
   modulo 10). A document code unusual for the format (P on a card: a passport's
   lines cut short) is not reported either. Then it stays quiet while the same
   document stays in view, and forgets it ``absent_seconds`` after it was last
   seen, so the next
   document (or the same one shown again) is read afresh.
3. :class:`MultiFrameReader` puts the two around an OCR engine: a function
   from a frame to a :class:`~borderdesk.reader.reading.Reading` or None.

Like Electrum's QR reader, a result is accepted only after several
consistent detections; unlike it, characters are voted one by one, so
frames with different misreads still add up to a correct reading.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from .. import mrz
from ..mrz.checkdigit import MRZ_ALPHABET
from ..mrz.formats import Layout, layout_named
from .reading import Reading

log = logging.getLogger(__name__)

#: The line lengths of the MRZ formats (Doc 9303 Parts 4-7): TD1, TD2 and MRV-B, TD3 and MRV-A.
SHAPES = {(30, 30, 30), (36, 36), (44, 44)}

Engine = Callable[[np.ndarray], "Reading | None"]


# -- the gate before OCR ------------------------------------------------------

BAND_WIDTH = 512  # a band is measured at this width: about 12 pixels a character
FRAME_WIDTH = 640  # a whole frame is measured at most this wide
SATURATED = 250  # a pixel this light may be glare
INK_REACH = 37  # a square this wide (at BAND_WIDTH) around ink, about a line high, is paper


@dataclass(frozen=True, slots=True)
class Quality:
    """How readable a frame (or its MRZ band) looks, measured in well under a millisecond.

    ``sharpness`` is the variance of the Laplacian divided by the variance of
    the image (so that dim light or low contrast does not pass for blur);
    ``glare`` the share of the band that is saturated and has no ink near it,
    i.e. where glare washed the characters out (so that a bright, overexposed
    page that still shows its ink is not taken for glare). Glare is only
    measured on a band; a whole frame gives 0.
    """

    sharpness: float
    glare: float


def _grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY if image.shape[2] == 4
                             else cv2.COLOR_BGR2GRAY)
    if image.dtype != np.uint8:
        image = cv2.normalize(image, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    return image


def _sharpness(grey: np.ndarray) -> float:
    laplacian = cv2.Laplacian(grey, cv2.CV_32F, ksize=3)
    return float(laplacian.var()) / max(float(grey.var()), 1.0)


def measure(image: np.ndarray, roi: tuple[int, int, int, int] | None = None,
            lines: tuple[int, int, int, int] | None = None) -> Quality:
    """Sharpness and glare of ``image`` (BGR or grey), within the band ``roi`` (x, y, w, h).

    A band is scaled to :data:`BAND_WIDTH`, so its measure does not depend on
    how far the document is; a whole frame is scaled down to :data:`FRAME_WIDTH`.
    Glare is judged within ``lines`` (the MRZ lines' own box, inside ``roi``;
    by default all of ``roi``): the paper of the margin around them may be
    overexposed without a character being lost.
    """
    if roi is not None:
        x, y, w, h = roi
        image = image[y:y + h, x:x + w]
    if image.size == 0:
        return Quality(0.0, 0.0)
    grey = _grey(image)
    width = BAND_WIDTH if roi is not None else min(FRAME_WIDTH, grey.shape[1])
    if grey.shape[1] != width:
        scale = width / grey.shape[1]
        grey = cv2.resize(grey, (width, max(3, round(grey.shape[0] * scale))),
                          interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    if roi is None:
        return Quality(_sharpness(grey), 0.0)
    ink = (grey < 0.6 * float(np.median(grey))).astype(np.uint8)
    near_ink = cv2.dilate(ink, np.ones((INK_REACH, INK_REACH), np.uint8))
    washed = (grey >= SATURATED) & (near_ink == 0)
    if lines is not None:
        x, y, w, h = roi
        sx, sy = grey.shape[1] / w, grey.shape[0] / h
        lx, ly, lw, lh = lines
        x0, y0 = max(0, int((lx - x) * sx)), max(0, int((ly - y) * sy))
        x1 = min(grey.shape[1], int(np.ceil((lx + lw - x) * sx)))
        y1 = min(grey.shape[0], int(np.ceil((ly + lh - y) * sy)))
        if x1 > x0 and y1 > y0:
            washed = washed[y0:y1, x0:x1]
    return Quality(_sharpness(grey), np.count_nonzero(washed) / washed.size)


@dataclass(frozen=True, slots=True)
class GateDecision:
    passed: bool
    reason: str = ""  # throttled, blurred, glare; empty when passed
    quality: Quality | None = None


def band_roi(band, shape: tuple[int, ...],
             margin: float = 0.25) -> tuple[int, int, int, int] | None:
    """The bounding box of a band's corners, grown by ``margin`` of its height each way."""
    if not band:
        return None
    xs = [p[0] for p in band]
    ys = [p[1] for p in band]
    grow = (max(ys) - min(ys)) * margin + 2
    x0, y0 = max(0, int(min(xs) - grow)), max(0, int(min(ys) - grow))
    x1, y1 = min(shape[1], int(max(xs) + grow) + 1), min(shape[0], int(max(ys) + grow) + 1)
    if x1 - x0 < 8 or y1 - y0 < 4:
        return None
    return x0, y0, x1 - x0, y1 - y0


class FrameGate:
    """Decides, cheaply, whether a frame is worth reading.

    ``min_interval``: seconds between two frames read (the throttle). Once a
    reading has placed the band (:meth:`saw`, trusted for ``roi_max_age``
    seconds, or until ``max_band_skips`` frames in a row were skipped on it,
    for the document may have moved), the band is judged: blurred below
    ``min_sharpness``, glared above ``max_glare``. Before that, only a frame blurred as a whole (below
    ``min_frame_sharpness``) is skipped, and glare is not judged: a white desk
    is not glare, and an empty desk is not blur worth reporting.
    """

    def __init__(self, *, min_interval: float = 0.1, min_sharpness: float = 0.3,
                 min_frame_sharpness: float = 0.05, max_glare: float = 0.05,
                 roi_max_age: float = 1.0, max_band_skips: int = 3) -> None:
        self.min_interval = min_interval
        self.max_band_skips = max_band_skips
        self.min_sharpness = min_sharpness
        self.min_frame_sharpness = min_frame_sharpness
        self.max_glare = max_glare
        self.roi_max_age = roi_max_age
        self.reset()

    def check(self, image: np.ndarray, timestamp: float) -> GateDecision:
        if self._last_read is not None and timestamp - self._last_read < self.min_interval:
            return GateDecision(False, "throttled")
        roi = lines = None
        if self._band is not None and timestamp - self._band_time <= self.roi_max_age:
            roi = band_roi(self._band, image.shape)
            lines = band_roi(self._band, image.shape, margin=0.0)
        quality = measure(image, roi, lines if roi is not None else None)
        floor = self.min_sharpness if roi is not None else self.min_frame_sharpness
        reason = ("blurred" if quality.sharpness < floor
                  else "glare" if quality.glare > self.max_glare else "")
        if reason:
            if roi is not None:
                self._skips_on_band += 1
                if self._skips_on_band >= self.max_band_skips:
                    self._band = None  # the document may have moved: look at the whole frame
            return GateDecision(False, reason, quality)
        self._skips_on_band = 0
        self._last_read = timestamp
        return GateDecision(True, "", quality)

    def saw(self, reading: Reading | None, timestamp: float) -> None:
        """Remember where the band was, to judge the next frames on it."""
        if reading is not None and reading.band:
            self._band, self._band_time = reading.band, timestamp
            self._skips_on_band = 0

    def reset(self) -> None:
        self._last_read: float | None = None
        self._band = None
        self._band_time = 0.0
        self._skips_on_band = 0


# -- voting ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Vote:
    """The voted text of some readings, with the margin of every character."""

    lines: tuple[str, ...]
    confidence: tuple[tuple[float, ...], ...]  # winner's weight / number of readings
    margins: tuple[tuple[float, ...], ...]  # winner's weight - best rival's weight
    sureness: tuple[tuple[float, ...], ...]  # winner's mean confidence in the frames that read it
    surest: tuple[tuple[float, ...], ...]  # winner's highest confidence in one frame
    count: int

    @property
    def min_margin(self) -> float:
        return min(m for line in self.margins for m in line)


def vote(readings: list[Reading]) -> Vote:
    """Per character, the symbol with the most confidence summed over ``readings`` (one shape)."""
    lines, confidence, margins, sureness, surest = [], [], [], [], []
    for i, length in enumerate(len(line) for line in readings[0].lines):
        text, conf, margin, sure, top = [], [], [], [], []
        for j in range(length):
            weights: dict[str, float] = defaultdict(float)
            votes: dict[str, int] = defaultdict(int)
            highest: dict[str, float] = defaultdict(float)
            for r in readings:
                ch, c = r.lines[i][j], r.confidence[i][j]
                weights[ch] += c
                votes[ch] += 1
                highest[ch] = max(highest[ch], c)
            ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
            best, weight = ranked[0]
            rival = ranked[1][1] if len(ranked) > 1 else 0.0
            text.append(best)
            conf.append(weight / len(readings))
            margin.append(weight - rival)
            sure.append(weight / votes[best])
            top.append(highest[best])
        lines.append("".join(text))
        confidence.append(tuple(conf))
        margins.append(tuple(margin))
        sureness.append(tuple(sure))
        surest.append(tuple(top))
    return Vote(tuple(lines), tuple(confidence), tuple(margins), tuple(sureness), tuple(surest),
                len(readings))


#: A character under a check digit less sure than this is not verified by it unless the
#: check settles it (reader.ocr._settle): the check cannot see some misreads (G for 6,
#: A for 0: the same value modulo 10), and two can cancel out (O read for 0 twice at
#: weights 7 and 3 adds 240: the digit still fits)
MIN_COVERED_CONFIDENCE = 0.9


def check_places(layout: Layout, name: str) -> list[tuple[int, int]]:
    """The (line, position) of the characters the check ``name`` covers, its digit included;
    for the composite check, only those no other check covers (the optional data)."""
    def covered(rule) -> list[tuple[int, int]]:
        return [(span.line, k) for span in (*rule.covers, rule.digit)
                for k in range(span.start, span.end)]
    if name != "composite":
        return covered(layout.checks[name])
    others = {p for other in layout.checks if other != name for p in covered(layout.checks[other])}
    return [p for p in covered(layout.checks[name]) if p not in others]


def doubted_checks(layout: Layout, confidence) -> dict[str, list[tuple[int, int]]]:
    """Per check, the characters it covers (:func:`check_places`) read less sure than
    ``MIN_COVERED_CONFIDENCE``: what its digit does not vouch for; only checks with some."""
    doubted = {}
    for name in layout.checks:
        places = [(i, k) for i, k in check_places(layout, name)
                  if confidence[i][k] < MIN_COVERED_CONFIDENCE]
        if places:
            doubted[name] = places
    return doubted


def unusual_code(document: mrz.Document) -> str:
    """Why the document code is not one the format uses (a passport's lines cut to a card's
    length pass a card's checks one time in ten), or ""."""
    return next((w.message for w in document.warnings if w.code == "document-code"), "")


def verified(document: mrz.Document) -> set[tuple[int, int]]:
    """The (line, position) of every character a passing check digit covers, digit included."""
    covered = set()
    for name, rule in layout_named(document.layout_name).checks.items():
        if getattr(document.checks, name) is True:
            for span in (*rule.covers, rule.digit):
                covered.update((span.line, k) for k in range(span.start, span.end))
    return covered


def difference(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of positions where two MRZ texts differ (1.0 when their shapes differ)."""
    if tuple(map(len, a)) != tuple(map(len, b)):
        return 1.0
    total = sum(map(len, a))
    return sum(x != y for la, lb in zip(a, b) for x, y in zip(la, lb)) / total


def well_formed(reading: Reading) -> bool:
    """An MRZ shape, MRZ characters, and one confidence per character."""
    lines = reading.lines
    return (tuple(map(len, lines)) in SHAPES
            and all(c in MRZ_ALPHABET for line in lines for c in line)
            and tuple(map(len, reading.confidence)) == tuple(map(len, lines)))


@dataclass(frozen=True, slots=True)
class StableRead:
    """The one reading reported for a document, and what it took."""

    reading: Reading  # the voted text; reading.frames = readings that voted
    document: mrz.Document  # the voted text parsed; every check passes
    frames_seen: int  # frames from the document's first reading to this one, skipped ones too
    seconds: float  # time from the document's first reading to this one


@dataclass
class _Candidate:
    """The readings of one document (they differ from each other by little)."""

    readings: deque
    first_frame: int
    first_time: float
    last_frame: int
    vote: Vote | None = None


class Agreement:
    """Votes readings of successive frames into one stable reading per document.

    Feed every frame's outcome in order: :meth:`add` with the engine's reading
    (or None when it found no MRZ), :meth:`skipped` for a frame the gate
    dropped. A reading far (``change_ratio`` of its characters or more) from
    every candidate starts a new candidate, so a stray misread does not undo
    what the good frames built up, and a new document laid down at once is
    read as such.
    """

    def __init__(self, *, min_frames: int = 2, min_margin: float = 1.0,
                 min_unverified_confidence: float = 0.8, window: int = 8,
                 change_ratio: float = 0.3, absent_seconds: float = 1.0,
                 parse: Callable[[str], mrz.Document] = mrz.parse) -> None:
        self.min_frames = max(1, min_frames)
        self.min_margin = min_margin
        self.min_unverified_confidence = min_unverified_confidence
        self.window = max(self.min_frames, window)
        self.change_ratio = change_ratio
        self.absent_seconds = absent_seconds
        self._parse = parse
        self.reset()

    def reset(self) -> None:
        self._candidates: list[_Candidate] = []
        self._reported: tuple[str, ...] | None = None
        self._last_seen: float | None = None
        self._frame = 0

    @property
    def state(self) -> str:
        """idle (nothing in view), reading (candidates, none stable yet) or done (reported)."""
        if self._reported is not None:
            return "done"
        return "reading" if self._candidates else "idle"

    def skipped(self, timestamp: float) -> None:
        """A frame the gate dropped: it counts, and time passes."""
        self._expire(timestamp)
        self._frame += 1

    def add(self, reading: Reading | None, timestamp: float) -> StableRead | None:
        """One frame's reading; returns the stable reading the first time there is one."""
        self.skipped(timestamp)
        if reading is None:
            return None
        if not well_formed(reading):
            log.warning("a reading with no MRZ shape was ignored (lines of %s)",
                        ",".join(str(len(line)) for line in reading.lines) or "none")
            return None
        self._last_seen = timestamp
        if self._reported is not None and \
                difference(reading.lines, self._reported) < self.change_ratio:
            return None  # the document already reported is still in view
        candidate = self._nearest(reading)
        if candidate is None:
            candidate = _Candidate(deque(maxlen=self.window), self._frame, timestamp, self._frame)
            self._candidates.append(candidate)
        candidate.readings.append(reading)
        candidate.last_frame = self._frame
        candidate.vote = vote(list(candidate.readings))
        recent = [c for c in self._candidates if self._frame - c.last_frame < self.window]
        self._candidates = sorted(recent, key=lambda c: c.last_frame)[-4:]
        return self._decide(candidate, reading, timestamp)

    def _expire(self, timestamp: float) -> None:
        if self._last_seen is not None and timestamp - self._last_seen > self.absent_seconds:
            if self._reported is not None or self._candidates:
                log.info("the document left the camera's view; ready for the next")
            self.reset()

    def _nearest(self, reading: Reading) -> _Candidate | None:
        best, distance = None, self.change_ratio
        for c in self._candidates:
            d = difference(reading.lines, c.vote.lines)
            if d < distance:
                best, distance = c, d
        return best

    def _decide(self, candidate: _Candidate, latest: Reading,
                timestamp: float) -> StableRead | None:
        v = candidate.vote
        if v.count < self.min_frames or v.min_margin < self.min_margin:
            return None
        try:
            document = self._parse("\n".join(v.lines))
        except mrz.MRZError as exc:
            log.info("voted text of %d frames is not an MRZ (%s)", v.count, type(exc).__name__)
            return None
        if not document.valid:
            log.info("voted text of %d frames fails the %s check(s)", v.count,
                     ", ".join(document.checks.failed))
            return None
        if unusual_code(document):
            log.info("voted text of %d frames has a document code unusual for a %s",
                     v.count, document.format)  # a passport's lines cut to a card's length
            return None
        doubtful = {p for places in doubted_checks(layout_named(document.layout_name),
                                                   v.surest).values() for p in places}
        if doubtful:  # a misread the check digit cannot see (G for 6), never read surely
            log.info("voted text of %d frames has %d unsure character(s) under a check digit",
                     v.count, len(doubtful))
            return None
        covered = verified(document)
        unsure = sum(1 for i, line in enumerate(v.sureness) for j, sure in enumerate(line)
                     if sure < self.min_unverified_confidence and (i, j) not in covered)
        if unsure:
            log.info("voted text of %d frames has %d unsure character(s) no check covers",
                     v.count, unsure)
            return None
        self._reported = v.lines
        self._candidates = []
        reading = Reading(lines=v.lines, confidence=v.confidence, source="camera",
                          engine=latest.engine, band=latest.band, frames=v.count)
        log.info("stable read: %d agreeing of %d frames", v.count,
                 self._frame - candidate.first_frame + 1)
        return StableRead(reading, document, self._frame - candidate.first_frame + 1,
                          timestamp - candidate.first_time)


# -- the three together ---------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Step:
    """What happened to one frame."""

    gate: GateDecision
    reading: Reading | None = None  # the engine's reading of this frame (None: not read, or no MRZ)
    stable: StableRead | None = None  # the document, the first time the frames agree on it
    ms: float = 0.0  # time spent on this frame, gate and OCR included


@dataclass
class MultiFrameReader:
    """Frames in, one stable reading per document out: gate, engine, agreement.

    Single-threaded and without a clock of its own (every call carries the
    frame's timestamp), so it runs the same in a worker, a test or a benchmark.
    """

    engine: Engine
    gate: FrameGate = field(default_factory=FrameGate)
    agreement: Agreement = field(default_factory=Agreement)

    def process(self, image: np.ndarray, timestamp: float) -> Step:
        started = time.perf_counter()
        decision = self.gate.check(image, timestamp)
        if not decision.passed:
            self.agreement.skipped(timestamp)
            return Step(decision, ms=(time.perf_counter() - started) * 1000)
        reading = self.engine(image)
        self.gate.saw(reading, timestamp)
        stable = self.agreement.add(reading, timestamp)
        return Step(decision, reading, stable, (time.perf_counter() - started) * 1000)

    def reset(self) -> None:
        self.gate.reset()
        self.agreement.reset()
