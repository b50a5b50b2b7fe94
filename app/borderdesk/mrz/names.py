"""The name field of the MRZ.

Doc 9303 Part 3, 4.6: the primary identifier (surname) comes first, then two
fillers ``<<``, then the secondary identifier (given names); a single filler
stands for a space or hyphen inside either; fillers pad the field to its end.
A name too long for the field is truncated by the issuer, so a name that runs
to the last character of the field may be truncated (Part 3, 4.6.5).

>>> split_name('ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<')
('ERIKSSON', 'ANNA MARIA', False)
>>> split_name('VAN<DER<STEEN<<MARIANNE<LOUISE<AND<MORE')
('VAN DER STEEN', 'MARIANNE LOUISE AND MORE', True)
>>> clean_padding('SMITH<<JOHN<<<<<K<<<<C<<')
('SMITH<<JOHN<<<<<<<<<<<<<', [(16, 'K'), (21, 'C')], None)
"""

from __future__ import annotations

import re

from .repair import FILLER_LOOKALIKES

_TRAILING_K_RUN = re.compile(r"KKK[K<]*$")


def split_name(field: str) -> tuple[str, str, bool]:
    """``(surname, given_names, possibly_truncated)`` from a name field."""
    truncated = field[-1:] != "<"
    primary, _, secondary = field.partition("<<")
    surname = primary.strip("<").replace("<", " ")
    given = secondary.strip("<").replace("<", " ")
    if "  " in surname:
        surname = " ".join(surname.split())
    if "  " in given:
        given = " ".join(given.split())
    return surname, given, truncated


def clean_padding(field: str) -> tuple[str, list[tuple[int, str]], str | None]:
    """Turn misread fillers in the padding after a name back into fillers.

    The layout proves a character is a misread filler only where no name can
    stand: after three fillers in a row (a name part ends with ``<<`` at most),
    or in a run of ``KKK`` at the end of the field. Returns the new field, the
    changed positions with what was read, and a note when text stands after
    the padding that does not look like fillers (left as it is).
    """
    changes: list[tuple[int, str]] = []
    pad = field.find("<<<")
    if pad >= 0:
        tail = field[pad:]
        if not tail.strip("<"):
            return field, [], None
        if all(c == "<" or c in FILLER_LOOKALIKES for c in tail):
            changes = [(pad + i, c) for i, c in enumerate(tail) if c != "<"]
        else:
            return field, [], "letters after the padding of the name field"
    else:
        m = _TRAILING_K_RUN.search(field)
        if m:
            changes = [(m.start() + i, c) for i, c in enumerate(m.group()) if c != "<"]
    if not changes:
        return field, [], None
    chars = list(field)
    for i, _ in changes:
        chars[i] = "<"
    return "".join(chars), changes, None
