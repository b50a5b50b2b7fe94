"""The desk's background sync: a newer signed bundle in the sync folder is taken while the
desk runs and shows on the status bar (and in the next check); a forged one is refused
with the reason and the lists stay as they were; quitting during a sync leaves no thread."""

import http.server
import threading

import pytest
from borderdesk.desk import watchlists
from borderdesk.desk.resources import resource_path

from .conftest import SUPERVISOR, TD3_CLEAR, plain, sign_in, submit

DEMO_KEY = resource_path("demo", "publisher") / "publisher.key"
DEMO_LIST = resource_path("demo", "watchlist.ndjson")


def sync_threads():
    return [t for t in threading.enumerate() if t.name == "borderdesk-sync" and t.is_alive()]


@pytest.fixture
def source(tmp_path, desk_config, demo_lists):
    """The desk holds the demo lists (version 1); the sync folder is empty so far."""
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    desk_config.sync.source = str(folder)
    desk_config.sync.interval_minutes = 60
    return folder


def lists_text(window):
    return plain(window.check.status.lists)


def test_a_newer_bundle_is_taken_in_the_background(qtbot, make_window, desk_config, source):
    watchlists.build([DEMO_LIST], DEMO_KEY, 2, source / "lists-v2.bundle", config=desk_config)
    window = make_window(desk_config, kiosk=False, language="en")
    sign_in(qtbot, window)
    bar = window.check.status
    qtbot.waitUntil(lambda: "v2" in lists_text(window), timeout=15000)
    assert "OK" in lists_text(window)
    assert "never" not in plain(bar.sync) and "failed" not in plain(bar.sync)
    assert bar.sync.toolTip() == ""
    assert window.controller.status.sync_error is None
    # The next check runs against the version just imported.
    assert submit(qtbot, window, TD3_CLEAR).watchlist.version == 2
    assert len(sync_threads()) == 1  # it goes on syncing, every interval


def test_a_forged_bundle_is_refused_and_the_lists_stay(qtbot, make_window, desk_config, source,
                                                       tmp_path):
    forger, _, _ = watchlists.keygen(tmp_path / "forger")
    watchlists.build([DEMO_LIST], forger, 2, source / "lists-v2.bundle", config=desk_config)
    window = make_window(desk_config, kiosk=False, language="en")
    sign_in(qtbot, window)
    bar = window.check.status
    qtbot.waitUntil(lambda: "sync failed" in plain(bar.sync), timeout=15000)
    assert bar.sync.toolTip()  # the reason, for the supervisor
    assert "v1" in lists_text(window)
    assert submit(qtbot, window, TD3_CLEAR).watchlist.version == 1


def test_sync_now_from_the_settings(qtbot, make_window, desk_config, source):
    window = make_window(desk_config, kiosk=False, language="en")
    at_start = []  # the sync at start (nothing new yet), whether before or after signing in
    window.controller.synced.connect(lambda report, error: at_start.append(report))
    sign_in(qtbot, window, *SUPERVISOR)
    qtbot.waitUntil(lambda: len(at_start) == 1, timeout=15000)
    qtbot.waitUntil(lambda: "v1" in lists_text(window), timeout=5000)
    watchlists.build([DEMO_LIST], DEMO_KEY, 2, source / "lists-v2.bundle", config=desk_config)
    window.open_settings()
    dialog = window.settings
    assert dialog.sync_button.isEnabled()
    with qtbot.waitSignal(window.controller.synced, timeout=15000) as blocker:
        dialog.sync_button.click()
    report, error = blocker.args
    assert error is None and report.imported == [2]
    assert "version 2" in plain(dialog.message)
    qtbot.waitUntil(lambda: "v2" in lists_text(window), timeout=5000)
    dialog.reject()


def test_sync_now_on_a_desk_that_syncs_only_when_asked(qtbot, make_window, desk_config,
                                                       source):
    desk_config.sync.interval_minutes = 0
    watchlists.build([DEMO_LIST], DEMO_KEY, 2, source / "lists-v2.bundle", config=desk_config)
    window = make_window(desk_config, kiosk=False, language="en")
    sign_in(qtbot, window, *SUPERVISOR)
    qtbot.waitUntil(lambda: "v1" in lists_text(window), timeout=5000)
    assert sync_threads() == []  # no sync of its own
    window.open_settings()
    with qtbot.waitSignal(window.controller.synced, timeout=15000) as blocker:
        window.settings.sync_button.click()
    assert blocker.args[1] is None and blocker.args[0].imported == [2]
    qtbot.waitUntil(lambda: "v2" in lists_text(window), timeout=5000)
    window.settings.reject()


def test_sync_now_without_a_source_says_so(qtbot, window):
    sign_in(qtbot, window, *SUPERVISOR)
    window.open_settings()
    assert not window.settings.sync_button.isEnabled()
    assert not window.controller.sync_now()
    window.settings.reject()


class Stall(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the library's name)
        self.server.asked.set()
        self.server.release.wait(10)  # the mirror says nothing while the desk quits

    def log_message(self, *args):
        pass


def test_quitting_during_a_sync_leaves_no_thread(qtbot, make_window, desk_config, data_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stall)
    server.daemon_threads = True
    server.asked, server.release = threading.Event(), threading.Event()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        desk_config.sync.source = f"http://127.0.0.1:{server.server_port}/"
        desk_config.sync.timeout_seconds = 1.0
        desk_config.sync.retries = 0
        watchlists.trust(resource_path("demo", "publisher") / "publisher.pub", desk_config)
        window = make_window(desk_config, kiosk=False, language="en")
        delivered = []
        window.controller.synced.connect(lambda *args: delivered.append(args))
        qtbot.waitUntil(server.asked.is_set, timeout=10000)  # the sync waits on the mirror
        assert len(sync_threads()) == 1
        window._may_close = True
        window.close()
        assert sync_threads() == []
        qtbot.wait(50)  # a result queued by the ending sync is not delivered
        assert delivered == []
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
