"""The desk's readers in the real window: a keyboard-wedge burst, a serial scanner on a real
pseudo-terminal, and the live camera on a replayed recording, each to a verdict.

The camera's OCR engine is a test double (the engine is a boundary: a function from a
frame to a Reading, support.engines): it "reads" the MRZ wherever a document lies in the
frame. Everything else is real: the camera's process, the replay source and its grabber
thread, the gate, the multi-frame agreement, the worker threads, the desk's check and the
window.
"""

import multiprocessing
import os
import time

import cv2
import pytest
from PySide6.QtCore import Qt

from borderdesk.desk.capture import NoEngine, default_engine
from borderdesk.desk.config import Config
from borderdesk.desk.flow import Phase

from support.engines import FRAME, ReadsTheBand, frame, write_recording
from support.readings import TD3

from .conftest import SUPERVISOR, TD3_CLEAR, plain, sign_in, submit



def configure(data_dir, text):
    path = data_dir / "config.toml"
    path.write_text(path.read_text() + text)


def wedge_on(data_dir):
    path = data_dir / "config.toml"
    path.write_text(path.read_text().replace("wedge = false", "wedge = true"))


# -- keyboard wedge -------------------------------------------------------------------

def test_a_wedge_scanner_burst_anywhere_in_the_window_gives_a_verdict(qtbot, make_window,
                                                                      data_dir):
    wedge_on(data_dir)
    window = make_window(kiosk=False, language="en")
    sign_in(qtbot, window)
    assert plain(window.check.status.scanner) == "Scanner: keyboard"
    seen = []
    window.controller.verdict_ready.connect(seen.append)
    target = window.check.buttons["next"]  # wherever the focus is: a button, say
    target.setFocus()
    # A scanner's timing, 4 ms a key, on the clock the wedge reads (a busy test machine
    # must not stretch the burst).
    now = [1000.0]
    window.controller.devices.wedge.clock = lambda: now[0]
    with qtbot.waitSignal(window.controller.verdict_ready, timeout=5000) as blocker:
        for key in TD3_CLEAR.replace("\n", "\r") + "\r":
            now[0] += 0.004
            qtbot.keyClick(target, Qt.Key_Return if key == "\r" else key)
    verdict = blocker.args[0]
    assert verdict.source == "scanner" and verdict.document.surname == "BENALI"
    assert str(verdict.level) == "CLEAR"
    assert "BENALI" in plain(window.check.document.name)
    assert len(seen) == 1


def test_a_person_typing_with_the_wedge_on_reaches_the_field(qtbot, make_window, data_dir):
    wedge_on(data_dir)
    window = make_window(kiosk=False, language="en")
    sign_in(qtbot, window)
    qtbot.keyClick(window.check, Qt.Key_F2)
    field = window.manual.inputs["surname"]
    field.setFocus()
    qtbot.keyClicks(field, "Benali", delay=70)  # a fast typist: 70 ms a key
    qtbot.waitUntil(lambda: field.text().upper() == "BENALI", timeout=2000)
    assert window.controller.flow.phase is Phase.WAITING


# -- serial scanner -------------------------------------------------------------------

def test_a_serial_scanner_chosen_in_the_settings_gives_a_verdict(qtbot, window, data_dir):
    master, slave = os.openpty()
    port = os.ttyname(slave)
    try:
        sign_in(qtbot, window, *SUPERVISOR)
        status = window.check.status
        assert plain(status.scanner) == "Scanner: none"
        qtbot.keyClick(window.check, Qt.Key_F8)
        dialog = window.settings
        dialog.scanner.setCurrentText(port)  # not a port Qt lists: typed in by the supervisor
        with qtbot.waitSignal(window.controller.settings_saved, timeout=5000):
            dialog.save_button.click()
        dialog.close()
        assert f'serial_port = "{port}"' in (data_dir / "config.toml").read_text()
        qtbot.waitUntil(lambda: plain(status.scanner) == "Scanner: ready", timeout=5000)
        with qtbot.waitSignal(window.controller.verdict_ready, timeout=5000) as blocker:
            os.write(master, b"\x02" + "\r\n".join(TD3).encode() + b"\r\n\x03")
        verdict = blocker.args[0]
        assert verdict.source == "scanner" and verdict.document.surname == "ERIKSSON"
        assert "ERIKSSON" in plain(window.check.document.name)
        # Garbage on the line is dropped; the scanner goes on.
        os.write(master, b"\x00\xff@@ not a passport\r\n")
        window.controller.next_document()
        with qtbot.waitSignal(window.controller.verdict_ready, timeout=5000) as blocker:
            os.write(master, ("\r\n".join(TD3_CLEAR.split("\n")) + "\r\n").encode())
        assert blocker.args[0].document.surname == "BENALI"
        # The lock stops the worker and closes the port.
        window.controller.lock()
        qtbot.waitUntil(lambda: window.controller.devices.serial.worker is None, timeout=3000)
    finally:
        window.controller.devices.shutdown()
        os.close(master)
        os.close(slave)


