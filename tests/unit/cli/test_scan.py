"""`borderdesk scan` and `borderdesk check --image`: the JSON contract, bad files, exit statuses."""

import json

import cv2
import pytest

from borderdesk.cli import main
from borderdesk.cli.scan import EXIT_ALL_READ, EXIT_SOME_NOT_READ, EXIT_USAGE
from support.rendered import shot

KEYS = {"image", "lines", "mrz", "engine", "ms"}


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images")
    out = []
    for n, length in enumerate((44, 30)):
        s = shot(f"cli:{n}", length=length, difficulty=0.2)
        path = folder / f"doc{n}.jpg"
        cv2.imwrite(str(path), s.image)
        out.append((str(path), s.lines))
    return out


def run(capsys, *args):
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_one_object_per_image_in_order_and_the_batch_goes_on(capsys, documents, tmp_path):
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    (first, lines1), (second, lines2) = documents
    status, out, err = run(capsys, "scan", "--json", first, str(empty), second, "missing.png")
    assert status == EXIT_SOME_NOT_READ
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["image"] for r in rows] == [first, str(empty), second, "missing.png"]
    assert set(rows[0]) == KEYS and set(rows[2]) == KEYS
    assert rows[0]["lines"] == lines1 and rows[2]["lines"] == lines2
    assert rows[0]["engine"] == "borderdesk" and rows[0]["ms"] > 0
    assert rows[0]["mrz"]["valid"] is True
    for bad in rows[1], rows[3]:
        assert set(bad) == KEYS | {"reason"}
        assert bad["mrz"] is None and bad["lines"] == []
    assert "empty" in rows[1]["reason"] and "no such file" in rows[3]["reason"]


def test_same_object_as_mrz_parse(capsys, documents):
    path, lines = documents[0]
    status, out, _ = run(capsys, "scan", "--json", path)
    scanned = json.loads(out)
    _, parsed, _ = run(capsys, "mrz", "parse", "--json", "\n".join(lines))
    assert scanned["mrz"] == json.loads(parsed)
    assert status == EXIT_ALL_READ


def test_text_output_and_usage_errors(capsys, documents):
    path, lines = documents[1]
    status, out, _ = run(capsys, "scan", path)
    assert status == EXIT_ALL_READ
    assert lines[0] in out and "Valid" in out
    with pytest.raises(SystemExit) as exit_:
        main(["scan", "--engine", "nonesuch", path])
    assert exit_.value.code == EXIT_USAGE
    with pytest.raises(SystemExit):
        main(["scan"])


def test_a_missing_model_is_a_clear_message(capsys, documents, monkeypatch, tmp_path):
    from borderdesk.reader import classifier
    monkeypatch.setattr(classifier, "MODEL_FILE", tmp_path / "gone.npz")
    status, out, err = run(capsys, "scan", "--json", documents[0][0])
    assert status == EXIT_USAGE and out == ""
    assert "OCR model" in err and "train_ocr" in err


def test_check_image_reads_and_checks_the_document(capsys, documents, tmp_path):
    path, lines = documents[0]
    status, out, err = run(capsys, "check", "--image", path, "--json")
    assert status in (0, 4), err  # CLEAR (4: no list loaded here)
    assert json.loads(out)["document"]["document_number"]
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), cv2.UMat(200, 300, cv2.CV_8UC1, 255).get())
    status, out, err = run(capsys, "check", "--image", str(blank))
    assert status == 2 and "no MRZ" in err


def test_the_model_is_taken_from_the_desks_resources(capsys, documents, monkeypatch, tmp_path):
    """An installed or frozen desk keeps resources/ elsewhere than the source tree."""
    import shutil

    from borderdesk.reader import classifier
    shipped = classifier.MODEL_FILE
    elsewhere = tmp_path / "resources"
    monkeypatch.setenv("BORDERDESK_RESOURCES", str(elsewhere))
    monkeypatch.setattr(classifier, "MODEL_FILE", shipped)
    status, out, err = run(capsys, "scan", "--json", documents[0][0])
    assert status == EXIT_USAGE and str(elsewhere / "ocr") in err
    (elsewhere / "ocr").mkdir(parents=True)
    shutil.copy(shipped, elsewhere / "ocr" / shipped.name)
    status, out, err = run(capsys, "scan", "--json", documents[0][0])
    assert json.loads(out)["mrz"] is not None, err
