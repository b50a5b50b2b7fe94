"""Retention: emptying the personal part of hits older than the period the rules allow.

A redacted entry keeps its public part (when, where, which list and record,
what was decided) and the commitment to its personal part, so its hash and
the whole chain still verify; only the personal part (the document as read,
the list record's details, free-text notes) is gone. The entries that refer
to a redacted hit are redacted with it, and a ``redaction`` entry, appended in
the same transaction, names every entry emptied — so ``verify`` can tell a
redaction from personal data removed behind the log's back.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import and_, or_, select, update

from . import entries
from .schema import is_sqlite
from .store import ENTRY, HitLog

BATCH = 500  # entry ids per UPDATE (SQLite's limit on bound parameters is far above)


def due(log: HitLog, cutoff: datetime, conn) -> list[str]:
    """Entries of this desk's chain that still hold personal data of hits older than ``cutoff``."""
    old_hits = select(ENTRY.c.entry_id).where(
        ENTRY.c.desk_id == log.desk_id, ENTRY.c.kind == "hit",
        ENTRY.c.recorded_at < entries.utc_iso(cutoff))
    query = select(ENTRY.c.entry_id).where(
        ENTRY.c.desk_id == log.desk_id, ENTRY.c.personal.is_not(None),
        or_(ENTRY.c.entry_id.in_(old_hits), and_(ENTRY.c.refers_to.in_(old_hits))),
    ).order_by(ENTRY.c.seq)
    return list(conn.execute(query).scalars())


def redact(log: HitLog, *, cutoff: datetime, officer: str,
           now: datetime | None = None) -> list[str]:
    """Redact hits recorded before ``cutoff`` (and what refers to them); the ids emptied."""
    now = now or datetime.now(timezone.utc)
    if cutoff > now:
        raise entries.EntryError("the retention cut-off lies in the future")
    with log.writing() as conn, conn.begin():
        ids = due(log, cutoff, conn)
        if not ids:
            return []
        apply_redaction(conn, log.desk_id, ids, entries.utc_iso(now))
        public, personal = entries.redaction(desk_id=log.desk_id, officer=officer, at=now,
                                             cutoff=cutoff, entry_ids=ids)
        written = log.append_in(conn, public, personal)
    log._checkpoint_file(written)
    if is_sqlite(log.engine):  # move the pages out of the WAL file: no old copy stays there
        with log.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return ids


def apply_redaction(conn, desk_id: str, entry_ids: list[str], when: str) -> None:
    """Empty the personal part of these entries of one desk (also used by the national copy)."""
    for start in range(0, len(entry_ids), BATCH):
        chunk = entry_ids[start:start + BATCH]
        conn.execute(update(ENTRY).where(ENTRY.c.desk_id == desk_id,
                                         ENTRY.c.entry_id.in_(chunk),
                                         ENTRY.c.personal.is_not(None))
                     .values(personal=None, redacted_at=when))
