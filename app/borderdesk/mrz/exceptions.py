"""The errors of the MRZ core.

A text that cannot be read as an MRZ at all raises one of these. A text that
*is* an MRZ but fails a check digit does not raise: it parses to a
:class:`~borderdesk.mrz.document.Document` whose ``checks`` say what failed,
because a border officer needs the fields of a damaged document too.
"""


class MRZError(ValueError):
    """Top of the family: the text is not a machine readable zone."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidFormat(MRZError):
    """The lines do not have the shape of any ICAO 9303 format."""


class InvalidLength(InvalidFormat):
    """A line is too long or too short for the format."""


class InvalidCharacter(InvalidFormat):
    """A character outside the MRZ alphabet (A-Z, 0-9 and the filler <)."""

    def __init__(self, message: str, line: int, position: int) -> None:
        super().__init__(message)
        self.line = line
        self.position = position
