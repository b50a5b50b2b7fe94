"""Photographs of documents: a page laid on a desk, seen by a camera, degraded.

``photograph(rng, doc, difficulty, frame=(w, h))`` draws the document's page
(:mod:`.page`), lays it on a :func:`background` (wood, laminate, cloth, a
scanner's glass, papers lying about), and takes the picture: rotated up to
±15°, tilted in perspective, covering from a third of the frame to all of it,
then blurred (defocus or motion), lit unevenly, glared, noised, reduced in
resolution, sometimes grey, and JPEG-compressed. ``difficulty`` (0 to 1)
scales every degradation; at 1 the MRZ is still legible to a person.
``flat_scan`` is the page as a flatbed or full-page reader delivers it.

Deterministic: everything is drawn from the ``random.Random`` given (numpy's
and OpenCV's noise generators are seeded from it). About a fifth of a second
a 1280x720 photograph on one free core.

>>> import random
>>> from borderdesk.reader.synth.identities import random_document
>>> rng = random.Random(7)
>>> shot = photograph(rng, random_document(rng), 0.5, frame=(640, 480))
>>> shot.image.shape, shot.image.dtype.name, len(shot.band)
((480, 640, 3), 'uint8', 4)
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import cv2
import numpy as np

from .identities import SynthDocument
from .page import PITCH_MM, SIZES_MM, booklet, render

Quad = tuple[tuple[float, float], ...]
MIN_PITCH = 8.0  # pixels: the smallest character pitch a photograph gets


@dataclass(frozen=True)
class Shot:
    """A synthetic picture of a document and its truth.

    ``band`` is the MRZ band's 4 corners in the image, clockwise from top
    left (the corners of the character cells of every line, with a margin of
    a third of the character height above and below); ``line_quads`` the
    corners of each line alike. ``pitch`` is the character pitch in the image
    (pixels, along the line).
    """

    image: np.ndarray  # BGR uint8, frame height x frame width x 3
    band: Quad
    lines: tuple[str, ...]
    kind: str
    difficulty: float
    line_quads: tuple[Quad, ...] = ()
    pitch: float = 0.0
    conditions: dict = field(default_factory=dict)  # what was done to it: font, blur, glare...


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _gauss(rng: random.Random, shape: tuple[int, ...], sigma: float) -> np.ndarray:
    """Per-pixel Gaussian noise, float32 (OpenCV's generator: several times numpy's speed)."""
    out = np.empty(shape, np.float32)
    cv2.setRNGSeed(rng.getrandbits(31))
    cv2.randn(out, 0.0, float(sigma))
    return out


def _smooth_noise(noise: np.random.Generator, height: int, width: int, cells: tuple[int, int],
                  sigma: float = 1.0) -> np.ndarray:
    """Noise varying over ``cells`` (rows, cols) across the image, float32 of shape (h, w)."""
    small = noise.normal(0, sigma, (max(2, cells[0]), max(2, cells[1]))).astype(np.float32)
    return cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC)


# -- backgrounds ----------------------------------------------------------------------

def _wood(rng, noise, h, w):
    base = np.array([rng.uniform(40, 110), rng.uniform(70, 150), rng.uniform(110, 200)], np.float32)
    horizontal = rng.random() < 0.5
    rows, cols = (h, w) if horizontal else (w, h)
    warp = _smooth_noise(noise, rows, cols, (6, 3), 12)
    y = np.arange(rows, dtype=np.float32)[:, None]
    grain = np.sin((y + warp) * rng.uniform(0.05, 0.2)) * 0.5 + 0.5
    streaks = _smooth_noise(noise, rows, cols, (rows // 3, 8), 1.0)
    field = grain * rng.uniform(0.15, 0.35) + streaks * 0.08
    if not horizontal:
        field = field.T
    return base * (1 - field[..., None])


def _plain(rng, noise, h, w):
    level = rng.choice([rng.uniform(20, 70), rng.uniform(90, 170), rng.uniform(190, 245)])
    base = np.array([level + rng.uniform(-15, 15) for _ in range(3)], np.float32)
    shade = _smooth_noise(noise, h, w, (3, 4), 0.06)
    return base * (1 + shade[..., None]) + _gauss(rng, (h, w, 1), 2)


def _cloth(rng, noise, h, w):
    base = np.array([rng.uniform(30, 200) for _ in range(3)], np.float32)
    period = rng.uniform(2.5, 6)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    weave = (np.sin(x * 2 * math.pi / period) * np.sin(y * 2 * math.pi / period)) * 0.06
    fuzz = cv2.GaussianBlur(_gauss(rng, (h, w), 0.08), (0, 0), 1.2)
    return base * (1 + weave + fuzz)[..., None]


def _scanner(rng, noise, h, w):
    level = rng.uniform(225, 250) if rng.random() < 0.7 else rng.uniform(10, 40)
    return np.full((h, w, 3), level, np.float32) + _gauss(rng, (h, w, 1), 1.5)


_WORDS = ("invoice total receipt date name address tel notes meeting agenda report passenger "
          "flight gate seat boarding arrival departure customs declaration form signature").split()


def _clutter(rng: random.Random, image: np.ndarray) -> None:
    """Papers with printed lines, a pen, a sticky note: what lies on a desk."""
    h, w = image.shape[:2]
    for _ in range(rng.randint(0, 3)):
        pw, ph = rng.uniform(0.2, 0.5) * w, rng.uniform(0.3, 0.7) * h
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        angle = rng.uniform(-40, 40)
        box = cv2.boxPoints(((cx, cy), (pw, ph), angle)).astype(np.int32)
        shade = rng.uniform(200, 250)
        cv2.fillConvexPoly(image, box, (shade, shade, shade - rng.uniform(0, 15)), cv2.LINE_AA)
        # printed lines on it, along its top edge: drawn level, then turned with the paper
        rot = cv2.getRotationMatrix2D((cx, cy), -angle, 1.0)
        scale = rng.uniform(0.4, 0.8)
        layer = np.zeros((h, w), np.uint8)
        for k in range(rng.randint(3, 12)):
            y = cy - ph / 2 + 20 + k * 26 * scale
            if y > cy + ph / 2 - 10:
                break
            text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 6)))
            if rng.random() < 0.3:
                text = text.upper()
            cv2.putText(layer, text, (int(cx - pw / 2 + 12), int(y)), cv2.FONT_HERSHEY_SIMPLEX,
                        scale, 255, 1, cv2.LINE_AA)
        layer = cv2.warpAffine(layer, rot, (w, h))
        sheet = np.zeros((h, w), np.uint8)
        cv2.fillConvexPoly(sheet, box, 1)
        layer *= sheet  # the print stays on its paper
        alpha = layer.astype(np.float32)[..., None] / 255 * 0.8
        image[:] = image * (1 - alpha) + 40 * alpha
    if rng.random() < 0.3:  # a pen
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        a = rng.uniform(0, math.pi)
        length = rng.uniform(0.15, 0.3) * w
        p2 = (int(x + length * math.cos(a)), int(y + length * math.sin(a)))
        colour = tuple(rng.uniform(0, 200) for _ in range(3))
        cv2.line(image, (int(x), int(y)), p2, colour, rng.randint(6, 12), cv2.LINE_AA)


def background(rng: random.Random, height: int, width: int) -> np.ndarray:
    """A desk or scanner background, BGR uint8 of ``height`` x ``width``."""
    noise = _np(rng)
    kind = rng.choices([_wood, _plain, _cloth, _scanner], weights=[3, 4, 2, 1])[0]
    image = np.ascontiguousarray(kind(rng, noise, height, width), np.float32)
    if kind is not _scanner and rng.random() < 0.6:
        _clutter(rng, image)
    return np.clip(image, 0, 255).astype(np.uint8)


# -- the camera ------------------------------------------------------------------------

def _homography(rng: random.Random, size_mm: tuple[float, float], frame: tuple[int, int],
                difficulty: float, band_mm: np.ndarray,
                offset: tuple[float, float] = (0.0, 0.0)) -> tuple[np.ndarray, float]:
    """Where the document's corners land in the frame: (H from millimetres to pixels, px/mm)."""
    fw, fh = frame
    w_mm, h_mm = size_mm
    d = difficulty
    angle = math.radians(rng.uniform(-1, 1) * 15 * min(1.0, 0.2 + d))
    tilt = 0.09 * d
    corners = np.array([[0, 0], [w_mm, 0], [w_mm, h_mm], [0, h_mm]], np.float32)
    jitter = np.array([[rng.uniform(-tilt, tilt) * w_mm, rng.uniform(-tilt, tilt) * h_mm]
                       for _ in range(4)], np.float32)
    centre = np.array([w_mm / 2, h_mm / 2], np.float32)
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]],
                   np.float32)
    placed = (corners + jitter - centre) @ rot.T
    span = placed.max(axis=0) - placed.min(axis=0)
    fit = min(fw / span[0], fh / span[1])  # px/mm at which the document just fills the frame
    # from a third of the frame (hard) to all of it, never so far that a character
    # is under MIN_PITCH pixels wide
    # (a whole open booklet in a small frame would be too fine: it is cut, the band kept in)
    low = max(1 / 3 + (1 - d) * 0.3, MIN_PITCH / PITCH_MM / fit)
    coverage = rng.uniform(low, max(low, 1.0 + 0.12 * d))
    scale = fit * coverage
    placed *= scale
    # tilt foreshortens the band: bring its narrowest pitch back up to MIN_PITCH
    mapping = cv2.getPerspectiveTransform(corners, placed.astype(np.float32))
    band = cv2.perspectiveTransform(band_mm[None], mapping)[0]
    pitch = min(np.linalg.norm(band[1] - band[0]), np.linalg.norm(band[2] - band[3])) \
        / (band_mm[1][0] - band_mm[0][0]) * PITCH_MM
    if pitch < MIN_PITCH:
        grow = MIN_PITCH / pitch
        placed *= grow
        band *= grow
        scale *= grow
        coverage *= grow
    # put it where the whole band is inside the frame (and the whole page, unless zoomed in)
    mapping = cv2.getPerspectiveTransform(corners, placed.astype(np.float32))
    keep = np.vstack([placed, band]) if coverage <= 1 else band
    lo = keep.min(axis=0)
    hi = keep.max(axis=0)
    margin = 0.01 * min(fw, fh)
    x_range = (margin - lo[0], fw - margin - hi[0])
    y_range = (margin - lo[1], fh - margin - hi[1])
    dx = rng.uniform(*sorted(x_range)) if x_range[0] <= x_range[1] else sum(x_range) / 2
    dy = rng.uniform(*sorted(y_range)) if y_range[0] <= y_range[1] else sum(y_range) / 2
    placed += np.array([dx + offset[0], dy + offset[1]], np.float32)
    return cv2.getPerspectiveTransform(corners, placed.astype(np.float32)), scale


