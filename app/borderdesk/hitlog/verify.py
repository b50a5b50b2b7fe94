"""Checking a log's hash chains: every edit, insertion, removal or reordering, and where.

Each entry's hash covers its public part, the commitment to its personal part
and the previous entry's hash (see :mod:`.canonical`). Walking a desk's
entries in sequence order, each one is checked three ways:

* its stored hash against the hash recomputed from its content (``edited``);
  its personal part, while it has one, against its commitment
  (``edited``); a personal part gone with no redaction entry naming it
  (``redacted-unrecorded``);
* its link: the previous hash it carries against the hash of the entry before
  it. A broken link is told apart by what the carried hash points at: nothing
  in the log (``removed``: the entry it followed is gone), an entry further
  back (``inserted``: what lies between is foreign to the chain), or an entry
  elsewhere (``reordered``); gaps in the sequence numbers are ``removed`` too;
* the chain's end against its checkpoints: the ``heads`` row and the head file
  written after each commit (``truncated`` when entries past the end are gone).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .canonical import GENESIS, NotCanonical, commitment, entry_hash


@dataclass(frozen=True, slots=True)
class Problem:
    """One break in a chain, located by desk, sequence number and entry id."""

    desk_id: str
    seq: int | None
    entry_id: str | None
    kind: str  # edited, inserted, removed, reordered, redacted-unrecorded, truncated, head
    message: str

    def __str__(self) -> str:
        where = f"desk {self.desk_id}" + (f" entry {self.seq}" if self.seq is not None else "")
        if self.entry_id:
            where += f" ({self.entry_id})"
        return f"{where}: {self.kind}: {self.message}"

    def as_json(self) -> dict:
        return {"desk_id": self.desk_id, "seq": self.seq, "entry_id": self.entry_id,
                "kind": self.kind, "message": self.message}


@dataclass
class Report:
    """What ``verify`` found: entries checked per desk, and the problems."""

    checked: dict[str, int] = field(default_factory=dict)
    heads: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(desk_id: str, rows: list[dict], *, head: tuple[int, str] | None = None,
                 head_file: dict | None = None) -> list[Problem]:
    """The problems of one desk's chain; ``rows`` as :func:`.store.row_dict` gives them, by seq."""
    problems: list[Problem] = []

    def report(row, kind, message):
        problems.append(Problem(desk_id, row["seq"] if row else None,
                                row["entry_id"] if row else None, kind, message))

    position = {r["entry_hash"]: i for i, r in enumerate(rows)}
    redacted_ids = {eid for r in rows if r["kind"] == "redaction"
                    for eid in r["public"].get("redacted", ())}
    referenced = {r["prev_hash"] for r in rows}
    prev_hash, prev_seq = GENESIS, 0
    for i, row in enumerate(rows):
        try:
            recomputed = entry_hash(row["public"], row["commitment"], row["prev_hash"])
        except NotCanonical as exc:
            recomputed = None
            report(row, "edited", f"the content is not canonical any more ({exc})")
        if recomputed is not None and recomputed != row["entry_hash"]:
            report(row, "edited", "the content does not match its hash")
        if row["personal"] is not None:
            try:
                ok = commitment(row["personal"]) == row["commitment"]
            except NotCanonical:
                ok = False
            if not ok:
                report(row, "edited", "the personal part does not match its commitment")
        elif row["kind"] not in ("redaction",) and row["commitment"] != commitment(None) \
                and row["entry_id"] not in redacted_ids:
            report(row, "redacted-unrecorded",
                   "the personal part is gone and no redaction entry names this entry")
        if row["public"].get("entry_id") != row["entry_id"] \
                or row["public"].get("kind") != row["kind"] \
                or row["public"].get("desk_id") != desk_id:
            report(row, "edited", "the indexed columns disagree with the hashed content")
        gap = False
        if row["seq"] != prev_seq + 1:
            if row["seq"] > prev_seq + 1:
                gap = True
                first, last = prev_seq + 1, row["seq"] - 1
                span = f"entry {first}" if first == last else f"entries {first} to {last}"
                report(row, "removed", f"{span} missing before this entry")
            else:
                report(row, "reordered", f"sequence number after {prev_seq}")
        if row["prev_hash"] != prev_hash:
            target = position.get(row["prev_hash"])
            if row["prev_hash"] == GENESIS and i > 0:
                report(row, "inserted", "this entry claims to start the chain, but "
                       f"{i} entr{'y' if i == 1 else 'ies'} come before it")
            elif target is None:
                if not gap:
                    report(row, "removed", "the entry this one follows is not in the log "
                           "(removed, or edited together with its hash)")
            elif target < i - 1 and not any(r["entry_hash"] in referenced
                                             for r in rows[target + 1:i]):
                for r in rows[target + 1:i]:
                    report(r, "inserted", f"not part of the chain: entry {row['seq']} "
                           f"follows entry {rows[target]['seq']}")
            else:
                report(row, "reordered", f"this entry follows entry {rows[target]['seq']} "
                       "in the chain, but is not stored right after it")
        prev_hash, prev_seq = row["entry_hash"], row["seq"]
    for name, checkpoint in (("heads table", head), ("head file", _pair(head_file))):
        if checkpoint is None:
            continue
        seq, hash_ = checkpoint
        if seq > prev_seq:
            span = f"entry {seq}" if seq == prev_seq + 1 else f"entries {prev_seq + 1} to {seq}"
            problems.append(Problem(desk_id, seq, None, "truncated",
                                    f"the {name} checkpointed entry {seq}, the log ends at "
                                    f"{prev_seq}: {span} removed from the end"))
        elif seq > 0:
            at = next((r for r in rows if r["seq"] == seq), None)
            if at is None or at["entry_hash"] != hash_:
                problems.append(Problem(desk_id, seq, at["entry_id"] if at else None, "head",
                                        f"the {name} checkpointed a different entry {seq}"))
    return problems


def _pair(head_file: dict | None) -> tuple[int, str] | None:
    if head_file is None:
        return None
    return int(head_file["seq"]), str(head_file["entry_hash"])


def verify_log(log, *, head_file: dict | None = None, desks: Iterable[str] | None = None) -> Report:
    """Verify every desk's chain in a :class:`~.store.HitLog`."""
    report = Report()
    heads = log.heads()
    for desk_id in sorted(set(desks or []) | set(log.desks()) | set(heads)):
        rows = list(log.rows(desk_id=desk_id))
        head = heads.get(desk_id)
        hf = head_file if head_file and head_file.get("desk_id") == desk_id else None
        report.problems.extend(verify_chain(
            desk_id, rows, head=(head.seq, head.entry_hash) if head else None, head_file=hf))
        report.checked[desk_id] = len(rows)
        report.heads[desk_id] = rows[-1]["seq"] if rows else 0
    return report
