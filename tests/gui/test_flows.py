"""The officer's flows on the real window (offscreen)."""

from borderdesk.desk.flow import Phase
from PySide6.QtCore import Qt

from .conftest import OFFICER, TD3_CLEAR, plain, sign_in, submit


def test_sign_in_then_a_clear_check(qtbot, window):
    assert window.current_screen() is window.sign_in
    sign_in(qtbot, window)
    assert "O1001" in plain(window.check.status.officer)
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


def test_language_switch_to_arabic_mirrors_the_layout_not_the_content(qtbot, window):
    from PySide6.QtWidgets import QApplication
    assert QApplication.layoutDirection() == Qt.LeftToRight
    arabic = window.sign_in.findChild(type(window.sign_in.form.button), "language-ar")
    qtbot.mouseClick(arabic, Qt.LeftButton)
    assert QApplication.layoutDirection() == Qt.RightToLeft
    assert window.sign_in.form.button.text() == "تسجيل الدخول"
    sign_in(qtbot, window)
    assert window.controller.sessions.current.language == "ar"
    verdict = submit(qtbot, window, TD3_CLEAR)
    assert window.check.banner.word.text() == "لا تطابق"
    # The layout is mirrored: the camera is on the right of the document.
    camera = window.check.camera
    document = window.check.document
    assert camera.mapTo(window, camera.rect().topLeft()).x() > document.mapTo(
        window, document.rect().topLeft()).x()
    # The content is not: the picture and the MRZ stay left to right.
    assert camera.layoutDirection() == Qt.LeftToRight
    assert document.mrz.layoutDirection() == Qt.LeftToRight
    assert verdict.document.lines[0] in document.mrz.text().replace("&lt;", "<")


def test_french_dates_are_for_a_person(qtbot, window):
    french = window.sign_in.findChild(type(window.sign_in.form.button), "language-fr")
    qtbot.mouseClick(french, Qt.LeftButton)
    sign_in(qtbot, window)
    submit(qtbot, window, TD3_CLEAR)
    text = plain(window.check.document.values["birth_date"])
    assert "17 mars 1988" in text and "ans" in text


def test_a_document_problem_stays_until_the_next_key(qtbot, window):
    from .conftest import mrz
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, mrz(expiry="240101"))
    assert [p.code for p in verdict.document_checks] == ["expired"]
    qtbot.wait(600)  # longer than [ui] clear_seconds: it does not fade
    assert window.controller.flow.phase is Phase.SHOWING
    assert "EXPIRED" in plain(window.check.document.problems.itemAt(0).widget().findChildren(
        type(window.check.phase))[1])
    qtbot.keyClick(window.check, Qt.Key_F12)  # the "next" key, as a foot pedal sends it
    assert window.controller.flow.phase is Phase.WAITING
    assert window.check.document.name.text() == ""


def test_the_next_document_is_taken_at_once_after_a_clear(qtbot, window):
    from .conftest import mrz
    sign_in(qtbot, window)
    submit(qtbot, window, TD3_CLEAR)
    second = submit(qtbot, window, mrz(surname="Haddad", number="987654321"))
    assert second.document.surname == "HADDAD"
    assert "HADDAD" in window.check.document.name.text()


def test_garbage_from_a_scanner_is_told_and_nothing_breaks(qtbot, window):
    sign_in(qtbot, window)
    with qtbot.waitSignal(window.controller.check_failed, timeout=5000):
        window.controller.submit("\x00\x01garbage<<<\n###", "scanner")
    assert window.check.message.isVisible()
    assert "not a readable MRZ" in plain(window.check.message)
    assert window.controller.flow.phase is Phase.WAITING
    submit(qtbot, window, TD3_CLEAR)
