"""A POSSIBLE MATCH decided, a HIT disposed of (and not skipped), stale lists said loudly.

The lists are real: the demo source built into a bundle signed with the demo
publisher's key and imported into the test's data directory.
"""

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt

from borderdesk.desk.flow import Phase

from .conftest import plain, sign_in, submit


def test_a_possible_match_decided_with_one_key(qtbot, window, demo_lists):
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, demo_lists["possible"])
    assert str(verdict.level) == "POSSIBLE" and verdict.hit_id
    check = window.check
    assert check.stack.currentWidget() is check.possible
    assert check.banner.word.text() == "POSSIBLE MATCH"
    states = {r.field: r.state for r in check.possible.table.rows}
    assert states["surname"] == "differs" and states["nationality"] == "differs"
    # A new document is refused until the officer decides.
    assert not window.controller.submit(demo_lists["clear"], "scanner")
    with qtbot.waitSignal(window.controller.disposed, timeout=5000) as blocker:
        qtbot.keyClick(check, Qt.Key_2)  # not the same person
    assert blocker.args[0].disposition == "not-same-person"
    assert window.controller.flow.phase is Phase.WAITING
    logged = window.controller.desk.hits.hit(verdict.hit_id)
    assert logged.disposition == "not-same-person" and logged.disposed_by == "O1001"


def test_a_possible_match_judged_the_same_person_goes_on_as_a_hit(qtbot, window, demo_lists):
    sign_in(qtbot, window)
    submit(qtbot, window, demo_lists["possible"])
    qtbot.keyClick(window.check, Qt.Key_1)
    assert window.controller.flow.phase is Phase.DISPOSING
    assert window.check.hit.isVisible()


def test_a_hit_fills_the_screen_and_cannot_be_skipped(qtbot, window, demo_lists):
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, demo_lists["hit-person"])
    assert str(verdict.level) == "HIT" and verdict.hit_id
    hit = window.check.hit
    assert hit.isVisible() and hit.geometry() == window.check.rect()
    assert hit.word.text() == "HIT"
    assert "NATIONAL-WANTED" in plain(hit.lists) and "Arrest" in plain(hit.action)
    assert window.alert.played == 1  # the alert was asked for (silent in tests: [ui] sound)
    # Nothing dismisses it: Escape, the next key, F2, a new document, signing out.
    for key in (Qt.Key_Escape, Qt.Key_F12, Qt.Key_F2, Qt.Key_Space, Qt.Key_Return):
        qtbot.keyClick(window.check, key)
    assert hit.isVisible() and window.manual is None
    assert not window.controller.submit(demo_lists["clear"], "scanner")
    window.controller.sign_out()
    assert window.current_screen() is window.check and hit.isVisible()
    assert "Finish the decision" in plain(hit.message)
    # "Other" needs a note: the key asks for it, and only the note lets it through.
    qtbot.keyClick(window.check, Qt.Key_4)
    assert hit.note.isVisible() and hit.note.hasFocus()
    assert window.controller.flow.phase is Phase.DISPOSING
    qtbot.keyClicks(hit.note, "traveller escorted to the duty officer")
    with qtbot.waitSignal(window.controller.disposed, timeout=5000):
        qtbot.keyClick(hit.note, Qt.Key_Return)
    assert not hit.isVisible()
    assert window.controller.flow.phase is Phase.WAITING
    logged = window.controller.desk.hits.hit(verdict.hit_id)
    assert (logged.disposition, logged.disposition_note) == (
        "other", "traveller escorted to the duty officer")


def test_a_stolen_document_disposed_with_one_key(qtbot, window, demo_lists):
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, demo_lists["hit"])
    assert verdict.matches[0].kind == "document"
    with qtbot.waitSignal(window.controller.disposed, timeout=5000):
        qtbot.keyClick(window.check, Qt.Key_1)
    logged = window.controller.desk.hits.hit(verdict.hit_id)
    assert logged.disposition == "confirmed-referred"


