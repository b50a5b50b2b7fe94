"""What keeps the desk's event loop from stalling, besides the workers (bench_event_loop.py)."""

import gc
import sys


def test_the_desk_keeps_what_it_made_at_start_out_of_the_collectors_sight(window):
    """A full garbage collection pauses every thread, the GUI thread with it; once the desk
    is built it scans only what came since, not the ~100 000 objects of the start."""
    assert gc.get_freeze_count() > 50_000
    assert len(gc.get_objects()) < gc.get_freeze_count() / 4  # what a collection scans


def test_the_gui_thread_gets_the_interpreter_lock_every_millisecond(window):
    assert sys.getswitchinterval() == 0.001