def _quad(points: np.ndarray) -> Quad:
    return tuple((round(float(x), 2), round(float(y), 2)) for x, y in points)


def _shadow(rng, image, mask, d):
    offset = (rng.uniform(-1, 1) * 12, rng.uniform(0.3, 1) * 14)
    moved = cv2.warpAffine(mask, np.float32([[1, 0, offset[0]], [0, 1, offset[1]]]),
                           (mask.shape[1], mask.shape[0]))
    soft = cv2.GaussianBlur(moved, (0, 0), rng.uniform(4, 12)) * rng.uniform(0.2, 0.45)
    image *= (1 - soft)[..., None]


def _lighting(rng, image, d, band, notes):
    h, w = image.shape[:2]
    # uneven light: a gradient and a vignette
    gy = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    gx = np.linspace(-1, 1, w, dtype=np.float32)[None, :]
    strength = rng.uniform(0.05, 0.1 + 0.4 * d)
    notes["uneven_light"] = round(strength, 2)
    a = rng.uniform(0, 2 * math.pi)
    gain = 1 + strength * (gx * math.cos(a) + gy * math.sin(a)) / 2
    gain -= rng.uniform(0, 0.25 * d) * (gx ** 2 + gy ** 2) / 2
    gain *= rng.uniform(0.8, 1.15)  # exposure
    image *= gain[..., None]
    image *= np.array([rng.uniform(0.9, 1.1) for _ in range(3)], np.float32)  # white balance
    # glare: a bright spot, kept from washing the MRZ out
    if rng.random() < 0.1 + 0.5 * d:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        radius = rng.uniform(0.04, 0.15) * w
        power = rng.uniform(60, 100 + 120 * d)
        yy = ((np.arange(h, dtype=np.float32) - cy) ** 2)[:, None]
        xx = ((np.arange(w, dtype=np.float32) - cx) ** 2)[None, :]
        spot = np.exp(-(xx + yy) / np.float32(2 * radius ** 2))
        band_mask = np.zeros((h, w), np.uint8)
        cv2.fillConvexPoly(band_mask, band.astype(np.int32), 1)
        on_band = float(spot[band_mask > 0].max()) if band_mask.any() else 0.0
        if on_band * power > 110:
            power = 110 / on_band
        notes["glare_on_band"] = round(on_band * power)
        image += (spot * power)[..., None]


