"""A document's page drawn flat: card colour, guilloche, photo, visual zone and the MRZ.

Sizes are those of ICAO Doc 9303 (TD3 data page 125 x 88 mm, TD1 card
85.6 x 54 mm, TD2 105 x 74 mm, visas MRV-A 120 x 80 mm and MRV-B 105 x 74 mm);
the MRZ is printed at its pitch of 2.54 mm (ten characters an inch), one line
every 4.2 mm or so, near the bottom edge. The page is drawn at the
resolution asked for (pixels per millimetre), so a document far from the
camera is not drawn finer than it will be seen.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from .fonts import cap_ratio, mrz_fonts, text_font, truetype
from .identities import SynthDocument

#: Width and height in millimetres of each kind of document.
SIZES_MM = {"TD3": (125.0, 88.0), "TD1": (85.6, 54.0), "TD2": (105.0, 74.0),
            "MRV-A": (120.0, 80.0), "MRV-B": (105.0, 74.0)}
PITCH_MM = 2.54  # Doc 9303 Part 3: ten characters to the inch

_PAPER = [(222, 236, 228), (230, 226, 240), (214, 232, 244), (240, 230, 218), (236, 236, 236),
          (226, 240, 240), (244, 226, 232), (218, 226, 238), (246, 242, 226)]  # BGR pastels
_LABELS = {
    "surname": "Nom / Surname", "given": "Prénoms / Given names",
    "nationality": "Nationalité / Nationality", "birth": "Date de naissance / Date of birth",
    "sex": "Sexe / Sex", "expiry": "Date d'expiration / Date of expiry",
    "number": "N° du document / Document No.", "state": "Code / Code",
    "issued": "Date de délivrance / Date of issue", "authority": "Autorité / Authority",
}
_TITLES = {"TD3": "PASSEPORT  PASSPORT", "TD1": "CARTE D'IDENTITÉ  IDENTITY CARD",
           "TD2": "CARTE D'IDENTITÉ  IDENTITY CARD", "MRV-A": "VISA", "MRV-B": "VISA"}
_MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()


@dataclass(frozen=True)
class Page:
    """A flat page: the BGR image, and where the MRZ lines were printed on it (pixels)."""

    image: np.ndarray
    ppm: float  # pixels per millimetre
    colour: tuple[int, int, int]  # the paper's
    font: str  # the MRZ's font file (its name without suffix)
    line_quads: tuple[np.ndarray, ...]  # per MRZ line, its 4 corners (float32, clockwise)
    band: np.ndarray  # the MRZ band's 4 corners
    pitch: float  # character pitch in pixels


def _printed_date(value, rng: random.Random) -> str:
    if value is None:
        return "XX XXX XXXX"
    if rng.random() < 0.5:
        return f"{value.day:02d} {_MONTHS[value.month - 1]} {value.year}"
    return value.strftime("%d.%m.%Y")


def _guilloche(rng: random.Random, width: int, height: int, ppm: float,
               colour: tuple[int, int, int], canvas: np.ndarray) -> None:
    """Fine interlaced sine curves and rosettes, as printed under a data page."""
    count = rng.randint(14, 32)
    t = np.linspace(0, 1, 700, dtype=np.float32)
    thickness = max(1, round(ppm * 0.12))
    for _ in range(count):
        tint = tuple(int(np.clip(c - rng.uniform(18, 55), 0, 255)) for c in colour)
        if rng.random() < 0.6:  # a wave across the page
            y0 = rng.uniform(0, height)
            amp = rng.uniform(0.03, 0.15) * height
            freq = rng.uniform(2, 9)
            phase = rng.uniform(0, 2 * math.pi)
            xs = t * width
            ys = y0 + amp * np.sin(2 * math.pi * freq * t + phase) * np.cos(
                2 * math.pi * rng.uniform(0.3, 1.5) * t)
        else:  # a rosette (hypotrochoid)
            cx, cy = rng.uniform(0, width), rng.uniform(0, height)
            r_big = rng.uniform(0.15, 0.45) * min(width, height)
            k = rng.randint(5, 17)
            ratio = rng.uniform(0.1, 0.4)
            a = t * 2 * math.pi
            rad = r_big * (1 - ratio + ratio * np.cos(k * a))
            xs, ys = cx + rad * np.cos(a), cy + rad * np.sin(a)
        points = np.stack([xs, ys], axis=1).round().astype(np.int32)
        cv2.polylines(canvas, [points], False, tint, thickness, cv2.LINE_AA)


def _paper(rng: random.Random, width: int, height: int, ppm: float, noise: np.random.Generator,
           colour: tuple[int, int, int] | None = None) -> tuple[np.ndarray, tuple[int, int, int]]:
    if colour is None:
        colour = rng.choice(_PAPER)
        colour = tuple(int(np.clip(c + rng.uniform(-10, 10), 0, 255)) for c in colour)
    base = np.empty((height, width, 3), np.float32)
    base[:] = colour
    # a soft printed gradient across the page
    gy = np.linspace(-1, 1, height, dtype=np.float32)[:, None, None]
    gx = np.linspace(-1, 1, width, dtype=np.float32)[None, :, None]
    tint = np.array([rng.uniform(-14, 14) for _ in range(3)], np.float32)
    base += (gx * rng.uniform(-1, 1) + gy * rng.uniform(-1, 1)) * tint
    # paper fibre: low-amplitude speckle
    base += cv2.resize(noise.normal(0, 4, (height // 4 + 1, width // 4 + 1, 1)).astype(np.float32),
                       (width, height))[..., None]
    canvas = np.clip(base, 0, 255).astype(np.uint8)
    _guilloche(rng, width, height, ppm, colour, canvas)
    return canvas, colour


def _photo(rng: random.Random, canvas: np.ndarray, box: tuple[int, int, int, int]) -> None:
    """A portrait placeholder: a tinted frame with a head and shoulders."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    bg = tuple(rng.randint(150, 225) for _ in range(3))
    cv2.rectangle(canvas, (x0, y0), (x1, y1), bg, -1)
    skin = (rng.randint(60, 170), rng.randint(90, 190), rng.randint(120, 225))
    cloth = tuple(rng.randint(20, 120) for _ in range(3))
    cx = x0 + w // 2 + rng.randint(-w // 12, w // 12)
    cv2.ellipse(canvas, (cx, y1 + h // 20), (int(w * 0.48), int(h * 0.3)), 0, 180, 360, cloth, -1,
                cv2.LINE_AA)
    cv2.ellipse(canvas, (cx, y0 + int(h * 0.42)), (int(w * 0.24), int(h * 0.27)), 0, 0, 360,
                skin, -1, cv2.LINE_AA)
    hair = tuple(rng.randint(10, 70) for _ in range(3))
    cv2.ellipse(canvas, (cx, y0 + int(h * 0.32)), (int(w * 0.26), int(h * 0.2)), 0, 180, 360,
                hair, -1, cv2.LINE_AA)


def _fit_font(path: str, cap_px: float) -> tuple[object, float]:
    cap, advance = cap_ratio(path)
    size = max(4, round(cap_px / cap))
    return truetype(path, size), advance * size


def render(rng: random.Random, doc: SynthDocument, ppm: float, *,
           noise: np.random.Generator, plain_mrz: bool = True) -> Page:
    """Draw ``doc``'s page at ``ppm`` pixels per millimetre.

    With ``plain_mrz`` the MRZ zone is kept clear of the guilloche, as most
    issuers print it; otherwise the pattern runs under the MRZ too.
    """
    w_mm, h_mm = SIZES_MM[doc.kind]
    width, height = round(w_mm * ppm), round(h_mm * ppm)
    canvas, colour = _paper(rng, width, height, ppm, noise)
    n_lines, n_chars = len(doc.lines), len(doc.lines[0])
    pitch = PITCH_MM * ppm * rng.uniform(0.97, 1.02)
    line_gap = ppm * rng.uniform(3.9, 4.5)
    cap_px = ppm * rng.uniform(2.1, 2.6)
    left = (width - n_chars * pitch) / 2 + rng.uniform(-0.8, 0.8) * ppm
    last_base = height - ppm * rng.uniform(3.6, 5.4)
    first_base = last_base - (n_lines - 1) * line_gap
    zone_top = first_base - cap_px - ppm * 2.2
    if plain_mrz:
        clear = canvas[max(0, int(zone_top)):, :].astype(np.float32)
        canvas[max(0, int(zone_top)):, :] = (clear * 0.25 + np.array(colour) * 0.75).astype(np.uint8)

    ink = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(ink)
    text_ink = Image.new("L", (width, height), 0)
    tdraw = ImageDraw.Draw(text_ink)
    _visual_zone(rng, doc, tdraw, canvas, width, zone_top, ppm)

    path = rng.choices(*zip(*mrz_fonts()))[0]
    font, advance = _fit_font(path, cap_px)
    stroke = 1 if rng.random() < 0.15 and cap_px > 14 else 0
    quads = []
    for row, line in enumerate(doc.lines):
        base = first_base + row * line_gap
        for col, char in enumerate(line):
            x = left + col * pitch + (pitch - advance) / 2 + rng.uniform(-0.03, 0.03) * pitch
            draw.text((x, base), char, font=font, fill=255, anchor="ls", stroke_width=stroke,
                      stroke_fill=255)
        top, bottom = base - cap_px, base
        right = left + n_chars * pitch
        quads.append(np.array([[left, top], [right, top], [right, bottom], [left, bottom]],
                              np.float32))
    margin_y = cap_px * 0.35
    band = np.array([[left, quads[0][0][1] - margin_y], [left + n_chars * pitch, quads[0][0][1] - margin_y],
                     [left + n_chars * pitch, quads[-1][2][1] + margin_y],
                     [left, quads[-1][2][1] + margin_y]], np.float32)

    mrz_alpha = np.asarray(ink, np.float32) / 255.0
    if rng.random() < 0.3:  # ink spread or a worn print
        mrz_alpha = cv2.GaussianBlur(mrz_alpha, (0, 0), ppm * rng.uniform(0.04, 0.12))
    mrz_alpha *= rng.uniform(0.8, 1.0)
    mrz_colour = np.array([rng.uniform(10, 50)] * 3, np.float32) + np.array(
        [rng.uniform(0, 25), rng.uniform(-5, 5), rng.uniform(-5, 5)], np.float32)
    text_alpha = np.asarray(text_ink, np.float32) / 255.0 * rng.uniform(0.75, 0.95)
    text_colour = np.array([rng.uniform(20, 90), rng.uniform(20, 60), rng.uniform(10, 50)],
                           np.float32)
    out = canvas.astype(np.float32)
    out = out * (1 - text_alpha[..., None]) + text_colour * text_alpha[..., None]
    out = out * (1 - mrz_alpha[..., None]) + mrz_colour * mrz_alpha[..., None]
    return Page(np.clip(out, 0, 255).astype(np.uint8), ppm, colour, Path(path).stem, tuple(quads),
                band, pitch)


def _visual_zone(rng: random.Random, doc: SynthDocument, draw: ImageDraw.ImageDraw,
                 canvas: np.ndarray, width: int, zone_top: float, ppm: float) -> None:
    """The title, the portrait and the printed fields above the MRZ."""
    size = max(6, round(ppm * rng.uniform(2.6, 3.6)))
    room = width - ppm * 26  # the title, then the state's code at the right
    while size > 6 and text_font("bold", size).getlength(_TITLES[doc.kind]) > room:
        size -= 1
    title = text_font("bold", size)
    draw.text((ppm * 4, ppm * 2.5), _TITLES[doc.kind], font=title, fill=255)
    draw.text((width - ppm * 18, ppm * 2.5), doc.issuing_state, font=title, fill=255)
    top = ppm * 9
    photo_w = ppm * (32 if doc.kind in ("TD3", "MRV-A") else 24)
    photo_h = min(photo_w * 1.28, zone_top - top - ppm * 2)
    if photo_h > ppm * 10:
        x0 = int(ppm * 4)
        _photo(rng, canvas, (x0, int(top), int(x0 + photo_w), int(top + photo_h)))
        fields_x = x0 + photo_w + ppm * 5
    else:
        fields_x = ppm * 4
    label_font = text_font("regular", max(5, round(ppm * 1.5)))
    value_font = text_font("bold", max(6, round(ppm * rng.uniform(2.2, 2.8))))
    fields = [("surname", doc.surname.upper()), ("given", doc.given_names.upper()),
              ("nationality", doc.nationality), ("birth", _printed_date(doc.birth_date, rng)),
              ("sex", doc.sex.replace("<", "X")), ("number", doc.document_number),
              ("expiry", _printed_date(doc.expiry_date, rng)), ("authority", doc.issuing_state)]
    y = top
    step = ppm * 6.4
    for key, value in fields:
        if y + step > zone_top - ppm:
            break
        draw.text((fields_x, y), _LABELS[key], font=label_font, fill=200)
        draw.text((fields_x, y + ppm * 1.9), value, font=value_font, fill=255)
        y += step


def booklet(rng: random.Random, page: Page, noise: np.random.Generator) -> Page:
    """A passport's data page with the facing page above it, as an open booklet lies."""
    height, width = page.image.shape[:2]
    upper, _ = _paper(rng, width, height, page.ppm, noise, page.colour)
    ink = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(ink)
    font = text_font("regular", max(5, round(page.ppm * 2.2)))
    if rng.random() < 0.6:  # the observations page, or a stamp's text
        for k in range(rng.randint(2, 6)):
            words = " ".join(rng.choice(_LABELS_WORDS) for _ in range(rng.randint(2, 6)))
            draw.text((page.ppm * 8, page.ppm * (10 + 9 * k)), words, font=font, fill=255)
    alpha = np.asarray(ink, np.float32)[..., None] / 255.0 * 0.8
    upper = (upper * (1 - alpha) + np.array([80, 60, 50], np.float32) * alpha).astype(np.uint8)
    out = np.vstack([upper, page.image])
    seam = int(page.ppm * 1.5)
    fold = np.linspace(0.75, 1.0, seam, dtype=np.float32)
    out[height:height + seam] = (out[height:height + seam] * fold[:, None, None]).astype(np.uint8)
    out[height - seam:height] = (out[height - seam:height] * fold[::-1, None, None]).astype(np.uint8)
    shift = np.float32([0, height])
    return Page(out, page.ppm, page.colour, page.font, tuple(q + shift for q in page.line_quads),
                page.band + shift, page.pitch)


_LABELS_WORDS = ("observations remarks visa entry exit valid until duration of stay number "
                 "of entries issued at police aux frontieres border control").split()
