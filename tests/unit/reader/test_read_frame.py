"""The borderdesk engine end to end: rendered frames to MRZ text with confidences."""

import numpy as np
import pytest

from borderdesk import mrz
from borderdesk.mrz.compose import compose
from borderdesk.reader import ENGINE_NAMES, EngineError, classifier, engine, ocr, read_frame, segment
from support.rendered import shot


@pytest.mark.parametrize("length, seed", [(44, 1), (44, 2), (36, 1), (36, 2), (30, 1), (30, 2)])
def test_reads_rendered_frames_exactly(length, seed):
    s = shot(f"read:{length}:{seed}", length=length, difficulty=0.4)
    reading = read_frame(s.image)
    assert reading is not None
    assert list(reading.lines) == s.lines
    assert reading.engine == "borderdesk" and reading.source == "camera"
    assert [len(c) for c in reading.confidence] == [len(line) for line in s.lines]
    assert all(0 <= c <= 1 for line in reading.confidence for c in line)
    assert mrz.parse(reading.text).valid
    corners = np.array(reading.band)
    assert corners.shape == (4, 2)
    assert np.abs(corners.mean(0) - s.band.mean(0)).max() < 0.1 * np.ptp(s.band[:, 0])


def test_classifier_on_rendered_cells():
    model = classifier.load()
    right = total = 0
    for n in range(6):
        s = shot(f"cells:{n}", difficulty=0.5)
        g = segment.grey(s.image)
        want = tuple(len(line) for line in s.lines)
        cuts = [c for cand in segment.candidates(g) for c in segment.cut(g, cand)
                if c.lengths == want]
        assert cuts
        truth = "".join(s.lines)
        cells = np.concatenate(cuts[0].cells)
        read = "".join(classifier.ALPHABET[k] for k in model.probabilities(cells).argmax(1))
        right += sum(a == b for a, b in zip(read, truth))
        total += len(truth)
    assert right / total > 0.98


def test_classifier_gives_each_cell_its_probabilities_whatever_the_batch():
    model = classifier.load()
    s = shot("batch", length=30, difficulty=0.3)
    g = segment.grey(s.image)
    cut = next(c for cand in segment.candidates(g) for c in segment.cut(g, cand)
               if c.lengths == (30, 30, 30))
    cells = np.concatenate(cut.cells)
    together = model.probabilities(cells)
    assert together.shape == (90, len(classifier.ALPHABET)) and together.dtype == np.float32
    assert np.allclose(together.sum(1), 1, atol=1e-4)
    one_by_one = np.concatenate([model.probabilities(cells[k:k + 1]) for k in range(0, 90, 7)])
    assert np.allclose(one_by_one, together[::7], atol=1e-5)
    assert model.probabilities(cells[:0]).shape == (0, len(classifier.ALPHABET))


def test_no_mrz_no_reading():
    s = shot("blank", length=44)
    page_only = np.full_like(s.image, 180)
    assert read_frame(page_only) is None
    noise = np.random.default_rng(3).integers(0, 255, (720, 1280), dtype=np.uint8)
    assert read_frame(noise) is None


def test_second_choices_repair_a_failing_check_only_when_one_change_passes():
    lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
    probs = []
    for line in lines:
        p = np.full((len(line), 37), 0.001, np.float32)
        for k, ch in enumerate(line):
            p[k, classifier.ALPHABET.index(ch)] = 0.9
        probs.append(p)
    # the birth date's 8 read as 3, with 8 the classifier's second choice
    probs[1][17, classifier.ALPHABET.index("3")] = 0.95
    probs[1][17, classifier.ALPHABET.index("8")] = 0.6
    lines_read, conf = ocr._decode([p.copy() for p in probs])
    assert lines_read[1][17] == "3"
    document = mrz.parse("\n".join(lines_read))
    assert not document.valid
    assert ocr._second_choices(lines_read, conf, [p / p.sum(1, keepdims=True) for p in probs],
                               document)
    assert lines_read == lines
    # two second choices that would each pass: no change
    probs[1][16, classifier.ALPHABET.index("1")] = 0.97
    probs[1][16, classifier.ALPHABET.index("2")] = 0.5
    lines_read, conf = ocr._decode([p.copy() for p in probs])
    document = mrz.parse("\n".join(lines_read))
    normed = [p / p.sum(1, keepdims=True) for p in probs]
    before = list(lines_read)
    if not ocr._second_choices(lines_read, conf, normed, document):
        assert lines_read == before



def test_second_choices_repair_a_passport_without_optional_data():
    # empty optional data has a filler for its check digit: the repair must still stand
    lines = list(compose("TD3", document_code="P", issuing_state="UTO", surname="ERIKSSON",
                         given_names="ANNA MARIA", document_number="Z0993155",
                         nationality="UTO", birth_date="740812", sex="F",
                         expiry_date="120415"))
    assert lines[1][42] == "<"
    probs = []
    for line in lines:
        p = np.full((len(line), 37), 0.001, np.float32)
        for k, ch in enumerate(line):
            p[k, classifier.ALPHABET.index(ch)] = 0.9
        probs.append(p)
    # the document number's 0 read as O, with 0 the classifier's second choice
    probs[1][1, classifier.ALPHABET.index("O")] = 0.95
    probs[1][1, classifier.ALPHABET.index("0")] = 0.6
    lines_read, conf = ocr._decode([p.copy() for p in probs])
    assert lines_read[1][1] == "O"
    document = mrz.parse("\n".join(lines_read))
    assert not document.valid
    assert ocr._second_choices(lines_read, conf, [p / p.sum(1, keepdims=True) for p in probs],
                               document)
    assert lines_read == lines

def test_engines_by_name(tmp_path, monkeypatch):
    assert ENGINE_NAMES[0] == "borderdesk"
    assert engine("borderdesk") is read_frame
    with pytest.raises(EngineError, match="no OCR engine called"):
        engine("nonesuch")
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"not a model")
    with pytest.raises(classifier.ModelError, match="unusable"):
        classifier.load(bad)
    monkeypatch.setattr(classifier, "MODEL_FILE", tmp_path / "none.onnx")
    with pytest.raises(EngineError, match="missing"):
        engine("borderdesk")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["passporteye", "tesseract"])
def test_the_other_engines_run(name):
    try:
        read = engine(name)
    except EngineError as exc:
        pytest.skip(str(exc))
    s = shot("others", length=44, difficulty=0.0, frame=(640, 360))
    reading = read(s.image)
    assert reading is None or reading.engine == name
