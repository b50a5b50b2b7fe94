"""Parsing an MRZ: from text to :class:`~borderdesk.mrz.document.Document`.

The steps, in order:

1. :func:`normalise` takes text in any reasonable shape (stray spaces, lower
   case, Windows line ends, the whole MRZ on one line) to clean lines, or
   raises :class:`~borderdesk.mrz.exceptions.InvalidFormat`.
2. The format is told from the number and length of the lines and the first
   letter of the document code (Doc 9303 Parts 4-7).
3. Look-alike characters that cannot stand in a field are undone
   (:mod:`borderdesk.mrz.repair`); a failing check digit of a mixed field is
   repaired only when exactly one look-alike change makes it pass.
4. The fields are read and the check digits verified.

Every change and every leniency is reported, never silent.

>>> doc = parse('''P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
... L898902C36UTO7408122F1204159ZE184226B<<<<<10''')
>>> doc.format, doc.surname, doc.given_names, doc.document_number, doc.valid
('TD3', 'ERIKSSON', 'ANNA MARIA', 'L898902C3', True)
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta

from . import checkdigit, countries, names, repair
from .dates import MrzDate, parse_date
from .document import Checks, Correction, Document, Notice, fast_new
from .exceptions import InvalidCharacter, InvalidFormat, InvalidLength
from .formats import EXPECTED_FIRST_LETTER, FRA_ID, LAYOUTS, Layout

_LOOKALIKE_FILLERS = {"\u2039": "<", "\uff1c": "<", "\u2329": "<", "\u3008": "<"}
_TRANSLATE = str.maketrans(_LOOKALIKE_FILLERS)
_ONE_LINE = {88: (2, 44), 90: (3, 30), 72: (2, 36)}

_REASON = {
    "A": "only letters stand in this field",
    "N": "only digits stand in this field",
    "C": "a check digit is a digit",
    "S": "sex is M, F or <",
}


_CLEAN = re.compile(r"[A-Z0-9<]+(?:\n[A-Z0-9<]+){1,2}\n?")
_LINE = re.compile(r"[A-Z0-9<]*")


def normalise(text: str) -> tuple[list[str], list[Notice]]:
    """Clean lines of MRZ characters from ``text``; raise if it cannot be an MRZ."""
    if not isinstance(text, str):
        raise InvalidFormat("the MRZ must be given as text")
    notes: list[Notice] = []
    if _CLEAN.fullmatch(text):  # the common case: already clean lines
        return text.split(), notes
    lines = []
    for raw in text.splitlines():
        line = "".join(raw.split()).upper().translate(_TRANSLATE)
        if line:
            lines.append(line)
    if not lines:
        raise InvalidFormat("no MRZ text: the input is empty")
    if len(lines) == 1 and len(lines[0]) in _ONE_LINE:
        count, length = _ONE_LINE[len(lines[0])]
        one = lines[0]
        lines = [one[i * length:(i + 1) * length] for i in range(count)]
        notes.append(Notice("one-line", f"the MRZ was given on one line; read as {count} lines of {length}"))
    if len(lines) not in (2, 3):
        raise InvalidFormat(f"an MRZ has 2 or 3 lines, this text has {len(lines)}")
    for n, line in enumerate(lines, 1):
        if _LINE.fullmatch(line):
            continue
        for p, c in enumerate(line, 1):
            if c not in checkdigit.MRZ_ALPHABET:
                raise InvalidCharacter(
                    f"line {n} position {p}: {c!r} is not an MRZ character (A-Z, 0-9, <)", n, p)
    return lines, notes


def layout_for(lines: list[str]) -> Layout:
    """The layout MRZ lines follow, told from their number, length and content (a reader
    decoding characters asks it which field each place holds)."""
    longest = max(map(len, lines))
    if len(lines) == 3:
        return LAYOUTS["TD1"]
    first = lines[0][:1]
    if longest >= 40:
        return LAYOUTS["MRVA" if first == "V" else "TD3"]
    if first == "I" and _is_french_id(lines):
        return FRA_ID
    return LAYOUTS["MRVB" if first == "V" else "TD2"]


def _is_french_id(lines: list[str]) -> bool:
    """The French identity card of 1988-2021: ``IDFRA`` and a card number where TD2 has
    the nationality (a nationality is letters; the card number is digits)."""
    return (lines[0][:5] == "IDFRA" and len(lines[1]) >= 13
            and sum(c.isdigit() for c in lines[1][10:13]) >= 2)


def _fit(lines: list[str], layout: Layout, notes: list[Notice]) -> list[str]:
    """Pad short lines (fillers stripped by a scanner) and trim trailing extra fillers."""
    size = layout.line_length
    if all(len(line) == size for line in lines):
        return lines
    if not any(len(line) == size for line in lines):
        lengths = ", ".join(str(len(line)) for line in lines)
        raise InvalidLength(
            f"no line has the {size} characters of a {layout.name} MRZ (lines of {lengths})")
    fitted = []
    for n, line in enumerate(lines, 1):
        if len(line) < size:
            notes.append(Notice("padded", f"line {n} had {len(line)} of {size} characters; "
                                          f"filled out with fillers"))
            line = line.ljust(size, "<")
        elif len(line) > size:
            extra = line[size:]
            if extra.strip("<"):
                raise InvalidLength(f"line {n} has {len(line)} characters, a {layout.name} "
                                    f"line has {size}")
            notes.append(Notice("trimmed", f"line {n} had {len(extra)} fillers too many; removed"))
            line = line[:size]
        fitted.append(line)
    return fitted


class _Work:
    """The lines being repaired, and the record of every change."""

    __slots__ = ("lines", "corrections", "notes")

    def __init__(self, lines: list[str], notes: list[Notice]) -> None:
        self.lines = lines
        self.corrections: list[Correction] = []
        self.notes = notes

    def take(self, span) -> str:
        return self.lines[span.line][span.start:span.end]

    def put(self, span, text: str) -> None:
        line = self.lines[span.line]
        self.lines[span.line] = line[:span.start] + text + line[span.end:]

    def change(self, field: str, span, text: str, changes, reason: str) -> None:
        self.put(span, text)
        for i, read, new in changes:
            self.corrections.append(
                Correction(span.line + 1, span.start + i + 1, field, read, new, reason))


def _coerce_fields(work: _Work, layout: Layout) -> None:
    for field, (span, kind) in layout.fields.items():
        if kind == "X":
            continue
        text, changes = repair.coerce(work.take(span), kind)
        if changes:
            work.change(field, span, text, changes, _REASON[kind])


def _clean_name(work: _Work, layout: Layout, field: str) -> bool:
    """Undo misread fillers after the name; True if the lines changed."""
    pad = field.find("<<<")
    if pad >= 0 and not field[pad:].strip("<"):
        return False  # the usual case: nothing but fillers after the name
    text, changes, note = names.clean_padding(field)
    if changes:
        work.change("name", layout.span("name"), text, [(i, c, "<") for i, c in changes],
                    "a misread filler in the padding after the name")
    if note:
        work.notes.append(Notice("name-padding", note, "name"))
    return bool(changes)


_MIXED_FIELDS = ("document_number", "optional_data", "optional_data_2")


def _clean_trailing_fillers(work: _Work, layout: Layout, field: str) -> bool:
    span = layout.span(field)
    text, changes = repair.trailing_fillers(work.take(span))
    if changes:
        work.change(field, span, text, changes,
                    "fillers read as K at the end of the field (no check digit can tell)")
    return bool(changes)


def _check(work: _Work, rule) -> bool:
    return rule.passes(work.lines)


def _guided_repairs(work: _Work, layout: Layout, failing: list[str]) -> None:
    """Repair mixed fields whose check fails, where exactly one look-alike change passes."""
    applied = []
    for name in failing:
        rule = layout.checks[name]
        (span,) = rule.covers
        digit = work.take(rule.digit)
        text = work.take(span)
        found, _ = repair.guided(text, lambda c: checkdigit.compute(c) == digit)
        label = name.replace("_", " ")
        if len(found) == 1 and repair.out_of_place(text, found[0][1][0]):
            applied.append((name, span, text, found[0]))
        elif len(found) == 1:
            _, (i, read, new) = found[0]
            work.notes.append(Notice(
                "unconfirmed-repair",
                f"{label} check failed; {read}->{new} at {span.start + i + 1} would pass, but "
                f"nothing marks that character as misread; not made", name))
        elif len(found) > 1:
            options = ", ".join(f"{read}->{new} at {span.start + i + 1}"
                                for _, (i, read, new) in found)
            work.notes.append(Notice(
                "ambiguous-repair",
                f"{label} check failed and several repairs would pass ({options}); none made",
                name))
    if not applied:
        return
    for name, span, _, (candidate, _) in applied:
        work.put(span, candidate)
    composite = layout.checks.get("composite")
    if composite is not None and not _check(work, composite):
        for name, span, before, _ in applied:
            work.put(span, before)
        work.notes.append(Notice(
            "unconfirmed-repair",
            "a repair would pass the " + " and ".join(n.replace("_", " ") for n, *_ in applied)
            + " check but the composite check disagrees; none made"))
        return
    for name, span, before, (candidate, change) in applied:
        i, read, new = change
        work.put(span, before)
        work.change(name, span, candidate, [(i, read, new)],
                    "the only look-alike change that passes the check digit")


def parse(text: str, *, today: date | None = None) -> Document:
    """Parse the MRZ in ``text``.

    Raises :class:`~borderdesk.mrz.exceptions.InvalidFormat` (a ``ValueError``)
    when the text is not an MRZ; returns a :class:`Document` otherwise, whose
    ``checks`` tell whether the check digits pass.
    """
    lines, notes = normalise(text)
    layout = layout_for(lines)
    lines = _fit(lines, layout, notes)
    work = _Work(lines, notes)
    match = layout.pattern.fullmatch("\n".join(lines))
    if match is None:
        _coerce_fields(work, layout)
        total = layout.line_count * layout.line_length
        if len(work.corrections) > total // 4:
            raise InvalidFormat(f"{len(work.corrections)} of {total} characters are out of place "
                                f"for a {layout.name} MRZ; this is not one")
    fields = layout.extract(work.lines) if match is None else match.groupdict()
    if layout is FRA_ID:
        return _read_french_id(work, fields, today or _today())
    changed = _clean_name(work, layout, fields["name"])
    for field in _MIXED_FIELDS:
        if fields.get(field, "").rstrip("<").endswith("K"):
            if field == "document_number" and _overflows(layout, fields):
                continue  # the principal part of a long number is full: its K are data
            changed |= _clean_trailing_fillers(work, layout, field)
    if changed:
        fields = layout.extract(work.lines)
    return _read(work, layout, fields, today or _today())


_day = [0.0, date.today()]  # [next midnight as a timestamp, today]


def _today() -> date:
    """Today's date, cheaply: looked up again only after local midnight."""
    now = time.time()
    if now >= _day[0]:
        today = date.today()
        tomorrow = today + timedelta(days=1)
        _day[0] = datetime(tomorrow.year, tomorrow.month, tomorrow.day).timestamp()
        _day[1] = today
    return _day[1]


