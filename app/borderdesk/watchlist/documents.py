"""The document lists: which travel documents are reported stolen, lost, revoked, invalidated.

Held in two files. ``documents.hash``/``.dir`` (:mod:`.hashindex`) is the
sorted keyed hash of every listed document number: the only thing read on a
check that finds nothing. ``documents.db`` (SQLite) holds each record's
details under its number's hash, encrypted (ChaCha20-Poly1305, RFC 8439) with
a key derived from the document number itself: the details of a record can
be read by someone who holds that document's number (the desk, on a hit) and
by no one else, so a stolen disk does not hand over the list.

The index is by number alone, not by state and number: one lookup finds the
number under every state, and the state, inside the record, tells an exact
hit from the same number under another state.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from . import hashindex, overlay
from .records import DocumentRecord, normalise_number

INDEX_PERSON = b"bd-doc-index"
DETAIL_PERSON = b"bd-doc-detail"
RECORD_PERSON = b"bd-doc-record"
SEPARATOR = "\x1f"  # between the fields of a record's details (no field holds a control character)
BATCH = 50_000


def _signed(h: int) -> int:
    return h - (1 << 64) if h >= 1 << 63 else h


def _nonce(n: int) -> bytes:
    return (n & (1 << 64) - 1).to_bytes(12, "little")


def record_key(key: bytes, list_name: str, record_id: str) -> int:
    """The record's own number ``n`` (signed 64-bit), from its list and id.

    With the number's hash ``h`` it is the record's key in ``documents.db``, and
    the nonce of its encryption (unique under each number's key, as list and id
    are unique). Derived, not counted, so that a later change to one record
    (a delta) finds it without the rest.
    """
    return _signed(hashindex.keyed_hash(key, f"{list_name}\x00{record_id}", RECORD_PERSON))


def _detail_key(key: bytes, number: str) -> bytes:
    return hashlib.blake2b(number.encode(), key=key, digest_size=32, person=DETAIL_PERSON).digest()


@dataclass(frozen=True, slots=True)
class ListedDocument:
    """A document record found by its number."""

    id: str
    list: str
    issuing_state: str
    document_number: str
    document_type: str
    status: str
    reported: str
    action: str

    def as_json(self) -> dict:
        return {"kind": "document", "id": self.id, "list": self.list,
                "issuing_state": self.issuing_state, "document_number": self.document_number,
                "document_type": self.document_type, "status": self.status,
                "reported": self.reported or None, "action": self.action}


class DocumentWriter:
    """Builds ``documents.hash``/``.dir``/``.db`` in ``workdir`` from records added one by one."""

    def __init__(self, workdir: Path, key: bytes, strings: dict[str, int] | None = None) -> None:
        self.workdir = workdir
        self.key = key
        self.hashes = array("Q")
        self.strings: dict[str, int] = dict(strings or {})  # a delta's: the base's, then new ones
        self.lists: dict[str, int] = {}
        self._tmp = workdir / "documents-unsorted.db"
        self._db = sqlite3.connect(self._tmp)
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                               "CREATE TABLE raw(h INTEGER, n INTEGER, data BLOB);")
        self._rows: list[tuple[int, int, bytes]] = []

    def _string(self, s: str) -> int:
        i = self.strings.get(s)
        if i is None:
            i = self.strings[s] = len(self.strings)
        return i

    def row(self, rec: DocumentRecord) -> tuple[int, int, bytes]:
        """The record as ``documents.db`` stores it: (hash of its number, its own number,
        its details encrypted). The same record gives the same row under the same key and
        strings (the encryption's nonce is the record's own number), so a delta can tell a
        changed record from an unchanged one without decrypting anything."""
        n = record_key(self.key, rec.list, rec.id)
        h = hashindex.keyed_hash(self.key, rec.document_number, INDEX_PERSON)
        plain = SEPARATOR.join((rec.id, str(self._string(rec.list)), rec.issuing_state,
                                rec.document_type, rec.status, rec.reported,
                                str(self._string(rec.action)))).encode()
        data = ChaCha20Poly1305(_detail_key(self.key, rec.document_number)).encrypt(
            _nonce(n), plain, None)
        return h, n, data

    def add(self, rec: DocumentRecord) -> None:
        h, n, data = self.row(rec)
        self.hashes.append(h)
        self.lists[rec.list] = self.lists.get(rec.list, 0) + 1
        self._rows.append((_signed(h), n, data))
        if len(self._rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO raw VALUES (?, ?, ?)", self._rows)
        self._rows.clear()

    def finish(self) -> tuple[Path, Path, Path]:
        """Sort and write the parts; returns the paths of the hash, directory and details files."""
        self._flush()
        self._db.commit()
        self._db.close()
        prefix = self.workdir / "documents"
        hashindex.write(prefix, np.sort(np.frombuffer(self.hashes, dtype=np.uint64)))
        db_path = self.workdir / "documents.db"
        db_path.unlink(missing_ok=True)
        db = sqlite3.connect(db_path)
        db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;
            CREATE TABLE documents(h INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL,
                                   PRIMARY KEY (h, n)) WITHOUT ROWID;
            CREATE TABLE strings(i INTEGER PRIMARY KEY, s TEXT NOT NULL);
        """)
        db.executemany("INSERT INTO strings VALUES (?, ?)",
                       [(i, s) for s, i in self.strings.items()])
        db.execute("ATTACH DATABASE ? AS tmp", (str(self._tmp),))
        db.execute("INSERT INTO documents SELECT h, n, data FROM tmp.raw ORDER BY h, n")
        db.commit()
        db.execute("DETACH DATABASE tmp")
        db.close()
        self._tmp.unlink()
        return prefix.with_suffix(".hash"), prefix.with_suffix(".dir"), db_path