def _blur(rng, image, d, pitch, notes):
    """Defocus or motion blur, bounded by the character pitch so the MRZ stays legible."""
    limit = max(0.3, pitch * (0.03 + 0.06 * d))
    if rng.random() < 0.3 * (0.3 + d):
        length = rng.uniform(1.5, 1.2 + 2 * limit)
        size = int(math.ceil(length)) | 1
        kernel = np.zeros((size, size), np.float32)
        angle = rng.uniform(0, math.pi)
        c = size // 2
        for t in np.linspace(-length / 2, length / 2, 4 * size):
            kernel[int(round(c + t * math.sin(angle))), int(round(c + t * math.cos(angle)))] = 1
        kernel /= kernel.sum()
        notes["motion_blur"] = round(length, 2)
        return cv2.filter2D(image, -1, kernel)
    sigma = rng.uniform(0.3, 0.3 + limit)
    notes["defocus"] = round(sigma, 2)
    return cv2.GaussianBlur(image, (0, 0), sigma)


def _finish(rng, image, d, pitch, notes, *, jpeg=True):
    """Sensor noise, low resolution, grey, JPEG: float image in, uint8 out."""
    h, w = image.shape[:2]
    if rng.random() < 0.15 + 0.35 * d and pitch > 9:
        factor = rng.uniform(1.0, min(1 + 0.9 * d, pitch / 8.5))
        notes["low_resolution"] = round(factor, 2)
        small = cv2.resize(image, (max(8, int(w / factor)), max(8, int(h / factor))),
                           interpolation=cv2.INTER_AREA)
        image = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    sigma = rng.uniform(0.5, 2 + 7 * d)
    notes["noise"] = round(sigma, 1)
    image = image + _gauss(rng, (h, w, 1), sigma) + _gauss(rng, (h, w, 3), sigma * 0.4)
    out = np.clip(image, 0, 255).astype(np.uint8)
    if rng.random() < 0.15:
        out = cv2.cvtColor(cv2.cvtColor(out, cv2.COLOR_BGR2GRAY), cv2.COLOR_GRAY2BGR)
        notes["grey"] = True
    if jpeg:
        quality = int(rng.uniform(max(35, 92 - 60 * d), 96 - 20 * d))
        notes["jpeg"] = quality
        ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, quality])
        out = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return out


