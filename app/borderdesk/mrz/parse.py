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

from datetime import date

from . import checkdigit, countries, names, repair
from .dates import MrzDate, parse_date
from .document import Checks, Correction, Document, Notice
from .exceptions import InvalidCharacter, InvalidFormat, InvalidLength
from .formats import EXPECTED_FIRST_LETTER, LAYOUTS, Layout

_LOOKALIKE_FILLERS = {"\u2039": "<", "\uff1c": "<", "\u2329": "<", "\u3008": "<"}
_TRANSLATE = str.maketrans(_LOOKALIKE_FILLERS)
_ONE_LINE = {88: (2, 44), 90: (3, 30), 72: (2, 36)}

_REASON = {
    "A": "only letters stand in this field",
    "N": "only digits stand in this field",
    "C": "a check digit is a digit",
    "S": "sex is M, F or <",
}


def normalise(text: str) -> tuple[list[str], list[Notice]]:
    """Clean lines of MRZ characters from ``text``; raise if it cannot be an MRZ."""
    if not isinstance(text, str):
        raise InvalidFormat("the MRZ must be given as text")
    notes: list[Notice] = []
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
        for p, c in enumerate(line, 1):
            if c not in checkdigit.MRZ_ALPHABET:
                raise InvalidCharacter(
                    f"line {n} position {p}: {c!r} is not an MRZ character (A-Z, 0-9, <)", n, p)
    return lines, notes


def _layout_for(lines: list[str]) -> Layout:
    longest = max(len(line) for line in lines)
    if len(lines) == 3:
        return LAYOUTS["TD1"]
    first = lines[0][:1]
    if longest >= 40:
        return LAYOUTS["MRVA" if first == "V" else "TD3"]
    return LAYOUTS["MRVB" if first == "V" else "TD2"]


def _fit(lines: list[str], layout: Layout, notes: list[Notice]) -> list[str]:
    """Pad short lines (fillers stripped by a scanner) and trim trailing extra fillers."""
    size = layout.line_length
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


def _clean_name(work: _Work, layout: Layout) -> None:
    span = layout.span("name")
    text, changes, note = names.clean_padding(work.take(span))
    if changes:
        work.change("name", span, text, [(i, c, "<") for i, c in changes],
                    "a misread filler in the padding after the name")
    if note:
        work.notes.append(Notice("name-padding", note, "name"))


def _check(work: _Work, rule) -> bool:
    covered = "".join(work.take(s) for s in rule.covers)
    return checkdigit.compute(covered) == work.take(rule.digit)


def _guided_repairs(work: _Work, layout: Layout, failing: list[str]) -> None:
    """Repair mixed fields whose check fails, where exactly one look-alike change passes."""
    applied = []
    for name in failing:
        rule = layout.checks[name]
        (span,) = rule.covers
        digit = work.take(rule.digit)
        found, _ = repair.guided(work.take(span), lambda c: checkdigit.compute(c) == digit)
        if len(found) == 1:
            applied.append((name, span, work.take(span), found[0]))
        elif len(found) > 1:
            options = ", ".join(f"{read}->{new} at {span.start + i + 1}"
                                for _, (i, read, new) in found)
            work.notes.append(Notice(
                "ambiguous-repair",
                f"{name.replace('_', ' ')} check failed and several repairs would pass "
                f"({options}); none made", name))
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
    layout = _layout_for(lines)
    lines = _fit(lines, layout, notes)
    work = _Work(lines, notes)
    if not all(p.fullmatch(line) for p, line in zip(layout.pattern, lines)):
        _coerce_fields(work, layout)
    _clean_name(work, layout)
    today = today or date.today()
    return _read(work, layout, today)


