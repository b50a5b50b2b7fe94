"""The kiosk session files: a valid desktop entry, a script that only the desk's own exit ends."""

import configparser
import os
import subprocess
from pathlib import Path

KIOSK = Path(__file__).resolve().parents[2] / "packaging" / "kiosk"


def test_the_session_entry_is_a_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(KIOSK / "borderdesk-kiosk.desktop")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "/usr/bin/borderdesk-kiosk"
    assert section["Name"]


def test_the_session_restarts_the_desk_until_it_leaves_cleanly(tmp_path):
    # A stand-in `borderdesk` on PATH: fails twice (a crash), then leaves with status 0.
    counter = tmp_path / "runs"
    fake = tmp_path / "borderdesk"
    fake.write_text(f'#!/bin/sh\necho x >> "{counter}"\n'
                    f'[ "$(wc -l < "{counter}")" -ge 3 ] && exit 0\nexit 1\n')
    fake.chmod(0o755)
    script = (KIOSK / "borderdesk-kiosk").read_text().replace("sleep 2", "sleep 0")
    runner = tmp_path / "kiosk"
    runner.write_text(script)
    runner.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    env.pop("DISPLAY", None)
    result = subprocess.run([str(runner)], env=env, timeout=20)
    assert result.returncode == 0
    assert counter.read_text().count("x") == 3
