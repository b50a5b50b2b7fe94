"""The borderdesk engine end to end: rendered frames to MRZ text with confidences."""

import numpy as np
import pytest

from borderdesk import mrz
from borderdesk.mrz.compose import compose
from borderdesk.reader import ENGINE_NAMES, EngineError, classifier, engine, ocr, read_frame, segment
from borderdesk.reader.reading import Reading
from support.readings import passport_cut_to_a_card
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


def _probs(lines, unsure=()):
    """Classifier outputs for ``lines``: sure of every character but those of ``unsure``,
    ((line, place, read, second choice, probability read), ...)."""
    probs = []
    for line in lines:
        p = np.full((len(line), 37), 0.0001, np.float32)
        for k, ch in enumerate(line):
            p[k, classifier.ALPHABET.index(ch)] = 0.996
        probs.append(p)
    for i, k, read, second, sure in unsure:
        probs[i][k] = 0.0001
        probs[i][k, classifier.ALPHABET.index(read)] = sure
        probs[i][k, classifier.ALPHABET.index(second)] = 0.996 - sure
    return probs


def _settled(probs):
    """The lines read from ``probs``, settled, their confidences, and whether they changed."""
    lines, conf = ocr._decode(probs)
    document = mrz.parse("\n".join(lines))
    changed = ocr._settle(lines, conf, probs, document)
    return lines, conf, changed


def _trust(lines, conf):
    reading = Reading(lines=tuple(lines), confidence=tuple(tuple(c) for c in conf),
                      source="image", engine="borderdesk")
    return ocr.distrust(reading, mrz.parse("\n".join(lines)))


def test_settle_repairs_a_failing_check_only_when_one_choice_passes():
    lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
    # the birth date's 1 read as 7, with 1 the classifier's second choice
    read, conf, changed = _settled(_probs(lines, [(1, 17, "7", "1", 0.6)]))
    assert changed and read == lines
    assert _trust(read, conf) == ""
    # 81 read as 92 (weights 7 and 3: the birth date's check digit still fits), second
    # choices 8 and 1: of the two texts that pass it, only the truth passes the composite
    read, conf, changed = _settled(_probs(lines, [(1, 16, "9", "8", 0.6), (1, 17, "2", "1", 0.6)]))
    assert changed and read == lines
    assert _trust(read, conf) == ""
    # the document number's 90 read as 89, second choices 9 and 0: both pass its check and
    # the composite (whose weights line up with the field's), so nothing is changed
    read, conf, changed = _settled(_probs(lines, [(1, 3, "8", "9", 0.6), (1, 4, "9", "0", 0.6)]))
    assert not changed and read[1][3:5] == "89"
    assert "unsure character(s) under the document number" in _trust(read, conf)


def test_settle_repairs_a_passport_without_optional_data():
    # empty optional data has a filler for its check digit: the repair must still stand
    lines = _passport("Z0993155")
    assert lines[1][42] == "<"
    read, conf, changed = _settled(_probs(lines, [(1, 1, "O", "0", 0.6)]))
    assert changed and read == lines


def _passport(number):
    return list(compose("TD3", document_code="P", issuing_state="UTO", surname="ERIKSSON",
                        given_names="ANNA MARIA", document_number=number, nationality="UTO",
                        birth_date="740812", sex="F", expiry_date="120415"))


def test_settle_two_unsure_characters_under_one_check_digit():
    lines = _passport("X70800123")
    # two zeros read as D (weights 1 and 3): of the four choices only the truth passes
    read, conf, changed = _settled(_probs(lines, [(1, 2, "D", "0", 0.7), (1, 4, "D", "0", 0.6)]))
    assert changed and read == lines
    assert _trust(read, conf) == ""
    # read right but unsure: the only choice that passes, so trusted
    read, conf, changed = _settled(_probs(lines, [(1, 2, "0", "D", 0.6), (1, 4, "0", "D", 0.5)]))
    assert not changed and read == lines
    assert _trust(read, conf) == ""


def test_settle_leaves_misreads_that_cancel_out_to_the_officer():
    lines = _passport("X70000123")
    # D for 0 at weights 7 and 3 adds 130: DD and 00 both pass, nothing tells them apart
    read, conf, changed = _settled(_probs(lines, [(1, 3, "D", "0", 0.7), (1, 4, "D", "0", 0.6)]))
    assert not changed and read[1][3:5] == "DD"
    assert "unsure character(s) under the document number" in _trust(read, conf)