def _read(work: _Work, layout: Layout, f: dict[str, str], today: date) -> Document:
    notes = work.notes
    checks = layout.checks

    code = f["document_code"]
    document_code = code.rstrip("<")
    if not document_code or not document_code[0].isalpha():
        raise InvalidFormat(f"the MRZ does not begin with a document code (read {code!r})")
    if document_code[0] not in EXPECTED_FIRST_LETTER[layout.name]:
        notes.append(Notice("document-code", f"document code {document_code} is unusual "
                                             f"for a {layout.name} document", "document_code"))

    # Mixed fields with a check digit of their own: repair where a check confirms.
    overflow = _overflows(layout, f)
    number_ok = overflow or checkdigit.compute(f["document_number"]) == f["document_number_check"]
    repaired = False
    optional_ok = None
    if "optional_data" in checks:
        optional_ok = _optional_check(f["optional_data"], f["optional_data_check"])
    if not number_ok or optional_ok is False:
        failing = [n for n, ok in (("document_number", number_ok), ("optional_data", optional_ok))
                   if ok is False]
        _guided_repairs(work, layout, failing)
        repaired = True
        f = layout.extract(work.lines)
        if "optional_data" in checks:
            optional_ok = _optional_check(f["optional_data"], f["optional_data_check"])

    optional = f["optional_data"]
    if overflow:
        number, number_ok, optional = _overflow_number(f, notes)
    else:
        if repaired:
            number_ok = checkdigit.compute(f["document_number"]) == f["document_number_check"]
        number = f["document_number"].rstrip("<")
        if "<" in number:
            notes.append(Notice("number-fillers", "the document number has fillers inside it; "
                                                  "they are left out", "document_number"))
            number = number.replace("<", "")

    birth = parse_date(f["birth_date"], "birth", today)
    expiry = parse_date(f["expiry_date"], "expiry", today)
    birth_ok = _date_check(f["birth_date"], f["birth_date_check"], "birth_date", birth, notes)
    expiry_ok = _date_check(f["expiry_date"], f["expiry_date_check"], "expiry_date", expiry, notes)

    composite_ok = None
    if "composite" in checks:
        composite_ok = _check(work, checks["composite"])

    sex = _sex(f["sex"], notes)
    issuing_state = _state(f["issuing_state"], "issuing_state", notes)
    nationality = _state(f["nationality"], "nationality", notes)

    surname, given_names, truncated = names.split_name(f["name"])
    if truncated:
        notes.append(Notice("name-truncated", "the name fills its field to the last character "
                                              "and may be truncated", "name"))
    if _DIGIT.search(f["name"]):
        notes.append(Notice("name-digits", "the name field holds digits", "name"))
    optional_2 = f["optional_data_2"].strip("<") if "optional_data_2" in f else ""

    return fast_new(
        Document,
        format=layout.name,
        lines=tuple(work.lines),
        document_code=document_code,
        issuing_state=issuing_state,
        document_number=number,
        surname=surname,
        given_names=given_names,
        nationality=nationality,
        birth=birth,
        expiry=expiry,
        sex=sex,
        optional_data=optional.strip("<"),
        optional_data_2=optional_2,
        checks=fast_new(Checks, document_number=number_ok, birth_date=birth_ok,
                        expiry_date=expiry_ok, optional_data=optional_ok, composite=composite_ok),
        corrections=tuple(work.corrections),
        warnings=tuple(notes),
        name_truncated=truncated,
    )


