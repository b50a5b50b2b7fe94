"""The test-image generator (borderdesk.reader.synth): its documents are valid, its truth is true."""

import json
import random
from collections import Counter
from pathlib import Path

import cv2
import numpy as np
import pytest

from borderdesk.mrz import parse
from borderdesk.reader.synth.identities import KINDS, document_from_mrz, random_document
from borderdesk.reader.synth.page import PITCH_MM, SIZES_MM, render
from borderdesk.reader.synth.scene import MIN_PITCH, background, flat_scan, photograph

ROOT = Path(__file__).resolve().parents[2]


def documents(n, seed=0):
    rng = random.Random(seed)
    return [random_document(rng) for _ in range(n)]


def test_documents_are_valid_and_parse_back_to_themselves():
    for doc in documents(1500):
        parsed = parse(doc.text)
        assert parsed.valid, doc.lines
        assert parsed.lines == doc.lines
        assert parsed.format == doc.format
        assert not parsed.corrections, doc.lines
        assert set("".join(doc.lines)) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


def test_documents_cover_what_a_desk_sees():
    docs = documents(1500)
    kinds = Counter(d.kind for d in docs)
    assert set(kinds) == set(KINDS)
    assert kinds["TD3"] > kinds["TD1"] > kinds["MRV-B"]
    parsed = [parse(d.text) for d in docs]
    assert sum(p.name_truncated for p in parsed) >= 10  # long names cut to the field
    long_numbers = [p for p in parsed if p.format in ("TD1", "TD2") and len(p.document_number) > 9]
    assert len(long_numbers) >= 10  # overflowing into the optional data
    assert any(p.format == "TD3" and p.lines[1][42] == "<" for p in parsed)  # a '<' check digit
    assert any(d.sex == "<" for d in docs)
    assert any(d.birth_date is None for d in docs)  # an unknown day of birth
    assert any(any(ord(c) > 127 for c in d.surname + d.given_names) for d in docs)  # MÜLLER
    assert len({d.issuing_state for d in docs}) > 40
    regional = Counter(d.issuing_state for d in docs)
    assert regional["DZA"] + regional["MAR"] + regional["TUN"] > regional["USA"]


def test_a_kind_can_be_asked_for_and_a_wrong_one_is_refused():
    rng = random.Random(3)
    for kind in KINDS:
        assert random_document(rng, kind).kind == kind
    with pytest.raises(ValueError, match="unknown kind"):
        random_document(rng, "TD4")


def test_documents_are_deterministic():
    assert documents(50, seed=11) == documents(50, seed=11)
    assert documents(50, seed=11) != documents(50, seed=12)


def test_a_document_from_its_mrz():
    demo = json.loads((ROOT / "resources/demo/documents.json").read_text(encoding="utf-8"))
    for entry in demo:
        doc = document_from_mrz(entry["mrz"])
        assert doc.lines == tuple(entry["mrz"])
        assert parse(doc.text).surname == doc.surname


def test_photographs_are_deterministic():
    def shot(seed):
        rng = random.Random(seed)
        return photograph(rng, random_document(rng), 0.5, frame=(640, 480))
    a, b, c = shot(5), shot(5), shot(6)
    assert np.array_equal(a.image, b.image) and a.band == b.band
    assert not np.array_equal(a.image, c.image)


@pytest.mark.parametrize("frame", [(1280, 720), (640, 480), (1920, 1080)])
def test_photographs_have_the_frame_size_and_the_band_inside(frame):
    rng = random.Random(f"frame {frame}")
    for n in range(6):
        doc = random_document(rng, list(KINDS)[n % 5])
        shot = photograph(rng, doc, n / 5, frame=frame)
        assert shot.image.shape == (frame[1], frame[0], 3)
        assert shot.image.dtype == np.uint8
        assert shot.lines == doc.lines and shot.kind == doc.kind
        band = np.array(shot.band)
        assert band.shape == (4, 2)
        assert (band >= 0).all() and (band[:, 0] <= frame[0]).all() and (band[:, 1] <= frame[1]).all()
        assert shot.pitch >= MIN_PITCH * 0.9
        assert len(shot.line_quads) == len(doc.lines)
        assert shot.conditions["font"] and "noise" in shot.conditions
        top, right = band[1] - band[0], band[2] - band[1]
        assert abs(np.degrees(np.arctan2(top[1], top[0]))) <= 15 + 8  # rotation and tilt
        assert np.linalg.norm(top) > np.linalg.norm(right)  # a band is wider than high


