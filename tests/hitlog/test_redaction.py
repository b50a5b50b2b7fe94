"""Retention: old hits lose their personal data, the chain still verifies."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from borderdesk.cli import main
from borderdesk.desk.service import Desk

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)


def file_bytes(desk):
    return b"".join(p.read_bytes() for p in desk.config.data_dir.glob("hitlog.sqlite*"))


def test_old_hits_and_their_decisions_are_redacted_and_the_chain_verifies(desk, make_hits):
    old = make_hits(3, start=NOW - timedelta(days=800), prefix="H")
    new = make_hits(2, start=NOW - timedelta(days=10), prefix="P")
    desk.hits.dispose(old[0].hit_id, "other", "OFF-1", note="SECRET-NOTE about the holder")
    desk.hits.dispose(new[0].hit_id, "other", "OFF-1", note="recent note stays")
    assert b"ERIKSSON" in file_bytes(desk)

    ids = desk.hits.redact(now=NOW, retention_days=730)
    assert set(ids) == {v.hit_id for v in old} | {desk.hits.hit(old[0].hit_id).history[0]
                                                  ["entry_id"]}
    assert desk.hits.verify().ok
    records = {r.hit_id: r for r in desk.hits.load().records}
    for v in old:
        rec = records[v.hit_id]
        assert rec.redacted and "surname" not in rec.document
        assert rec.document["issuing_state"] == "UTO" and rec.lists == ("SLTD",)
    assert records[old[0].hit_id].history[0]["note"] == ""
    assert not records[new[0].hit_id].redacted
    assert records[new[0].hit_id].history[0]["note"] == "recent note stays"
    redaction = [r for r in desk.hits.log.rows() if r["kind"] == "redaction"]
    assert len(redaction) == 1 and sorted(redaction[0]["public"]["redacted"]) == sorted(ids)

    # the personal data is gone from the file itself, not just hidden
    desk.close()
    data = file_bytes(desk)
    assert b"H0000000" not in data and b"SECRET-NOTE" not in data
    assert b"P0000000" in data


def test_redacting_again_changes_nothing(desk, make_hits):
    make_hits(2, start=NOW - timedelta(days=800))
    assert len(desk.hits.redact(now=NOW, retention_days=730)) == 2
    assert desk.hits.redact(now=NOW, retention_days=730) == []
    assert desk.hits.log.count() == 3 and desk.hits.verify().ok


def test_the_redact_command(desk, make_hits, capsys):
    make_hits(2, start=datetime.now(timezone.utc) - timedelta(days=40))
    make_hits(1, start=datetime.now(timezone.utc) - timedelta(days=1), prefix="P")
    desk.close()
    assert main(["hits", "redact", "--older-than", "30"]) == 0
    assert "2 entries redacted" in capsys.readouterr().out
    assert main(["hits", "verify"]) == 0
    assert main(["hits", "redact", "--older-than", "-1"]) == 2
    assert "negative" in capsys.readouterr().err


def test_the_desk_redacts_at_start(config, make_hits, desk):
    make_hits(2, start=datetime.now(timezone.utc) - timedelta(days=100))
    desk.close()
    config.hitlog.retention_days = 90
    started = Desk(config)
    started.start()
    assert all(r.redacted for r in started.hits.load().records)
    assert started.hits.verify().ok
    started.close()


def test_no_redaction_at_start_when_switched_off(config, make_hits, desk):
    make_hits(1, start=datetime.now(timezone.utc) - timedelta(days=100))
    desk.close()
    config.hitlog.retention_days, config.hitlog.auto_redact = 90, False
    started = Desk(config)
    started.start()
    assert not started.hits.load().records[0].redacted
    started.close()
