"""The hit log as the desk uses it: recording verdicts, decisions, reviews, and the log's tools.

The faces reach :mod:`borderdesk.hitlog` only through here. :class:`Hits`
turns a :class:`~borderdesk.desk.verdict.Verdict` into the plain data the log
stores, and offers what the CLI and the review screen both need: loading and
filtering hits, statistics, CSV and PDF exports, verification, retention and
the push to the national log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TextIO

from ..hitlog import entries
from ..hitlog.entries import DISPOSITIONS, OUTCOMES, REVIEWS, EntryError
from ..hitlog.export_csv import write_csv
from ..hitlog.push import Diverged, PushReport, push
from ..hitlog.redaction import redact
from ..hitlog.schema import LogUnavailable, current_revision, head_revision, make_engine, safe_url
from ..hitlog.store import HitLog, read_head_file
from ..hitlog.verify import Problem, Report, verify_log
from ..hitlog.views import NO_DISPOSITION, Columns, Filter, HitRecord, Statistics, \
    hit_records, select, statistics
from .config import Config
from .verdict import Verdict

log = logging.getLogger(__name__)  # never personal data here: ids and counts only

HEAD_FILE = "hitlog.head"  # the checkpoint journal (JSON lines)

__all__ = ["Columns", "DISPOSITIONS", "Diverged", "EntryError", "Filter", "HitRecord", "Hits",
           "LogUnavailable", "NO_DISPOSITION", "OUTCOMES", "Problem", "PushReport", "REVIEWS",
           "Report", "Statistics", "select"]


def local_url(config: Config) -> str:
    """Where the desk's own log is: ``[hitlog] database``, else hitlog.sqlite in the data dir."""
    return config.hitlog.database or str(config.data_dir / "hitlog.sqlite")


def schema_revisions(config: Config) -> tuple[str | None, str]:
    """(the revision the desk's log is at, the newest this borderdesk knows); changes nothing.

    The first is None when the log has no schema yet (or no file: it is made on first use).
    """
    url = local_url(config)
    if "://" not in url and not Path(url).expanduser().exists():
        return None, head_revision()
    engine = make_engine(url)
    try:
        return current_revision(engine), head_revision()
    finally:
        engine.dispose()


def migrate(config: Config) -> tuple[str | None, str]:
    """Bring the desk's log to the newest schema; returns (revision before, revision now)."""
    before, head = schema_revisions(config)
    Hits.open_local(config).close()  # opening a log migrates it
    return before, head


@dataclass(frozen=True)
class Loaded:
    """The hits of a log with the CLEAR counts, as read at one moment."""

    records: list[HitRecord]
    clear_counts: list[tuple[str, str, int]]
    desks: list[str]


