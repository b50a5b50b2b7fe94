"""Signed bundles: keys, build, and every hostile bundle refused with nothing changed."""

import gzip
import json
import os
import stat
import tarfile

import pytest

from borderdesk.watchlist import bundle, keys
from borderdesk.watchlist.exceptions import (BadSignature, BundleError, CorruptBundle,
                                             KeyFileError, StaleVersion, UnknownPublisher,
                                             UnsafeBundle)

from .conftest import Publisher, doc_record, members, resign, write_tar

PERSONS = [
    {"kind": "person", "id": f"P{i}", "list": "WANTED", "names": [{"surname": s, "given_names": g}],
     "birth_date": f"19{60 + i}", "sex": "M", "category": "wanted", "action": "Hold"}
    for i, (s, g) in enumerate([("Ben Ali", "Mohamed"), ("Haddad", "Karim"), ("Saidi", "Omar")])]
RECORDS = [doc_record(i) for i in range(1, 50)] + PERSONS


def test_keygen_writes_a_private_key_only_its_owner_reads(tmp_path):
    private, public, fp = keys.generate(tmp_path / "k")
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert keys.fingerprint(keys.load_public(public)) == fp
    assert keys.fingerprint(keys.load_private(private).public_key()) == fp
    with pytest.raises(KeyFileError, match="never overwritten"):
        keys.generate(tmp_path / "k")


def test_bad_key_files(tmp_path, publisher):
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("hello")
    with pytest.raises(KeyFileError, match="not an unencrypted Ed25519 private key"):
        keys.load_private(garbage)
    with pytest.raises(KeyFileError, match="is a private key"):
        keys.load_public(publisher.private)
    with pytest.raises(KeyFileError, match="cannot read"):
        keys.load_public(tmp_path / "missing.pub")


def test_manifest_lists_everything_signed(publisher):
    path = publisher.build(RECORDS, version=7, valid_hours=48)
    items = members(path)
    assert [m.name for m, _ in items[:2]] == ["manifest.json", "manifest.sig"]
    manifest = json.loads(items[0][1])
    keys.verify(publisher.key.public_key(), items[1][1], items[0][1])
    assert manifest["version"] == 7 and manifest["kind"] == "full"
    stamp = {"published": manifest["published"], "expires": manifest["expires"]}
    assert manifest["lists"] == {"SLTD": {"kind": "document", "records": 49, **stamp},
                                 "WANTED": {"kind": "person", "records": 3, "names": 3, **stamp}}
    assert manifest["counts"]["documents"] == 49
    assert manifest["publisher"] == publisher.fingerprint
    assert {"created", "published", "expires"} <= set(manifest)
    assert set(manifest["parts"]) == {m.name for m, _ in items[2:]}
    # Document numbers do not appear in the clear anywhere in the bundle.
    assert b"AB0000001" not in path.read_bytes()


def test_import_then_refuse_replay_and_rollback(store, publisher):
    store.import_bundle(publisher.build(RECORDS, version=2))
    with pytest.raises(StaleVersion, match="version 2 is not newer than version 2"):
        store.import_bundle(publisher.folder / "v2.bundle")
    with pytest.raises(StaleVersion, match="version 1 is not newer"):
        store.import_bundle(publisher.build(RECORDS, version=1))
    assert store.manifest()["version"] == 2


def listing(store):
    if not store.root.exists():
        return []
    return sorted(p.name for p in store.root.iterdir() if p.name != "import.lock")


def refused(store, path, error, match):
    before, files = store.manifest(), listing(store)
    with pytest.raises(error, match=match):
        store.import_bundle(path)
    assert store.manifest() == before
    assert listing(store) == files  # no staging directory left behind


@pytest.fixture
def live(store, publisher):
    store.import_bundle(publisher.build(RECORDS, version=1))
    return publisher.build(RECORDS + [doc_record(99)], version=2)


def test_unknown_key(store, live, tmp_path):
    stranger = Publisher(tmp_path / "stranger")
    refused(store, stranger.build(RECORDS, version=5), UnknownPublisher,
            f"publisher key {stranger.fingerprint}, which this desk does not trust")


def test_wrong_signature(store, live, tmp_path):
    stranger = Publisher(tmp_path / "stranger")
    forged = resign(live, tmp_path / "forged.bundle", stranger.key)  # claims the trusted key
    refused(store, forged, BadSignature, "signature does not verify")


def test_manifest_edited_after_signing(store, live, tmp_path, publisher):
    items = members(live)
    manifest = json.loads(items[0][1])
    manifest["version"] = 99
    items[0] = (items[0][0], bundle.manifest_bytes(manifest))
    refused(store, write_tar(tmp_path / "edited.bundle", items), BadSignature, "does not verify")


def flip(path, offset):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("part", ["documents.hash", "documents.dir", "documents.db",
                                  "persons.db", "persons.hash", "persons.dir", "persons.pids",
                                  "persons.born"])
