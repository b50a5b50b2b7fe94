"""The desk's capture paths: camera -> engine -> agreement -> Verdict, and scanners -> Verdict.

Until the OCR engine is wired in, a scripted engine stands in for it: each
frame carries its number in a corner block, and the engine returns the
reading scripted for that number (a composed MRZ with that frame's misreads).
Everything else is real: replay and VideoCapture sources, the gate, the
agreement, the desk's check.
"""

import json
import os
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from borderdesk.desk.capture import (CameraCapture, NoCameraFound, PortNotFound, SerialCapture,
                                     WedgeCapture, check_reading, frame_reader, frame_source)
from borderdesk.desk.config import Config, ConfigError
from borderdesk.desk.service import Desk
from borderdesk.reader.camera import CameraSource, Frame, ReplaySource
from borderdesk.watchlist.match import Level

from support.readings import TD1, TD3, TD2, reading

DATA = Path(__file__).parent.parent / "data" / "scanner"
SIZE = (320, 240)


def marked(k: int, document: bool) -> np.ndarray:
    """A frame numbered ``k`` (0: no number), with a page of text on it or an empty desk."""
    rng = np.random.default_rng(k)
    image = rng.integers(70, 110, (SIZE[1], SIZE[0], 3), dtype=np.uint8)
    if document:
        cv2.rectangle(image, (40, 40), (300, 220), (225, 230, 228), -1)
        for i in range(2):
            cv2.putText(image, "P<UTOERIKSSON<<ANNA", (50, 180 + 20 * i),
                        cv2.FONT_HERSHEY_PLAIN, 1.0, (20, 20, 20), 1)
    image[:24, :24] = 30 + 6 * k
    return image


class ScriptedEngine:
    """Returns the reading scripted for the frame's number, None for an empty desk."""

    def __init__(self, script):
        self.script = script
        self.calls = 0

    def __call__(self, image):
        self.calls += 1
        k = round((float(np.median(image[4:20, 4:20])) - 30) / 6)
        return self.script[k] if 0 < k < len(self.script) else None


def write_folder(path: Path, sequence) -> None:
    path.mkdir()
    for n, (k, document) in enumerate(sequence):
        cv2.imwrite(str(path / f"{n:04d}.png"), marked(k, document))


SCRIPT = [None,
          reading(TD3, [(0, 20, "K"), (1, 5, "O")]),
          reading(TD3, [(1, 12, "B"), (0, 40, "C")]),
          reading(TD3),
          reading(TD1, [(2, 3, "E")]),
          reading(TD1)]


def fast_config(tmp_path, **camera) -> Config:
    config = Config.load(files=[])
    config.camera.scan_interval_ms = 0
    for key, value in camera.items():
        setattr(config.camera, key, value)
    return config


def test_a_replayed_sequence_gives_one_verdict_per_document(tmp_path):
    sequence = ([(0, False)] * 3 + [(1, True), (2, True), (3, True)] + [(3, True)] * 10
                + [(0, False)] * 40 + [(4, True)] + [(5, True)] * 10)
    write_folder(tmp_path / "frames", sequence)
    config = fast_config(tmp_path, replay=str(tmp_path / "frames"), replay_fps=50,
                         replay_loop=False, absent_seconds=0.3)
    engine = ScriptedEngine(SCRIPT)
    steps = []
    capture = CameraCapture.from_config(Desk(config), engine)
    assert isinstance(capture.source, ReplaySource)
    capture.start()
    results = list(capture.results(on_step=steps.append))
    capture.stop()
    assert [c.verdict.document.surname for c in results] == ["ERIKSSON", "STEVENSON"]
    first, second = results
    assert first.frames_seen <= 3 and second.frames_seen <= 3
    assert first.verdict.source == "camera" and first.reading.source == "camera"
    assert first.verdict.document.valid
    assert first.verdict.level is Level.CLEAR
    assert [p.code for p in first.verdict.document_checks] == ["expired"]
    # Played as a camera: a frame the busy reader missed is dropped, never queued.
    assert len(steps) + capture.source.stats.dropped == len(sequence)
    assert engine.calls == len(steps)


def test_process_frame_by_frame(tmp_path):
    config = fast_config(tmp_path, device="")
    capture = CameraCapture(Desk(config), source=None,
                            reader=frame_reader(ScriptedEngine(SCRIPT), config.camera))
    frames = [Frame(marked(k, True), n, n * 0.1) for n, k in enumerate([1, 2, 3, 3])]
    outcomes = [capture.process(f) for f in frames]
    captured = [c for _, c in outcomes if c is not None]
    assert len(captured) == 1 and captured[0].frames_seen == 3
    assert captured[0].seconds == pytest.approx(0.2)


def test_the_camera_path_through_a_real_videocapture(tmp_path):
    """A video file played through OpenCV's VideoCapture, as a camera device would be."""
    path = tmp_path / "camera.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25, SIZE)
    for k, document in [(0, False)] * 3 + [(1, True), (2, True)] + [(3, True)] * 5:
        writer.write(marked(k, document))
    writer.release()
    config = fast_config(tmp_path, device=str(path), width=SIZE[0], height=SIZE[1], fps=100)
    capture = CameraCapture.from_config(Desk(config), ScriptedEngine(SCRIPT))
    assert isinstance(capture.source, CameraSource)
    capture.start()
    try:
        captured = next(capture.results())
    finally:
        capture.stop()
    assert captured.verdict.document.surname == "ERIKSSON"
    assert captured.frames_seen <= 4


