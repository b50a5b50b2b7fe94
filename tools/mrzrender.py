"""Rendered MRZs for training the character classifier and for testing the reader.

Draws MRZ lines in the OCR-B font (Debian ``fonts-ocr-b``) and other monospace
fonts at the MRZ's fixed pitch, lays them on a document (paper tint, guilloche,
printed text, a photo), places the document in a camera frame (rotation,
perspective, scale, any background) and degrades it the way a camera or a
scanner does (blur, noise, uneven light, glare, low resolution, JPEG).

Used by ``tools/train_ocr.py`` (the training data) and by the tests. Pillow
draws the glyphs (it comes with reportlab); the reader itself never imports
this module.
"""

from __future__ import annotations

import glob
import math
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from borderdesk.mrz.compose import compose

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

#: Font files by name, and how often each is drawn (OCR-B is what documents use).
FONT_PATTERNS = {
    "ocrb": ("/usr/share/fonts/opentype/ocr-b/OCRB.otf", 6),
    "ocrb-sharp": ("/usr/share/fonts/opentype/ocr-b/OCRBS.otf", 2),
    "dejavu-mono": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 1),
    "dejavu-mono-bold": ("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 1),
    "liberation-mono": ("/usr/share/fonts/truetype/liberation*/LiberationMono-Regular.ttf", 1),
    "noto-mono": ("/usr/share/fonts/truetype/noto/NotoMono-Regular.ttf", 1),
    "noto-sans-mono": ("/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf", 1),
}
TEXT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

#: Document sizes in millimetres by line length (Doc 9303 Parts 4-7).
PAGE_MM = {44: (125.0, 88.0), 36: (105.0, 74.0), 30: (85.6, 54.0)}
PITCH_MM = 2.54  # ten characters to the inch
PX_PER_MM = 10.0  # the resolution documents are drawn at


@lru_cache(maxsize=None)
def fonts() -> tuple[tuple[str, str, int], ...]:
    """(name, path, weight) of the fonts installed on this machine."""
    found = []
    for name, (pattern, weight) in FONT_PATTERNS.items():
        paths = sorted(glob.glob(pattern))
        if paths:
            found.append((name, paths[0], weight))
    if not any(name.startswith("ocrb") for name, _, _ in found):
        raise RuntimeError("the OCR-B font is not installed (Debian package fonts-ocr-b)")
    return tuple(found)


def pick_font(rng: random.Random) -> str:
    table = fonts()
    return rng.choices([p for _, p, _ in table], weights=[w for _, _, w in table])[0]