class Hits:
    """One hit log (the desk's own, or the national one) with the desk's operations on it."""

    def __init__(self, config: Config, log_: HitLog, *, national: bool = False) -> None:
        self.config = config
        self.log = log_
        self.national = national

    @classmethod
    def open_local(cls, config: Config) -> Hits:
        """The desk's own log: ``[hitlog] database`` or ``hitlog.sqlite`` in the data directory."""
        url = local_url(config)
        head = config.data_dir / HEAD_FILE if "://" not in url or url.startswith("sqlite") \
            else None
        return cls(config, HitLog(url, desk_id=config.desk.desk_id, head_file=head))

    @classmethod
    def open_central(cls, config: Config, url: str | None = None) -> Hits:
        """The national log (PostgreSQL); reviews made there go to the national chain."""
        url = url or config.hitlog.central_url
        if not url:
            raise LogUnavailable("no national log: give a URL or set [hitlog] central_url")
        return cls(config, HitLog(url, desk_id=config.hitlog.national_chain), national=True)

    @property
    def where(self) -> str:
        return safe_url(str(self.log.engine.url))

    def close(self) -> None:
        self.log.close()

    # -- writing -----------------------------------------------------------

    def record(self, verdict: Verdict, officer: str) -> str:
        """Log a HIT or POSSIBLE MATCH; its hit id, once it is on disk."""
        public, personal = entries.hit(
            desk_id=self.config.desk.desk_id, checkpoint_id=self.config.desk.checkpoint,
            officer=officer, at=verdict.checked_at, level=str(verdict.level),
            source=verdict.source, document=verdict.document.as_json(),
            matches=[m.as_json() for m in verdict.matches],
            problems=[p.code for p in verdict.document_checks],
            watchlist={"version": verdict.watchlist.version, "state": verdict.watchlist.state})
        written = self.log.append(public, personal)
        log.info("hit logged: %s (entry %d)", written.entry_id, written.seq)
        return written.entry_id

    def count_clear(self, at: datetime) -> None:
        self.log.count_clear(at)

    def newest(self) -> datetime | None:
        """When the newest entry of the log was recorded (None for an empty log)."""
        text = self.log.newest_recorded()
        if not text:
            return None
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return t if t.tzinfo else t.replace(tzinfo=timezone.utc)

    def _decide(self, build, value: str, hit_id: str, officer: str, at: datetime | None,
                **kw) -> str:
        if self.log.entry(hit_id) is None:
            raise EntryError(f"no hit {hit_id} in this log")
        at = at or datetime.now(timezone.utc)
        public, personal = build(value, hit_id=hit_id, desk_id=self.log.desk_id,
                                 officer=officer, at=at, **kw)
        return self.log.append(public, personal).entry_id

    def dispose(self, hit_id: str, disposition: str, officer: str, note: str = "",
                at: datetime | None = None) -> str:
        """The officer's disposition of a hit (a new entry; the hit is never edited)."""
        return self._decide(entries.disposition, disposition, hit_id, officer, at, note=note)

    def outcome(self, hit_id: str, outcome: str, officer: str, note: str = "",
                at: datetime | None = None) -> str:
        """A later outcome: confirmed by the list owner, or the record withdrawn."""
        return self._decide(entries.outcome, outcome, hit_id, officer, at, note=note)

    def review(self, hit_id: str, review: str, supervisor: str, comment: str = "",
               corrected: str | None = None, at: datetime | None = None) -> str:
        """A supervisor's review: agree, or correct with a comment."""
        return self._decide(entries.review, review, hit_id, supervisor, at, comment=comment,
                            corrected=corrected)

    # -- reading -----------------------------------------------------------

    def load(self) -> Loaded:
        """Every hit with its history, and the CLEAR counts (for the screen and the exports)."""
        records = hit_records(self.log.rows())
        return Loaded(records, self.log.clear_counts(), self.log.desks())

    def find(self, flt: Filter) -> list[HitRecord]:
        records = self.load().records
        return [records[i] for i in select(records, flt)]

    def hit(self, hit_id: str) -> HitRecord | None:
        """One hit with its history, read afresh."""
        found = hit_records(self.log.rows_of_hit(hit_id))
        return found[0] if found else None

    @staticmethod
    def statistics(records: Sequence[HitRecord], clear_counts=(),
                   flt: Filter | None = None) -> Statistics:
        return statistics(records, clear_counts, flt)

    # -- exports -----------------------------------------------------------

    @staticmethod
    def export_csv(records: Sequence[HitRecord], out: TextIO) -> int:
        return write_csv(records, out)

    def export_pdf(self, records: Sequence[HitRecord], path: Path | str, *,
                   flt: Filter | None = None, clear_counts=(), generated_by: str = "") -> int:
        """The PDF report of these hits; the number of pages."""
        from ..hitlog.report_pdf import write_pdf  # ReportLab loads only when a report is made

        stats = statistics(records, clear_counts, flt)
        checkpoint = "" if self.national else self.config.desk.checkpoint
        return write_pdf(path, records, stats, flt=flt, checkpoint=checkpoint,
                         generated_by=generated_by)

    # -- integrity, retention, the national copy -----------------------------

    def verify(self) -> Report:
        head = None
        if self.log.head_file is not None:
            head = read_head_file(self.log.head_file)  # ValueError when it is garbage
        return verify_log(self.log, head_file=head)

    def redact(self, *, now: datetime | None = None, retention_days: int | None = None,
               officer: str = "retention") -> list[str]:
        """Empty the personal data of hits older than the retention period."""
        now = now or datetime.now(timezone.utc)
        days = self.config.hitlog.retention_days if retention_days is None else retention_days
        if days < 0:
            raise EntryError("the retention period cannot be negative")
        ids = redact(self.log, cutoff=now - timedelta(days=days), officer=officer, now=now)
        if ids:
            log.info("retention: %d entries redacted", len(ids))
        return ids

    def push(self, url: str, progress: Callable[[str, int, int], None] | None = None) -> PushReport:
        """Send this desk's new entries to the national log at ``url``."""
        central = HitLog(url, desk_id=self.config.hitlog.national_chain)
        try:
            return push(self.log, central, progress=progress)
        finally:
            central.close()
