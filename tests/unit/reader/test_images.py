"""Image files of every bad kind give a plain reason or are read; nothing crashes."""

import struct
import zlib

import cv2
import numpy as np
import pytest

from borderdesk.desk import scanning
from borderdesk.desk.config import Config
from borderdesk.reader import ocr
from support.rendered import shot


@pytest.fixture(scope="module")
def document():
    return shot("images:1", length=44, difficulty=0.1)


def scan(path):
    return scanning.scan(str(path), config=Config.load(files=[]))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims to be width x height (its IHDR), with next to no pixel data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)))


@pytest.mark.parametrize("name, content, reason", [
    ("empty.jpg", b"", "empty"),
    ("notes.png", b"this is not an image at all\n" * 10, "not an image"),
    ("huge.png", png_header_only(100_000, 100_000), "too large"),
    ("random.bin", bytes(range(256)) * 40, "not an image"),
])
def test_bad_files_give_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ocr.ImageError, match=reason):
        ocr.load_image(path)
    result = scan(path)
    assert result.document is None and result.lines == ()
    assert reason in result.reason


def test_missing_file_and_directory(tmp_path):
    assert "no such file" in scan(tmp_path / "nothing.png").reason
    assert "directory" in scan(tmp_path).reason


def test_grey_16_bit_and_transparent_pictures_are_read(tmp_path, document):
    grey = cv2.cvtColor(document.image, cv2.COLOR_BGR2GRAY)
    deep = grey.astype(np.uint16) * 257
    alpha = cv2.cvtColor(document.image, cv2.COLOR_BGR2BGRA)
    alpha[:, :, 3] = 255
    alpha[:40, :, 3] = 0  # a transparent strip at the top
    for name, image in (("grey.png", grey), ("deep.png", deep), ("alpha.png", alpha)):
        cv2.imwrite(str(tmp_path / name), image)
        result = scan(tmp_path / name)
        assert result.lines == tuple(document.lines), name
        assert result.document is not None, (name, result.reason)
    assert "16-bit" in " ".join(scan(tmp_path / "deep.png").notes)


def test_truncated_jpeg_is_read_as_far_as_it_goes(tmp_path, document):
    ok, jpeg = cv2.imencode(".jpg", document.image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    data = jpeg.tobytes()
    (tmp_path / "half.jpg").write_bytes(data[:len(data) // 3])
    result = scan(tmp_path / "half.jpg")  # the MRZ is at the foot of the page: lost
    assert result.document is None
    assert "truncated" in result.reason
    (tmp_path / "head.jpg").write_bytes(data[:200])
    assert scan(tmp_path / "head.jpg").document is None


def test_a_picture_upside_down_is_read(tmp_path, document):
    cv2.imwrite(str(tmp_path / "turned.png"), cv2.rotate(document.image, cv2.ROTATE_180))
    assert scan(tmp_path / "turned.png").lines == tuple(document.lines)


def test_odd_arrays_are_refused_plainly():
    with pytest.raises(ocr.ImageError):
        ocr.to_8bit(np.zeros((0, 0), np.uint8))
    with pytest.raises(ocr.ImageError):
        ocr.to_8bit(np.zeros((10, 10, 7), np.uint8))
    assert ocr.read_frame(np.zeros((10, 10), np.uint8)) is None
    assert ocr.read_frame(np.full((720, 1280), 1.0, np.float32)) is None
