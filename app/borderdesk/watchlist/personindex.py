"""The person lists: records with their prepared names, and an index of their candidate keys.

``persons.db`` (SQLite) holds each person record (as JSON) and its names as
prepared by :func:`borderdesk.watchlist.names.name_forms` at build time
(:meth:`PreparedName.as_json`, so the desk does no name preparation for the
list, and loads no code from the bundle). ``persons.born`` holds each
person's birth year (``uint16``, 0 when unknown). The candidate
index ``persons.hash``/``.dir`` (:mod:`.hashindex`) holds the sorted keyed
hashes of every name's :func:`~borderdesk.watchlist.names.candidate_keys`, and
``persons.pids`` the person number beside each hash.

Screening a holder looks up the keys of the holder's name, ranks the persons
those keys lead to by how many (and how rare) keys they share, the same birth
year first, and scores only the best of them: never every name on the list.
"""

from __future__ import annotations

import hashlib
import json
import math
import mmap
import os
import sqlite3
import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import hashindex, overlay
from .exceptions import CorruptBundle, InvalidRecord
from .records import PersonRecord, person_record

KEY_PERSON = b"bd-name-key"
RULES_FILE = "name-rules"  # in a version directory whose names the desk prepared again
BATCH = 20_000
PIDS = np.dtype("<u4")
YEARS = np.dtype("<u2")
SAME_YEAR_BONUS = 1000.0  # ranks every person born in the holder's year (or unknown) first


def _names():
    from . import names  # the name rules; imported when persons are first handled
    return names


def _persons():
    from . import persons
    return persons


# Names in several scripts and spellings: what the name rules make of them identifies the rules.
_PROBES = [("Ben Ali", "Mohamed Amine", ""), ("", "", "محمد بن علي"), ("Щербаков", "Иван", ""),
           ("Müller-Lüdenscheidt", "Jürgen", ""), ("ABD EL KADER", "DJAMEL", ""),
           ("", "", "عبد القادر الشريف"), ("OULD CHEIKH", "YOUSSOUF", ""), ("EL HOUSSEINI", "", ""),
           ("AIT OUBELLA", "Fatima Zahra", ""), ("", "", "Ivan Petrovich Sidorov")]
_rules_version: str | None = None


def rules_version() -> str:
    """Which name rules prepared a list's names; the desk's must agree to use them as they are.

    ``names.RULES_VERSION`` when the rules declare one, else a digest of what
    the rules make of a set of probe names (so a change of behaviour is seen
    even where no one bumped a number).
    """
    global _rules_version
    if _rules_version is None:
        names = _names()
        declared = getattr(names, "RULES_VERSION", None)
        if declared is not None:
            _rules_version = str(declared)
        else:
            probe = []
            for surname, given, full in _PROBES:
                prepared = names.prepare_name(surname, given, full)
                probe.append([[f.as_json() for f in names.name_forms(surname, given, full)],
                              sorted(names.candidate_keys(prepared)),
                              sorted(names.candidate_keys(prepared, query=True))])
            text = json.dumps(probe, ensure_ascii=False, sort_keys=True).encode()
            _rules_version = "probe-" + hashlib.sha256(text).hexdigest()[:16]
    return _rules_version


def _year(birth_date: str) -> int:
    return int(birth_date[:4]) if birth_date[:4].isdigit() else 0


