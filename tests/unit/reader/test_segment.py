"""The MRZ band finder and cell cutter on rendered documents in camera frames."""

import dataclasses

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
    for shape in ((1, 1), (1, 500), (500, 1), (1, 1300), (3, 2000), (40, 4000)):  # slivers
        assert cuts_of(np.full(shape, 128, np.uint8)) == []
    noise = np.random.default_rng(1).integers(0, 255, (480, 640), dtype=np.uint8)
    assert len(cuts_of(noise)) <= 1  # noise may look like text, but rarely like an MRZ


def _washed_out(s, line, first, last, strength):
    """The shot with characters ``first`` to ``last`` of MRZ line ``line`` all but washed
    out, as a glare does."""
    tl, tr, br, bl = (np.array(p, np.float64) for p in s.band)
    n, rows = len(s.lines[0]), len(s.lines)

    def at(i, v):  # position i along the line, v across the band (0 top, 1 bottom)
        top, bottom = tl + (tr - tl) * i / n, bl + (br - bl) * i / n
        return top + (bottom - top) * v

    poly = np.array([at(first, line / rows), at(last + 1, line / rows),
                     at(last + 1, (line + 1) / rows), at(first, (line + 1) / rows)], np.int32)
    mask = np.zeros(s.image.shape[:2], np.uint8)
    cv2.fillConvexPoly(mask, poly, 255)
    a = (cv2.GaussianBlur(mask, (0, 0), 2).astype(np.float32) / 255 * strength)
    if s.image.ndim == 3:
        a = a[:, :, None]
    return (s.image * (1 - a) + 250 * a).astype(np.uint8)


@pytest.mark.parametrize("seed", ["a", "b"])
def test_a_line_broken_by_a_glare_is_still_one_line(seed):
    s = shot(f"glare:{seed}", length=44, difficulty=0.2)
    image = _washed_out(s, 0, 20, 22, 0.93)
    want = tuple(len(line) for line in s.lines)
    assert any(c.lengths == want and inside(c, s.band.mean(0)) for c in cuts_of(image))


def test_pieces_of_a_row_joined_only_on_its_grid():
    h, pitch = 20.0, 17.0

    def marks(xs, level=50.0, height=h):
        return np.array([[x, level, 11, height] for x in xs], np.float32)

    left = marks(100 + pitch * np.arange(10))
    right = marks(100 + pitch * np.arange(13, 30))  # three characters washed out between
    beside = marks(100 + pitch * 29 + 2.6 * pitch + 11.0 * np.arange(8))  # other print, narrower
    below = marks(100 + pitch * np.arange(13, 30), level=50 + 1.6 * h)  # the next line
    all_marks = np.concatenate([left, right, beside, below])
    v = all_marks[:, 1]
    starts = np.cumsum([0, len(left), len(right), len(beside)])
    pieces = [np.arange(a, a + len(m)) for a, m in zip(starts, (left, right, beside, below))]
    joined = segment._join(pieces, all_marks, v, h)
    sizes = sorted(len(p) for p in joined)
    assert sizes == [8, 17, 27]  # the row whole; the print beside and the next line apart


def _both_lines_washed_out(s, first, last, strength):
    for line in range(len(s.lines)):
        s = dataclasses.replace(s, image=_washed_out(s, line, first, last, strength))
    return s


@pytest.mark.parametrize("seed", ["a", "d"])
@pytest.mark.parametrize("first, last", [(35, 43), (0, 7)])
def test_lines_washed_out_at_one_end_are_cut_at_their_whole_length(seed, first, last):
    s = shot(f"washed:{seed}", length=44, difficulty=0.2)
    washed = _both_lines_washed_out(s, first, last, 0.97)  # those characters all but gone
    g = segment.grey(washed.image)
    want = (44, 44)
    assert not any(c.lengths == want and inside(c, s.band.mean(0)) for c in cuts_of(washed.image))
    pitch = float(np.linalg.norm(s.band[1] - s.band[0])) / 44
    second = [c for cand in segment.candidates(g) for c in segment.cut_washed(g, cand)
              if c.lengths == want]
    # one of them lies over the whole band: the characters washed out are where they were
    assert min(np.abs(np.array(c.band) - s.band).max() for c in second) < 0.8 * pitch


def test_a_blob_beside_the_mrz_does_not_bridge_its_two_lines():
    h, pitch = 16.0, 16.0
    lines = [np.array([[100 + pitch * i, level, 11, h] for i in range(30)], np.float32)
             for level in (140.0, 167.0)]
    blob = np.array([[100 + pitch * 30 + 60, 154.0, 100, 2.4 * h]], np.float32)  # both levels
    rows = segment._rows(np.concatenate([*lines, blob]))
    assert sorted(len(r.comps) for r in rows if len(r.comps) >= 30) == [30, 30]


