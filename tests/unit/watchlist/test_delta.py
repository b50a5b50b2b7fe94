"""Delta bundles: built from the new source and the base, applied only on their exact base,
in a chain, with the merged indexes exactly the publisher's."""

import pytest

from borderdesk.watchlist import delta
from borderdesk.watchlist.exceptions import (CorruptBundle, NeedsBase, StaleVersion,
                                             WatchlistError)
from borderdesk.watchlist.lists import Lists
from borderdesk.watchlist.store import Store

from .conftest import doc_record, resign, write_ndjson


def person(i, surname="Haddad", **over):
    rec = {"kind": "person", "id": f"P{i}", "list": "WANTED",
           "names": [{"surname": f"{surname}", "given_names": f"Karim{i}"}],
           "birth_date": f"19{50 + i % 40}", "sex": "M", "category": "wanted", "action": "Hold"}
    rec.update(over)
    return rec


V1 = [doc_record(i) for i in range(1, 40)] + [person(i) for i in range(20)]


def v2_records():
    docs = [doc_record(i) for i in range(1, 40) if i not in (5, 6)]  # 5, 6 removed
    docs[0] = doc_record(1, status="revoked")  # changed details, same number
    docs[1] = doc_record(2, document_number="ZZ9999999")  # changed number
    docs += [doc_record(i, list="NATIONAL", action="Call the duty officer")
             for i in range(100, 110)]  # added, with new strings
    persons = [person(i) for i in range(20) if i != 3]  # P3 removed
    persons[0] = person(0, surname="Mansouri")  # changed name
    persons += [person(i, surname="Benali") for i in range(50, 55)]  # added
    return docs + persons


class Chain:
    """A publisher's run: full v1, then deltas, each beside the full bundle of its version."""

    def __init__(self, publisher):
        self.p = publisher
        self.full = {1: publisher.build(V1, version=1)}
        self.deltas = {}

    def delta(self, records, version, base=None, **kw):
        base = base or version - 1
        src = write_ndjson(self.p.folder / f"src-{version}.ndjson", records)
        out = self.p.folder / f"d{version}.bundle"
        full = self.p.folder / f"full{version}.bundle"
        manifest = delta.build_delta([src], self.p.private, version, out, self.full[base],
                                     valid_hours=48, full_out=full, **kw)
        self.full[version], self.deltas[version] = full, out
        return manifest


@pytest.fixture
def chain(publisher):
    return Chain(publisher)


def found(store, number):
    lists = Lists.open(store.current_dir())
    try:
        return [(d.id, d.list, d.status) for d in lists.documents.find(number)]
    finally:
        lists.close()


def person_ids(store):
    lists = Lists.open(store.current_dir())
    try:
        return lists.persons.list_counts(), len(lists.persons)
    finally:
        lists.close()


def test_a_delta_says_what_changed_and_applies_on_its_base(store, chain):
    manifest = chain.delta(v2_records(), 2)
    assert manifest["kind"] == "delta" and manifest["base"] == 1
    assert manifest["changes"] == {"documents": {"added": 10, "changed": 2, "removed": 2},
                                   "persons": {"added": 5, "changed": 1, "removed": 1}}
    store.import_bundle(chain.full[1])
    state = store.import_bundle(chain.deltas[2])
    assert state["version"] == 2 and store.held_version() == 2
    assert found(store, "AB0000001") == [("D1", "SLTD", "revoked")]
    assert found(store, "AB0000002") == [] and found(store, "ZZ9999999") == [("D2", "SLTD",
                                                                               "stolen")]
    assert found(store, "AB0000005") == []
    assert found(store, "AB0000100") == [("D100", "NATIONAL", "stolen")]
    assert found(store, "AB0000007") == [("D7", "SLTD", "stolen")]  # unchanged
    assert person_ids(store) == ({"WANTED": 24}, 24)
    Lists.verify(store.current_dir(), store.manifest())  # whole, every record checked


