"""Lock on demand and on idle, unlock, and kiosk mode that only a supervisor leaves."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from .conftest import (
    OFFICER,
    OTHER_OFFICER,
    SUPERVISOR,
    TD3_CLEAR,
    plain,
    sign_in,
    submit,
)


def unlock(qtbot, window, badge, secret, signal):
    form = window.lock_screen.form
    form.badge.setText(badge)
    qtbot.keyClicks(form.secret, secret)
    with qtbot.waitSignal(signal, timeout=5000):
        qtbot.keyClick(form.secret, Qt.Key_Return)


def test_lock_on_demand_hides_the_document_and_unlocks_for_the_officer(qtbot, window):
    sign_in(qtbot, window)
    submit(qtbot, window, TD3_CLEAR)
    qtbot.keyClick(window.check, Qt.Key_F10)
    assert window.current_screen() is window.lock_screen
    assert window.lock_screen.form.badge.text() == OFFICER[0]
    # Another officer may not open it; a wrong PIN neither.
    unlock(qtbot, window, *OTHER_OFFICER, window.controller.auth_failed)
    assert window.current_screen() is window.lock_screen
    assert window.lock_screen.form.message.isVisible()
    unlock(qtbot, window, OFFICER[0], "000000", window.controller.auth_failed)
    assert window.current_screen() is window.lock_screen
    unlock(qtbot, window, *OFFICER, window.controller.unlocked)
    assert window.current_screen() is window.check


def test_a_supervisor_unlocks_any_desk(qtbot, window):
    sign_in(qtbot, window)
    window.check.buttons["lock"].click()
    unlock(qtbot, window, *SUPERVISOR, window.controller.unlocked)
    assert window.controller.sessions.user.badge == OFFICER[0]


def test_idle_lock(qtbot, window):
    sign_in(qtbot, window)
    sessions = window.controller.sessions
    sessions.idle_seconds = 0.3
    sessions.touch()
    with qtbot.waitSignal(window.controller.locked, timeout=3000):
        pass
    assert window.current_screen() is window.lock_screen


def test_input_in_the_window_or_a_dialog_keeps_the_desk_from_locking(qtbot, window):
    """Keys, clicks and wheel turns, as the windowing system gives them to a window."""
    sign_in(qtbot, window)
    sessions = window.controller.sessions
    now = [1000.0]
    sessions.clock = lambda: now[0]
    sessions.idle_seconds = 60
    sessions.touch()

    def idle_for(seconds):
        now[0] += seconds
        return sessions.idle_expired()
    assert not idle_for(59) and idle_for(2)  # no input: the desk would lock
    qtbot.keyClick(window.windowHandle(), Qt.Key_Shift)
    assert not idle_for(59) and idle_for(2)
    QTest.mouseClick(window.windowHandle(), Qt.LeftButton, Qt.NoModifier, QPoint(5, 5))
    assert not idle_for(59) and idle_for(2)
    qtbot.keyClick(window.check, Qt.Key_F2)  # the manual entry: a dialog, a window of its own
    dialog = window.manual.windowHandle()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() == dialog, timeout=2000)
    now[0] -= 2
    qtbot.keyClick(dialog, "a")
    assert not idle_for(59) and idle_for(2)
    window.manual.reject()


def test_another_officer_signs_in_from_the_lock_screen(qtbot, window):
    sign_in(qtbot, window)
    window.controller.lock()
    window.lock_screen.other.click()
    assert window.current_screen() is window.sign_in
    sign_in(qtbot, window, *OTHER_OFFICER)
    assert window.controller.sessions.user.badge == OTHER_OFFICER[0]


def test_kiosk_is_left_only_with_a_supervisors_credentials(qtbot, make_window):
    window = make_window(kiosk=True, language="en")
    assert window.windowFlags() & Qt.FramelessWindowHint
    assert window.isFullScreen()
    window.close()
    assert window.isVisible()
    prompt = window.prompt
    assert prompt is not None and prompt.isVisible()
    prompt.form.badge.setText(OFFICER[0])
    qtbot.keyClicks(prompt.form.secret, OFFICER[1])
    with qtbot.waitSignal(window.controller.auth_failed, timeout=5000):
        qtbot.keyClick(prompt.form.secret, Qt.Key_Return)
    assert window.isVisible() and "supervisor" in plain(prompt.form.message)
    prompt.form.badge.setText(SUPERVISOR[0])
    qtbot.keyClicks(prompt.form.secret, SUPERVISOR[1])
    with qtbot.waitSignal(window.controller.supervisor_ok, timeout=5000):
        qtbot.keyClick(prompt.form.secret, Qt.Key_Return)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_no_user_yet_is_said_on_the_sign_in_screen(qtbot, make_window, data_dir):
    (data_dir / "users.sqlite").unlink()
    window = make_window(kiosk=False, language="fr")
    qtbot.waitUntil(lambda: window.sign_in.notice.isVisible(), timeout=3000)
    assert "borderdesk users add" in plain(window.sign_in.notice)


def test_a_supervisor_changes_the_settings_and_the_desk_takes_them(qtbot, window, data_dir):
    sign_in(qtbot, window, *OFFICER)
    assert not window.check.buttons["settings"].isVisibleTo(window)
    window.controller.sign_out()
    sign_in(qtbot, window, *SUPERVISOR)
    qtbot.keyClick(window.check, Qt.Key_F8)
    dialog = window.settings
    assert dialog is not None and dialog.isVisible()
    dialog.idle.setValue(9)
    dialog.sound.setChecked(False)
    with qtbot.waitSignal(window.controller.settings_saved, timeout=5000):
        dialog.save_button.click()
    assert window.controller.sessions.idle_seconds == 9 * 60
    assert "idle_lock_minutes = 9" in (data_dir / "config.toml").read_text()
    assert "Saved" in plain(dialog.message)


def test_settings_that_do_not_validate_change_nothing(qtbot, window, data_dir):
    sign_in(qtbot, window, *SUPERVISOR)
    before = (data_dir / "config.toml").read_text()
    with qtbot.waitSignal(window.controller.settings_failed, timeout=5000) as blocker:
        window.controller.save_settings({"desk": {"idle_lock_minutes": "soon"}})
    assert "idle_lock_minutes" in blocker.args[0]
    assert (data_dir / "config.toml").read_text() == before


def test_the_review_is_for_supervisors_and_closes_with_the_lock(qtbot, window):
    from borderdesk.ui.review import ReviewWindow
    sign_in(qtbot, window, *OFFICER)
    qtbot.keyClick(window.check, Qt.Key_F9)
    assert window.review_window is None
    window.controller.sign_out()
    sign_in(qtbot, window, *SUPERVISOR)
    qtbot.keyClick(window.check, Qt.Key_F9)
    review = window.review_window
    assert isinstance(review, ReviewWindow) and review.isVisible()
    assert review.supervisor == SUPERVISOR[0]
    window.controller.lock()
    assert window.review_window is None and not review.isVisible()
