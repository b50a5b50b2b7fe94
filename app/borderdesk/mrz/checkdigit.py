"""ICAO 9303 check digits.

Doc 9303 Part 3, section 4.9: each character takes a value (digits their own,
``A``-``Z`` 10-35, the filler ``<`` 0); the values are multiplied by the
repeating weights 7, 3, 1; the check digit is the sum modulo 10.

>>> compute('L898902C3')
'6'
>>> compute('740812')
'2'
>>> is_valid('520727', '3')
True
"""

from string import ascii_uppercase, digits

MRZ_ALPHABET = frozenset(digits + ascii_uppercase + "<")

_VALUE = {c: i for i, c in enumerate(digits)}
_VALUE.update({c: 10 + i for i, c in enumerate(ascii_uppercase)})
_VALUE["<"] = 0
# Bytes of the text mapped to their values, so that the sums run in C.
_TABLE = bytes(_VALUE.get(chr(b), 0) for b in range(256))


def compute(text: str) -> str:
    """The check digit of ``text``, a string of MRZ characters."""
    v = text.encode("ascii").translate(_TABLE)
    return "0123456789"[(7 * sum(v[0::3]) + 3 * sum(v[1::3]) + sum(v[2::3])) % 10]


def is_valid(text: str, check: str) -> bool:
    """True when ``check`` is the check digit of ``text``."""
    return compute(text) == check
