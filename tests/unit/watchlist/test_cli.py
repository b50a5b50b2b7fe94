"""The watchlist and check commands, run as the borderdesk command line."""

import json
import os
import stat

import pytest

from borderdesk.cli import main

from .conftest import doc_record, td3, write_ndjson


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def loaded(tmp_path, capsys, data_dir):
    """A desk whose lists were built, trusted and imported through the command line."""
    code, out, _ = run(capsys, "watchlist", "keygen", "--out", tmp_path / "keys")
    assert code == 0 and "fingerprint" in out
    src = write_ndjson(tmp_path / "src.ndjson", [doc_record(1), doc_record(2, issuing_state="TUN")])
    bundle = tmp_path / "v1.bundle"
    code, out, _ = run(capsys, "watchlist", "build", src, "--key", tmp_path / "keys/publisher.key",
                       "--version", 1, "--out", bundle)
    assert code == 0 and "2 documents" in out
    assert run(capsys, "watchlist", "trust", tmp_path / "keys/publisher.pub")[0] == 0
    code, out, _ = run(capsys, "watchlist", "import", bundle)
    assert code == 0 and "imported version 1" in out
    return tmp_path


def test_keygen_mode(loaded):
    assert stat.S_IMODE(os.stat(loaded / "keys/publisher.key").st_mode) == 0o600


