"""The Qt binding keeps its references straight (PySide6 6.12.0 does not on CPython 3.11).

Every ``Signal.emit`` of 6.12.0 gives back a reference to ``True`` it never
took; on a Python where ``True`` and ``None`` are not immortal (3.11) the
desk then dies with "deallocating True" after some thousands of signals, in
the middle of a shift. pyproject.toml keeps that release out; this test says
so at once should a broken binding come back.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    signal = Signal(object, object)


def test_emitting_signals_keeps_reference_counts():
    emitter = _Emitter()
    seen = []
    emitter.signal.connect(lambda a, b: seen.append(b))
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.signal.emit(None, True)
    seen.clear()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert after == before
