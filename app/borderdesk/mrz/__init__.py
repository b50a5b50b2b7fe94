"""ICAO Doc 9303 machine readable zones: parse, check, repair, compose.

Standard library only. The entry points:

* :func:`parse` — text to an immutable :class:`Document`;
* :func:`compose` (in :mod:`borderdesk.mrz.compose`) — fields to MRZ lines;
* :mod:`borderdesk.mrz.checkdigit` — the 7-3-1 check digit.

>>> doc = parse('I<UTOD23145890<7349<<<<<<<<<<<\\n3407127M9507122UTO<<<<<<<<<<<2\\nSTEVENSON<<PETER<JOHN<<<<<<<<<')
>>> doc.format, doc.document_number, doc.birth_date, doc.valid
('TD1', 'D23145890734', '1934-07-12', True)
"""

from .dates import MrzDate
from .document import Checks, Correction, Document, Notice
from .exceptions import InvalidCharacter, InvalidFormat, InvalidLength, MRZError
from .parse import normalise, parse

__all__ = [
    "Checks", "Correction", "Document", "InvalidCharacter", "InvalidFormat", "InvalidLength",
    "MRZError", "MrzDate", "Notice", "normalise", "parse",
]
