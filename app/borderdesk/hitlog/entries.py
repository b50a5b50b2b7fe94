"""What each kind of entry holds, split into a public part and a personal part.

The public part stays for as long as the log does: who, when, where, which
list and record, how sure, what was decided. The personal part — the document
as read (MRZ and parsed fields), the list record's details, free-text notes —
is what retention removes (see :mod:`.redaction`); the chain covers it only
through its commitment (see :mod:`.canonical`), so removing it leaves the chain
verifiable.

Kinds: ``hit`` (a HIT or POSSIBLE match, as it happened), then entries that
refer to a hit and never change it: ``disposition`` (the officer's decision),
``outcome`` (what came back later), ``review`` (a supervisor's word), and
``redaction`` (which entries retention emptied, and when).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from .canonical import new_nonce

FORMAT = 1  # the version of the entry layout, hashed with every entry

KINDS = ("hit", "disposition", "outcome", "review", "redaction")
LEVELS = ("HIT", "POSSIBLE")
SOURCES = ("camera", "scanner", "manual", "image", "batch")

#: The officer's disposition of a hit (the desk's HIT screen offers these).
DISPOSITIONS = {
    "confirmed-referred": "confirmed, referred to secondary",
    "pending-confirmation": "pending confirmation by the issuing country or list owner",
    "not-same-person": "not the same person",
    "other": "other (see the note)",
}
#: What came back later from the list owner.
OUTCOMES = {
    "confirmed-by-list-owner": "confirmed by the list owner",
    "record-withdrawn": "record withdrawn",
}
#: A supervisor's review.
REVIEWS = {
    "agree": "agree",
    "correct": "correct (see the comment)",
}
#: Decisions after which a hit no longer waits for confirmation.
SETTLING = {"confirmed-referred", "not-same-person", "confirmed-by-list-owner",
            "record-withdrawn"}

#: The document fields kept after redaction: they say nothing of the holder.
DOCUMENT_SUMMARY_KEYS = ("format", "document_code", "issuing_state", "nationality")
#: The match fields kept after redaction.
MATCH_PUBLIC_KEYS = ("kind", "list", "list_version", "record_id", "level", "category",
                     "action", "reasons", "reason_codes")


class EntryError(ValueError):
    """An entry that cannot be written: a missing field or an unknown value."""


def utc_iso(moment: datetime) -> str:
    """``2026-11-23T09:30:00.123456Z``: sortable as text, the same on every engine."""
    if moment.tzinfo is None:
        raise EntryError("times in the log must be aware (carry their time zone)")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


def _common(kind: str, *, desk_id: str, officer: str, at: datetime,
            refers_to: str | None = None) -> dict:
    if not desk_id:
        raise EntryError("an entry needs a desk id")
    if not officer:
        raise EntryError("an entry needs the officer (or supervisor) who made it")
    local = at.astimezone()  # the desk's own zone: what the officer's clock showed
    return {
        "v": FORMAT,
        "kind": kind,
        "entry_id": str(uuid.uuid4()),
        "desk_id": desk_id,
        "officer": officer,
        "recorded_at": utc_iso(at),
        "local_time": local.isoformat(timespec="seconds"),
        "timezone": local.tzname() or "",
        "refers_to": refers_to,
    }


def score_ppm(score: float) -> int:
    """A score in [0, 1] as parts per million: hashed data holds no floats."""
    if not 0.0 <= score <= 1.0:
        raise EntryError(f"a match score must be in [0, 1], not {score!r}")
    return round(score * 1_000_000)


def hit(*, desk_id: str, checkpoint_id: str, officer: str, at: datetime, level: str,
        source: str, document: dict, matches: list[dict], problems: list[str] | None = None,
        watchlist: dict | None = None) -> tuple[dict, dict]:
    """A HIT or POSSIBLE MATCH as it happened: ``(public, personal)``.

    ``document`` is the parsed document as JSON (``mrz parse --json``; its
    ``lines`` are the MRZ as read), ``matches`` the matches as JSON (list,
    list_version, record_id, score, level, reasons, ... and ``record``).
    """
    if level not in LEVELS:
        raise EntryError(f"only {' and '.join(LEVELS)} are logged, not {level!r}")
    if source not in SOURCES:
        raise EntryError(f"unknown source {source!r} (one of {', '.join(SOURCES)})")
    if not matches:
        raise EntryError("a hit needs at least one match")
    public = _common("hit", desk_id=desk_id, officer=officer, at=at)
    public_matches = []
    for m in matches:
        missing = [k for k in ("list", "record_id", "score", "level") if k not in m]
        if missing:
            raise EntryError(f"a match lacks {', '.join(missing)}")
        pm = {k: m.get(k) for k in MATCH_PUBLIC_KEYS}
        pm["reasons"] = list(m.get("reasons") or ())
        pm["reason_codes"] = list(m.get("reason_codes") or ())
        pm["score_ppm"] = score_ppm(float(m["score"]))
        public_matches.append(pm)
    public.update({
        "checkpoint_id": checkpoint_id,
        "level": level,
        "source": source,
        "document": {k: document.get(k) for k in DOCUMENT_SUMMARY_KEYS},
        "problems": list(problems or ()),
        "matches": public_matches,
        "watchlist": watchlist or {},
    })
    personal = {
        "nonce": new_nonce(),
        "document": document,
        "records": [m.get("record") or {} for m in matches],
    }
    return public, personal


def _decision(kind: str, table: dict, value: str, *, hit_id: str, desk_id: str,
              officer: str, at: datetime, note: str, **extra) -> tuple[dict, dict | None]:
    if value not in table:
        raise EntryError(f"unknown {kind} {value!r} (one of {', '.join(table)})")
    if not hit_id:
        raise EntryError(f"a {kind} must refer to a hit")
    public = _common(kind, desk_id=desk_id, officer=officer, at=at, refers_to=hit_id)
    public[kind] = value
    public.update(extra)
    personal = {"nonce": new_nonce(), "note": note} if note else None
    return public, personal


def disposition(value: str, *, hit_id: str, desk_id: str, officer: str, at: datetime,
                note: str = "") -> tuple[dict, dict | None]:
    """The officer's decision on a hit; ``other`` needs a note."""
    if value == "other" and not note.strip():
        raise EntryError("the disposition 'other' needs a note")
    return _decision("disposition", DISPOSITIONS, value, hit_id=hit_id, desk_id=desk_id,
                     officer=officer, at=at, note=note)