def test_the_delta_gives_the_same_lists_as_the_full_bundle(store, chain, data_dir, publisher):
    chain.delta(v2_records(), 2)
    store.import_bundle(chain.full[1])
    store.import_bundle(chain.deltas[2])
    other = Store(data_dir / "other")
    other.trust(publisher.public)
    other.import_bundle(chain.full[2])
    for number in ("AB0000001", "ZZ9999999", "AB0000101", "AB0000039", "AB0000006"):
        assert found(store, number) == found(other, number)
    for name in ("documents.hash", "persons.hash", "persons.pids", "persons.born"):
        assert (store.current_dir() / name).read_bytes() == \
            (other.current_dir() / name).read_bytes()
    assert person_ids(store) == person_ids(other)


def test_a_chain_of_deltas_and_a_gap(store, chain):
    chain.delta(v2_records(), 2)
    v3 = [r for r in v2_records() if r.get("id") != "D7"] + [doc_record(7, list="NATIONAL")]
    chain.delta(v3, 3)
    chain.delta(v3 + [person(90)], 4)
    store.import_bundle(chain.full[1])
    with pytest.raises(NeedsBase, match="takes version 2 to 3; this desk holds version 1: "
                                        "version 2 is needed first") as err:
        store.import_bundle(chain.deltas[3])
    assert err.value.needed == 2 and store.held_version() == 1
    for v in (2, 3, 4):
        store.import_bundle(chain.deltas[v])
    assert store.held_version() == 4
    assert found(store, "AB0000007") == [("D7", "NATIONAL", "stolen")]
    assert person_ids(store)[1] == 25
    Lists.verify(store.current_dir(), store.manifest())
    with pytest.raises(StaleVersion, match="replay or a rollback"):
        store.import_bundle(chain.deltas[3])
    # A full bundle after deltas starts afresh (no overlay).
    store.import_bundle(chain.p.build(V1, version=9))
    assert not (store.current_dir() / "overlay.db").exists()


def test_a_delta_on_no_lists_or_another_series(store, chain, publisher):
    chain.delta(v2_records(), 2)
    with pytest.raises(NeedsBase, match="holds no lists: import a full bundle"):
        store.import_bundle(chain.deltas[2])
    store.import_bundle(publisher.build(V1, version=1, name="other.bundle", series=7))
    with pytest.raises(NeedsBase, match="series 1, the lists held to series 7"):
        store.import_bundle(chain.deltas[2])


def test_a_delta_that_does_not_fit_its_base(store, chain, publisher, tmp_path):
    chain.delta(v2_records(), 2)
    store.import_bundle(chain.full[1])
    before = store.manifest()

    def lie(manifest):
        manifest["result"]["documents.hash"] = "0" * 64
    with pytest.raises(CorruptBundle, match="differ from the publisher's"):
        store.import_bundle(resign(chain.deltas[2], tmp_path / "lie.bundle", publisher.key, lie))
    assert store.manifest() == before and list(store.root.glob("staging-*")) == []


def _delta_edited(chain, publisher, tmp_path, sql: str):
    """Delta 2 of ``chain`` with ``sql`` run on its database, hashed and signed again by the
    publisher: what a publisher's bug (or a stolen key) could ship."""
    import gzip
    import hashlib
    import sqlite3
    chain.delta(v2_records(), 2)

    def edit(parts, manifest):
        db = tmp_path / "delta.db"
        db.write_bytes(gzip.decompress(parts["delta.db"]))
        with sqlite3.connect(db) as conn:
            conn.execute(sql)
        conn.close()
        raw = db.read_bytes()
        parts["delta.db"] = gzip.compress(raw)
        manifest["parts"]["delta.db"].update(size=len(raw), stored_size=len(parts["delta.db"]),
                                             sha256=hashlib.sha256(raw).hexdigest())
    return resign(chain.deltas[2], tmp_path / "bad.bundle", publisher.key, edit_parts=edit)


