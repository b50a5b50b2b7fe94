"""Reading the MRZ in a picture: the engines, and the reading of image files.

Engines are functions from a picture (a numpy array, BGR or grey) to a
:class:`~borderdesk.reader.reading.Reading` or None, selected by name:

* ``borderdesk`` (the default, :func:`read_frame`): the band finder and cell
  cutter of :mod:`~borderdesk.reader.segment` and the character classifier of
  :mod:`~borderdesk.reader.classifier`, trained on the OCR-B font. Each MRZ
  hypothesis (the regions found, 2 or 3 lines, 30/36/44 characters) is read
  and parsed; the first whose check digits all pass wins, else the one that
  passes most. Only where none passes are the regions looked at again for
  lines part washed out (``segment.cut_washed``), then both looks taken at
  regions of fainter print (``segment.candidates(g, faint=True)``). Where a
  check fails, or passes over two unsure characters, the combinations of the
  classifier's first and second choices at the characters it covers are
  parsed, and taken only when exactly one text passes (:func:`_settle`).
* ``passporteye``: ``passporteye.read_mrz`` (Tesseract with its general English
  model), the peer every benchmark compares against.
* ``tesseract``: Tesseract in-process (``tesserocr``) on the band our finder
  straightens, limited to the MRZ alphabet: a second opinion.

:func:`read_image` reads a file: empty, truncated, huge, 16-bit, grey or
transparent images give an :class:`ImageError` with a plain reason or are
brought to 8-bit BGR; nothing gets a traceback.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import struct
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from .. import mrz
from ..mrz import countries
from ..mrz.formats import KNOWN_DOCUMENT_CODES, Layout, layout_named
from ..mrz.parse import layout_for
from . import classifier, segment
from .agreement import check_places, doubted_checks, unusual_code, verified
from .reading import Reading

ENGINE_NAMES = ("borderdesk", "passporteye", "tesseract")
DEFAULT_ENGINE = "borderdesk"
MAX_PIXELS = 40_000_000  # a 600 dpi A4 scan is 35 megapixels
MAX_BYTES = 200 * 1024 * 1024
WORK_PIXELS = 4_000_000  # larger pictures are scaled down to about this before reading
MIN_MEAN_CONFIDENCE = 0.55  # below this a hypothesis is not taken for an MRZ at all

Engine = Callable[[np.ndarray], "Reading | None"]


class EngineError(RuntimeError):
    """An engine cannot run here (unknown, not installed, its model missing)."""


class ImageError(ValueError):
    """A file that is not a picture we can read."""


# -- the borderdesk engine ------------------------------------------------------

@dataclass(slots=True)
class _Hypothesis:
    lines: list[str]
    confidence: list[list[float]]
    band: tuple[tuple[float, float], ...]
    score: tuple


_ALLOWED = {  # the symbols each kind of MRZ character may be (borderdesk.mrz.formats)
    "A": "ABCDEFGHIJKLMNOPQRSTUVWXYZ<", "N": "0123456789<", "C": "0123456789<",
    "S": "MFX<", "X": classifier.ALPHABET,
}
_MASKS = {kind: np.array([c in allowed for c in classifier.ALPHABET], np.float32)
          for kind, allowed in _ALLOWED.items()}


def _layout(probs: list[np.ndarray]) -> Layout:
    """The layout these lines have, as the mrz core tells it from their first reading.

    The first five places, the document code and issuing state, are letters in
    every layout and are read as letters (a D taken for 0 must not hide a French
    card's ``IDFRA``); the rest as the classifier reads them.
    """
    lines = ["".join(classifier.ALPHABET[k] for k in p.argmax(1)) for p in probs]
    head = "".join(classifier.ALPHABET[int((p * _MASKS["A"]).argmax())] for p in probs[0][:5])
    lines[0] = head + lines[0][5:]
    return layout_for(lines)


#: A state code no state has is read as the likeliest known one only if the classifier
#: gave that one at least this share of the weight of the code read
MIN_KNOWN_SUPPORT = 0.05
#: A document code no list has is taken as this share as likely as the classifier makes
#: it: states print few codes, but a list of them cannot be sure to be whole
UNLISTED_CODE_WEIGHT = 0.2


def _symbols(codes) -> np.ndarray:
    """Codes as (n, length) symbol indices, each padded with fillers to the longest."""
    width = max(len(code) for code in codes)
    return np.array([[classifier.ALPHABET.index(c) for c in code.ljust(width, "<")]
                     for code in sorted(codes)], np.int64)


@lru_cache(maxsize=1)
def _state_codes() -> np.ndarray:
    """Every state code the MRZ knows, as (n, 3) symbol indices (``D`` is ``D<<``)."""
    return _symbols(countries.ISO_3166_ALPHA3 | set(countries.ICAO_CODES)
                    | set(countries.OTHER_CODES))


@lru_cache(maxsize=1)
def _document_codes() -> np.ndarray:
    """The document codes states print, of every format, as (n, 2) symbol indices.

    Of every format, whatever the lines' length: the first letter tells a visa
    from a passport or card, and a passport's lines cut short read as a card's,
    so P must stay a rival of I on lines of 36 characters.
    """
    return _symbols({code for codes in KNOWN_DOCUMENT_CODES.values() for code in codes})


def _known_confidence(probs: list[np.ndarray], lines: list[str], conf: list[list[float]],
                      span, codes: np.ndarray, unlisted: float = 0.0) -> None:
    """The confidence of a code's letters among the codes that exist.

    No check digit covers a state code or a document code, but only a few
    hundred states and a few dozen document codes exist: a letter whose
    rivals would all make a code no one uses is as sure as the layout makes a
    letter in a name. Each letter of a known code read gets the share of the
    known codes with that letter there (weighed by the classifier's
    probabilities) in the weight of all codes, those not known counted at
    ``unlisted`` of theirs: none for state codes (a code no state has is not
    the truth), ``UNLISTED_CODE_WEIGHT`` for document codes.

    A state code read that no state has becomes the likeliest known one when
    the classifier gave it at least ``MIN_KNOWN_SUPPORT`` of the read code's
    weight (a misread letter whose second choice makes the code); else, and
    for any document code not listed, it is left as read, with the
    classifier's confidence, for the officer to check.
    """
    read = span.take(lines)
    p = probs[span.line][span.start:span.end]
    weight = np.prod(p[np.arange(len(read)), codes], axis=1)
    known = float(weight.sum())
    if known <= 0:
        return
    total = known + unlisted * max(0.0, float(np.prod(p.sum(1))) - known)
    symbols = [classifier.ALPHABET.index(c) for c in read]
    if not (codes == symbols).all(1).any():
        best = int(weight.argmax())
        if unlisted or weight[best] < MIN_KNOWN_SUPPORT * float(np.prod(p.max(1))):
            return
        read = "".join(classifier.ALPHABET[k] for k in codes[best])
        line = lines[span.line]
        lines[span.line] = line[:span.start] + read + line[span.end:]
    for j, ch in enumerate(read):
        same = codes[:, j] == classifier.ALPHABET.index(ch)
        conf[span.line][span.start + j] = min(1.0, float(weight[same].sum()) / total)


#: In a document number or optional data, an O right after a digit is taken as this much less
#: likely than the classifier alone makes it (see ``_numbers``)
O_AFTER_DIGIT = 0.1
_O = classifier.ALPHABET.index("O")
_DIGITS = np.array([c.isdigit() for c in classifier.ALPHABET])
_LETTERS = np.array([c.isalpha() for c in classifier.ALPHABET])


def _numbers(probs: list[np.ndarray], layout: Layout) -> None:
    """Weigh an O in document numbers and optional data by what stands before it.

    Issuing states number their documents with a few letters first, if any,
    then digits (a passport AB1234567, a card 123456789): an O after a digit
    is rare. The classifier cannot always tell O from 0 in small or blurred
    print (they are a quarter of its errors on held-out cells), and two such
    misreads can cancel out in a check digit (O counts 24, 0 counts 0: at
    weights 7 and 3 the sum moves by 240), so a number of zeros read unsure
    could never be trusted. In the fields that take both, an O right after a
    likely digit (as the classifier read it, before this weighing) weighs
    ``O_AFTER_DIGIT`` of what the classifier gave it. An O read surely still
    wins, and a single O the prior turns into 0 fails its check digit (24
    times any weight is not a multiple of 10), which ``_settle`` then repairs
    from the second choice. So only where a check digit covers the place: a
    visa's optional data has none, and there an O is left as read. Only O:
    letters a check digit cannot tell from their look-alike digit (G and 6
    differ by 10) are left as the classifier reads them.
    """
    covered = _covered(layout.name)
    for span, kind in layout.fields.values():
        if kind != "X":
            continue
        p = probs[span.line]
        digit = p[:, _DIGITS].sum(1) > p[:, _LETTERS].sum(1)  # before any weighing
        for k in range(span.start + 1, span.end):
            if digit[k - 1] and (span.line, k) in covered:
                p[k, _O] *= O_AFTER_DIGIT
                p[k] /= p[k].sum() + 1e-12


@lru_cache(maxsize=None)
def _covered(layout: str) -> frozenset[tuple[int, int]]:
    """The (line, position) of every character some check digit of ``layout`` covers (the
    check digits too: they are no field's letters or digits to weigh)."""
    named = layout_named(layout)
    return frozenset(place for name in named.checks for place in check_places(named, name))


def _decode(probs: list[np.ndarray]) -> tuple[list[str], list[list[float]]]:
    """The text and confidences, each place limited to the symbols its field allows.

    ``probs`` are renormalised in place over the allowed symbols, so that a
    second choice is an allowed one too.
    """
    lines, conf = [], []
    layout = _layout(probs)
    for p, kinds in zip(probs, layout.kinds):
        mask = np.stack([_MASKS[k] for k in kinds])
        p *= mask
        p /= p.sum(1, keepdims=True) + 1e-12
    _numbers(probs, layout)
    for p in probs:
        best = p.argmax(1)
        lines.append("".join(classifier.ALPHABET[k] for k in best))
        conf.append([float(v) for v in p[np.arange(len(best)), best]])
    for name in ("issuing_state", "nationality"):
        if name in layout.fields:  # a French identity card has no nationality field
            _known_confidence(probs, lines, conf, layout.span(name), _state_codes())
    _known_confidence(probs, lines, conf, layout.span("document_code"), _document_codes(),
                      UNLISTED_CODE_WEIGHT)
    return lines, conf


def _parse(lines: list[str]) -> mrz.Document | None:
    try:
        return mrz.parse("\n".join(lines))
    except mrz.MRZError:
        return None


#: a classifier's choice less likely than this is not tried in a repair
MIN_ALTERNATIVE = 0.02
#: at most this many unsure characters under one check digit are tried together (2**n parses)
MAX_TRIED = 6


def _settle(lines: list[str], conf: list[list[float]], probs: list[np.ndarray],
            document: mrz.Document) -> bool:
    """Settle the checks the classifier's doubts leave open; True if the lines changed.

    A check is open when it fails, or when it passes but covers characters
    under ``MIN_COVERED_CONFIDENCE`` (a check digit cannot see G read for 6,
    and two misreads can cancel out in one). Every combination of the first
    and second choices of its characters whose second choice is at least
    ``MIN_ALTERNATIVE`` (of a passing check, its unsure characters only) is
    parsed, with the parser's rules (a filler for the check digit of empty
    optional data, a long document number running on into the optional
    data). When exactly one text passes that check, or of several exactly
    one passes every check (the composite weighs a date's digits
    differently), it is the one: if the truth is among the combinations
    tried, it is this one. Each of those characters' confidence becomes the
    chance that the truth was among them (the product of their first two
    choices' probabilities), so that doubt that remains still shows. The
    changes stand only if every check of the format then passes, the
    composite included; an open check with no single answer is left as it
    was (and ``distrust`` refuses the reading). The composite check comes
    last, over the characters no other check covers.
    """
    layout = layout_named(document.layout_name)
    trial = list(lines)
    settled: dict[tuple[int, int], float] = {}
    doubted = doubted_checks(layout, conf)
    for name in layout.checks:  # the composite last, over what no other check covers
        if getattr(document.checks, name) is False:
            places = check_places(layout, name)
        else:  # its doubts only: characters as sure as MIN_COVERED_CONFIDENCE stand
            places = doubted.get(name)
            if not places:
                continue
        options = []
        for i, k in places:
            order = np.argsort(probs[i][k])
            first, second = int(order[-1]), int(order[-2])
            if probs[i][k][second] >= MIN_ALTERNATIVE:
                options.append((float(probs[i][k][first]), i, k, first, second))
        if not options:
            continue
        options = sorted(options)[:MAX_TRIED]  # the least sure first
        passing: dict[tuple[str, ...], list[str]] = {}
        for choice in itertools.product((3, 4), repeat=len(options)):
            attempt = [list(line) for line in trial]
            for option, pick in zip(options, choice):
                attempt[option[1]][option[2]] = classifier.ALPHABET[option[pick]]
            text = ["".join(line) for line in attempt]
            parsed = _parse(text)
            if parsed is not None and getattr(parsed.checks, name) is True:
                passing.setdefault(parsed.lines, list(parsed.lines))  # with the parser's repairs
        if len(passing) > 1:  # the other checks, the composite most of all, may tell
            passing = {k: text for k, text in passing.items() if _parse(text).checks.all_pass}
        if len(passing) != 1:
            continue
        (trial,) = passing.values()
        sure = float(np.prod([probs[i][k][first] + probs[i][k][second]
                              for _, i, k, first, second in options]))
        settled.update({(i, k): sure for _, i, k, _, _ in options})
    if not settled:
        return False
    repaired = _parse(trial)
    if repaired is None or not repaired.checks.all_pass:
        return False
    changed = trial != lines
    lines[:] = trial
    for (i, k), sure in settled.items():
        conf[i][k] = sure
    return changed


def _settle_code(lines: list[str], conf: list[list[float]], probs: list[np.ndarray],
                 document: mrz.Document) -> None:
    """A visa's V, where no other letter would make the text a valid document.

    No check digit covers the document code, but its first letter tells a
    visa (V: MRV-A, MRV-B) from a passport or card (any other letter: TD3,
    TD2), and their layouts differ. A visa read whose text fails the other
    format's checks (a passport's composite check, which a visa's optional
    data is not) cannot have been any other letter: its V is as sure as the
    classifier is that it is a letter at all.
    """
    if lines[0][0] != "V":
        return
    other = _parse(["P" + lines[0][1:], *lines[1:]])  # any letter but V: the other format
    if other is None or not other.checks.all_pass:
        conf[0][0] = float(1.0 - probs[0][0][classifier.ALPHABET.index("<")])


def _score(document: mrz.Document | None, conf: list[list[float]]) -> tuple:
    """How good a hypothesis is: parsed, every check passing with a document code its format
    uses (a passport's lines cut to 36 characters pass a card's checks one time in ten: the
    search must go on to the whole lines), the checks passing, the mean confidence."""
    mean = float(np.mean([c for line in conf for c in line]))
    if document is None:
        return (0, 0, 0, mean)
    checks = document.checks.as_json()
    passed = sum(1 for v in checks.values() if v is True)
    return (1, int(document.checks.all_pass and not unusual_code(document)), passed, mean)


def read_frame(image: np.ndarray, *, source: str = "camera") -> Reading | None:
    """The MRZ in a camera frame or a picture (BGR or grey), or None when none is found."""
    model = classifier.load()
    g = segment.grey(to_8bit(image))
    best: _Hypothesis | None = None
    seen: list[tuple[str, ...]] = []
    # only where the first look reads nothing: a second (lines part washed out by glare or
    # blur), then both in regions of fainter print (a glare over the whole band)
    for faint in (False, True):
        candidates = segment.candidates(g, faint)
        for look in (segment.cut, segment.cut_washed):
            h = _read_cuts(g, candidates, look, model, seen)
            if h is not None and (best is None or h.score > best.score):
                best = h
            if best is not None and best.score[:2] == (1, 1):
                return _reading(best, source)
    if best is None or best.score[3] < MIN_MEAN_CONFIDENCE:
        return None
    return _reading(best, source)


def _read_cuts(g: np.ndarray, candidates: list[segment.Candidate], look, model,
               seen: list[tuple[str, ...]]) -> _Hypothesis | None:
    """The best hypothesis of the regions cut by ``look``: the first whose checks all pass."""
    best: _Hypothesis | None = None
    bands: list[np.ndarray] = []
    for candidate in candidates:
        if any(cv2.pointPolygonTest(b, candidate.center, False) >= 0 for b in bands):
            continue  # a line of a band already read
        for cut in look(g, candidate):
            bands.append(np.array(cut.band, np.float32))
            probs = [model.probabilities(cells) for cells in cut.cells]
            lines, conf = _decode(probs)
            if tuple(lines) in seen:
                continue
            seen.append(tuple(lines))
            document = _parse(lines)
            if document is not None and _settle(lines, conf, probs, document):
                document = _parse(lines)
            if document is not None and document.checks.all_pass:
                _settle_code(lines, conf, probs, document)
            if document is not None:  # with the mrz core's repairs
                lines = list(document.lines)
            h = _Hypothesis(lines, conf, cut.band, _score(document, conf))
            if best is None or h.score > best.score:
                best = h
            if h.score[:2] == (1, 1):
                return h
    return best


def _reading(h: _Hypothesis, source: str) -> Reading:
    return Reading(lines=tuple(h.lines), confidence=tuple(tuple(c) for c in h.confidence),
                   source=source, engine="borderdesk", band=h.band)


# -- the other engines ----------------------------------------------------------

def _mrz_lines(text: str) -> list[str]:
    lines = ["".join(ch for ch in line.upper().replace(" ", "") if ch in classifier.ALPHABET)
             for line in text.splitlines()]
    return [line for line in lines if len(line) >= 20]


def read_passporteye(image: np.ndarray, *, source: str = "camera") -> Reading | None:
    """passporteye.read_mrz on the picture (it takes a file: the picture as PNG in memory)."""
    try:
        from passporteye import read_mrz
    except ImportError:
        raise EngineError("the passporteye engine is not installed "
                          "(pip install passporteye; it needs the tesseract-ocr program)") from None
    ok, png = cv2.imencode(".png", to_8bit(image))
    if not ok:
        return None
    try:
        with warnings.catch_warnings():  # its scikit-image calls are deprecated
            warnings.simplefilter("ignore")
            found = read_mrz(io.BytesIO(png.tobytes()))
    except FileNotFoundError as exc:  # no tesseract program
        raise EngineError(f"the passporteye engine needs the tesseract-ocr program ({exc})") from None
    if found is None:
        return None
    lines = _mrz_lines(found.aux.get("raw_text", ""))
    if not lines:
        return None
    sure = max(0.0, min(1.0, found.valid_score / 100))
    return Reading(lines=tuple(lines), confidence=tuple((sure,) * len(line) for line in lines),
                   source=source, engine="passporteye")


TESSDATA = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
            "/usr/share/tessdata")


@lru_cache(maxsize=1)
def _tesseract_api():
    try:
        import tesserocr
    except ImportError:
        raise EngineError("the tesseract engine needs the tesserocr package "
                          "(pip install tesserocr)") from None
    path = os.environ.get("TESSDATA_PREFIX") or next(
        (p for p in TESSDATA if os.path.exists(os.path.join(p, "eng.traineddata"))), None)
    if path is None:
        raise EngineError("the tesseract engine needs Tesseract's English model "
                          "(Debian package tesseract-ocr-eng)")
    api = tesserocr.PyTessBaseAPI(path=path, lang="eng", psm=tesserocr.PSM.SINGLE_BLOCK)
    api.SetVariable("tessedit_char_whitelist", classifier.ALPHABET)
    return api


def read_tesseract(image: np.ndarray, *, source: str = "camera") -> Reading | None:
    """Tesseract (in-process) on the MRZ band our finder straightens, MRZ alphabet only."""
    api = _tesseract_api()
    g = segment.grey(to_8bit(image))
    for candidate in segment.candidates(g):
        for cut in segment.cut(g, candidate):
            band = np.array(cut.band, np.float32)
            width = float(np.linalg.norm(band[1] - band[0]))
            height = float(np.linalg.norm(band[3] - band[0]))
            scale = 32 * len(cut.lengths) / max(height, 1)
            w, h = int(width * scale), int(height * scale)
            dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
            upright = cv2.warpPerspective(g, cv2.getPerspectiveTransform(band, dst), (w, h))
            upright = cv2.copyMakeBorder(upright, 20, 20, 20, 20, cv2.BORDER_REPLICATE)
            from PIL import Image  # tesserocr's own dependency
            api.SetImage(Image.fromarray(upright))
            lines = _mrz_lines(api.GetUTF8Text())
            if len(lines) == len(cut.lengths):
                sure = max(0.0, min(1.0, api.MeanTextConf() / 100))
                return Reading(lines=tuple(lines),
                               confidence=tuple((sure,) * len(line) for line in lines),
                               source=source, engine="tesseract", band=cut.band)
    return None


def engine(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine called ``name``; raises :class:`EngineError` if it cannot run here."""
    if name == "borderdesk":
        try:
            classifier.load()  # a missing model is said now, not at the first frame
        except classifier.ModelError as exc:
            raise EngineError(str(exc)) from None
        return read_frame
    if name == "passporteye":
        try:
            import passporteye  # noqa: F401
        except ImportError:
            raise EngineError("the passporteye engine is not installed") from None
        return read_passporteye
    if name == "tesseract":
        _tesseract_api()
        return read_tesseract
    raise EngineError(f"no OCR engine called {name!r} (engines: {', '.join(ENGINE_NAMES)})")


# -- image files ----------------------------------------------------------------

def to_8bit(image: np.ndarray) -> np.ndarray:
    """The picture as 8-bit grey or BGR: 16-bit and float scaled, alpha laid on white."""
    if not isinstance(image, np.ndarray) or image.size == 0 or image.ndim not in (2, 3):
        raise ImageError("not a picture")
    if image.ndim == 3 and image.shape[2] not in (1, 3, 4):
        raise ImageError(f"a picture with {image.shape[2]} channels is not supported")
    if image.dtype != np.uint8:
        f = image.astype(np.float32)
        top = float(np.percentile(f, 99.9)) if f.size else 1.0
        low = float(f.min())
        f = (f - low) * (255.0 / max(top - low, 1e-6))
        image = np.clip(f, 0, 255).astype(np.uint8)
    if image.ndim == 3 and image.shape[2] == 4:
        alpha = image[:, :, 3:4].astype(np.float32) / 255
        image = (image[:, :, :3] * alpha + 255 * (1 - alpha)).astype(np.uint8)
    return image


def _header_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG or JPEG header, without decoding the picture."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                i += 1 if marker == 0xFF else 2
                continue
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return w, h
            i += 2 + length
    return None


@dataclass(frozen=True, slots=True)
class Picture:
    image: np.ndarray  # 8-bit, BGR or grey
    notes: tuple[str, ...]  # what was done to it or found wrong with it


def load_image(path: str | os.PathLike) -> Picture:
    """The picture in the file at ``path``; raises :class:`ImageError` with a plain reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise ImageError("it is a directory, not an image file")
        if size == 0:
            raise ImageError("the file is empty")
        if size > MAX_BYTES:
            raise ImageError(f"the file is too large ({size // 2**20} MiB; at most "
                             f"{MAX_BYTES // 2**20} MiB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ImageError("no such file") from None
    except PermissionError:
        raise ImageError("permission denied") from None
    except IsADirectoryError:
        raise ImageError("it is a directory, not an image file") from None
    except OSError as exc:
        raise ImageError(exc.strerror or str(exc)) from None
    dims = _header_size(data)
    if dims is not None and dims[0] * dims[1] > MAX_PIXELS:
        raise ImageError(f"the image is too large ({dims[0]}x{dims[1]} pixels; at most "
                         f"{MAX_PIXELS // 1_000_000} megapixels)")
    notes = []
    if data[:2] == b"\xff\xd8" and not data.rstrip(b"\0").endswith(b"\xff\xd9"):
        notes.append("the JPEG file is truncated")
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None or image.size == 0:
        raise ImageError("not an image OpenCV can read" + (" (the file is truncated)"
                                                          if notes or data[:4] == b"\x89PNG" else ""))
    if image.shape[0] * image.shape[1] > MAX_PIXELS:
        raise ImageError(f"the image is too large ({image.shape[1]}x{image.shape[0]} pixels)")
    if image.dtype != np.uint8:
        notes.append(f"{image.dtype.itemsize * 8}-bit samples scaled to 8 bits")
    if image.ndim == 3 and image.shape[2] == 4:
        notes.append("transparency laid on white")
    image = to_8bit(image)
    pixels = image.shape[0] * image.shape[1]
    if pixels > WORK_PIXELS:
        f = (WORK_PIXELS / pixels) ** 0.5
        image = cv2.resize(image, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    return Picture(image, tuple(notes))


# These thresholds, like agreement.MIN_COVERED_CONFIDENCE, are of the classifier's calibrated
# probabilities (its logits scaled by the temperature that fits held-out cells,
# tools/train_ocr.py): a letter read at 0.8 is wrong about one time in five. Of the 600
# held-out frames train_ocr.py reads whole (it prints that table), none read wrong is
# trusted for a name letter at any threshold from 0.7 up; the one wrong reading trusted at
# every threshold is not the classifier's doing (optional data KK taken for fillers, whose
# weights 7 and 3 make 200). 0.8 was chosen so; the model retrained on whole letters (rows
# of fillers cut at their MRZ's print height) then read one name letter wrong at 0.81 in
# a benchmark image (V for N, seed 5150), so it was raised to 0.85, where no benchmark
# image is trusted wrong, at the cost of a few refused that were right.
# MIN_CODE_CONFIDENCE is the earlier network's 0.995 carried over to the calibrated scale
# (the same logit margin, rounded up).
#: A single image's characters that no check digit covers must be read at least this sure
#: (below it, wrong names that pass every check)
MIN_UNVERIFIED_CONFIDENCE = 0.85
#: The document code's two places: no check covers them and nothing tells a misread one
#: (a filler read as I makes the unremarkable code PI, a D read as a filler PD an ordinary P<)
MIN_CODE_CONFIDENCE = 0.98


def distrust(reading: Reading, document: mrz.Document,
             min_confidence: float | None = None) -> str:
    """Why ``reading`` (parsed as ``document``) is not to be trusted, or "" if it is.

    Trusted: every check digit passes, the state codes are known ones, the
    document code is one the format uses (a passport's lines cut to a card's
    length can pass a card's checks), every character a check covers was
    read (or settled) with at least ``MIN_COVERED_CONFIDENCE``, and every
    character no passing check digit covers (names, states, sex) was read
    with at least ``min_confidence``.
    """
    if not document.valid:
        return "the check digits fail (" + ", ".join(
            name.replace("_", " ") for name in document.checks.failed) + ")"
    unknown = [w.message for w in document.warnings if w.code == "unknown-state"]
    if unknown:  # more often a misread letter than a state no one has heard of
        return f"{unknown[0]}; check it against the document"
    unusual = unusual_code(document)
    if unusual:  # a passport's lines cut to a card's length, or a misread code
        return f"{unusual}; check it against the document"
    layout = layout_named(document.layout_name)
    for name, doubtful in doubted_checks(layout, reading.confidence).items():
        # a misread the check cannot see, or two that cancel out (00 / OO)
        return (f"{len(doubtful)} unsure character(s) under the {name.replace('_', ' ')} "
                f"check digit; check them against the document")
    if min_confidence is None:
        min_confidence = MIN_UNVERIFIED_CONFIDENCE
    covered = verified(document)
    unsure = [(i, j) for i, line in enumerate(reading.confidence) for j, c in enumerate(line)
              if c < min_confidence and (i, j) not in covered]
    span = layout.span("document_code")
    code = [(span.line, j) for j in range(span.start, span.end)]
    if any(reading.confidence[i][j] < MIN_CODE_CONFIDENCE for i, j in code):
        # a filler too: PD read P< is a diplomatic passport taken for an ordinary one
        unsure = code + [place for place in unsure if place not in code]
    if unsure:
        where = ", ".join(f"line {i + 1} position {j + 1}" for i, j in unsure[:5])
        return (f"unsure of {len(unsure)} character(s) no check digit covers ({where}"
                f"{', ...' if len(unsure) > 5 else ''}); check them against the document")
    return ""


def read_turned(image: np.ndarray, read: Engine) -> Reading | None:
    """A reading whose checks pass of the picture turned upside down or a quarter turn, or None."""
    h, w = image.shape[:2]
    back = {  # from a point of the turned picture to the same point of the picture
        cv2.ROTATE_180: lambda x, y: (w - 1 - x, h - 1 - y),
        cv2.ROTATE_90_CLOCKWISE: lambda x, y: (y, h - 1 - x),
        cv2.ROTATE_90_COUNTERCLOCKWISE: lambda x, y: (w - 1 - y, x),
    }
    for turn, undo in back.items():
        found = read(cv2.rotate(image, turn), source="image")
        if found is not None and _valid(found):
            band = tuple(undo(x, y) for x, y in found.band) if found.band else None
            return dataclasses.replace(found, band=band)
    return None


def read_image(path: str | os.PathLike, engine_name: str = DEFAULT_ENGINE) -> Reading | None:
    """The MRZ in the image file at ``path`` (turned a quarter or half turn if need be).

    A reading whose checks all pass but with unsure characters outside them
    gives None: it would look valid.

    Raises :class:`ImageError` for a file that is not a readable picture and
    :class:`EngineError` when the engine cannot run.
    """
    read = engine(engine_name)
    image = load_image(path).image
    found = read(image, source="image")
    if engine_name == DEFAULT_ENGINE and (found is None or not _valid(found)):
        found = read_turned(image, read) or found
    if found is not None and engine_name == DEFAULT_ENGINE:
        document = _parse(list(found.lines))
        if document is not None and document.valid and distrust(found, document):
            return None  # it would look valid, and a name may be wrong
    return found


def _valid(reading: Reading) -> bool:
    document = _parse(list(reading.lines))
    return document is not None and document.checks.all_pass