def test_a_serial_port_that_cannot_be_opened_is_said(qtbot, make_window, data_dir, tmp_path):
    configure(data_dir, "")
    path = data_dir / "config.toml"
    path.write_text(path.read_text().replace(
        "[scanner]\n", f'[scanner]\nserial_port = "{tmp_path / "ttyUSB9"}"\n'))
    window = make_window(kiosk=False, language="en")
    sign_in(qtbot, window)
    status = window.check.status.scanner
    qtbot.waitUntil(lambda: plain(status) == "Scanner: FAULT", timeout=5000)
    assert "ttyUSB9" in status.toolTip()
    assert window.current_screen() is window.check  # the desk goes on: manual entry, camera


# -- camera ---------------------------------------------------------------------------

@pytest.fixture
def recording(tmp_path):
    return write_recording(tmp_path / "camera")


def camera_window(make_window, data_dir, recording, engine, fps=20):
    configure(data_dir, "")
    path = data_dir / "config.toml"
    path.write_text(path.read_text().replace(
        '[camera]\ndevice = ""\n',
        f'[camera]\ndevice = ""\nreplay = "{recording}"\nreplay_fps = {fps}\n'
        'replay_loop = true\nreplay_realtime = true\n'))
    window = make_window(kiosk=False, language="en")
    window.controller.devices.engine = engine
    return window


def camera_processes():
    """The camera's processes still running (the grabber threads and the OCR live there)."""
    return [p for p in multiprocessing.active_children() if p.name == "borderdesk-camera"]


def test_the_live_camera_shows_the_band_then_the_verdict(qtbot, make_window, data_dir,
                                                          recording, tmp_path):
    engine = ReadsTheBand(tmp_path / "engine", delay=0.1)  # as slow as a real OCR on a busy machine
    window = camera_window(make_window, data_dir, recording, engine)
    view = window.check.camera
    bands, states, stale = [], [], []

    def shown(image, band):
        bands.append(band)
        if band is not None:  # the outline only where the picture shows a document
            (x0, y0), _, (x1, y1), _ = band
            patch = image.copy(int(x0), int(y0), int(x1 - x0), int(y1 - y0))
            if patch.scaled(1, 1, Qt.IgnoreAspectRatio, Qt.SmoothTransformation).pixelColor(
                    0, 0).lightness() < 150:
                stale.append(band)
    window.controller.devices.frame.connect(shown)
    window.controller.devices.guidance.connect(states.append)
    with qtbot.waitSignal(window.controller.verdict_ready, timeout=10000) as blocker:
        sign_in(qtbot, window)
    verdict = blocker.args[0]
    assert verdict.source == "camera" and verdict.document.surname == "ERIKSSON"
    assert "ERIKSSON" in plain(window.check.document.name)
    assert plain(window.check.status.camera) == "Camera: replay"
    # The empty desk first, then the band found and agreed on, then read.
    assert states[:1] == ["waiting"] and "reading" in states and "read" in states
    assert states.index("reading") < states.index("read")
    qtbot.waitUntil(lambda: view.image is not None and view.band is not None, timeout=3000)
    assert view.image.width() == FRAME[0]  # no wider than the preview's width: not scaled
    (x0, y0), _, (x1, y1), _ = view.band
    assert (x0, y0, x1, y1) == (40, 380, 600, 440)  # in the preview's pixels
    assert any(b is None for b in bands) and any(b is not None for b in bands)
    qtbot.wait(1500)  # the recording loops: the empty desk again, and the document
    assert not stale
    assert view.state == "read" and view.message == "Read"
    # The OCR ran in the camera's process, never in the desk's.
    assert engine.pids and os.getpid() not in engine.pids
    # The same document still in view is not read again; the desk is ready for the next.
    qtbot.wait(600)
    assert window.controller.flow.phase in (Phase.SHOWING, Phase.WAITING)