def test_a_hostile_delta_record(store, chain, publisher, tmp_path):
    bad = _delta_edited(chain, publisher, tmp_path,
                        "UPDATE person_add SET record = json_set(record, '$.sex', 'Q') "
                        "WHERE pid = (SELECT min(pid) FROM person_add)")
    store.import_bundle(chain.full[1])
    with pytest.raises(CorruptBundle, match="does not validate: 'sex'"):
        store.import_bundle(bad)
    assert store.held_version() == 1


def test_delta_from_the_old_source(store, publisher):
    old = write_ndjson(publisher.folder / "old.ndjson", V1)
    new = write_ndjson(publisher.folder / "new.ndjson", v2_records())
    from borderdesk.watchlist import build
    build.build([old], publisher.private, 1, publisher.folder / "v1.bundle")
    store.import_bundle(publisher.folder / "v1.bundle")
    manifest = delta.build_delta_from_source([new], publisher.private, 2,
                                             publisher.folder / "d2.bundle", 1, [old],
                                             valid_hours=24)
    assert manifest["changes"]["documents"]["added"] == 10
    store.import_bundle(publisher.folder / "d2.bundle")
    assert found(store, "AB0000100") == [("D100", "NATIONAL", "stolen")]


def test_base_must_be_full_and_older(chain):
    chain.delta(v2_records(), 2)
    with pytest.raises(WatchlistError, match="must be higher than the base's 2"):
        chain.delta(v2_records(), 2, base=2)
    with pytest.raises(WatchlistError, match="base must be a full bundle"):
        delta.build_delta([chain.p.folder / "src-2.ndjson"], chain.p.private, 3,
                          chain.p.folder / "x.bundle", chain.deltas[2], valid_hours=1)


def test_a_chain_on_a_desk_with_other_name_rules(store, chain, monkeypatch, data_dir):
    """The publisher prepared the names with other rules: the desk prepares them again, on
    the full bundle and on each delta's persons, keeping the person numbers the deltas use."""
    from borderdesk.desk.service import Desk
    from borderdesk.watchlist import personindex

    from .conftest import td3
    monkeypatch.setattr(personindex, "_rules_version", "older-rules")
    chain.full[1] = chain.p.build(V1, version=1, name="older1.bundle")
    chain.delta(v2_records(), 2)
    v3 = [r for r in v2_records() if r.get("id") not in ("P7", "P51")]
    chain.delta(v3, 3)
    monkeypatch.setattr(personindex, "_rules_version", None)  # the desk's own rules
    store.import_bundle(chain.full[2])  # a full bundle with unused person numbers
    assert (store.current_dir() / "name-rules").is_file()
    store.import_bundle(chain.deltas[3])
    Lists.verify(store.current_dir(), store.manifest())
    assert person_ids(store)[1] == 22
    verdict = Desk().check(td3("ZZ1234567", "DZA", "BENALI", "KARIM52", "620101"))
    assert "P52" in [m.record_id for m in verdict.matches]
    verdict = Desk().check(td3("ZZ1234567", "DZA", "BENALI", "KARIM51", "610101"))
    assert "P51" not in [m.record_id for m in verdict.matches]


@pytest.mark.parametrize("part", ["delta.db", "persons-add.hash", "persons-add.pids"])
def test_a_flipped_byte_in_a_delta_part(store, chain, part, tmp_path):
    import tarfile
    chain.delta(v2_records(), 2)
    store.import_bundle(chain.full[1])
    path = chain.deltas[2]
    with tarfile.open(path) as tar:
        member = tar.getmember(part)
        offset = member.offset_data + member.size // 2
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptBundle, match="altered or damaged|not valid gzip|truncated"):
        store.import_bundle(path)
    assert store.held_version() == 1 and list(store.root.glob("staging-*")) == []


def test_a_delta_that_removes_what_its_base_lacks(store, chain, publisher, tmp_path):
    bad = _delta_edited(chain, publisher, tmp_path, "INSERT INTO doc_del VALUES (12345, 67890)")
    store.import_bundle(chain.full[1])
    with pytest.raises(CorruptBundle, match="removes 1 document record\\(s\\) its base does "
                                            "not hold"):
        store.import_bundle(bad)
    assert store.held_version() == 1