class DocumentList:
    """The document lists of one imported version, for lookups."""

    def __init__(self, directory: Path, key: bytes) -> None:
        self.key = key
        self.index = hashindex.HashIndex(directory / "documents")
        self._db = sqlite3.connect(f"file:{directory / 'documents.db'}?mode=ro&immutable=1",
                                   uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._strings = dict(self._db.execute("SELECT i, s FROM strings"))
        self.overlay = overlay.open_overlay(directory)
        if self.overlay is not None:
            self._strings.update(self.overlay.execute("SELECT i, s FROM strings"))

    def __len__(self) -> int:
        return len(self.index)

    def find(self, number: str) -> list[ListedDocument]:
        """Every record listing document number ``number`` (normalised first), any state."""
        number = normalise_number(number)
        if not number:
            return []
        h = hashindex.keyed_hash(self.key, number, INDEX_PERSON)
        if h not in self.index:
            return []
        with self._lock:
            rows = self._db.execute("SELECT n, data FROM documents WHERE h = ?",
                                    (_signed(h),)).fetchall()
            if self.overlay is not None:  # rows a delta removed or added since the base
                gone = {n for (n,) in self.overlay.execute("SELECT n FROM doc_del WHERE h = ?",
                                                           (_signed(h),))}
                rows = [r for r in rows if r[0] not in gone] + self.overlay.execute(
                    "SELECT n, data FROM doc_add WHERE h = ?", (_signed(h),)).fetchall()
        aead = ChaCha20Poly1305(_detail_key(self.key, number))
        found = []
        for n, data in rows:
            try:
                plain = aead.decrypt(_nonce(n), data, None)
            except InvalidTag:
                continue  # another number with the same 64-bit hash
            rid, list_i, state, doc_type, status, reported, action_i = \
                plain.decode().split(SEPARATOR)
            found.append(ListedDocument(rid, self._strings[int(list_i)], state, number, doc_type,
                                        status, reported, self._strings[int(action_i)]))
        return found

    def row_count(self) -> int:
        with self._lock:
            n = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
            if self.overlay is not None:
                n += self.overlay.execute("SELECT (SELECT count(*) FROM doc_add) - "
                                          "(SELECT count(*) FROM doc_del)").fetchone()[0]
            return n

    def close(self) -> None:
        self.index.close()
        self._db.close()
        if self.overlay is not None:
            self.overlay.close()
