"""Why a record matches: every reason screening gives, in one table.

A :class:`Reason` is a code, with values, that reads as its English words: it
*is* a ``str`` (the ``reasons`` of ``check --json``, the hit log and the CLI
are these English words, a contract), and it keeps its code and values so
that a screen in another language says it in its own words. :data:`TEXT` is
the one place where each reason is written: the English templates are the
source strings of the desk's translations (context ``Reason``); the ui
translates a reason with :meth:`Reason.words`, putting its own words through
Qt's ``translate``.

A value is data (a document number, a state code, a name as listed: shown as
it is) or another :class:`Reason` (words: translated too), or a tuple of them
(a list of notes, joined by :data:`SEPARATOR`).

>>> r = Reason("nationality-differs", nationality="DZA")
>>> r, r.code, r.as_json()
('nationality differs (DZA on the list)', 'nationality-differs', {'code': 'nationality-differs', 'nationality': 'DZA'})
>>> Reason.from_json(r.as_json()) == r
True
>>> str(Reason("listed", status=Reason("status-stolen")))
'listed as stolen'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Union


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's marker, by name)
    """Returns ``text``: named as Qt's marker so that ``pyside6-lupdate`` (and the
    translation test) find the reasons here without this layer importing Qt."""
    return text


CONTEXT = "Reason"
SEPARATOR = QT_TRANSLATE_NOOP("Reason", ", ")  # between the notes of a name
JOIN = QT_TRANSLATE_NOOP("Reason", "; ")  # between the reasons of a match, on a screen

TEXT = {
    # The person's name (names.NameComparison.describe).
    "no-name": QT_TRANSLATE_NOOP("Reason", "no name to compare"),
    "names-differ": QT_TRANSLATE_NOOP("Reason", "names differ"),
    "name-full": QT_TRANSLATE_NOOP("Reason", "surname and given names match"),
    "name-surname": QT_TRANSLATE_NOOP("Reason", "surname matches"),
    "name-surname-not-given": QT_TRANSLATE_NOOP("Reason", "surname matches; given names differ"),
    "name-given-not-surname": QT_TRANSLATE_NOOP(
        "Reason", "given names match; surname differs in part"),
    "name-some": QT_TRANSLATE_NOOP("Reason", "name matches"),
    "name-notes": QT_TRANSLATE_NOOP("Reason", "{name} ({notes})"),
    "note-order": QT_TRANSLATE_NOOP("Reason", "in another order"),
    "note-spelling": QT_TRANSLATE_NOOP("Reason", "with spelling variants"),
    "note-weak-word": QT_TRANSLATE_NOOP("Reason", "a name spelt quite differently"),
    "note-missing": QT_TRANSLATE_NOOP("Reason", "a name missing"),
    "note-truncated": QT_TRANSLATE_NOOP("Reason", "truncated in the MRZ"),
    "note-key-missing": QT_TRANSLATE_NOOP(
        "Reason", "the list's surname or first given name not on the document"),
    "alias": QT_TRANSLATE_NOOP("Reason", "{name}; alias {alias}"),
    # The person's birth date, nationality, sex (persons.score_person).
    "birth-unknown": QT_TRANSLATE_NOOP("Reason", "no birth date to compare"),
    "birth-differs": QT_TRANSLATE_NOOP("Reason", "birth date differs"),
    "birth-year-only": QT_TRANSLATE_NOOP("Reason", "birth year matches"),
    "birth-exact": QT_TRANSLATE_NOOP("Reason", "birth date matches"),
    "birth-month": QT_TRANSLATE_NOOP("Reason", "birth date same year and month"),
    "birth-swapped": QT_TRANSLATE_NOOP("Reason", "birth date with day and month swapped"),
    "birth-year": QT_TRANSLATE_NOOP("Reason", "birth date same year"),
    "unbacked-key-missing": QT_TRANSLATE_NOOP(
        "Reason", "no birth date backs a name that lacks a surname or first given name"),
    "unbacked-edge": QT_TRANSLATE_NOOP(
        "Reason", "no birth date backs a surname or first given name spelt quite differently"),
    "nationality-same": QT_TRANSLATE_NOOP("Reason", "nationality matches"),
    "nationality-differs": QT_TRANSLATE_NOOP("Reason", "nationality differs ({nationality} on "
                                                       "the list)"),
    "sex-differs": QT_TRANSLATE_NOOP("Reason", "sex differs"),
    "name-alone": QT_TRANSLATE_NOOP("Reason", "no birth date to confirm it: a possible match at "
                                              "most"),
    # Documents (screen.screen_document).
    "listed": QT_TRANSLATE_NOOP("Reason", "listed as {status}"),
    "listed-reported": QT_TRANSLATE_NOOP("Reason", "listed as {status}, reported {reported}"),
    "status-stolen": QT_TRANSLATE_NOOP("Reason", "stolen"),
    "status-lost": QT_TRANSLATE_NOOP("Reason", "lost"),
    "status-revoked": QT_TRANSLATE_NOOP("Reason", "revoked"),
    "status-invalidated": QT_TRANSLATE_NOOP("Reason", "invalidated"),
    "document": QT_TRANSLATE_NOOP("Reason", "document number {number} of {state} is {listed}"),
    "document-other-state": QT_TRANSLATE_NOOP(
        "Reason", "the same document number {number} is {listed} under issuing state "
                  "{listed_state}, not {state}"),
    "document-other-state-unread": QT_TRANSLATE_NOOP(
        "Reason", "the same document number {number} is {listed} under issuing state "
                  "{listed_state}, not the state read"),
    "near-number": QT_TRANSLATE_NOOP(
        "Reason", "near number {number} of the same state is {listed}"),
    "near-number-other-state": QT_TRANSLATE_NOOP(
        "Reason", "near number {number} under issuing state {listed_state} is {listed}"),
    "number-as-read": QT_TRANSLATE_NOOP(
        "Reason", "the number as read {number} of the same state is {listed}"),
    "number-as-read-other-state": QT_TRANSLATE_NOOP(
        "Reason", "the number as read {number} under issuing state {listed_state} is {listed}"),
    "look-alike-check-fails": QT_TRANSLATE_NOOP(
        "Reason", "one OCR look-alike from the number read ('{read}' at position {position} "
                  "taken as '{alt}'); the document number check digit fails"),
    "look-alike-check-blind": QT_TRANSLATE_NOOP(
        "Reason", "one OCR look-alike from the number read ('{read}' at position {position} "
                  "taken as '{alt}'); the check digit cannot tell '{read}' from '{alt}'"),
    "number-corrected": QT_TRANSLATE_NOOP(
        "Reason", "the reader read {read} and corrected it to {number}: {corrections}"),
}

Value = Union[str, "Reason", tuple]
Translate = Callable[[str], str]


def _english(text: str) -> str:
    return text


class Reason(str):
    """One reason, its English words as the string; ``code`` and ``values`` kept."""

    CONTEXT = CONTEXT  # the translations' context of the words of TEXT
    JOIN = JOIN

    code: str
    values: tuple[tuple[str, Value], ...]

    def __new__(cls, code: str, **values: Value) -> Reason:
        if code not in TEXT:
            raise KeyError(f"no reason {code!r}")
        items = tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                             for k, v in values.items()))
        self = super().__new__(cls, _render(code, items, _english, str))
        self.code = code
        self.values = items
        return self

    def __reduce__(self):
        return (_rebuild, (self.code, self.values))

    def words(self, translate: Translate, data: Callable[[str], str] = str) -> str:
        """The reason in another language: ``translate`` gives the words for an English
        template of :data:`TEXT`; ``data`` marks a value shown as is (a bidi isolate)."""
        return _render(self.code, self.values, translate, data)

    def as_json(self) -> dict:
        return {"code": self.code, **{k: _value_json(v) for k, v in self.values}}

    @classmethod
    def from_json(cls, value: dict) -> Reason:
        return cls(value["code"], **{k: _value_from_json(v) for k, v in value.items()
                                     if k != "code"})


def _rebuild(code: str, values: tuple) -> Reason:
    return Reason(code, **dict(values))


def _value_json(value: Value):
    if isinstance(value, Reason):
        return value.as_json()
    if isinstance(value, tuple):
        return [_value_json(v) for v in value]
    return value


def _value_from_json(value):
    if isinstance(value, dict):
        return Reason.from_json(value)
    if isinstance(value, list):
        return tuple(_value_from_json(v) for v in value)
    return value


def _render(code: str, values: tuple, translate: Translate, data: Callable[[str], str]) -> str:
    def one(value: Value) -> str:
        if isinstance(value, Reason):
            return value.words(translate, data)
        if isinstance(value, tuple):
            return translate(SEPARATOR).join(one(v) for v in value)
        return data(str(value))
    return translate(TEXT[code]).format(**{k: one(v) for k, v in values})


def status_reason(status: str) -> Value:
    """A listed document's status as words to translate (stolen, lost, revoked,
    invalidated), or as the list gives it when it is another."""
    code = f"status-{status}"
    return Reason(code) if code in TEXT else status


def reasons_of(reasons_json: list[dict] | None, english: list[str] | None) -> list:
    """Reasons back from JSON (``reason_codes`` of a match), or the English words
    as they are where a match carries no codes (a log written before)."""
    if reasons_json:
        try:
            return [Reason.from_json(r) for r in reasons_json]
        except (KeyError, TypeError, ValueError):
            pass
    return list(english or ())
