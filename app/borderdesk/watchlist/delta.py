"""Delta bundles: the records added, changed and removed since a base version.

A delta bundle is signed and checked like a full one (:mod:`.bundle`); its
manifest has ``kind`` ``delta``, names its ``base`` version and carries the
base's hash key (``index_key``, ``series``): a delta applies on its exact base
and nowhere else. Its parts are ``delta.db`` (the changes, :mod:`.overlay`'s
schema) and ``persons-add.hash`` / ``persons-add.pids`` (the candidate keys of
the persons it adds, sorted by hash).

Applying a delta (:func:`apply`) makes the new version in a staging directory
without touching the live one: the base's two databases are hard-linked (never
written), the changes go into the version's ``overlay.db``, and the sorted
hash indexes are merged with numpy — the removed hashes masked out, the added
ones inserted at their ``searchsorted`` places — in time linear in the index
and without reading the source. The signed manifest holds the SHA-256 of the
merged indexes (``result``): the desk's merge must come out byte for byte as
the publisher's.

The publisher builds a delta (:func:`build_delta`) from the new source and the
base bundle: document rows are compared by their encrypted form (the same
record gives the same row under the same key and strings), persons by their
record; it then applies the delta to the base itself, for the ``result``
digests and, with ``full_out``, the full bundle of the new version (the base
of the next delta, and the bundle for desks too far behind).
"""

from __future__ import annotations

import hashlib
import json
from array import array
import os
import shutil
import sqlite3
import tempfile
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from . import bundle, hashindex, keys, overlay
from .documents import DocumentWriter, _signed
from .exceptions import BundleError, CorruptBundle, WatchlistError
from .personindex import PIDS, YEARS, PersonWriter, _year, check_person, rules_version
from .records import DocumentRecord
from .source import Sources

BATCH = 200_000
# What a delta writes anew in the version it makes (the databases are linked, not copied).
REWRITTEN = ("documents.hash", "documents.dir", "persons.hash", "persons.dir", "persons.pids",
             "persons.born", overlay.NAME)
U64 = np.dtype("<u8")


