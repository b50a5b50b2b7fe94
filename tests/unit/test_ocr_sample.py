"""The committed sample of the OCR test set (tests/data/ocr-sample): its truth, and reading it.

The sample is twenty images of the set made by tools/make_ocr_testset.py
(``--count 20 --seed sample``): every kind, the three levels and a scan.
"""

import importlib.util
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from borderdesk import reader
from borderdesk.mrz import parse

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "ocr-sample"
TRUTH = [json.loads(line) for line in (SAMPLE / "truth.jsonl").read_text().splitlines() if line]


def tool():
    spec = importlib.util.spec_from_file_location("make_ocr_testset",
                                                  ROOT / "tools" / "make_ocr_testset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sample_holds_every_kind_and_level():
    assert len(TRUTH) == 20
    assert {r["kind"] for r in TRUTH} == {"TD1", "TD2", "TD3", "MRV-A", "MRV-B"}
    assert {r["level"] for r in TRUTH} == {"easy", "medium", "hard", "scan"}
    assert sum(p.stat().st_size for p in SAMPLE.iterdir()) < 5_000_000


@pytest.mark.parametrize("record", TRUTH, ids=[r["image"] for r in TRUTH])
def test_truth_matches_its_image(record):
    image = cv2.imread(str(SAMPLE / record["image"]), cv2.IMREAD_COLOR)
    assert image is not None
    w, h = record["frame"]
    assert image.shape == (h, w, 3)
    doc = parse("\n".join(record["lines"]))
    assert doc.valid and list(doc.lines) == record["lines"]
    band = np.array(record["band"])
    assert band.shape == (4, 2)
    assert (band >= 0).all() and (band[:, 0] <= w).all() and (band[:, 1] <= h).all()


def test_the_tool_makes_the_same_sample_again(tmp_path):
    make = tool().make
    for record in TRUTH[:2]:
        i = int(record["image"][:4])
        again = make("sample", i, record["level"], record["kind"], tmp_path)
        assert again == record
        a = cv2.imread(str(SAMPLE / record["image"])).astype(np.int16)
        b = cv2.imread(str(tmp_path / record["image"])).astype(np.int16)
        assert np.abs(a - b).mean() < 1.0


@pytest.mark.skipif(not hasattr(reader, "read_image"),
                    reason="the OCR engine (borderdesk.reader.read_image) is not here yet")
def test_the_engine_reads_the_sample_right_or_not_at_all():
    exact = 0
    for record in TRUTH:
        reading = reader.read_image(SAMPLE / record["image"])
        if reading is None:
            continue
        doc = parse(reading.text)
        if list(doc.lines) == record["lines"]:
            exact += 1
        else:
            assert not doc.valid, f"{record['image']}: a wrong read passes every check"
    assert exact >= 18
