"""The sign-in screen: language first, then badge and PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from . import theme
from .credentials import CredentialsForm
from .i18n import LANGUAGES, NATIVE_NAMES, t


class SignInScreen(QWidget):
    """Emits ``language_chosen`` when a language button is pressed, and the credentials."""

    language_chosen = Signal(str)
    submitted = Signal(str, str)

    def __init__(self, desk_id: str, checkpoint: str, language: str,
                 demo_users: tuple = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 30)

        languages = QHBoxLayout()
        self.language_buttons = QButtonGroup(self)
        for lang in LANGUAGES:
            button = QPushButton(NATIVE_NAMES[lang])
            button.setCheckable(True)
            button.setChecked(lang == language)
            button.setFont(theme.font(1.2, bold=True))
            button.setObjectName(f"language-{lang}")
            button.clicked.connect(lambda _=False, lang=lang: self.language_chosen.emit(lang))
            self.language_buttons.addButton(button)
            languages.addWidget(button)
        languages.addStretch(1)
        outer.addLayout(languages)
        outer.addStretch(1)

        centre = QHBoxLayout()
        centre.addStretch(1)
        column = QVBoxLayout()
        heading = QLabel("borderdesk")
        heading.setFont(theme.font(2.4, bold=True))
        where = QLabel(t("SignIn", "Desk {desk} · {checkpoint}").format(
            desk=desk_id, checkpoint=checkpoint))
        where.setObjectName("muted")
        where.setFont(theme.font(1.2))
        column.addWidget(heading)
        column.addWidget(where)
        self.form = CredentialsForm(t("SignIn", "Sign in"), t("SignIn", "Sign in"))
        self.form.setMinimumWidth(460)
        self.form.submitted.connect(self.submitted)
        column.addWidget(self.form)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setFont(theme.font(1.1))
        self.notice.hide()
        column.addWidget(self.notice)
        if demo_users:
            lines = [t("SignIn", "Demo desk. Sign in as:")]
            for badge, pin, role in demo_users:
                who = t("SignIn", "supervisor") if role == "supervisor" else t("SignIn", "officer")
                lines.append(t("SignIn", "{role}: badge {badge}, PIN {pin}").format(
                    role=who, badge=badge, pin=pin))
            demo = QLabel("\n".join(lines))
            demo.setObjectName("muted")
            demo.setFont(theme.font(1.1))
            column.addWidget(demo)
        centre.addLayout(column)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self.setFocusProxy(self.form.badge)

    def show_no_users(self) -> None:
        self.notice.setText(t("SignIn", "No user can sign in at this desk yet. The "
                                        "administrator creates the first supervisor with: "
                                        "borderdesk users add BADGE --role supervisor"))
        self.notice.setStyleSheet(theme.badge_style(theme.WARNING))
        self.notice.show()

    def show_error(self, error: BaseException) -> None:
        self.form.show_error(error)

    def reset(self) -> None:
        self.form.reset()
        self.form.badge.setFocus(Qt.OtherFocusReason)
