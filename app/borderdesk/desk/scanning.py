"""Reading the MRZ of a document from an image file, and deciding whether to trust it.

:func:`scan` reads one file with the chosen OCR engine and parses what it read.
The result's ``document`` is set only when the reading can be trusted
(:func:`borderdesk.reader.ocr.distrust`): every check digit passes, the state
codes are known, and every character no passing check digit covers (the
names, the states, the sex) was read with at least
``ocr.MIN_UNVERIFIED_CONFIDENCE``, because check digits do not protect a name
and a misread name is worse than no read. One image has no other frames to
outvote a misread, so this bar is higher than the camera's
(``[camera] min_unverified_confidence``, over the frames that agree). Otherwise ``document`` is
None and ``reason`` says why; ``parsed`` keeps whatever parsed, for display.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .. import mrz
from ..reader import classifier, ocr
from ..reader.reading import Reading
from .config import Config
from .resources import resource_path

EngineError = ocr.EngineError
ENGINE_NAMES = ocr.ENGINE_NAMES


@dataclass(frozen=True)
class ScanResult:
    """What one image gave."""

    path: str
    engine: str
    ms: float
    lines: tuple[str, ...] = ()
    document: mrz.Document | None = None  # set only when the reading can be trusted
    parsed: mrz.Document | None = None  # the lines parsed, if trusted or if a check fails
    reason: str = ""  # why there is no document (or what is wrong with the one parsed)
    reading: Reading | None = None
    notes: tuple[str, ...] = field(default=())  # about the file (truncated, 16-bit, ...)


def load_engine(name: str) -> ocr.Engine:
    """The OCR engine called ``name``, reading with the model that ships with this desk.

    Raises :class:`EngineError` or ``classifier.ModelError`` when it cannot run here.
    """
    classifier.use_model_file(resource_path("ocr", classifier.MODEL_FILE.name))
    return ocr.engine(name)


def check_engine(name: str) -> None:
    """Raise :class:`EngineError` with a clear message if the engine cannot run here."""
    load_engine(name)


def scan(path: str, *, config: Config | None = None, engine: str | None = None) -> ScanResult:
    """Read the MRZ in the image file at ``path``; bad files give a result with a reason.

    Raises :class:`EngineError` (a RuntimeError) only when the engine itself
    cannot run (unknown name, missing model or program).
    """
    config = config or Config.load()
    name = engine or config.camera.ocr_engine
    read = load_engine(name)
    began = time.perf_counter()

    def result(**kw) -> ScanResult:
        return ScanResult(path=str(path), engine=name,
                          ms=round((time.perf_counter() - began) * 1000, 1), **kw)

    try:
        picture = ocr.load_image(path)
    except ocr.ImageError as exc:
        return result(reason=f"cannot read the image: {exc}")
    reading = read(picture.image, source="image")
    if name == ocr.DEFAULT_ENGINE and not _trusted_text(reading):
        reading = ocr.read_turned(picture.image, read) or reading
    notes = picture.notes
    if reading is None:
        reason = "no MRZ found in the image"
        if notes:
            reason += f" ({'; '.join(notes)})"
        return result(reason=reason, notes=notes)
    lines = reading.lines
    try:
        parsed = mrz.parse("\n".join(lines))
    except mrz.MRZError as exc:
        return result(lines=lines, reason=f"what was read is not an MRZ: {exc}",
                      reading=reading, notes=notes)
    reason = ocr.distrust(reading, parsed)
    # a document whose checks pass but whose names are unsure is not shown at all: it would
    # look valid
    shown = parsed if not reason or not parsed.valid else None
    return result(lines=lines, document=None if reason else parsed, parsed=shown,
                  reason=reason, reading=reading, notes=notes)


def _trusted_text(reading: Reading | None) -> bool:
    if reading is None:
        return False
    try:
        return mrz.parse("\n".join(reading.lines)).valid
    except mrz.MRZError:
        return False
