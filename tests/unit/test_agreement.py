"""Multi-frame agreement and the frame gate, on readings made from composed MRZs."""

import inspect
import logging
import random

import cv2
import numpy as np
import pytest

from borderdesk.desk.config import CameraSection
from borderdesk.reader.agreement import (Agreement, FrameGate, MultiFrameReader, band_roi,
                                         difference, measure, vote)
from borderdesk.reader.reading import Reading
from support.readings import TD1, TD2, TD3, misreads, passport_cut_to_a_card, reading

def run(agreement, frames, t0=0.0, dt=0.1):
    """Feed ``frames`` (readings or None) at ``dt`` apart; the (frame number, result) reported."""
    out = []
    for n, r in enumerate(frames):
        stable = agreement.add(r, t0 + n * dt)
        if stable is not None:
            out.append((n, stable))
    return out


# -- voting -----------------------------------------------------------------------

def test_vote_weighs_each_character_by_its_confidence():
    a = reading(TD3, [(1, 0, "I")], wrong_conf=0.3)
    b = reading(TD3, [(0, 10, "K")], wrong_conf=0.3)
    v = vote([a, b])
    assert v.lines == tuple(TD3)
    assert v.margins[1][0] == pytest.approx(0.97 - 0.3)
    assert v.margins[1][1] == pytest.approx(1.94)
    assert v.confidence[1][1] == pytest.approx(0.97)


def test_difference():
    assert difference(tuple(TD3), tuple(TD3)) == 0
    assert difference(tuple(TD3), tuple(TD1)) == 1.0
    assert difference(reading(TD3, [(0, 0, "X")]).lines, tuple(TD3)) == 1 / 88


# -- agreement --------------------------------------------------------------------

def test_one_stable_read_within_a_few_frames_of_the_document_appearing():
    frames = [None, None, None,  # an empty desk
              reading(TD3, [(0, 20, "K"), (1, 5, "O")]),  # the document appears
              reading(TD3, [(1, 12, "B"), (0, 40, "C")]),
              reading(TD3, [(0, 7, "5")]),
              reading(TD3)] + [reading(TD3, [(0, 30, "E")])] * 20  # it stays in view
    results = run(Agreement(), frames)
    assert len(results) == 1
    n, stable = results[0]
    assert n - 3 + 1 <= 3  # the third frame of the document at the latest
    assert stable.reading.lines == tuple(TD3)
    assert stable.reading.source == "camera" and stable.reading.engine == "test"
    assert stable.reading.frames >= 2
    assert stable.document.valid and stable.document.surname == "ERIKSSON"
    assert stable.frames_seen == n - 3 + 1
    assert stable.seconds == pytest.approx((n - 3) * 0.1)


def test_two_clean_frames_are_enough_and_one_is_not():
    agreement = Agreement()
    assert agreement.add(reading(TD1), 0.0) is None
    assert agreement.state == "reading"
    assert agreement.add(reading(TD1), 0.1).reading.lines == tuple(TD1)
    assert agreement.state == "done"


def test_a_disputed_name_character_waits_for_a_deciding_frame():
    """Check digits do not cover names: two frames that disagree are not enough."""
    agreement = Agreement()
    assert agreement.add(reading(TD3, [(0, 8, "C")], wrong_conf=0.8), 0.0) is None
    assert agreement.add(reading(TD3, conf=0.9), 0.1) is None
    stable = agreement.add(reading(TD3, conf=0.9), 0.2)
    assert stable is not None and stable.reading.lines == tuple(TD3)


def test_a_name_misread_the_same_way_with_little_confidence_is_never_reported(caplog):
    """A smudged letter: every frame reads it wrong, unsure; no check digit can tell."""
    caplog.set_level(logging.INFO)
    smudged = reading(TD3, [(0, 8, "C")], wrong_conf=0.6)  # ERIKSSON -> ERICSSON
    assert run(Agreement(), [smudged] * 8) == []
    assert "1 unsure character(s)" in caplog.text
    # The same wrong letter read surely is beyond any reader's help; a low-confidence
    # misread in a field a check digit covers is repaired by the vote or the check.
    assert len(run(Agreement(), [reading(TD3, [(1, 15, "3")], wrong_conf=0.6),
                                 reading(TD3), reading(TD3)])) == 1


