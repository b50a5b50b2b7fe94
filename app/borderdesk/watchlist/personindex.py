"""The person lists: records with their prepared names, and an index of their candidate keys.

``persons.db`` (SQLite) holds each person record (as JSON) and its names as
prepared by :func:`borderdesk.watchlist.names.prepare_name` at build time
(pickled, so the desk does no name preparation for the list). The candidate
index ``persons.hash``/``.dir`` (:mod:`.hashindex`) holds the sorted keyed
hashes of every name's :func:`~borderdesk.watchlist.names.candidate_keys`, and
``persons.pids`` the person number beside each hash.

Screening a holder looks up the keys of the holder's name, ranks the persons
those keys lead to by how many (and how rare) keys they share, and scores
only the best of them: never every name on the list.
"""

from __future__ import annotations

import io
import json
import math
import mmap
import pickle
import sqlite3
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import hashindex
from .exceptions import CorruptBundle, InvalidRecord
from .records import PersonRecord, person_record

KEY_PERSON = b"bd-name-key"
BATCH = 20_000
PIDS = np.dtype("<u4")


def _names():
    from . import names  # the name rules; imported when persons are first handled
    return names


def rules_version() -> str:
    return str(getattr(_names(), "RULES_VERSION", "1"))


class PersonWriter:
    """Builds ``persons.db`` and the candidate index in ``workdir``."""

    def __init__(self, workdir: Path, key: bytes) -> None:
        self.workdir = workdir
        self.key = key
        self.count = 0
        self.name_count = 0
        self.lists: dict[str, dict] = {}
        self.key_hashes = array("Q")
        self.key_pids = array("I")
        self._db_path = workdir / "persons.db"
        self._db = sqlite3.connect(self._db_path)
        self._db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE persons(pid INTEGER PRIMARY KEY, list TEXT NOT NULL, id TEXT NOT NULL,
                                 record TEXT NOT NULL, prepared BLOB NOT NULL);
        """)
        self._rows: list[tuple] = []

    def add(self, rec: PersonRecord) -> None:
        names = _names()
        pid = self.count
        prepared = [names.prepare_name(n.surname, n.given_names, n.full_name) for n in rec.names]
        person_keys = set()
        for p in prepared:
            person_keys |= names.candidate_keys(p)
        for k in person_keys:
            self.key_hashes.append(hashindex.keyed_hash(self.key, k, KEY_PERSON))
            self.key_pids.append(pid)
        self._rows.append((pid, rec.list, rec.id,
                           json.dumps(rec.as_json(), ensure_ascii=False, separators=(",", ":")),
                           pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)))
        self.count += 1
        self.name_count += len(rec.names)
        counts = self.lists.setdefault(rec.list, {"records": 0, "names": 0})
        counts["records"] += 1
        counts["names"] += len(rec.names)
        if len(self._rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO persons VALUES (?, ?, ?, ?, ?)", self._rows)
        self._rows.clear()

    def finish(self) -> dict[str, tuple[Path, str]]:
        self._flush()
        self._db.commit()
        self._db.close()
        hashes = np.frombuffer(self.key_hashes, dtype=np.uint64)
        order = np.argsort(hashes, kind="stable")
        prefix = self.workdir / "persons"
        hashindex.write(prefix, hashes[order])
        np.frombuffer(self.key_pids, dtype=PIDS)[order].tofile(prefix.with_suffix(".pids"))
        return {"persons.hash": (prefix.with_suffix(".hash"), "raw"),
                "persons.dir": (prefix.with_suffix(".dir"), "raw"),
                "persons.pids": (prefix.with_suffix(".pids"), "raw"),
                "persons.db": (self._db_path, "gzip")}

    def describe(self) -> dict:
        return {"hash": "blake2b-64", "keys": len(self.key_hashes),
                "name_rules": rules_version() if self.count else None}


class _Unpickler(pickle.Unpickler):
    """Loads prepared names only: the classes of the name rules and plain builtins."""

    SAFE_BUILTINS = frozenset({"frozenset", "set", "tuple", "list", "dict", "str", "int",
                               "float", "bool", "complex", "bytes"})

    def find_class(self, module: str, name: str):
        if module.startswith("borderdesk.watchlist.") or (
                module == "builtins" and name in self.SAFE_BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"refused to load {module}.{name} from a person record")


def load_prepared(blob: bytes) -> list:
    return _Unpickler(io.BytesIO(blob)).load()


@dataclass(frozen=True)
class ListedPerson:
    """A person record with its prepared names, as the scorer needs it."""

    pid: int
    record: PersonRecord
    prepared: tuple


def _record(obj: dict) -> PersonRecord:
    return person_record({k: v for k, v in obj.items() if v is not None})


class PersonList:
    """The person lists of one imported version, for candidate search."""

    CACHE = 4096

    def __init__(self, directory: Path, key: bytes) -> None:
        self.key = key
        self.index = hashindex.HashIndex(directory / "persons")
        path = directory / "persons.pids"
        with path.open("rb") as f:
            size = f.seek(0, 2)
            self._pids_map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if size else None
        self.pids = (np.frombuffer(self._pids_map, dtype=PIDS) if self._pids_map is not None
                     else np.zeros(0, dtype=PIDS))
        if len(self.pids) != len(self.index):
            raise CorruptBundle("persons.pids and persons.hash differ in length")
        self._db = sqlite3.connect(f"file:{directory / 'persons.db'}?mode=ro&immutable=1",
                                   uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.count = self._db.execute("SELECT count(*) FROM persons").fetchone()[0]
        self._cache: OrderedDict[int, ListedPerson] = OrderedDict()

    def __len__(self) -> int:
        return self.count

    def candidates(self, query_keys, limit: int) -> list[int]:
        """The person numbers sharing the most (and the rarest) keys with ``query_keys``.

        Each key weighs its inverse document frequency, ``log(1 + N / df)``; the
        best ``limit`` persons by total weight are returned, best first.
        """
        chunks, weights = [], []
        n = max(self.count, 1)
        for k in query_keys:
            lo, hi = self.index.range(hashindex.keyed_hash(self.key, k, KEY_PERSON))
            if hi > lo:
                chunks.append(self.pids[lo:hi])
                weights.append(np.full(hi - lo, math.log1p(n / (hi - lo)), dtype=np.float32))
        if not chunks:
            return []
        pids = np.concatenate(chunks)
        w = np.concatenate(weights)
        uniq, inverse = np.unique(pids, return_inverse=True)
        totals = np.bincount(inverse, weights=w)
        if len(uniq) > limit:
            best = np.argpartition(-totals, limit)[:limit]
        else:
            best = np.arange(len(uniq))
        best = best[np.argsort(-totals[best], kind="stable")]
        return [int(p) for p in uniq[best]]

    def get(self, pid: int) -> ListedPerson:
        with self._lock:
            hit = self._cache.get(pid)
            if hit is not None:
                self._cache.move_to_end(pid)
                return hit
            row = self._db.execute("SELECT record, prepared FROM persons WHERE pid = ?",
                                   (pid,)).fetchone()
        if row is None:
            raise CorruptBundle(f"the candidate index names person {pid}, which is not stored")
        person = ListedPerson(pid, _record(json.loads(row[0])), tuple(load_prepared(row[1])))
        with self._lock:
            self._cache[pid] = person
            if len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)
        return person

    def check_records(self) -> None:
        """Validate every stored person record (import time); raises :class:`CorruptBundle`."""
        with self._lock:
            rows = self._db.execute("SELECT pid, record FROM persons ORDER BY pid")
            expected = 0
            for pid, text in rows:
                if pid != expected:
                    raise CorruptBundle("the person numbers of persons.db are not 0, 1, 2 ...")
                expected += 1
                try:
                    _record(json.loads(text))
                except (InvalidRecord, ValueError, TypeError) as exc:
                    raise CorruptBundle(f"person record {pid} does not validate: {exc}") from None
        if len(self.pids) and int(self.pids.max()) >= self.count:
            raise CorruptBundle("the candidate index names persons that are not stored")

    def close(self) -> None:
        self.index.close()
        self.pids = np.zeros(0, dtype=PIDS)
        if self._pids_map is not None:
            try:
                self._pids_map.close()
            except BufferError:
                pass  # a candidate slice still refers to it; unmapped when that goes
        self._db.close()
