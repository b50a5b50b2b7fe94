"""The desk's one window: sign-in, the check screen, the lock screen; kiosk or windowed.

In kiosk mode the window is full screen with no decorations, and it closes
only for a supervisor's badge and secret (a close request, Alt+F4 included,
asks for them). The desk locks itself after the configured idle time: every
key press, mouse press, touch and wheel turn in any of its windows counts as
activity (the input watch, which also hands key presses to the keyboard wedge).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QPushButton, QStackedWidget

from ..desk.start import StartOptions
from .check_screen import CheckScreen
from .controller import DeskController
from .i18n import Languages
from .input_watch import InputWatch
from .lock import LockScreen, SupervisorPrompt
from .manual_entry import ManualEntryDialog
from .review_mount import open_review
from .settings import SettingsDialog
from .signin import SignInScreen
from .sound import Alert

IDLE_POLL_MS = 1000
MIN_SIZE = (1280, 720)
LEAVE_KIOSK = "leave-kiosk"


class DeskWindow(QMainWindow):
    def __init__(self, controller: DeskController, languages: Languages, alert: Alert, *,
                 kiosk: bool, demo_users: tuple = ()) -> None:
        super().__init__()
        self.controller = controller
        self.languages = languages
        self.alert = alert
        self.kiosk = kiosk
        self.demo_users = demo_users
        self.review_window = None
        self._may_close = not kiosk
        self.prompt: SupervisorPrompt | None = None
        self.manual: ManualEntryDialog | None = None
        self.settings: SettingsDialog | None = None
        self.setWindowTitle("borderdesk")
        self.setMinimumSize(*MIN_SIZE)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.sign_in = self.check = self.lock_screen = None
        self._build_screens()

        controller.signed_in.connect(self._signed_in)
        controller.signed_out.connect(self._signed_out)
        controller.auth_failed.connect(self._auth_failed)
        controller.locked.connect(self._locked)
        controller.unlocked.connect(self._unlocked)
        controller.supervisor_ok.connect(self._supervisor_ok)
        self._idle = QTimer(self)
        self._idle.setInterval(IDLE_POLL_MS)
        self._idle.timeout.connect(controller.check_idle)
        self._idle.start()
        self.input_watch = InputWatch(controller.touch, controller.devices.wedge, self)
        if kiosk:
            self.setWindowFlags(Qt.Window | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint)

    # -- screens -------------------------------------------------------------------

    def _build_screens(self) -> None:
        """(Re)build the screens in the current language (a language change at sign-in)."""
        for old in (self.sign_in, self.check, self.lock_screen):
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
        config = self.controller.config
        self.sign_in = SignInScreen(config.desk.desk_id, config.desk.checkpoint,
                                    self.languages.current, self.demo_users)
        self.sign_in.language_chosen.connect(self.set_language)
        self.sign_in.submitted.connect(
            lambda badge, secret: self.controller.sign_in(badge, secret, self.languages.current))
        if self.kiosk:
            leave = QPushButton(QCoreApplication.translate("Lock", "Leave kiosk mode"))
            leave.clicked.connect(self.close)
            self.sign_in.layout().addWidget(leave, 0, Qt.AlignRight)
        self.check = CheckScreen(self.controller, self.alert)
        self.check.manual_requested.connect(self.open_manual_entry)
        self.check.lock_requested.connect(lambda: self.controller.lock("on demand"))
        self.check.sign_out_requested.connect(self.controller.sign_out)
        self.check.review_requested.connect(self.open_review)
        self.check.settings_requested.connect(self.open_settings)
        self.lock_screen = LockScreen()
        self.lock_screen.submitted.connect(self.controller.unlock)
        self.lock_screen.switch_officer.connect(self.controller.sign_out)
        for screen in (self.sign_in, self.check, self.lock_screen):
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(self.sign_in)
        self.controller.has_users(self._users_known)
        self.sign_in.reset()

    def _users_known(self, any_user: bool) -> None:
        if not any_user and self.sign_in is not None:
            self.sign_in.show_no_users()

    def set_language(self, language: str) -> None:
        if language != self.languages.current:
            self.languages.install(language)
            self._build_screens()

    def current_screen(self):
        return self.stack.currentWidget()

    # -- the controller's answers ---------------------------------------------------

    def _signed_in(self, session) -> None:
        user = session.user
        self.check.set_officer(user.badge, user.name, user.is_supervisor)
        if self.controller.status is not None:
            self.check.show_status(self.controller.status)
        self.stack.setCurrentWidget(self.check)
        self.check.setFocus()

    def _signed_out(self) -> None:
        self._close_review()
        self.sign_in.reset()
        self.stack.setCurrentWidget(self.sign_in)

    def _auth_failed(self, error: BaseException) -> None:
        if self.prompt is not None and self.prompt.isVisible():
            self.prompt.show_error(error)
        elif self.stack.currentWidget() is self.lock_screen:
            self.lock_screen.show_error(error)
        else:
            self.sign_in.show_error(error)

    def _locked(self) -> None:
        self._close_review()
        if self.manual is not None:
            self.manual.reject()
        user = self.controller.sessions.user
        self.lock_screen.show_for(user.badge, user.name)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.setFocus()

    def _unlocked(self) -> None:
        self.stack.setCurrentWidget(self.check)
        self.check.setFocus()

    def _supervisor_ok(self, user, purpose: str) -> None:
        if purpose == LEAVE_KIOSK:
            self._may_close = True
            if self.prompt is not None:
                self.prompt.accept()
            self.close()

    # -- dialogs ---------------------------------------------------------------------

    def open_manual_entry(self) -> None:
        if not self.controller.flow.can_take_document():
            self.check.say(QCoreApplication.translate(
                "Check", "Finish the decision on the current document first."))
            return
        self.manual = ManualEntryDialog(self)
        self.manual.entered.connect(lambda text: self.controller.submit(text, "manual"))
        self.manual.finished.connect(lambda _: setattr(self, "manual", None))
        self.manual.open()

    def open_review(self) -> None:
        session = self.controller.sessions.current
        if session is None or not session.user.is_supervisor or session.locked:
            return
        if self.review_window is not None and self.review_window.isVisible():
            self.review_window.raise_()
            return
        self.review_window = open_review(self.controller, self, full_screen=self.kiosk)

    def _close_review(self) -> None:
        if self.review_window is not None:
            self.review_window.close()
            self.review_window = None

    def open_settings(self) -> None:
        session = self.controller.sessions.current
        if session is None or not session.user.is_supervisor:
            return
        self.settings = SettingsDialog(self.controller.config, self)
        self.settings.save_requested.connect(self.controller.save_settings)
        self.controller.settings_saved.connect(self.settings.saved)
        self.controller.settings_failed.connect(self.settings.failed)
        self.settings.sync_requested.connect(self._sync_now)
        self.controller.synced.connect(self.settings.synced)
        self.settings.open()

    def _sync_now(self) -> None:
        if not self.controller.sync_now() and self.settings is not None:
            self.settings.sync_refused()

    # -- kiosk ---------------------------------------------------------------------

    def show_for_mode(self) -> None:
        if self.kiosk:
            self.showFullScreen()
        else:
            self.resize(*MIN_SIZE)
            self.show()
        self.input_watch.watch(self.windowHandle())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._may_close:
            self.input_watch.stop()
            self.controller.sync.shutdown()  # nor a sync thread
            self.controller.devices.shutdown()  # no reader thread outlives the window
            event.accept()
            return
        event.ignore()
        if self.prompt is None or not self.prompt.isVisible():
            self.prompt = SupervisorPrompt(QCoreApplication.translate(
                "Lock", "Leaving kiosk mode needs a supervisor's badge and PIN."), self)
            self.prompt.submitted.connect(
                lambda b, s: self.controller.authorise_supervisor(b, s, LEAVE_KIOSK))
            self.prompt.open()


def kiosk_from(options: StartOptions, configured: bool) -> bool:
    return configured if options.kiosk is None else options.kiosk