def test_stale_lists_are_said_loudly(qtbot, window, desk_config, tmp_path):
    from borderdesk.desk import watchlists
    from borderdesk.desk.resources import resource_path
    from borderdesk.watchlist.build import build
    publisher = resource_path("demo", "publisher")
    watchlists.trust(publisher / "publisher.pub", desk_config)
    bundle = tmp_path / "old.bundle"
    build([resource_path("demo", "watchlist.ndjson")], publisher / "publisher.key", 1, bundle,
          valid_hours=24, now=datetime.now(timezone.utc) - timedelta(days=10))
    watchlists.import_bundle(bundle, desk_config)
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.check.list_warning.isVisible(), timeout=5000)
    assert "STALE" in plain(window.check.list_warning)
    assert "STALE" in plain(window.check.status.lists)
    assert "10 d" in plain(window.check.status.lists)
    verdict = submit(qtbot, window, TD3_CLEAR_TEXT())
    assert verdict.watchlist.state == "STALE"
    assert "cannot be relied on" in plain(window.check.banner.hint)


def TD3_CLEAR_TEXT():
    from .conftest import TD3_CLEAR
    return TD3_CLEAR


def test_a_disposition_key_pressed_twice_is_recorded_once(qtbot, window, demo_lists):
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, demo_lists["hit"])
    with qtbot.waitSignal(window.controller.disposed, timeout=5000):
        window.controller.dispose("not-same-person", "")
        window.controller.dispose("not-same-person", "")
    qtbot.wait(200)
    history = window.controller.desk.hits.hit(verdict.hit_id).history
    assert sum(1 for h in history if "not-same-person" in str(h)) == 1


def test_a_hit_survives_the_lock(qtbot, window, demo_lists):
    from .conftest import OFFICER
    sign_in(qtbot, window)
    submit(qtbot, window, demo_lists["hit"])
    qtbot.keyClick(window.check, Qt.Key_F10)  # the officer must leave the desk
    assert window.current_screen() is window.lock_screen
    window.lock_screen.form.badge.setText(OFFICER[0])
    qtbot.keyClicks(window.lock_screen.form.secret, OFFICER[1])
    with qtbot.waitSignal(window.controller.unlocked, timeout=5000):
        qtbot.keyClick(window.lock_screen.form.secret, Qt.Key_Return)
    assert window.check.hit.isVisible()
    assert window.controller.flow.phase is Phase.DISPOSING


def test_the_reasons_are_in_the_officer_s_language(qtbot, make_window, demo_lists):
    window = make_window(kiosk=False, language="fr")
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, demo_lists["hit-person"])
    english = "; ".join(verdict.matches[0].reasons)
    shown = plain(window.check.hit.reasons)
    assert "concorde" in shown and "match" not in shown, (english, shown)
    window.languages.install("ar")
    window.check.hit.show_verdict(verdict)
    assert "مطابق" in plain(window.check.hit.reasons)
    window.languages.install("en")
    window.check.hit.show_verdict(verdict)
    assert plain(window.check.hit.reasons) == english
    # The hit log keeps the codes: the review screen words them in its own language.
    from borderdesk.desk.verdict import reasons_of
    logged = window.controller.desk.hits.hit(verdict.hit_id).matches[0]
    again = reasons_of(logged["reason_codes"], logged["reasons"])
    assert [r.code for r in again] == [r.code for r in verdict.matches[0].reasons]


def test_a_stolen_document_s_status_is_in_the_officer_s_language(qtbot, make_window, demo_lists):
    window = make_window(kiosk=False, language="fr")
    sign_in(qtbot, window)
    verdict = submit(qtbot, window, demo_lists["hit"])
    assert verdict.matches[0].category == "stolen"
    assert "volé" in plain(window.check.hit.lists) and "volé" in plain(window.check.hit.reasons)
