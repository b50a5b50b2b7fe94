"""Users, secrets and lockout (desk core, no Qt)."""

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from borderdesk.desk.config import Config
from borderdesk.desk.passwords import MalformedHash, hash_secret, verify_secret
from borderdesk.desk.users import (
    AccountDisabled,
    AccountLocked,
    BadCredentials,
    InvalidBadge,
    NotSupervisor,
    Role,
    UnknownUser,
    UserExists,
    UserStore,
    WeakSecret,
)


@pytest.fixture
def config():
    config = Config.load()
    config.users.hash_cost_log2 = 10  # the scheme is the same; only the cost is lighter
    return config


@pytest.fixture
def store(config):
    return UserStore(config)


def test_the_file_holds_no_secret_in_clear(store, config):
    store.add("a100", "493817", Role.OFFICER, "Amina")
    raw = (config.data_dir / "users.sqlite").read_bytes()
    assert b"493817" not in raw
    with sqlite3.connect(config.data_dir / "users.sqlite") as db:
        (stored,) = db.execute("SELECT secret_hash FROM users").fetchone()
    scheme, log2_n, r, p, salt, digest = stored.split("$")
    assert (scheme, log2_n, r, p) == ("scrypt", "10", "8", "1")


def test_salts_differ_for_the_same_secret():
    assert hash_secret("123456", cost_log2=10) != hash_secret("123456", cost_log2=10)


def test_a_hash_keeps_its_own_cost():
    stored = hash_secret("secret-1", cost_log2=11)
    assert verify_secret("secret-1", stored)


def test_a_damaged_hash_is_told(store):
    with pytest.raises(MalformedHash):
        verify_secret("x", "md5$abc")


def test_sign_in_with_badge_in_any_case(store):
    store.add("a100", "493817", Role.SUPERVISOR)
    user = store.authenticate(" A100 ", "493817")
    assert user.badge == "A100" and user.is_supervisor


def test_unknown_badge_and_wrong_secret_get_the_same_answer(store):
    store.add("A100", "493817")
    with pytest.raises(BadCredentials) as wrong:
        store.authenticate("A100", "000000")
    with pytest.raises(BadCredentials) as unknown:
        store.authenticate("B200", "493817")
    with pytest.raises(BadCredentials):
        store.authenticate("not a badge!", "493817")
    assert str(wrong.value) == str(unknown.value)


def test_weak_secret_and_bad_badge_are_refused(store):
    with pytest.raises(WeakSecret):
        store.add("A100", "123")
    with pytest.raises(InvalidBadge):
        store.add("A 100", "123456")
    store.add("A100", "123456")
    with pytest.raises(UserExists):
        store.add("a100", "654321")


def test_lockout_after_repeated_failures_and_reset_lifts_it(config):
    now = [datetime(2026, 5, 1, 8, 0, tzinfo=timezone.utc)]
    store = UserStore(config, clock=lambda: now[0])
    store.add("A100", "493817")
    for _ in range(config.users.max_failures - 1):
        with pytest.raises(BadCredentials):
            store.authenticate("A100", "111111")
    with pytest.raises(AccountLocked) as locked:
        store.authenticate("A100", "111111")
    assert locked.value.until == now[0] + timedelta(minutes=config.users.lockout_minutes)
    # Locked: even the right secret is refused until the time is up.
    with pytest.raises(AccountLocked):
        store.authenticate("A100", "493817")
    now[0] += timedelta(minutes=config.users.lockout_minutes, seconds=1)
    assert store.authenticate("A100", "493817").badge == "A100"
    # A reset lifts a lock at once.
    for _ in range(config.users.max_failures):
        with pytest.raises((BadCredentials, AccountLocked)):
            store.authenticate("A100", "111111")
    store.reset("A100", "777777")
    assert store.authenticate("A100", "777777").badge == "A100"


def test_a_success_clears_the_failure_count(store, config):
    store.add("A100", "493817")
    for _ in range(3):
        for _ in range(config.users.max_failures - 1):
            with pytest.raises(BadCredentials):
                store.authenticate("A100", "111111")
        store.authenticate("A100", "493817")


def test_disabled_badge_cannot_sign_in_and_reset_enables(store):
    store.add("A100", "493817")
    store.disable("A100")
    with pytest.raises(AccountDisabled):
        store.authenticate("A100", "493817")
    store.reset("A100", "654321")
    assert not store.get("A100").disabled


def test_unknown_users_for_administration(store):
    with pytest.raises(UnknownUser):
        store.disable("Z9")
    with pytest.raises(UnknownUser):
        store.reset("Z9", "123456")


def test_supervisor_authorisation(store):
    store.add("O1", "111111", Role.OFFICER)
    store.add("S1", "222222", Role.SUPERVISOR)
    assert not store.has_supervisor() is False
    with pytest.raises(NotSupervisor):
        store.authorise_supervisor("O1", "111111")
    assert store.authorise_supervisor("S1", "222222").badge == "S1"


def test_no_supervisor_yet(store):
    assert not store.has_supervisor()
    store.add("O1", "111111")
    assert not store.has_supervisor()


def test_a_damaged_users_file_is_a_clear_error(config):
    from borderdesk.desk.users import UsersFileError
    (config.data_dir / "users.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(UsersFileError, match="users.sqlite"):
        UserStore(config)
