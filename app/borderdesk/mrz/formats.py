"""The five machine readable formats of ICAO Doc 9303, as data.

Each :class:`Layout` lists its fields (line, start, end, kind of characters)
and which characters each check digit covers:

* TD3 (passport data page, 2x44): Part 4, 4.2.2
* TD1 (ID-1 card, 3x30): Part 5, 4.2.2
* TD2 (ID-2 card, 2x36): Part 6, 4.2.2
* MRV-A (visa, 2x44) and MRV-B (visa, 2x36): Part 7, 4.2.2

and one national layout older than ICAO's card formats and still in wide use:

* FRA-ID, the French national identity card of 1988-2021 (2x36, the size of
  TD2): the surname on line 1, then the department and office of issue; the
  12-character card number, its check digit, the given names, the birth
  date, sex and a check digit over both lines on line 2. No nationality and
  no expiry date (the card is only for French nationals; it expires 10 or 15
  years after issue, printed on the card, not in the MRZ).

Kinds of characters: ``A`` letters (and the filler), ``N`` digits of a date
(and the filler, for an unknown part), ``C`` a check digit, ``S`` sex,
``X`` mixed letters and digits.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from dataclasses import dataclass, field

from .checkdigit import compute


class Span(NamedTuple):
    line: int  # 0-based
    start: int
    end: int

    def take(self, lines: list[str] | tuple[str, ...]) -> str:
        return lines[self.line][self.start:self.end]


@dataclass(frozen=True, slots=True)
class CheckRule:
    """A check digit at ``digit`` covering the characters of ``covers``."""

    covers: tuple[Span, ...]
    digit: Span

    def passes(self, lines: list[str]) -> bool:
        covered = "".join([lines[line][start:end] for line, start, end in self.covers])
        return compute(covered) == lines[self.digit.line][self.digit.start]


@dataclass(frozen=True)
class Layout:
    name: str
    line_count: int
    line_length: int
    fields: dict[str, tuple[Span, str]]  # name -> (where, kind)
    checks: dict[str, CheckRule]  # check name (as in Checks) -> rule
    overflow: bool = False  # a long document number may overflow into optional data
    kinds: tuple[str, ...] = field(init=False)  # per line, one kind letter per position
    slices: tuple[tuple[str, int, int, int], ...] = field(init=False)  # (name, line, start, end)
    pattern: re.Pattern = field(init=False)  # the lines joined by newlines, one group a field

    def __post_init__(self) -> None:
        kinds = [["?"] * self.line_length for _ in range(self.line_count)]
        for span, kind in self.fields.values():
            for i in range(span.start, span.end):
                kinds[span.line][i] = kind
        lines = tuple("".join(k) for k in kinds)
        assert all("?" not in k for k in lines), (self.name, lines)
        object.__setattr__(self, "kinds", lines)
        object.__setattr__(self, "slices", tuple(
            (name, sp.line, sp.start, sp.end) for name, (sp, _) in self.fields.items()))
        object.__setattr__(self, "pattern", re.compile(self._regex(lines)))

    def _regex(self, kinds: tuple[str, ...]) -> str:
        """A regex matching clean lines, with a named group for each field."""
        by_start = {(sp.line, sp.start): (name, sp) for name, (sp, _) in self.fields.items()}
        parts = []
        for n, line in enumerate(kinds):
            if n:
                parts.append("\n")
            i = 0
            while i < len(line):
                name, sp = by_start[(n, i)]
                parts.append(f"(?P<{name}>{_KIND_RE[line[i]]}{{{sp.end - sp.start}}})")
                i = sp.end
        return "".join(parts)

    def span(self, name: str) -> Span:
        return self.fields[name][0]

    def extract(self, lines: list[str]) -> dict[str, str]:
        """Every field's characters, by field name."""
        return {name: lines[line][start:end] for name, line, start, end in self.slices}


_KIND_RE = {"A": "[A-Z<]", "N": "[0-9<]", "C": "[0-9<]", "S": "[MFX<]", "X": "[A-Z0-9<]"}


def _s(line: int, start: int, end: int | None = None) -> Span:
    return Span(line, start, start + 1 if end is None else end)


def _two_line(name: str, length: int, optional_end: int, has_optional_check: bool,
              has_composite: bool, overflow: bool) -> Layout:
    """TD2, TD3, MRV-A and MRV-B share the shape of their two lines."""
    fields = {
        "document_code": (_s(0, 0, 2), "A"),
        "issuing_state": (_s(0, 2, 5), "A"),
        "name": (_s(0, 5, length), "A"),
        "document_number": (_s(1, 0, 9), "X"),
        "document_number_check": (_s(1, 9), "C"),
        "nationality": (_s(1, 10, 13), "A"),
        "birth_date": (_s(1, 13, 19), "N"),
        "birth_date_check": (_s(1, 19), "C"),
        "sex": (_s(1, 20), "S"),
        "expiry_date": (_s(1, 21, 27), "N"),
        "expiry_date_check": (_s(1, 27), "C"),
        "optional_data": (_s(1, 28, optional_end), "X"),
    }
    checks = {
        "document_number": CheckRule((_s(1, 0, 9),), _s(1, 9)),
        "birth_date": CheckRule((_s(1, 13, 19),), _s(1, 19)),
        "expiry_date": CheckRule((_s(1, 21, 27),), _s(1, 27)),
    }
    if has_optional_check:
        fields["optional_data_check"] = (_s(1, optional_end), "C")
        checks["optional_data"] = CheckRule((_s(1, 28, optional_end),), _s(1, optional_end))
    if has_composite:
        fields["composite_check"] = (_s(1, length - 1), "C")
        checks["composite"] = CheckRule(
            (_s(1, 0, 10), _s(1, 13, 20), _s(1, 21, length - 1)), _s(1, length - 1))
    return Layout(name, 2, length, fields, checks, overflow)


