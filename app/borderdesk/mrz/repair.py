"""Undoing OCR errors, guided by what a field may hold and by the check digits.

The MRZ is printed in OCR-B, where some letters and digits look alike. Where a
field can only hold digits (dates, check digits) a letter is a misread of its
look-alike digit; where it can only hold letters (names, state codes) a digit
is a misread of its look-alike letter: ``5M1TH`` is ``SMITH``. In a field that
holds both (document numbers, optional data) nothing is changed unless a check
digit confirms exactly one change; when several changes would pass, none is
made and the ambiguity is reported.

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
MIXED_ALTERNATIVES = {
    "0": "OD", "O": "0", "D": "0", "Q": "0",
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


def single_substitutions(text: str) -> Iterator[tuple[str, tuple[int, str, str]]]:
    """Every text one look-alike away from ``text``, with the change made.

    Also the text with a trailing run of ``K`` turned into fillers (a short
    document number padded with ``<`` that the OCR read as ``K``).
    """
    for i, c in enumerate(text):
        for alt in MIXED_ALTERNATIVES.get(c, ""):
            yield text[:i] + alt + text[i + 1:], (i, c, alt)
    stripped = text.rstrip("K")
    if stripped != text and stripped:
        n = len(text) - len(stripped)
        yield stripped + "<" * n, (len(stripped), "K" * n, "<" * n)


def guided(text: str, passes: Callable[[str], bool]) -> tuple[list[tuple[str, tuple[int, str, str]]], int]:
    """The single look-alike changes of ``text`` that make ``passes`` true.

    Returns the passing candidates and how many were tried.
    """
    found = []
    tried = 0
    for candidate, change in single_substitutions(text):
        tried += 1
        if passes(candidate):
            found.append((candidate, change))
    return found, tried