def ink_per_cell(image, band, lines):
    """Share of dark pixels in each character cell of the band, rectified (rows x columns)."""
    cols, rows, cell = len(lines[0]), len(lines), 16
    target = np.float32([[0, 0], [cols * cell, 0], [cols * cell, rows * cell * 1.6],
                         [0, rows * cell * 1.6]])
    warp = cv2.getPerspectiveTransform(np.float32(band), target)
    flat = cv2.warpPerspective(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), warp,
                               (cols * cell, int(rows * cell * 1.6)))
    _, ink = cv2.threshold(flat, 0, 1, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    h = ink.shape[0] / rows
    return np.array([[ink[int(r * h):int((r + 1) * h), c * cell:(c + 1) * cell].mean()
                      for c in range(cols)] for r in range(rows)])


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_band_is_where_the_mrz_was_printed(kind):
    """Every character cell of the band, rectified, holds ink; the margin beside it does not."""
    rng = random.Random(kind)
    doc = random_document(rng, kind)
    shot = photograph(rng, doc, 0.0, frame=(1280, 720))
    cells = ink_per_cell(shot.image, shot.band, doc.lines)
    assert (cells > 0.03).all(), np.argwhere(cells <= 0.03)
    scan = flat_scan(random.Random(kind), doc)
    assert (ink_per_cell(scan.image, scan.band, doc.lines) > 0.03).all()


def test_the_page_puts_the_mrz_at_its_pitch_near_the_bottom():
    rng = random.Random(1)
    for kind in KINDS:
        doc = random_document(rng, kind)
        page = render(rng, doc, 8.0, noise=np.random.default_rng(0))
        w_mm, h_mm = SIZES_MM[kind]
        assert page.image.shape[:2] == (round(h_mm * 8), round(w_mm * 8))
        assert page.pitch == pytest.approx(PITCH_MM * 8, rel=0.04)
        assert page.band[2][1] < h_mm * 8 and page.band[2][1] > (h_mm - 9) * 8
        assert 0 < page.band[0][0] and page.band[1][0] < w_mm * 8


def test_flat_scans_are_straight_and_fine():
    rng = random.Random(2)
    doc = random_document(rng, "TD3")
    shot = flat_scan(rng, doc, dpi=300)
    h, w = shot.image.shape[:2]
    assert w > 125 / 25.4 * 300 and h > 88 / 25.4 * 300
    band = np.array(shot.band)
    assert (band >= 0).all() and (band[:, 0] <= w).all() and (band[:, 1] <= h).all()
    assert shot.pitch == pytest.approx(300 / 25.4 * PITCH_MM, rel=0.04)


def test_backgrounds():
    a = background(random.Random(4), 360, 640)
    assert a.shape == (360, 640, 3) and a.dtype == np.uint8
    assert np.array_equal(a, background(random.Random(4), 360, 640))
    kinds = {background(random.Random(s), 90, 160).std() > 1 for s in range(12)}
    assert True in kinds  # textured ones among them


def test_an_offset_moves_the_same_document():
    rng = random.Random(9)
    doc = random_document(rng, "TD1")
    state = rng.getstate()
    still = photograph(rng, doc, 0.1, frame=(640, 480))
    rng.setstate(state)
    moved = photograph(rng, doc, 0.1, frame=(640, 480), offset=(40, 0))
    assert np.allclose(np.array(moved.band) - np.array(still.band), [[40, 0]] * 4, atol=0.01)
