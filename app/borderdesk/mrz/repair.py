"""Undoing OCR errors, guided by what a field may hold and by the check digits.

The MRZ is printed in OCR-B, where some letters and digits look alike. Where a
field can only hold digits (dates, check digits) a letter is a misread of its
look-alike digit; where it can only hold letters (names, state codes) a digit
is a misread of its look-alike letter: ``5M1TH`` is ``SMITH``. In a field that
holds both (document numbers, optional data) nothing is changed unless a check
digit confirms exactly one change; when several changes would pass, none is
made and the ambiguity is reported. A composite check adds nothing to a field
check for a change inside that field (its weights line up with the field's),
so it is used only to refuse repairs that leave it failing.

Check digits cannot see every misread: a character's value counts modulo 10,
so ``G`` (16) for ``6``, ``A`` (10) for ``0`` or ``K`` (20) for the filler
pass any check. The last is common (fillers read as ``K``), so a trailing run
of ``K`` in a mixed field is taken for fillers where it cannot be a number's
end (:func:`trailing_fillers`); the others are left to the reader's
confidence.

>>> coerce('74O8I2', 'N')
('740812', [(2, 'O', '0'), (4, 'I', '1')])
>>> coerce('5M1TH', 'A')
('SMITH', [(0, '5', 'S'), (2, '1', 'I')])
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

# Letters read where only a digit (or the filler) may stand.
LETTER_TO_DIGIT = {"O": "0", "D": "0", "Q": "0", "I": "1", "Z": "2", "S": "5",
                   "G": "6", "B": "8", "K": "<"}
# Digits read where only a letter (or the filler) may stand.
DIGIT_TO_LETTER = {"0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B"}
# The only sex codes are M, F and the filler (X is read as unspecified too).
SEX_LOOKALIKE = {"K": "<"}
# In a mixed field, each character's look-alikes to try under a check digit.
# Symmetric, so that the true character is always among the candidates of a
# look-alike misread, and a second passing candidate shows up as ambiguity.
MIXED_ALTERNATIVES = {
    "0": "ODQ", "O": "0", "D": "0", "Q": "0",
    "1": "I", "I": "1",
    "2": "Z", "Z": "2",
    "5": "S", "S": "5",
    "6": "G", "G": "6",
    "8": "B", "B": "8",
}
# Characters the filler < is misread as.
FILLER_LOOKALIKES = frozenset("KCES")

_COERCE = {"A": DIGIT_TO_LETTER, "N": LETTER_TO_DIGIT, "C": LETTER_TO_DIGIT, "S": SEX_LOOKALIKE}


def coerce(text: str, kind: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Replace the look-alikes that cannot stand in a field of ``kind``.

    Returns the new text and the changes as ``(index, read, corrected)``.
    Mixed fields (``X``) are returned unchanged.
    """
    table = _COERCE.get(kind)
    if table is None:
        return text, []
    changes = [(i, c, table[c]) for i, c in enumerate(text) if c in table]
    if not changes:
        return text, []
    chars = list(text)
    for i, _, new in changes:
        chars[i] = new
    return "".join(chars), changes


def trailing_fillers(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Fillers read as ``K`` at the end of a mixed field, which no check digit catches.

    The trailing run of ``K`` and ``<`` is taken for fillers when it holds two
    ``K`` or more, or a ``K`` after two fillers (``12345<<K<``); a single ``K``
    ending the data (``12345678K``), or after one filler (a long document
    number's separator, ``0<K``), stays.

    >>> trailing_fillers('W12345KKK')
    ('W12345<<<', [(6, 'K', '<'), (7, 'K', '<'), (8, 'K', '<')])
    >>> trailing_fillers('12345678K')
    ('12345678K', [])
    """
    body = text.rstrip("K<")
    run = text[len(body):]
    if run.count("K") < 2 and "<<K" not in run:
        return text, []
    changes = [(len(body) + i, c, "<") for i, c in enumerate(run) if c == "K"]
    return body + "<" * len(run), changes


def out_of_place(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a letter among digits or a digit among letters.

    A character is out of place when it has at least one neighbour that is
    not a filler, and differs in kind (letter or digit) from every such
    neighbour: the ``O`` of ``L8989O2C3``, the ``B`` of ``ZE1B4226B``.
    A repair is made only at such a character: were any look-alike change that
    passes accepted, a wrong read that is not a look-alike error would be
    "repaired" into a valid-looking one about a quarter of the time; with this
    rule, about one time in ninety, and a look-alike misread is never repaired
    wrongly. Measured by tests/unit/mrz/test_repair.py.
    """
    alpha = text[i].isalpha()
    neighbours = [c for c in text[max(i - 1, 0):i] + text[i + 1:i + 2] if c != "<"]
    return bool(neighbours) and all(c.isalpha() != alpha for c in neighbours)


def single_substitutions(text: str) -> Iterator[tuple[str, tuple[int, str, str]]]:
    """The texts one look-alike change away from ``text``, with the change made."""
    for i, c in enumerate(text):
        for alt in MIXED_ALTERNATIVES.get(c, ""):
            yield text[:i] + alt + text[i + 1:], (i, c, alt)


def guided(text: str, passes: Callable[[str], bool]) -> tuple[list[tuple[str, tuple[int, str, str]]], int]:
    """The single look-alike changes of ``text`` that make ``passes`` true.

    Every look-alike is tried, so that the true change of a look-alike
    misread is always among the candidates and a rival shows as ambiguity.
    Returns the passing candidates and how many were tried.
    """
    found = []
    tried = 0
    for candidate, change in single_substitutions(text):
        tried += 1
        if passes(candidate):
            found.append((candidate, change))
    return found, tried
