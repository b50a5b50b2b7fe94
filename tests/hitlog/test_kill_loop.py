"""No hit lost: a process killed (SIGKILL) at random points while logging loses nothing it showed.

Each round forks a child that checks documents through Desk.check and writes
each hit id to a pipe only once ``check`` has returned (the moment the verdict
would reach the screen), and a disposition now and then. The parent kills it
after a random delay — mid-transaction, mid-fsync, mid-checkpoint, wherever
it is — and at the end every id the children showed must be in the log, and
the chain must verify. Forking (not a fresh interpreter) keeps each round
short; the child is a separate process all the same, and dies by SIGKILL.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time

from borderdesk.desk.config import Config
from borderdesk.desk.service import Desk

from .conftest import mrz, screen

ROUNDS = 60


def _child(write_fd: int, round_no: int) -> None:
    out = None
    try:
        desk = Desk(Config.load(), screen=screen)
        desk.officer = "OFF-K"
        desk.hits.log.head()  # the log open and migrated: the random window is all logging
        out = os.fdopen(write_fd, "w", buffering=1)
        out.write("ready\n")
        for i in range(100_000):
            prefix = "H" if i % 2 else "P"
            verdict = desk.check(mrz(f"{prefix}{round_no:03d}{i:04d}"), source="camera")
            out.write(f"hit {verdict.hit_id}\n")
            if i % 3 == 0:
                entry = desk.hits.dispose(verdict.hit_id, "not-same-person", "OFF-K")
                out.write(f"entry {entry}\n")
    except BaseException as exc:  # say why, for the parent's assertion message
        if out is not None:
            out.write(f"error {exc!r}\n")
    finally:
        os._exit(0)


def _read(fd: int, deadline: float | None, until: bytes | None = None) -> tuple[bytes, bool]:
    """Bytes from the pipe until the deadline (None: end of file) or ``until`` arrives."""
    buf = b""
    eof = False
    while until is None or until not in buf:
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            eof = True
            break
        buf += chunk
    return buf, eof


def test_killed_in_a_loop_loses_nothing_it_showed(data_dir):
    (data_dir / "config.toml").write_text('[desk]\ndesk_id = "DESK-K"\n')
    rng = random.Random(7)
    shown: list[str] = []
    kills_after_hits = 0
    for round_no in range(ROUNDS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(write_fd, round_no)
        os.close(write_fd)
        try:
            # wait for the child to be ready, then let it log for a random while
            out, eof = _read(read_fd, time.monotonic() + 20, until=b"ready\n")
            assert not eof and b"ready\n" in out, "the child died before it was ready"
            out += _read(read_fd, time.monotonic() + rng.uniform(0.0, 0.12))[0]
        finally:
            os.kill(pid, signal.SIGKILL)  # also when the round failed: no child left behind
        out += _read(read_fd, None)[0]  # what it wrote before it died
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
            f"round {round_no}: the child ended by itself ({status}): {out[-300:]!r}"
        complete = out.decode().split("\n")[:-1]  # a line cut by the kill was not shown
        ids = [line.split(" ", 1)[1] for line in complete if line.startswith(("hit ", "entry "))]
        kills_after_hits += bool(ids)
        shown += ids

    # the children did log, in most rounds (a loaded machine may leave some rounds empty)
    assert len(shown) > ROUNDS and kills_after_hits >= ROUNDS // 3, (len(shown),
                                                                     kills_after_hits)
    desk = Desk(Config.load())
    try:
        stored = {row["entry_id"] for row in desk.hits.log.rows()}
        lost = [i for i in shown if i not in stored]
        assert lost == [], f"{len(lost)} of {len(shown)} shown ids lost"
        report = desk.hits.verify()
        assert report.ok, [str(p) for p in report.problems]
        assert report.checked["DESK-K"] >= len(shown)
    finally:
        desk.close()
