"""The camera's process, without Qt: no process without a camera, none left behind."""

import select
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from borderdesk.desk.camera_process import CameraProcess, Down, preview_size
from borderdesk.desk.config import CameraSection

from support.engines import write_recording

TESTS = Path(__file__).parent.parent


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0] != "Z"  # a zombie is gone
    except FileNotFoundError:
        return False


def test_no_camera_configured_starts_no_process():
    camera = CameraProcess(CameraSection(device=""))
    assert list(camera.events()) == [Down("off", "no camera is configured")]
    assert camera.process is None


def test_previews_are_scaled_down_to_fit_never_up():
    assert preview_size((720, 1280, 3)) == (640, 360)
    assert preview_size((1280, 720, 3)) == (360, 640)
    assert preview_size((480, 640)) == (640, 480)
    assert preview_size((100, 200, 3)) == (200, 100)


def test_the_camera_process_ends_when_the_desk_dies(tmp_path):
    """A desk killed outright (no stop said) leaves no camera process behind: the child
    sees its pipe close and ends, releasing the camera."""
    recording = write_recording(tmp_path / "camera")
    desk = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(TESTS)!r})
        from borderdesk.desk.camera_process import CameraProcess, Preview
        from borderdesk.desk.config import CameraSection
        from support.engines import ReadsTheBand
        if __name__ == "__main__":
            camera = CameraProcess(CameraSection(device="", replay={str(recording)!r},
                                                 replay_fps=20.0),
                                   ReadsTheBand({str(tmp_path / "engine")!r}))
            for event in camera.events():
                if isinstance(event, Preview):
                    print(camera.process.pid, flush=True)
                    time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([desk.stdout], [], [], 60)
        assert ready, "the desk's camera showed no picture within a minute"
        child = int(desk.stdout.readline())
        assert alive(child)
    finally:
        desk.kill()
        desk.wait()
    deadline = time.monotonic() + 5
    while alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(child)