TD3 = _two_line("TD3", 44, 42, has_optional_check=True, has_composite=True, overflow=False)
MRVA = _two_line("MRVA", 44, 44, has_optional_check=False, has_composite=False, overflow=False)
TD2 = _two_line("TD2", 36, 35, has_optional_check=False, has_composite=True, overflow=True)
MRVB = _two_line("MRVB", 36, 36, has_optional_check=False, has_composite=False, overflow=False)

TD1 = Layout(
    "TD1", 3, 30,
    fields={
        "document_code": (_s(0, 0, 2), "A"),
        "issuing_state": (_s(0, 2, 5), "A"),
        "document_number": (_s(0, 5, 14), "X"),
        "document_number_check": (_s(0, 14), "C"),
        "optional_data": (_s(0, 15, 30), "X"),
        "birth_date": (_s(1, 0, 6), "N"),
        "birth_date_check": (_s(1, 6), "C"),
        "sex": (_s(1, 7), "S"),
        "expiry_date": (_s(1, 8, 14), "N"),
        "expiry_date_check": (_s(1, 14), "C"),
        "nationality": (_s(1, 15, 18), "A"),
        "optional_data_2": (_s(1, 18, 29), "X"),
        "composite_check": (_s(1, 29), "C"),
        "name": (_s(2, 0, 30), "A"),
    },
    checks={
        "document_number": CheckRule((_s(0, 5, 14),), _s(0, 14)),
        "birth_date": CheckRule((_s(1, 0, 6),), _s(1, 6)),
        "expiry_date": CheckRule((_s(1, 8, 14),), _s(1, 14)),
        "composite": CheckRule((_s(0, 5, 30), _s(1, 0, 7), _s(1, 8, 15), _s(1, 18, 29)),
                               _s(1, 29)),
    },
    overflow=True,
)

LAYOUTS = {layout.name: layout for layout in (TD1, TD2, TD3, MRVA, MRVB)}

FRA_ID = Layout(
    "FRA-ID", 2, 36,
    fields={
        "document_code": (_s(0, 0, 2), "A"),
        "issuing_state": (_s(0, 2, 5), "A"),
        "surname": (_s(0, 5, 30), "A"),
        "optional_data": (_s(0, 30, 36), "X"),  # department (3) and office (3) of issue
        "document_number": (_s(1, 0, 12), "X"),  # YYMM of issue, department, serial
        "document_number_check": (_s(1, 12), "C"),
        "given_names": (_s(1, 13, 27), "A"),
        "birth_date": (_s(1, 27, 33), "N"),
        "birth_date_check": (_s(1, 33), "C"),
        "sex": (_s(1, 34), "S"),
        "composite_check": (_s(1, 35), "C"),
    },
    checks={
        "document_number": CheckRule((_s(1, 0, 12),), _s(1, 12)),
        "birth_date": CheckRule((_s(1, 27, 33),), _s(1, 33)),
        "composite": CheckRule((_s(0, 0, 36), _s(1, 0, 35)), _s(1, 35)),
    },
)

# National layouts: not ICAO formats, told apart by their content (parse.py).
NATIONAL_LAYOUTS = {FRA_ID.name: FRA_ID}


def layout_named(name: str) -> Layout:
    """The layout of a parsed document (``Document.layout``): ICAO or national."""
    return LAYOUTS.get(name) or NATIONAL_LAYOUTS[name]

# The document codes each format expects first (Part 4-7, 4.2.2: P for
# passports, V for visas, A, C or I for official travel documents).
EXPECTED_FIRST_LETTER = {"TD3": "P", "MRVA": "V", "MRVB": "V", "TD1": "ACI", "TD2": "ACI"}

# The document codes issuing states are known to print, by format. The second letter is the
# state's choice (Part 4, 4.2.2), and in practice it is one of few: a passport's P< or PP,
# PD diplomatic, PO official, PS service, PE emergency, PT temporary, PR refugee, PM
# (Macao); an identity card's I< or ID, IR and AR residence permits, IP passport cards,
# AC crew member certificates, C< and CR; a visa's V< or the letter of its category. A
# reader weighs its doubts among these (a misread O is far likelier D than Q); a code
# outside them is not wrong, only not helped.
KNOWN_DOCUMENT_CODES = {
    "TD3": ("P<", "PP", "PD", "PO", "PS", "PE", "PT", "PR", "PM"),
    "TD1": ("I<", "ID", "IR", "IP", "IO", "IX", "A<", "AC", "AR", "C<", "CR"),
    "TD2": ("I<", "ID", "IR", "IP", "IO", "IX", "A<", "AC", "AR", "C<", "CR"),
    "MRVA": ("V<", "VA", "VB", "VC", "VD", "VS", "VT"),
    "MRVB": ("V<", "VA", "VB", "VC", "VD", "VS", "VT"),
    "FRA-ID": ("ID",),
}
