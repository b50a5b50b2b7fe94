"""The hit log itself: appending entries to a desk's chain and reading them back.

Every append runs in one transaction that reads the chain's head, hashes the
new entry onto it and moves the head; on SQLite that transaction is ``BEGIN
IMMEDIATE`` (one writer at a time), on PostgreSQL it holds a transaction-level
advisory lock on the desk's chain. When :meth:`HitLog.append` returns, the
entry is on disk. After the commit the head is also checkpointed to a small
journal beside the database (see :func:`write_head_file`), so that entries
cut from the end of the log are noticed by ``verify``.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from . import entries
from .canonical import GENESIS, commitment, entry_hash
from .models import ClearCount, Entry, Head
from .schema import LogUnavailable, is_sqlite, make_engine, safe_url, upgrade

ENTRY = Entry.__table__
HEAD = Head.__table__
CLEAR = ClearCount.__table__


@dataclass(frozen=True, slots=True)
class Written:
    """Where an entry landed in its chain."""

    entry_id: str
    desk_id: str
    seq: int
    entry_hash: str
    recorded_at: str


@dataclass(frozen=True, slots=True)
class HeadState:
    desk_id: str
    seq: int  # 0 for an empty chain
    entry_hash: str  # GENESIS for an empty chain


def _decode(text: str | None) -> dict | None:
    """A stored JSON part; text that is not a JSON object (an edit) is kept, marked unreadable."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return {"unreadable": str(text)}
    return value if isinstance(value, dict) else {"unreadable": str(text)}


def row_dict(row) -> dict:
    """A stored entry as plain data: the JSON parts decoded."""
    return {
        "entry_id": row.entry_id, "desk_id": row.desk_id, "seq": row.seq,
        "kind": row.kind, "refers_to": row.refers_to, "recorded_at": row.recorded_at,
        "officer": row.officer, "public": _decode(row.public),
        "personal": _decode(row.personal),
        "commitment": row.commitment, "prev_hash": row.prev_hash,
        "entry_hash": row.entry_hash, "redacted_at": row.redacted_at,
    }