@lru_cache(maxsize=64)
def _glyphs(path: str, cap: int) -> dict[str, np.ndarray]:
    """Each MRZ character drawn alone, ink as 255, scaled so that 'H' is ``cap`` pixels tall."""
    probe = ImageFont.truetype(path, 100)
    box = probe.getbbox("H")
    size = max(4, round(100 * cap / (box[3] - box[1])))
    font = ImageFont.truetype(path, size)
    top = font.getbbox("H")[1]
    out = {}
    for ch in ALPHABET:
        left, _, right, _ = font.getbbox(ch)
        img = Image.new("L", (right - left + 4, cap * 2), 0)
        ImageDraw.Draw(img).text((2 - left, cap // 2 - top), ch, font=font, fill=255)
        out[ch] = np.asarray(img)
    return out


def draw_lines(lines: list[str], font: str, cap: int, pitch: float, line_pitch: float,
               weight: int = 0) -> np.ndarray:
    """The MRZ lines as an ink mask (255 ink), each character centred in its cell."""
    glyphs = _glyphs(font, cap)
    n = max(map(len, lines))
    width = int(math.ceil(n * pitch)) + 4
    height = int(math.ceil(line_pitch * (len(lines) - 1) + cap * 2)) + 2
    mask = np.zeros((height, width), np.uint8)
    for row, line in enumerate(lines):
        y0 = int(round(row * line_pitch))
        for i, ch in enumerate(line):
            g = glyphs[ch]
            x0 = int(round(2 + (i + 0.5) * pitch - g.shape[1] / 2))
            x0 = max(0, min(width - g.shape[1], x0))
            region = mask[y0:y0 + g.shape[0], x0:x0 + g.shape[1]]
            np.maximum(region, g[:region.shape[0], :region.shape[1]], out=region)
    if weight:
        kernel = np.ones((abs(weight) + 1, abs(weight) + 1), np.uint8)
        mask = cv2.dilate(mask, kernel) if weight > 0 else cv2.erode(mask, kernel)
    return mask


# -- documents ----------------------------------------------------------------

SURNAMES = ["BENALI", "EL AMRANI", "HADDAD", "MANSOUR", "ERIKSSON", "MUELLER", "BOUAZIZ",
            "ABDELKADER", "OULD AHMED", "BEN YOUSSEF", "SMITH", "VAN DER BERG", "QUISPE",
            "KOWALCZYK", "JOVANOVIC", "WYZYKOWSKI", "ZHANG", "XAVIER", "FJORDQVIST"]
GIVEN = ["MOHAMED", "FATIMA ZAHRA", "YOUSSEF", "AMINA", "ANNA MARIA", "KARIM", "LEILA", "OMAR",
         "SAMIR", "NOUR EL HOUDA", "PETER JOHN", "JUAN PABLO", "QUENTIN", "ZOE", "VIKTOR"]
STATES = ["DZA", "MAR", "TUN", "EGY", "LBY", "JOR", "LBN", "SAU", "FRA", "D", "GBR", "UTO",
          "XXA", "ESP", "ITA", "NLD", "POL", "USA", "CAN", "BRA", "CHN", "IND", "QAT", "KWT"]
KINDS = {30: ("TD1", "I", "AC"), 36: ("TD2", "I", "AC"), 44: ("TD3", "P", "")}


def _name(rng: random.Random, pool: list[str]) -> str:
    if rng.random() < 0.4:  # made-up names give every letter its turn
        words = rng.randint(1, 3)
        return " ".join("".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                for _ in range(rng.randint(2, 10))) for _ in range(words))
    return rng.choice(pool)


def random_mrz(rng: random.Random, length: int | None = None) -> list[str]:
    """The lines of a random, valid MRZ of 30, 36 or 44 characters a line."""
    length = length or rng.choice((30, 36, 44, 44))
    fmt, code, alt = KINDS[length]
    if rng.random() < 0.15:
        fmt, code = {30: "TD1", 36: "MRVB", 44: "MRVA"}[length], "V" if length != 30 else "I"
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    number = "".join(rng.choice(letters + "0123456789" * 2) for _ in range(rng.randint(6, 9)))
    birth = date(1930, 1, 1) + timedelta(days=rng.randint(0, 33000))
    expiry = date(2018, 1, 1) + timedelta(days=rng.randint(0, 5000))
    optional = "" if rng.random() < 0.5 else "".join(
        rng.choice(letters + "0123456789") for _ in range(rng.randint(1, 7)))
    text = compose(fmt, document_code=code + rng.choice("<<<" + (alt or "<")),
                   issuing_state=rng.choice(STATES), surname=_name(rng, SURNAMES),
                   given_names=_name(rng, GIVEN), document_number=number,
                   nationality=rng.choice(STATES), birth_date=birth, sex=rng.choice("MF<"),
                   expiry_date=expiry, optional_data=optional)
    return list(text)


def _guilloche(rng: random.Random, img: np.ndarray, strength: float) -> None:
    h, w = img.shape[:2]
    xs = np.arange(0, w, 2, dtype=np.float32)
    for _ in range(rng.randint(4, 14)):
        colour = [int(255 - rng.uniform(30, 110) * strength) for _ in range(3)]
        amp, freq, phase = rng.uniform(5, h / 3), rng.uniform(0.003, 0.03), rng.uniform(0, 6.3)
        y0 = rng.uniform(0, h)
        for k in range(rng.randint(3, 8)):
            ys = y0 + k * rng.uniform(3, 9) + amp * np.sin(xs * freq + phase + k * 0.3)
            pts = np.stack([xs, ys], 1).astype(np.int32)
            cv2.polylines(img, [pts], False, colour, 1, cv2.LINE_AA)


@dataclass
class Page:
    image: np.ndarray  # BGR
    band: np.ndarray  # the MRZ's corners on the page, 4x2, clockwise from top left
    lines: list[str]


def render_page(rng: random.Random, lines: list[str], *, font: str | None = None,
                guilloche: float | None = None, px_per_mm: float = PX_PER_MM) -> Page:
    """A document page (data page, card or visa) carrying ``lines`` as its MRZ."""
    length = len(lines[0])
    w_mm, h_mm = PAGE_MM[length]
    w, h = int(w_mm * px_per_mm), int(h_mm * px_per_mm)
    tint = np.array([rng.uniform(200, 250), rng.uniform(205, 250), rng.uniform(205, 250)])
    page = np.empty((h, w, 3), np.uint8)
    page[:] = tint.astype(np.uint8)
    _guilloche(rng, page, rng.uniform(0.2, 1.0) if guilloche is None else guilloche)
    # a photo and a few printed lines above the MRZ
    pil = Image.fromarray(page)
    draw = ImageDraw.Draw(pil)
    pw = int(w * rng.uniform(0.22, 0.3))
    top = int(h * 0.12)
    bottom = min(top + int(pw * 1.3), int(h * 0.62))  # the MRZ's zone stays clear
    draw.rectangle([int(w * 0.04), top, int(w * 0.04) + pw, bottom],
                   fill=tuple(rng.randint(60, 180) for _ in range(3)))
    text_font = ImageFont.truetype(TEXT_FONT, max(8, int(px_per_mm * rng.uniform(2.0, 3.2))))
    ty = int(h * 0.1)
    while ty < h * 0.55:
        words = " ".join("".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWYZ")
                                 for _ in range(rng.randint(2, 9))) for _ in range(rng.randint(1, 3)))
        draw.text((int(w * 0.37), ty), words, font=text_font, fill=(rng.randint(0, 80),) * 3)
        ty += int(px_per_mm * rng.uniform(4, 7))
    page = np.asarray(pil).copy()
    # the MRZ
    font = font or pick_font(rng)
    pitch = PITCH_MM * px_per_mm * rng.uniform(0.96, 1.04)
    cap = int(round(px_per_mm * rng.uniform(2.2, 2.7)))
    line_pitch = cap * rng.uniform(1.55, 2.0)
    mask = draw_lines(lines, font, cap, pitch, line_pitch, weight=rng.choice((0, 0, 0, 1)))
    mh, mw = mask.shape
    x0 = max(0, int((w - mw) / 2 + rng.uniform(-1, 1) * px_per_mm))
    y0 = int(h - mh - px_per_mm * rng.uniform(2, 5) + cap * 0.5)
    mw, mh = min(mw, w - x0), min(mh, h - y0)
    ink = np.array([rng.uniform(0, 60)] * 3)
    alpha = mask[:mh, :mw, None].astype(np.float32) / 255 * rng.uniform(0.8, 1.0)
    region = page[y0:y0 + mh, x0:x0 + mw].astype(np.float32)
    page[y0:y0 + mh, x0:x0 + mw] = (region * (1 - alpha) + ink * alpha).astype(np.uint8)
    top_y = y0 + cap * 0.5
    bottom_y = y0 + line_pitch * (len(lines) - 1) + cap * 1.5
    band = np.array([[x0, top_y], [x0 + len(lines[0]) * pitch, top_y],
                     [x0 + len(lines[0]) * pitch, bottom_y], [x0, bottom_y]], np.float32)
    return Page(page, band, lines)


