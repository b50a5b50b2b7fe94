"""The document and a list record side by side, field by field, with what differs.

For the POSSIBLE MATCH and HIT screens: the officer decides whether the person
in front of them is the person on the list, so every field the two share is
shown with a mark saying whether they agree. Names are compared after the
ICAO 9303 Part 3 transliteration has been undone as far as the comparison
needs (upper case, no diacritics, fillers as spaces); a record name in
another script than the MRZ's Latin cannot be compared character by
character and is marked so, never as "different".

>>> from borderdesk.mrz import parse
>>> doc = parse('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10')
>>> rows = compare(doc, "person", {"names": [{"surname": "Eriksson", "given_names": "Anna"}],
...                                "birth_date": "1974-08", "nationality": "UTO", "sex": "F"})
>>> [(r.field, r.state) for r in rows]
[('surname', 'same'), ('given_names', 'partial'), ('birth_date', 'partial'), ('nationality', 'same'), ('sex', 'same')]
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..mrz import Document

SAME, DIFFERS, PARTIAL, NOT_COMPARABLE, MISSING = (
    "same", "differs", "partial", "not-comparable", "missing")


@dataclass(frozen=True, slots=True)
class Row:
    """One field: its value on the document and on the record, and whether they agree."""

    field: str  # surname, given_names, full_name, birth_date, nationality, sex,
    #             issuing_state, document_number, document_type
    document: str
    record: str
    state: str  # same, differs, partial (agree as far as both are known), not-comparable, missing


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.upper().replace("<", " ").replace("-", " ").split())


def _latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def _names(document_value: str, record_value: str) -> str:
    if not record_value:
        return MISSING
    if not _latin(record_value):
        return NOT_COMPARABLE
    doc, rec = _fold(document_value), _fold(record_value)
    if doc == rec:
        return SAME
    doc_set, rec_set = set(doc.split()), set(rec.split())
    if doc_set and rec_set and (doc_set <= rec_set or rec_set <= doc_set):
        return PARTIAL  # the same names in another order, or a middle name left out
    return DIFFERS


def _dates(document_iso: str, record_value: str) -> str:
    if not record_value:
        return MISSING
    if not document_iso:
        return NOT_COMPARABLE
    if document_iso == record_value:
        return SAME
    if document_iso.startswith(record_value):  # the record knows only year or year-month
        return SAME if len(record_value) == len(document_iso) else PARTIAL
    return DIFFERS


def _plain(document_value: str, record_value: str) -> str:
    if not record_value:
        return MISSING
    return SAME if _fold(document_value) == _fold(record_value) else DIFFERS


def best_name(doc: Document, names: list[dict]) -> dict:
    """The record's name (of its aliases) closest to the document's, for display."""
    doc_tokens = set(_fold(f"{doc.surname} {doc.given_names}").split())

    def overlap(name: dict) -> int:
        text = name.get("full_name") or f"{name.get('surname', '')} {name.get('given_names', '')}"
        return len(doc_tokens & set(_fold(text).split()))
    return max(names, key=overlap) if names else {}


def compare(doc: Document, kind: str, record: dict) -> list[Row]:
    """The rows to show for a ``person`` or ``document`` match against ``record``."""
    rows = []
    if kind == "person":
        name = best_name(doc, list(record.get("names") or []))
        if "full_name" in name:
            full = f"{doc.surname} {doc.given_names}".strip()
            rows.append(Row("full_name", full, name["full_name"], _names(full, name["full_name"])))
        else:
            surname, given = name.get("surname", ""), name.get("given_names", "")
            rows.append(Row("surname", doc.surname, surname, _names(doc.surname, surname)))
            rows.append(Row("given_names", doc.given_names, given,
                            _names(doc.given_names, given)))
        birth = str(record.get("birth_date") or "")
        rows.append(Row("birth_date", doc.birth.iso or doc.birth.partial or "", birth,
                        _dates(doc.birth.iso or "", birth)))
        for key, value in (("nationality", doc.nationality), ("sex", doc.sex)):
            rows.append(Row(key, value, str(record.get(key) or ""),
                            _plain(value, str(record.get(key) or ""))))
    else:
        for key, value in (("issuing_state", doc.issuing_state),
                           ("document_number", doc.document_number),
                           ("document_type", doc.document_code)):
            other = str(record.get(key) or "")
            state = _plain(value, other)
            if key == "document_type" and state == DIFFERS and value[:1] == other[:1]:
                state = PARTIAL  # P and PO, I and ID: the same kind of document
            rows.append(Row(key, value, other, state))
    return rows