def test_settle_a_long_document_number_of_an_id_card():
    # TD1: a number of 12 characters runs on into the optional data; its check digit is there
    lines = list(compose("TD1", document_code="I", issuing_state="UTO", surname="ERIKSSON",
                         given_names="ANNA MARIA", document_number="D23145890734",
                         nationality="UTO", birth_date="740812", sex="F",
                         expiry_date="120415"))
    assert lines[0][14] == "<"
    read, conf, changed = _settled(_probs(lines, [(0, 13, "D", "0", 0.7)]))
    assert changed and read == lines
    assert mrz.parse("\n".join(read)).document_number == "D23145890734"


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


def test_a_state_code_letter_is_as_sure_as_the_codes_that_exist_make_it():
    lines = _passport("X70800123")
    assert lines[0][2:5] == "UTO" and lines[1][10:13] == "UTO"
    # O or Q at the end of UTO: UTQ is no state's code, so the O is sure
    probs = _probs(lines, [(0, 4, "O", "Q", 0.6)])
    read, conf = ocr._decode(probs)
    assert read == lines and conf[0][4] > 0.99
    # AUT or AUS: both exist, so the T stays as unsure as the classifier was
    lines[1] = lines[1][:10] + "AUT" + lines[1][13:]
    read, conf = ocr._decode(_probs(lines, [(1, 12, "T", "S", 0.6)]))
    assert read[1][10:13] == "AUT" and 0.55 < conf[1][12] < 0.65
    # a code no state has, the second choice making one: the one that exists, and sure
    read, conf = ocr._decode(_probs(lines, [(1, 10, "I", "A", 0.7)]))
    assert read[1][10:13] == "AUT" and conf[1][10] > 0.99
    # the classifier all but sure of a code no state has: left for the officer
    read, conf = ocr._decode(_probs(lines, [(1, 10, "I", "A", 0.99)]))
    assert read[1][10:13] == "IUT"


def test_settle_the_optional_data_only_the_composite_covers():
    lines = list(compose("TD1", document_code="I", issuing_state="UTO", surname="ERIKSSON",
                         given_names="ANNA MARIA", document_number="D23145890",
                         nationality="UTO", birth_date="740812", sex="F", expiry_date="120415",
                         optional_data_2="A1230B"))
    assert lines[1][18:24] == "A1230B"
    # its 0 read as D: only the composite check can tell, and only the 0 passes it
    read, conf, changed = _settled(_probs(lines, [(1, 22, "D", "0", 0.7)]))
    assert changed and read == lines
    assert _trust(read, conf) == ""
    # 23 unsure as 2 or Z and 3 or B: of the four, only the text read passes
    read, conf, changed = _settled(_probs(lines, [(1, 20, "2", "Z", 0.6), (1, 21, "3", "B", 0.6)]))
    assert not changed and read == lines
    assert _trust(read, conf) == ""
    # 00 unsure at weights 7 and 3: DD would pass as well, so the officer is asked
    lines = list(compose("TD1", document_code="I", issuing_state="UTO", surname="ERIKSSON",
                         given_names="ANNA MARIA", document_number="D23145890",
                         nationality="UTO", birth_date="740812", sex="F", expiry_date="120415",
                         optional_data_2="A1200B"))
    read, conf, changed = _settled(_probs(lines, [(1, 21, "0", "D", 0.6), (1, 22, "0", "D", 0.6)]))
    assert not changed and read == lines
    assert "unsure character(s) under the composite" in _trust(read, conf)


def test_a_visa_v_is_sure_when_no_other_letter_makes_a_valid_document():
    lines = list(compose("MRVA", document_code="V", issuing_state="UTO", surname="ERIKSSON",
                         given_names="ANNA MARIA", document_number="X70800123",
                         nationality="UTO", birth_date="740812", sex="F",
                         expiry_date="120415"))
    probs = _probs(lines, [(0, 0, "V", "P", 0.8)])
    read, conf = ocr._decode(probs)
    document = mrz.parse("\n".join(read))
    assert document.format == "MRVA" and conf[0][0] < 0.85
    ocr._settle_code(read, conf, probs, document)
    assert conf[0][0] > 0.99  # read as a passport, its composite check would fail
    # a passport's P stays as unsure as read: with a V it would be a valid visa
    lines = _passport("X70800123")
    probs = _probs(lines, [(0, 0, "P", "V", 0.8)])
    read, conf = ocr._decode(probs)
    ocr._settle_code(read, conf, probs, mrz.parse("\n".join(read)))
    assert conf[0][0] < 0.85


