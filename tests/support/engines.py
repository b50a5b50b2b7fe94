"""An OCR engine double for the camera, which runs in the camera's own process, and a
recording of a desk with a document laid on it for the camera to replay.

The engine is a boundary (a function from a frame to a Reading); this one "reads" the MRZ of
``TD3`` wherever a document lies in the frame. It is pickled into the camera's process, so a
test talks to it through files in ``folder``: whether it is blind, and every call it took
(the process it ran in).
"""

import os
import time
from pathlib import Path

import cv2
import numpy as np

from support.readings import TD3, reading

FRAME = (640, 480)
BAND = ((40, 380), (600, 380), (600, 440), (40, 440))


def frame(document: bool, seed: int) -> np.ndarray:
    """A desk seen from above (noise), with a document and its two MRZ lines, or without."""
    rng = np.random.default_rng(seed)
    image = rng.integers(60, 110, (FRAME[1], FRAME[0], 3), dtype=np.uint8)
    if document:
        cv2.rectangle(image, (20, 200), (620, 460), (222, 228, 226), -1)
        for i, line in enumerate(TD3):
            cv2.putText(image, line, (44, 405 + 24 * i), cv2.FONT_HERSHEY_PLAIN, 1.1,
                        (25, 25, 25), 1)
    return image


def write_recording(folder: Path, frames: int = 30, empty: int = 6) -> Path:
    """``frames`` images in ``folder``: the empty desk ``empty`` times, then the document."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(frames):
        cv2.imwrite(str(folder / f"{n:03d}.png"), frame(document=n >= empty, seed=n))
    return folder


class ReadsTheBand:
    def __init__(self, folder: Path, delay: float = 0.0):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.delay = delay  # as long as a real engine takes, if asked

    @property
    def blind(self) -> bool:
        return (self.folder / "blind").exists()

    @blind.setter
    def blind(self, value: bool) -> None:  # sees nothing while set
        if value:
            (self.folder / "blind").touch()
        else:
            (self.folder / "blind").unlink(missing_ok=True)

    @property
    def pids(self) -> list[int]:
        """The process of each call so far."""
        path = self.folder / "calls"
        return [int(line) for line in path.read_text().split()] if path.exists() else []

    @property
    def calls(self) -> int:
        return len(self.pids)

    def __call__(self, image):
        with open(self.folder / "calls", "a") as calls:
            calls.write(f"{os.getpid()}\n")
        time.sleep(self.delay)
        if self.blind or float(image[300:340, 100:500].mean()) < 150:
            return None
        return reading(TD3, band=BAND)
