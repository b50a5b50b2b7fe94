"""Finding the MRZ in a picture and cutting it into character cells.

The MRZ is two or three lines of 30, 36 or 44 characters printed at a fixed
pitch in one font (ICAO Doc 9303 Part 3, 4.2), so once its lines are found
every character's place follows from the line's ends. The steps:

1. :func:`candidates` finds dense rows of small dark marks, at two scales so
   that a document filling the frame and one covering a third of it are both
   found: black-hat morphology (dark strokes on lighter paper, whatever the
   light), a horizontal gradient, closings that join characters into lines and
   lines into a band, then each region's rotated rectangle (``minAreaRect``).
2. :func:`cut` straightens a region, binarises it (Otsu on the black-hat
   image, so uneven light and a tinted background drop out), finds the marks
   (connected components), corrects the remaining skew by the angle that
   makes the rows sharpest, groups the marks into rows (joining the pieces of
   a row a glare broke) and picks groups of 2 or 3 rows of the same length
   that can be an MRZ; tiny print is looked at again enlarged. Where that
   reads nothing, :func:`cut_washed` looks again for lines part washed out
   by glare or blur (their grid from the marks' own pitch, extended to the
   line's length), and :func:`candidates` with ``faint`` gives the regions
   of print too faint beside the frame's strongest to be found at first.
3. Each row is fitted to its characters: a line through their centres (the
   slope may differ from row to row under perspective) and their places along
   it as a grid ``x = x0 + pitch * i (+ a small quadratic term for
   perspective)`` over the known number of characters, fitted to the marks
   that are single characters. Each character's cell is cut from the black-hat
   image, centred on its place, one pitch wide and the row's character height
   tall, and scaled to ``CELL_W x CELL_H``.

Everything here is OpenCV and numpy; the character classifier and the
training script use these very cells, so what the classifier learns is what
it is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import cv2
import numpy as np

CELL_W, CELL_H = 16, 24  # a character cell as the classifier sees it
LENGTHS = {3: (30,), 2: (36, 44)}  # characters a line, by number of lines
WORK_WIDTH = 640  # the frame is searched at this width (and at half of it)
MAX_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A region of the picture that may hold the MRZ: a rotated rectangle, in picture pixels."""

    center: tuple[float, float]
    size: tuple[float, float]  # width along the text, height across it
    angle: float  # degrees, of the text direction
    score: float


@dataclass(slots=True)
class Cut:
    """An MRZ hypothesis: its cells (one array per line) and where it lies in the picture."""

    cells: list[np.ndarray]  # per line, (n, CELL_H, CELL_W) float32, ink high
    band: tuple[tuple[float, float], ...]  # corners in the picture, clockwise from top left
    lengths: tuple[int, ...]


def grey(image: np.ndarray) -> np.ndarray:
    """The picture as 8-bit grey."""
    if image.ndim == 3:
        if image.shape[2] == 4:
            return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
        if image.shape[2] == 1:
            return image[:, :, 0]
        return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return image


# -- 1. candidate regions -----------------------------------------------------

def _regions(small: np.ndarray, factor: float, faint: bool = False) -> list[Candidate]:
    """Text-band regions found in ``small`` (a picture scaled by ``factor``).

    ``faint``: at half the usual strength of the edges of print (glare
    washing out the MRZ beside print of full strength)."""
    h, w = small.shape
    blackhat = cv2.morphologyEx(small, cv2.MORPH_BLACKHAT,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (13, 7)))
    # less what runs on upright far longer than a character (wood grain, edges, rules)
    upright = cv2.morphologyEx(blackhat, cv2.MORPH_OPEN,
                               cv2.getStructuringElement(cv2.MORPH_RECT, (1, 15)))
    blackhat = cv2.subtract(blackhat, upright)
    grad = cv2.convertScaleAbs(cv2.Sobel(blackhat, cv2.CV_16S, 1, 0, ksize=3))
    grad = cv2.morphologyEx(grad, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    level, _ = cv2.threshold(grad, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    _, mask = cv2.threshold(grad, max(level / 2 if faint else level, 40), 255, cv2.THRESH_BINARY)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 3)))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    found = []
    for contour in contours:
        if len(contour) < 5:
            continue
        (cx, cy), (rw, rh), angle = cv2.minAreaRect(contour)
        if rw < rh:  # make width the text direction
            rw, rh, angle = rh, rw, angle + 90
        if angle > 90:
            angle -= 180
        if rw < 0.12 * max(w, h) or rh < 3 or abs(angle) > 30:
            continue
        aspect = rw / rh
        if aspect < 3:
            continue
        fill = cv2.contourArea(contour) / max(rw * rh, 1)
        score = rw * min(aspect, 12) * fill
        found.append(Candidate((cx / factor, cy / factor), (rw / factor, rh / factor), angle, score))
    return found


