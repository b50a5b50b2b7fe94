"""The changes a delta bundle carries, and a version's changes since its full base.

One SQLite schema serves both: the ``delta.db`` part of a delta bundle (what
changed from its base version to its own), and the ``overlay.db`` of a version
a desk made by applying deltas (what changed since the last full bundle). A
version made by deltas keeps its full base's ``documents.db`` and
``persons.db`` as they are (hard links: never copied, never written) and reads
them through its overlay; its indexes (``*.hash``, ``*.dir``, ``persons.pids``,
``persons.born``) are whole, merged at each delta.

Tables:

* ``doc_del(h, n)``: document rows removed (a changed record is removed and added
  again); ``h`` the keyed hash of its number, ``n`` the record's own number, as in
  ``documents.db``;
* ``doc_add(h, n, data)``: document rows added, as in ``documents.db``;
* ``strings(i, s)``: the strings (list names, actions) the added rows use that the
  base's ``strings`` table lacks;
* ``person_del(pid, list, id)``: persons removed;
* ``person_add(pid, list, id, record, prepared)``: persons added, as in ``persons.db``,
  with person numbers after the base's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

NAME = "overlay.db"

SCHEMA = """
    CREATE TABLE doc_del(h INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (h, n))
        WITHOUT ROWID;
    CREATE TABLE doc_add(h INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL,
                         PRIMARY KEY (h, n)) WITHOUT ROWID;
    CREATE TABLE strings(i INTEGER PRIMARY KEY, s TEXT NOT NULL);
    CREATE TABLE person_del(pid INTEGER PRIMARY KEY, list TEXT NOT NULL, id TEXT NOT NULL);
    CREATE TABLE person_add(pid INTEGER PRIMARY KEY, list TEXT NOT NULL, id TEXT NOT NULL,
                            record TEXT NOT NULL, prepared TEXT NOT NULL);
"""
TABLES = ("doc_del", "doc_add", "strings", "person_del", "person_add")


def create(path: Path) -> sqlite3.Connection:
    """A new, empty changes database at ``path``."""
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    return db


def open_overlay(directory: Path) -> sqlite3.Connection | None:
    """The overlay of the version in ``directory`` (read-only), None for a full version."""
    path = directory / NAME
    if not path.is_file():
        return None
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                           check_same_thread=False)
