"""The character classifier: a small convolutional network over MRZ character cells.

A cell (:data:`~borderdesk.reader.segment.CELL_W` x ``CELL_H``, ink high)
goes through three convolutions (3x3, ReLU, 2x2 max pooling) and two dense
layers to a softmax over the 37 MRZ symbols ``A-Z 0-9 <``, its logits scaled
by the temperature that calibrates it on held-out cells. The weights are
trained by ``tools/train_ocr.py`` (PyTorch) and ship as ONNX,
``resources/ocr/mrz-chars.onnx``, which OpenCV's dnn module runs: OpenCV is
already what the reader is built on, so inference needs nothing more. A whole
MRZ (at most 90 cells) is one batch of about 5 ms on one core.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
MODEL_FILE = Path(__file__).resolve().parents[3] / "resources" / "ocr" / "mrz-chars.onnx"


class ModelError(RuntimeError):
    """The model file is missing or unusable."""


class Model:
    """The network of one model file; :meth:`probabilities` may be called from any thread."""

    def __init__(self, net: cv2.dnn.Net, cell_shape: tuple[int, int]):
        self._net = net
        self.cell_shape = cell_shape  # (height, width)
        self._lock = threading.Lock()  # one forward pass at a time on one cv2.dnn.Net

    def probabilities(self, cells: np.ndarray) -> np.ndarray:
        """(n, 37) class probabilities for (n, H, W) cells."""
        cells = np.asarray(cells, np.float32)
        if len(cells) == 0:
            return np.zeros((0, len(ALPHABET)), np.float32)
        blob = np.ascontiguousarray(cells.reshape(len(cells), 1, *self.cell_shape))
        with self._lock:
            self._net.setInput(blob)
            out = self._net.forward()
        return np.array(out, np.float32).reshape(len(cells), len(ALPHABET))


def use_model_file(path: Path) -> None:
    """Make ``path`` the model :func:`load` gives by default.

    The desk names the model that ships with it (in an installed or frozen
    desk, ``resources/`` is not beside the source tree).
    """
    global MODEL_FILE
    MODEL_FILE = Path(path)


def load(path: Path | None = None) -> Model:
    """The model at ``path`` (by default the one that ships); raises :class:`ModelError`."""
    return _load(path or MODEL_FILE)


@lru_cache(maxsize=4)
def _load(path: Path) -> Model:
    from .segment import CELL_H, CELL_W
    if not path.is_file():
        raise ModelError(f"the OCR model {path} is missing; build it with tools/train_ocr.py")
    try:
        net = cv2.dnn.readNetFromONNX(str(path))
        model = Model(net, (CELL_H, CELL_W))
        out = model.probabilities(np.zeros((2, CELL_H, CELL_W), np.float32))
    except (cv2.error, ValueError) as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"the OCR model {path} is unusable ({reason}); "
                         f"build it again with tools/train_ocr.py") from None
    if not np.allclose(out.sum(1), 1, atol=1e-3):
        raise ModelError(f"the OCR model {path} does not give probabilities of the "
                         f"{len(ALPHABET)} MRZ symbols")
    return model
