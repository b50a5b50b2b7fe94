"""The national log on a real PostgreSQL server: push, idempotence, resumption, verification."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from borderdesk.cli import main
from borderdesk.desk.config import Config
from borderdesk.desk.hits import Diverged, Hits
from borderdesk.desk.service import Desk

from .conftest import mrz, screen


def national(url, config) -> Hits:
    return Hits.open_central(config, url)


def rows_of(url):
    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1)) as c:
        return c.execute("SELECT desk_id, seq, entry_id FROM entries ORDER BY desk_id, seq"
                         ).fetchall()


def test_push_sends_everything_once_and_the_copy_verifies(desk, make_hits, postgres_url,
                                                          capsys):
    verdicts = make_hits(5)
    desk.hits.dispose(verdicts[0].hit_id, "confirmed-referred", "OFF-1")
    desk.check(mrz("C0000001"))  # a CLEAR check: counted, never sent as a hit
    report = desk.hits.push(postgres_url)
    assert report.sent == {"DESK-07": 6} and report.head == {"DESK-07": 6}
    assert report.clear_hours == 1
    again = desk.hits.push(postgres_url)
    assert again.sent == {"DESK-07": 0}
    assert len(rows_of(postgres_url)) == 6

    central = national(postgres_url, desk.config)
    assert central.verify().ok
    assert central.log.heads()["DESK-07"].entry_hash == desk.hits.log.head().entry_hash
    loaded = central.load()
    assert [r.hit_id for r in loaded.records] == [v.hit_id for v in verdicts]
    assert loaded.records[0].disposition == "confirmed-referred"
    assert loaded.records[0].document["surname"] == "ERIKSSON"
    assert sum(c for _, _, c in loaded.clear_counts) == 1
    central.close()

    desk.close()
    assert main(["hits", "push", "--to", postgres_url]) == 0
    assert "0 entries sent" in capsys.readouterr().out
    assert main(["hits", "verify", "--db", postgres_url]) == 0


def test_an_interrupted_push_resumes_without_gaps_or_duplicates(desk, make_hits,
                                                                postgres_url):
    make_hits(23)

    def stop_after_two_batches(desk_id, seq, last):
        if seq >= 10:
            raise KeyboardInterrupt

    from borderdesk.hitlog.push import push
    from borderdesk.hitlog.store import HitLog
    central = HitLog(postgres_url, desk_id="NATIONAL")
    with pytest.raises(KeyboardInterrupt):
        push(desk.hits.log, central, batch=5, progress=stop_after_two_batches)
    assert [r[1] for r in rows_of(postgres_url)] == list(range(1, 11))
    report = push(desk.hits.log, central, batch=5)
    assert report.sent == {"DESK-07": 13}
    assert [r[1] for r in rows_of(postgres_url)] == list(range(1, 24))
    central.close()
    assert national(postgres_url, desk.config).verify().ok


def test_a_push_killed_mid_transaction_resumes(desk, make_hits, postgres_url):
    """A batch cut off inside its transaction leaves nothing half-written."""
    make_hits(12)
    from borderdesk.hitlog import push as push_module
    from borderdesk.hitlog.store import HitLog
    central = HitLog(postgres_url, desk_id="NATIONAL")
    real_values = push_module._values
    calls = {"n": 0}

    def failing_values(row):
        calls["n"] += 1
        if calls["n"] == 8:  # in the middle of the second batch
            raise ConnectionError("network gone")
        return real_values(row)

    push_module._values = failing_values
    try:
        with pytest.raises(ConnectionError):
            push_module.push(desk.hits.log, central, batch=5)
    finally:
        push_module._values = real_values
    assert [r[1] for r in rows_of(postgres_url)] == [1, 2, 3, 4, 5]
    assert push_module.push(desk.hits.log, central, batch=5).sent == {"DESK-07": 7}
    central.close()
    assert national(postgres_url, desk.config).verify().ok


def test_a_push_process_killed_midway_resumes(desk, postgres_url):
    """SIGKILL a real `borderdesk hits push` after its first batch; the next push completes."""
    import os
    import signal
    import subprocess
    import sys

    from borderdesk.hitlog import entries

    log = desk.hits.log
    at = datetime(2026, 11, 1, tzinfo=timezone.utc)
    doc = {"format": "TD3", "document_code": "P", "issuing_state": "UTO", "nationality": "UTO"}
    with log.writing() as conn, conn.begin():  # 3,000 hits in one go: the push takes a while
        for i in range(3000):
            pub, per = entries.hit(desk_id="DESK-07", checkpoint_id="CP", officer="OFF-1",
                                   at=at, level="HIT", source="camera",
                                   document=dict(doc, surname=f"N{i}"),
                                   matches=[{"list": "SLTD", "record_id": f"R{i}",
                                             "score": 1.0, "level": "HIT"}])
            log.append_in(conn, pub, per)
    desk.close()
    cmd = [sys.executable, "-c", "from borderdesk.cli import run; run()",
           "hits", "push", "--to", postgres_url]
    child = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    line = child.stderr.readline()  # "desk DESK-07: 500 of 3000": one batch is in
    assert "of 3000" in line, line
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stderr.close()
    seqs = [r[1] for r in rows_of(postgres_url)]
    assert 500 <= len(seqs) < 3000 and seqs == list(range(1, len(seqs) + 1))
    assert main(["hits", "push", "--to", postgres_url]) == 0
    assert [r[1] for r in rows_of(postgres_url)] == list(range(1, 3001))
    assert main(["hits", "verify", "--db", postgres_url]) == 0


def test_many_desks_and_national_reviews_share_the_national_log(data_dir, tmp_path,
                                                                 postgres_url):
    desks = []
    for name in ("DESK-A", "DESK-B"):
        home = tmp_path / name
        home.mkdir()
        config = Config.load(files=[])
        config.data_dir = home
        config.desk.desk_id = name
        d = Desk(config, screen=screen)
        d.officer = f"OFF-{name[-1]}"
        for i in range(3):
            d.check(mrz(f"H{name[-1]}{i:06d}"))
        d.hits.push(postgres_url)
        desks.append(d)
    central = national(postgres_url, desks[0].config)
    records = central.load().records
    assert {r.desk_id for r in records} == {"DESK-A", "DESK-B"} and len(records) == 6
    central.review(records[0].hit_id, "agree", "SUP-NAT", comment="seen nationally")
    central.review(records[4].hit_id, "correct", "SUP-NAT", comment="wrong list",
                   corrected="not-same-person")
    report = central.verify()
    assert report.ok and report.checked == {"DESK-A": 3, "DESK-B": 3, "NATIONAL": 2}
    again = central.load().records
    assert again[0].reviewed and again[4].effective_disposition == "not-same-person"
    # the desks push on; the national reviews did not disturb their chains
    desks[0].check(mrz("HA999999"))
    assert desks[0].hits.push(postgres_url).sent == {"DESK-A": 1}
    assert central.verify().ok
    central.close()
    for d in desks:
        d.close()


def test_redaction_reaches_the_national_copy(desk, make_hits, postgres_url):
    now = datetime.now(timezone.utc)
    old = make_hits(2, start=now - timedelta(days=800))
    desk.hits.push(postgres_url)
    desk.hits.redact(now=now, retention_days=730)
    assert desk.hits.push(postgres_url).sent == {"DESK-07": 1}
    central = national(postgres_url, desk.config)
    records = {r.hit_id: r for r in central.load().records}
    assert all(records[v.hit_id].redacted for v in old)
    assert central.verify().ok
    central.close()


def test_a_tampered_national_copy_is_caught_and_stops_the_push(desk, make_hits, postgres_url,
                                                               capsys):
    make_hits(3)
    desk.hits.push(postgres_url)
    with psycopg.connect(postgres_url) as c:
        c.execute("UPDATE entries SET officer='X', public=replace(public, 'OFF-1', 'X') "
                  "WHERE seq=2")
    report = national(postgres_url, desk.config).verify()
    assert [(p.desk_id, p.seq, p.kind) for p in report.problems] == [("DESK-07", 2, "edited")]
    assert main(["hits", "verify", "--db", postgres_url]) == 1
    capsys.readouterr()
    with psycopg.connect(postgres_url) as c:
        c.execute("DELETE FROM entries WHERE seq=3")
        c.execute("UPDATE heads SET seq=2, entry_hash='0' WHERE desk_id='DESK-07'")
    desk.check(mrz("H7777777"))
    with pytest.raises(Diverged):
        desk.hits.push(postgres_url)
    desk.close()
    assert main(["hits", "push", "--to", postgres_url]) == 1
    assert "disagrees" in capsys.readouterr().err


def test_an_unreachable_server_is_a_clear_message(desk, make_hits, capsys):
    make_hits(1)
    desk.close()
    assert main(["hits", "push", "--to", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert "borderdesk:" in err and "Traceback" not in err