_DIGIT = re.compile("[0-9]")


def _read_french_id(work: _Work, f: dict[str, str], today: date) -> Document:
    """The French identity card of 1988-2021 (formats.FRA_ID)."""
    notes = work.notes
    notes.append(Notice("national-layout", "French identity card of 1988-2021: not an ICAO "
                                           "format; no nationality or expiry date in its MRZ "
                                           "(the holder is French)", None))
    checks = FRA_ID.checks
    if not _check(work, checks["document_number"]):
        _guided_repairs(work, FRA_ID, ["document_number"])
        f = FRA_ID.extract(work.lines)
    number_ok = _check(work, checks["document_number"])
    birth = parse_date(f["birth_date"], "birth", today)
    birth_ok = _date_check(f["birth_date"], f["birth_date_check"], "birth_date", birth, notes)
    surname, _, _ = names.split_name(f["surname"] + "<<")
    given_field = f["given_names"]
    first, others, truncated = names.split_name(given_field)  # given names split on << too
    given = " ".join(filter(None, (first, others)))
    if truncated:
        notes.append(Notice("name-truncated", "the given names fill their field to the last "
                                              "character and may be truncated", "name"))
    if _DIGIT.search(f["surname"] + given_field):
        notes.append(Notice("name-digits", "the name field holds digits", "name"))
    return fast_new(
        Document,
        format="TD2",
        layout=FRA_ID.name,
        lines=tuple(work.lines),
        document_code=f["document_code"].rstrip("<"),
        issuing_state="FRA",
        document_number=f["document_number"].replace("<", ""),
        surname=surname,
        given_names=given,
        nationality="FRA",
        birth=birth,
        expiry=MrzDate("", None, None, None),
        sex=_sex(f["sex"], notes),
        optional_data=f["optional_data"].strip("<"),
        optional_data_2="",
        checks=fast_new(Checks, document_number=number_ok, birth_date=birth_ok,
                        expiry_date=None, optional_data=None,
                        composite=_check(work, checks["composite"])),
        corrections=tuple(work.corrections),
        warnings=tuple(notes),
        name_truncated=truncated,
    )


