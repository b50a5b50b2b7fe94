"""The hash chain: a clean log verifies; every kind of tampering is caught, and where."""

from __future__ import annotations

import json
import sqlite3

import pytest

from borderdesk.cli import main
from borderdesk.hitlog.canonical import GENESIS, commitment, entry_hash


@pytest.fixture
def logged(desk, make_hits):
    """Six hits and two dispositions: eight entries."""
    verdicts = make_hits(6)
    desk.hits.dispose(verdicts[1].hit_id, "not-same-person", "OFF-1", note="photo differs")
    desk.hits.dispose(verdicts[2].hit_id, "confirmed-referred", "OFF-1")
    desk.close()  # the tests below edit the file behind the log's back
    return desk.config.data_dir / "hitlog.sqlite"


def db(path):
    return sqlite3.connect(path, isolation_level=None)


def problems(desk):
    report = desk.hits.verify()
    return [(p.seq, p.kind) for p in report.problems], report


def test_a_clean_log_verifies(desk, logged, capsys):
    found, report = problems(desk)
    assert found == [] and report.checked == {"DESK-07": 8}
    assert main(["hits", "verify"]) == 0
    assert "the chain verifies" in capsys.readouterr().out


def test_an_edited_public_part_is_caught_at_its_entry(desk, logged, capsys):
    with db(logged) as c:
        public = json.loads(c.execute("SELECT public FROM entries WHERE seq=3").fetchone()[0])
        public["officer"] = "SOMEONE-ELSE"
        c.execute("UPDATE entries SET public=? WHERE seq=3", (json.dumps(public),))
    assert problems(desk)[0] == [(3, "edited")]
    assert main(["hits", "verify"]) == 1
    out = capsys.readouterr().out
    assert "BROKEN desk DESK-07 entry 3" in out and "edited" in out


def test_garbage_in_a_stored_entry_is_caught_not_a_crash(desk, logged, capsys):
    with db(logged) as c:
        c.execute("UPDATE entries SET public='{not json' WHERE seq=6")
        c.execute("UPDATE entries SET personal='[1, 2]' WHERE seq=2")
    assert main(["hits", "verify"]) == 1
    out = capsys.readouterr().out
    assert "entry 6" in out and "entry 2" in out
    assert main(["hits", "list"]) == 0  # the other hits still list


def test_an_edited_personal_part_is_caught(desk, logged):
    with db(logged) as c:
        personal = json.loads(c.execute("SELECT personal FROM entries WHERE seq=2").fetchone()[0])
        personal["document"]["surname"] = "SMITH"
        c.execute("UPDATE entries SET personal=? WHERE seq=2", (json.dumps(personal),))
    assert problems(desk)[0] == [(2, "edited")]


def test_an_edited_indexed_column_is_caught(desk, logged):
    with db(logged) as c:
        c.execute("UPDATE entries SET officer='X' WHERE seq=4")  # public JSON untouched
    with db(logged) as c:
        c.execute("UPDATE entries SET kind='review' WHERE seq=5")
    assert problems(desk)[0] == [(5, "edited")] or (5, "edited") in problems(desk)[0]


def test_an_edit_with_its_hash_recomputed_is_caught_at_the_next_link(desk, logged):
    with db(logged) as c:
        row = c.execute("SELECT public, commitment, prev_hash FROM entries WHERE seq=4").fetchone()
        public = json.loads(row[0])
        public["level"] = "POSSIBLE"
        forged = entry_hash(public, row[1], row[2])
        c.execute("UPDATE entries SET public=?, entry_hash=? WHERE seq=4",
                  (json.dumps(public), forged))
        c.execute("UPDATE heads SET entry_hash=(SELECT entry_hash FROM entries WHERE seq=8)")
    found, report = problems(desk)
    assert found == [(5, "removed")]
    assert "edited together with its hash" in report.problems[0].message


def test_a_removed_entry_is_caught(desk, logged):
    with db(logged) as c:
        c.execute("DELETE FROM entries WHERE seq=4")
    found, report = problems(desk)
    assert found == [(5, "removed")]
    assert "entry 4 missing" in report.problems[0].message


