"""The parsed document: an immutable value the rest of borderdesk uses.

:meth:`Document.as_json` gives the object that ``borderdesk mrz parse --json``
prints; ``scan`` and ``check`` embed the same object, so its keys are a
contract (add to them, never rename).
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import MrzDate
from .values import fast_new  # noqa: F401  (re-exported for the parser)

CHECK_NAMES = ("document_number", "birth_date", "expiry_date", "optional_data", "composite")


@dataclass(frozen=True, slots=True)
class Correction:
    """One character the parser changed, and why."""

    line: int  # 1-based, as Doc 9303 counts
    position: int  # 1-based
    field: str
    read: str
    corrected: str
    reason: str

    def as_json(self) -> dict:
        return {
            "line": self.line,
            "position": self.position,
            "field": self.field,
            "read": self.read,
            "corrected": self.corrected,
            "reason": self.reason,
        }

    def __str__(self) -> str:
        return (f"line {self.line} position {self.position} ({self.field}): "
                f"{self.read!r} read as {self.corrected!r}, {self.reason}")


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning: something odd that did not stop the parse.

    ``code`` is stable (for translations and scripts), ``message`` is English.
    """

    code: str
    message: str
    field: str | None = None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Checks:
    """The check digits of the format: True/False, or None where the format has none."""

    document_number: bool | None
    birth_date: bool | None
    expiry_date: bool | None
    optional_data: bool | None
    composite: bool | None

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(n for n in CHECK_NAMES if getattr(self, n) is False)

    @property
    def all_pass(self) -> bool:
        return not self.failed

    def as_json(self) -> dict:
        return {n: getattr(self, n) for n in CHECK_NAMES}


@dataclass(frozen=True)
class Document:
    """What the MRZ of one travel document says."""

    format: str  # TD1, TD2, TD3, MRVA, MRVB
    lines: tuple[str, ...]  # the MRZ as parsed, after the corrections
    document_code: str
    issuing_state: str
    document_number: str
    surname: str
    given_names: str
    nationality: str
    birth: MrzDate
    expiry: MrzDate
    sex: str  # M, F or X
    optional_data: str
    optional_data_2: str
    checks: Checks
    corrections: tuple[Correction, ...] = ()
    warnings: tuple[Notice, ...] = ()
    name_truncated: bool = False
    layout: str = ""  # the layout read, where it is not the ICAO one of ``format`` (FRA-ID)

    @property
    def layout_name(self) -> str:
        """The name of the layout the lines follow (a key of ``formats.layout_named``)."""
        return self.layout or self.format

    @property
    def valid(self) -> bool:
        """Every check digit the format has passes."""
        return self.checks.all_pass

    @property
    def birth_date(self) -> str | None:
        return self.birth.iso

    @property
    def expiry_date(self) -> str | None:
        return self.expiry.iso

    @property
    def mrz(self) -> str:
        return "\n".join(self.lines)

    def has_warning(self, code: str) -> bool:
        return any(w.code == code for w in self.warnings)

    def as_json(self) -> dict:
        """The ``mrz parse --json`` object."""
        return {
            "format": self.format,
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "surname": self.surname,
            "given_names": self.given_names,
            "nationality": self.nationality,
            "birth_date": self.birth.iso,
            "expiry_date": self.expiry.iso,
            "birth_date_raw": self.birth.raw,
            "expiry_date_raw": self.expiry.raw,
            "birth_date_partial": self.birth.partial,
            "expiry_date_partial": self.expiry.partial,
            "sex": self.sex,
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
            "checks": self.checks.as_json(),
            "valid": self.valid,
            "corrections": [c.as_json() for c in self.corrections],
            "warnings": [w.message for w in self.warnings],
            "warning_codes": [w.code for w in self.warnings],
            "name_truncated": self.name_truncated,
            "lines": list(self.lines),
            "layout": self.layout_name,
        }