def test_a_misread_the_check_digit_cannot_see_is_never_reported(caplog):
    """C read as 2 in the document number: 12 and 2 weigh the same modulo 10, the check
    passes; read so, unsure, in every frame, it must not come out as a valid document."""
    caplog.set_level(logging.INFO)
    unseen = reading(TD3, [(1, 7, "2")], wrong_conf=0.6)  # L898902C3 -> L89890223
    assert unseen.lines[1][:9] == "L89890223"
    assert run(Agreement(), [unseen] * 8) == []
    assert "unsure character(s) under a check digit" in caplog.text
    # Frames that read it surely and rightly outvote the unsure ones.
    fixed = run(Agreement(), [unseen, reading(TD3), reading(TD3), reading(TD3)])
    assert len(fixed) == 1 and fixed[0][1].reading.lines == tuple(TD3)


def test_a_passport_read_as_a_card_is_never_reported(caplog):
    """A passport's lines cut to 36 characters can pass a TD2's checks; P is no card's code."""
    caplog.set_level(logging.INFO)
    cut = passport_cut_to_a_card()
    assert run(Agreement(), [reading(cut)] * 6) == []
    assert "document code unusual for a TD2" in caplog.text


def test_verified_positions_are_those_of_passing_checks():
    from borderdesk import mrz
    from borderdesk.reader.agreement import verified
    covered = verified(mrz.parse("\n".join(TD3)))
    assert (0, 5) not in covered  # the name
    assert (1, 0) in covered and (1, 9) in covered  # document number and its digit
    assert (1, 10) not in covered  # the nationality: no check digit covers it
    assert (1, 43) in covered


def test_a_consistent_misread_that_fails_a_check_is_never_reported(caplog):
    caplog.set_level(logging.INFO)
    wrong = reading(TD3, [(1, 15, "3")], wrong_conf=0.95)  # birth date digit
    assert run(Agreement(), [wrong] * 10) == []
    assert "fails the birth_date" in caplog.text
    assert "740812" not in caplog.text and "ERIKSSON" not in caplog.text


def test_a_stray_misread_does_not_undo_the_good_frames():
    garbage = reading(TD3, misreads(random.Random(1), TD3, 0.6))
    frames = [reading(TD3, [(0, 9, "K")]), garbage, reading(TD3, [(1, 3, "8")]),
              reading(TD3)]
    results = run(Agreement(min_frames=3), frames)
    assert [(n, s.reading.lines) for n, s in results] == [(3, tuple(TD3))]
    assert results[0][1].reading.frames == 3


def test_the_document_leaving_and_coming_back_is_read_again():
    agreement = Agreement(absent_seconds=1.0)
    first = run(agreement, [reading(TD1)] * 5)
    assert len(first) == 1
    # Taken away: nothing read for 1.5 s (frames with no MRZ, or skipped by the gate).
    for k in range(15):
        agreement.add(None, 0.5 + k * 0.1) if k % 2 else agreement.skipped(0.5 + k * 0.1)
    assert agreement.state == "idle"
    again = run(agreement, [reading(TD1)] * 5, t0=2.1)
    assert len(again) == 1


def test_a_short_gap_is_not_a_new_document():
    agreement = Agreement(absent_seconds=1.0)
    frames = [reading(TD1)] * 3 + [None] * 5 + [reading(TD1)] * 3  # a hand passes over
    assert len(run(agreement, frames)) == 1


def test_a_new_document_laid_down_at_once_is_read():
    frames = [reading(TD3)] * 4 + [reading(TD2)] * 4
    results = run(Agreement(), frames)
    assert [s.reading.lines for _, s in results] == [tuple(TD3), tuple(TD2)]
    assert results[1][1].frames_seen == 2