def test_a_removed_entry_with_the_rest_renumbered_is_caught(desk, logged):
    with db(logged) as c:
        c.execute("DELETE FROM entries WHERE seq=4")
        for seq in range(5, 9):
            c.execute("UPDATE entries SET seq=? WHERE seq=?", (seq - 1, seq))
        c.execute("UPDATE heads SET seq=7")
    found, _ = problems(desk)
    assert (4, "removed") in found


def test_an_inserted_entry_is_caught_exactly(desk, logged):
    with db(logged) as c:
        cols = [d[1] for d in c.execute("PRAGMA table_info(entries)")]
        values = c.execute("SELECT * FROM entries WHERE seq=3").fetchone()
        row = dict(zip(cols, values, strict=True))
        for seq in range(8, 3, -1):
            c.execute("UPDATE entries SET seq=? WHERE seq=?", (seq + 1, seq))
        public = json.loads(row["public"])
        public["entry_id"] = "00000000-0000-4000-8000-000000000000"
        personal = json.loads(row["personal"])
        forged = entry_hash(public, commitment(personal), row["entry_hash"])
        c.execute("INSERT INTO entries (entry_id, desk_id, seq, kind, refers_to, recorded_at, "
                  "officer, public, personal, commitment, prev_hash, entry_hash) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                  (public["entry_id"], row["desk_id"], 4, "hit", None, row["recorded_at"],
                   row["officer"], json.dumps(public), json.dumps(personal),
                   commitment(personal), row["entry_hash"], forged))
    found, report = problems(desk)
    # the checkpoints also see that entry 8 is no longer the entry 8 they recorded
    assert found == [(4, "inserted"), (8, "head"), (8, "head")]
    assert report.problems[0].entry_id == "00000000-0000-4000-8000-000000000000"


def test_reordered_entries_are_caught(desk, logged):
    with db(logged) as c:
        c.execute("UPDATE entries SET seq=-1 WHERE seq=5")
        c.execute("UPDATE entries SET seq=5 WHERE seq=6")
        c.execute("UPDATE entries SET seq=6 WHERE seq=-1")
    found, _ = problems(desk)
    assert found and {kind for _, kind in found} == {"reordered"}
    assert {seq for seq, _ in found} <= {5, 6, 7} and 5 in {seq for seq, _ in found}


def test_entries_cut_from_the_end_are_caught_by_the_checkpoints(desk, logged):
    with db(logged) as c:
        c.execute("DELETE FROM entries WHERE seq>=7")
    found, report = problems(desk)
    assert (8, "truncated") in found
    assert "entries 7 to 8 removed from the end" in report.problems[0].message


def test_the_head_file_catches_a_cut_that_also_rewound_the_heads_table(desk, logged):
    with db(logged) as c:
        c.execute("DELETE FROM entries WHERE seq=8")
        c.execute("UPDATE heads SET seq=7, entry_hash=(SELECT entry_hash FROM entries "
                  "WHERE seq=7)")
    found, report = problems(desk)
    assert found == [(8, "truncated")] and "head file" in report.problems[0].message


def test_personal_data_removed_without_a_redaction_entry_is_caught(desk, logged):
    with db(logged) as c:
        c.execute("UPDATE entries SET personal=NULL WHERE seq=2")
    assert problems(desk)[0] == [(2, "redacted-unrecorded")]


def test_a_forged_first_entry_is_caught(desk, logged):
    with db(logged) as c:
        c.execute("UPDATE entries SET prev_hash=? WHERE seq=3", (GENESIS,))
    found, _ = problems(desk)
    assert (3, "edited") in found and (3, "inserted") in found


def test_a_garbage_head_file_is_a_clear_message(desk, logged, capsys):
    (desk.config.data_dir / "hitlog.head").write_text("{not json")
    assert main(["hits", "verify"]) == 2
    assert "head checkpoint" in capsys.readouterr().err


def test_a_torn_last_checkpoint_line_is_skipped(desk, logged):
    with open(desk.config.data_dir / "hitlog.head", "a") as f:
        f.write('{"desk_id": "DESK-07", "seq": 9, "entry_h')
    assert problems(desk)[0] == []


def test_verify_json(desk, logged, capsys):
    with db(logged) as c:
        c.execute("DELETE FROM entries WHERE seq=2")
    assert main(["hits", "verify", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and out["problems"][0]["seq"] == 3
    assert out["problems"][0]["kind"] == "removed"
