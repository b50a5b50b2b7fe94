"""The officer's flows on the real window (offscreen)."""

from PySide6.QtCore import Qt

from borderdesk.desk.flow import Phase

from .conftest import OFFICER, TD3_CLEAR, sign_in, submit


def test_sign_in_then_a_clear_check(qtbot, window):
    assert window.current_screen() is window.sign_in
    sign_in(qtbot, window)
    assert "O1001" in window.check.status.officer.text()
    verdict = submit(qtbot, window, TD3_CLEAR)
    assert str(verdict.level) == "CLEAR"
    assert window.check.banner.word.text() == "CLEAR"
    assert "BENALI" in window.check.document.name.text()
    # CLEAR leaves the screen by itself, no key pressed: ready for the next document.
    qtbot.waitUntil(lambda: window.controller.flow.phase is Phase.WAITING, timeout=2000)
    assert window.check.document.name.text() == ""


def test_wrong_pin_is_told_and_nothing_opens(qtbot, window):
    form = window.sign_in.form
    qtbot.keyClicks(form.badge, OFFICER[0])
    qtbot.keyClicks(form.secret, "999999")
    with qtbot.waitSignal(window.controller.auth_failed, timeout=5000):
        qtbot.keyClick(form.secret, Qt.Key_Return)
    assert window.current_screen() is window.sign_in
    assert form.message.isVisible() and "not recognised" in form.message.text()
    assert form.secret.text() == ""