def candidates(g: np.ndarray, faint: bool = False) -> list[Candidate]:
    """Regions that may hold the MRZ, the likeliest first.

    ``faint``: those found only where print half as strong as the frame's
    strongest counts (a glare on the band), not found otherwise.
    """
    h, w = g.shape
    factor = min(1.0, WORK_WIDTH / w)
    if min(h * factor, w * factor) < 16:  # a sliver of a picture: no MRZ, nothing to scale
        return []
    small = cv2.resize(g, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else g
    half = cv2.resize(small, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    kept = _distinct(_regions(small, factor) + _regions(half, factor * 0.5))
    if not faint:
        return kept[:MAX_CANDIDATES]
    more = _distinct(_regions(small, factor, True) + _regions(half, factor * 0.5, True), kept)
    return more[len(kept):][:MAX_CANDIDATES]


def _distinct(found: list[Candidate], kept: list[Candidate] | None = None) -> list[Candidate]:
    """``kept`` and then the regions of ``found`` not the same as one before, likeliest first
    (the two scales often find the same band)."""
    kept = list(kept or [])
    for c in sorted(found, key=lambda c: -c.score):
        if any(abs(c.center[0] - k.center[0]) < k.size[0] / 4
               and abs(c.center[1] - k.center[1]) < max(k.size[1], c.size[1]) / 2
               and abs(c.size[0] - k.size[0]) < k.size[0] / 4 for k in kept):
            continue
        kept.append(c)
    return kept


# -- 2. straighten and find rows ---------------------------------------------

MAX_STRIP_WIDTH = 1000  # a straightened band is scaled down to at most this
SMALL_PRINT = 8  # characters less high than this (pixels) are looked at again enlarged


def _straighten(g: np.ndarray, c: Candidate, zoom: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """The region, widened to catch lines the closing did not join, upright; and the inverse map.

    ``zoom`` enlarges it (tiny print whose strokes run together at its own size).
    """
    width = c.size[0] * 1.4 + 8
    height = c.size[1] * 1.3 + c.size[0] * 0.34 + 8  # room for two more lines either side
    scale = min(1.0, MAX_STRIP_WIDTH / width) * zoom
    out_w, out_h = int(width * scale), int(height * scale)
    a = math.radians(c.angle)
    cos, sin = math.cos(a), math.sin(a)
    # maps strip (u, v) to picture (x, y)
    inv = np.array([[cos / scale, -sin / scale, 0], [sin / scale, cos / scale, 0]], np.float64)
    inv[:, 2] = np.array(c.center) - inv[:, :2] @ np.array([out_w / 2, out_h / 2])
    strip = cv2.warpAffine(g, inv, (out_w, out_h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                           borderMode=cv2.BORDER_REPLICATE)
    return strip, inv


@dataclass(slots=True)
class _Row:
    comps: np.ndarray  # (k, 4): cx, cy, w, h
    slope: float
    offset: float  # v = offset + slope * u, the row's centre line
    height: float  # the characters' height
    left: float
    right: float


def _marks(strip: np.ndarray, char_hint: float, close: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The ink image and the marks on it: (k, 4) centre x, centre y, width, height.

    Ink is the black-hat image (dark strokes over the paper around them)
    divided by the strongest ink nearby, so that characters half washed out
    by glare or shade come out as strong as the rest (with a floor, so that
    faint texture on bare paper does not).
    """
    k = int(max(7, min(61, char_hint * 1.3))) | 1
    blackhat = cv2.morphologyEx(strip, cv2.MORPH_BLACKHAT,
                                cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    local = cv2.dilate(blackhat, cv2.getStructuringElement(cv2.MORPH_RECT, (3 * k, k)))
    floor = max(8.0, 0.4 * float(np.percentile(blackhat[::3, ::3], 99.5)))
    ink = blackhat.astype(np.float32) / np.maximum(local, floor).astype(np.float32)
    binary = (ink > 0.42).astype(np.uint8)
    if close:  # pieces of one character's strokes, apart by a pixel or two, made one mark
        binary = cv2.morphologyEx(binary, cv2.MORPH_CLOSE,
                                  cv2.getStructuringElement(cv2.MORPH_RECT, (1, close)))
    n, _, stats, centroids = cv2.connectedComponentsWithStats(binary, connectivity=8)
    stats = stats[1:]
    boxes = np.column_stack([stats[:, 0] + stats[:, 2] / 2, stats[:, 1] + stats[:, 3] / 2,
                             stats[:, 2], stats[:, 3]]).astype(np.float32)
    area = stats[:, 4]
    keep = (stats[:, 3] >= 3) & (area >= 4) & (stats[:, 3] < strip.shape[0] * 0.6)
    return ink, boxes[keep]


def _chains(marks: np.ndarray, v: np.ndarray, ch: float) -> list[np.ndarray]:
    """Marks linked into text rows: each to its nearest neighbour on the right that is
    about as tall, at about the same level (``v``, the height across the text) and
    not far off (``ch``: the typical character height). Returns the index arrays of the rows, left to right."""
    x, w, h = marks[:, 0], marks[:, 2], marks[:, 3]
    dx = x[None, :] - x[:, None]  # [a, b]: from a to b
    gap = (x[None, :] - w[None, :] / 2) - (x[:, None] + w[:, None] / 2)
    hmax = np.maximum(h[:, None], h[None, :])
    ratio = hmax / np.minimum(h[:, None], h[None, :])
    # the level is judged against a whole character's height even between small marks: thin
    # strokes lost to blur or glare break a character into pieces that sit off its centre;
    # but not against a taller mark's: a blob as tall as two lines would link them
    tall = np.maximum(np.minimum(h[:, None], h[None, :]), ch)
    ok = (dx > 0) & (gap < 1.3 * tall) & (np.abs(v[None, :] - v[:, None]) < 0.5 * tall) \
        & (ratio < 4.0)
    dx = np.where(ok, dx, np.inf)
    nearest = dx.argmin(1)
    parent = list(range(len(marks)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in np.flatnonzero(np.isfinite(dx.min(1))):
        parent[root(int(a))] = root(int(nearest[a]))
    groups: dict[int, list[int]] = {}
    for i in range(len(marks)):
        groups.setdefault(root(i), []).append(i)
    pieces = [np.array(idx) for idx in groups.values() if len(idx) >= 3]
    return [idx for idx in _join(pieces, marks, v, ch) if len(idx) >= 12]


def _join(pieces: list[np.ndarray], marks: np.ndarray, v: np.ndarray, ch: float) -> list[np.ndarray]:
    """Pieces of one row joined: a row broken where a character or two washed out (glare, blur).

    Two pieces are joined when they lie at the same level, in print of the same
    size and pitch, and the right one begins one to three pitches after the
    left one ends (five, between pieces of six marks or more: a glare can wash
    out a word), on the left one's grid (other print beside the MRZ seldom
    keeps to it).
    """
    if len(pieces) < 2:
        return pieces
    x, h = marks[:, 0], marks[:, 3]
    pieces = [idx[np.argsort(x[idx])] for idx in pieces]
    pieces.sort(key=lambda idx: float(x[idx[0]]))
    # each piece's first and last centre, level, print height and pitch, computed once
    first = np.array([x[idx[0]] for idx in pieces])
    last = np.array([x[idx[-1]] for idx in pieces])
    level = np.array([np.median(v[idx]) for idx in pieces])
    size = np.array([np.percentile(h[idx], 75) for idx in pieces])
    step = np.array([np.median(np.diff(x[idx])) for idx in pieces])
    count = np.array([len(idx) for idx in pieces])
    into = np.arange(len(pieces))  # the piece each one has been joined to
    out: list[int] = []
    for k in range(len(pieces)):
        if out:
            o = np.array(out)
            gap = (first[k] - last[o]) / np.maximum(step[o], 1e-6)
            ok = ((np.abs(level[o] - level[k]) < 0.4 * max(ch, size[k]))
                  & (np.maximum(size[o], size[k]) < 1.5 * np.minimum(size[o], size[k]))
                  & (np.abs(step[o] - step[k]) < 0.2 * np.maximum(step[o], step[k]))
                  & (gap > 0.7) & (gap < np.where(np.minimum(count[o], count[k]) >= 6, 5.3, 3.3))
                  & (np.abs(gap - np.round(gap)) < 0.3))
            hits = np.flatnonzero(ok)
            if len(hits):
                j = int(o[hits[-1]])
                into[k] = j
                last[j] = last[k]
                count[j] += count[k]
                continue
        out.append(k)
    joined: dict[int, list[np.ndarray]] = {}
    for k, idx in enumerate(pieces):
        joined.setdefault(int(into[k]), []).append(idx)
    return [np.concatenate(parts) for parts in joined.values()]


def _rows(marks: np.ndarray) -> list[_Row]:
    """Group the marks into text rows, after finding the skew that makes them sharpest."""
    if len(marks) < 20:
        return []
    if len(marks) > 1500:  # a texture, not print: keep the most character-like marks
        marks = marks[np.argsort(np.abs(marks[:, 2] / marks[:, 3] - 0.6))[:1500]]
    hs = marks[:, 3]
    ch = float(np.median(hs[hs >= np.percentile(hs, 40)]))  # a character's height, about
    x, y = marks[:, 0], marks[:, 1]
    best, best_slope = -1.0, 0.0
    bins = max(1.0, ch / 3)
    for slope in np.linspace(-0.07, 0.07, 29):  # about +-4 degrees
        v = y - slope * x
        hist = np.bincount(((v - v.min()) / bins).astype(np.int64))
        sharp = float((hist.astype(np.float64) ** 2).sum())
        if sharp > best:
            best, best_slope = sharp, slope
    v = y - best_slope * x
    rows = []
    for idx in _chains(marks, v, ch):
        comps = marks[idx]
        comps = comps[np.argsort(comps[:, 0])]
        tall = comps[comps[:, 3] >= 0.75 * np.median(comps[:, 3])]
        fit = tall if len(tall) >= 6 else comps
        if len(fit) >= 6 and np.ptp(fit[:, 0]) > 0:
            slope, offset = np.polyfit(fit[:, 0], fit[:, 1], 1)
        else:
            slope, offset = best_slope, float(np.mean(comps[:, 1] - best_slope * comps[:, 0]))
        left = float((comps[:, 0] - comps[:, 2] / 2).min())
        right = float((comps[:, 0] + comps[:, 2] / 2).max())
        rows.append(_Row(comps, float(slope), float(offset), float(np.median(tall[:, 3])),
                         left, right))
    rows.sort(key=lambda r: r.offset + r.slope * (r.left + r.right) / 2)
    return rows


def _trim(row: _Row, left: float, right: float) -> _Row | None:
    """The row with only its marks between ``left`` and ``right``."""
    c = row.comps
    keep = (c[:, 0] - c[:, 2] / 2 >= left - row.height) & \
           (c[:, 0] + c[:, 2] / 2 <= right + row.height)
    if keep.sum() < 12:
        return None
    c = c[keep]
    slope, offset = row.slope, row.offset
    tall = c[c[:, 3] >= 0.75 * np.median(c[:, 3])]
    if len(tall) >= 6 and np.ptp(tall[:, 0]) > 0:  # the line through its own marks only
        slope, offset = (float(v) for v in np.polyfit(tall[:, 0], tall[:, 1], 1))
    return _Row(c, slope, offset, row.height, float((c[:, 0] - c[:, 2] / 2).min()),
                float((c[:, 0] + c[:, 2] / 2).max()))


def _line_groups(rows: list[_Row]) -> list[tuple[list[_Row], int]]:
    """Runs of 2 or 3 neighbouring rows of about the same extent, with the line length to try.

    MRZ lines all begin and end at the same places; where one row runs on past
    the others (print or the desk beside the document on the same level), it is
    also tried cut to the extent they share.
    """
    out = []
    for count in (3, 2):
        for i in range(len(rows) - count + 1):
            group = rows[i:i + count]
            tries = [group]
            left, right = max(r.left for r in group), min(r.right for r in group)
            if any(r.left < left - 0.05 * (right - left) or r.right > right + 0.05 * (right - left)
                   for r in group):
                trimmed = [_trim(r, left, right) for r in group]
                if all(t is not None for t in trimmed):
                    tries.insert(0, trimmed)
            for group in tries:
                widths = [r.right - r.left for r in group]
                if min(widths) < 0.85 * max(widths):
                    continue
                if max(abs(r.left - group[0].left) for r in group) > 0.1 * max(widths):
                    continue
                h = float(np.median([r.height for r in group]))
                mids = [r.offset + r.slope * (r.left + r.right) / 2 for r in group]
                gaps = np.diff(mids)
                if gaps.min() < 1.1 * h or gaps.max() > 3.2 * h:
                    continue
                lengths = [n for n in LENGTHS[count] if 0.5 * h < max(widths) / n < 1.8 * h]
                if len(lengths) > 1:
                    lengths.sort(key=lambda n: -_periodicity(group, max(widths) / n))
                out += [(group, n) for n in lengths]
    # prefer the lowest run (the MRZ is at the foot of the page), three lines before two
    out.sort(key=lambda gl: (-len(gl[0]), -gl[0][-1].offset))
    return out


def _periodicity(rows: list[_Row], pitch: float) -> float:
    """How well the marks of ``rows`` keep to a grid of ``pitch`` (1: every mark on it)."""
    total = 0.0
    for row in rows:
        phase = 2 * np.pi * row.comps[:, 0] / pitch
        total += float(np.hypot(np.cos(phase).sum(), np.sin(phase).sum())) / len(row.comps)
    return total / len(rows)


# -- 2b. rows part washed out ----------------------------------------------------

def _mark_pitch(rows: list[_Row]) -> float | None:
    """The pitch the marks of ``rows`` keep to: the spacing of neighbouring characters."""
    h = float(np.median([r.height for r in rows]))
    dx = np.concatenate([np.diff(r.comps[:, 0]) for r in rows])
    near = dx[(dx > 0.6 * h) & (dx < 2.0 * h)]
    if len(near) < 8:
        return None
    rough = float(np.median(near))
    n = np.round(dx / rough)
    ok = (n >= 1) & (n <= 3) & (np.abs(dx / rough - n) < 0.2)
    return float(dx[ok].sum() / n[ok].sum()) if ok.sum() >= 8 else None


def _numbered(row: _Row, pitch: float) -> tuple[np.ndarray, np.ndarray] | None:
    """The centres of the row's characters and their numbers along it (0 the first).

    The marks that are single characters, less any small piece of a stroke
    (under half the row's height), are numbered by their distance from the
    previous one in units of the local pitch (a gap in that of either side of
    it); then, three times, each is numbered again by the place of the grid
    fitted to them nearest to it, and those far off any place dropped
    (pieces of characters a glare broke). None unless most marks keep to one
    grid, as fixed-pitch print does.
    """
    comps = row.comps
    single = comps[(comps[:, 2] < 1.1 * pitch) & (comps[:, 3] >= 0.5 * row.height)]
    if len(single) < 8:
        return None
    cx = single[:, 0]
    idx = np.zeros(len(cx))
    local, steps = pitch, []
    gaps = np.diff(cx)
    for k in range(1, len(cx)):
        dx = gaps[k - 1]
        n = int(round(dx / local))
        if n > 1:  # a gap: measured in the pitch on either side of it (perspective)
            ahead = gaps[k:k + 5]
            ahead = ahead[(ahead > 0.7 * local) & (ahead < 1.5 * local)]
            if len(ahead):
                n = int(round(dx / ((local + float(np.median(ahead))) / 2)))
        idx[k] = idx[k - 1] + n
        if n == 1:
            steps.append(dx)
            recent = sorted(steps[-5:])
            local = max(0.8 * pitch, min(1.2 * pitch, float(recent[len(recent) // 2])))
    for _ in range(3):
        idx, cx = _renumbered(idx, cx, pitch)
    if len(cx) < max(8, 0.8 * len(single)):  # the MRZ keeps to its grid; proportional print not
        return None
    return idx - idx.min(), cx


def _fit(idx: np.ndarray, cx: np.ndarray) -> np.ndarray:
    """``x(i)`` fitted to numbered centres: a quadratic (perspective) over a long row."""
    deg = 2 if np.ptp(idx) > 25 and len(np.unique(idx)) > 12 else 1
    return np.polyfit(idx, cx, deg)


def _renumbered(idx: np.ndarray, cx: np.ndarray, pitch: float) -> tuple[np.ndarray, np.ndarray]:
    """Each centre numbered by the place nearest to it of the grid fitted to all; those
    further than 0.3 pitch from any place dropped."""
    if len(np.unique(idx)) < 4:
        return idx[:0], cx[:0]
    coef = _fit(idx, cx)
    slope = np.polyval(np.polyder(coef), idx)
    if (slope <= 0.5 * pitch).any():
        return idx[:0], cx[:0]
    idx = np.round(idx + (cx - np.polyval(coef, idx)) / slope)
    near = np.abs(cx - np.polyval(coef, idx)) < 0.3 * pitch
    return idx[near], cx[near]


def _pieces_joined(rows: list[_Row]) -> list[_Row]:
    """Rows at one level, in print of one size and pitch and on one grid, joined into one
    whatever the gap between them (a glare washed out the characters between).

    :func:`_join` already joined the pieces of a row a few characters apart;
    this is for what is left where nothing else was found.
    """
    rows = sorted(rows, key=lambda r: r.left)
    pitches = [_mark_pitch([r]) for r in rows]
    out: list[tuple[_Row, float | None]] = []
    for row, pitch in zip(rows, pitches):
        for k, (other, p) in enumerate(out):
            if pitch is None or p is None or abs(pitch - p) > 0.2 * max(pitch, p):
                continue
            if max(row.height, other.height) > 1.5 * min(row.height, other.height):
                continue
            u = (other.right + row.left) / 2
            if abs(other.offset + other.slope * u - row.offset - row.slope * u) \
                    > 0.4 * max(row.height, other.height):
                continue
            gap = (row.comps[0, 0] - other.comps[-1, 0]) / ((pitch + p) / 2)
            if gap < 0.7 or abs(gap - round(gap)) > 0.3:
                continue
            comps = np.concatenate([other.comps, row.comps])
            slope, offset = np.polyfit(comps[:, 0], comps[:, 1], 1)
            joined = _Row(comps, float(slope), float(offset), float(np.median(comps[:, 3])),
                          other.left, row.right)
            out[k] = (joined, (pitch * len(row.comps) + p * len(other.comps))
                      / (len(row.comps) + len(other.comps)))
            break
        else:
            out.append((row, pitch))
    joined = [r for r, _ in out]
    joined.sort(key=lambda r: r.offset + r.slope * (r.left + r.right) / 2)
    return joined


def _partial_groups(rows: list[_Row]) -> list[list[_Row]]:
    """Runs of 2 or 3 neighbouring rows that could be the MRZ's lines with some of their
    characters washed out: print of one size and pitch, one above the other, overlapping."""
    out = []
    for count in (3, 2):
        for i in range(len(rows) - count + 1):
            group = rows[i:i + count]
            heights = [r.height for r in group]
            if max(heights) > 1.5 * min(heights):
                continue
            left, right = max(r.left for r in group), min(r.right for r in group)
            if right - left < 0.5 * min(r.right - r.left for r in group):
                continue
            mid = (left + right) / 2
            gaps = np.diff([r.offset + r.slope * mid for r in group])
            h = float(np.median(heights))
            if gaps.min() < 1.1 * h or gaps.max() > 3.2 * h:
                continue
            out.append(group)
    out.sort(key=lambda group: (-len(group), -group[-1].offset))
    return out


def _partial_grids(group: list[_Row]
                   ) -> list[tuple[int, int, list[np.ndarray], tuple[float, float]]]:
    """Grids for the rows of ``group`` where glare or blur hid some characters of each line.

    The pitch comes from the marks themselves (not from the rows' extent, as
    in :func:`_grid`). The row with the most characters is numbered along
    it (:func:`_numbered`), and the others on its grid: MRZ lines begin at
    the same place and keep the same pitch. The characters no row shows, as
    many as the line length leaves over, are put after the rows' last ones
    or before their first (a glare washes out one end of a line; both are
    given). Returns ``(length, characters missing, centres of each row, (first, last)
    centre)``.
    """
    pitch = _mark_pitch(group)
    if pitch is None:
        return []
    numbered = [_numbered(r, pitch) for r in group]
    if any(n is None for n in numbered):
        return []
    ref = max(range(len(group)), key=lambda k: len(numbered[k][0]))
    reference = _fit(*numbered[ref])
    span = np.arange(-60.0, 120.0)
    along = np.polyval(reference, span)
    if (np.diff(along) <= 0).any():  # a quadratic turning back within reach
        inside = (span >= -10) & (span <= 60)
        span, along = span[inside], along[inside]
        if (np.diff(along) <= 0).any():
            return []
    fits = []
    for idx, cx in numbered:
        place = np.interp(cx, along, span)  # on the reference row's grid
        offset = float(np.median(place - np.round(place)))
        idx = np.round(place - offset)
        near = np.abs(place - offset - idx) < 0.3
        if near.sum() < 8:
            return []
        idx, cx = idx[near], cx[near]
        if np.ptp(idx) < 0.6 * np.ptp(numbered[ref][0]):  # too short to fit a curve of its own:
            coef = reference.copy()                         # the reference's, moved to its marks
            coef[-1] += float(np.median(cx - np.polyval(reference, idx)))
        else:
            coef = _fit(idx, cx)
        fits.append((idx, coef))
    first = min(idx.min() for idx, _ in fits)
    seen = int(max(idx.max() for idx, _ in fits) - first) + 1
    out = []
    for length in LENGTHS[len(group)]:
        missing = length - seen
        if missing < 0 or seen < 0.4 * length:
            continue
        for before in sorted({0, missing}):
            grids = [np.polyval(coef, np.arange(length) + first - before) for _, coef in fits]
            extent = (min(g[0] for g in grids), max(g[-1] for g in grids))
            out.append((length, missing, grids, extent))
    return out


# -- 3. cells -----------------------------------------------------------------

def _grid(row: _Row, length: int) -> np.ndarray | None:
    """The centre x of each of ``length`` characters along ``row``, or None if they do not fit.

    The marks that are single characters are numbered from left to right by
    their distance from the previous one in units of the local pitch (which
    drifts along the row under perspective), then ``x = c0 + c1 i + c2 i^2``
    is fitted to their numbers.
    """
    comps = row.comps
    pitch = (row.right - row.left - 0.6 * row.height) / (length - 1)
    single = comps[comps[:, 2] < 1.1 * pitch]
    if len(single) < length * 0.35:
        return None
    cx = single[:, 0]
    start = max(0, int(round((cx[0] - row.left - 0.3 * row.height) / pitch)))
    idx = np.empty(len(cx))
    idx[0] = start
    steps: list[float] = []
    local = pitch
    for k in range(1, len(cx)):
        dx = cx[k] - cx[k - 1]
        n = int(round(dx / local))  # 0: two pieces of one character
        idx[k] = idx[k - 1] + n
        if n == 1:
            steps.append(dx)
            recent = sorted(steps[-5:])
            local = max(0.7 * pitch, min(1.3 * pitch, float(recent[len(recent) // 2])))
    if idx[-1] >= length + 1 or idx[-1] < length - 3:
        return None
    if idx[-1] == length:  # a stray mark at the start: number from the end instead
        idx -= 1
    c2 = 0.0
    if np.ptp(idx) > length * 0.6 and len(idx) > 12:
        c2, c1, c0 = np.polyfit(idx, cx, 2)
    else:
        c1, c0 = np.polyfit(idx, cx, 1)
    n = np.arange(length)
    centres = c0 + c1 * n + c2 * n * n
    resid = np.abs(cx - (c0 + c1 * idx + c2 * idx * idx))
    if np.median(resid) > 0.15 * c1 or c1 <= 0:
        return None
    # the ends must land on ink: the first and last cells hold characters
    if centres[0] < row.left - 0.1 * c1 or centres[-1] > row.right + 0.1 * c1:
        return None
    return centres


#: A row's print is taken as at least this share of the tallest row's of its MRZ
MIN_ROW_HEIGHT_SHARE = 0.9


def _print_heights(group: list[_Row]) -> list[float]:
    """The height of each row's characters, for cutting their cells.

    A row's own measure is the median height of its marks, which in a line of
    mostly fillers (a short name: ``P<UTOLI<<AN<<<...``) is the filler's, about
    two thirds of a letter's: its cells would cut the letters' tops and feet
    off. Every MRZ has a line of mostly letters and digits (the dates line),
    and all its lines are printed alike, so no row is taken as lower than
    ``MIN_ROW_HEIGHT_SHARE`` of the tallest (perspective leaves rows a few
    per cent apart).
    """
    tallest = max(r.height for r in group)
    return [max(r.height, MIN_ROW_HEIGHT_SHARE * tallest) for r in group]


def _cells(ink: np.ndarray, row: _Row, centres: np.ndarray) -> np.ndarray:
    """The row's character cells from the ink image, scaled to CELL_W x CELL_H."""
    pitch = float(np.median(np.diff(centres)))
    half_w = pitch / 2
    half_h = row.height * 0.7
    sx, sy = CELL_W / (2 * half_w), CELL_H / (2 * half_h)
    cells = np.empty((len(centres), CELL_H, CELL_W), np.float32)
    for n, cx in enumerate(centres):
        cy = row.offset + row.slope * cx
        m = np.array([[sx, -row.slope * sx * 0, -sx * (cx - half_w)],
                      [sy * row.slope * 0, sy, -sy * (cy - half_h)]], np.float64)
        m[1, 0] = -sy * row.slope  # follow the row's slope inside the cell
        m[1, 2] += sy * row.slope * cx
        cells[n] = cv2.warpAffine(ink, m, (CELL_W, CELL_H), flags=cv2.INTER_AREA
                                  if sx < 1 else cv2.INTER_LINEAR)
    np.clip(cells, 0, 1, out=cells)
    return cells


def _cut_of(ink: np.ndarray, inv: np.ndarray, group: list[_Row], grids: list[np.ndarray],
            extent: tuple[float, float]) -> Cut:
    """The cut of ``group``'s rows on their grids, its band spanning ``extent`` along them."""
    heights = _print_heights(group)
    shrink = CELL_H / (1.4 * float(np.median(heights)))
    # big characters are smoothed before they are sampled down, so that they do not alias
    source = cv2.GaussianBlur(ink, (0, 0), 0.4 / shrink) if shrink < 0.6 else ink
    cells = [_cells(source, replace(row, height=height), centres)
             for row, height, centres in zip(group, heights, grids)]
    first, last = group[0], group[-1]
    top = first.offset - first.height
    bottom = last.offset + last.height
    left, right = extent
    corners = []
    for u, v in ((left, top + first.slope * left), (right, top + first.slope * right),
                 (right, bottom + last.slope * right), (left, bottom + last.slope * left)):
        x, y = inv @ np.array([u, v, 1.0])
        corners.append((float(x), float(y)))
    return Cut(cells, tuple(corners), (len(grids[0]),) * len(group))


def _widened(c: Candidate, inv: np.ndarray, group: list[_Row], left: float, right: float,
             width: float) -> Candidate:
    """The region ``c`` looked at again ``width`` wide (in the picture's pixels), centred on
    ``group``'s rows from ``left`` to ``right`` (in the straightened strip's)."""
    mid_u = (left + right) / 2
    mid_v = sum(r.offset + r.slope * mid_u for r in group) / len(group)
    x, y = inv @ np.array([mid_u, mid_v, 1.0])
    return Candidate((float(x), float(y)), (width, c.size[1]), c.angle, c.score)


def _look(g: np.ndarray, c: Candidate, zoom: float = 1.0
          ) -> tuple[np.ndarray, float, np.ndarray, list[_Row]]:
    """The region straightened (its inverse map and scale), its ink image and its rows."""
    strip, inv = _straighten(g, c, zoom)
    scale = strip.shape[1] / (c.size[0] * 1.4 + 8)
    ink, marks = _marks(strip, c.size[1] * scale * 0.8, 5 if zoom > 1 else 0)
    return inv, scale, ink, _rows(marks)


def cut(g: np.ndarray, c: Candidate, _again: bool = True, _zoom: float = 1.0) -> list[Cut]:
    """The MRZ hypotheses in the region ``c`` of the grey picture ``g`` (most likely first).

    Where none is found in print under ``SMALL_PRINT`` pixels high, the region
    is looked at again enlarged twice.
    """
    inv, scale, blackhat, rows = _look(g, c, _zoom)
    groups = _line_groups(rows)[:8]
    width = blackhat.shape[1]
    touching = [r for r in rows if r.left < 0.03 * width or r.right > 0.97 * width]
    if groups:  # the rows of the likeliest MRZ, before they were trimmed
        first = groups[0][0]
        height = first[0].height

        def level(r: _Row, u: float) -> float:
            return r.offset + r.slope * u

        # a row that runs on past the region at the MRZ's level, in print of its size
        touching = [r for r in touching
                    if 0.6 * height < r.height < 1.6 * height
                    and level(first[0], (r.left + r.right) / 2) - height
                    <= level(r, (r.left + r.right) / 2)
                    <= level(first[-1], (r.left + r.right) / 2) + height]
    else:
        touching = [r for r in touching if len(r.comps) >= 25]
    if _again and touching:
        # the print runs on past the region: look again around the rows found
        group = touching + (groups[0][0] if groups else [])
        left, right = min(r.left for r in group), max(r.right for r in group)
        wider = cut(g, _widened(c, inv, group, left, right, (right - left) / scale * 1.6),
                    False)
        if wider:
            return wider
        # else the rows running on were other print beside the MRZ: the region's own rows
    out = []
    for group, length in groups:
        grids = [_grid(row, length) for row in group]
        if any(centres is None for centres in grids):
            continue
        pitch = (group[0].right - group[0].left) / length
        left = min(r.left for r in group) - pitch * 0.3
        right = max(r.right for r in group) + pitch * 0.3
        out.append(_cut_of(blackhat, inv, group, grids, (left, right)))
    if not out and _zoom == 1.0 and scale > 0.99:
        likely = [r for group, _ in groups for r in group] or rows  # the rows of an MRZ shape
        height = float(np.median([r.height for r in likely])) if likely else c.size[1] * scale / 2.5
        if height < SMALL_PRINT:
            return cut(g, c, _again, 2.0)
    return out


def cut_washed(g: np.ndarray, c: Candidate, _wider: bool = True) -> list[Cut]:
    """MRZ hypotheses in the region ``c`` where glare or blur hid some characters of its
    lines (:func:`_partial_grids`): the second look, where :func:`cut` gave nothing
    that reads.

    Where a grid runs out of the straightened region, the region is looked
    at again widened to hold it (at most twice).
    """
    inv, scale, ink, rows = _look(g, c)
    if rows and scale > 0.99 and np.median([r.height for r in rows]) < SMALL_PRINT:
        inv, scale, ink, rows = _look(g, c, 2.0)
    out = []
    width = ink.shape[1]
    beyond = []  # the extents of grids that run out of the region, and their rows
    whole: list[_Row] = []  # the rows of an MRZ the first look cut whole already
    tried = 0
    for group in _partial_groups(_pieces_joined(rows)):
        if any(r is w for r in group for w in whole):
            continue  # two lines of a card's three are no MRZ of two
        if tried == 2:  # the two likeliest groups of the region
            break
        tried += 1
        for length, missing, grids, (lo, hi) in _partial_grids(group):
            pitch = (hi - lo) / (length - 1)
            first = [_grid(r, length) for r in group]
            if all(f is not None and np.abs(f - mine).max() < 0.3 * pitch
                   for f, mine in zip(first, grids)):
                if missing == 0:  # the first look's own grids: read already
                    whole += group
                continue
            if lo > 0.6 * pitch and hi < width - 0.6 * pitch:
                out.append(_cut_of(ink, inv, group, grids, (lo - 0.6 * pitch, hi + 0.6 * pitch)))
            else:
                beyond.append((lo, hi, group))
    looked: list[tuple[float, float]] = []
    for lo, hi, group in beyond if _wider else []:  # a look at a region widened to hold it
        if any(a <= lo and hi <= b for a, b in looked) or len(looked) == 2:
            continue
        mid_u = (lo + hi) / 2
        looked.append((mid_u - (hi - lo) * 0.65, mid_u + (hi - lo) * 0.65))
        wider = _widened(c, inv, group, lo, hi, (hi - lo) * 1.3 / scale)  # room for perspective
        out += cut(g, wider, False) + cut_washed(g, wider, False)
    return out
