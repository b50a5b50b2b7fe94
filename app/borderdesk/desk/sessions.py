"""Who is at the desk now: sign-in, sign-out, idle lock and lock on demand.

A :class:`Sessions` object holds at most one signed-in user. The desk locks
after ``[desk] idle_lock_minutes`` without input (0 turns that off) and
whenever the officer asks; a locked desk opens again for the same officer's
secret or a supervisor's badge and secret. Any other officer signs the first
one out and starts a session of their own.

The faces tell it about input (:meth:`Sessions.touch`) and ask it, now and
then, whether the idle time has run out (:meth:`Sessions.idle_expired`); the
clock is injected so tests need not wait.

>>> from borderdesk.desk.users import User, Role
>>> t = [0.0]
>>> s = Sessions(None, idle_seconds=60, clock=lambda: t[0])
>>> s.start(User("A1", "", Role.OFFICER), "fr")
>>> t[0] = 59.0; s.idle_expired()
False
>>> t[0] = 60.0; s.idle_expired()
True
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from .config import Config
from .users import AuthError, NotSupervisor, User, UserStore

log = logging.getLogger(__name__)


class NotSignedIn(AuthError):
    """An operation needs a signed-in user and there is none."""


@dataclass(frozen=True, slots=True)
class Session:
    user: User
    language: str
    locked: bool = False


class Sessions:
    """The one session of a desk, its idle clock and its lock."""

    def __init__(self, users: UserStore | None, *, idle_seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.users = users
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.current: Session | None = None
        self._last_input = clock()

    @classmethod
    def for_desk(cls, config: Config, users: UserStore) -> Sessions:
        return cls(users, idle_seconds=config.desk.idle_lock_minutes * 60)

    # -- signing in and out -------------------------------------------------------

    def sign_in(self, badge: str, secret: str, language: str) -> Session:
        """Check the credentials (slow: scrypt) and open a session."""
        user = self.users.authenticate(badge, secret)
        self.start(user, language)
        return self.current

    def start(self, user: User, language: str) -> None:
        if self.current is not None:
            self.sign_out()
        self.current = Session(user, language)
        self._last_input = self.clock()
        log.info("%s %s signed in", user.role.value, user.badge)

    def sign_out(self) -> None:
        if self.current is not None:
            log.info("%s signed out", self.current.user.badge)
        self.current = None

    @property
    def user(self) -> User:
        if self.current is None:
            raise NotSignedIn("nobody is signed in")
        return self.current.user

    @property
    def locked(self) -> bool:
        return self.current is not None and self.current.locked

    # -- locking ----------------------------------------------------------------

    def touch(self) -> None:
        """Input from the person at the desk: the idle clock starts again."""
        self._last_input = self.clock()

    def idle_expired(self) -> bool:
        """True when a signed-in, unlocked desk has been idle for the configured time."""
        if self.current is None or self.current.locked or self.idle_seconds <= 0:
            return False
        return self.clock() - self._last_input >= self.idle_seconds

    def lock(self, reason: str = "on demand") -> None:
        if self.current is not None and not self.current.locked:
            self.current = Session(self.current.user, self.current.language, locked=True)
            log.info("desk locked (%s)", reason)

    def unlock(self, badge: str, secret: str) -> Session:
        """Open the lock: the same user's secret, or any supervisor's credentials.

        Another officer's correct credentials are refused here (the lock screen
        offers them a sign-in of their own instead).
        """
        if self.current is None:
            raise NotSignedIn("nobody is signed in")
        return self.unlock_as(self.users.authenticate(badge, secret))

    def unlock_as(self, user: User) -> Session:
        """Open the lock for ``user``, whose credentials have been checked."""
        if self.current is None:
            raise NotSignedIn("nobody is signed in")
        if user.badge != self.current.user.badge and not user.is_supervisor:
            raise NotSupervisor("only the signed-in officer or a supervisor can unlock this desk")
        self.current = Session(self.current.user, self.current.language, locked=False)
        self._last_input = self.clock()
        log.info("desk unlocked by %s", user.badge)
        return self.current

    def authorise_supervisor(self, badge: str, secret: str) -> User:
        """A supervisor's credentials, e.g. to leave kiosk mode."""
        return self.users.authorise_supervisor(badge, secret)