def _fsync(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _uint64(values) -> np.ndarray:
    return np.fromiter(values, dtype=np.int64).view(np.uint64)


def _without(sorted_hashes: np.ndarray, removed: np.ndarray) -> np.ndarray:
    """``sorted_hashes`` with one occurrence of each of ``removed`` taken out."""
    if not len(removed):
        return sorted_hashes
    uniq, counts = np.unique(removed, return_counts=True)
    left = np.searchsorted(sorted_hashes, uniq, "left")
    right = np.searchsorted(sorted_hashes, uniq, "right")
    if np.any(right - left < counts):
        raise CorruptBundle("the delta removes documents its base does not hold")
    at = np.repeat(left, counts) + (np.arange(len(removed))
                                    - np.repeat(np.cumsum(counts) - counts, counts))
    keep = np.ones(len(sorted_hashes), dtype=bool)
    keep[at] = False
    return sorted_hashes[keep]


def _merged(sorted_values: np.ndarray, added: np.ndarray, *others):
    """Insert the sorted ``added`` into ``sorted_values`` (after equal values); ``others``
    are (array, inserted) pairs moved alongside."""
    at = np.searchsorted(sorted_values, added, "right")
    return (np.insert(sorted_values, at, added),
            *(np.insert(array, at, inserted) for array, inserted in others))


def _count(db: sqlite3.Connection, sql: str) -> int:
    return db.execute(sql).fetchone()[0]


def apply(base: Path, delta: Path, out: Path, manifest: dict, base_documents: int, *,
          check_records: bool = True) -> dict[str, str]:
    """Make in the empty directory ``out`` the version the delta unpacked in ``delta``
    makes of the version in ``base``; returns the SHA-256 of the merged indexes.

    Raises :class:`CorruptBundle` when the delta does not fit its base (it removes
    what the base does not hold, adds what it holds, numbers persons wrongly).
    """
    for name in ("documents.db", "persons.db"):
        os.link(base / name, out / name)  # immutable from here on: a version only reads them
    old_overlay = base / overlay.NAME
    if old_overlay.is_file():
        shutil.copyfile(old_overlay, out / overlay.NAME)
    else:
        overlay.create(out / overlay.NAME).close()
    slots = (base / "persons.born").stat().st_size // YEARS.itemsize
    reprepare = _rules_differ(base, manifest)
    try:
        added = _AddedPersons(delta, check_records and not reprepare)  # beside the merges
    except sqlite3.Error as exc:
        raise CorruptBundle(f"the delta's changes cannot be read: {exc}") from None
    try:
        return _apply(base, delta, out, manifest, base_documents, slots, reprepare, added)
    finally:
        added.join()  # never left reading a staging directory that goes


def _apply(base, delta, out, manifest, base_documents, slots, reprepare, added_persons):
    db = sqlite3.connect(f"file:{out / overlay.NAME}", uri=True, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("ATTACH DATABASE ? AS d", (f"file:{delta / 'delta.db'}?mode=ro",))
        db.execute("ATTACH DATABASE ? AS bd", (f"file:{base / 'documents.db'}?mode=ro",))
        db.execute("ATTACH DATABASE ? AS bp", (f"file:{base / 'persons.db'}?mode=ro",))
        reprepared = _reprepared(db, slots, delta, out, manifest) if reprepare else None
        db.execute("BEGIN")
        doc_del, doc_add = _apply_documents(db)
        rows = base_documents - len(doc_del) + len(doc_add)
        if rows != manifest.get("counts", {}).get("documents"):
            raise CorruptBundle(f"the delta leaves {rows} document records, its manifest "
                                f"declares {manifest.get('counts', {}).get('documents')}")
        person_del, added_years, add_keys = _apply_persons(db, slots, added_persons, delta,
                                                           reprepared)
        db.execute("COMMIT")
    except sqlite3.IntegrityError as exc:
        raise CorruptBundle(f"the delta does not fit its base: {exc}") from None
    finally:
        db.close()
        shutil.rmtree(out / "reprepare", ignore_errors=True)
    _fsync(out / overlay.NAME)

    documents = _without(np.fromfile(base / "documents.hash", dtype=U64), doc_del)
    (documents,) = _merged(documents, np.sort(doc_add))
    hashindex.write(out / "documents", documents)
    digests = {"documents.hash": hashlib.sha256(documents.data).hexdigest()}
    del documents

    pids = np.fromfile(base / "persons.pids", dtype=PIDS)
    hashes = np.fromfile(base / "persons.hash", dtype=U64)
    years = np.fromfile(base / "persons.born", dtype=YEARS)
    dead = np.zeros(slots, dtype=bool)
    dead[person_del] = True
    live = ~dead[pids] if len(pids) else np.zeros(0, dtype=bool)
    hashes, pids = hashes[live], pids[live]
    years[person_del] = 0
    add_hashes, add_pids = add_keys
    hashes, pids = _merged(hashes, add_hashes, (pids, add_pids))
    hashindex.write(out / "persons", hashes)
    pids = pids.astype(PIDS)
    pids.tofile(out / "persons.pids")
    digests["persons.hash"] = hashlib.sha256(hashes.data).hexdigest()
    digests["persons.pids"] = hashlib.sha256(pids.data).hexdigest()
    if isinstance(added_years, _AddedPersons):
        added_years = added_years.result()
    np.concatenate([years, added_years]).astype(YEARS).tofile(out / "persons.born")
    if reprepare or (base / "name-rules").is_file():
        (out / "name-rules").write_text(rules_version())
    for name in ("documents.hash", "documents.dir", "persons.hash", "persons.dir",
                 "persons.pids", "persons.born"):
        _fsync(out / name)
    if reprepare:  # the persons' keys are the desk's own; only the documents can be compared
        return {"documents.hash": digests["documents.hash"]}
    return digests


def person_changes(delta: Path) -> dict[str, int]:
    """How many persons the delta unpacked in ``delta`` adds (or, negative, removes) on
    each list."""
    db = sqlite3.connect(f"file:{delta / 'delta.db'}?mode=ro", uri=True)
    try:
        changes: dict[str, int] = {}
        for name, n in db.execute("SELECT list, -count(*) FROM person_del GROUP BY list "
                                  "UNION ALL SELECT list, count(*) FROM person_add GROUP BY list"):
            changes[name] = changes.get(name, 0) + n
        return changes
    except sqlite3.Error as exc:
        raise CorruptBundle(f"the delta's changes cannot be read: {exc}") from None
    finally:
        db.close()


def _rules_differ(base: Path, manifest: dict) -> bool:
    rules = (manifest.get("persons") or {}).get("name_rules")
    return bool(manifest.get("changes", {}).get("persons", {}).get("added")) and \
        rules != rules_version()


def _apply_documents(db: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray]:
    removed = _count(db, "SELECT count(*) FROM d.doc_del")
    # A row an earlier delta added goes from the overlay; a row of the base is hidden.
    db.execute("DELETE FROM main.doc_add WHERE (h, n) IN (SELECT h, n FROM d.doc_del)")
    undone = _count(db, "SELECT changes()")
    db.execute("""INSERT INTO main.doc_del SELECT h, n FROM d.doc_del x
                  WHERE EXISTS (SELECT 1 FROM bd.documents b WHERE b.h = x.h AND b.n = x.n)
                  AND NOT EXISTS (SELECT 1 FROM main.doc_del y WHERE y.h = x.h AND y.n = x.n)""")
    hidden = _count(db, "SELECT changes()")
    if undone + hidden != removed:
        raise CorruptBundle(f"the delta removes {removed - undone - hidden} document record(s) "
                            "its base does not hold")
    clash = _count(db, """SELECT count(*) FROM d.strings x
                          WHERE x.i IN (SELECT i FROM bd.strings)""")
    if clash:
        raise CorruptBundle("the delta's strings clash with its base's")
    db.execute("INSERT INTO main.strings SELECT i, s FROM d.strings")
    held = _count(db, """SELECT count(*) FROM d.doc_add x
                         WHERE EXISTS (SELECT 1 FROM bd.documents b WHERE b.h = x.h AND b.n = x.n)
                         AND NOT EXISTS (SELECT 1 FROM main.doc_del y
                                         WHERE y.h = x.h AND y.n = x.n)""")
    if held:
        raise CorruptBundle(f"the delta adds {held} document record(s) its base holds already")
    db.execute("INSERT INTO main.doc_add SELECT h, n, data FROM d.doc_add")
    doc_del = _uint64(h for (h,) in db.execute("SELECT h FROM d.doc_del"))
    doc_add = _uint64(h for (h,) in db.execute("SELECT h FROM d.doc_add"))
    return doc_del, doc_add


def _apply_persons(db: sqlite3.Connection, slots: int, added_persons: _AddedPersons,
                   delta: Path, reprepared):
    removed = _count(db, "SELECT count(*) FROM d.person_del")
    db.execute("""DELETE FROM main.person_add WHERE pid IN
                  (SELECT x.pid FROM d.person_del x JOIN main.person_add a
                   ON a.pid = x.pid AND a.list = x.list AND a.id = x.id)""")
    undone = _count(db, "SELECT changes()")
    db.execute("""INSERT INTO main.person_del SELECT x.pid, x.list, x.id FROM d.person_del x
                  WHERE EXISTS (SELECT 1 FROM bp.persons b
                                WHERE b.pid = x.pid AND b.list = x.list AND b.id = x.id)
                  AND x.pid NOT IN (SELECT pid FROM main.person_del)""")
    hidden = _count(db, "SELECT changes()")
    if undone + hidden != removed:
        raise CorruptBundle(f"the delta removes {removed - undone - hidden} person record(s) "
                            "its base does not hold")
    person_del = np.fromiter((p for (p,) in db.execute("SELECT pid FROM d.person_del")),
                             dtype=np.int64)
    first, last, added = db.execute(
        "SELECT min(pid), max(pid), count(*) FROM d.person_add").fetchone()
    if added and (first != slots or last != slots + added - 1):
        raise CorruptBundle("the delta numbers its persons otherwise than after its base's")
    db.execute("INSERT INTO main.person_add SELECT pid, list, id, record, prepared "
               "FROM d.person_add")
    if reprepared is not None:  # prepared by this desk's rules: the records were validated
        db.execute("UPDATE main.person_add SET prepared = (SELECT prepared FROM w.persons p "
                   "WHERE p.pid = person_add.pid) WHERE pid >= ?", (slots,))
        return person_del, reprepared[0], reprepared[1]
    years = added_persons
    add_hashes = np.fromfile(delta / "persons-add.hash", dtype=U64)
    add_pids = np.fromfile(delta / "persons-add.pids", dtype=PIDS)
    if len(add_hashes) != len(add_pids) or (len(add_pids) and (
            add_pids.min() < slots or add_pids.max() >= slots + added)):
        raise CorruptBundle("the delta's name keys name persons it does not add")
    if len(add_hashes) > 1 and not np.all(add_hashes[1:] >= add_hashes[:-1]):
        raise CorruptBundle("the delta's name keys are not sorted")
    return person_del, years, (add_hashes, add_pids)


class _AddedPersons(threading.Thread):
    """Validates the delta's added person records and reads their birth years, on a thread
    beside the merges (which spend their time in SQLite and numpy, without the GIL);
    :meth:`result` waits for it and gives the years, or raises what it found."""

    def __init__(self, delta: Path, check_records: bool) -> None:
        super().__init__(name="delta-persons", daemon=True)
        self.delta, self.check_records = delta, check_records
        db = sqlite3.connect(f"file:{delta / 'delta.db'}?mode=ro", uri=True)
        try:
            (added,) = db.execute("SELECT count(*) FROM person_add").fetchone()
        finally:
            db.close()
        self.years = np.zeros(added, dtype=YEARS)
        self.error: Exception | None = None
        self.start()

    def run(self) -> None:
        db = None
        try:
            db = sqlite3.connect(f"file:{self.delta / 'delta.db'}?mode=ro", uri=True)
            rows = db.execute("SELECT pid, record, prepared FROM person_add ORDER BY pid")
            for i, (pid, text, prepared) in enumerate(rows):
                rec = json.loads(text)
                year = _year(rec.get("birth_date") or "") if isinstance(rec, dict) else 0
                self.years[i] = year  # the numbers run on from the base's (checked)
                if self.check_records:
                    check_person(pid, text, prepared, year)
        except Exception as exc:  # handed to the thread that applies the delta
            self.error = exc
        finally:
            if db is not None:
                db.close()

    def result(self) -> np.ndarray:
        self.join()
        if isinstance(self.error, (CorruptBundle, sqlite3.Error)):
            raise self.error
        if self.error is not None:
            raise CorruptBundle(f"a person record of the delta does not validate: "
                                f"{self.error}")
        return self.years


def _reprepared(db: sqlite3.Connection, slots: int, delta: Path, out: Path, manifest: dict):
    """The added persons prepared with this desk's name rules (a publisher on other rules),
    attached as ``w``; returns their years and (key hashes, person numbers)."""
    from .personindex import _record
    work = out / "reprepare"
    work.mkdir()
    writer = PersonWriter(work, bytes.fromhex(manifest["index_key"]), first_pid=slots)
    source = sqlite3.connect(f"file:{delta / 'delta.db'}?mode=ro", uri=True)
    try:
        for (text,) in source.execute("SELECT record FROM person_add ORDER BY pid"):
            try:
                writer.add(_record(json.loads(text)))
            except (ValueError, TypeError, KeyError) as exc:
                raise CorruptBundle(f"a person record of the delta does not validate: "
                                    f"{exc}") from None
    finally:
        source.close()
    parts = writer.finish()
    db.execute("ATTACH DATABASE ? AS w", (str(parts["persons.db"][0]),))
    return (np.fromfile(parts["persons.born"][0], dtype=YEARS),
            (np.fromfile(parts["persons.hash"][0], dtype=U64),
             np.fromfile(parts["persons.pids"][0], dtype=PIDS)))


# -- the publisher's side ---------------------------------------------------------------

def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat(timespec="seconds")


def _digest8(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def build_delta(sources: list[Path], key_path: Path, version: int, out: Path, base: Path, *,
                valid_hours: float, now: datetime | None = None, full_out: Path | None = None,
                progress=None, key_changes: dict | None = None) -> dict:
    """Build the signed delta bundle ``out`` taking the full bundle ``base`` to the records
    of ``sources`` as ``version``; with ``full_out``, also the full bundle of ``version``
    (same series: the base of the next delta). Returns the delta's manifest."""
    if version < 1:
        raise WatchlistError("the version must be a positive whole number")
    if valid_hours <= 0:
        raise WatchlistError("the validity must be a positive number of hours")
    key = keys.load_private(key_path)
    now = now or datetime.now(timezone.utc)
    out = Path(out).absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".delta-", dir=out.parent))
    try:
        base_dir = work / "base"
        base_dir.mkdir()
        base_manifest = _unpack_base(Path(base), key, base_dir, version)
        return _build(sources, key, version, out, work, base_dir, base_manifest, now,
                      valid_hours, full_out, progress, key_changes)
    except sqlite3.Error as exc:  # the disk filled up, most likely
        raise WatchlistError(f"building the delta failed: {exc}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_delta_from_source(sources: list[Path], key_path: Path, version: int, out: Path,
                            base_version: int, base_sources: list[Path], *,
                            series: int | None = None, valid_hours: float,
                            now: datetime | None = None, full_out: Path | None = None,
                            key_changes: dict | None = None) -> dict:
    """The delta from ``base_version``, built as a full bundle from ``base_sources`` (by
    ``build`` with the same key and ``series``, by default ``base_version``)."""
    from .build import build
    out = Path(out).absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".delta-base-", dir=out.parent))
    try:
        base = work / "base.bundle"
        build(base_sources, key_path, base_version, base, valid_hours=valid_hours, now=now,
              series=series)
        return build_delta(sources, key_path, version, out, base, valid_hours=valid_hours,
                           now=now, full_out=full_out, key_changes=key_changes)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _unpack_base(base: Path, key, into: Path, version: int) -> dict:
    public = key.public_key()

    def accept(manifest: dict) -> None:
        if manifest.get("kind") != "full":
            raise WatchlistError("the base must be a full bundle (build one beside each delta "
                                 "with --full-out, the base of the next)")
        if not isinstance(manifest.get("version"), int) or manifest["version"] >= version:
            raise WatchlistError(f"the new version {version} must be higher than the base's "
                                 f"{manifest.get('version')}")
        if not isinstance(manifest.get("series"), int):
            raise WatchlistError("the base bundle names no series (built by an older release): "
                                 "build a full bundle")
    try:
        return bundle.unpack(base, {keys.fingerprint(public): public}, into, accept).manifest
    except BundleError as exc:
        raise WatchlistError(f"the base bundle {base}: {exc}") from None


