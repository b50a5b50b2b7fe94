"""Screenshots of each screen of the desk in each language, taken on a real X server (Xvfb).

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--languages en fr ar]

Starts Xvfb at 1280x720 (the smallest screen the desk supports), runs the
desk in kiosk mode on a fresh demo data directory, walks it through sign-in,
a CLEAR check, manual entry, a POSSIBLE MATCH, a HIT, a stale-list warning,
the lock screen and the live camera (a document of the demo's recording held
still under it: the preview, the MRZ band outlined, the verdict; only where
the OCR engine is installed), and saves what the X screen shows as
``<out>/<language>-<screen>.png``. The other screens are taken with the
camera off, so that what it reads does not mix with the walk's own checks. Needs Debian's ``xvfb`` (tools/bootstrap
test installs it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 720)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    if not shutil.which("Xvfb"):
        sys.exit("screenshots: Xvfb is not installed (apt-get install xvfb)")
    for number in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(
                f"/tmp/.X{number}-lock").exists():
            break
    display = f":{number}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            return server, display
        time.sleep(0.05)
    server.kill()
    sys.exit("screenshots: Xvfb did not start")


class Walk:
    """Drives the desk's window and saves the screen."""

    def __init__(self, app, window, out: Path) -> None:
        self.app, self.window, self.out = app, window, out
        self.controller = window.controller

    def pump(self, seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def wait(self, condition, timeout: float = 10) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the desk did not answer")
            self.pump(0.02)

    def save(self, language: str, name: str) -> None:
        self.pump(0.4)
        screen = self.app.primaryScreen()
        path = self.out / f"{language}-{name}.png"
        screen.grabWindow(0).save(str(path))
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def check(self, text: str, source: str = "scanner"):
        seen = []
        self.controller.verdict_ready.connect(seen.append)
        self.controller.submit(text, source)
        self.wait(lambda: seen)
        self.controller.verdict_ready.disconnect(seen.append)
        return seen[0]

    def language(self, language: str, badge: str, pin: str, samples: dict) -> None:
        w = self.window
        if w.controller.sessions.current is not None:
            w.controller.sign_out()
        w.set_language(language)
        self.pump()
        w.sign_in.form.badge.setText(badge)
        self.save(language, "1-sign-in")
        signed = []
        w.controller.signed_in.connect(signed.append)
        w.controller.sign_in(badge, pin, language)
        self.wait(lambda: signed)
        self.wait(lambda: w.controller.status is not None)
        self.pump()

        self.check(samples["clear"])
        self.save(language, "2-clear")
        self.controller.next_document()
        if "expired" in samples:
            self.check(samples["expired"])
            self.save(language, "3-document-problems")
            self.controller.next_document()

        w.open_manual_entry()
        dialog = w.manual
        for name, value in (("issuing_state", "DZA"), ("document_number", "124578963"),
                            ("document_number_check", "4"), ("surname", "Benali"),
                            ("given_names", "Karima"), ("nationality", "DZA"),
                            ("birth_date", "880317"), ("birth_date_check", "1"),
                            ("sex", "F"), ("expiry_date", "3109")):
            dialog.inputs[name].setText(value)
        self.save(language, "4-manual-entry")
        dialog.reject()

        for key, name in (("possible", "5-possible-match"), ("hit", "6-hit")):
            if key not in samples:
                continue
            verdict = self.check(samples[key])
            if str(verdict.level) not in ("POSSIBLE", "HIT"):
                print(f"  ({name}: the sample came out {verdict.level}; not saved)")
                continue
            self.save(language, name)
            if self.controller.flow.phase.value == "deciding":
                self.controller.decide_possible(False)
            if self.controller.flow.phase.value == "disposing":
                self.controller.dispose("not-same-person", "")
            self.wait(lambda: self.controller.flow.can_take_document())

        self.controller.lock()
        self.save(language, "7-locked")
        unlocked = []
        self.controller.unlocked.connect(lambda: unlocked.append(True))
        self.controller.unlock(badge, pin)
        self.wait(lambda: unlocked)
        self.camera(language)

    def camera(self, language: str) -> None:
        """A document of the demo recording held still under the camera, read."""
        from borderdesk.desk.capture import NoEngine, default_engine
        try:
            default_engine(self.controller.config.camera.ocr_engine)
        except NoEngine as exc:
            print(f"  (8-camera: not saved: {exc})")
            return
        devices, config = self.controller.devices, self.controller.config.camera
        still = Path(tempfile.mkdtemp(prefix="borderdesk-still-"))
        recording = ROOT / "resources" / "demo" / "camera"
        for frame in sorted(recording.glob("01-*.jpg"))[-4:]:  # the first document, still
            shutil.copy(frame, still / frame.name)
        devices.stop()
        self.wait(lambda: devices.camera.worker is None)
        config.replay, config.replay_fps = str(still), 5.0
        seen = []
        self.controller.verdict_ready.connect(seen.append)
        devices.start()
        view = self.window.check.camera
        self.wait(lambda: seen and view.band is not None and view.state == "read", 60)
        self.controller.verdict_ready.disconnect(seen.append)
        self.save(language, "8-camera")
        devices.stop()
        self.wait(lambda: devices.camera.worker is None)
        config.replay = ""
        devices.start()
        self.controller.next_document()
        shutil.rmtree(still, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "fr", "ar"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, display = start_xvfb()
    home = Path(tempfile.mkdtemp(prefix="borderdesk-screens-"))
    try:
        os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", BORDERDESK_HOME=str(home),
                          BORDERDESK_CONFIG=str(home / "no-system-config.toml"))
        os.environ.pop("WAYLAND_DISPLAY", None)
        from borderdesk.desk import demo
        from borderdesk.desk.config import Config
        from borderdesk.desk.start import StartOptions
        info = demo.prepare(home)
        (home / "config.toml").write_text((home / "config.toml").read_text()
                                          + "\n[ui]\nsound = false\nclear_seconds = 60.0\n")
        from PySide6.QtWidgets import QApplication
        app = QApplication(sys.argv[:1])
        from borderdesk.ui.app import build
        config = Config.load()
        config.camera.replay = config.camera.device = ""  # on for its own screenshot only
        window = build(config, StartOptions(kiosk=True, language="en", demo=True))
        window.show_for_mode()
        walk = Walk(app, window, args.out)
        badge, pin, _ = info.users[0]
        samples = demo.samples()
        for language in args.languages:
            print(f"{language}:")
            walk.language(language, badge, pin, samples)
        window.controller.runner.shutdown()
        window._may_close = True
        window.close()
        window.controller.close()
    finally:
        server.terminate()
        server.wait(5)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
