"""What is wrong with a document itself, before any list is consulted.

One place for these rules, so the CLI, the desk screen and the hit log agree.
"""

from __future__ import annotations

from datetime import date

from ..mrz import Document
from .verdict import DocumentProblem

_CHECK_LABELS = {
    "document_number": "document number",
    "birth_date": "date of birth",
    "expiry_date": "date of expiry",
    "optional_data": "optional data",
    "composite": "composite",
}


def document_problems(doc: Document, today: date) -> tuple[DocumentProblem, ...]:
    """The problems an officer must see: expiry, failed checks, unknown states, repairs."""
    problems = []
    expiry = doc.expiry.as_date()
    if expiry is not None and expiry < today:
        problems.append(DocumentProblem("expired", f"expired on {expiry.isoformat()}",
                                        "expiry_date"))
    elif expiry is None and not doc.expiry.raw:
        problems.append(DocumentProblem("expiry-not-in-mrz", "the MRZ of this document has no "
                                        "date of expiry: read it on the document",
                                        "expiry_date"))
    elif expiry is None:
        problems.append(DocumentProblem("expiry-unknown", "the date of expiry is not readable",
                                        "expiry_date"))
    for name in doc.checks.failed:
        problems.append(DocumentProblem(
            "check-digit", f"the {_CHECK_LABELS[name]} check digit fails", name))
    birth = doc.birth.as_date()
    if birth is not None and expiry is not None and birth >= expiry:
        problems.append(DocumentProblem("dates", "the date of birth is not before the expiry"))
    for w in doc.warnings:
        if w.code in ("unknown-state", "bad-date", "sex", "name-digits", "ambiguous-repair",
                      "unconfirmed-repair", "overflow"):
            problems.append(DocumentProblem(w.code, w.message, w.field))
    if doc.corrections:
        problems.append(DocumentProblem(
            "corrected", f"{len(doc.corrections)} character(s) corrected from the read"))
    return tuple(problems)