def _read(work: _Work, layout: Layout, today: date) -> Document:
    notes = work.notes
    take = work.take
    span = layout.span

    code = take(span("document_code"))
    document_code = code.rstrip("<")
    if not document_code or not document_code[0].isalpha():
        raise InvalidFormat(f"the MRZ does not begin with a document code (read {code!r})")
    if document_code[0] not in EXPECTED_FIRST_LETTER[layout.name]:
        notes.append(Notice("document-code", f"document code {document_code} is unusual "
                                             f"for a {layout.name} document", "document_code"))

    # Mixed fields with a check digit of their own: repair where a check confirms.
    failing = []
    overflow = layout.overflow and take(layout.checks["document_number"].digit) == "<" \
        and take(span("optional_data"))[:1] not in ("<", "")
    if not overflow and not _check(work, layout.checks["document_number"]):
        failing.append("document_number")
    if "optional_data" in layout.checks and not _optional_check(work, layout):
        failing.append("optional_data")
    if failing:
        _guided_repairs(work, layout, failing)

    optional = take(span("optional_data"))
    if overflow:
        number, number_ok, optional = _overflow_number(work, layout, notes)
    else:
        raw_number = take(span("document_number"))
        number_ok = _check(work, layout.checks["document_number"])
        number = raw_number.rstrip("<")
        if "<" in number:
            notes.append(Notice("number-fillers", "the document number has fillers inside it; "
                                                  "they are left out", "document_number"))
            number = number.replace("<", "")

    birth = parse_date(take(span("birth_date")), "birth", today)
    expiry = parse_date(take(span("expiry_date")), "expiry", today)
    birth_ok = _date_check(work, layout, "birth_date", birth, notes)
    expiry_ok = _date_check(work, layout, "expiry_date", expiry, notes)

    optional_ok = None
    if "optional_data" in layout.checks:
        optional_ok = _optional_check(work, layout)
    composite_ok = None
    if "composite" in layout.checks:
        composite_ok = _check(work, layout.checks["composite"])

    sex = _sex(take(span("sex")), notes)
    issuing_state = _state(take(span("issuing_state")), "issuing_state", notes)
    nationality = _state(take(span("nationality")), "nationality", notes)

    surname, given_names, truncated = names.split_name(take(span("name")))
    if truncated:
        notes.append(Notice("name-truncated", "the name fills its field to the last character "
                                              "and may be truncated", "name"))
    if any(c.isdigit() for c in surname + given_names):
        notes.append(Notice("name-digits", "the name field holds digits", "name"))
    optional_2 = take(span("optional_data_2")).strip("<") if layout.name == "TD1" else ""

    return Document(
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
        checks=Checks(number_ok, birth_ok, expiry_ok, optional_ok, composite_ok),
        corrections=tuple(work.corrections),
        warnings=tuple(notes),
        name_truncated=truncated,
    )


def _overflow_number(work: _Work, layout: Layout, notes: list[Notice]) -> tuple[str, bool, str]:
    """A document number longer than 9 characters (Doc 9303 Part 5 and 6, 4.2.4).

    The check digit position holds ``<``; the rest of the number and its
    check digit open the optional data, ended by a filler.
    """
    principal = work.take(layout.span("document_number"))
    optional = work.take(layout.span("optional_data"))
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


def _optional_check(work: _Work, layout: Layout) -> bool:
    """TD3 personal number check: Doc 9303 Part 4, 4.2.2 allows < or 0 for an empty field."""
    rule = layout.checks["optional_data"]
    digit = work.take(rule.digit)
    (covered,) = rule.covers
    text = work.take(covered)
    if digit == "<":
        return not text.strip("<")
    return checkdigit.compute(text) == digit


def _date_check(work: _Work, layout: Layout, name: str, value: MrzDate,
                notes: list[Notice]) -> bool:
    rule = layout.checks[name]
    label = name.replace("_", " ")
    if value.problem:
        notes.append(Notice("bad-date", f"{label}: {value.problem}", name))
    if value.note:
        notes.append(Notice("date-unknown-part", f"{label}: {value.note}", name))
    digit = work.take(rule.digit)
    if digit == "<" and value.raw == "<<<<<<":
        notes.append(Notice("no-date", f"no {label} (all fillers, check digit a filler)", name))
        return True
    return _check(work, rule)


def _sex(raw: str, notes: list[Notice]) -> str:
    if raw in ("M", "F"):
        return raw
    if raw in ("<", "X"):
        return "X"
    notes.append(Notice("sex", f"sex code {raw!r} is not M, F or X; read as unspecified", "sex"))
    return "X"


def _state(raw: str, field: str, notes: list[Notice]) -> str:
    code = raw.replace("<", "")
    known, note = countries.lookup(code)
    if note:
        label = field.replace("_", " ")
        notes.append(Notice("unknown-state" if not known else "state-code", f"{label}: {note}", field))
    return code