# -- the camera ---------------------------------------------------------------

def background(rng: random.Random, height: int, width: int) -> np.ndarray:
    """A desk: a colour, a texture, a few objects and perhaps some printed text."""
    base = np.array([rng.uniform(20, 230) for _ in range(3)])
    noise = cv2.resize(np.random.default_rng(rng.getrandbits(32)).normal(
        0, rng.uniform(5, 30), (height // 16 + 1, width // 16 + 1, 3)).astype(np.float32),
        (width, height), interpolation=cv2.INTER_CUBIC)
    img = np.clip(base + noise, 0, 255).astype(np.uint8)
    for _ in range(rng.randint(0, 6)):
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        p1 = (rng.randint(0, width), rng.randint(0, height))
        p2 = (rng.randint(0, width), rng.randint(0, height))
        if rng.random() < 0.5:
            cv2.rectangle(img, p1, p2, colour, -1)
        else:
            cv2.line(img, p1, p2, colour, rng.randint(1, 8))
    if rng.random() < 0.3:
        for _ in range(rng.randint(1, 4)):
            y = rng.randint(10, height - 10)
            x = rng.randint(0, width // 2)
            text = " ".join("".join(rng.choice("ABCDEFGHIKLMNOPRSTUVW<0123456789")
                                    for _ in range(rng.randint(3, 10))) for _ in range(4))
            cv2.putText(img, text, (x, y), cv2.FONT_HERSHEY_SIMPLEX, rng.uniform(0.4, 1.0),
                        (rng.randint(0, 80),) * 3, 1, cv2.LINE_AA)
    return img


@dataclass
class Shot:
    image: np.ndarray  # the frame, BGR uint8
    band: np.ndarray  # the MRZ's corners in the frame
    lines: list[str]


def photograph(rng: random.Random, page: Page, difficulty: float = 0.5,
               frame: tuple[int, int] = (1280, 720), *, grey: bool = False) -> Shot:
    """``page`` in a camera frame; ``difficulty`` (0..1) scales every degradation."""
    fw, fh = frame
    ph, pw = page.image.shape[:2]
    d = difficulty
    angle = math.radians(rng.uniform(-15, 15) * min(1.0, 0.3 + d))
    cover = rng.uniform(0.34, 0.95)  # of the frame's width or height, whichever binds
    scale = cover * min(fw / pw, fh / ph)
    # the page's corners, rotated and scaled about its centre, then slightly tilted
    corners = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32) - [pw / 2, ph / 2]
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    dst = (corners @ rot.T) * scale
    tilt = 0.06 * d
    dst += np.array([[rng.uniform(-tilt, tilt) * pw * scale for _ in range(2)]
                     for _ in range(4)], np.float32)
    span = dst.max(0) - dst.min(0)
    fit = min(1.0, 0.98 * fw / span[0], 0.98 * fh / span[1])  # the whole page in the frame
    dst *= fit
    scale *= fit
    span *= fit
    cx = rng.uniform(span[0] / 2, max(span[0] / 2, fw - span[0] / 2))
    cy = rng.uniform(span[1] / 2, max(span[1] / 2, fh - span[1] / 2))
    dst = (dst + [cx, cy]).astype(np.float32)
    # draw the page at about its final size first, so that the warp does not alias
    shrink = float(min(1.0, scale * 1.25))
    small = cv2.resize(page.image, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
    src = (np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]]) * shrink).astype(np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    img = background(rng, fh, fw)
    cv2.warpPerspective(small, m, (fw, fh), img, flags=cv2.INTER_LINEAR,
                        borderMode=cv2.BORDER_TRANSPARENT)
    band = cv2.perspectiveTransform((page.band * shrink)[None], m)[0]
    img = degrade(rng, img, d)
    if grey:
        img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    return Shot(img, band, page.lines)


def degrade(rng: random.Random, img: np.ndarray, d: float) -> np.ndarray:
    """Uneven light, glare, low resolution, blur, noise and JPEG, scaled by ``d`` (0..1)."""
    h, w = img.shape[:2]
    f = img.astype(np.float32)
    # uneven light: a gradient across the frame
    gx, gy = np.meshgrid(np.linspace(-1, 1, w, dtype=np.float32), np.linspace(-1, 1, h, dtype=np.float32))
    a, b = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 1.0 + 0.35 * d * (a * gx + b * gy) - rng.uniform(0, 0.3) * d
    f *= light[..., None] if f.ndim == 3 else light
    if rng.random() < 0.3 * d:  # glare: a soft bright spot
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.05, 0.2) * w
        spot = np.exp(-((gx * w / 2 - cx + w / 2) ** 2 + (gy * h / 2 - cy + h / 2) ** 2) / (2 * r * r))
        f += (rng.uniform(60, 160) * spot)[..., None] if f.ndim == 3 else rng.uniform(60, 160) * spot
    img = np.clip(f, 0, 255).astype(np.uint8)
    if rng.random() < 0.4 * d:  # low resolution, scaled back up
        k = rng.uniform(1.2, 1.0 + 1.0 * d)
        small = cv2.resize(img, (int(w / k), int(h / k)), interpolation=cv2.INTER_AREA)
        img = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    sigma = rng.uniform(0, 1.6 * d)
    if sigma > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
    if rng.random() < 0.2 * d:  # a little motion
        length = rng.randint(2, 2 + int(4 * d))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1 / length
        rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), rng.uniform(0, 180), 1)
        kernel = cv2.warpAffine(kernel, rot, (length, length))
        img = cv2.filter2D(img, -1, kernel / max(kernel.sum(), 1e-6))
    noise = rng.uniform(1, 2 + 8 * d)
    grain = np.random.default_rng(rng.getrandbits(32)).normal(0, noise, img.shape)
    img = np.clip(img + grain, 0, 255).astype(np.uint8)
    quality = int(rng.uniform(95 - 55 * d, 97))
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)


def random_shot(rng: random.Random, difficulty: float | None = None,
                frame: tuple[int, int] = (1280, 720), length: int | None = None) -> Shot:
    """A random document photographed: the whole chain in one call."""
    lines = random_mrz(rng, length)
    page = render_page(rng, lines)
    d = rng.uniform(0, 1) if difficulty is None else difficulty
    return photograph(rng, page, d, frame, grey=rng.random() < 0.1)
