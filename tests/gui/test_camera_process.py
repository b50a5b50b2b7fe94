"""The camera's process under its worker thread: started, reading, killed and restarted, stopped.

The OCR engine is the test double of support.engines (it runs in the camera's process);
the process, its pipe and shared memory, the replay and the worker thread are real.
"""

import multiprocessing
import os
import signal
import time

import pytest

from borderdesk.desk.config import Config
from borderdesk.desk.service import Desk
from borderdesk.ui.camera import CameraWorker

from support.engines import BAND, FRAME, ReadsTheBand, write_recording


def alive(pid: int) -> bool:
    """Whether a process with ``pid`` still exists (a zombie not yet reaped counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False


def camera_processes():
    return [p for p in multiprocessing.active_children() if p.name == "borderdesk-camera"]


@pytest.fixture
def camera(qtbot, desk_config, data_dir, tmp_path):
    """A camera worker on a replayed recording, with its signals recorded; stopped after."""
    recording = write_recording(tmp_path / "camera")
    path = data_dir / "config.toml"
    path.write_text(path.read_text().replace(
        '[camera]\ndevice = ""\n',
        f'[camera]\ndevice = ""\nreplay = "{recording}"\nreplay_fps = 20\n'
        'replay_loop = true\nreplay_realtime = true\nreconnect_max_seconds = 1.0\n'))
    engine = ReadsTheBand(tmp_path / "engine")
    worker = CameraWorker(Desk(Config.load()), engine)
    said = {"frame": [], "state": [], "document": [], "guidance": []}
    worker.frame.connect(lambda image, band: said["frame"].append((image, band)))
    worker.state.connect(lambda code, why: said["state"].append((code, why)))
    worker.document.connect(said["document"].append)
    worker.guidance.connect(said["guidance"].append)
    worker.said = said
    worker.engine_double = engine
    yield worker
    worker.request_stop()
    worker.wait(5000)


def test_the_camera_reads_in_a_process_of_its_own_and_stops_with_nothing_left(qtbot, camera,
                                                                             caplog):
    camera.start()
    qtbot.waitUntil(lambda: bool(camera.said["document"]), timeout=15000)
    reading = camera.said["document"][0]
    assert reading.source == "camera" and reading.band == BAND
    process = camera.camera.process
    assert process.pid != os.getpid() and alive(process.pid)
    assert set(camera.engine_double.pids) == {process.pid}  # the OCR ran there, only there
    codes = [code for code, _ in camera.said["state"]]
    assert codes[:2] == ["waiting", "replay"]
    assert "read" in camera.said["guidance"]
    image, band = camera.said["frame"][-1]
    assert (image.width(), image.height()) == FRAME  # not scaled: no wider than the preview
    started = time.monotonic()
    camera.request_stop()
    assert camera.wait(5000)
    assert time.monotonic() - started < 3.0
    assert "did not end in time" not in caplog.text  # it ended by itself, not terminated
    assert not alive(process.pid) and not camera_processes()
    # The replay's last word, on its way to the GUI thread: stopped.
    qtbot.waitUntil(lambda: camera.said["state"][-1][0] == "off", timeout=2000)


def test_a_camera_process_killed_is_started_again(qtbot, camera):
    camera.start()
    qtbot.waitUntil(lambda: bool(camera.said["document"]), timeout=15000)
    first = camera.camera.process
    os.kill(first.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: any(code == "reconnecting" for code, _ in camera.said["state"]),
                    timeout=5000)
    code, why = next(x for x in camera.said["state"] if x[0] == "reconnecting")
    assert "SIGKILL" in why
    read_before = len(camera.said["document"])
    frames_before = len(camera.said["frame"])
    qtbot.waitUntil(lambda: camera.said["state"][-1][0] == "replay", timeout=15000)
    second = camera.camera.process
    assert second.pid != first.pid and alive(second.pid) and not alive(first.pid)
    # The new one shows the picture and reads the document still in view.
    qtbot.waitUntil(lambda: len(camera.said["document"]) > read_before, timeout=15000)
    assert len(camera.said["frame"]) > frames_before
    assert camera_processes() == [second]


def test_a_stop_while_the_process_starts_ends_it_at_once(qtbot, camera):
    camera.start()
    qtbot.waitUntil(lambda: camera.camera.process is not None, timeout=5000)
    process = camera.camera.process
    camera.request_stop()  # the child is still importing its modules
    started = time.monotonic()
    assert camera.wait(5000)
    assert time.monotonic() - started < 3.0
    assert not alive(process.pid) and not camera_processes()
    assert not camera.said["document"]
