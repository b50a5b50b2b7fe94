"""Manual entry: an officer types the fields of a document whose MRZ will not read.

The officer types each field as the document prints it, and the check digits
the MRZ prints where they can be read. :func:`field_checks` says, field by
field, whether what is typed is well formed and agrees with its check digit
(the 7-3-1 rule of Doc 9303 Part 3, 4.9), so a typing slip shows at once;
:func:`compose_mrz` turns the fields into MRZ text with the typed check digits
kept, so the check that follows judges the document exactly as a read one,
and a digit that disagrees is reported as a failed check, not silently fixed.

>>> entry = ManualEntry("TD3", {"document_code": "P", "issuing_state": "UTO",
...     "document_number": "L898902C3", "document_number_check": "6",
...     "surname": "Eriksson", "given_names": "Anna Maria", "nationality": "UTO",
...     "birth_date": "740812", "birth_date_check": "2", "sex": "F",
...     "expiry_date": "120415", "expiry_date_check": "9", "optional_data": "ZE184226B"})
>>> field_checks(entry)["document_number"].state
'ok'
>>> print(compose_mrz(entry))
P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
L898902C36UTO7408122F1204159ZE184226B<<<<<10
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..mrz import checkdigit, countries
from ..mrz.compose import compose
from ..mrz.dates import parse_date
from ..mrz.formats import LAYOUTS

FORMATS = ("TD3", "TD1", "TD2", "MRVA", "MRVB")
DEFAULT_CODE = {"TD3": "P", "TD1": "I", "TD2": "I", "MRVA": "V", "MRVB": "V"}
FIELDS = ("document_code", "issuing_state", "document_number", "document_number_check",
          "surname", "given_names", "nationality", "birth_date", "birth_date_check", "sex",
          "expiry_date", "expiry_date_check", "optional_data", "optional_data_2")
CHECKED = {"document_number": "document_number_check", "birth_date": "birth_date_check",
           "expiry_date": "expiry_date_check"}
REQUIRED = ("document_code", "issuing_state", "document_number", "surname", "nationality",
            "birth_date", "sex", "expiry_date")


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """``state``: ``ok``, ``bad`` or ``empty``; ``code`` says why (stable, for translation)."""

    state: str
    code: str = ""
    computed: str = ""  # the check digit the field's value gives, where it has one


@dataclass
class ManualEntry:
    format: str = "TD3"
    values: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        return self.values.get(name, "").strip().upper()


def _mrz_text(value: str) -> str:
    return value.replace(" ", "<").replace("-", "<")


def _date_problem(raw: str) -> str:
    if len(raw) != 6 or any(c not in "0123456789<" for c in raw):
        return "date-format"
    mm, dd = raw[2:4], raw[4:6]
    if mm.isdigit() and not 1 <= int(mm) <= 12:
        return "date-month"
    if dd.isdigit() and not 1 <= int(dd) <= 31:
        return "date-day"
    return ""


def _check_one(entry: ManualEntry, name: str) -> FieldCheck:
    value = entry.get(name)
    if not value:
        return FieldCheck("empty", "required" if name in REQUIRED else "")
    if name in ("issuing_state", "nationality"):
        known, _ = countries.lookup(_mrz_text(value))
        return FieldCheck("ok") if known else FieldCheck("bad", "unknown-state")
    if name in ("surname", "given_names"):
        ok = all(c.isalpha() or c in " -'<" for c in value)
        return FieldCheck("ok") if ok else FieldCheck("bad", "name-characters")
    if name == "sex":
        return FieldCheck("ok") if value in ("M", "F", "X", "<") else FieldCheck("bad", "sex")
    if name == "document_code":
        text = _mrz_text(value)
        ok = 1 <= len(text) <= 2 and text[0].isalpha() and all(
            c in checkdigit.MRZ_ALPHABET for c in text)
        return FieldCheck("ok") if ok else FieldCheck("bad", "document-code")
    text = _mrz_text(value)
    if any(c not in checkdigit.MRZ_ALPHABET for c in text):
        return FieldCheck("bad", "characters")
    if name in ("birth_date", "expiry_date"):
        problem = _date_problem(text)
        if problem:
            return FieldCheck("bad", problem)
    if name == "document_number" and len(text) > 9 and not LAYOUTS[entry.format].overflow:
        return FieldCheck("bad", "number-length")
    if name in CHECKED:
        computed = checkdigit.compute(text)
        typed = entry.get(CHECKED[name])
        if typed and typed != computed:
            return FieldCheck("bad", "check-digit", computed)
        return FieldCheck("ok", "" if typed else "check-digit-not-typed", computed)
    return FieldCheck("ok")


def field_checks(entry: ManualEntry) -> dict[str, FieldCheck]:
    """Each field's state as typed so far (check-digit fields are judged with their field)."""
    names = [n for n in FIELDS if n not in CHECKED.values()]
    if entry.format != "TD1":
        names.remove("optional_data_2")
    return {name: _check_one(entry, name) for name in names}


def typed_date(entry: ManualEntry, name: str, today: date) -> date | None:
    """A typed ``birth_date`` or ``expiry_date`` as a date (the century as the MRZ infers it)."""
    if name not in ("birth_date", "expiry_date"):
        return None
    raw = _mrz_text(entry.get(name))
    if len(raw) != 6 or _date_problem(raw):
        return None
    try:
        return parse_date(raw, name.split("_")[0], today).as_date()
    except ValueError:  # 31 February and the like
        return None


def ready(entry: ManualEntry) -> bool:
    """Every required field is typed and well formed (a check digit may still disagree)."""
    checks = field_checks(entry)
    return all(checks[n].state != "empty" for n in REQUIRED) and not any(
        c.state == "bad" and c.code != "check-digit" for c in checks.values())


def compose_mrz(entry: ManualEntry) -> str:
    """The MRZ text of the typed fields, keeping every check digit the officer typed."""
    fmt = entry.format
    layout = LAYOUTS[fmt]
    number = _mrz_text(entry.get("document_number"))
    lines = list(compose(
        fmt, document_code=_mrz_text(entry.get("document_code")),
        issuing_state=_mrz_text(entry.get("issuing_state")),
        surname=entry.get("surname"), given_names=entry.get("given_names"),
        document_number=number, nationality=_mrz_text(entry.get("nationality")),
        birth_date=_mrz_text(entry.get("birth_date")), sex=entry.get("sex"),
        expiry_date=_mrz_text(entry.get("expiry_date")),
        optional_data=_mrz_text(entry.get("optional_data")),
        optional_data_2=_mrz_text(entry.get("optional_data_2")) if fmt == "TD1" else ""))
    for name, check_name in CHECKED.items():
        typed = entry.get(check_name)
        if not typed.isdigit() or (name == "document_number" and len(number) > 9):
            continue
        span = layout.span(check_name)
        line = lines[span.line]
        lines[span.line] = line[:span.start] + typed[:1] + line[span.end:]
    rule = layout.checks.get("composite")
    if rule is not None:  # recomputed over the digits as typed
        covered = "".join(s.take(lines) for s in rule.covers)
        span = rule.digit
        line = lines[span.line]
        lines[span.line] = line[:span.start] + checkdigit.compute(covered) + line[span.end:]
    return "\n".join(lines)
