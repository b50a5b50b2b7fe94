"""Starting the desk's screens: the application, its language, its window.

``borderdesk``, ``borderdesk desk`` and ``borderdesk demo`` come here
(through :mod:`borderdesk.__main__`). Nothing is global: the objects made
here are handed to the ones that need them.
"""

from __future__ import annotations

import gc
import logging
import logging.handlers
import os
import sys

from ..desk import demo
from ..desk.config import Config, ConfigError
from ..desk.start import StartOptions

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 2


def has_display() -> bool:
    """False where Qt would abort for want of a screen (no X, no Wayland, no platform set)."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _log_to_file(config: Config) -> None:
    """The desk's own log: events and ids, never a traveller's data."""
    folder = config.data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(folder / "desk.log", maxBytes=2_000_000,
                                                   backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.set_name("borderdesk-desk-log")
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == handler.get_name()]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def build(config: Config, options: StartOptions):
    """The application's objects, wired; returns the window (not yet shown)."""
    from PySide6.QtWidgets import QApplication

    from . import theme
    from .controller import DeskController
    from .i18n import Languages
    from .sound import Alert
    from .window import DeskWindow, kiosk_from
    from .workers import TaskRunner

    # The GUI thread shares the interpreter lock with the check and sync workers (the
    # camera's OCR has a process of its own, borderdesk.desk.camera_process); handing it
    # over every millisecond instead of Python's default five shortens the event loop's
    # stalls while a check runs (tests/bench/bench_event_loop.py).
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("borderdesk")
    theme.apply(app)
    languages = Languages(app, config.ui.locales)
    languages.install(options.language or config.desk.language)
    runner = TaskRunner()
    controller = DeskController(config, runner)
    alert = Alert(config.ui.sound)
    demo_users = demo.info(config.data_dir).users if options.demo else ()
    window = DeskWindow(controller, languages, alert,
                        kiosk=kiosk_from(options, config.desk.kiosk), demo_users=demo_users)
    for owned in (runner, controller, alert):
        owned.setParent(window)
    controller.start()
    # What is made by now (modules, Qt's wrappers, the screens: nine objects in ten the desk
    # will ever hold) lives as long as the desk. Out of the garbage collector's sight, a full
    # collection later scans only what came since, instead of pausing every thread (the GUI
    # thread with them) 70-100 ms for all of it (tests/bench/bench_event_loop.py).
    gc.collect()
    gc.freeze()
    return window


def run_desk(options: StartOptions) -> int:
    if not has_display():
        print("borderdesk: no display to show the desk on (neither DISPLAY nor "
              "WAYLAND_DISPLAY is set). Start it from a desktop session, or under Xvfb: "
              "xvfb-run borderdesk demo", file=sys.stderr)
        return EXIT_CANNOT_START
    try:
        config = Config.load()
    except ConfigError as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        return EXIT_CANNOT_START
    _log_to_file(config)
    from ..desk.users import UsersFileError
    from .i18n import TranslationError
    try:
        window = build(config, options)
    except (TranslationError, UsersFileError) as exc:
        print(f"borderdesk: {exc}", file=sys.stderr)
        return EXIT_CANNOT_START
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    window.show_for_mode()
    # Once the first frame is drawn: the mark start-up times are taken from (packaging/README.md).
    QTimer.singleShot(0, lambda: log.info("the desk is up: its window is shown"))
    status = QApplication.instance().exec()
    window.controller.close()
    return status