def test_no_camera_configured_or_found(tmp_path):
    with pytest.raises(NoCameraFound, match="no camera is configured"):
        frame_source(fast_config(tmp_path, device="").camera)
    capture = CameraCapture.from_config(
        Desk(fast_config(tmp_path, device=str(tmp_path / "video7"))), ScriptedEngine(SCRIPT))
    with pytest.raises(NoCameraFound):
        capture.start()


# -- scanners ----------------------------------------------------------------------

def test_serial_scanner_to_verdicts(tmp_path):
    master, slave = os.openpty()
    try:
        config = Config.load(files=[])
        config.scanner.serial_port = os.ttyname(slave)
        config.scanner.idle_ms = 100
        capture = SerialCapture.from_config(Desk(config))
        capture.start()
        os.write(master, (DATA / "stx-etx.bin").read_bytes())
        got = []
        deadline = time.monotonic() + 5
        for captured in capture.results(timeout=0.2):
            got.append(captured)
            if len(got) == 4 or time.monotonic() > deadline:
                capture.stop()
        assert [c.verdict.document.document_code for c in got] == ["P", "I", "P", "V"]
        assert all(c.verdict.source == "scanner" for c in got)
        damaged = got[2].verdict
        assert "check-digit" in [p.code for p in damaged.document_checks]
    finally:
        os.close(master)
        os.close(slave)


def test_no_serial_port_configured():
    with pytest.raises(PortNotFound, match="no serial scanner is configured"):
        SerialCapture.from_config(Desk(Config.load(files=[])))


def test_wedge_to_verdicts_and_typing_back():
    names = {"Enter": "\r", "Space": " "}
    desk = Desk(Config.load(files=[]))
    wedge = WedgeCapture.from_config(desk)
    readings, typed = [], ""
    last = 0.0
    for row in (DATA / "person-then-scanner.keys").read_text().splitlines():
        ms, key = row.split("\t")
        last = float(ms) / 1000
        out = wedge.key(names.get(key, key), last)
        readings += out.readings
        typed += out.typed
    out = wedge.tick(last + 1)
    readings += out.readings
    typed += out.typed
    expected = json.loads((DATA / "expected.json").read_text())["person-then-scanner.keys"]
    assert typed == expected["typed"]
    captured = [check_reading(desk, r) for r in readings]
    assert [c.verdict.document.surname for c in captured] == ["STEVENSON"]
    assert captured[0].verdict.source == "scanner"


def test_check_reading_of_text_that_is_no_mrz():
    from borderdesk.reader.reading import Reading
    captured = check_reading(Desk(Config.load(files=[])),
                             Reading(("HELLO",), ((1.0,) * 5,), "scanner"))
    assert captured.verdict is None and "MRZ" in captured.problem


def test_wedge_thresholds_come_from_config():
    config = Config.load(files=[])
    config.scanner.wedge_max_median_gap_ms = 1.0
    wedge = WedgeCapture.from_config(Desk(config))
    keys = [(i * 0.004, ch) for i, ch in enumerate("\r".join(TD2) + "\r")]
    outs = [wedge.key(k, t) for t, k in keys] + [wedge.tick(1.0)]
    assert not any(o.readings for o in outs)
    assert "".join(o.typed for o in outs) == "\r".join(TD2) + "\r"


# -- configuration -----------------------------------------------------------------

def test_camera_and_scanner_sections_load_from_toml(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[camera]\ndevice = "/dev/video2"\nwidth = 1920\nmin_sharpness = 1\n'
                    '[scanner]\nserial_port = "/dev/ttyUSB0"\nbaudrate = 115200\n'
                    'prefix = "MRZ:"\nwedge_max_gap_ms = 80\n')
    config = Config.load(files=[path])
    assert config.camera.device == "/dev/video2" and config.camera.width == 1920
    assert config.camera.min_sharpness == 1.0 and config.camera.height == 720
    assert config.scanner.baudrate == 115200 and config.scanner.prefix == "MRZ:"
    assert config.scanner.wedge_max_gap_ms == 80
    path.write_text("[scanner]\nbaud = 9600\n")
    with pytest.raises(ConfigError, match="unknown key 'baud' in \\[scanner\\]"):
        Config.load(files=[path])
    path.write_text('[camera]\nfps = "fast"\n')
    with pytest.raises(ConfigError, match="fps must be float"):
        Config.load(files=[path])


def test_band_moved_tells_a_document_gone_from_sensor_noise():
    from borderdesk.desk.capture import band_moved
    band = ((50, 175), (300, 175), (300, 205), (50, 205))
    still = marked(1, True)
    noisy = np.clip(still.astype(np.int16) + np.random.default_rng(3).integers(
        -4, 5, still.shape), 0, 255).astype(np.uint8)
    assert not band_moved(still, noisy, band)
    assert band_moved(still, marked(0, False), band)  # the desk without the document
    assert band_moved(still, still[:200], band)  # another size of frame