def _build(sources, key, version, out, work, base_dir, base_manifest, now, valid_hours,
           full_out, progress, key_changes) -> dict:
    hash_key = bytes.fromhex(base_manifest["index_key"])
    base_docs = sqlite3.connect(f"file:{base_dir / 'documents.db'}?mode=ro", uri=True)
    base_people = sqlite3.connect(f"file:{base_dir / 'persons.db'}?mode=ro", uri=True)
    try:
        strings = {s: i for i, s in base_docs.execute("SELECT i, s FROM strings")}
        docs = _BaseDocuments(base_docs)
        people = {(lst, rid): (pid, _digest8(text.encode())) for pid, lst, rid, text in
                  base_people.execute("SELECT pid, list, id, record FROM persons")}
    finally:
        base_docs.close()
        base_people.close()
    slots = (base_dir / "persons.born").stat().st_size // YEARS.itemsize
    (work / "enc").mkdir()
    encoder = DocumentWriter(work / "enc", hash_key, strings)
    (work / "padd").mkdir()
    writer = PersonWriter(work / "padd", hash_key, first_pid=slots)
    delta_dir = work / "delta"
    delta_dir.mkdir()
    db = overlay.create(delta_dir / "delta.db")
    db.execute("BEGIN")
    lists: dict[str, dict] = {}
    person_seen: set = set()
    changes = {"documents": dict.fromkeys(("added", "changed", "removed"), 0),
               "persons": dict.fromkeys(("added", "changed", "removed"), 0)}
    names = 0
    reader = Sources(sources)
    batch: list[tuple[int, int, bytes]] = []
    for n, (_, _, rec) in enumerate(reader, 1):
        if reader.problems:
            continue
        if isinstance(rec, DocumentRecord):
            _note(lists, rec.list, "document")
            batch.append(encoder.row(rec))
            if len(batch) >= BATCH:
                docs.compare(batch, db, changes["documents"])
                batch.clear()
        else:
            info = _note(lists, rec.list, "person")
            info["names"] = info.get("names", 0) + len(rec.names)
            names += len(rec.names)
            text = json.dumps(rec.as_json(), ensure_ascii=False, separators=(",", ":"))
            held = people.get((rec.list, rec.id))
            person_seen.add((rec.list, rec.id))
            if held is not None and held[1] == _digest8(text.encode()):
                continue
            if held is not None:
                db.execute("INSERT INTO person_del VALUES (?, ?, ?)", (held[0], rec.list, rec.id))
                changes["persons"]["changed"] += 1
            else:
                changes["persons"]["added"] += 1
            writer.add(rec)
        if progress and n % 1_000_000 == 0:
            progress(n)
    reader.raise_problems()
    docs.compare(batch, db, changes["documents"])
    docs.removed(db, changes["documents"])
    gone = [(pid, lst, rid) for (lst, rid), (pid, _) in people.items()
            if (lst, rid) not in person_seen]
    db.executemany("INSERT INTO person_del VALUES (?, ?, ?)", gone)
    changes["persons"]["removed"] = len(gone)
    db.executemany("INSERT INTO strings VALUES (?, ?)",
                   [(i, s) for s, i in encoder.strings.items() if s not in strings])
    person_parts = writer.finish()
    db.execute("COMMIT")
    db.execute("ATTACH DATABASE ? AS w", (str(person_parts["persons.db"][0]),))
    db.execute("INSERT INTO person_add SELECT pid, list, id, record, prepared FROM w.persons")
    db.execute("DETACH DATABASE w")
    db.close()
    os.replace(person_parts["persons.hash"][0], delta_dir / "persons-add.hash")
    os.replace(person_parts["persons.pids"][0], delta_dir / "persons-add.pids")

    n_docs = sum(v["records"] for v in lists.values() if v["kind"] == "document")
    n_persons = sum(v["records"] for v in lists.values() if v["kind"] == "person")
    manifest = {
        "kind": "delta",
        "version": version,
        "base": base_manifest["version"],
        "series": base_manifest["series"],
        "created": _iso(now),
        "published": _iso(now),
        "expires": _iso(now + timedelta(hours=valid_hours)),
        "lists": {name: dict(info, published=_iso(now),
                             expires=_iso(now + timedelta(hours=valid_hours)))
                  for name, info in sorted(lists.items())},
        "counts": {"documents": n_docs, "persons": n_persons, "names": names},
        "index_key": base_manifest["index_key"],
        "changes": changes,
        "documents": {"hash": "blake2b-64", "bits": hashindex.directory_bits(n_docs)},
        "persons": {"hash": "blake2b-64", "name_rules": rules_version() if n_persons else None},
    }
    if key_changes:
        manifest["keys"] = key_changes
    applied = work / "applied"
    applied.mkdir()
    manifest["result"] = apply(base_dir, delta_dir, applied, manifest,
                               base_manifest["counts"]["documents"], check_records=False)
    parts = {"delta.db": (delta_dir / "delta.db", "gzip"),
             "persons-add.hash": (delta_dir / "persons-add.hash", "raw"),
             "persons-add.pids": (delta_dir / "persons-add.pids", "raw")}
    written = bundle.write(out, manifest, parts, key, int(now.timestamp()))
    if full_out is not None:
        _write_full(applied, base_dir, work / "full", manifest, Path(full_out).absolute(), key,
                    now)
    return written