def _rounded_mask(width: int, height: int, radius: int) -> np.ndarray:
    mask = np.zeros((height, width), np.float32)
    r = max(1, radius)
    cv2.rectangle(mask, (r, 0), (width - 1 - r, height - 1), 1, -1)
    cv2.rectangle(mask, (0, r), (width - 1, height - 1 - r), 1, -1)
    for cx, cy in ((r, r), (width - 1 - r, r), (r, height - 1 - r), (width - 1 - r, height - 1 - r)):
        cv2.circle(mask, (cx, cy), r, 1, -1, cv2.LINE_AA)
    return mask


def photograph(rng: random.Random, doc: SynthDocument, difficulty: float, *,
               frame: tuple[int, int] = (1280, 720),
               backdrop: np.ndarray | None = None,
               offset: tuple[float, float] = (0.0, 0.0),
               open_booklet: bool | None = None) -> Shot:
    """A camera's picture of ``doc`` at ``difficulty`` (0 easy .. 1 hard), ``frame`` (w, h).

    ``backdrop`` (a BGR image of the frame's size) is the desk to lay it on;
    a new :func:`background` is drawn when None. ``offset`` (pixels) moves the
    document from where it would lie, to show it coming into view: the same
    ``rng`` state with another offset gives the same document, moved (the band
    may then leave the frame). A passport lies as an open booklet, the facing
    page above its data page, half the time (``open_booklet`` None) or as told.
    """
    d = float(min(1.0, max(0.0, difficulty)))
    fw, fh = frame
    noise = _np(rng)
    desk = backdrop if backdrop is not None else background(rng, fh, fw)
    w_mm, h_mm = SIZES_MM[doc.kind]
    coin = rng.random() < 0.5
    open_booklet = doc.kind == "TD3" and (coin if open_booklet is None else open_booklet)
    if open_booklet:
        h_mm *= 2
    # the band in millimetres is known only once drawn; place with its nominal position first
    n_lines = len(doc.lines)
    band_mm = np.array([[6, h_mm - 4 - 4.3 * n_lines], [w_mm - 6, h_mm - 4 - 4.3 * n_lines],
                        [w_mm - 6, h_mm - 3], [6, h_mm - 3]], np.float32)
    to_frame, px_per_mm = _homography(rng, (w_mm, h_mm), frame, d, band_mm, offset)
    ppm = float(np.clip(px_per_mm * 1.5, 4.0, 10.0))
    plain = rng.random() < 0.75 - 0.3 * d
    page = render(rng, doc, ppm, noise=noise, plain_mrz=plain)
    if open_booklet:
        page = booklet(rng, page, noise)
    notes: dict = {"font": page.font, "booklet": open_booklet, "guilloche_under_mrz": not plain}
    pw, ph = page.image.shape[1], page.image.shape[0]
    from_page = to_frame @ np.diag([1 / ppm, 1 / ppm, 1]).astype(np.float64)
    src = page.image
    down = ppm / px_per_mm
    if down > 1.2:  # anti-alias before the warp shrinks it
        src = cv2.GaussianBlur(src, (0, 0), 0.45 * down)
    mask = _rounded_mask(pw, ph, int(ppm * (3.2 if doc.kind in ("TD1", "TD2") else 1.0)))
    image = desk.astype(np.float32)
    warped_mask = cv2.warpPerspective(mask, from_page, (fw, fh), flags=cv2.INTER_LINEAR)
    if rng.random() < 0.8:
        _shadow(rng, image, warped_mask, d)
    warped = cv2.warpPerspective(src, from_page, (fw, fh), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_REPLICATE).astype(np.float32)
    image = image * (1 - warped_mask[..., None]) + warped * warped_mask[..., None]
    band = cv2.perspectiveTransform(page.band[None].astype(np.float64), from_page)[0]
    quads = [cv2.perspectiveTransform(q[None].astype(np.float64), from_page)[0]
             for q in page.line_quads]
    pitch = float(np.linalg.norm(band[1] - band[0])) / len(doc.lines[0])
    top = band[1] - band[0]
    notes["angle"] = round(math.degrees(math.atan2(top[1], top[0])), 1)
    notes["coverage"] = round(float(px_per_mm / min(fw / w_mm, fh / h_mm)), 2)
    _lighting(rng, image, d, band, notes)
    # small print takes less blur, noise and compression before it is past reading
    d_small = d * (0.4 + 0.6 * min(1.0, max(0.0, (pitch - MIN_PITCH) / 8)))
    image = _blur(rng, image, d_small, pitch, notes)
    out = _finish(rng, image, d_small, pitch, notes)
    return Shot(out, _quad(band), tuple(doc.lines), doc.kind, d,
                tuple(_quad(q) for q in quads), round(pitch, 3), notes)