def test_status_json_and_text(loaded, capsys):
    code, out, _ = run(capsys, "watchlist", "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["version"] == 1 and status["state"] == "OK"
    assert status["counts"]["documents"] == 2 and len(status["publisher"]) == 16
    assert status["lists"]["SLTD"]["records"] == 2 and status["age_hours"] < 1
    code, out, _ = run(capsys, "watchlist", "status")
    assert "version    1" in out and "SLTD: OK, 0.0 h old" in out and "2 document records" in out


def test_status_without_lists(capsys, data_dir):
    code, out, _ = run(capsys, "watchlist", "status", "--json")
    assert code == 0 and json.loads(out)["version"] is None


def test_import_refusals_exit_1_with_a_message(loaded, capsys):
    code, _, err = run(capsys, "watchlist", "import", loaded / "v1.bundle")
    assert code == 1 and "not newer than version 1" in err and "unchanged" in err
    (loaded / "junk.bundle").write_bytes(b"junk" * 100)
    code, _, err = run(capsys, "watchlist", "import", loaded / "junk.bundle")
    assert code == 1 and "not a borderdesk bundle" in err and "Traceback" not in err


def test_build_reports_bad_lines_and_writes_nothing(tmp_path, capsys):
    run(capsys, "watchlist", "keygen", "--out", tmp_path / "keys")
    src = tmp_path / "src.ndjson"
    src.write_text(json.dumps(doc_record(1)) + "\n{broken\n")
    out_file = tmp_path / "b.bundle"
    code, _, err = run(capsys, "watchlist", "build", src, "--key", tmp_path / "keys/publisher.key",
                       "--version", 1, "--out", out_file)
    assert code == 1 and f"{src}:2: not a JSON object" in err
    assert not out_file.exists() and list(tmp_path.glob(".build-*")) == []


def test_check_json_hit(loaded, capsys):
    code, out, _ = run(capsys, "check", "--json", "--mrz", td3("AB0000001", "DZA"))
    result = json.loads(out)
    assert code == 3 and result["verdict"] == "HIT"
    assert {"verdict", "document", "document_checks", "matches", "watchlist"} <= set(result)
    (m,) = result["matches"]
    assert {k: m[k] for k in ("kind", "list", "record_id", "score", "level")} == {
        "kind": "document", "list": "SLTD", "record_id": "D1", "score": 1.0, "level": "HIT"}
    assert m["reasons"] and result["watchlist"]["version"] == 1
    assert result["watchlist"]["age_hours"] is not None
    assert result["document"]["document_number"] == "AB0000001"


def test_check_exit_statuses(loaded, capsys, monkeypatch):
    assert run(capsys, "check", "--mrz", td3("ZZ0000009"))[0] == 0
    code, out, _ = run(capsys, "check", "--mrz", td3("AB0000002", "DZA"))  # listed under TUN
    assert code == 1 and "POSSIBLE MATCH" in out
    code, out, _ = run(capsys, "check", "--mrz", td3("AB0000001", "DZA"))
    assert code == 3 and out.startswith("Verdict    HIT")
    code, _, err = run(capsys, "check", "--mrz", "hello")
    assert code == 2 and "not an MRZ" in err
    code, out, _ = run(capsys, "check", "--json", "--mrz", "-", stdin=td3("AB0000001"),
                       monkeypatch=monkeypatch)
    assert code == 3


def test_check_without_lists_exits_4(capsys, data_dir):
    code, out, _ = run(capsys, "check", "--json", "--mrz", td3())
    assert code == 4 and json.loads(out)["watchlist"]["state"] == "NONE"


def test_check_image_that_gives_no_mrz(loaded, capsys, tmp_path):
    picture = tmp_path / "x.png"
    picture.write_bytes(b"not a picture")
    code, _, err = run(capsys, "check", "--image", picture)
    assert code == 2 and err.startswith("borderdesk: ") and "Traceback" not in err


def test_batch_in_order_with_an_error_line(loaded, capsys, monkeypatch):
    batch = "\n\n".join([td3("ZZ0000009"), "NOT AN MRZ AT ALL", td3("AB0000001", "DZA"),
                         td3("AB0000002", "DZA")]) + "\n"
    path = loaded / "batch.txt"
    path.write_text(batch)
    code, out, _ = run(capsys, "check", "--json", "--batch", path)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 3
    assert [r["index"] for r in rows] == [1, 2, 3, 4]
    assert [r["line"] for r in rows] == [1, 4, 6, 9]
    assert [r["verdict"] for r in rows] == ["CLEAR", None, "HIT", "POSSIBLE"]
    assert "not an MRZ" in rows[1]["error"]
    code, out2, _ = run(capsys, "check", "--json", "--batch", "-", stdin=batch,
                        monkeypatch=monkeypatch)
    assert [json.loads(line)["verdict"] for line in out2.splitlines()] == \
        ["CLEAR", None, "HIT", "POSSIBLE"]


def test_batch_exit_without_hits(loaded, capsys):
    path = loaded / "batch.txt"
    path.write_text(td3("ZZ0000009") + "\n\n" + "garbage\n")
    assert run(capsys, "check", "--json", "--batch", path)[0] == 2
    path.write_text(td3("ZZ0000009") + "\n")
    assert run(capsys, "check", "--json", "--batch", path)[0] == 0
    code, _, err = run(capsys, "check", "--json", "--batch", loaded / "missing.txt")
    assert code == 2 and "cannot read" in err


def test_check_needs_one_input(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check", "--json"])
    assert info.value.code == 2


def test_damaged_manifest_status_and_a_newer_import(loaded, capsys, data_dir):
    live = next((data_dir / "watchlist" / "versions").iterdir())
    (live / "manifest.json").write_text("{garbage")
    code, _, err = run(capsys, "watchlist", "status")
    assert code == 1 and "damaged" in err
    code, _, err = run(capsys, "watchlist", "import", loaded / "v1.bundle")
    assert code == 1 and "not newer than version 1" in err


def test_check_on_expired_lists_exits_4(tmp_path, capsys, data_dir):
    run(capsys, "watchlist", "keygen", "--out", tmp_path / "keys")
    src = write_ndjson(tmp_path / "src.ndjson", [doc_record(1)])
    run(capsys, "watchlist", "build", src, "--key", tmp_path / "keys/publisher.key",
        "--version", 1, "--out", tmp_path / "b.bundle", "--valid-hours", "0.00001")
    run(capsys, "watchlist", "trust", tmp_path / "keys/publisher.pub")
    assert run(capsys, "watchlist", "import", tmp_path / "b.bundle")[0] == 0
    code, out, _ = run(capsys, "check", "--json", "--mrz", td3("ZZ0000009"))
    assert code == 4 and json.loads(out)["watchlist"]["state"] == "STALE"
    assert run(capsys, "check", "--mrz", td3("AB0000001"))[0] == 3  # a hit is a hit


def test_delta_build_and_import_on_the_command_line(loaded, capsys):
    key = loaded / "keys/publisher.key"
    v2 = write_ndjson(loaded / "v2.ndjson", [doc_record(1, status="lost"), doc_record(3)])
    v3 = write_ndjson(loaded / "v3.ndjson", [doc_record(1, status="lost"), doc_record(4)])
    code, out, err = run(capsys, "watchlist", "build", v2, "--key", key, "--version", 2,
                         "--out", loaded / "d2.bundle", "--base", loaded / "v1.bundle",
                         "--full-out", loaded / "full2.bundle")
    assert code == 0, err
    assert "version 1 to 2 (documents: 1 added, 1 changed, 1 removed" in out
    code, out, err = run(capsys, "watchlist", "build", v3, "--key", key, "--version", 3,
                         "--out", loaded / "d3.bundle", "--base", loaded / "full2.bundle")
    assert code == 0, err
    # A gap: the delta from 2 alone, on a desk holding 1.
    code, _, err = run(capsys, "watchlist", "import", loaded / "d3.bundle")
    assert code == 1 and "version 2 is needed first" in err and "unchanged" in err
    # The chain in one go, given in any order.
    code, out, err = run(capsys, "watchlist", "import", loaded / "d3.bundle", loaded / "d2.bundle")
    assert code == 0, err
    assert "imported version 2 (delta from version 1)" in out
    assert "imported version 3 (delta from version 2)" in out
    code, out, _ = run(capsys, "check", "--json", "--mrz", td3("AB0000004"))
    assert json.loads(out)["verdict"] == "HIT"
    code, out, _ = run(capsys, "check", "--json", "--mrz", td3("AB0000002"))
    assert json.loads(out)["verdict"] == "CLEAR"
    # From the old source, without the old bundle.
    v1 = loaded / "src.ndjson"
    code, out, err = run(capsys, "watchlist", "build", v2, "--key", key, "--version", 2,
                         "--out", loaded / "d2b.bundle", "--base-version", 1,
                         "--base-source", v1)
    assert code == 0 and "version 1 to 2" in out, err
    code, _, err = run(capsys, "watchlist", "build", v2, "--key", key, "--version", 2,
                       "--out", loaded / "x.bundle", "--base-version", 1)
    assert code == 2 and "needs --base-source" in err


def test_a_chain_cut_by_a_refused_bundle_says_where_the_lists_stay(loaded, capsys):
    key = loaded / "keys/publisher.key"
    v2 = write_ndjson(loaded / "v2.ndjson", [doc_record(1), doc_record(3)])
    run(capsys, "watchlist", "build", v2, "--key", key, "--version", 2, "--out",
        loaded / "d2.bundle", "--base", loaded / "v1.bundle", "--full-out", loaded / "f2.bundle")
    run(capsys, "watchlist", "build", v2, "--key", key, "--version", 3, "--out",
        loaded / "d3.bundle", "--base", loaded / "f2.bundle")
    import tarfile
    with tarfile.open(loaded / "d3.bundle") as tar:
        member = tar.getmember("delta.db")
    data = bytearray((loaded / "d3.bundle").read_bytes())
    data[member.offset_data + member.size // 2] ^= 1
    (loaded / "d3.bundle").write_bytes(bytes(data))
    code, out, err = run(capsys, "watchlist", "import", loaded / "d2.bundle", loaded / "d3.bundle")
    assert code == 1 and "imported version 2" in out
    assert "the lists stay at version 2, imported above" in err
