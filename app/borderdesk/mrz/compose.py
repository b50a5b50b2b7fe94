"""Writing an MRZ from its fields: the inverse of :func:`~borderdesk.mrz.parse`.

Used to make test documents, demo data and images of documents. Check digits
are computed; a document number longer than nine characters overflows into the
optional data (TD1 and TD2, Doc 9303 Parts 5 and 6, 4.2.4).

>>> '\\n'.join(compose('TD3', document_code='P', issuing_state='UTO',
...     surname='Eriksson', given_names='Anna Maria', document_number='L898902C3',
...     nationality='UTO', birth_date='740812', sex='F', expiry_date='120415',
...     optional_data='ZE184226B'))
'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10'
"""

from __future__ import annotations

from datetime import date

from .checkdigit import MRZ_ALPHABET, compute
from .formats import LAYOUTS


def name_field(surname: str, given_names: str, length: int) -> str:
    """The name field: ``SURNAME<<GIVEN<NAMES`` padded or cut to ``length``."""
    def part(text: str) -> str:
        words = "".join(c if c.isalpha() and c.isascii() else " " for c in text.upper()).split()
        return "<".join(words)
    field = part(surname)
    given = part(given_names)
    if given:
        field += "<<" + given
    return field[:length].ljust(length, "<")


def _fit(text: str, length: int) -> str:
    text = text.upper().replace(" ", "<")
    if any(c not in MRZ_ALPHABET for c in text):
        raise ValueError(f"{text!r} holds characters outside the MRZ alphabet")
    if len(text) > length:
        raise ValueError(f"{text!r} is longer than its field of {length}")
    return text.ljust(length, "<")


def _date(value: str | date | None) -> str:
    if value is None:
        return "<<<<<<"
    if isinstance(value, date):
        return value.strftime("%y%m%d")
    return _fit(value, 6)


def compose(fmt: str, *, document_code: str, issuing_state: str, surname: str,
            given_names: str, document_number: str, nationality: str,
            birth_date: str | date | None, sex: str, expiry_date: str | date | None,
            optional_data: str = "", optional_data_2: str = "") -> tuple[str, ...]:
    """The MRZ lines of a document of format ``fmt`` (TD1, TD2, TD3, MRVA, MRVB)."""
    layout = LAYOUTS[fmt]
    size = layout.line_length
    code = _fit(document_code, 2)
    state = _fit(issuing_state, 3)
    nat = _fit(nationality, 3)
    sex = {"M": "M", "F": "F"}.get(sex.upper(), "<")
    birth, expiry = _date(birth_date), _date(expiry_date)
    number = document_number.upper()
    number_check = compute(_fit(number, 9)) if len(number) <= 9 else None
    optional_len = layout.span("optional_data").end - layout.span("optional_data").start
    if number_check is None:
        if not layout.overflow:
            raise ValueError(f"a {fmt} document number has at most 9 characters")
        optional = number[9:] + compute(number) + "<" + optional_data.upper()
        number, number_check = number[:9], "<"
    else:
        optional = optional_data.upper()
    number = _fit(number, 9)
    optional = _fit(optional, optional_len)
    if fmt == "TD1":
        line1 = code + state + number + number_check + optional
        line2 = (birth + compute(birth) + sex + expiry + compute(expiry) + nat
                 + _fit(optional_data_2, 11))
        composite = compute(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
        return line1, line2 + composite, name_field(surname, given_names, 30)
    line1 = code + state + name_field(surname, given_names, size - 5)
    line2 = number + number_check + nat + birth + compute(birth) + sex + expiry + compute(expiry)
    line2 += optional
    if fmt == "TD3":
        line2 += compute(optional) if optional.strip("<") else "<"
    if fmt in ("TD3", "TD2"):
        line2 += compute(line2[0:10] + line2[13:20] + line2[21:])
    return line1, line2
