"""`borderdesk users add|disable|reset|list` and the start commands' plumbing."""

import io
import json

import pytest
from borderdesk.__main__ import main as program
from borderdesk.cli import main


@pytest.fixture(autouse=True)
def light_hashes(data_dir):
    (data_dir / "config.toml").write_text("[users]\nhash_cost_log2 = 10\n")


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_first_supervisor_then_officers(monkeypatch, capsys):
    assert run(monkeypatch, capsys, ["users", "add", "S1", "--role", "supervisor",
                                     "--name", "Chief"], "246810\n")[0] == 0
    assert run(monkeypatch, capsys, ["users", "add", "o7"], "135791\n")[0] == 0
    status, out, _ = run(monkeypatch, capsys, ["users", "list", "--json"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["badge"], r["role"], r["disabled"]) for r in rows] == [
        ("O7", "officer", False), ("S1", "supervisor", False)]
    assert "246810" not in out


def test_refusals_are_clear_and_exit_1(monkeypatch, capsys):
    status, _, err = run(monkeypatch, capsys, ["users", "add", "S1"], "12\n")
    assert status == 1 and "at least 6 characters" in err
    status, _, err = run(monkeypatch, capsys, ["users", "disable", "NOBODY"])
    assert status == 1 and "no user with badge NOBODY" in err
    status, _, err = run(monkeypatch, capsys, ["users", "add", "bad badge"], "123456\n")
    assert status == 1 and "badge id" in err
    run(monkeypatch, capsys, ["users", "add", "S1"], "123456\n")
    status, _, err = run(monkeypatch, capsys, ["users", "add", "s1"], "123456\n")
    assert status == 1 and "already exists" in err


def test_disable_and_reset(monkeypatch, capsys):
    run(monkeypatch, capsys, ["users", "add", "O1"], "123456\n")
    assert run(monkeypatch, capsys, ["users", "disable", "O1"])[0] == 0
    _, out, _ = run(monkeypatch, capsys, ["users", "list"])
    assert "disabled" in out
    assert run(monkeypatch, capsys, ["users", "reset", "O1"], "654321\n")[0] == 0
    _, out, _ = run(monkeypatch, capsys, ["users", "list"])
    assert "active" in out


def test_a_damaged_config_is_a_message(monkeypatch, capsys, data_dir):
    (data_dir / "config.toml").write_text("[users]\nmax_failures = 'many'\n")
    status, _, err = run(monkeypatch, capsys, ["users", "list"])
    assert status == 1 and "max_failures" in err


def test_desk_commands_hand_their_options_to_the_screens(monkeypatch):
    seen = []
    monkeypatch.setattr("borderdesk.__main__.start_screens", lambda o: seen.append(o) or 0)
    assert program(["desk", "--kiosk", "--language", "ar"]) == 0
    assert program([]) == 0  # bare `borderdesk` starts the desk
    assert (seen[0].kiosk, seen[0].language, seen[0].demo) == (True, "ar", False)
    assert (seen[1].kiosk, seen[1].language) == (None, None)


def test_desk_without_screens_says_so(capsys):
    assert main(["desk"]) == 2
    assert "screens" in capsys.readouterr().err


def test_demo_prepares_its_data_once(monkeypatch, data_dir, tmp_path, capsys):
    seen = []
    monkeypatch.setattr("borderdesk.__main__.start_screens", lambda o: seen.append(o) or 0)
    demo_dir = tmp_path / "demo"
    assert program(["--data-dir", str(demo_dir), "demo", "--windowed"]) == 0
    assert seen[0].demo and seen[0].kiosk is False
    assert "O1001 PIN 111111" in capsys.readouterr().out
    assert program(["--data-dir", str(demo_dir), "demo"]) == 0  # again: nothing redone
    assert program(["--data-dir", str(demo_dir), "demo", "--reset"]) == 0


def test_demo_refuses_a_real_desks_directory(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("borderdesk.__main__.start_screens", lambda o: 0)
    real = tmp_path / "real"
    real.mkdir()
    (real / "users.sqlite").write_bytes(b"")
    assert program(["--data-dir", str(real), "demo", "--reset"]) == 2
    assert "not a demo data directory" in capsys.readouterr().err
    assert (real / "users.sqlite").exists()


def test_a_damaged_users_file_is_a_message(monkeypatch, capsys, data_dir):
    (data_dir / "users.sqlite").write_bytes(b"\x00garbage" * 500)
    status, _, err = run(monkeypatch, capsys, ["users", "list"])
    assert status == 1 and "users.sqlite" in err and "Traceback" not in err


def test_the_desk_says_so_when_its_users_file_is_damaged(monkeypatch, capsys, data_dir):
    from borderdesk.desk.start import StartOptions
    from borderdesk.ui.app import run_desk
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    (data_dir / "users.sqlite").write_bytes(b"\x00garbage" * 500)
    assert run_desk(StartOptions(kiosk=False)) == 2
    assert "users.sqlite" in capsys.readouterr().err


def test_no_display_is_a_message(monkeypatch, capsys):
    from borderdesk.desk.start import StartOptions
    from borderdesk.ui.app import run_desk
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert run_desk(StartOptions()) == 2
    assert "no display" in capsys.readouterr().err


def test_the_demo_plays_its_camera_recording(monkeypatch, tmp_path):
    from borderdesk.desk import demo
    from borderdesk.desk.config import Config
    from borderdesk.desk.resources import resource_path
    monkeypatch.setattr("borderdesk.__main__.start_screens", lambda o: 0)
    demo_dir = tmp_path / "demo"
    assert program(["--data-dir", str(demo_dir), "demo"]) == 0
    camera = Config.load([demo_dir / "config.toml"]).camera
    assert camera.replay == str(resource_path("demo", "camera"))
    assert camera.replay_loop and camera.replay_realtime
    # A demo made before the recording was there gets it on its next start, once.
    path = demo_dir / "config.toml"
    path.write_text(demo.CONFIG)
    assert program(["--data-dir", str(demo_dir), "demo"]) == 0
    assert program(["--data-dir", str(demo_dir), "demo"]) == 0
    assert path.read_text().count("[camera]") == 1
    assert Config.load([path]).camera.replay == camera.replay
