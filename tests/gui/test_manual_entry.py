"""Manual entry: live check-digit feedback per field, and the same check as a read."""

from borderdesk.ui.manual_entry import ManualEntryDialog
from PySide6.QtCore import Qt

from .conftest import TD3_CLEAR, plain, sign_in

FIELDS = {"issuing_state": "DZA", "document_number": "124578963",
          "document_number_check": "5", "surname": "Benali", "given_names": "Karima",
          "nationality": "DZA", "birth_date": "880317", "birth_date_check": "1", "sex": "F",
          "expiry_date": "310922", "expiry_date_check": "5"}


def fill(qtbot, dialog, values):
    for name, value in values.items():
        dialog.inputs[name].clear()
        qtbot.keyClicks(dialog.inputs[name], value)


def test_feedback_per_field(qtbot):
    dialog = ManualEntryDialog()
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, {"document_number": "124578963", "document_number_check": "4"})
    assert "5 expected" in plain(dialog.feedback["document_number"])
    dialog.inputs["document_number_check"].clear()
    qtbot.keyClicks(dialog.inputs["document_number_check"], "5")
    assert plain(dialog.feedback["document_number"]).startswith("✓")
    fill(qtbot, dialog, {"birth_date": "881317"})
    assert "no such month" in plain(dialog.feedback["birth_date"])
    fill(qtbot, dialog, {"nationality": "QQQ"})
    assert "unknown state code" in plain(dialog.feedback["nationality"])
    assert not dialog.check_button.isEnabled()


def test_typed_document_gives_the_same_result_as_a_read_one(qtbot, window):
    sign_in(qtbot, window)
    qtbot.keyClick(window.check, Qt.Key_F2)
    dialog = window.manual
    assert dialog is not None and dialog.isVisible()
    fill(qtbot, dialog, FIELDS)
    assert dialog.check_button.isEnabled()
    with qtbot.waitSignal(window.controller.verdict_ready, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.check_button, Qt.LeftButton)
    verdict = blocker.args[0]
    assert verdict.source == "manual"
    assert verdict.document.mrz == TD3_CLEAR
    assert verdict.document.valid and verdict.document_checks == ()
    assert "typed by hand" in plain(window.check.document.source)


def test_a_wrong_check_digit_typed_is_reported_not_fixed(qtbot, window):
    sign_in(qtbot, window)
    window.open_manual_entry()
    fill(qtbot, window.manual, {**FIELDS, "birth_date_check": "7"})
    with qtbot.waitSignal(window.controller.verdict_ready, timeout=5000) as blocker:
        window.manual.check_button.click()
    problems = [p.code for p in blocker.args[0].document_checks]
    assert "check-digit" in problems
    assert any("Check digit fails: Date of birth" in plain(label)
               for label in window.check.document.findChildren(type(window.check.phase)))
