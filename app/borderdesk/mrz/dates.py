"""Dates in the MRZ: six characters YYMMDD, with unknown parts.

Doc 9303 Part 3, 4.3 and Part 4-7 (the date fields): the year is given by two
digits, so the century is inferred:

* a birth date is never in the future: ``20YY`` unless that is after today,
  then ``19YY``;
* an expiry date is ``20YY`` unless that is more than ``EXPIRY_HORIZON_YEARS``
  ahead, then ``19YY``.

Unknown parts are written with fillers (``<<``); such a part stays unknown and
is never invented. Real documents also write an unknown day or month as
``00`` or ``XX``: accepted as unknown, with a warning.

>>> parse_date('740812', 'birth', today=date(2026, 1, 1)).iso
'1974-08-12'
>>> parse_date('250101', 'birth', today=date(2026, 1, 1)).iso
'2025-01-01'
>>> parse_date('270101', 'birth', today=date(2026, 1, 1)).iso
'1927-01-01'
>>> d = parse_date('8204<<', 'birth', today=date(2026, 1, 1))
>>> (d.iso, d.partial)
(None, '1982-04')
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .values import fast_new

EXPIRY_HORIZON_YEARS = 50

_UNKNOWN_PARTS = ("<<", "XX")


@dataclass(frozen=True)
class MrzDate:
    """A date as the MRZ gives it: any part may be unknown (None)."""

    raw: str
    year: int | None
    month: int | None
    day: int | None
    problem: str | None = None  # why the raw text is not a (partial) date
    note: str | None = None  # a leniency applied in reading it

    @property
    def complete(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    @property
    def iso(self) -> str | None:
        """``YYYY-MM-DD`` when every part is known, else None."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def partial(self) -> str | None:
        """The known leading parts: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or None."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return self.iso

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.complete else None


_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _part(text: str) -> tuple[int | None, bool]:
    """(value, unknown) of a two-character part; value None and unknown False = invalid."""
    if text in _UNKNOWN_PARTS:
        return None, True
    if text.isdigit():
        return int(text), False
    return None, False


def parse_date(raw: str, kind: str, today: date) -> MrzDate:
    """Read a six-character MRZ date; ``kind`` is ``'birth'`` or ``'expiry'``."""
    if raw.isdigit():  # the common case: every part known
        yy, mmdd = divmod(int(raw), 10000)
        mm, dd = divmod(mmdd, 100)
        if 1 <= mm <= 12 and 1 <= dd <= _DAYS[mm]:
            year = 2000 + yy
            if kind == "birth":
                if (year, mm, dd) > (today.year, today.month, today.day):
                    year -= 100
            elif year > today.year + EXPIRY_HORIZON_YEARS:
                year -= 100
            if dd < 29 or mm != 2 or calendar.isleap(year):
                return fast_new(MrzDate, raw=raw, year=year, month=mm, day=dd,
                                problem=None, note=None)
    yy, y_unknown = _part(raw[0:2])
    mm, m_unknown = _part(raw[2:4])
    dd, d_unknown = _part(raw[4:6])
    if (yy is None and not y_unknown) or (mm is None and not m_unknown) or (
            dd is None and not d_unknown):
        return MrzDate(raw, None, None, None, f"{raw!r} is not a date")
    notes = []
    if mm == 0:
        mm = None
        notes.append("month written 00 (unknown)")
    if dd == 0:
        dd = None
        notes.append("day written 00 (unknown)")
    if "XX" in (raw[0:2], raw[2:4], raw[4:6]):
        notes.append("unknown part written XX")
    if mm is not None and not 1 <= mm <= 12:
        return MrzDate(raw, None, None, None, f"{raw!r} has no month {mm:02d}")
    year = None
    if yy is not None:
        year = _century(yy, mm, dd, kind, today)
    if dd is not None:
        last = calendar.monthrange(year or 2000, mm)[1] if mm is not None else 31
        if not 1 <= dd <= last:
            return MrzDate(raw, year, mm, None, f"{raw!r} has no day {dd:02d}")
    return MrzDate(raw, year, mm, dd, None, "; ".join(notes) or None)


def _century(yy: int, mm: int | None, dd: int | None, kind: str, today: date) -> int:
    year = 2000 + yy
    if kind == "birth":
        # The earliest day the known parts allow must not be after today.
        earliest = (year, mm or 1, dd or 1)
        if earliest > (today.year, today.month, today.day):
            year -= 100
    elif year > today.year + EXPIRY_HORIZON_YEARS:
        year -= 100
    return year