def test_a_settled_reading_that_is_trusted_is_right():
    # misreads by look-alikes under one check digit, the truth the classifier's second
    # choice (G for 6 among them, which no check digit sees): whatever _settle makes of
    # them, a reading it leaves trusted is the truth
    import random

    rng = random.Random(9303)
    look = {"0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B", "O": "0", "I": "1"}
    trusted = wrong_trusted = 0
    for _ in range(150):
        number = "".join(rng.choice("0125680OI") for _ in range(rng.randint(6, 9)))
        lines = _passport(number)
        places = [k for k in range(len(number)) if number[k] in look]
        unsure = []
        for k in rng.sample(places, min(len(places), rng.randint(1, 3))):
            truth = lines[1][k]
            sure = rng.uniform(0.5, 0.9)
            if rng.random() < 0.6:  # misread: the look-alike first, the truth second
                unsure.append((1, k, look[truth], truth, sure))
            else:  # read right, but unsure
                unsure.append((1, k, truth, look[truth], sure))
        read, conf, _ = _settled(_probs(lines, unsure))
        if _trust(read, conf) == "":
            trusted += 1
            wrong_trusted += list(mrz.parse("\n".join(read)).lines) != lines
    assert wrong_trusted == 0
    assert trusted > 50  # and most of them are settled, not merely refused


def test_a_passport_read_as_a_card_of_its_first_36_characters_is_not_trusted():
    """Cut at 36 characters, a passport's lines are a TD2 whose composite check passes one
    time in ten; the document code P, unusual for a card, gives it away."""
    cut = passport_cut_to_a_card()
    assert mrz.parse("\n".join(cut)).format == "TD2"
    why = _trust(cut, [[0.999] * 36, [0.999] * 36])
    assert "document code P is unusual for a TD2 document" in why


def test_an_o_after_a_digit_of_a_number_is_taken_for_a_zero_unless_read_surely():
    lines = _passport("X70000123")
    # zeros read unsure at weights 7 and 3: OO would pass the check as well, but an O after
    # a digit is rare in a number, so 00 is read, and surely
    read, conf, _ = _settled(_probs(lines, [(1, 3, "0", "O", 0.6), (1, 4, "0", "O", 0.55)]))
    assert read == lines and min(conf[1][3:5]) > 0.9
    assert _trust(read, conf) == ""
    # zeros at weights 7 and 3 misread as O, the classifier torn: zeros again
    lines = _passport("X71052103")
    read, conf, _ = _settled(_probs(lines, [(1, 3, "O", "0", 0.5), (1, 7, "O", "0", 0.5)]))
    assert read == lines and _trust(read, conf) == ""
    # surer of the O's: left to the officer
    read, conf, _ = _settled(_probs(lines, [(1, 3, "O", "0", 0.7), (1, 7, "O", "0", 0.7)]))
    assert "unsure character(s) under the document number" in _trust(read, conf)
    # an O after a torn O is not after a digit: the prior does not run on from one O to
    # the next, and OO (which passes like 00) is left to the officer
    lines = _passport("X70000123")
    read, conf, _ = _settled(_probs(lines, [(1, 3, "O", "0", 0.5), (1, 4, "O", "0", 0.5)]))
    assert read[1][4] == "O" and _trust(read, conf) != ""
    # an O at the head of a number is a letter prefix like any other: left as read
    lines = _passport("OX7000123")
    read, conf = ocr._decode(_probs(lines, [(1, 0, "O", "0", 0.6)]))
    assert read[1][0] == "O" and 0.55 < conf[1][0] < 0.65
    # an O after a digit read surely stays an O
    lines = _passport("X7O800123")
    read, conf, _ = _settled(_probs(lines))
    assert read == lines and _trust(read, conf) == ""
    # read unsure, the prior makes it a 0, whose check digit fails: settled back to the O
    read, conf, changed = _settled(_probs(lines, [(1, 2, "O", "0", 0.7)]))
    assert changed and read == lines
    # nothing but O: a G after a digit stays as unsure as read (G and 6 differ by 10, which
    # no check digit sees)
    lines = _passport("X7G800123")
    read, conf = ocr._decode(_probs(lines, [(1, 2, "G", "6", 0.6)]))
    assert read[1][2] == "G" and conf[1][2] < 0.65


