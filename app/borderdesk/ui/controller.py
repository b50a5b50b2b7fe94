"""Between the screens and the desk core: every request goes off the GUI thread.

The screens never call the core directly. They call this object, which runs
the work in a lane of :class:`~borderdesk.ui.workers.TaskRunner` and answers
with a signal on the GUI thread. It runs the desk's readers
(:class:`~borderdesk.ui.devices.Devices`: camera, serial scanner, keyboard
wedge) while an officer is at the check screen, and takes what they read
through the same check as a typed document. It keeps the lists current
(:class:`~borderdesk.ui.sync.ListSync`, from the desk's start to its quit) and
reads the desk's status afresh after each sync, which also opens the lists
just imported (the next check would anyway). It holds no rules of its own: who may
unlock is :mod:`borderdesk.desk.sessions`'s to say, what may follow a HIT is
:mod:`borderdesk.desk.flow`'s.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from ..desk import settings
from ..desk import users as users_mod
from ..desk.config import Config
from ..desk.dispositions import Disposition, DispositionError, clean_note
from ..desk.documents import NotAnMRZ
from ..desk.flow import CheckFlow, FlowError, Phase
from ..desk.passwords import MalformedHash
from ..desk.service import Desk
from ..desk.sessions import Sessions
from ..desk.users import UserStore
from .devices import Devices
from .sync import ListSync
from .workers import Outcome, TaskRunner

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 60_000
DECISION_PENDING = "decision-pending"  # a POSSIBLE MATCH or HIT is owed a decision first
NOTHING_TO_DECIDE = "nothing-to-decide"


class DeskController(QObject):
    signed_in = Signal(object)  # Session
    signed_out = Signal()
    auth_failed = Signal(object)  # the exception: the screen words it
    locked = Signal()
    unlocked = Signal()
    supervisor_ok = Signal(object, str)  # User, purpose
    phase_changed = Signal(str)  # a Phase value
    verdict_ready = Signal(object)  # Verdict
    check_failed = Signal(object)  # the exception
    check_refused = Signal(str)  # why: DECISION_PENDING or NOTHING_TO_DECIDE
    disposed = Signal(object)  # DispositionRecord
    dispose_failed = Signal(object)
    status_changed = Signal(object)  # DeskStatus
    settings_saved = Signal()
    settings_failed = Signal(str)
    synced = Signal(object, object)  # the sync's Report or None, the error or None

    def __init__(self, config: Config, runner: TaskRunner, *, desk: Desk | None = None,
                 engine=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.runner = runner
        self.desk = desk or Desk(config)
        self.devices = Devices(self.desk, engine=engine, parent=self)
        self.devices.document.connect(self.submit_reading)
        self.sync = ListSync(config, runner, parent=self)
        self.sync.finished.connect(self._synced)
        self._camera_waits = False  # a camera reading was let go while a decision was owed
        self.phase_changed.connect(self._phase_changed)
        self.users = UserStore(config)
        self.sessions = Sessions.for_desk(config, self.users)
        self.flow = CheckFlow()
        self._disposing = False
        self.status = None
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._fade_timer = QTimer(self)
        self._fade_timer.setSingleShot(True)
        self._fade_timer.timeout.connect(self._fade)

    def start(self) -> None:
        """The desk's own start-up work (the hit log's retention), in the checks lane;
        then the background sync (after it: the start cleans up after a killed import,
        under the lock an import takes)."""
        self.runner.run("checks", self.desk.start, lambda o: self.sync.start())

    def close(self) -> None:
        self.sync.shutdown()
        self.devices.shutdown()
        self.runner.shutdown()
        self.desk.close()

    # -- accounts (lane "accounts": users.sqlite and scrypt) -----------------------

    def has_users(self, done) -> None:
        self.runner.run("accounts", lambda: bool(self.users.all()),
                        lambda o: done(bool(o.result) if o.error is None else True))

    def sign_in(self, badge: str, secret: str, language: str) -> None:
        def finished(o: Outcome) -> None:
            if o.error is not None:
                self._auth_error(o.error)
                return
            self.sessions.start(o.result, language)
            self.desk.officer = o.result.badge  # the hit log's "officer" for what follows
            self.flow = CheckFlow()
            self._status_timer.start()
            self.refresh_status()
            self.devices.start()
            self.signed_in.emit(self.sessions.current)
        self.runner.run("accounts", lambda: self.users.authenticate(badge, secret), finished)

    def sign_out(self) -> None:
        if self.flow.blocking:
            self.check_refused.emit(DECISION_PENDING)
            return
        self.devices.stop()
        self.sessions.sign_out()
        self.desk.officer = ""
        self._status_timer.stop()
        self.signed_out.emit()

    def lock(self, reason: str = "on demand") -> None:
        if self.sessions.current is not None and not self.sessions.locked:
            self.devices.stop()
            self.sessions.lock(reason)
            self.locked.emit()

    def unlock(self, badge: str, secret: str) -> None:
        def finished(o: Outcome) -> None:
            if o.error is not None:
                self._auth_error(o.error)
                return
            try:
                self.sessions.unlock_as(o.result)
            except users_mod.AuthError as exc:
                self._auth_error(exc)
                return
            self.devices.start()
            self.unlocked.emit()
        self.runner.run("accounts", lambda: self.users.authenticate(badge, secret), finished)

    def authorise_supervisor(self, badge: str, secret: str, purpose: str) -> None:
        def finished(o: Outcome) -> None:
            if o.error is not None:
                self._auth_error(o.error)
            else:
                self.supervisor_ok.emit(o.result, purpose)
        self.runner.run("accounts", lambda: self.users.authorise_supervisor(badge, secret),
                        finished)

    def touch(self) -> None:
        self.sessions.touch()

    def check_idle(self) -> None:
        if self.sessions.idle_expired():
            self.lock("idle")

    def _auth_error(self, error: BaseException) -> None:
        if not isinstance(error, (users_mod.UserError, MalformedHash, sqlite3.Error, OSError)):
            log.error("sign-in failed unexpectedly: %r", error)
        self.auth_failed.emit(error)

    # -- checks (lane "checks": parsing, screening, the hit log) ------------------

    def submit(self, text: str, source: str) -> bool:
        """Check MRZ text read from ``source``; False (and ``check_refused``) when not taken."""
        if self.sessions.current is None or self.sessions.locked:
            return False
        try:
            self.flow.reading()
        except FlowError:
            self.check_refused.emit(DECISION_PENDING if self.flow.blocking else NOTHING_TO_DECIDE)
            return False
        self._fade_timer.stop()
        self.phase_changed.emit(self.flow.phase.value)

        def finished(o: Outcome) -> None:
            if o.error is not None:
                self.flow.failed()
                if not isinstance(o.error, NotAnMRZ):
                    log.error("a check failed: %s", type(o.error).__name__)
                self.check_failed.emit(o.error)
                self.phase_changed.emit(self.flow.phase.value)
                return
            self.flow.shown(o.result)
            self.verdict_ready.emit(o.result)
            self.phase_changed.emit(self.flow.phase.value)
            if self.flow.fades():
                self._fade_timer.start(int(self.config.ui.clear_seconds * 1000))
        officer = self.sessions.user.badge
        self.runner.run("checks", lambda: self.desk.check(text, source=source, officer=officer),
                        finished)
        return True

    def submit_reading(self, reading) -> bool:
        """A document a reader read (camera, scanner): checked like any other.

        One that comes while another is being checked (the same passport
        scanned and in front of the camera) is let go: the officer sees that
        check. The camera's, while a decision is owed, is let go without a
        word (the officer did nothing; the passport may just have moved) and
        read again once the decision is made.
        """
        if self.flow.phase is Phase.READING:
            log.info("a %s reading came during a check; not taken", reading.source)
            return False
        if reading.source == "camera" and self.flow.blocking:
            log.info("a camera reading came while a decision is owed; read again after it")
            self._camera_waits = True
            return False
        return self.submit(reading.text, reading.source)

    def _phase_changed(self, phase: str) -> None:
        if self._camera_waits and self.flow.can_take_document():
            self._camera_waits = False
            self.devices.forget_camera()

    def next_document(self) -> bool:
        """The "next" key (or the foot pedal)."""
        self._fade_timer.stop()
        moved = self.flow.next()
        if moved:
            self.phase_changed.emit(self.flow.phase.value)
        elif self.flow.blocking:
            self.check_refused.emit(DECISION_PENDING)
        return moved

    def _fade(self) -> None:
        if self.flow.fades():
            self.flow.faded()
            self.phase_changed.emit(self.flow.phase.value)

    def decide_possible(self, same_person: bool) -> None:
        verdict = self.flow.verdict
        try:
            self.flow.possible_decided(same_person)
        except FlowError:
            self.check_refused.emit(DECISION_PENDING if self.flow.blocking else NOTHING_TO_DECIDE)
            return
        if not same_person:
            self._record(verdict, Disposition.NOT_SAME_PERSON, "")
        self.phase_changed.emit(self.flow.phase.value)

    def dispose(self, disposition: Disposition | str, note: str) -> None:
        """Record the disposition of the HIT on screen; the desk goes on once it is written."""
        verdict = self.flow.verdict
        if self.flow.phase is not Phase.DISPOSING or verdict is None:
            self.check_refused.emit(NOTHING_TO_DECIDE)
            return
        if self._disposing:
            return  # one is on its way to the hit log (a key pressed twice)

        def finished(o: Outcome) -> None:
            self._disposing = False
            if o.error is not None:
                self.dispose_failed.emit(o.error)
                return
            self.flow.disposed()
            self.disposed.emit(o.result)
            self.phase_changed.emit(self.flow.phase.value)
        officer = self.sessions.user.badge
        try:  # the note rule is checked at once, so the screen can say so
            clean_note(disposition, note)
        except DispositionError as exc:
            self.dispose_failed.emit(exc)
            return
        self._disposing = True
        self.runner.run("checks", lambda: self.desk.dispose(verdict, disposition, note, officer),
                        finished)

    def _record(self, verdict, disposition: Disposition, note: str) -> None:
        officer = self.sessions.user.badge

        def finished(o: Outcome) -> None:
            if o.error is not None:
                self.dispose_failed.emit(o.error)
            else:
                self.disposed.emit(o.result)
        self.runner.run("checks", lambda: self.desk.dispose(verdict, disposition, note, officer),
                        finished)

    # -- settings (lane "background": config.toml) ---------------------------------

    def save_settings(self, changes: dict) -> None:
        """Write the supervisor's settings; the running desk takes them at once."""
        if not (self.sessions.current and self.sessions.user.is_supervisor):
            self.settings_failed.emit("only a supervisor may change the settings")
            return

        def finished(o: Outcome) -> None:
            if o.error is not None:
                self.settings_failed.emit(str(o.error))
                return
            for section, values in changes.items():
                for key, value in values.items():
                    setattr(getattr(self.config, section), key, value)
            self.sessions.idle_seconds = self.config.desk.idle_lock_minutes * 60
            if "scanner" in changes:
                self.devices.scanner_changed()
            self.settings_saved.emit()
        self.runner.run("background", lambda: settings.save(self.config, changes), finished)

    # -- sync (its own thread, or lane "background") and status -------------------

    def sync_now(self) -> bool:
        """A supervisor's "sync now"; False (and nothing done) without a sync source."""
        if not (self.sessions.current and self.sessions.user.is_supervisor):
            return False
        return self.sync.sync_soon()

    def _synced(self, report, error) -> None:
        if error is not None:
            log.warning("the lists' sync failed: %s", type(error).__name__)
        elif report.imported:
            log.info("lists synced: version %s to %s", report.held_before, report.held_after)
        self.refresh_status()  # the new version and the last sync (or the error)
        self.synced.emit(report, error)

    # -- status (lane "background": list files, sync state) -----------------------

    def refresh_status(self) -> None:
        def finished(o: Outcome) -> None:
            if o.error is None:
                self.status = o.result
                self.status_changed.emit(o.result)
            else:
                log.error("the desk status could not be read: %s", type(o.error).__name__)
        self.runner.run("background", self.desk.status, finished)