def _note(lists: dict, name: str, kind: str) -> dict:
    info = lists.setdefault(name, {"kind": kind, "records": 0})
    if info["kind"] != kind:
        raise WatchlistError(f"list {name!r} holds both documents and persons; "
                             "give each kind its own list name")
    info["records"] += 1
    return info


class _BaseDocuments:
    """The base's document rows, by record number, as digests (for comparing only)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        hs, ns, ds = array("q"), array("q"), array("Q")  # 24 bytes a row, not Python ints
        for h, n, data in db.execute("SELECT h, n, data FROM documents"):
            hs.append(h)
            ns.append(n)
            ds.append(_digest8(data))
        n = np.frombuffer(ns, dtype=np.int64)
        order = np.argsort(n, kind="stable")
        self.n = n[order]
        self.h = np.frombuffer(hs, dtype=np.int64)[order]
        self.d = np.frombuffer(ds, dtype=np.uint64)[order]
        self.seen = np.zeros(len(self.n), dtype=bool)

    def compare(self, rows: list[tuple[int, int, bytes]], db: sqlite3.Connection,
                counts: dict) -> None:
        if not rows:
            return
        h = np.array([_signed(r[0]) for r in rows], dtype=np.int64)
        n = np.array([r[1] for r in rows], dtype=np.int64)
        d = np.array([_digest8(r[2]) for r in rows], dtype=np.uint64)
        at = np.minimum(np.searchsorted(self.n, n), max(len(self.n) - 1, 0))
        found = (self.n[at] == n) if len(self.n) else np.zeros(len(n), dtype=bool)
        same = found & (self.h[at] == h) & (self.d[at] == d)
        self.seen[at[found]] = True
        changed = np.nonzero(found & ~same)[0]
        db.executemany("INSERT INTO doc_del VALUES (?, ?)",
                       [(int(self.h[at[i]]), int(n[i])) for i in changed])
        fresh = np.nonzero(~same)[0]
        db.executemany("INSERT INTO doc_add VALUES (?, ?, ?)",
                       [(int(h[i]), int(n[i]), rows[i][2]) for i in fresh])
        counts["changed"] += len(changed)
        counts["added"] += len(fresh) - len(changed)

    def removed(self, db: sqlite3.Connection, counts: dict) -> None:
        gone = np.nonzero(~self.seen)[0]
        db.executemany("INSERT INTO doc_del VALUES (?, ?)",
                       [(int(self.h[i]), int(self.n[i])) for i in gone])
        counts["removed"] = len(gone)


def _write_full(applied: Path, base_dir: Path, full: Path, manifest: dict, out: Path, key,
                now: datetime) -> dict:
    """Write the version in ``applied`` (base + overlay) as one full bundle at ``out``."""
    full.mkdir()
    compact(applied, full)
    n_keys = (full / "persons.hash").stat().st_size // 8
    full_manifest = {k: v for k, v in manifest.items()
                     if k not in ("base", "changes", "result", "kind")}
    full_manifest.update(kind="full", documents=dict(manifest["documents"]),
                         persons=dict(manifest["persons"], keys=n_keys))
    parts = {name: (full / name, "raw") for name in
             ("documents.hash", "documents.dir", "documents.db", "persons.hash", "persons.dir",
              "persons.pids", "persons.born")}
    parts["persons.db"] = (full / "persons.db", "gzip")
    return bundle.write(out, full_manifest, parts, key, int(now.timestamp()))


def compact(version: Path, out: Path) -> None:
    """Write into ``out`` the version in ``version`` with its overlay folded into its
    databases (a full version again)."""
    for name in ("documents.hash", "documents.dir", "persons.hash", "persons.dir",
                 "persons.pids", "persons.born", "documents.db", "persons.db"):
        shutil.copyfile(version / name, out / name)
    if not (version / overlay.NAME).is_file():
        return
    o = f"file:{version / overlay.NAME}?mode=ro"
    for name, sql in (("documents.db", """
            DELETE FROM documents WHERE (h, n) IN (SELECT h, n FROM o.doc_del);
            INSERT INTO documents SELECT h, n, data FROM o.doc_add;
            INSERT INTO strings SELECT i, s FROM o.strings;"""), ("persons.db", """
            DELETE FROM persons WHERE pid IN (SELECT pid FROM o.person_del);
            INSERT INTO persons SELECT pid, list, id, record, prepared FROM o.person_add;""")):
        db = sqlite3.connect(f"file:{out / name}", uri=True, isolation_level=None)
        try:
            db.execute("ATTACH DATABASE ? AS o", (o,))
            db.executescript("BEGIN;" + sql + "COMMIT;")
            db.execute("DETACH DATABASE o")
        finally:
            db.close()
