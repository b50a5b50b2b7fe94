"""What a reader hands on: MRZ text with per-character confidence, and where it was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of an MRZ from an image, a frame, or a scanner.

    ``lines`` are MRZ characters only (``A-Z 0-9 <``); ``confidence`` has one
    value in [0, 1] per character of each line (1.0 for scanner text, which
    the device already decoded). ``band`` is the MRZ band's corners in the
    image, clockwise from top left, as (x, y) pixel pairs, or None.
    """

    lines: tuple[str, ...]
    confidence: tuple[tuple[float, ...], ...]
    source: str  # camera, image, scanner, manual
    engine: str = ""
    band: tuple[tuple[float, float], ...] | None = None
    frames: int = 1  # how many frames agreed on this reading

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def min_confidence(self) -> float:
        return min((c for line in self.confidence for c in line), default=0.0)
