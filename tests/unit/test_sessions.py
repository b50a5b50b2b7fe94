"""Sessions: sign-in, idle lock, lock on demand, unlock (desk core, no Qt)."""

import pytest
from borderdesk.desk.config import Config
from borderdesk.desk.sessions import NotSignedIn, Sessions
from borderdesk.desk.users import BadCredentials, NotSupervisor, Role, UserStore


@pytest.fixture
def sessions():
    config = Config.load()
    config.users.hash_cost_log2 = 10
    users = UserStore(config)
    users.add("O1", "111111", Role.OFFICER)
    users.add("O2", "333333", Role.OFFICER)
    users.add("S1", "222222", Role.SUPERVISOR)
    clock = [1000.0]
    s = Sessions(users, idle_seconds=300, clock=lambda: clock[0])
    s.clock_value = clock
    return s


def test_idle_lock(sessions):
    sessions.sign_in("O1", "111111", "ar")
    assert sessions.current.language == "ar"
    sessions.clock_value[0] += 299
    assert not sessions.idle_expired()
    sessions.touch()
    sessions.clock_value[0] += 299
    assert not sessions.idle_expired()
    sessions.clock_value[0] += 2
    assert sessions.idle_expired()
    sessions.lock("idle")
    assert sessions.locked and not sessions.idle_expired()


def test_unlock_by_the_same_officer_or_a_supervisor_only(sessions):
    sessions.sign_in("O1", "111111", "en")
    sessions.lock()
    with pytest.raises(BadCredentials):
        sessions.unlock("O1", "999999")
    with pytest.raises(NotSupervisor):
        sessions.unlock("O2", "333333")
    assert sessions.locked
    sessions.unlock("S1", "222222")
    assert not sessions.locked and sessions.user.badge == "O1"
    sessions.lock()
    sessions.unlock("o1", "111111")
    assert not sessions.locked


def test_idle_lock_off(sessions):
    sessions.idle_seconds = 0
    sessions.sign_in("O1", "111111", "en")
    sessions.clock_value[0] += 10 ** 6
    assert not sessions.idle_expired()


def test_sign_out(sessions):
    sessions.sign_in("O1", "111111", "en")
    sessions.sign_out()
    with pytest.raises(NotSignedIn):
        sessions.user
    with pytest.raises(NotSignedIn):
        sessions.unlock("O1", "111111")