def test_a_document_under_the_camera_waits_for_the_hit_on_screen(qtbot, make_window, data_dir,
                                                                  recording, demo_lists,
                                                                  tmp_path):
    """What the camera reads while a HIT waits is let go without a word, and read once the
    HIT has its disposition."""
    engine = ReadsTheBand(tmp_path / "engine")
    engine.blind = True
    window = camera_window(make_window, data_dir, recording, engine)
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, demo_lists["hit"])  # from the scanner
    assert str(verdict.level) == "HIT"
    seen = []
    window.controller.verdict_ready.connect(seen.append)
    engine.blind = False  # the officer lays another passport under the camera
    qtbot.waitUntil(lambda: window.controller._camera_waits, timeout=5000)
    qtbot.wait(300)
    assert not seen and not window.check.hit.message.isVisible()
    assert window.controller.flow.phase is Phase.DISPOSING
    with qtbot.waitSignal(window.controller.verdict_ready, timeout=5000) as blocker:
        qtbot.keyClick(window.check, Qt.Key_3)  # not the same person
    assert blocker.args[0].source == "camera"
    assert blocker.args[0].document.surname == "ERIKSSON"


def test_the_lock_stops_the_camera_and_the_unlock_starts_it_again(qtbot, make_window, data_dir,
                                                                  recording, tmp_path):
    window = camera_window(make_window, data_dir, recording, ReadsTheBand(tmp_path / "engine"))
    sign_in(qtbot, window)
    view = window.check.camera
    qtbot.waitUntil(lambda: view.image is not None, timeout=5000)
    window.controller.lock()
    devices = window.controller.devices
    qtbot.waitUntil(lambda: devices.camera.worker is None, timeout=3000)
    assert not camera_processes()
    assert view.image is None  # nothing of the last document stays on screen
    with qtbot.waitSignal(window.controller.unlocked, timeout=5000):
        window.controller.unlock("O1001", "111111")
    qtbot.waitUntil(lambda: view.image is not None, timeout=5000)
    assert devices.camera.worker is not None and devices.camera.worker.isRunning()


def test_quitting_while_the_camera_reads_leaves_nothing_running(qtbot, make_window, data_dir,
                                                               recording, tmp_path):
    engine = ReadsTheBand(tmp_path / "engine", delay=0.15)  # the quit comes in the middle of an OCR
    window = camera_window(make_window, data_dir, recording, engine, fps=30)
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: engine.calls >= 3, timeout=5000)
    worker = window.controller.devices.camera.worker
    process = worker.camera.process
    assert worker.isRunning() and camera_processes() == [process]
    started = time.monotonic()
    window._may_close = True
    window.close()
    assert time.monotonic() - started < 2.0
    assert worker.isFinished() and not camera_processes()
    assert not process.is_alive() and not os.path.exists(f"/proc/{process.pid}")
    window.controller.close()  # what the application does after its event loop: again, safely


def test_without_a_camera_its_pane_says_nothing_of_a_scanner_read(qtbot, window):
    """No picture, no "Read" in green under it: the scanner read the document, not the camera."""
    sign_in(qtbot, window)
    view = window.check.camera
    assert view.image is None and "No camera" in view.placeholder
    verdict = submit(qtbot, window, TD3_CLEAR)
    assert str(verdict.level) == "CLEAR" and window.controller.flow.phase is Phase.SHOWING
    assert view.state == "off" and view.message == ""
    assert "No camera" in view.placeholder


