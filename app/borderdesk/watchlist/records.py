"""The records of a list, as the publisher writes them, validated.

The format is docs/watchlist-format.md: a *document* record names a travel
document (issuing state and number) reported stolen, lost, revoked or
invalidated; a *person* record names a person by one or more names, in any
script, with what else is known (birth date, nationality, sex).

Document numbers and state codes are compared after normalisation, as the MRZ
writes them (ICAO Doc 9303 Part 3, 4.6 and 5): upper case, no fillers, spaces
or hyphens. Germany is ``D`` in the MRZ; ``DEU`` in a list means the same.

>>> normalise_number(' ab-123 456<')
'AB123456'
>>> normalise_state('deu')
'D'
>>> document_record({"kind": "document", "id": "1", "list": "SLTD", "issuing_state": "DZA",
...     "document_number": "123456789", "document_type": "P", "status": "stolen"}).status
'stolen'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .exceptions import InvalidRecord

STATUSES = ("stolen", "lost", "revoked", "invalidated")
SEXES = ("M", "F", "X")
MAX_NUMBER = 24  # nine characters plus the overflow of TD1/TD2 (Doc 9303 Part 5, 4.2.4)
MAX_TEXT = 500

_NUMBER_DROP = str.maketrans("", "", " <-/.\t")
_NUMBER = re.compile(r"[A-Z0-9]{1,%d}" % MAX_NUMBER)
_DOCUMENT_TYPE = re.compile(r"[A-Z][A-Z<]?")
_BIRTH = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_STATE_ALIASES = {"DEU": "D"}
_STATE = re.compile(r"[A-Z]{1,3}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

DOCUMENT_KEYS = frozenset({"kind", "id", "list", "issuing_state", "document_number",
                           "document_type", "status", "reported", "action"})
PERSON_KEYS = frozenset({"kind", "id", "list", "names", "birth_date", "nationality", "sex",
                         "category", "action"})
NAME_KEYS = frozenset({"surname", "given_names", "full_name"})


def normalise_number(number: str) -> str:
    """A document number as the MRZ holds it: upper case, no fillers, spaces or hyphens."""
    return number.upper().translate(_NUMBER_DROP)


def normalise_state(code: str) -> str:
    """A state code as the MRZ holds it (``DEU`` is written ``D``)."""
    code = code.strip().upper().replace("<", "")
    return _STATE_ALIASES.get(code, code)


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: str
    list: str
    issuing_state: str  # normalised
    document_number: str  # normalised
    document_type: str
    status: str
    reported: str  # ISO date or ""
    action: str


@dataclass(frozen=True, slots=True)
class Name:
    """One name of a person: surname and given names, or a full name in one string."""

    surname: str = ""
    given_names: str = ""
    full_name: str = ""

    def as_json(self) -> dict:
        return {k: v for k, v in (("surname", self.surname), ("given_names", self.given_names),
                                  ("full_name", self.full_name)) if v}

    def __str__(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname) if p) or self.full_name


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: str
    list: str
    names: tuple[Name, ...]
    birth_date: str  # YYYY-MM-DD, YYYY-MM, YYYY or ""
    nationality: str  # normalised, or ""
    sex: str  # M, F, X or ""
    category: str
    action: str

    def as_json(self) -> dict:
        return {"kind": "person", "id": self.id, "list": self.list,
                "names": [n.as_json() for n in self.names], "birth_date": self.birth_date or None,
                "nationality": self.nationality or None, "sex": self.sex or None,
                "category": self.category, "action": self.action}


def _text(obj: dict, key: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            raise InvalidRecord(f"{key!r} is missing")
        return ""
    if not isinstance(value, str):
        raise InvalidRecord(f"{key!r} must be a string, not {type(value).__name__}")
    value = value.strip()
    if required and not value:
        raise InvalidRecord(f"{key!r} is empty")
    if len(value) > limit:
        raise InvalidRecord(f"{key!r} is longer than {limit} characters")
    if _CONTROL.search(value):
        raise InvalidRecord(f"{key!r} holds a control character (a line break, a tab ...)")
    return value


def _check_keys(obj: dict, allowed: frozenset, what: str) -> None:
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise InvalidRecord(f"unknown key(s) in a {what}: {', '.join(map(repr, unknown))}")


def _common(obj: dict) -> tuple[str, str]:
    record_id = _text(obj, "id", required=True, limit=128)
    list_name = _text(obj, "list", required=True, limit=64)
    if not any(c.isalnum() for c in list_name):
        raise InvalidRecord(f"list name {list_name!r} holds no letter or digit")
    return record_id, list_name


def _state(obj: dict, key: str, *, required: bool) -> str:
    raw = _text(obj, key, required=required, limit=8)
    if not raw:
        return ""
    code = normalise_state(raw)
    if not _STATE.fullmatch(code):
        raise InvalidRecord(f"{key!r}: {raw!r} is not a state code (three letters, ICAO Doc 9303 "
                            "Part 3: DZA, TUN, D ...)")
    return code  # a code not (or no longer) on ICAO's list is kept: documents carry such codes


def _iso_date(obj: dict, key: str) -> str:
    raw = _text(obj, key, limit=16)
    if not raw:
        return ""
    try:
        if len(raw) != 10:
            raise ValueError(raw)
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise InvalidRecord(f"{key!r}: {raw!r} is not a date YYYY-MM-DD") from None


def document_record(obj: dict) -> DocumentRecord:
    """Validate a document record (a parsed JSON object or CSV row)."""
    _check_keys(obj, DOCUMENT_KEYS, "document record")
    record_id, list_name = _common(obj)
    state = _state(obj, "issuing_state", required=True)
    raw = _text(obj, "document_number", required=True, limit=64)
    number = normalise_number(raw)
    if not _NUMBER.fullmatch(number):
        raise InvalidRecord(f"'document_number': {raw!r} must be 1 to {MAX_NUMBER} letters A-Z "
                            "and digits (fillers, spaces and hyphens are dropped)")
    doc_type = _text(obj, "document_type", limit=2).upper()
    if doc_type and not _DOCUMENT_TYPE.fullmatch(doc_type):
        raise InvalidRecord(f"'document_type': {doc_type!r} is not an MRZ document code "
                            "(P, I, ID, V ...)")
    status = _text(obj, "status", required=True, limit=16).lower()
    if status not in STATUSES:
        raise InvalidRecord(f"'status': {status!r} is not one of {', '.join(STATUSES)}")
    return DocumentRecord(record_id, list_name, state, number, doc_type, status,
                          _iso_date(obj, "reported"), _text(obj, "action"))


def _name(value, n: int) -> tuple[Name, ...]:
    where = f"names[{n}]"
    if not isinstance(value, dict):
        raise InvalidRecord(f"{where} must be an object with surname/given_names or full_name")
    _check_keys(value, NAME_KEYS, where)
    try:
        surname = _text(value, "surname", limit=200)
        given = _text(value, "given_names", limit=200)
        full = _text(value, "full_name", limit=300)
    except InvalidRecord as exc:
        raise InvalidRecord(f"{where}: {exc}") from None
    if not (full or surname):
        raise InvalidRecord(f"{where}: a name needs a surname or a full_name")
    if not any(c.isalpha() for c in full + surname + given):
        raise InvalidRecord(f"{where}: a name holds no letter")
    if full and surname:  # the name in parts and in full: kept as two forms of it
        return Name(surname, given), Name(full_name=full)
    return (Name(surname, given, full),)


def birth_date(raw: str) -> str:
    """Validate a full or partial birth date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    m = _BIRTH.fullmatch(raw)
    if not m:
        raise InvalidRecord(f"'birth_date': {raw!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = m.groups()
    if not 1880 <= int(year) <= 2100:
        raise InvalidRecord(f"'birth_date': year {year} is out of range")
    if month and not 1 <= int(month) <= 12:
        raise InvalidRecord(f"'birth_date': month {month} is not 01 to 12")
    if day:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            raise InvalidRecord(f"'birth_date': {raw!r} is not a day of the calendar") from None
    return raw


def person_record(obj: dict) -> PersonRecord:
    """Validate a person record (a parsed JSON object)."""
    _check_keys(obj, PERSON_KEYS, "person record")
    record_id, list_name = _common(obj)
    names = obj.get("names")
    if not isinstance(names, list) or not names:
        raise InvalidRecord("'names' must be a non-empty list of names")
    if len(names) > 100:
        raise InvalidRecord("'names' holds more than 100 names")
    parsed = tuple(form for i, v in enumerate(names) for form in _name(v, i))
    born = _text(obj, "birth_date", limit=10)
    sex = _text(obj, "sex", limit=1).upper()
    if sex and sex not in SEXES:
        raise InvalidRecord(f"'sex': {sex!r} is not M, F or X")
    return PersonRecord(record_id, list_name, parsed, birth_date(born) if born else "",
                        _state(obj, "nationality", required=False), sex,
                        _text(obj, "category"), _text(obj, "action"))


def record(obj) -> DocumentRecord | PersonRecord:
    """Validate one record of either kind."""
    if not isinstance(obj, dict):
        raise InvalidRecord("a record must be a JSON object")
    kind = obj.get("kind")
    if kind == "document":
        return document_record(obj)
    if kind == "person":
        return person_record(obj)
    raise InvalidRecord(f"'kind' must be \"document\" or \"person\", not {kind!r}")
