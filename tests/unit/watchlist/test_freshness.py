"""Trust and freshness: key rotation, replays, each list's age and expiry, OK / WARNING /
STALE on status and on every check, a clock set back."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from borderdesk.cli import main
from borderdesk.desk.config import Config
from borderdesk.desk.service import Desk
from borderdesk.watchlist import build, keys
from borderdesk.watchlist.exceptions import BundleError, StaleVersion, UnknownPublisher
from borderdesk.watchlist.store import describe

from .conftest import Publisher, doc_record, resign, td3

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)


def manifest(**lists):
    """A manifest whose lists were published the given hours before NOW, valid 48 h."""
    table = {}
    for name, hours in lists.items():
        published = NOW - timedelta(hours=hours)
        table[name] = {"kind": "document", "records": 1, "published": published.isoformat(),
                       "expires": (published + timedelta(hours=48)).isoformat()}
    return {"version": 3, "published": (NOW - timedelta(hours=1)).isoformat(),
            "expires": (NOW + timedelta(hours=47)).isoformat(), "lists": table}


def test_each_list_has_its_own_age_and_state():
    facts = describe(manifest(SLTD=2, WANTED=30, OLD=50), NOW)
    assert {n: i["state"] for n, i in facts["lists"].items()} == {
        "SLTD": "OK", "WANTED": "WARNING", "OLD": "STALE"}
    assert facts["lists"]["WANTED"]["age_hours"] == 30.0 and facts["state"] == "STALE"
    assert describe(manifest(SLTD=2, WANTED=30), NOW)["state"] == "WARNING"
    # The warning age from the configuration, per list.
    facts = describe(manifest(SLTD=2, WANTED=30), NOW, 24.0, {"WANTED": 36.0, "SLTD": 1.0})
    assert facts["lists"]["WANTED"]["state"] == "OK" and facts["lists"]["SLTD"]["state"] == \
        "WARNING"
    assert describe(manifest(SLTD=2), NOW)["state"] == "OK"


def test_a_clock_set_back_is_stale():
    seen = NOW + timedelta(days=3)  # a bundle published three days "later" was seen
    facts = describe(manifest(SLTD=2), NOW, newest_seen=seen)
    assert facts["clock_set_back"] and facts["state"] == "STALE"
    assert facts["lists"]["SLTD"]["state"] == "STALE"
    assert not describe(manifest(SLTD=2), NOW, newest_seen=NOW + timedelta(minutes=2))[
        "clock_set_back"]  # a clock a little off is not set back


@pytest.fixture
def desk_with_lists(data_dir, publisher):
    from borderdesk.watchlist.store import Store
    store = Store(data_dir / "watchlist")
    store.trust(publisher.public)
    store.import_bundle(publisher.build([doc_record(1)], version=1, valid_hours=48))
    return store


def check_json(capsys, mrz):
    code = main(["check", "--json", "--mrz", mrz])
    return code, json.loads(capsys.readouterr().out)


def test_every_check_says_how_fresh_the_lists_are(desk_with_lists, capsys, monkeypatch,
                                                  data_dir):
    code, verdict = check_json(capsys, td3("ZZ0000009"))
    assert code == 0 and verdict["watchlist"]["state"] == "OK"
    assert verdict["watchlist"]["lists"]["SLTD"]["state"] == "OK"
    (data_dir / "config.toml").write_text("[watchlist]\nwarning_hours = 24.0\n"
                                          "list_warning_hours = {SLTD = 0.0}\n")
    code, verdict = check_json(capsys, td3("ZZ0000009"))
    assert verdict["watchlist"]["state"] == "WARNING" and code == 0
    assert any("SLTD older than their warning age" in n for n in verdict["watchlist"]["notes"])
    # Three days on, past the expiry: STALE on every check, and said so.
    later = datetime.now(timezone.utc) + timedelta(days=3)
    monkeypatch.setattr(Desk, "now", lambda self: later)
    code, verdict = check_json(capsys, td3("ZZ0000009"))
    assert code == 4 and verdict["watchlist"]["state"] == "STALE"
    assert any("no hit is not reliable" in n for n in verdict["watchlist"]["notes"])
    code, verdict = check_json(capsys, td3("AB0000001"))
    assert verdict["verdict"] == "HIT" and verdict["watchlist"]["state"] == "STALE"


def test_a_clock_set_back_is_reported_on_checks_and_status(desk_with_lists, capsys,
                                                           monkeypatch):
    code, verdict = check_json(capsys, td3("AB0000001"))  # a hit, logged now
    assert verdict["verdict"] == "HIT" and verdict["watchlist"]["state"] == "OK"
    earlier = datetime.now(timezone.utc) - timedelta(days=2)
    monkeypatch.setattr(Desk, "now", lambda self: earlier)
    code, verdict = check_json(capsys, td3("ZZ0000009"))
    assert verdict["watchlist"]["state"] == "STALE" and code == 4
    assert any("clock is set back" in n for n in verdict["watchlist"]["notes"])
    # status: the store's newest bundle alone tells it too.
    import borderdesk.cli.watchlist as cli_watchlist

    class Back(datetime):
        @classmethod
        def now(cls, tz=None):
            return earlier
    monkeypatch.setattr(cli_watchlist, "datetime", Back)
    main(["watchlist", "status"])
    out = capsys.readouterr().out
    assert "CLOCK SET BACK" in out and "(STALE" in out


def test_key_rotation(data_dir, tmp_path):
    from borderdesk.watchlist.store import Store
    old = Publisher(tmp_path / "old")
    new = Publisher(tmp_path / "new")
    store = Store(data_dir / "watchlist")
    store.trust(old.public)
    store.import_bundle(old.build([doc_record(1)], version=1))
    # The new key alone is not trusted yet.
    with pytest.raises(UnknownPublisher, match="does not trust"):
        store.import_bundle(new.build([doc_record(1)], version=2))
    # The old key announces the new one and retires itself.
    store.import_bundle(old.build([doc_record(1)], version=3, key_changes=build.key_changes(
        [new.public], [old.fingerprint])))
    assert set(store.trusted()) == {new.fingerprint}
    store.import_bundle(new.build([doc_record(2)], version=4))
    with pytest.raises(UnknownPublisher, match="was retired by bundle version 3"):
        store.import_bundle(old.build([doc_record(1)], version=5))
    assert store.held_version() == 4
    # A replay of the rotating bundle: refused as old, the old key stays retired.
    with pytest.raises(BundleError):
        store.import_bundle(old.folder / "v3.bundle")
    assert set(store.trusted()) == {new.fingerprint}


def test_a_stranger_cannot_announce_a_key(data_dir, tmp_path, publisher):
    from borderdesk.watchlist.store import Store
    store = Store(data_dir / "watchlist")
    store.trust(publisher.public)
    store.import_bundle(publisher.build([doc_record(1)], version=1))
    stranger = Publisher(tmp_path / "stranger")
    forged = resign(publisher.build([doc_record(1)], version=2), tmp_path / "f.bundle",
                    stranger.key, edit_manifest=lambda m: m.update(
                        keys={"announce": [keys.public_pem(stranger.key.public_key()).decode()],
                              "retire": []}))
    from borderdesk.watchlist.exceptions import BadSignature
    with pytest.raises(BadSignature):
        store.import_bundle(forged)
    bad = resign(publisher.build([doc_record(1)], version=3), tmp_path / "b.bundle",
                 publisher.key, edit_manifest=lambda m: m.update(
                     keys={"announce": ["not a key"]}))
    with pytest.raises(BundleError, match="not an Ed25519 public key"):
        store.import_bundle(bad)
    assert set(store.trusted()) == {publisher.fingerprint}


def test_replay_and_rollback_say_so(desk_with_lists, publisher):
    with pytest.raises(StaleVersion, match="not newer than version 1 held by this desk "
                                           r"\(a replay or a rollback\)"):
        desk_with_lists.import_bundle(publisher.folder / "v1.bundle")


def test_config_rejects_a_bad_warning_age(data_dir):
    (data_dir / "config.toml").write_text("[watchlist]\nwarning_hours = 'soon'\n")
    from borderdesk.desk.config import ConfigError
    with pytest.raises(ConfigError, match="warning_hours must be float"):
        Config.load()
