"""The check screen: camera, the document read, the verdict, the status bar.

It shows what :class:`~borderdesk.ui.controller.DeskController` says and
passes on what the officer does; the rules live in the desk core. Keys:

* the "next" key (``[ui] next_key``, F12 by default: a foot pedal sends it);
* 1 / 2 to decide a POSSIBLE MATCH; 1 to 4 for a HIT's disposition;
* F2 type a document in; F8 settings and F9 the hit log review (supervisors); F10 lock.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ..desk.dispositions import DispositionError
from ..desk.documents import NotAnMRZ
from ..desk.flow import Phase
from ..desk.verdict import Verdict
from . import texts, theme
from .camera_view import CameraView, camera_state_words, guidance_words
from .controller import DECISION_PENDING, DeskController
from .document_panel import DocumentPanel
from .i18n import t
from .sound import Alert
from .status_bar import StatusBar
from .verdict_panels import HitPanel, PossibleMatchPanel, VerdictBanner

MESSAGE_MS = 4000


def phase_words(phase: str) -> str:
    return {
        Phase.WAITING: t("Check", "Waiting for a document"),
        Phase.READING: t("Check", "Reading…"),
        Phase.SHOWING: t("Check", "Read"),
        Phase.DECIDING: t("Check", "Decide: the same person?"),
        Phase.DISPOSING: t("Check", "Record the disposition"),
    }[Phase(phase)]


def refusal_words(code: str) -> str:
    if code == DECISION_PENDING:
        return t("Check", "Finish the decision on the current document first.")
    return t("Check", "There is nothing to decide.")


def failure_words(error: BaseException) -> str:
    if isinstance(error, NotAnMRZ):
        return t("Check", "This is not a readable MRZ. Try again, or type the document in (F2).")
    if isinstance(error, DispositionError):
        return t("Check", "A disposition of 'other' needs a note saying what happened.")
    return t("Check", "The check could not be completed ({error}). Try again; if it "
                      "happens again, call the supervisor.").format(error=type(error).__name__)


class CheckScreen(QWidget):
    manual_requested = Signal()
    review_requested = Signal()
    settings_requested = Signal()
    lock_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, controller: DeskController, alert: Alert,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.alert = alert
        self.next_key = QKeySequence(controller.config.ui.next_key)[0].key()
        controller.settings_saved.connect(self._settings_saved)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 6)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.phase = QLabel()
        self.phase.setFont(theme.font(1.35, bold=True))
        self.phase.setWordWrap(True)
        self.phase.setObjectName("phase")
        top.addWidget(self.phase, 1)
        key_name = QKeySequence(self.next_key).toString(QKeySequence.NativeText)
        self.buttons = {
            "manual": QPushButton(t("Check", "Type in [F2]")),
            "next": QPushButton(t("Check", "Next [{key}]").format(key=key_name)),
            "review": QPushButton(t("Check", "Hit log [F9]")),
            "settings": QPushButton(t("Check", "Settings [F8]")),
            "lock": QPushButton(t("Check", "Lock [F10]")),
            "sign_out": QPushButton(t("Check", "Sign out")),
        }
        for name, button in self.buttons.items():
            button.setFont(theme.font(1.1, bold=True))
            button.setObjectName(f"button-{name}")
            top.addWidget(button)
        self.buttons["manual"].clicked.connect(self.manual_requested)
        self.buttons["next"].clicked.connect(controller.next_document)
        self.buttons["review"].clicked.connect(self.review_requested)
        self.buttons["settings"].clicked.connect(self.settings_requested)
        self.buttons["lock"].clicked.connect(self.lock_requested)
        self.buttons["sign_out"].clicked.connect(self.sign_out_requested)
        outer.addLayout(top)

        self.list_warning = QLabel()
        self.list_warning.setObjectName("list-warning")
        self.list_warning.setFont(theme.font(1.15, bold=True))
        self.list_warning.setWordWrap(True)
        self.list_warning.hide()
        outer.addWidget(self.list_warning)

        body = QHBoxLayout()
        self.camera = CameraView()
        self.camera_live = False  # frames are coming
        self.guidance = "waiting"
        self.camera.set_unavailable(camera_state_words("off"))
        body.addWidget(self.camera, 2)
        right = QVBoxLayout()
        self.banner = VerdictBanner()
        right.addWidget(self.banner)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setFont(theme.font(1.2, bold=True))
        self.message.setStyleSheet(theme.badge_style(theme.WARNING))
        self.message.hide()
        right.addWidget(self.message)
        self.stack = QStackedWidget()
        self.document = DocumentPanel()
        self.possible = PossibleMatchPanel()
        self.stack.addWidget(self.document)
        self.stack.addWidget(self.possible)
        right.addWidget(self.stack, 1)
        body.addLayout(right, 3)
        outer.addLayout(body, 1)
        self.status = StatusBar()
        outer.addWidget(self.status)

        self.hit = HitPanel(self)
        self.hit.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)

        self.possible.decided.connect(controller.decide_possible)
        self.hit.disposition.connect(controller.dispose)
        controller.phase_changed.connect(self.show_phase)
        controller.verdict_ready.connect(self.show_verdict)
        controller.check_failed.connect(lambda e: self.say(failure_words(e)))
        controller.check_refused.connect(lambda m: self.say(refusal_words(m)))
        controller.disposed.connect(self._disposed)
        controller.dispose_failed.connect(self._dispose_failed)
        controller.status_changed.connect(self.show_status)
        devices = controller.devices
        devices.frame.connect(self._show_frame)
        devices.guidance.connect(self.show_guidance)
        devices.camera_state.connect(self.show_camera_state)
        devices.scanner_state.connect(self.status.set_scanner)
        self.setFocusPolicy(Qt.StrongFocus)
        self.show_phase(controller.flow.phase.value)

    # -- what the controller says ------------------------------------------------

    def set_officer(self, badge: str, name: str, supervisor: bool) -> None:
        self.status.set_officer(badge, name)
        self.buttons["review"].setVisible(supervisor)
        self.buttons["settings"].setVisible(supervisor)

    def show_phase(self, phase: str) -> None:
        self.phase.setText(phase_words(phase))
        self._camera_words()
        if phase == Phase.WAITING:
            self.banner.show_waiting(phase_words(phase))
            self.document.clear()
            self.stack.setCurrentWidget(self.document)
            self.hide_hit()
        if phase == Phase.DISPOSING and not self.hit.isVisible():
            # A possible match the officer judged the same person: on as a HIT.
            self.show_hit(self.controller.flow.verdict)
        self.buttons["next"].setEnabled(phase in (Phase.SHOWING, Phase.WAITING))

    def show_camera_state(self, code: str, reason: str) -> None:
        self.status.set_camera(code, reason)
        self.camera_live = code in ("ok", "replay")
        if not self.camera_live:
            self.guidance = "waiting"
            self.camera.set_unavailable(camera_state_words(code))
        self._camera_words()

    def _show_frame(self, image, band) -> None:
        if self.camera_live:  # not a frame still on its way when the camera stopped
            first = self.camera.image is None
            self.camera.show_frame(image, band)
            if first:
                self._camera_words()

    def show_guidance(self, code: str) -> None:
        self.guidance = code
        self._camera_words()

    def _camera_words(self) -> None:
        """The camera's state under its picture: what it sees while the desk takes documents,
        else where the check is. Without a picture, nothing: the pane says why there is none,
        and the phase is said beside the verdict (a scanner's read is not the camera's)."""
        if self.camera.image is None:
            self.camera.set_state("off")
            return
        phase = self.controller.flow.phase
        if self.camera_live and phase in (Phase.WAITING, Phase.SHOWING):
            state = {"waiting": "waiting", "read": "read"}.get(self.guidance, "reading")
            self.camera.set_state(state, guidance_words(self.guidance))
            return
        state = {Phase.WAITING: "waiting", Phase.READING: "reading"}.get(phase, "read")
        self.camera.set_state(state, phase_words(phase))

    def show_verdict(self, verdict: Verdict) -> None:
        self.message.hide()
        self.banner.show_level(verdict)
        self.document.show_verdict(verdict)
        level = str(verdict.level)
        if level == "POSSIBLE":
            self.possible.show_verdict(verdict)
            self.stack.setCurrentWidget(self.possible)
            self.possible.setFocus()
        else:
            self.stack.setCurrentWidget(self.document)
        if level == "HIT":
            self.show_hit(verdict)
        if verdict.hit_log_error:
            self.say(QCoreApplication.translate(
                "Check", "The hit could not be written to the hit log. Call the supervisor."),
                sticky=True)

    def show_hit(self, verdict: Verdict) -> None:
        self.hit.show_verdict(verdict)
        self.hit.setGeometry(self.rect())
        self.hit.show()
        self.hit.raise_()
        self.hit.setFocus()
        self.alert.play()

    def hide_hit(self) -> None:
        if self.hit.isVisible():
            self.hit.hide()
            self.alert.stop()
            self.setFocus()

    def _disposed(self, record) -> None:
        if self.controller.flow.phase is not Phase.DISPOSING:
            self.hide_hit()

    def _dispose_failed(self, error: BaseException) -> None:
        if self.hit.isVisible():
            self.hit.show_error(failure_words(error))
        else:
            self.say(failure_words(error), sticky=True)

    def show_status(self, status) -> None:
        self.status.set_status(status)
        state = status.watchlist.state
        words = texts.LIST_WARNING.get(state)
        if words:
            self.list_warning.setText(texts.say(texts.LIST_WARNING, state))
            self.list_warning.setStyleSheet(theme.badge_style(theme.LIST_STATE[state]))
            self.list_warning.show()
        else:
            self.list_warning.hide()

    def _settings_saved(self) -> None:
        self.next_key = QKeySequence(self.controller.config.ui.next_key)[0].key()
        key_name = QKeySequence(self.next_key).toString(QKeySequence.NativeText)
        self.buttons["next"].setText(t("Check", "Next [{key}]").format(key=key_name))

    def say(self, words: str, sticky: bool = False) -> None:
        if self.hit.isVisible():  # the HIT covers the screen: say it there
            self.hit.show_error(words, failed=False)
            return
        self.message.setText("⚠ " + words)
        self.message.show()
        if sticky:
            self._message_timer.stop()
        else:
            self._message_timer.start(MESSAGE_MS)

    # -- keys and size ---------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.hit.setGeometry(self.rect())

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if self.hit.isVisible():
            if key == Qt.Key_F10:
                self.lock_requested.emit()  # the officer may have to leave the desk
            else:
                self.hit.key(key)  # every other key is swallowed while a HIT is on screen
            return
        if self.stack.currentWidget() is self.possible and self.possible.key(key):
            return
        if key == self.next_key:
            self.controller.next_document()
        elif key == Qt.Key_F2:
            self.manual_requested.emit()
        elif key == Qt.Key_F9 and self.buttons["review"].isVisible():
            self.review_requested.emit()
        elif key == Qt.Key_F8 and self.buttons["settings"].isVisible():
            self.settings_requested.emit()
        elif key == Qt.Key_F10:
            self.lock_requested.emit()
        else:
            super().keyPressEvent(event)
