"""The people who may use a desk: badge ids, PINs or passwords, roles, lockout.

Users live in one SQLite file in the desk's data directory (``users.sqlite``);
they never leave the desk, so the standard library's ``sqlite3`` is enough.
Secrets are kept only as scrypt hashes (:mod:`borderdesk.desk.passwords`).

Two roles: an *officer* checks documents; a *supervisor* does too, and also
reviews the hit log, unlocks any officer's desk and leaves kiosk mode. The
first supervisor is made at set-up with ``borderdesk users add BADGE --role
supervisor``; a desk with no user says so on its sign-in screen.

After ``[users] max_failures`` wrong secrets in a row a badge is locked for
``[users] lockout_minutes``; ``borderdesk users reset`` (a new secret) lifts
the lock. An unknown badge and a wrong secret get the same answer and take the
same time, so the sign-in screen does not tell which badges exist.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path

from .config import Config
from .passwords import hash_secret, verify_secret

log = logging.getLogger(__name__)

FILE_NAME = "users.sqlite"
BADGE_RE = re.compile(r"[A-Z0-9][A-Z0-9._-]{0,31}")
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    badge TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor')),
    secret_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    secret_changed_at TEXT NOT NULL
);
"""


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"


class UserError(ValueError):
    """Something about a user or a sign-in is wrong; the message says what."""


class InvalidBadge(UserError):
    """A badge id that is not 1-32 letters, digits, dots, dashes or underscores."""


class WeakSecret(UserError):
    """A PIN or password shorter than the desk's minimum."""


class UnknownUser(UserError):
    """No user with that badge (for administration; sign-in says BadCredentials)."""


class UserExists(UserError):
    """A user with that badge already exists."""


class UsersFileError(UserError):
    """The users file cannot be read or written (damaged, not a database, disk full)."""


class AuthError(UserError):
    """A sign-in, unlock or authorisation was refused."""


class BadCredentials(AuthError):
    """Unknown badge or wrong secret: deliberately not told apart."""


class AccountDisabled(AuthError):
    """The badge has been disabled."""


class AccountLocked(AuthError):
    """Too many wrong secrets: the badge is locked until ``until``."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


class NotSupervisor(AuthError):
    """The action needs a supervisor and the credentials are an officer's."""


@dataclass(frozen=True, slots=True)
class User:
    badge: str
    name: str
    role: Role
    disabled: bool = False
    locked_until: datetime | None = None

    @property
    def is_supervisor(self) -> bool:
        return self.role is Role.SUPERVISOR


def normalise_badge(badge: str) -> str:
    """Badge ids compare case-insensitively, without surrounding spaces."""
    clean = badge.strip().upper()
    if not BADGE_RE.fullmatch(clean):
        raise InvalidBadge(f"badge id {badge!r} must be 1 to 32 letters, digits, '.', '-' or '_'")
    return clean


def _now() -> datetime:
    return datetime.now(timezone.utc)