class HitLog:
    """One hit-log database; writes go to the chain of ``desk_id``.

    ``url`` is a file path or ``sqlite:///...`` for a desk, ``postgresql://...``
    for the national log. ``head_file`` is where the head is checkpointed
    outside the database (None: no file, e.g. on the national server).
    """

    def __init__(self, url: str, *, desk_id: str, head_file: Path | None = None) -> None:
        self.url = url
        self.desk_id = desk_id
        self.head_file = head_file
        self.engine = make_engine(url)
        upgrade(self.engine)

    def __repr__(self) -> str:
        return f"HitLog({safe_url(str(self.engine.url))!r}, desk_id={self.desk_id!r})"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> HitLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def writing(self):
        """A connection whose transaction is the single writer of the log."""
        return self.engine.connect().execution_options(immediate=True)

    def append(self, public: dict, personal: dict | None) -> Written:
        """Append one entry (from :mod:`.entries`); durable when this returns."""
        try:
            with self.writing() as conn, conn.begin():
                written = self.append_in(conn, public, personal)
        except DBAPIError as exc:
            raise LogUnavailable(f"the hit log could not be written: {exc.orig}") from exc
        self._checkpoint_file(written)
        return written

    def append_in(self, conn: Connection, public: dict, personal: dict | None) -> Written:
        """Append inside the caller's writing transaction."""
        desk_id = public["desk_id"]
        if desk_id != self.desk_id:
            raise entries.EntryError(f"this log writes desk {self.desk_id}'s chain, "
                                     f"not {desk_id}'s")
        head = self._lock_head(conn, desk_id)
        commit = commitment(personal)
        new_hash = entry_hash(public, commit, head.entry_hash)
        seq = head.seq + 1
        conn.execute(ENTRY.insert().values(
            entry_id=public["entry_id"], desk_id=desk_id, seq=seq, kind=public["kind"],
            refers_to=public.get("refers_to"), recorded_at=public["recorded_at"],
            officer=public["officer"], public=_text(public),
            personal=None if personal is None else _text(personal), commitment=commit,
            prev_hash=head.entry_hash, entry_hash=new_hash, redacted_at=None))
        self._move_head(conn, desk_id, seq, new_hash, head.seq == 0)
        return Written(public["entry_id"], desk_id, seq, new_hash, public["recorded_at"])

    def _lock_head(self, conn: Connection, desk_id: str) -> HeadState:
        if not is_sqlite(self.engine):  # SQLite: BEGIN IMMEDIATE already holds the lock
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                         {"k": zlib.crc32(desk_id.encode())})
        return self.head(desk_id, conn)

    def head(self, desk_id: str | None = None, conn: Connection | None = None) -> HeadState:
        desk_id = desk_id or self.desk_id
        query = select(HEAD.c.seq, HEAD.c.entry_hash).where(HEAD.c.desk_id == desk_id)
        if conn is None:
            with self.engine.connect() as c:
                row = c.execute(query).first()
        else:
            row = conn.execute(query).first()
        if row is None:
            return HeadState(desk_id, 0, GENESIS)
        return HeadState(desk_id, row.seq, row.entry_hash)

    @staticmethod
    def _move_head(conn: Connection, desk_id: str, seq: int, new_hash: str, first: bool) -> None:
        now = entries.utc_iso(datetime.now(timezone.utc))
        if first:
            conn.execute(HEAD.insert().values(desk_id=desk_id, seq=seq, entry_hash=new_hash,
                                              updated_at=now))
        else:
            conn.execute(update(HEAD).where(HEAD.c.desk_id == desk_id).values(
                seq=seq, entry_hash=new_hash, updated_at=now))

    def _checkpoint_file(self, written: Written) -> None:
        if self.head_file is None:
            return
        write_head_file(self.head_file, {"desk_id": written.desk_id, "seq": written.seq,
                                         "entry_hash": written.entry_hash})

    def count_clear(self, at: datetime, n: int = 1) -> None:
        """Count ``n`` CLEAR checks in the UTC hour of ``at``: a number, nothing personal."""
        hour = entries.utc_iso(at)[:13]
        dialect = sqlite if is_sqlite(self.engine) else postgresql
        stmt = dialect.insert(CLEAR).values(desk_id=self.desk_id, hour=hour, count=n)
        stmt = stmt.on_conflict_do_update(index_elements=["desk_id", "hour"],
                                          set_={"count": CLEAR.c.count + n})
        try:
            with self.writing() as conn, conn.begin():
                conn.execute(stmt)
        except DBAPIError as exc:
            raise LogUnavailable(f"the hit log could not be written: {exc.orig}") from exc

    # -- reading -----------------------------------------------------------

    def rows(self, *, desk_id: str | None = None, after_seq: int = 0,
             limit: int | None = None, conn: Connection | None = None) -> Iterator[dict]:
        """Stored entries as dicts, in chain order (by desk, then sequence)."""
        query = select(ENTRY).order_by(ENTRY.c.desk_id, ENTRY.c.seq)
        if desk_id is not None:
            query = query.where(ENTRY.c.desk_id == desk_id)
        if after_seq:
            query = query.where(ENTRY.c.seq > after_seq)
        if limit is not None:
            query = query.limit(limit)
        if conn is not None:
            yield from (row_dict(r) for r in conn.execute(query))
            return
        with self.engine.connect() as c:
            result = c.execution_options(yield_per=2000).execute(query)
            for r in result:
                yield row_dict(r)

    def rows_of_hit(self, hit_id: str) -> list[dict]:
        """A hit's entry and every entry that refers to it (from any chain)."""
        query = select(ENTRY).where((ENTRY.c.entry_id == hit_id) | (ENTRY.c.refers_to == hit_id))
        with self.engine.connect() as c:
            return [row_dict(r) for r in c.execute(query.order_by(ENTRY.c.recorded_at))]

    def desks(self) -> list[str]:
        with self.engine.connect() as c:
            return list(c.execute(select(ENTRY.c.desk_id).distinct().order_by(ENTRY.c.desk_id))
                        .scalars())

    def heads(self) -> dict[str, HeadState]:
        with self.engine.connect() as c:
            return {r.desk_id: HeadState(r.desk_id, r.seq, r.entry_hash)
                    for r in c.execute(select(HEAD))}

    def entry(self, entry_id: str) -> dict | None:
        with self.engine.connect() as c:
            row = c.execute(select(ENTRY).where(ENTRY.c.entry_id == entry_id)).first()
        return row_dict(row) if row else None

    def clear_counts(self) -> list[tuple[str, str, int]]:
        """``(desk_id, hour, count)`` for every hour with CLEAR checks."""
        with self.engine.connect() as c:
            return [(r.desk_id, r.hour, r.count) for r in
                    c.execute(select(CLEAR).order_by(CLEAR.c.hour, CLEAR.c.desk_id))]

    def count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(select(func.count()).select_from(ENTRY)).scalar_one()

    def newest_recorded(self) -> str | None:
        """The time of the newest entry (ISO 8601, UTC), None for an empty log."""
        with self.engine.connect() as c:
            return c.execute(select(func.max(ENTRY.c.recorded_at))).scalar_one()


def _text(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


HEAD_FILE_LIMIT = 1 << 20  # past 1 MiB the checkpoint journal is compacted to its last line


def write_head_file(path: Path, head: dict) -> None:
    """Append the head to the checkpoint journal: one JSON line per entry written.

    Appending a short line costs no rename and no flush: a killed process
    loses nothing (the kernel holds the line), and a power cut can at worst
    lose the last lines, leaving a checkpoint that lags the database — still
    true, since it never leads it. A torn last line is skipped when read.
    """
    path = Path(path)
    line = (json.dumps(head, sort_keys=True) + "\n").encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line)
        size = os.fstat(fd).st_size
    finally:
        os.close(fd)
    if size > HEAD_FILE_LIMIT:
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)


def read_head_file(path: Path) -> dict | None:
    """The last checkpointed head, or None when there is none; ValueError when it is garbage."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 65536))
            tail = f.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ValueError(f"the head checkpoint {path} is unreadable: {exc}") from exc
    for line in reversed(tail.splitlines()):
        try:
            data = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue  # a line torn by a crash
        if isinstance(data, dict) and {"desk_id", "seq", "entry_hash"} <= data.keys():
            return data
    if tail.strip():
        raise ValueError(f"the head checkpoint {path} holds no checkpoint")
    return None


__all__ = ["HitLog", "HeadState", "LogUnavailable", "Written",
           "read_head_file", "row_dict", "write_head_file"]