def test_malformed_readings_are_ignored_with_a_warning(caplog):
    bad = [Reading(("P<UTO",), ((1.0,) * 5,), "camera"),
           Reading(tuple(TD3), ((1.0,) * 44,), "camera"),  # a confidence missing
           Reading((TD3[0].lower(), TD3[1]), ((1.0,) * 44, (1.0,) * 44), "camera")]
    agreement = Agreement()
    assert run(agreement, bad * 3) == []
    assert agreement.state == "idle"
    assert "no MRZ shape" in caplog.text


@pytest.mark.parametrize("lines", [TD1, TD2, TD3], ids=["TD1", "TD2", "TD3"])
def test_noisy_sequences_read_right_or_not_at_all(lines):
    """Random misreads on every frame: the result is the truth, a few frames in, or nothing."""
    rng = random.Random(len(lines[0]))
    took = []
    for _ in range(150):
        rate = rng.choice([0.0, 0.01, 0.03, 0.06])
        frames = [None] * rng.randrange(3) + [
            reading(lines, misreads(rng, lines, rate), wrong_conf=rng.uniform(0.2, 0.9))
            for _ in range(12)]
        results = run(Agreement(), frames)
        assert len(results) <= 1
        for _, stable in results:
            # The vote may keep a look-alike (Z for 2 in a date) that the parser
            # repairs under a check digit: the document must be the truth.
            assert stable.document.lines == tuple(lines)
            assert difference(stable.reading.lines, tuple(lines)) <= 1 / 88
            took.append(stable.frames_seen)
    assert len(took) >= 140
    assert sorted(took)[len(took) // 2] <= 3  # the median document takes three frames at most


# -- the gate -----------------------------------------------------------------------

def document_frame(blur=0.0, glare=0, exposure=1.0):
    """A 1280x720 frame with a bright page and two lines of text where the MRZ is."""
    rng = np.random.default_rng(5)
    image = rng.integers(80, 100, (720, 1280, 3), dtype=np.uint8)
    cv2.rectangle(image, (200, 150), (1080, 570), (225, 230, 228), -1)
    for i, line in enumerate(TD3):
        cv2.putText(image, line, (220, 490 + 40 * i), cv2.FONT_HERSHEY_PLAIN, 1.45,
                    (20, 20, 20), 2, cv2.LINE_AA)
    if glare:
        cv2.ellipse(image, (540, 500), (2 * glare, glare), 0, 0, 360, (255, 255, 255), -1)
    if exposure != 1.0:
        image = cv2.convertScaleAbs(image, alpha=exposure)
    if blur:
        image = cv2.GaussianBlur(image, (0, 0), blur)
    return image


BAND = ((220, 470), (860, 470), (860, 535), (220, 535))


def test_sharpness_tells_blur_and_ignores_contrast():
    roi = band_roi(BAND, (720, 1280))
    sharp = measure(document_frame(), roi).sharpness
    dim = measure(cv2.convertScaleAbs(document_frame(), alpha=0.4, beta=60), roi).sharpness
    assert dim == pytest.approx(sharp, rel=0.3)
    assert measure(document_frame(blur=1.0), roi).sharpness < sharp / 2
    assert measure(document_frame(blur=3.0), roi).sharpness < 0.3 < sharp


def test_glare_is_ink_washed_out_not_a_bright_page():
    roi = band_roi(BAND, (720, 1280))
    assert measure(document_frame(), roi).glare == 0
    assert measure(document_frame(exposure=1.5), roi).glare < 0.05
    assert measure(document_frame(glare=40), roi).glare > 0.05
    assert measure(document_frame(glare=40)).glare == 0  # not judged without a band


def test_an_overexposed_page_around_the_lines_is_not_glare():
    """The demo's stolen passport: white paper, saturated above its MRZ, every character
    there (the engine reads it surely); glare is judged on the lines themselves."""
    from borderdesk.desk.resources import resource_path
    image = cv2.imread(str(resource_path("demo", "camera", "02-05-hit.jpg")))
    band = ((586, 511), (1132, 547), (1129, 591), (583, 555))
    gate = FrameGate(min_interval=0)
    gate.saw(reading(TD3, band=band), 0.0)
    decision = gate.check(image, 0.1)
    assert decision.passed, decision
    # Glare on the lines of a page is still glare, and judged more surely.
    lines = band_roi(BAND, (720, 1280), margin=0.0)
    roi = band_roi(BAND, (720, 1280))
    assert measure(document_frame(glare=40), roi, lines).glare > \
        measure(document_frame(glare=40), roi).glare > 0.05
    assert measure(document_frame(exposure=1.5), roi, lines).glare < 0.05


def test_gate_throttles_and_skips_blur_and_glare():
    gate = FrameGate(min_interval=0.1)
    assert gate.check(document_frame(), 0.0).passed
    assert gate.check(document_frame(), 0.05).reason == "throttled"
    assert gate.check(document_frame(blur=8), 0.2).reason == "blurred"
    # Before the band is known, glare is not judged; after, it is.
    assert gate.check(document_frame(glare=40), 0.3).passed
    gate.saw(reading(TD3, band=BAND), 0.3)
    decision = gate.check(document_frame(glare=40), 0.5)
    assert decision.reason == "glare" and decision.quality.glare > 0.05
    assert gate.check(document_frame(blur=3.5), 0.6).reason == "blurred"
    assert gate.check(document_frame(), 0.7).passed
    # The band's place is forgotten after a while.
    assert gate.check(document_frame(glare=40), 2.0).passed


def test_gate_stops_judging_a_band_the_document_has_left():
    gate = FrameGate(min_interval=0, max_band_skips=3)
    gate.saw(reading(TD3, band=((20, 20), (200, 20), (200, 40), (20, 40))), 0.0)  # the page moved
    empty_corner = document_frame()
    empty_corner[:80, :260] = 90  # flat: what the old band's place shows now
    assert [gate.check(empty_corner, 0.1 * k).reason for k in range(1, 5)] == \
        ["blurred", "blurred", "blurred", ""]


def test_gate_measure_is_cheap():
    import time
    gate = FrameGate(min_interval=0)
    gate.saw(reading(TD3, band=BAND), 0.0)
    frame = document_frame()
    started = time.perf_counter()
    for k in range(50):
        gate.check(frame, k * 0.01)
    assert (time.perf_counter() - started) / 50 < 0.02  # far below one OCR


def test_gate_takes_grey_and_16_bit_frames():
    grey = cv2.cvtColor(document_frame(), cv2.COLOR_BGR2GRAY)
    assert FrameGate().check(grey, 0).passed
    assert FrameGate().check(grey.astype(np.uint16) * 257, 0).passed
    assert not FrameGate().check(np.zeros((4, 4), np.uint8), 0).passed


def test_multi_frame_reader_runs_the_engine_only_on_good_frames():
    calls = []

    def engine(image):
        calls.append(image)
        return reading(TD3, band=BAND)

    reader = MultiFrameReader(engine, FrameGate(min_interval=0.1), Agreement())
    steps = [reader.process(document_frame(), 0.0),
             reader.process(document_frame(), 0.02),  # throttled
             reader.process(document_frame(blur=8), 0.15),  # blurred
             reader.process(document_frame(), 0.3)]
    assert [s.gate.reason for s in steps] == ["", "throttled", "blurred", ""]
    assert len(calls) == 2
    assert steps[3].stable is not None and steps[3].stable.frames_seen == 4
    assert steps[3].stable.reading.band == BAND


def test_config_defaults_are_the_readers_defaults():
    """Thresholds live in config; the reader's own defaults must say the same."""
    config = CameraSection()
    for cls, names in [(FrameGate, {"min_sharpness": "min_sharpness",
                                    "min_frame_sharpness": "min_frame_sharpness",
                                    "max_glare": "max_glare"}),
                       (Agreement, {"min_frames": "min_frames", "min_margin": "min_margin",
                                    "min_unverified_confidence": "min_unverified_confidence",
                                    "window": "window", "absent_seconds": "absent_seconds"})]:
        params = inspect.signature(cls).parameters
        for param, key in names.items():
            assert params[param].default == getattr(config, key), key
    assert inspect.signature(FrameGate).parameters["min_interval"].default == \
        config.scan_interval_ms / 1000
