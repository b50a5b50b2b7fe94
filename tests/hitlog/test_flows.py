"""Hits logged by Desk.check, decisions as new entries, waiting times, CLEAR counts."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event

from borderdesk.desk.hits import EntryError, Filter
from borderdesk.hitlog import HitLog
from borderdesk.watchlist.match import Level

from .conftest import mrz


def test_a_hit_is_on_disk_when_the_verdict_returns(desk):
    verdict = desk.check(mrz("H1234567"), source="camera")
    assert verdict.level is Level.HIT and verdict.hit_id and verdict.hit_log_error is None
    # another connection, as another process would see it
    with sqlite3.connect(desk.config.data_dir / "hitlog.sqlite") as c:
        row = c.execute("SELECT kind, officer, desk_id FROM entries WHERE entry_id=?",
                        (verdict.hit_id,)).fetchone()
        assert row == ("hit", "OFF-1", "DESK-07")
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_hit_entry_holds_what_the_issue_names(desk):
    verdict = desk.check(mrz("P1234567", surname="DUPONT", given="JEAN"), source="manual")
    assert verdict.level is Level.POSSIBLE
    entry = desk.hits.log.entry(verdict.hit_id)
    pub, personal = entry["public"], entry["personal"]
    assert pub["recorded_at"].endswith("Z") and pub["local_time"][19:] in (
        "+00:00", pub["local_time"][19:])  # desk-local with its offset
    assert (pub["desk_id"], pub["checkpoint_id"], pub["officer"]) == \
        ("DESK-07", "RAS-AJDIR", "OFF-1")
    assert pub["source"] == "manual" and pub["level"] == "POSSIBLE"
    match = pub["matches"][0]
    assert (match["list"], match["list_version"], match["record_id"], match["score_ppm"],
            match["level"]) == ("WANTED", 3, "W-123", 830000, "POSSIBLE")
    assert match["reasons"] == ["name similar", "year of birth agrees"]
    assert personal["document"]["surname"] == "DUPONT"
    assert personal["document"]["lines"] == mrz("P1234567", "DUPONT", "JEAN").split("\n")
    assert personal["records"][0]["given_names"] == "OTHER"
    assert "DUPONT" not in str(pub)  # the public part holds nothing of the holder


def test_clear_checks_are_counted_per_hour_without_personal_data(desk):
    desk.clock = datetime(2026, 11, 2, 10, 15, tzinfo=timezone.utc)
    for i in range(3):
        assert desk.check(mrz(f"C{i:07d}", surname="CLEARPERSON")).hit_id is None
    desk.clock = datetime(2026, 11, 2, 11, 5, tzinfo=timezone.utc)
    desk.check(mrz("C9999999", surname="CLEARPERSON"))
    assert desk.hits.log.clear_counts() == [("DESK-07", "2026-11-02T10", 3),
                                            ("DESK-07", "2026-11-02T11", 1)]
    desk.close()
    data = b"".join(p.read_bytes() for p in desk.config.data_dir.glob("hitlog.sqlite*"))
    assert b"CLEARPERSON" not in data and b"C0000000" not in data


def test_dispositions_outcomes_and_reviews_are_new_entries(desk, make_hits):
    hit = make_hits(1)[0]
    t0 = datetime.fromisoformat("2026-11-01T09:00:00+00:00")
    hits = desk.hits
    hits.dispose(hit.hit_id, "pending-confirmation", "OFF-1", at=t0 + timedelta(minutes=5))
    rec = hits.hit(hit.hit_id)
    assert rec.disposition == "pending-confirmation" and rec.wait_seconds is None
    assert rec.waited(t0 + timedelta(hours=2)) == 7200
    hits.outcome(hit.hit_id, "confirmed-by-list-owner", "OFF-2", note="fax 1234",
                 at=t0 + timedelta(hours=3))
    hits.review(hit.hit_id, "agree", "SUP-1", comment="good", at=t0 + timedelta(days=1))
    rec = hits.hit(hit.hit_id)
    assert rec.wait_seconds == 3 * 3600 and rec.outcome == "confirmed-by-list-owner"
    assert rec.reviewed and rec.review == "agree"
    assert [h["kind"] for h in rec.history] == ["disposition", "outcome", "review"]
    assert rec.history[1]["note"] == "fax 1234" and rec.history[2]["officer"] == "SUP-1"
    # the hit entry itself was never changed
    assert hits.log.entry(hit.hit_id)["entry_hash"] == hits.log.rows().__next__()["entry_hash"]
    assert hits.verify().ok


def test_a_correcting_review_changes_the_disposition_that_stands(desk, make_hits):
    hit = make_hits(1, prefix="P")[0]
    desk.hits.dispose(hit.hit_id, "confirmed-referred", "OFF-1")
    with pytest.raises(EntryError, match="comment"):
        desk.hits.review(hit.hit_id, "correct", "SUP-1")
    desk.hits.review(hit.hit_id, "correct", "SUP-1", comment="photo clearly differs",
                     corrected="not-same-person")
    rec = desk.hits.hit(hit.hit_id)
    assert rec.disposition == "confirmed-referred"
    assert rec.effective_disposition == "not-same-person"
    assert desk.hits.find(Filter(disposition="not-same-person"))[0].hit_id == hit.hit_id


@pytest.mark.parametrize("call, message", [
    (lambda h, i: h.dispose(i, "maybe", "OFF-1"), "unknown disposition"),
    (lambda h, i: h.dispose(i, "other", "OFF-1"), "needs a note"),
    (lambda h, i: h.dispose("no-such-hit", "other", "OFF-1", note="x"), "no hit"),
    (lambda h, i: h.outcome(i, "forgotten", "OFF-1"), "unknown outcome"),
    (lambda h, i: h.review(i, "agree", ""), "needs the officer"),
])
def test_bad_decisions_are_refused_with_a_message(desk, make_hits, call, message):
    hit = make_hits(1)[0]
    with pytest.raises(EntryError, match=message):
        call(desk.hits, hit.hit_id)
    assert desk.hits.log.count() == 1


def test_a_full_disk_still_shows_the_hit_and_loses_nothing_logged(desk, make_hits):
    make_hits(2)
    engine = desk.hits.log.engine
    pages = sqlite3.connect(desk.config.data_dir / "hitlog.sqlite").execute(
        "PRAGMA page_count").fetchone()[0]

    @event.listens_for(engine, "connect")
    def _full(dbapi_connection, _record):  # the file may not grow: SQLITE_FULL
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    big = "X" * 30
    results = [desk.check(mrz(f"H{i:07d}", surname=big[:20])) for i in range(200)]
    failed = [v for v in results if v.hit_log_error]
    assert failed, "the page limit never bit"
    assert all(v.level is Level.HIT for v in failed)  # the officer still sees the hit
    assert "full" in failed[0].hit_log_error
    event.remove(engine, "connect", _full)
    engine.dispose()
    report = desk.hits.verify()
    assert report.ok
    logged = {v.hit_id for v in results if v.hit_id}
    assert logged <= {r["entry_id"] for r in desk.hits.log.rows()}


def test_a_broken_log_file_is_a_clear_error_not_a_lost_hit(desk):
    (desk.config.data_dir / "hitlog.sqlite").write_bytes(b"this is not a database" * 100)
    verdict = desk.check(mrz("H7654321"))
    assert verdict.level is Level.HIT and verdict.hit_id is None
    assert "not a database" in verdict.hit_log_error


def test_two_writers_share_one_chain(desk, config):
    other = HitLog(str(config.data_dir / "hitlog.sqlite"), desk_id="DESK-07")
    for i in range(5):
        desk.check(mrz(f"H{i:07d}"))
        hit_id = desk.hits.log.entry(desk.hits.load().records[-1].hit_id)["entry_id"]
        desk.hits.dispose(hit_id, "not-same-person", "OFF-1")
    assert other.head().seq == 10
    other.close()
    assert desk.hits.verify().ok
