"""The fonts the generator prints with, found through fontconfig.

The MRZ is printed in OCR-B (Debian's ``fonts-ocr-b``, its regular and
sharp cuts) and, less often, in other monospace cuts, because real documents
print their MRZ in several OCR-B lookalikes. The visual zone uses DejaVu Sans.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from PIL import ImageFont

# (fontconfig pattern, file name, weight): how often each cut prints an MRZ.
MRZ_FONTS = (
    (":family=OCR B:style=Regular", "OCRB.otf", 8),
    (":family=OCR B", "OCRBS.otf", 2),
    (":family=DejaVu Sans Mono:style=Book", "DejaVuSansMono.ttf", 1),
    (":family=DejaVu Sans Mono:style=Bold", "DejaVuSansMono-Bold.ttf", 1),
)
TEXT_FONTS = {
    "regular": (":family=DejaVu Sans:style=Book", "DejaVuSans.ttf"),
    "bold": (":family=DejaVu Sans:style=Bold", "DejaVuSans-Bold.ttf"),
}
_SEARCH = ("/usr/share/fonts", "/usr/local/share/fonts")


class FontMissing(RuntimeError):
    """A font the generator needs is not installed."""


@functools.lru_cache(maxsize=None)
def font_file(pattern: str, name: str) -> str:
    """The path of font file ``name`` (asked of fontconfig, then looked for on disk)."""
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", "-f", "%{file}\n", pattern], capture_output=True,
                             text=True, check=False).stdout
        for line in out.splitlines():
            if Path(line).name == name:
                return line
    for root in _SEARCH:
        for path in Path(root).rglob(name):
            return str(path)
    raise FontMissing(f"font {name} not found (install fonts-ocr-b and fonts-dejavu-core)")


def mrz_fonts() -> list[tuple[str, int]]:
    """The MRZ cuts installed, with their weights; OCR-B itself is required."""
    found = []
    for pattern, name, weight in MRZ_FONTS:
        try:
            found.append((font_file(pattern, name), weight))
        except FontMissing:
            if name == "OCRB.otf":
                raise
    return found


@functools.lru_cache(maxsize=4096)
def truetype(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(4, size))


@functools.lru_cache(maxsize=None)
def cap_ratio(path: str) -> tuple[float, float]:
    """(cap height, advance) of the font per pixel of font size, measured on ``H``."""
    font = truetype(path, 200)
    box = font.getmask("H").getbbox()
    height = (box[3] - box[1]) if box else 140
    return height / 200, font.getlength("H") / 200


def text_font(style: str, size: int) -> ImageFont.FreeTypeFont:
    return truetype(font_file(*TEXT_FONTS[style]), size)