def _overflows(layout: Layout, f: dict[str, str]) -> bool:
    """A long document number: its check digit a filler, its rest in the optional data."""
    return (layout.overflow and f["document_number_check"] == "<"
            and f["optional_data"][:1] not in ("<", ""))


def _overflow_number(f: dict[str, str], notes: list[Notice]) -> tuple[str, bool, str]:
    """A document number longer than 9 characters (Doc 9303 Part 5 and 6, 4.2.4).

    The check digit position holds ``<``; the rest of the number and its
    check digit open the optional data, ended by a filler.
    """
    principal = f["document_number"]
    optional = f["optional_data"]
    end = optional.find("<")
    if end < 0:
        end = len(optional)
    extra, rest = optional[:end], optional[end + 1:]
    if len(extra) < 2:
        notes.append(Notice("overflow", "the document number check digit is a filler but the "
                                        "optional data holds no continuation", "document_number"))
        return principal.replace("<", "") + extra, False, optional
    tail, digit = extra[:-1], extra[-1]
    ok = checkdigit.compute(principal + tail) == digit
    if not ok and checkdigit.compute(principal + "<" + tail) == digit:
        ok = True
        notes.append(Notice("overflow-filler", "the long document number's check digit covers "
                                               "the filler between its parts (an issuer's practice "
                                               "outside Doc 9303)", "document_number"))
    return (principal + tail).replace("<", ""), ok, rest


