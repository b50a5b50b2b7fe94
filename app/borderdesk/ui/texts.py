"""The words for the codes the desk core returns, in the officer's language.

The core speaks in stable codes (levels, problem codes, field names, list
states, dispositions); this module is the one table from code to words. The
strings are marked with ``QT_TRANSLATE_NOOP`` so that lupdate finds them and
:func:`say` translates them at the moment they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..desk.verdict import Reason, status_reason
from .i18n import FSI, PDI, Words

LEVEL_WORD = {
    "CLEAR": QT_TRANSLATE_NOOP("Verdict", "CLEAR"),
    "POSSIBLE": QT_TRANSLATE_NOOP("Verdict", "POSSIBLE MATCH"),
    "HIT": QT_TRANSLATE_NOOP("Verdict", "HIT"),
}
LEVEL_HINT = {
    "CLEAR": QT_TRANSLATE_NOOP("Verdict", "Not on the lists. Ready for the next document."),
    "POSSIBLE": QT_TRANSLATE_NOOP(
        "Verdict", "A list record resembles this document. Compare, then decide."),
    "HIT": QT_TRANSLATE_NOOP(
        "Verdict", "On a list. Follow the action below. Record a disposition to go on."),
}
FIELD = {
    "document_code": QT_TRANSLATE_NOOP("Field", "Document type"),
    "document_type": QT_TRANSLATE_NOOP("Field", "Document type"),
    "issuing_state": QT_TRANSLATE_NOOP("Field", "Issuing state"),
    "document_number": QT_TRANSLATE_NOOP("Field", "Document number"),
    "surname": QT_TRANSLATE_NOOP("Field", "Surname"),
    "given_names": QT_TRANSLATE_NOOP("Field", "Given names"),
    "full_name": QT_TRANSLATE_NOOP("Field", "Name"),
    "name": QT_TRANSLATE_NOOP("Field", "Name"),
    "nationality": QT_TRANSLATE_NOOP("Field", "Nationality"),
    "birth_date": QT_TRANSLATE_NOOP("Field", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("Field", "Sex"),
    "expiry_date": QT_TRANSLATE_NOOP("Field", "Date of expiry"),
    "optional_data": QT_TRANSLATE_NOOP("Field", "Optional data"),
    "optional_data_2": QT_TRANSLATE_NOOP("Field", "Optional data (line 2)"),
    "composite": QT_TRANSLATE_NOOP("Field", "Composite"),
    "document_number_check": QT_TRANSLATE_NOOP("Field", "Check digit"),
    "birth_date_check": QT_TRANSLATE_NOOP("Field", "Check digit"),
    "expiry_date_check": QT_TRANSLATE_NOOP("Field", "Check digit"),
    "format": QT_TRANSLATE_NOOP("Field", "Format"),
}
PROBLEM = {
    "expired": QT_TRANSLATE_NOOP("Problem", "EXPIRED on {date}"),
    "expiry-unknown": QT_TRANSLATE_NOOP("Problem", "The date of expiry cannot be read"),
    "expiry-not-in-mrz": QT_TRANSLATE_NOOP(
        "Problem", "This MRZ has no date of expiry: read it on the document"),
    "check-digit": QT_TRANSLATE_NOOP("Problem", "Check digit fails: {field}"),
    "dates": QT_TRANSLATE_NOOP("Problem", "The date of birth is not before the date of expiry"),
    "unknown-state": QT_TRANSLATE_NOOP("Problem", "Unknown state code: {field}"),
    "bad-date": QT_TRANSLATE_NOOP("Problem", "Not a valid date: {field}"),
    "sex": QT_TRANSLATE_NOOP("Problem", "The sex code is not M, F or X"),
    "name-digits": QT_TRANSLATE_NOOP("Problem", "The name holds digits"),
    "ambiguous-repair": QT_TRANSLATE_NOOP(
        "Problem", "A misread character could not be repaired with certainty: {field}"),
    "unconfirmed-repair": QT_TRANSLATE_NOOP(
        "Problem", "A repaired character is not confirmed by a check digit: {field}"),
    "overflow": QT_TRANSLATE_NOOP("Problem", "The long document number is not well formed"),
    "corrected": QT_TRANSLATE_NOOP("Problem", "Characters corrected from the read: {count}"),
    "other": QT_TRANSLATE_NOOP("Problem", "Document problem: {code}"),
}
LIST_STATE = {
    "OK": QT_TRANSLATE_NOOP("ListState", "OK"),
    "WARNING": QT_TRANSLATE_NOOP("ListState", "WARNING"),
    "STALE": QT_TRANSLATE_NOOP("ListState", "STALE"),
    "NONE": QT_TRANSLATE_NOOP("ListState", "NO LIST"),
}
LIST_WARNING = {
    "STALE": QT_TRANSLATE_NOOP(
        "ListState", "The lists are STALE: no hit is not reliable. Call the supervisor."),
    "NONE": QT_TRANSLATE_NOOP(
        "ListState", "No watchlist is loaded: no hit is not reliable. Call the supervisor."),
    "WARNING": QT_TRANSLATE_NOOP("ListState", "The lists are getting old: sync them soon."),
}
DISPOSITION = {
    "confirmed-referred": QT_TRANSLATE_NOOP("Disposition", "Same person: to secondary"),
    "pending-confirmation": QT_TRANSLATE_NOOP("Disposition", "Held: confirmation asked"),
    "not-same-person": QT_TRANSLATE_NOOP("Disposition", "Not the same person"),
    "other": QT_TRANSLATE_NOOP("Disposition", "Other (write a note)"),
}
COMPARE = {
    "same": QT_TRANSLATE_NOOP("Compare", "same"),
    "partial": QT_TRANSLATE_NOOP("Compare", "partly"),
    "differs": QT_TRANSLATE_NOOP("Compare", "DIFFERS"),
    "not-comparable": QT_TRANSLATE_NOOP("Compare", "other script"),
    "missing": QT_TRANSLATE_NOOP("Compare", "not on record"),
}
MANUAL = {
    "required": QT_TRANSLATE_NOOP("Manual", "required"),
    "unknown-state": QT_TRANSLATE_NOOP("Manual", "unknown state code"),
    "name-characters": QT_TRANSLATE_NOOP("Manual", "letters only"),
    "sex": QT_TRANSLATE_NOOP("Manual", "M, F or X"),
    "document-code": QT_TRANSLATE_NOOP("Manual", "one or two letters"),
    "characters": QT_TRANSLATE_NOOP("Manual", "letters, digits and < only"),
    "date-format": QT_TRANSLATE_NOOP("Manual", "six digits: YYMMDD"),
    "date-month": QT_TRANSLATE_NOOP("Manual", "no such month"),
    "date-day": QT_TRANSLATE_NOOP("Manual", "no such day"),
    "number-length": QT_TRANSLATE_NOOP("Manual", "at most 9 characters"),
    "check-digit": QT_TRANSLATE_NOOP("Manual", "wrong check digit: {digit} expected"),
    "check-digit-not-typed": QT_TRANSLATE_NOOP("Manual", "check digit {digit}"),
    "ok": QT_TRANSLATE_NOOP("Manual", "OK"),
}
SOURCE = {
    "camera": QT_TRANSLATE_NOOP("Source", "camera"),
    "scanner": QT_TRANSLATE_NOOP("Source", "scanner"),
    "manual": QT_TRANSLATE_NOOP("Source", "typed by hand"),
}
DEVICE_STATE = {
    "ok": QT_TRANSLATE_NOOP("Device", "ready"),
    "off": QT_TRANSLATE_NOOP("Device", "none"),
    "error": QT_TRANSLATE_NOOP("Device", "FAULT"),
    "waiting": QT_TRANSLATE_NOOP("Device", "connecting"),
    "reconnecting": QT_TRANSLATE_NOOP("Device", "RECONNECTING"),
    "replay": QT_TRANSLATE_NOOP("Device", "replay"),  # a recording played instead of a camera
    "no-ocr": QT_TRANSLATE_NOOP("Device", "NO OCR"),
    "wedge": QT_TRANSLATE_NOOP("Device", "keyboard"),  # a keyboard-wedge scanner may type
}
DEVICE_FAULTS = frozenset({"error", "reconnecting", "no-ocr"})
_CONTEXT = {id(LEVEL_WORD): "Verdict", id(LEVEL_HINT): "Verdict", id(FIELD): "Field",
            id(PROBLEM): "Problem", id(LIST_STATE): "ListState", id(LIST_WARNING): "ListState",
            id(DISPOSITION): "Disposition", id(COMPARE): "Compare", id(MANUAL): "Manual",
            id(SOURCE): "Source", id(DEVICE_STATE): "Device"}


def say(table: dict[str, str], code: str, **values) -> str:
    """The translated words for ``code`` in ``table``, placeholders filled."""
    context = _CONTEXT[id(table)]
    text = table.get(code)
    if text is None:
        return code
    translated = Words(QCoreApplication.translate(context, text))
    return translated.format(**values) if values else str(translated)


def field_name(name: str) -> str:
    return say(FIELD, name)


def _isolated(value: str) -> str:
    return f"{FSI}{value}{PDI}"


def reason_words(reason) -> str:
    """A match's reason in the officer's language: a :class:`Reason` through its code
    (its English words are the source strings, context ``Reason``); plain words (a
    log entry written without codes) as they are."""
    if isinstance(reason, Reason):
        return reason.words(lambda text: QCoreApplication.translate(Reason.CONTEXT, text),
                            _isolated)
    return str(reason)


def reasons_text(reasons) -> str:
    """A match's reasons, each in the officer's language, in one line."""
    return QCoreApplication.translate(Reason.CONTEXT, Reason.JOIN).join(
        reason_words(r) for r in reasons)


def document_status(status: str) -> str:
    """A listed document's status (stolen, lost, revoked, invalidated) in the officer's
    language: the same words as in the reasons; another status as the list gives it."""
    return reason_words(status_reason(status))
