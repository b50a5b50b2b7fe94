"""Frame sources: the replay over a folder and a video file, and a real VideoCapture path."""

import logging
import threading
import time

import cv2
import numpy as np
import pytest

from borderdesk.reader.camera import (CameraSource, NoCameraFound, ReplayError, ReplaySource,
                                      SourceClosed, State, parse_device)

SIZE = (160, 120)  # width, height: small, so the tests stay fast


def picture(i: int) -> np.ndarray:
    """Frame ``i``: its number written on it and as its brightness, to recognise it after JPEG."""
    image = np.full((SIZE[1], SIZE[0], 3), 10 + 12 * (i % 20), np.uint8)
    cv2.putText(image, str(i), (10, 80), cv2.FONT_HERSHEY_SIMPLEX, 2, (255, 255, 255), 3)
    return image


def number(frame) -> int:
    return round((float(np.median(frame.image)) - 10) / 12)


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "frames"
    path.mkdir()
    for i in range(12):
        cv2.imwrite(str(path / f"frame-{i:03d}.png"), picture(i))
    (path / "notes.txt").write_text("not a frame")
    return path


@pytest.fixture
def video(tmp_path):
    path = tmp_path / "desk.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25, SIZE)
    assert writer.isOpened()
    for i in range(15):
        writer.write(picture(i))
    writer.release()
    return path


def take(source, n, timeout=2.0):
    frames = []
    deadline = time.monotonic() + timeout
    while len(frames) < n and time.monotonic() < deadline:
        frame = source.read(timeout=0.2)
        if frame is not None:
            frames.append(frame)
    return frames


# -- replay -----------------------------------------------------------------------

def test_replay_plays_a_folder_in_order_and_ends(folder):
    states = []
    source = ReplaySource(folder, fps=0, on_state=lambda s, m: states.append(s))
    source.start()
    frames = list(source.frames())
    assert [number(f) for f in frames] == list(range(12))
    assert [f.index for f in frames] == list(range(12))
    assert frames[0].image.shape == (SIZE[1], SIZE[0], 3)
    assert source.state is State.ENDED and states == [State.RUNNING, State.ENDED]
    with pytest.raises(SourceClosed, match="ended"):
        source.read(0.1)
    source.stop()
    assert source.stats.dropped == 0


def test_replay_plays_a_video_file(video):
    with ReplaySource(video, fps=0) as source:
        frames = list(source.frames())
    assert [number(f) for f in frames] == list(range(15))


def test_replay_keeps_to_its_frame_rate(folder):
    with ReplaySource(folder, fps=40) as source:
        started = time.monotonic()
        frames = list(source.frames())
        took = time.monotonic() - started
    assert len(frames) == 12
    assert took >= 11 / 40 * 0.9
    stamps = [f.timestamp for f in frames]
    assert (stamps[-1] - stamps[0]) / 11 >= 0.9 / 40  # a late frame may be caught up, on average not


def test_realtime_replay_drops_what_a_slow_reader_misses(folder):
    with ReplaySource(folder, fps=100, realtime=True) as source:
        frames = []
        for frame in source.frames():
            frames.append(frame)
            time.sleep(0.05)  # OCR, slower than the camera
    assert 1 < len(frames) < 12
    assert source.stats.dropped == 12 - len(frames)
    assert [f.index for f in frames] == sorted(f.index for f in frames)


def test_replay_loops(folder):
    with ReplaySource(folder, fps=0, loop=True) as source:
        frames = take(source, 30)
    assert [number(f) for f in frames] == [i % 12 for i in range(30)]


def test_replay_skips_an_image_that_does_not_decode(folder, caplog):
    (folder / "frame-005.png").write_bytes(b"\x89PNG\r\n\x1a\n torn")
    with ReplaySource(folder, fps=0) as source:
        frames = list(source.frames())
    assert [number(f) for f in frames] == [i for i in range(12) if i != 5]
    assert "frame-005.png does not decode" in caplog.text


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing", "no such folder or video file"),
    (lambda p: (p / "empty").mkdir() or p / "empty", "no images to replay"),
    (lambda p: (p / "x.avi").write_bytes(b"RIFF junk") and p / "x.avi", "not a video file"),
])
def test_replay_errors_are_precise(tmp_path, make, message):
    source = ReplaySource(make(tmp_path))
    with pytest.raises(ReplayError, match=message):
        source.start()
    assert source.state is State.STOPPED