class PersonWriter:
    """Builds ``persons.db`` and the candidate index in ``workdir``."""

    def __init__(self, workdir: Path, key: bytes, first_pid: int = 0) -> None:
        self.workdir = workdir
        self.key = key
        self.first_pid = first_pid  # a delta's persons take the numbers after its base's
        self.count = 0
        self.name_count = 0
        self.lists: dict[str, dict] = {}
        self.key_hashes = array("Q")
        self.key_pids = array("I")
        self.years = array("H")
        self._db_path = workdir / "persons.db"
        self._db = sqlite3.connect(self._db_path)
        self._db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE persons(pid INTEGER PRIMARY KEY, list TEXT NOT NULL, id TEXT NOT NULL,
                                 record TEXT NOT NULL, prepared TEXT NOT NULL);
        """)
        self._rows: list[tuple] = []

    def add(self, rec: PersonRecord, pid: int | None = None) -> None:
        """Add a person under the next number, or under ``pid`` (higher than any before:
        the numbers skipped stay unused, as a delta's removals leave them)."""
        names = _names()
        if pid is None:
            pid = self.first_pid + len(self.years)
        self.pad(pid - self.first_pid)
        # Every spelling worth comparing each name in (a Cyrillic name also in German spelling).
        prepared = [form for n in rec.names
                    for form in names.name_forms(n.surname, n.given_names, n.full_name)]
        person_keys = set()
        for p in prepared:
            person_keys |= names.candidate_keys(p)
        for k in person_keys:
            self.key_hashes.append(hashindex.keyed_hash(self.key, k, KEY_PERSON))
            self.key_pids.append(pid)
        self.years.append(_year(rec.birth_date))
        self._rows.append((pid, rec.list, rec.id,
                           json.dumps(rec.as_json(), ensure_ascii=False, separators=(",", ":")),
                           json.dumps([p.as_json() for p in prepared], ensure_ascii=False,
                                      separators=(",", ":"))))
        self.count += 1
        self.name_count += len(rec.names)
        counts = self.lists.setdefault(rec.list, {"records": 0, "names": 0})
        counts["records"] += 1
        counts["names"] += len(rec.names)
        if len(self._rows) >= BATCH:
            self._flush()

    def pad(self, slots: int) -> None:
        """Leave the person numbers up to ``first_pid + slots`` unused (year 0)."""
        if slots < len(self.years):
            raise ValueError("person numbers must rise")
        self.years.extend([0] * (slots - len(self.years)))

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
        np.frombuffer(self.years, dtype=YEARS).tofile(prefix.with_suffix(".born"))
        return {"persons.hash": (prefix.with_suffix(".hash"), "raw"),
                "persons.born": (prefix.with_suffix(".born"), "raw"),
                "persons.dir": (prefix.with_suffix(".dir"), "raw"),
                "persons.pids": (prefix.with_suffix(".pids"), "raw"),
                "persons.db": (self._db_path, "gzip")}

    def describe(self) -> dict:
        return {"hash": "blake2b-64", "keys": len(self.key_hashes),
                "name_rules": rules_version() if self.count else None}


@dataclass(frozen=True)
class ListedPerson:
    """A person record (``PersonRecord.as_json()``) with its prepared names, for the scorer."""

    pid: int
    record: dict
    prepared: object  # persons.PreparedPerson


def _record(obj: dict) -> PersonRecord:
    return person_record({k: v for k, v in obj.items() if v is not None})


def _prepared_person(record_json: str, prepared_json: str, validate: bool = False):
    """The record (a dict) and its PreparedPerson; ``validate`` checks the record (import)."""
    rec = json.loads(record_json)
    if validate:
        _record(rec)
    PreparedName = _names().PreparedName
    names = [PreparedName.from_json(v) for v in json.loads(prepared_json)]
    if len(names) < len(rec["names"]):
        raise ValueError("the record has names that were not prepared")
    prepared = _persons().prepare_person(names, rec.get("birth_date"), rec.get("nationality"),
                                         rec.get("sex"))
    return rec, prepared


class PersonList:
    """The person lists of one imported version, for candidate search."""

    CACHE = 4096

    def __init__(self, directory: Path, key: bytes, count: int | None = None) -> None:
        """``count``: the number of persons as the version's manifest says (checked at its
        import), else they are counted (a scan of ``persons.db``)."""
        self.key = key
        self.index = hashindex.HashIndex(directory / "persons")
        self._maps = []
        self.pids = self._array(directory / "persons.pids", PIDS)
        self.years = self._array(directory / "persons.born", YEARS)
        if len(self.pids) != len(self.index):
            raise CorruptBundle("persons.pids and persons.hash differ in length")
        self._db = sqlite3.connect(f"file:{directory / 'persons.db'}?mode=ro&immutable=1",
                                   uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        # Person numbers rise with the records; a person removed by a delta leaves its
        # number unused. persons.born holds a year for every number (checked at import).
        self.slots = len(self.years)
        self.overlay = overlay.open_overlay(directory)
        self.count = self._live_count() if count is None else count
        self._cache: OrderedDict[int, ListedPerson] = OrderedDict()

    def _live_count(self) -> int:
        (n,) = self._db.execute("SELECT count(*) FROM persons").fetchone()
        if self.overlay is not None:
            (removed,) = self.overlay.execute("SELECT count(*) FROM person_del").fetchone()
            (added,) = self.overlay.execute("SELECT count(*) FROM person_add").fetchone()
            n += added - removed
        return n

    def _array(self, path: Path, dtype: np.dtype) -> np.ndarray:
        with path.open("rb") as f:
            size = f.seek(0, 2)
            if size % dtype.itemsize:
                raise CorruptBundle(f"{path.name} is not a whole number of entries")
            if size == 0:
                return np.zeros(0, dtype=dtype)
            mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        hashindex.prefetch(mm)
        self._maps.append(mm)
        return np.frombuffer(mm, dtype=dtype)

    def __len__(self) -> int:
        return self.count

    def candidates(self, query_keys, limit: int, year: int | None = None,
                   other_years: bool = True) -> list[int]:
        """The person numbers sharing the most (and the rarest) keys with ``query_keys``.

        Each key weighs its inverse document frequency, ``log(1 + N / df)``;
        persons born in ``year`` (or whose year is unknown) come before the
        others, and with ``other_years=False`` the others are left out; the
        best ``limit`` are returned, best first.
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
        if year:
            born = self.years[uniq]
            same = (born == year) | (born == 0)
            if not other_years:
                uniq, totals = uniq[same], totals[same]
            else:
                totals += SAME_YEAR_BONUS * same
        if len(uniq) > limit:
            best = np.argpartition(-totals, limit)[:limit]
        else:
            best = np.arange(len(uniq))
        best = best[np.argsort(-totals[best], kind="stable")]
        return [int(p) for p in uniq[best]]

    def get(self, pid: int) -> ListedPerson:
        return self.get_many([pid])[0]

    def get_many(self, pids: list[int]) -> list[ListedPerson]:
        """The persons ``pids``, in that order (one database read for those not cached)."""
        found: dict[int, ListedPerson] = {}
        with self._lock:
            for pid in pids:
                hit = self._cache.get(pid)
                if hit is not None:
                    self._cache.move_to_end(pid)
                    found[pid] = hit
            missing = sorted(set(pids) - set(found))  # in file order: fewer seeks
            rows = []
            for db, table in self._tables():
                for i in range(0, len(missing), 500):
                    chunk = missing[i:i + 500]
                    rows += db.execute(
                        f"SELECT pid, record, prepared FROM {table} WHERE pid IN "
                        f"({','.join('?' * len(chunk))})", chunk).fetchall()
                if len(rows) == len(missing):
                    break
        for pid, record, prepared in rows:
            found[pid] = ListedPerson(pid, *_prepared_person(record, prepared))
        if len(found) < len(set(pids)):
            raise CorruptBundle("the candidate index names persons that are not stored")
        with self._lock:
            for pid, _, _ in rows:
                self._cache[pid] = found[pid]
            while len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)
        return [found[pid] for pid in pids]

    def check_records(self) -> int:
        """Validate every stored person and its prepared names (import time); returns the
        number of persons.

        Raises :class:`CorruptBundle` naming the first record that does not validate.
        """
        live = np.zeros(self.slots, dtype=bool)
        removed = set()
        if self.overlay is not None:
            removed = {pid for (pid,) in self.overlay.execute("SELECT pid FROM person_del")}
        with self._lock:
            for db, table in self._tables():
                rows = db.execute(f"SELECT pid, record, prepared FROM {table} ORDER BY pid")
                last = -1
                for pid, text, prepared in rows:
                    if pid <= last or pid >= self.slots:
                        raise CorruptBundle("the person numbers of persons.db are not rising, "
                                            "or persons.born holds no year for some")
                    last = pid
                    if table == "persons" and pid in removed:
                        continue
                    live[pid] = True
                    check_person(pid, text, prepared, self.years[pid])
        if len(self.pids) and not live[self.pids].all():
            raise CorruptBundle("the candidate index names persons that are not stored")
        return int(live.sum())

    def _tables(self):
        yield self._db, "persons"
        if self.overlay is not None:
            yield self.overlay, "person_add"

    def list_counts(self) -> dict[str, int]:
        """The number of persons on each list."""
        with self._lock:
            counts = dict(self._db.execute("SELECT list, count(*) FROM persons GROUP BY list"))
            if self.overlay is not None:
                for name, n in self.overlay.execute(
                        "SELECT list, -count(*) FROM person_del GROUP BY list UNION ALL "
                        "SELECT list, count(*) FROM person_add GROUP BY list"):
                    counts[name] = counts.get(name, 0) + n
        return {name: n for name, n in counts.items() if n}

    def close(self) -> None:
        self.index.close()
        self.pids = self.years = np.zeros(0, dtype=PIDS)
        for mm in self._maps:
            try:
                mm.close()
            except BufferError:
                pass  # a candidate slice still refers to it; unmapped when that goes
        self._db.close()
        if self.overlay is not None:
            self.overlay.close()


def check_person(pid: int, text: str, prepared: str, year: int) -> None:
    """A stored person record validates, its prepared names load, its year agrees."""
    try:
        rec, _ = _prepared_person(text, prepared, validate=True)
    except (InvalidRecord, ValueError, TypeError, KeyError) as exc:
        raise CorruptBundle(f"person record {pid} does not validate: {exc}") from None
    if year != _year(rec.get("birth_date") or ""):
        raise CorruptBundle(f"persons.born disagrees with person record {pid}")


def reprepare(directory: Path, key: bytes) -> int:
    """Prepare the names of ``directory``'s person records again, with this desk's name rules.

    For a bundle whose names were prepared by other rules: the records (already
    verified) are read from ``persons.db`` and the person parts written anew in
    their place. Returns the number of persons.
    """
    work = directory / "reprepare"
    work.mkdir()
    writer = PersonWriter(work, key)
    source = sqlite3.connect(f"file:{directory / 'persons.db'}?mode=ro", uri=True)
    try:  # the same person numbers (a delta names persons by them), unused ones kept unused
        for pid, text in source.execute("SELECT pid, record FROM persons ORDER BY pid"):
            writer.add(_record(json.loads(text)), pid)
    finally:
        source.close()
    writer.pad((directory / "persons.born").stat().st_size // YEARS.itemsize)
    for name, (path, _) in writer.finish().items():
        os.replace(path, directory / name)
    (directory / RULES_FILE).write_text(rules_version())
    work.rmdir()
    return writer.count