def outcome(value: str, *, hit_id: str, desk_id: str, officer: str, at: datetime,
            note: str = "") -> tuple[dict, dict | None]:
    """What came back later: confirmed by the list owner, or the record withdrawn."""
    return _decision("outcome", OUTCOMES, value, hit_id=hit_id, desk_id=desk_id,
                     officer=officer, at=at, note=note)


def review(value: str, *, hit_id: str, desk_id: str, officer: str, at: datetime,
           comment: str = "", corrected: str | None = None) -> tuple[dict, dict | None]:
    """A supervisor's review: ``agree``, or ``correct`` with a comment (and the right one)."""
    if value == "correct" and not comment.strip():
        raise EntryError("a correction needs a comment")
    if corrected is not None and corrected not in DISPOSITIONS:
        raise EntryError(f"unknown disposition {corrected!r}")
    return _decision("review", REVIEWS, value, hit_id=hit_id, desk_id=desk_id,
                     officer=officer, at=at, note=comment, corrected=corrected)


def redaction(*, desk_id: str, officer: str, at: datetime, cutoff: datetime,
              entry_ids: list[str]) -> tuple[dict, None]:
    """The record that retention emptied these entries' personal parts."""
    public = _common("redaction", desk_id=desk_id, officer=officer, at=at)
    public.update({"cutoff": utc_iso(cutoff), "redacted": list(entry_ids)})
    return public, None