def test_a_desk_without_an_ocr_engine_says_the_camera_cannot_read(qtbot, make_window, data_dir,
                                                                  recording):
    configure(data_dir, "")
    path = data_dir / "config.toml"  # an engine this desk does not have
    path.write_text(path.read_text().replace('\n[scanner]', '\nocr_engine = "none"\n[scanner]'))
    window = camera_window(make_window, data_dir, recording, None)
    sign_in(qtbot, window)
    status = window.check.status.camera
    qtbot.waitUntil(lambda: plain(status) == "Camera: NO OCR", timeout=5000)
    assert "no OCR engine" in window.check.camera.placeholder
    assert window.controller.submit(TD3_CLEAR, "manual")  # the rest of the desk works


def test_a_camera_that_cannot_be_opened_is_said(qtbot, make_window, data_dir, tmp_path):
    configure(data_dir, "")
    path = data_dir / "config.toml"
    path.write_text(path.read_text().replace(
        '[camera]\ndevice = ""\n', f'[camera]\ndevice = "{tmp_path / "video7"}"\n'))
    window = make_window(kiosk=False, language="en")
    window.controller.devices.engine = ReadsTheBand(tmp_path / "engine")
    sign_in(qtbot, window)
    status = window.check.status.camera
    qtbot.waitUntil(lambda: plain(status) == "Camera: FAULT", timeout=5000)
    assert "video7" in status.toolTip()
    assert "not working" in window.check.camera.placeholder


def test_a_camera_that_stops_delivering_is_said_and_reopened(qtbot, make_window, data_dir,
                                                               tmp_path):
    """A camera device that gives a few frames and then none (a short video file through
    VideoCapture, as an unplugged camera): RECONNECTING, then ready again once it reopens."""
    video = tmp_path / "camera.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 25, FRAME)
    for n in range(5):
        writer.write(frame(document=False, seed=n))
    writer.release()
    path = data_dir / "config.toml"
    path.write_text(path.read_text().replace(
        '[camera]\ndevice = ""\n', f'[camera]\ndevice = "{video}"\nfps = 50.0\n'))
    window = make_window(kiosk=False, language="en")
    window.controller.devices.engine = ReadsTheBand(tmp_path / "engine")
    view = window.check.camera
    said = []  # each state as the status bar and the picture's place said it
    window.controller.devices.camera_state.connect(lambda code, why: said.append(
        (code, plain(window.check.status.camera), view.image is None and view.placeholder)))
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: any(c == "reconnecting" for c, _, _ in said), timeout=5000)
    code, status, placeholder = next(x for x in said if x[0] == "reconnecting")
    assert status == "Camera: RECONNECTING" and "disconnected" in placeholder
    qtbot.waitUntil(lambda: said[-1][0] == "ok", timeout=5000)
    assert said[-1][1] == "Camera: ready"
    qtbot.waitUntil(lambda: view.image is not None, timeout=5000)  # the picture is back


def engine_here() -> bool:
    try:
        default_engine()
    except NoEngine:
        return False
    return True


@pytest.mark.slow
@pytest.mark.skipif(not engine_here(), reason="the OCR engine (or its model) is not here yet")
def test_the_real_engine_reads_the_demo_recording(qtbot, make_window, data_dir, tmp_path):
    """The desk's own OCR on the demo's first document laid under the camera."""
    import shutil
    from borderdesk.desk import demo
    from borderdesk.desk.resources import resource_path
    folder = tmp_path / "camera"
    folder.mkdir()
    for path in sorted(resource_path("demo", "camera").glob("01-*.jpg")):
        shutil.copy(path, folder / path.name)
    window = camera_window(make_window, data_dir, folder, None, fps=4)
    with qtbot.waitSignal(window.controller.verdict_ready, timeout=60000) as blocker:
        sign_in(qtbot, window)
    verdict = blocker.args[0]
    assert verdict.source == "camera"
    assert verdict.document.mrz == demo.samples()["clear"]
    qtbot.waitUntil(lambda: window.check.camera.band is not None, timeout=5000)
