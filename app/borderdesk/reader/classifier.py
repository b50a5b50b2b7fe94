"""The character classifier: a small neural network over normalised MRZ character cells.

A cell (:data:`~borderdesk.reader.segment.CELL_W` x ``CELL_H``, ink high) goes
through two fully connected layers (ReLU) to a softmax over the 37 MRZ
symbols ``A-Z 0-9 <``. Inference is a few numpy matrix products: a whole
MRZ (at most 90 cells) takes well under a millisecond. The weights are
trained by ``tools/train_ocr.py`` from rendered MRZs and ship as
``resources/ocr/mrz-chars.npz``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
MODEL_FILE = Path(__file__).resolve().parents[3] / "resources" / "ocr" / "mrz-chars.npz"


class ModelError(RuntimeError):
    """The model file is missing or unusable."""


@dataclass(frozen=True)
class Model:
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray
    w3: np.ndarray
    b3: np.ndarray
    mean: np.ndarray  # per-input mean and scale, from the training data
    scale: np.ndarray

    def probabilities(self, cells: np.ndarray) -> np.ndarray:
        """(n, 37) class probabilities for (n, H, W) cells."""
        x = (cells.reshape(len(cells), -1) - self.mean) * self.scale
        h = np.maximum(x @ self.w1 + self.b1, 0)
        h = np.maximum(h @ self.w2 + self.b2, 0)
        z = h @ self.w3 + self.b3
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def save(path: Path, params: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **{k: v.astype(np.float32) for k, v in params.items()})


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
    try:
        with np.load(path) as data:
            params = {k: data[k].astype(np.float32) for k in
                      ("w1", "b1", "w2", "b2", "w3", "b3", "mean", "scale")}
    except FileNotFoundError:
        raise ModelError(f"the OCR model {path} is missing; build it with tools/train_ocr.py") from None
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"the OCR model {path} is unusable ({exc}); "
                         f"build it again with tools/train_ocr.py") from None
    if params["w3"].shape[1] != len(ALPHABET):
        raise ModelError(f"the OCR model {path} does not have the {len(ALPHABET)} MRZ symbols")
    return Model(**params)