def flat_scan(rng: random.Random, doc: SynthDocument, *, dpi: float = 300) -> Shot:
    """The page as a flatbed or full-page reader images it: straight, evenly lit, fine."""
    noise = _np(rng)
    ppm = dpi / 25.4
    plain = rng.random() < 0.8
    page = render(rng, doc, ppm, noise=noise, plain_mrz=plain)
    notes: dict = {"font": page.font, "guilloche_under_mrz": not plain, "dpi": dpi}
    ph, pw = page.image.shape[:2]
    margin = int(ppm * rng.uniform(4, 12))
    fw, fh = pw + 2 * margin, ph + 2 * margin
    image = _scanner(rng, noise, fh, fw)
    angle = rng.uniform(-1.5, 1.5)
    centre = (fw / 2, fh / 2)
    shift = np.float64([[1, 0, margin], [0, 1, margin], [0, 0, 1]])
    rot = np.vstack([cv2.getRotationMatrix2D(centre, angle, 1.0), [0, 0, 1]])
    to_frame = rot @ shift
    mask = _rounded_mask(pw, ph, int(ppm * (3.2 if doc.kind in ("TD1", "TD2") else 1.0)))
    warped_mask = cv2.warpPerspective(mask, to_frame, (fw, fh))
    warped = cv2.warpPerspective(page.image, to_frame, (fw, fh),
                                 borderMode=cv2.BORDER_REPLICATE).astype(np.float32)
    image = image * (1 - warped_mask[..., None]) + warped * warped_mask[..., None]
    band = cv2.perspectiveTransform(page.band[None].astype(np.float64), to_frame)[0]
    quads = [cv2.perspectiveTransform(q[None].astype(np.float64), to_frame)[0]
             for q in page.line_quads]
    image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.4, 0.8))
    out = _finish(rng, image, 0.0, page.pitch, notes)
    return Shot(out, _quad(band), tuple(doc.lines), doc.kind, 0.0,
                tuple(_quad(q) for q in quads), round(page.pitch, 3), notes)
