"""What keeps the desk's event loop from stalling, besides the workers (bench_event_loop.py)."""

import gc
import sys

from PySide6.QtCore import QEvent, Qt

from .conftest import mrz, sign_in, submit


def test_the_desk_keeps_what_it_made_at_start_out_of_the_collectors_sight(window):
    """A full garbage collection pauses every thread, the GUI thread with it; once the desk
    is built it scans only what came since, not the ~100 000 objects of the start."""
    assert gc.get_freeze_count() > 50_000
    assert len(gc.get_objects()) < gc.get_freeze_count() / 4  # what a collection scans


def test_the_gui_thread_gets_the_interpreter_lock_every_millisecond(window):
    assert sys.getswitchinterval() == 0.001


def test_the_input_watch_sees_the_officers_input_not_every_event(qtbot, make_window,
                                                                monkeypatch):
    """An event filter is a call into Python (and a take of the interpreter lock) for each
    event it sees. The desk's filter is on its top-level windows, not on the application:
    a check's hundreds of events (paints, layouts, timers, queued signals) pass it by."""
    from borderdesk.ui.input_watch import InputWatch
    seen = []
    watched = InputWatch.eventFilter

    def counting(self, obj, event):
        seen.append(event.type())
        return watched(self, obj, event)
    monkeypatch.setattr(InputWatch, "eventFilter", counting)
    window = make_window(kiosk=False, language="en")
    sign_in(qtbot, window)
    qtbot.keyClick(window.windowHandle(), Qt.Key_Shift)
    assert QEvent.Type.KeyPress in seen  # the watch is on
    seen.clear()
    for number in range(5):
        window.controller.next_document()
        verdict = submit(qtbot, window, mrz(number=f"12457896{number}"))
        assert str(verdict.level) == "CLEAR"
        qtbot.wait(20)
    assert len(seen) < 5 * 10, seen  # an application-wide filter: some 190 a check