def test_a_row_numbered_on_its_grid_across_a_gap_and_pieces_but_not_proportional_print():
    pitch, h = 14.0, 12.0
    xs = list(100 + pitch * np.arange(12)) + list(100 + pitch * np.arange(21, 30))  # 9 washed out
    pieces = [100 + pitch * 4 + 4.5, 100 + pitch * 25 - 5.0]  # a character broken in two
    marks = [[x, 50.0, 9, h] for x in xs] + [[x, 50.0, 4, 0.6 * h] for x in pieces]
    marks.sort()
    comps = np.array(marks, np.float32)
    row = segment._Row(comps, 0.0, 50.0, h, float(comps[0, 0] - 4.5), float(comps[-1, 0] + 4.5))
    idx, cx = segment._numbered(row, pitch)
    assert sorted(set(idx.astype(int))) == list(range(12)) + list(range(21, 30))
    # proportional print: each letter as wide as its shape (the widths of a sans-serif font)
    width = dict(zip("aegilmnoprstu ", [.56, .56, .56, .22, .22, .83, .56, .56, .56, .33, .5,
                                        .28, .56, .28]))
    x, marks, em = 100.0, [], 22.0
    for ch in "passenger name total report signature":
        if ch != " ":
            marks.append([x + width[ch] * em / 2, 50.0, width[ch] * em * 0.8, h])
        x += width[ch] * em
    comps = np.array(marks, np.float32)
    row = segment._Row(comps, 0.0, 50.0, h, float(comps[0, 0]), float(comps[-1, 0]))
    pitch = segment._mark_pitch([row])
    assert segment._numbered(row, pitch) is None


def _glared(s, strength):
    """The shot with a glare over its whole MRZ band and bold black print elsewhere."""
    mask = np.zeros(s.image.shape[:2], np.uint8)
    centre = s.band.mean(0)
    cv2.fillConvexPoly(mask, ((s.band - centre) * 1.3 + centre).astype(np.int32), 255)
    a = cv2.GaussianBlur(mask, (0, 0), 6).astype(np.float32) / 255 * strength
    if s.image.ndim == 3:
        a = a[:, :, None]
    image = (s.image * (1 - a) + 250 * a).astype(np.uint8)
    cv2.putText(image, "ARRIVALS  GATE 12", (40, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (0, 0, 0), 5)
    return image


@pytest.mark.parametrize("seed", ["a", "e"])
def test_a_band_under_a_glare_is_a_faint_region(seed):
    s = shot(f"faint:{seed}", length=44, difficulty=0.2)
    g = segment.grey(_glared(s, 0.8))
    band = s.band.astype(np.float32)

    def over(found):
        return [c for c in found if cv2.pointPolygonTest(band, c.center, False) >= 0]

    assert not over(segment.candidates(g))  # the print beside it is far stronger
    assert over(segment.candidates(g, faint=True))
    ordinary = segment.candidates(g)
    assert not any(c in ordinary for c in segment.candidates(g, faint=True))


def test_a_line_of_mostly_fillers_is_cut_at_the_print_height_of_its_mrz():
    """A short name leaves line 1 of a passport mostly fillers, two thirds as high as a
    letter: cut at their height, the letters' tops and feet fell outside their cells."""
    import random

    import mrzrender
    from borderdesk.mrz.compose import compose

    lines = list(compose("TD3", document_code="P", issuing_state="UTO", surname="LI",
                         given_names="AN", document_number="X70800123", nationality="UTO",
                         birth_date="740812", sex="F", expiry_date="120415"))
    assert lines[0].count("<") > 30
    rng = random.Random(1)
    dejavu = dict((name, path) for name, path, _ in mrzrender.fonts())["dejavu-mono"]
    page = mrzrender.render_page(rng, lines, font=dejavu)  # its filler is half a letter high
    s = mrzrender.photograph(rng, page, 0.0, (1280, 720))
    (cut,) = [c for c in cuts_of(s.image) if c.lengths == (44, 44) and inside(c, s.band.mean(0))][:1]

    def ink_rows(cell):  # the rows of the cell its character's ink covers
        rows = np.flatnonzero(cell.max(1) > 0.5)
        return rows.max() - rows.min() + 1

    letters = [ink_rows(cut.cells[0][k]) for k in (0, 2, 3, 4, 5, 6)]  # P UTO L I
    digits = [ink_rows(cut.cells[1][k]) for k in (1, 2, 13, 14)]  # 70 74
    assert max(letters) < segment.CELL_H - 2  # room above and below: nothing cut off
    assert abs(np.median(letters) - np.median(digits)) <= 3  # both lines at about one scale


def test_print_heights_of_a_group():
    def row(height):
        return segment._Row(np.zeros((0, 4), np.float32), 0.0, 0.0, height, 0.0, 1.0)
    # a line of fillers measured at 8 where its MRZ prints at 12: taken as 0.9 of 12
    assert segment._print_heights([row(8.0), row(12.0)]) == pytest.approx([10.8, 12.0])
    # perspective: rows a few per cent apart keep their own heights
    assert segment._print_heights([row(11.5), row(12.0)]) == [11.5, 12.0]
