"""Sending a desk's new entries to the national PostgreSQL log.

Idempotent and resumable by construction: the national log's head for a desk
says how far that desk's chain has arrived, and each batch of entries goes in
one transaction that re-reads that head under the desk's lock, checks that
the first entry chains onto it and that every entry's hash is right, then
inserts the entries with the desk's own sequence numbers and hashes and moves
the head. An interrupted push leaves whole batches; the next push starts
after the last one. Pushing twice sends nothing the second time. A national
copy that disagrees with the desk (a different entry at the same place) stops
the push with :class:`Diverged` instead of mixing two histories.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from .canonical import commitment, entry_hash
from .redaction import apply_redaction
from .schema import LogUnavailable, is_sqlite
from .store import CLEAR, ENTRY, HitLog, _text

BATCH = 500


class Diverged(RuntimeError):
    """The national copy of a desk's chain is not a prefix of the desk's chain."""


@dataclass
class PushReport:
    sent: dict[str, int] = field(default_factory=dict)  # desk -> entries sent now
    head: dict[str, int] = field(default_factory=dict)  # desk -> national head after the push
    clear_hours: int = 0

    @property
    def total(self) -> int:
        return sum(self.sent.values())


def push(local: HitLog, central: HitLog, *, batch: int = BATCH,
         progress: Callable[[str, int, int], None] | None = None) -> PushReport:
    """Send every chain of ``local`` that ``central`` lacks, then the CLEAR counts."""
    report = PushReport()
    try:
        for desk_id, local_head in local.heads().items():
            report.sent[desk_id] = 0
            while True:
                remote = central.head(desk_id)
                if remote.seq > local_head.seq:
                    raise Diverged(f"the national log holds {remote.seq} entries of desk "
                                   f"{desk_id}, the desk only {local_head.seq}")
                if remote.seq == local_head.seq:
                    if remote.entry_hash != local_head.entry_hash:
                        raise Diverged(f"desk {desk_id}: entry {remote.seq} differs")
                    break
                rows = list(local.rows(desk_id=desk_id, after_seq=remote.seq, limit=batch))
                report.sent[desk_id] += _send(central, desk_id, rows)
                if progress:
                    progress(desk_id, rows[-1]["seq"], local_head.seq)
            report.head[desk_id] = central.head(desk_id).seq
        report.clear_hours = _send_counts(local, central)
    except DBAPIError as exc:
        raise LogUnavailable(f"the push was interrupted: {exc.orig}") from exc
    return report


def _send(central: HitLog, desk_id: str, rows: list[dict]) -> int:
    with central.writing() as conn, conn.begin():
        head = central._lock_head(conn, desk_id)
        rows = [r for r in rows if r["seq"] > head.seq]  # a concurrent push got there first
        if not rows:
            return 0
        prev = head.entry_hash
        if rows[0]["seq"] != head.seq + 1:
            raise Diverged(f"desk {desk_id}: entries {head.seq + 1} to {rows[0]['seq'] - 1} "
                           "are missing from the desk's own log")
        if head.seq:
            held = conn.execute(select(ENTRY.c.entry_hash).where(
                ENTRY.c.desk_id == desk_id, ENTRY.c.seq == head.seq)).scalar_one_or_none()
            if held != head.entry_hash:
                raise Diverged(f"desk {desk_id}: the national head does not match its entry")
        values = []
        for r in rows:
            if r["prev_hash"] != prev or entry_hash(r["public"], r["commitment"],
                                                     r["prev_hash"]) != r["entry_hash"]:
                raise Diverged(f"desk {desk_id}: entry {r['seq']} does not verify; run "
                               "'borderdesk hits verify' on the desk")
            if r["personal"] is not None and commitment(r["personal"]) != r["commitment"]:
                raise Diverged(f"desk {desk_id}: entry {r['seq']}'s personal part does not "
                               "match its commitment")
            prev = r["entry_hash"]
            values.append(_values(r))
        conn.execute(ENTRY.insert(), values)
        for r in rows:
            if r["kind"] == "redaction":
                apply_redaction(conn, desk_id, r["public"].get("redacted", []),
                                r["recorded_at"])
        central._move_head(conn, desk_id, rows[-1]["seq"], prev, head.seq == 0)
    return len(rows)


def _values(r: dict) -> dict:
    return {"entry_id": r["entry_id"], "desk_id": r["desk_id"], "seq": r["seq"],
            "kind": r["kind"], "refers_to": r["refers_to"], "recorded_at": r["recorded_at"],
            "officer": r["officer"], "public": _text(r["public"]),
            "personal": None if r["personal"] is None else _text(r["personal"]),
            "commitment": r["commitment"], "prev_hash": r["prev_hash"],
            "entry_hash": r["entry_hash"], "redacted_at": r["redacted_at"]}


def _send_counts(local: HitLog, central: HitLog) -> int:
    """CLEAR counts: the national figure for an hour becomes the desk's, never less."""
    counts = local.clear_counts()
    if not counts:
        return 0
    dialect = sqlite if is_sqlite(central.engine) else postgresql
    with central.writing() as conn, conn.begin():
        for start in range(0, len(counts), BATCH):
            chunk = counts[start:start + BATCH]
            stmt = dialect.insert(CLEAR).values(
                [{"desk_id": d, "hour": h, "count": c} for d, h, c in chunk])
            theirs = stmt.excluded["count"]
            new = (func.greatest if dialect is postgresql else func.max)(CLEAR.c.count, theirs)
            conn.execute(stmt.on_conflict_do_update(index_elements=["desk_id", "hour"],
                                                    set_={"count": new}))
    return len(counts)


__all__ = ["BATCH", "Diverged", "PushReport", "push"]