def _optional_check(text: str, digit: str) -> bool:
    """TD3 personal number check: Doc 9303 Part 4, 4.2.2 allows < or 0 for an empty field."""
    if digit == "<":
        return not text.strip("<")
    return checkdigit.compute(text) == digit


def _date_check(raw: str, digit: str, name: str, value: MrzDate, notes: list[Notice]) -> bool:
    if value.problem is None and value.note is None and digit != "<":
        return checkdigit.compute(raw) == digit
    if value.problem or value.note:
        label = name.replace("_", " ")
        if value.problem:
            notes.append(Notice("bad-date", f"{label}: {value.problem}", name))
        if value.note:
            notes.append(Notice("date-unknown-part", f"{label}: {value.note}", name))
    if digit == "<" and raw == "<<<<<<":
        notes.append(Notice("no-date", f"no {name.replace('_', ' ')} (all fillers, check digit "
                                       f"a filler)", name))
        return True
    return checkdigit.compute(raw) == digit


def _sex(raw: str, notes: list[Notice]) -> str:
    if raw in ("M", "F"):
        return raw
    if raw in ("<", "X"):
        return "X"
    notes.append(Notice("sex", f"sex code {raw!r} is not M, F or X; read as unspecified", "sex"))
    return "X"


def _state(raw: str, field: str, notes: list[Notice]) -> str:
    code = raw.replace("<", "")
    if code in countries.ISO_3166_ALPHA3:
        return code
    known, note = countries.lookup(code)
    if note:
        label = field.replace("_", " ")
        notes.append(Notice("unknown-state" if not known else "state-code", f"{label}: {note}", field))
    return code