class UserStore:
    """The users of one desk, in ``<data dir>/users.sqlite``."""

    def __init__(self, config: Config, *, clock: Callable[[], datetime] = _now) -> None:
        self.path: Path = config.data_dir / FILE_NAME
        self.settings = config.users
        self.clock = clock
        self._decoy: str | None = None
        with self._db() as db:
            db.execute(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        # One short connection per operation: safe from any thread.
        try:
            db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise UsersFileError(f"{self.path} cannot be opened: {exc}") from exc
        try:
            db.execute("PRAGMA synchronous = FULL")
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise UsersFileError(f"{self.path} cannot be used ({exc}); "
                                 "restore it from a backup or make it afresh") from exc
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    def _waste_time(self, secret: str) -> None:
        """Hash as for a real badge, so an unknown badge takes as long to refuse."""
        if self._decoy is None:
            self._decoy = hash_secret("decoy", cost_log2=self.settings.hash_cost_log2)
        verify_secret(secret, self._decoy)

    def _check_secret_policy(self, secret: str) -> None:
        minimum = self.settings.min_secret_length
        if len(secret) < minimum:
            raise WeakSecret(f"a PIN or password needs at least {minimum} characters")

    # -- administration ---------------------------------------------------------

    def add(self, badge: str, secret: str, role: Role | str = Role.OFFICER, name: str = "") -> User:
        badge = normalise_badge(badge)
        role = Role(role)
        self._check_secret_policy(secret)
        stored = hash_secret(secret, cost_log2=self.settings.hash_cost_log2)
        now = self.clock().isoformat()
        with self._db() as db:
            if db.execute("SELECT 1 FROM users WHERE badge = ?", (badge,)).fetchone():
                raise UserExists(f"badge {badge} already exists")
            db.execute("INSERT INTO users (badge, name, role, secret_hash, created_at, "
                       "secret_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
                       (badge, name.strip(), role.value, stored, now, now))
        log.info("user %s added as %s", badge, role.value)
        return User(badge, name.strip(), role)

    def disable(self, badge: str) -> User:
        badge = normalise_badge(badge)
        with self._db() as db:
            if not db.execute("UPDATE users SET disabled = 1 WHERE badge = ?", (badge,)).rowcount:
                raise UnknownUser(f"no user with badge {badge}")
        log.info("user %s disabled", badge)
        return self.get(badge)

    def reset(self, badge: str, secret: str, *, enable: bool = True) -> User:
        """A new secret; clears the failure count and any lockout (and re-enables)."""
        badge = normalise_badge(badge)
        self._check_secret_policy(secret)
        stored = hash_secret(secret, cost_log2=self.settings.hash_cost_log2)
        with self._db() as db:
            changed = db.execute(
                "UPDATE users SET secret_hash = ?, failures = 0, locked_until = NULL, "
                "secret_changed_at = ?" + (", disabled = 0" if enable else "")
                + " WHERE badge = ?", (stored, self.clock().isoformat(), badge)).rowcount
            if not changed:
                raise UnknownUser(f"no user with badge {badge}")
        log.info("user %s reset", badge)
        return self.get(badge)

    def get(self, badge: str) -> User:
        badge = normalise_badge(badge)
        with self._db() as db:
            row = db.execute("SELECT badge, name, role, disabled, locked_until FROM users "
                             "WHERE badge = ?", (badge,)).fetchone()
        if row is None:
            raise UnknownUser(f"no user with badge {badge}")
        return self._user(row)

    def all(self) -> list[User]:
        with self._db() as db:
            rows = db.execute("SELECT badge, name, role, disabled, locked_until FROM users "
                              "ORDER BY badge").fetchall()
        return [self._user(r) for r in rows]

    def has_supervisor(self) -> bool:
        with self._db() as db:
            return db.execute("SELECT 1 FROM users WHERE role = 'supervisor' AND disabled = 0"
                              ).fetchone() is not None

    @staticmethod
    def _user(row) -> User:
        badge, name, role, disabled, locked = row
        return User(badge, name, Role(role), bool(disabled),
                    datetime.fromisoformat(locked) if locked else None)

    # -- sign-in ----------------------------------------------------------------

    def authenticate(self, badge: str, secret: str) -> User:
        """The user whose badge and secret these are; raises an :class:`AuthError`."""
        try:
            badge = normalise_badge(badge)
        except InvalidBadge:
            self._waste_time(secret)
            raise BadCredentials("badge or PIN not recognised") from None
        now = self.clock()
        with self._db() as db:
            row = db.execute("SELECT name, role, secret_hash, disabled, failures, locked_until "
                             "FROM users WHERE badge = ?", (badge,)).fetchone()
            if row is None:
                self._waste_time(secret)
                raise BadCredentials("badge or PIN not recognised")
            name, role, stored, disabled, failures, locked = row
            locked_until = datetime.fromisoformat(locked) if locked else None
            if locked_until is not None and locked_until > now:
                raise AccountLocked(f"badge {badge} is locked after too many wrong attempts",
                                    locked_until)
            ok = verify_secret(secret, stored)
            if ok:
                db.execute("UPDATE users SET failures = 0, locked_until = NULL WHERE badge = ?",
                           (badge,))
            else:
                failures += 1
                locked_until = None
                if failures >= self.settings.max_failures:
                    locked_until = now + timedelta(minutes=self.settings.lockout_minutes)
                    failures = 0
                    log.warning("badge %s locked after repeated wrong attempts", badge)
                db.execute("UPDATE users SET failures = ?, locked_until = ? WHERE badge = ?",
                           (failures, locked_until and locked_until.isoformat(), badge))
        if not ok:
            if locked_until is not None:
                raise AccountLocked(f"badge {badge} is locked after too many wrong attempts",
                                    locked_until)
            raise BadCredentials("badge or PIN not recognised")
        if disabled:
            raise AccountDisabled(f"badge {badge} is disabled")
        return User(badge, name, Role(role))

    def authorise_supervisor(self, badge: str, secret: str) -> User:
        """A supervisor's credentials, for what only a supervisor may do."""
        user = self.authenticate(badge, secret)
        if not user.is_supervisor:
            raise NotSupervisor("this needs a supervisor's badge")
        return user
