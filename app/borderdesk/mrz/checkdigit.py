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
# One table per weight so that the hot loop is three dict lookups and a sum.
_W7 = {c: v * 7 for c, v in _VALUE.items()}
_W3 = {c: v * 3 for c, v in _VALUE.items()}
_W1 = _VALUE


def compute(text: str) -> str:
    """The check digit of ``text``, a string of MRZ characters."""
    return str(
        (sum(map(_W7.__getitem__, text[0::3]))
         + sum(map(_W3.__getitem__, text[1::3]))
         + sum(map(_W1.__getitem__, text[2::3]))) % 10
    )


def is_valid(text: str, check: str) -> bool:
    """True when ``check`` is the check digit of ``text``."""
    return compute(text) == check