def test_flipped_byte_in_each_part(store, live, part):
    raw = live.read_bytes()
    items = members(live)
    data = dict((m.name, d) for m, d in items)[part]
    start = raw.index(data) if len(data) > 64 else None
    offset = (start + len(data) // 2) if start is not None else None
    if offset is None:  # a short part: find its member offset through tarfile
        with tarfile.open(live) as tar:
            offset = tar.getmember(part).offset_data + len(data) // 2
    flip(live, offset)
    refused(store, live, (CorruptBundle, UnsafeBundle),
            "altered or damaged|not valid gzip|truncated")


def test_flipped_byte_in_manifest_or_signature(store, live, tmp_path):
    with tarfile.open(live) as tar:
        for name in ("manifest.json", "manifest.sig"):
            copy = tmp_path / f"{name}.bundle"
            copy.write_bytes(live.read_bytes())
            flip(copy, tar.getmember(name).offset_data + 10)
            refused(store, copy, (BadSignature, CorruptBundle), "signature|not JSON|format")


@pytest.mark.parametrize("keep", [0, 100, 600, 1500, 3000, 0.5, 0.9, 0.999])
def test_truncated_file(store, live, tmp_path, keep):
    with tarfile.open(live) as tar:
        last = tar.getmembers()[-1]
        end = last.offset_data + last.size  # after this only the tar's zero padding follows
    n = int(end * keep) if isinstance(keep, float) else keep
    cut = tmp_path / "cut.bundle"
    cut.write_bytes(live.read_bytes()[:n])
    refused(store, cut, BundleError, "truncated|not a borderdesk bundle|damaged")


def test_not_a_bundle_at_all(store, live, tmp_path):
    junk = tmp_path / "junk.bundle"
    junk.write_bytes(os.urandom(5000))
    refused(store, junk, CorruptBundle, "not a borderdesk bundle")
    refused(store, tmp_path / "missing.bundle", BundleError, "no such file")
    refused(store, tmp_path, BundleError, "is a directory")


@pytest.mark.parametrize("name", ["../../evil.hash", "/etc/evil.db", "sub/documents.db",
                                  "documents.db/..", ".hidden.db"])
def test_path_traversal_member(store, live, tmp_path, publisher, name):
    def edit(parts, manifest):
        parts[name] = b"x"
        manifest["parts"][name] = {"size": 1, "stored_size": 1, "encoding": "raw",
                                   "sha256": "0" * 64}
    evil = resign(live, tmp_path / "evil.bundle", publisher.key, edit_parts=edit)
    refused(store, evil, UnsafeBundle, "malformed|not a part name")
    assert not (tmp_path / "evil.hash").exists()


def test_member_not_in_manifest_and_links(store, live, tmp_path):
    items = members(live)
    extra = write_tar(tmp_path / "extra.bundle", items + [(tarfile.TarInfo("extra.db"), b"x")])
    refused(store, extra, UnsafeBundle, "does not list")
    link = tarfile.TarInfo("documents.db")
    link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
    linked = write_tar(tmp_path / "link.bundle",
                       [i for i in items if i[0].name != "documents.db"] + [(link, b"")])
    refused(store, linked, UnsafeBundle, "not a plain file")
    twice = write_tar(tmp_path / "twice.bundle", items + [items[2]])
    refused(store, twice, UnsafeBundle, "twice")


def test_decompression_bomb(store, live, tmp_path, publisher):
    bomb = gzip.compress(b"\0" * (64 << 20), compresslevel=9)  # 64 MB from about 64 kB

    def edit(parts, manifest):
        parts["persons.db"] = bomb
        manifest["parts"]["persons.db"] = {"size": 4096, "stored_size": len(bomb),
                                           "encoding": "gzip", "sha256": "0" * 64}
    path = resign(live, tmp_path / "bomb.bundle", publisher.key, edit_parts=edit)
    refused(store, path, UnsafeBundle, "decompression bomb")


def test_manifest_that_lies_about_sizes_or_counts(store, live, tmp_path, publisher):
    def bigger(manifest):
        manifest["parts"]["documents.hash"]["stored_size"] += 8
    refused(store, resign(live, tmp_path / "a.bundle", publisher.key, bigger), CorruptBundle,
            "the manifest says")

    def count(manifest):
        manifest["counts"]["documents"] += 1
    refused(store, resign(live, tmp_path / "b.bundle", publisher.key, count), CorruptBundle,
            "number of records")

    def huge(manifest):
        manifest["parts"]["documents.db"]["size"] = 1 << 50
    refused(store, resign(live, tmp_path / "c.bundle", publisher.key, huge), UnsafeBundle,
            "terabyte")


def test_unsorted_index_is_refused(store, live, tmp_path, publisher):
    import hashlib

    def edit(parts, manifest):
        data = parts["documents.hash"]
        swapped = data[8:16] + data[:8] + data[16:]
        parts["documents.hash"] = swapped
        manifest["parts"]["documents.hash"]["sha256"] = hashlib.sha256(swapped).hexdigest()
    refused(store, resign(live, tmp_path / "u.bundle", publisher.key, edit_parts=edit),
            CorruptBundle, "not sorted")


def test_no_trusted_publisher(data_dir, publisher):
    from borderdesk.watchlist.store import Store
    refused(Store(data_dir / "watchlist"), publisher.build(RECORDS), BundleError,
            "trusts no publisher")


def _repack_persons(tmp_path, live, key, change_sql):
    import hashlib
    import sqlite3

    def edit(parts, manifest):
        db = tmp_path / "persons.db"
        db.write_bytes(gzip.decompress(parts["persons.db"]))
        with sqlite3.connect(db) as conn:
            conn.execute(change_sql)
        conn.close()
        raw = db.read_bytes()
        parts["persons.db"] = gzip.compress(raw)
        manifest["parts"]["persons.db"].update(size=len(raw), stored_size=len(parts["persons.db"]),
                                               sha256=hashlib.sha256(raw).hexdigest())
    return resign(live, tmp_path / "repacked.bundle", key, edit_parts=edit)


def test_person_record_that_does_not_validate(store, live, tmp_path, publisher):
    bad = _repack_persons(tmp_path, live, publisher.key,
                          """UPDATE persons SET record = json_set(record, '$.sex', 'Q')
                             WHERE pid = 1""")
    refused(store, bad, CorruptBundle, "person record 1 does not validate: 'sex'")


def test_prepared_names_that_do_not_load(store, live, tmp_path, publisher):
    bad = _repack_persons(tmp_path, live, publisher.key,
                          "UPDATE persons SET prepared = '[[1, 2]]' WHERE pid = 2")
    refused(store, bad, CorruptBundle, "person record 2 does not validate")


def test_missing_part(store, live, tmp_path, publisher):
    def edit(parts, manifest):
        del parts["persons.born"], manifest["parts"]["persons.born"]
    refused(store, resign(live, tmp_path / "m.bundle", publisher.key, edit_parts=edit),
            CorruptBundle, "lacks part")


def test_not_enough_disk_space(store, live, monkeypatch):
    import shutil as shutil_module
    from collections import namedtuple
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil_module, "disk_usage", lambda path: usage(10**9, 10**9, 1000))
    refused(store, live, BundleError, "not enough disk space to import")