def test_a_document_code_letter_is_as_sure_as_the_codes_in_use_make_it():
    lines = list(compose("TD3", document_code="PO", issuing_state="UTO", surname="ERIKSSON",
                         given_names="ANNA", document_number="X70800123", nationality="UTO",
                         birth_date="740812", sex="F", expiry_date="120415"))
    # PO or PQ: no state prints PQ, so the O is surer than the classifier alone makes it
    read, conf = ocr._decode(_probs(lines, [(0, 1, "O", "Q", 0.95)]))
    assert read == lines and conf[0][1] > 0.98
    # PO or PD: both are in use, so the O stays as unsure as the classifier was
    read, conf = ocr._decode(_probs(lines, [(0, 1, "O", "D", 0.9)]))
    assert read == lines and 0.85 < conf[0][1] < 0.95
    # PQ read: a code no list has is left as read, never made another, for the officer
    read, conf = ocr._decode(_probs(lines, [(0, 1, "Q", "O", 0.7)]))
    assert read[0][:2] == "PQ" and conf[0][1] < 0.75
    # a D read as a filler: P< is in use, but the filler is held to the code's threshold
    read, conf = ocr._decode(_probs(lines, [(0, 1, "<", "D", 0.88)]))
    assert read[0][:2] == "P<" and _trust(read, conf) != ""
    # the filler read as an I, the classifier fairly sure: PI is left as read, for the officer
    read, conf = ocr._decode(_probs(lines, [(0, 1, "I", "<", 0.96)]))
    assert read[0][:2] == "PI"
    reading = Reading(lines=tuple(read), confidence=tuple(tuple(c) for c in conf),
                      source="image", engine="borderdesk")
    assert "line 1 position 2" in ocr.distrust(reading, mrz.parse("\n".join(read)))


@pytest.mark.parametrize("seed", ["a", "f"])
def test_reads_lines_whose_ends_a_glare_washed_out(seed):
    from unit.reader.test_segment import _both_lines_washed_out
    s = shot(f"washed:{seed}", length=44, difficulty=0.2)
    washed = _both_lines_washed_out(s, 35, 43, 0.85)  # at 0.9 what is left is a guess
    g = segment.grey(washed.image)
    assert not any(c.lengths == (44, 44) for cand in segment.candidates(g)
                   for c in segment.cut(g, cand))  # the first look finds no whole line
    reading = read_frame(washed.image)
    assert reading is not None and list(reading.lines) == s.lines


@pytest.mark.parametrize("seed", ["a", "f"])
def test_reads_a_band_under_a_glare_beside_strong_print(seed):
    from unit.reader.test_segment import _glared
    s = shot(f"faint:{seed}", length=44, difficulty=0.2)
    reading = read_frame(_glared(s, 0.8))
    assert reading is not None and list(reading.lines) == s.lines


def test_a_french_identity_card_is_read_with_its_own_layout():
    """2x36 like TD2, but the given names where TD2 has the nationality and the dates: read
    with TD2's fields, its names would be forced to digits."""
    import random

    import mrzrender

    specimen = ["IDFRADOUEL<<<<<<<<<<<<<<<<<<<<932013", "0506932020438CHRISTIANE<<NI2906209F3"]
    rng = random.Random(0)
    page = mrzrender.render_page(rng, specimen)
    reading = read_frame(mrzrender.photograph(rng, page, 0.2, (1280, 720)).image)
    assert reading is not None and list(reading.lines) == specimen
    document = mrz.parse(reading.text)
    assert document.layout_name == "FRA-ID" and document.valid
    assert ocr.distrust(reading, document) == ""
    # its document code weighed among those of its lines' length, FRA-ID's ID among them
    assert reading.confidence[0][1] > 0.98


def test_a_passport_cut_to_a_card_with_its_p_misread_is_not_trusted():
    """On lines of 36 characters P is a rival of I too: a passport's lines cut short, its P
    read as I, would otherwise be a card trusted as valid."""
    cut = passport_cut_to_a_card()
    for sure in (0.55, 0.9):
        read, conf = ocr._decode(_probs(cut, [(0, 0, "I", "P", sure)]))
        document = mrz.parse("\n".join(read))
        assert read[0][0] == "I" and document.format == "TD2" and document.valid
        assert conf[0][0] < 0.95 and _trust(read, conf) != ""


def test_an_o_in_a_visas_optional_data_is_left_as_read():
    """No check digit covers a visa's optional data: an O the prior turned into a 0 there
    would pass unseen."""
    for fmt in ("MRVA", "MRVB"):
        lines = list(compose(fmt, document_code="V", issuing_state="UTO", surname="ERIKSSON",
                             given_names="ANNA", document_number="X70800123", nationality="UTO",
                             birth_date="740812", sex="F", expiry_date="120415",
                             optional_data="4O7B"))
        k = 28 + 1
        assert lines[1][k] == "O"
        read, conf = ocr._decode(_probs(lines, [(1, k, "O", "0", 0.55)]))
        assert read[1][k] == "O" and conf[1][k] < 0.6
        assert _trust(read, conf) != ""
