"""Hits as CSV (RFC 4180): one row per hit, with its current disposition and review.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``) are prefixed with an apostrophe, as OWASP advises against CSV
injection: MRZ data and notes come from outside.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from .views import HitRecord

COLUMNS = ("hit_id", "desk_id", "seq", "checkpoint_id", "local_time", "recorded_at_utc",
           "officer", "level", "source", "lists", "record_ids", "score", "surname",
           "given_names", "document_number", "nationality", "issuing_state", "disposition",
           "disposed_by", "outcome", "review", "corrected", "wait_hours", "redacted")


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def row(rec: HitRecord) -> list[str]:
    d = rec.document
    wait = "" if rec.wait_seconds is None else f"{rec.wait_seconds / 3600:.2f}"
    values = (rec.hit_id, rec.desk_id, rec.seq, rec.checkpoint_id, rec.local_time,
              rec.recorded_at, rec.officer, rec.level, rec.source, " ".join(rec.lists),
              " ".join(m.get("record_id") or "" for m in rec.matches), f"{rec.score:.4f}",
              d.get("surname", ""), d.get("given_names", ""), d.get("document_number", ""),
              d.get("nationality", ""), d.get("issuing_state", ""), rec.disposition,
              rec.disposed_by, rec.outcome, rec.review, rec.corrected, wait,
              "yes" if rec.redacted else "no")
    return [_safe(v) for v in values]


def write_csv(records: Iterable[HitRecord], out: TextIO) -> int:
    """Write the header and one row per hit; the number of hits written."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for rec in records:
        writer.writerow(row(rec))
        n += 1
    return n