def test_stop_from_another_thread_ends_frames(folder):
    source = ReplaySource(folder, fps=5, loop=True)
    source.start()
    stopped = []
    threading.Timer(0.3, lambda: (stopped.append(time.monotonic()), source.stop())).start()
    frames = list(source.frames())
    assert frames and time.monotonic() - stopped[0] < 1.0  # promptly, not at the next frame
    assert source.state is State.STOPPED
    with pytest.raises(SourceClosed):
        source.read(0)


def test_frames_are_owned_by_the_reader(folder):
    seen = []
    with ReplaySource(folder, fps=0, on_frame=seen.append) as source:
        frame = source.read(1)
        image = frame.image
        assert image.base is None and image.flags.owndata
        image[:] = 0  # writing to it disturbs nothing of the source's
        rest = list(source.frames())
    assert number(rest[0]) == 1
    assert len(seen) == 12


def test_a_replay_can_be_started_again(folder):
    source = ReplaySource(folder, fps=0)
    for _ in range(2):
        source.start()
        assert [number(f) for f in source.frames()] == list(range(12))
        source.stop()


def test_read_before_start_says_so(folder):
    with pytest.raises(SourceClosed, match="stopped"):
        ReplaySource(folder).read(0)


# -- a real VideoCapture ------------------------------------------------------------

def test_parse_device():
    assert parse_device("0") == 0
    assert parse_device(" 2 ") == 2
    assert parse_device("/dev/video2") == "/dev/video2"
    assert parse_device(1) == 1


def test_videocapture_reads_a_video_file(video):
    seen = []
    with CameraSource(str(video), width=SIZE[0], height=SIZE[1], max_fps=200,
                      on_frame=seen.append) as camera:
        frames = take(camera, 10)
        assert camera.resolution == SIZE
    assert len(frames) == 10
    numbers = [number(f) for f in frames]
    assert numbers == sorted(numbers) and set(numbers) <= set(range(15))
    assert len(seen) >= 10


def test_videocapture_with_no_such_camera_raises(tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    camera = CameraSource(str(tmp_path / "video9"))
    with pytest.raises(NoCameraFound, match="cannot be opened"):
        camera.start()
    assert camera.state is State.STOPPED


def test_videocapture_reconnects_with_back_off_when_unplugged(video, tmp_path):
    """The device disappears (reads fail), stays away, then comes back."""
    states = []
    gone = tmp_path / "unplugged.avi"
    camera = CameraSource(str(video), max_fps=200, backoff=0.05, max_backoff=0.2,
                          on_state=lambda s, m: states.append(s))
    camera.start()
    try:
        assert len(take(camera, 3)) == 3
        video.rename(gone)  # unplugged: the stream ends and cannot be reopened
        deadline = time.monotonic() + 3
        while camera.state is not State.RECONNECTING and time.monotonic() < deadline:
            camera.read(timeout=0.05)
        assert camera.state is State.RECONNECTING
        time.sleep(0.5)  # several tries fail, each waiting longer
        assert camera.state is State.RECONNECTING
        assert camera.read(timeout=0.05) is None
        gone.rename(video)  # plugged in again
        deadline = time.monotonic() + 3
        while camera.state is not State.RUNNING and time.monotonic() < deadline:
            camera.read(timeout=0.05)
        frames = take(camera, 3)
    finally:
        camera.stop()
    assert len(frames) == 3
    assert states[:3] == [State.RUNNING, State.RECONNECTING, State.RUNNING]
    assert states[-1] is State.STOPPED
    assert camera.stats.reconnects >= 1


def test_videocapture_can_wait_for_a_camera_not_yet_plugged_in(video, tmp_path):
    later = tmp_path / "later.avi"
    camera = CameraSource(str(later), max_fps=200, backoff=0.05, wait_for_device=True)
    camera.start()
    try:
        assert camera.read(timeout=0.2) is None
        assert camera.state is State.RECONNECTING
        video.rename(later)
        assert len(take(camera, 2)) == 2
    finally:
        camera.stop()