def test_a_write_that_fails_is_undone(store, live, monkeypatch):
    from borderdesk.watchlist import lists

    def full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(lists.Lists, "prepare_names", staticmethod(full))
    refused(store, live, BundleError, "undone: the disk is full")


def test_a_list_of_two_kinds_is_refused(publisher):
    from borderdesk.watchlist.exceptions import WatchlistError
    person = dict(PERSONS[0], list="SLTD")
    with pytest.raises(WatchlistError, match="holds both documents and persons"):
        publisher.build([doc_record(1), person])
    assert list(publisher.folder.glob("*.bundle")) == []


def test_bad_version_or_validity(publisher):
    from borderdesk.watchlist.exceptions import WatchlistError
    with pytest.raises(WatchlistError, match="positive whole number"):
        publisher.build([doc_record(1)], version=0)
    with pytest.raises(WatchlistError, match="positive number of hours"):
        publisher.build([doc_record(1)], valid_hours=0)


def test_manifest_that_lies_about_a_list(store, live, tmp_path, publisher):
    def moved(manifest):  # the totals still agree; one list claims a record of another
        manifest["lists"]["SLTD"]["records"] -= 1
        manifest["lists"]["WANTED"]["records"] += 1
    refused(store, resign(live, tmp_path / "a.bundle", publisher.key, moved), CorruptBundle,
            "add up|for each list")

    def both(manifest):  # the lists and the total agree, the person list does not
        manifest["lists"]["WANTED"]["records"] += 1
        manifest["counts"]["persons"] += 1
    refused(store, resign(live, tmp_path / "b.bundle", publisher.key, both), CorruptBundle,
            "number of records")

    def odd(manifest):
        manifest["lists"]["SLTD"] = "many"
    refused(store, resign(live, tmp_path / "c.bundle", publisher.key, odd), CorruptBundle,
            "list 'SLTD' is malformed")


def test_a_hostile_bundle_on_the_command_line(store, live, tmp_path, publisher, capsys):
    """Through the CLI: one line naming the reason, exit 1, no traceback, lists unchanged."""
    from borderdesk.cli import main
    before = store.manifest()
    bomb = gzip.compress(b"\0" * (8 << 20))

    def edit(parts, manifest):
        parts["persons.db"] = bomb
        manifest["parts"]["persons.db"].update(size=100, stored_size=len(bomb))
    evil = resign(live, tmp_path / "bomb.bundle", publisher.key, edit_parts=edit)
    code = main(["--data-dir", str(store.root.parent), "watchlist", "import", str(evil)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "bundle refused, the lists are unchanged" in err and "decompression bomb" in err
    assert store.manifest() == before


def test_a_manifest_that_lies_about_the_format(store, live, tmp_path, publisher):
    def old(manifest):
        manifest["format_version"] = 99
    refused(store, resign(live, tmp_path / "f.bundle", publisher.key, old), CorruptBundle,
            "format version 99")

    def version(manifest):
        manifest["version"] = "3"
    refused(store, resign(live, tmp_path / "v.bundle", publisher.key, version), CorruptBundle,
            "positive whole number")
