"""``borderdesk doctor`` on real data directories: a real replay, a real pseudo-terminal,
a real hit log and real signed lists. No camera is faked: a missing one is a clear line."""

import json
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import cv2
import numpy as np
import pytest

from borderdesk.cli import main
from borderdesk.desk import demo, doctor
from borderdesk.desk.config import Config
from borderdesk.desk.hits import Hits


def write_config(home, text):
    (home / "config.toml").write_text(text)


def findings(report):
    return {f.check: f for f in report.findings}


@pytest.fixture
def replay(tmp_path):
    folder = tmp_path / "frames"
    folder.mkdir()
    for i in range(3):
        image = np.full((240, 320, 3), 40 * i, dtype=np.uint8)
        assert cv2.imwrite(str(folder / f"{i:02}.png"), image)
    return folder


@pytest.fixture
def pty_port():
    """A pseudo-terminal: the far end of a serial line, as the scanner's port."""
    master, slave = os.openpty()
    name = os.ttyname(slave)
    yield name
    os.close(slave)
    os.close(master)


def healthy_desk(home, replay, port):
    demo.prepare(home)  # demo users, the demo publisher's key trusted, signed lists
    write_config(home, f'[desk]\ndesk_id = "T-01"\n[camera]\nreplay = "{replay}"\n'
                       f'[scanner]\nserial_port = "{port}"\n')


def test_a_healthy_desk_passes_every_check(data_dir, replay, pty_port, capsys):
    healthy_desk(data_dir, replay, pty_port)
    Hits.open_local(Config.load()).close()  # a hit log at the newest schema
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert "delivers frames (320x240)" in out
    assert f"serial port {pty_port} opens" in out
    assert "schema current" in out
    assert "1 publisher key(s) trusted" in out
    assert "SLTD 3" in out


def test_json_lists_every_check(data_dir, replay, pty_port, capsys):
    healthy_desk(data_dir, replay, pty_port)
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert [c["check"] for c in report["checks"]] == [
        "configuration", "data directory", "disk space", "clock", "hit log", "trusted keys",
        "lists", "camera", "scanner"]
    assert set(report["checks"][0]) == {"check", "status", "message", "action"}


def test_a_bare_desk_says_what_to_do_and_exits_1(data_dir, capsys):
    write_config(data_dir, '[camera]\ndevice = "/dev/no-such-video9"\n'
                           '[scanner]\nserial_port = "/dev/ttyNOSUCH9"\n')
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  camera" in out and "no camera '/dev/no-such-video9'" in out
    assert "plug the camera in" in out
    assert "serial port /dev/ttyNOSUCH9 is not present" in out
    assert "borderdesk watchlist trust" in out
    assert "no lists are loaded" in out
    assert "not made yet" in out  # a missing hit log is made on first use: not a failure
    assert "Traceback" not in out


def test_no_camera_configured_is_a_warning_not_a_failure(data_dir):
    write_config(data_dir, '[camera]\ndevice = ""\n')
    finding = findings(doctor.run())["camera"]
    assert finding.status == doctor.WARN
    assert "no camera is configured" in finding.message


def test_a_replay_folder_without_images_fails_clearly(data_dir, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write_config(data_dir, f'[camera]\nreplay = "{empty}"\n')
    finding = findings(doctor.run())["camera"]
    assert finding.status == doctor.FAIL
    assert "no images to replay" in finding.message


def test_a_port_that_cannot_be_opened(data_dir, tmp_path):
    not_a_port = tmp_path / "not-a-port"
    not_a_port.mkdir()
    write_config(data_dir, f'[scanner]\nserial_port = "{not_a_port}"\n')
    finding = findings(doctor.run())["scanner"]
    assert finding.status == doctor.FAIL
    assert "cannot be opened" in finding.message and "dialout" in finding.action


def test_a_data_directory_that_is_not_writable(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    finding = doctor.check_data_dir(blocker)
    assert finding.status == doctor.FAIL
    assert "not writable" in finding.message and "chown" in finding.action


def test_a_broken_configuration_is_named(data_dir, capsys):
    write_config(data_dir, "[camera]\ndevise = 1\n")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  configuration" in out and "unknown key 'devise'" in out


def test_a_log_from_a_newer_borderdesk(data_dir):
    config = Config.load()
    Hits.open_local(config).close()
    with sqlite3.connect(data_dir / "hitlog.sqlite") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    finding = doctor.check_hitlog(config)
    assert finding.status == doctor.FAIL
    assert "newer than this borderdesk" in finding.message


def test_hits_migrate_makes_the_schema_current(data_dir, capsys):
    assert main(["hits", "migrate"]) == 0
    assert "brought from nothing to" in capsys.readouterr().out
    assert doctor.check_hitlog(Config.load()).message.endswith("schema current (0001)")
    assert main(["hits", "migrate"]) == 0
    assert "is current" in capsys.readouterr().out


def test_expired_and_old_lists(data_dir):
    demo.prepare(data_dir)
    config = Config.load()
    now = datetime.now(timezone.utc)
    assert doctor.check_lists(config, now).status == doctor.OK
    assert doctor.check_lists(config, now + timedelta(days=3)).status == doctor.WARN
    expired = doctor.check_lists(config, now + timedelta(days=30))
    assert expired.status == doctor.FAIL and "expired" in expired.message


def test_a_clock_that_was_never_set(data_dir):
    finding = doctor.check_clock(Config.load(), datetime(2001, 1, 1, tzinfo=timezone.utc))
    assert finding.status == doctor.FAIL and "has not been set" in finding.message


def test_a_clock_behind_the_lists(data_dir):
    demo.prepare(data_dir)
    finding = doctor.check_clock(Config.load(), datetime.now(timezone.utc) - timedelta(days=2))
    assert finding.status == doctor.FAIL
    assert "the lists were published" in finding.message and "timedatectl" in finding.action


def test_a_clock_behind_the_hit_log(data_dir):
    config = Config.load()
    Hits.open_local(config).close()
    future = (datetime.now(timezone.utc) + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    with sqlite3.connect(data_dir / "hitlog.sqlite") as db:
        db.execute("INSERT INTO entries (entry_id, desk_id, seq, kind, recorded_at, officer, "
                   "public, commitment, prev_hash, entry_hash) VALUES "
                   "('e1', 'T', 1, 'hit', ?, 'O1', '{}', '', '', '')", (future,))
    finding = doctor.check_clock(config, datetime.now(timezone.utc))
    assert finding.status == doctor.FAIL and "hit-log entry" in finding.message


def test_low_disk_space_thresholds(tmp_path, monkeypatch):
    monkeypatch.setattr(doctor, "DISK_FAIL_BYTES", 1 << 62)
    assert doctor.check_disk(tmp_path).status == doctor.FAIL


def test_a_data_directory_that_cannot_be_made(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("BORDERDESK_HOME", str(blocker / "desk"))
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert f"{blocker / 'desk'} cannot be made" in out and "Traceback" not in out


def test_a_log_that_cannot_be_opened(data_dir, tmp_path, capsys):
    write_config(data_dir, f'[hitlog]\ndatabase = "{tmp_path}/no-such-dir/hitlog.sqlite"\n')
    assert main(["hits", "migrate"]) == 2
    assert "cannot open the hit log" in capsys.readouterr().err
    (tmp_path / "not-a-db").mkdir()
    write_config(data_dir, f'[hitlog]\ndatabase = "{tmp_path}/not-a-db"\n')
    finding = doctor.check_hitlog(Config.load())
    assert finding.status == doctor.FAIL and "do not delete the log" in finding.action
