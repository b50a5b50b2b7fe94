"""The MRZ band finder and cell cutter on rendered documents in camera frames."""

import cv2
import numpy as np
import pytest

from borderdesk.reader import segment
from support.rendered import shot


def cuts_of(image):
    g = segment.grey(image)
    return [cut for c in segment.candidates(g) for cut in segment.cut(g, c)]


def inside(cut, point) -> bool:
    return cv2.pointPolygonTest(np.array(cut.band, np.float32),
                                tuple(float(v) for v in point), False) >= 0


@pytest.mark.parametrize("length", [30, 36, 44])
@pytest.mark.parametrize("seed", ["a", "b", "c"])
def test_finds_the_band_with_its_lines_and_characters(length, seed):
    s = shot(f"segment:{seed}", length=length, difficulty=0.5)
    want = tuple(len(line) for line in s.lines)
    found = [c for c in cuts_of(s.image) if c.lengths == want and inside(c, s.band.mean(0))]
    assert found, f"no {want} cut over the MRZ"
    cut = found[0]
    assert [len(cells) for cells in cut.cells] == list(want)
    assert cut.cells[0].shape[1:] == (segment.CELL_H, segment.CELL_W)
    assert all(0 <= cells.min() and cells.max() <= 1 for cells in cut.cells)


def test_a_small_document_far_in_the_frame_and_a_grey_one():
    for seed in range(3):
        s = shot(f"small:{seed}", difficulty=0.2, frame=(1280, 720), grey=True)
        assert s.image.ndim == 2
        want = tuple(len(line) for line in s.lines)
        assert any(c.lengths == want and inside(c, s.band.mean(0)) for c in cuts_of(s.image))


def test_nothing_in_an_empty_or_tiny_picture():
    assert cuts_of(np.full((720, 1280, 3), 200, np.uint8)) == []
    assert cuts_of(np.zeros((5, 5), np.uint8)) == []
    noise = np.random.default_rng(1).integers(0, 255, (480, 640), dtype=np.uint8)
    assert len(cuts_of(noise)) <= 1  # noise may look like text, but rarely like an MRZ
